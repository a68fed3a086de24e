"""A browser keeps its identity when the server restarts, even in another Jupyter runtime
directory and after a SIGKILL: the cookie secret lives in the companion's data directory."""

from __future__ import annotations

import os
import signal
import stat
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

from companion.core import visitor
from tests.browser.harness import free_port, start_server, stop_server


def _identity_cookies(port: int, cookie: str = "") -> dict[str, str]:
    """GET the server's home page and return the ``username-*`` cookies it sets."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/")
    if cookie:
        request.add_header("Cookie", cookie)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (local)
        headers = response.headers.get_all("Set-Cookie") or []
    found: dict[str, str] = {}
    for header in headers:
        for name, morsel in SimpleCookie(header).items():
            if name.startswith("username-") and morsel.value:
                found[name] = morsel.value
    return found


@pytest.mark.slow  # two real servers, one SIGKILLed: not for the quick tier
def test_identity_survives_a_sigkill_restart_in_a_new_runtime_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = free_port()
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime-a"))
    first = start_server(tmp_path, session="GARDE1", pool=0, port=port)
    try:
        cookies = _identity_cookies(port)
    finally:
        os.killpg(first.process.pid, signal.SIGKILL)  # a crash, not a clean stop
        first.process.wait(timeout=30)
    assert len(cookies) == 1, cookies
    name, value = next(iter(cookies.items()))
    header = f'{name}="{value}"'
    monkeypatch.setenv("COMPANION_DATA_DIR", str(tmp_path / "data"))  # the server's data dir
    before = visitor.visitor_id(header)
    assert before is not None
    secret_file = visitor.cookie_secret_path()
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    secret = secret_file.read_bytes()

    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime-b"))
    second = start_server(tmp_path, session="GARDE1", pool=0, port=port)
    try:
        # The restarted server accepts the browser's cookie: it does not hand out a new one.
        assert _identity_cookies(port, header) == {}
        # A browser it never saw does get one (the check above is not vacuous).
        assert len(_identity_cookies(port)) == 1
    finally:
        stop_server(second)
    assert secret_file.read_bytes() == secret  # created once, never replaced
    assert visitor.visitor_id(header) == before  # the kernels see the same person
