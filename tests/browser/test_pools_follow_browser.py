"""End to end: with no ``--pool``, the running server re-plans its preheated kernels from the
session's registrations (and the programme and the clock) without a restart (issue 10 item 1)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from companion.core.model import TRAINER
from companion.store import open_store
from tests.browser.harness import Server, kernel_processes, start_server, stop_server

pytestmark = pytest.mark.browser

SESSION = "SUIVI1"
MORNING = "2026-11-28T09:10:00"  # day 1, welcome: the pools go to 00_accueil


def _kernels(server: Server) -> int:
    return len(kernel_processes(server))


def _eventually(check: Callable[[], bool], within_s: float = 90.0) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(1)
    return check()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    with open_store(f"sqlite:///{tmp_path / 'browser-store.sqlite3'}") as store:
        store.create_session(SESSION, "ESS", actor=TRAINER)
        store.add_participant(SESSION, pseudonym="Nadia")
    running = start_server(tmp_path, session=SESSION, now=MORNING, pool=None,
                           extra_args=("--replan-every=3",))
    yield running
    stop_server(running)


def test_the_pools_grow_and_shrink_with_the_registrations(server: Server) -> None:
    assert "00_accueil.ipynb × 2" in server.log()  # one registered, and one more
    assert _eventually(lambda: _kernels(server) == 2), server.log()
    with open_store(server.store_url) as store:
        added = [store.add_participant(SESSION, pseudonym=name) for name in ("Bruno", "Chloé")]
    assert _eventually(lambda: _kernels(server) == 4), server.log()
    assert "Pools follow the programme: 00_accueil.ipynb × 4" in server.log()
    with open_store(server.store_url) as store:
        for participant in added:
            store.remove_participant(participant.id, actor=TRAINER)
    assert _eventually(lambda: _kernels(server) == 2), server.log()
