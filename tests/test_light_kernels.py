"""Participant kernels stay light: a participant page imports only what it shows.

Each live notebook runs, in a fresh interpreter, as a participant of a session filled with
every activity; pandas, numpy, plotly and openpyxl must not be loaded, nor Voilà's server
packages (a preheated kernel waits for its visitor without them). Then the trainer unlocks
the page's area: what the trainer's panels need loads then. ``benchmarks/bench_kernels.py``
measures the memory this saves.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from companion.core.model import TRAINER
from companion.serving import kernel
from companion.store import open_store
from tests.report_fixture import fill
from tests.request_info import request_info_server as served_request

ROOT = Path(__file__).resolve().parent.parent
CODE = "FORMA7EUR"
SESSION = "RAPPORT"
HEAVY = ("pandas", "numpy", "plotly", "openpyxl", "sqlalchemy.orm", "voila", "jupyter_server",
         "nbconvert", "segno")
# What a participant's page may load of those: the home page draws the session's QR code.
PARTICIPANT_LOADS = {"00_accueil": {"segno"}}
# What the trainer's area of each page loads once unlocked, on the filled session.
TRAINER_LOADS = {
    "00_accueil": {"pandas", "plotly"},  # the participants board and its charts
    "01_introduction_ess": {"pandas"},  # the quiz results table
    "02_remue_meninges_1": {"pandas", "plotly"},  # the restitution's tables and charts
    "03_remue_meninges_2": {"pandas", "plotly"},
    "04_diagnostic_partage": {"pandas", "plotly"},  # the projector's AFOM and actors charts
    "05_visite_de_site": {"pandas", "plotly"},  # the debrief and its radar
    "06_table_ronde": set(),  # the trainer's panel is the room's questions, as HTML
    "08_evaluation": {"pandas", "plotly"},  # the live results
}
RUN_PAGE = f"""
import json, sys
namespace = {{}}
for code in json.loads(sys.argv[1]):
    exec(code, namespace)
heavy = {HEAVY!r}
before = [m for m in heavy if m in sys.modules]
from companion.widgets.page import SessionPage
page = next(v for v in namespace.values() if isinstance(v, SessionPage))
shown = page.session.code if page.session else None
unlocked = page.gate.check({CODE!r}) and page.trainer_area.built
after = [m for m in heavy if m in sys.modules]
print(json.dumps({{"before": before, "session": shown, "unlocked": unlocked, "after": after}}))
"""


@pytest.fixture(scope="module")
def filled_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store whose active session holds every activity's contributions."""
    url = f"sqlite:///{tmp_path_factory.mktemp('light') / 'store.sqlite3'}"
    with open_store(url) as store:
        fill(store, SESSION)
        store.activate_session(SESSION, actor=TRAINER)
    return url


def _code_cells(name: str) -> list[str]:
    notebook = json.loads((ROOT / "notebooks" / f"{name}.ipynb").read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


def _run_page(name: str, store_url: str, tmp_path: Path) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VOILA_", "QUERY_"))}
    env.update(COMPANION_STORE=store_url, COMPANION_TRAINER_CODE=CODE,
               COMPANION_DATA_DIR=str(tmp_path / "data"),
               QUERY_STRING=f"session={SESSION}&groupe=A")
    result = subprocess.run([sys.executable, "-c", RUN_PAGE, json.dumps(_code_cells(name))],
                            capture_output=True, text=True, cwd=ROOT / "notebooks", env=env,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    found: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(TRAINER_LOADS))
def test_a_participant_page_loads_no_table_chart_or_workbook_library(
    name: str, filled_store: str, tmp_path: Path
) -> None:
    found = _run_page(name, filled_store, tmp_path)
    assert found["session"] == SESSION  # the page served the filled session
    allowed = PARTICIPANT_LOADS.get(name, set())
    assert set(found["before"]) <= allowed, f"{name}: a participant kernel loaded {found['before']}"
    assert found["unlocked"]
    assert set(found["after"]) >= TRAINER_LOADS[name]
    assert not {"openpyxl", "voila", "jupyter_server"} & set(found["after"])


@pytest.fixture
def request_info_server() -> Iterator[tuple[int, list[str]]]:
    """Voilà's request-info websocket: hands each kernel that connects its visitor's request;
    yields the port and the paths that connected."""
    with served_request({"QUERY_STRING": "session=abc1&groupe=Groupe%202",
                         "HTTP_COOKIE": "companion_visitor=v1"}) as served:
        yield served


def test_a_preheated_kernel_gets_its_visitor_without_loading_voila(
    request_info_server: tuple[int, list[str]], tmp_path: Path
) -> None:
    port, paths = request_info_server
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VOILA_", "QUERY_"))}
    env.update(VOILA_PREHEAT="True", VOILA_APP_PORT=str(port), VOILA_KERNEL_ID="k-42",
               COMPANION_DATA_DIR=str(tmp_path / "data"))
    code = ("import json, os, sys, companion\n"
            "query = companion.page_parameters()\n"
            "print(json.dumps([query, os.environ.get('HTTP_COOKIE'),"
            " [m for m in ('voila', 'jupyter_server') if m in sys.modules]]))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    query, cookie, loaded = json.loads(result.stdout)
    assert paths == ["/voila/query/k-42"]
    assert query == {"session": "abc1", "groupe": "Groupe 2"}
    assert cookie == "companion_visitor=v1"  # the request's headers reach the environment
    assert loaded == []


class _FakeConnection:
    """Stands for ``websockets.connect(...)``: records the address, answers one request."""

    urls: ClassVar[list[str]] = []

    def __init__(self, url: str, **_options: Any) -> None:
        self.urls.append(url)

    async def __aenter__(self) -> _FakeConnection:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        return None

    async def recv(self) -> str:
        return json.dumps({"QUERY_STRING": f"n={len(self.urls)}"})


@pytest.mark.slow  # importing voila.utils loads Jupyter Server and nbconvert
@pytest.mark.parametrize("settings", [
    {},
    {"VOILA_APP_IP": "10.0.0.7", "VOILA_APP_PORT": "9000", "VOILA_SERVER_URL": "/cours/"},
    {"VOILA_WS_PROTOCOL": "wss", "VOILA_SERVER_URL": "/a/", "VOILA_WS_BASE_URL": "/ws/"},
])
def test_the_visitor_is_asked_where_voila_itself_would_ask(
    settings: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same address and same environment as ``voila.utils.wait_for_request`` (Voilà < 0.6)."""
    import websockets
    from voila.utils import wait_for_request as voila_wait

    for name in ("VOILA_APP_IP", "VOILA_APP_PORT", "VOILA_SERVER_URL", "VOILA_WS_PROTOCOL",
                 "VOILA_WS_BASE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in {"VOILA_PREHEAT": "True", "VOILA_KERNEL_ID": "k-7", **settings}.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("QUERY_STRING", "")  # restored after the test: both waits set it
    monkeypatch.setattr(websockets, "connect", _FakeConnection)
    monkeypatch.setattr(_FakeConnection, "urls", [])
    voila_wait()
    assert os.environ["QUERY_STRING"] == "n=1"
    kernel.wait_for_request()
    assert os.environ["QUERY_STRING"] == "n=2"
    voila_url, ours = _FakeConnection.urls
    assert ours == voila_url == kernel.request_info_url()
