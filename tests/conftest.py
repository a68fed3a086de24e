"""Shared fixtures: stores on every backend, the course content, a clean environment."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from companion.core.model import TRAINER
from companion.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never touch the real per-user store, trainer code or clock from a test."""
    for name in (
        "COMPANION_STORE",
        "COMPANION_TRAINER_CODE",
        "COMPANION_SESSION",
        "COMPANION_NOW",
        "COMPANION_JOIN_URL",
        "QUERY_STRING",
        "VOILA_PREHEAT",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COMPANION_DATA_DIR", str(tmp_path / "companion-data"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL server on 127.0.0.1 (``$COMPANION_TEST_PG_URL`` if given).

    The test command installs PostgreSQL; when it is missing the tests that need it fail
    with a message saying so when ``COMPANION_REQUIRE_POSTGRES=1`` (CI), and are skipped
    otherwise (a developer without PostgreSQL).
    """
    given = os.environ.get("COMPANION_TEST_PG_URL")
    if given:
        yield given
        return
    bin_dir = _pg_bin()
    if bin_dir is None:
        message = "PostgreSQL n'est pas installé (paquet Debian « postgresql »)."
        if os.environ.get("COMPANION_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    workdir = Path(tempfile.mkdtemp(prefix="companion-pg-"))
    port = _free_port()
    run_as: list[str] = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(workdir, "postgres")
        run_as = ["runuser", "-u", "postgres", "--"]
    data = workdir / "data"
    subprocess.run(
        [
            *run_as,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            "companion",
            "--auth=trust",
            "-E",
            "UTF8",
        ],
        check=True,
        capture_output=True,
    )
    server = subprocess.Popen(
        [
            *run_as,
            str(bin_dir / "postgres"),
            "-D",
            str(data),
            "-p",
            str(port),
            "-c",
            "listen_addresses=127.0.0.1",
            "-c",
            f"unix_socket_directories={workdir}",
            "-c",
            "fsync=off",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"postgresql+psycopg://companion@127.0.0.1:{port}/postgres"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.2)
    time.sleep(0.5)
    try:
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)


def _fresh_pg_database(base_url: str) -> str:
    """Create an empty database on the test server and return its URL."""
    import sqlalchemy

    name = f"t{os.getpid()}_{time.monotonic_ns()}"
    admin = sqlalchemy.create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    return base_url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh store URL on every backend (the store contract runs against each)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    return _fresh_pg_database(request.getfixturevalue("postgres_url"))


@pytest.fixture
def any_store(any_store_url: str) -> Iterator[Store]:
    """An open, empty store on every backend."""
    store = open_store(any_store_url)
    yield store
    store.close()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An open, empty SQLite store in a temporary file."""
    opened = open_store(tmp_path / "store.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def session_code(store: Store) -> str:
    """An active session « TEST1 » in ``store``."""
    store.create_session("TEST1", "Session de test", actor=TRAINER)
    store.activate_session("TEST1", actor=TRAINER)
    return "TEST1"
