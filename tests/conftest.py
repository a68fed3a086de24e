"""Shared fixtures: stores on every backend, the course content, a clean environment."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


def pg_bin_or_skip() -> Path:
    """The PostgreSQL programs' directory; without PostgreSQL, fail in CI
    (``COMPANION_REQUIRE_POSTGRES=1``) and skip otherwise (a developer without it)."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        message = "PostgreSQL n'est pas installé (paquet Debian « postgresql »)."
        if os.environ.get("COMPANION_REQUIRE_POSTGRES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return bin_dir


class PostgresServer:
    """A throwaway PostgreSQL server on 127.0.0.1: a fresh cluster in a temporary directory,
    which can be stopped, crashed (SIGKILL of the postmaster and every backend) and started
    again on the same data and port."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.workdir = Path(tempfile.mkdtemp(prefix="companion-pg-"))
        self.data = self.workdir / "data"
        self.log = self.workdir / "server.log"
        self.port = _free_port()
        # PostgreSQL refuses to run as root: then its programs run as « postgres ».
        self.user: dict[str, Any] = {}
        if os.geteuid() == 0:
            shutil.chown(self.workdir, "postgres")
            self.user = {"user": "postgres", "group": "postgres", "extra_groups": []}
        self.process: subprocess.Popen[bytes] | None = None
        subprocess.run(
            [str(bin_dir / "initdb"), "-D", str(self.data), "-U", "companion", "--auth=trust",
             "-E", "UTF8"],
            check=True,
            capture_output=True,
            cwd=self.workdir,
            **self.user,
        )

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://companion@127.0.0.1:{self.port}/postgres"

    def start(self, timeout_s: float = 30) -> None:
        """Start the server and return once it accepts connections (``pg_isready``)."""
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # the postmaster itself: we reap it
                [str(self.bin_dir / "postgres"), "-D", str(self.data), "-p", str(self.port),
                 "-c", "listen_addresses=127.0.0.1",
                 "-c", f"unix_socket_directories={self.workdir}", "-c", "fsync=off"],
                stdout=log,
                stderr=log,
                cwd=self.workdir,
                **self.user,
            )
        deadline = time.monotonic() + timeout_s
        while True:
            ready = subprocess.run(
                [str(self.bin_dir / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(self.port),
                 "-U", "companion", "-d", "postgres", "-t", "2"],
                check=False,
            )
            if ready.returncode == 0:
                return
            if self.process.poll() is not None or time.monotonic() > deadline:
                log_text = self.log.read_text(errors="replace")[-2000:]
                raise RuntimeError(f"PostgreSQL ne répond pas sur le port {self.port} :\n"
                                   f"{log_text}")
            time.sleep(0.1)

    def crash(self) -> None:
        """SIGKILL the postmaster and all its backends at once, as a crash would; return once
        none is left (a new postmaster refuses to start beside an old backend)."""
        import psutil

        assert self.process is not None
        children = psutil.Process(self.process.pid).children(recursive=True)
        self.process.kill()
        for child in children:  # backends are their own process groups (setsid)
            with contextlib.suppress(psutil.NoSuchProcess):
                child.kill()
        self.process.wait(timeout=30)
        self.process = None
        deadline = time.monotonic() + 30
        for child in children:
            while _alive(child):
                assert time.monotonic() < deadline, f"backend {child.pid} still alive"
                time.sleep(0.02)

    def stop(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGINT)  # fast shutdown: clients disconnected
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.crash()
            self.process = None
        shutil.rmtree(self.workdir, ignore_errors=True)


def _alive(process: Any) -> bool:
    import psutil

    try:
        return bool(process.status() != psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return False


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
    server = PostgresServer(pg_bin_or_skip())
    try:
        server.start()
        yield server.url
    finally:
        server.stop()


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
