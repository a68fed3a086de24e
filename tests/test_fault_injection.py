"""Fault injection: writers keep writing through the real store while something breaks, and
every write the store acknowledged is still there afterwards.

Each run starts writer processes (``tests/fault_writer.py``: one flushed line per attempt,
``OK`` once the store call returned), injects a fault, recovers from it, then counts what the
store holds. A run asserts: no acknowledged write lost, none stored twice, nothing stored that
no writer attempted; every failure a clean ``StoreError`` (French, no other exception); no
hang (the writers write again after the recovery and stop when asked); an intact SQLite file
(``PRAGMA integrity_check``). Each run prints « acquittées N / stockées M / perdues 0 ».

The six runs of issue 14: writers SIGKILLed, a full disk (a small tmpfs when we may mount one,
else ``RLIMIT_FSIZE``), a read-only store, PostgreSQL crashed under two writer processes, and
the real ``companion serve`` SIGKILLed and restarted.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from companion.core.model import TRAINER
from companion.store import open_store
from companion.store.sql import SQLITE_BUSY_TIMEOUT_S
from tests.browser.harness import free_port, start_server, stop_server
from tests.conftest import ROOT, PostgresServer, pg_bin_or_skip
from tests.fault_writer import CHECKED_KIND, KIND

SESSION = "FAUTE1"
STEP_S = 60  # deadline of each wait (a writer that does not get there is hung)
STOP_S = 30  # a writer told to stop must exit within this
MAX_GAP_S = SQLITE_BUSY_TIMEOUT_S  # the longest a store call may wait: past it, a hang
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

Say = Callable[[str], None]


# --- the writers ------------------------------------------------------------------------------
@dataclass
class Writer:
    """One writer process and the lines it printed, with when they arrived."""

    tag: str
    process: subprocess.Popen[str]
    lines: list[tuple[float, str]] = field(default_factory=list)
    reader: threading.Thread | None = None

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.endswith("\n"):  # a line cut by SIGKILL was never acknowledged
                self.lines.append((time.monotonic(), line.rstrip("\n")))

    def _texts(self, prefix: str) -> list[str]:
        return [line.split(" ", 2)[1] for _, line in list(self.lines)
                if line.startswith(prefix + " ")]

    def oks(self) -> list[str]:
        return self._texts("OK")

    def errors(self) -> list[str]:
        return [line for _, line in list(self.lines) if line.startswith("ERR ")]

    def bad(self) -> list[str]:
        return [line for _, line in list(self.lines) if line.startswith("BAD ")]

    def max_gap(self) -> tuple[float, str]:
        """The longest wait between two lines (one store call, or opening the store) and the
        line that ended it."""
        return max(((b[0] - a[0], b[1]) for a, b in itertools.pairwise(list(self.lines))),
                   default=(0.0, ""))


class Writers:
    """The writer processes of one run, on one store URL."""

    def __init__(self, url: str, workdir: Path, session: str = SESSION) -> None:
        self.url = url
        self.session = session
        self.stop_file = workdir / "stop-writers"
        self.all: list[Writer] = []
        self.killed: list[Writer] = []

    def start(self, tag: str, preexec_fn: Callable[[], None] | None = None) -> Writer:
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONUNBUFFERED="1")
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.fault_writer", self.url, self.session, tag,
             str(self.stop_file)],
            cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            preexec_fn=preexec_fn,
        )
        writer = Writer(tag, process)
        writer.reader = threading.Thread(target=writer._read, daemon=True)
        writer.reader.start()
        self.all.append(writer)
        return writer

    @property
    def alive(self) -> list[Writer]:
        return [w for w in self.all if w not in self.killed]

    def wait(self, what: str, condition: Callable[[], bool], timeout_s: float = STEP_S) -> None:
        """Wait until ``condition`` holds; fail (a hang) past the deadline."""
        deadline = time.monotonic() + timeout_s
        while not condition():
            for writer in self.alive:
                assert writer.process.poll() is None, (
                    f"{writer.tag} s'est arrêté : {writer.lines[-5:]}")
            assert time.monotonic() < deadline, f"{what} : rien après {timeout_s} s " + str(
                {w.tag: w.lines[-3:] for w in self.alive})
            time.sleep(0.02)

    def each_acknowledged(self, count: int, what: str) -> None:
        """Wait until every live writer has ``count`` more acknowledged writes than now."""
        targets = {w.tag: len(w.oks()) + count for w in self.alive}
        self.wait(what, lambda: all(len(w.oks()) >= targets[w.tag] for w in self.alive))

    def each_refused(self, count: int, what: str) -> None:
        """Wait until every live writer has had ``count`` more clean errors than now."""
        targets = {w.tag: len(w.errors()) + count for w in self.alive}
        self.wait(what, lambda: all(len(w.errors()) >= targets[w.tag] for w in self.alive))

    def kill(self, writer: Writer) -> None:
        writer.process.send_signal(signal.SIGKILL)
        writer.process.wait(timeout=STOP_S)
        self.killed.append(writer)

    def stop(self) -> None:
        """Ask the live writers to stop; each must exit within ``STOP_S`` (no hang)."""
        self.stop_file.touch()
        for writer in self.alive:
            try:
                code = writer.process.wait(timeout=STOP_S)
            except subprocess.TimeoutExpired:
                writer.process.kill()
                pytest.fail(f"{writer.tag} ne s'arrête pas (bloqué) : {writer.lines[-5:]}")
            assert code == 0, writer.lines[-5:]
        for writer in self.all:  # every line read, up to the pipe's end (killed ones too)
            assert writer.reader is not None
            writer.reader.join(timeout=STOP_S)
            assert not writer.reader.is_alive()
        assert all(w.lines[-1][1] == "END" for w in self.alive)

    def cleanup(self) -> None:
        for writer in self.all:
            if writer.process.poll() is None:
                writer.process.kill()
                writer.process.wait(timeout=STOP_S)

    def acknowledged(self) -> set[str]:
        return {text for w in self.all for text in w.oks()}

    def attempted(self) -> set[str]:
        return acknowledged_or_tried(self.all)


def acknowledged_or_tried(writers: list[Writer]) -> set[str]:
    """Every text a writer tried (acknowledged or not): a killed writer may have stored the
    one it was writing when it died, beyond its last line."""
    tried: set[str] = set()
    for w in writers:
        numbers = [int(line.split(" ", 2)[1].rsplit("-", 1)[1]) for _, line in list(w.lines)
                   if line.split(" ", 2)[0] in ("OK", "ERR", "BAD")
                   and not line.startswith("ERR open")]
        tried.update(f"{w.tag}-{n}" for n in range((max(numbers) + 2) if numbers else 1))
    return tried


@pytest.fixture
def writers_of(tmp_path: Path) -> Iterator[Callable[[str], Writers]]:
    """Make the run's writers on a URL; whatever is left running is killed at the end."""
    made: list[Writers] = []

    def make(url: str) -> Writers:
        made.append(Writers(url, tmp_path))
        return made[-1]

    yield make
    for writers in made:
        writers.cleanup()


@pytest.fixture
def say(capsys: pytest.CaptureFixture[str]) -> Say:
    """Print a run's figures in the test's output (``-rA``) and, past the capture, in the
    terminal (CI logs) as ``[fautes] …``."""

    def _say(line: str) -> None:
        print(line)
        with capsys.disabled():
            sys.stdout.write(f"\n[fautes] {line}\n")
            sys.stdout.flush()

    return _say


# --- the checks -------------------------------------------------------------------------------
def _stored(url: str, session: str = SESSION) -> Counter[str]:
    with open_store(url) as store:
        records = [*store.list_records(session, KIND), *store.list_records(session, CHECKED_KIND)]
    return Counter(str(r.data["text"]) for r in records)


def _integrity(path: Path) -> str:
    with contextlib.closing(sqlite3.connect(path)) as conn:  # closed: the tmpfs unmounts
        return ", ".join(str(row[0]) for row in conn.execute("PRAGMA integrity_check"))


def _check(run: str, writers: Writers, say: Say, db: Path | None = None) -> None:
    """Count what the store holds against what was acknowledged; print it; assert 0 lost."""
    stored = _stored(writers.url)
    acknowledged = writers.acknowledged()
    lost = sorted(acknowledged - set(stored))
    twice = sorted(text for text, count in stored.items() if count > 1)
    phantom = sorted(set(stored) - writers.attempted())
    errors = [line for w in writers.all for line in w.errors()]
    bad = [line for w in writers.all for line in w.bad()]
    messages = sorted({line.split(" ", 2)[2] for line in errors if len(line.split(" ", 2)) == 3})
    gap, gap_line = max(w.max_gap() for w in writers.all)
    integrity = _integrity(db) if db is not None else "—"
    say(f"{run} : acquittées {len(acknowledged)} / stockées {len(stored)} / perdues {len(lost)}"
        f" — erreurs propres {len(errors)}, autres {len(bad)}, appel le plus long {gap:.2f} s"
        f" (jusqu'à « {gap_line[:40]} »),"
        f" intégrité {integrity}")
    for message in messages:
        say(f"{run} :   message vu : « {message} »")
    assert not lost, f"{len(lost)} écritures acquittées perdues : {lost[:10]}"
    assert not twice, f"stockées deux fois : {twice[:10]}"
    assert not phantom, f"stockées sans avoir été tentées : {phantom[:10]}"
    assert not bad, f"erreurs non propres : {bad[:5]}"
    assert gap < MAX_GAP_S, f"un appel du store a duré {gap:.1f} s"
    if db is not None:
        assert integrity == "ok"


def _new_sqlite(path: Path) -> str:
    url = f"sqlite:///{path}"
    with open_store(url) as store:
        store.create_session(SESSION, "Pannes", actor=TRAINER)
    return url


# --- privileges -------------------------------------------------------------------------------
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_SYS_ADMIN = 1, 2, 21
PR_CAPBSET_DROP = 24


def _effective_caps() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("CapEff:"):
            return int(line.split()[1], 16)
    return 0


def _can_mount() -> bool:
    return os.geteuid() == 0 and bool(_effective_caps() & (1 << CAP_SYS_ADMIN)) and bool(
        shutil.which("mount"))


def _without_dac_override() -> None:
    """preexec_fn: as root, drop the capabilities that ignore file modes, so that a chmod
    makes the store read-only for the writer as it does for anyone else."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


# --- 1. writers SIGKILLed ---------------------------------------------------------------------
@pytest.mark.slow
def test_writers_sigkilled_mid_run_lose_no_acknowledged_write(
    tmp_path: Path, writers_of: Callable[[str], Writers], say: Say
) -> None:
    db = tmp_path / "store.sqlite3"
    writers = writers_of(_new_sqlite(db))
    seed = random.randrange(1_000_000)
    chance = random.Random(seed)
    say(f"écrivains tués : graine {seed}")
    for n in range(4):
        writers.start(f"W{n}")
    writers.each_acknowledged(10, "démarrage")
    for victim in chance.sample(writers.alive, 2):
        target = len(victim.oks()) + chance.randint(10, 120)
        writers.wait("avant le SIGKILL", lambda v=victim, t=target: len(v.oks()) >= t)
        time.sleep(chance.uniform(0, 0.02))  # anywhere in a write
        writers.kill(victim)
    writers.each_acknowledged(100, "les survivants après les SIGKILL")
    writers.stop()
    assert all(w.process.returncode == -signal.SIGKILL for w in writers.killed)
    _check("SQLite, 2 écrivains sur 4 tués (SIGKILL)", writers, say, db)


# --- 2. disk full -----------------------------------------------------------------------------
DISK_FULL = ["rlimit_fsize", *(["tmpfs"] if _can_mount() else [])]


def _ignore_sigxfsz() -> None:
    """preexec_fn: past RLIMIT_FSIZE, write() fails with EFBIG instead of killing the writer."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


@pytest.mark.slow
@pytest.mark.parametrize("how", DISK_FULL)
def test_a_full_disk_refuses_cleanly_and_loses_nothing(
    how: str, tmp_path: Path, writers_of: Callable[[str], Writers], say: Say
) -> None:
    place = tmp_path
    if how == "tmpfs":
        place = tmp_path / "tmpfs"
        place.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(place)],
                       check=True)
    db = place / "store.sqlite3"
    writers = writers_of(_new_sqlite(db))
    try:
        for n in range(2):
            writers.start(f"D{n}", _ignore_sigxfsz)
        writers.each_acknowledged(20, "avant le disque plein")
        filler = place / "filler"
        if how == "rlimit_fsize":  # from now on no file may grow past the store's size + 8 kB
            limit = db.stat().st_size + 8_123
            for writer in writers.alive:
                resource.prlimit(writer.process.pid, resource.RLIMIT_FSIZE,
                                 (limit, resource.RLIM_INFINITY))
        else:
            with filler.open("wb") as out, contextlib.suppress(OSError):
                while True:  # until ENOSPC
                    out.write(b"\0" * 65536)
                    out.flush()
        writers.each_refused(5, "disque plein : les écritures doivent échouer")
        assert _integrity(db) == "ok"  # full, not corrupt
        if how == "tmpfs":
            filler.unlink()
        else:
            for writer in writers.alive:
                resource.prlimit(writer.process.pid, resource.RLIMIT_FSIZE,
                                 (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        writers.each_acknowledged(20, "place rendue")
        writers.stop()
        _check(f"SQLite, disque plein ({how})", writers, say, db)
    finally:
        if how == "tmpfs":
            writers.cleanup()  # nothing may hold the mount
            if subprocess.run(["umount", str(place)], check=False).returncode != 0:
                subprocess.run(["umount", "-l", str(place)], check=False)  # never left mounted


# --- 3. read-only store -----------------------------------------------------------------------
def _refused_writes(writer: Writer) -> int:
    """The writer's refused writes (not its failed attempts to open the store)."""
    return sum(1 for line in writer.errors() if not line.startswith("ERR open "))


@pytest.mark.slow
def test_a_store_made_read_only_mid_run_refuses_cleanly_and_comes_back(
    tmp_path: Path, writers_of: Callable[[str], Writers], say: Say
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "store.sqlite3"
    writers = writers_of(_new_sqlite(db))
    for n in range(2):
        writers.start(f"R{n}", _without_dac_override)
    writers.each_acknowledged(20, "avant la lecture seule")
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        # The file and its folder read-only: the open writers cannot make their journal.
        writers.each_refused(5, "lecture seule : les écritures doivent échouer")
        assert _integrity(db) == "ok"
        # The folder back, the file still read-only: a kernel that opens the store now gets a
        # connection SQLite opened read-only (its writes are refused)…
        folder.chmod(0o755)
        late = writers.start("R-tard", _without_dac_override)
        writers.wait("l'écrivain arrivé pendant la lecture seule",
                     lambda: _refused_writes(late) >= 3)
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)
    # … and must write again once the file is writable, like the others.
    writers.each_acknowledged(20, "droits rendus")
    writers.stop()
    _check("SQLite, base en lecture seule puis rendue", writers, say, db)


# --- 4. PostgreSQL crashed under two writer processes -----------------------------------------
@pytest.fixture
def crashable_postgres() -> Iterator[PostgresServer]:
    """A private PostgreSQL server (the session's one is shared: never crash it)."""
    server = PostgresServer(pg_bin_or_skip())
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.mark.slow
@pytest.mark.postgres
def test_postgresql_crashed_and_restarted_under_two_writers(
    crashable_postgres: PostgresServer, writers_of: Callable[[str], Writers], say: Say
) -> None:
    url = crashable_postgres.url
    with open_store(url) as store:
        store.create_session(SESSION, "Pannes", actor=TRAINER)
    writers = writers_of(url)
    for n in range(2):
        writers.start(f"P{n}")
    writers.each_acknowledged(50, "avant la panne")
    crashable_postgres.crash()
    writers.each_refused(5, "PostgreSQL arrêté : les écritures doivent échouer")
    crashable_postgres.start()
    writers.each_acknowledged(50, "PostgreSQL redémarré")
    writers.stop()
    _check("PostgreSQL tué (SIGKILL de tout le serveur) puis relancé, 2 écrivains", writers,
           say)


# --- 5. the real server SIGKILLed and restarted -----------------------------------------------
def _page(url: str) -> str:
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 (local)
        assert response.status == 200
        return str(response.read().decode("utf-8"))


def _assert_renders(html: str) -> None:
    assert WIDGET_VIEW in html, "la page n'a pas construit ses widgets"
    assert "Traceback" not in html and "error when executing" not in html.lower()
    assert "La base de données" not in html, "la page affiche une erreur du store"


@pytest.mark.slow
def test_the_server_sigkilled_and_restarted_while_writers_post(
    tmp_path: Path, writers_of: Callable[[str], Writers], say: Say
) -> None:
    port = free_port()
    server = start_server(tmp_path, session=SESSION, pool=0, port=port)
    try:
        writers = writers_of(server.store_url)
        for n in range(2):
            writers.start(f"S{n}")
        page = server.url("00_accueil.ipynb", session=SESSION)
        _assert_renders(_page(page))  # its kernel stays up, the store open
        writers.each_acknowledged(30, "avant le SIGKILL du serveur")
    finally:
        os.killpg(server.process.pid, signal.SIGKILL)  # Voilà and its kernels, a crash
        server.process.wait(timeout=STOP_S)
    writers.each_acknowledged(30, "serveur tué")
    again = start_server(tmp_path, session=SESSION, pool=0, port=port)
    try:
        _assert_renders(_page(page))
        writers.each_acknowledged(30, "serveur relancé")
    finally:
        stop_server(again)
    writers.stop()
    db = Path(server.store_url.removeprefix("sqlite:///"))
    _check("companion serve tué (SIGKILL) et relancé, 2 écrivains", writers, say, db)
