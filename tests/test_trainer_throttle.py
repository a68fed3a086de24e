"""The trainer-code lockout holds per client across pages (each Voilà page is a new kernel),
and failures are logged to the server's console."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tornado.web import create_signed_value

from companion.core import config, visitor
from companion.core.throttle import ROOM_FREE_FAILURES, Throttle
from companion.widgets.base import TrainerGate

CODE = "FORMA7EUR"


def _as_browser(monkeypatch: pytest.MonkeyPatch, username: str) -> None:
    secret = visitor.ensure_cookie_secret().read_bytes().strip()
    name = "username-127-0-0-1-8866"
    value = create_signed_value(secret, name, json.dumps({"username": username}), version=2)
    monkeypatch.setenv("HTTP_COOKIE", f'{name}="{value.decode()}"')


def test_new_pages_do_not_reset_the_lockout(monkeypatch: pytest.MonkeyPatch,
                                            capfd: pytest.CaptureFixture[str]) -> None:
    _as_browser(monkeypatch, "attaquant")
    for _ in range(3):
        assert not TrainerGate(CODE).check("000000")  # a new page for every guess
    assert not TrainerGate(CODE).check(CODE)  # even the right code waits now
    assert "wrong trainer code" in capfd.readouterr().err  # the server log, for the trainer
    _as_browser(monkeypatch, "formatrice")  # another browser is not locked out
    assert TrainerGate(CODE).check(CODE)


def test_pages_without_identity_share_one_bucket(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HTTP_COOKIE", raising=False)
    for _ in range(3):
        assert not TrainerGate(CODE).check("000000")
    assert not TrainerGate(CODE).check(CODE)


def test_delays_grow_then_expire_and_the_room_has_a_ceiling(tmp_path: Path) -> None:
    now = [1000.0]
    throttle = Throttle(tmp_path, clock=lambda: now[0])
    for _ in range(2):
        throttle.failed("a")
    assert throttle.wait("a") == 0
    throttle.failed("a")
    assert throttle.wait("a") == 2.0
    throttle.failed("a")
    assert throttle.wait("a") == 4.0 and throttle.wait("b") == 0
    now[0] += 5
    assert throttle.wait("a") == 0
    gate = TrainerGate(CODE, throttle=throttle)
    assert gate.check(CODE)  # a success forgets the client's failures
    for n in range(ROOM_FREE_FAILURES):
        throttle.failed(f"client-{n}")  # many identities: the room's ceiling applies
    assert throttle.wait("tout-nouveau") > 0
    assert (config.user_data_dir() / "trainer-gate.json").exists() is False  # tmp_path here
