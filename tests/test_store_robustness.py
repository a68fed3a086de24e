"""The store under bad conditions: a file that is not a store, read-only, too recent, and
several processes writing at once."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from companion.core.errors import StoreError
from companion.core.model import TRAINER
from companion.store import open_store
from companion.store.schema import LATEST_VERSION

WRITERS = 10
WRITES_EACH = 40


def test_a_file_that_is_not_a_database_gives_a_french_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"Ceci n'est pas une base de donnees. " * 200)
    with pytest.raises(StoreError, match="n'est pas une base du compagnon"):
        open_store(path)
    assert path.read_bytes().startswith(b"Ceci n'est pas")  # untouched


def test_read_only_store_as_root_is_detected_through_sqlite(tmp_path: Path) -> None:
    """A read-only store file (opened read-only by SQLite itself, which also holds as root,
    unlike file modes) can be read but refuses writes with a French message."""
    path = tmp_path / "ro.sqlite3"
    with open_store(path) as store:
        store.add_record("S1", "expectation", {"text": "gardée"})
    with open_store(f"sqlite:///file:{path}?mode=ro&uri=true") as store:
        with pytest.raises(StoreError, match="lecture seule"):
            store.add_record("S1", "expectation", {"text": "refusée"})
        assert [r.data["text"] for r in store.list_records("S1")] == ["gardée"]


def test_a_store_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with open_store(path) as store:
        store.add_record("S1", "expectation", {"text": "gardée"})
    with sqlite3.connect(path) as conn:
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (LATEST_VERSION + 1,)
        )
    with pytest.raises(StoreError, match="version plus récente"):
        open_store(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM records").fetchone()[0] == 1


def test_a_store_without_schema_is_migrated_from_scratch(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    sqlite3.connect(path).close()  # an empty SQLite file, as `touch` or a crash leaves it
    with open_store(path) as store:
        assert store.schema_version() == LATEST_VERSION
        store.create_session("NEW", "x", actor=TRAINER)


def _writer(url: str, number: int, barrier: multiprocessing.synchronize.Barrier) -> None:
    store = open_store(url)
    barrier.wait()
    for index in range(WRITES_EACH):
        if index % 4 == 0:
            store.add_participant("S1", pseudonym=f"p{number}-{index}", function="f", territory="t")
        else:
            store.add_record("S1", "idea", {"text": f"{number}-{index}"}, group=f"G{number % 3}")
    store.close()


@pytest.mark.slow
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_concurrent_writers_lose_nothing(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    else:
        from tests.conftest import _fresh_pg_database

        url = _fresh_pg_database(request.getfixturevalue("postgres_url"))
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WRITERS)
    workers = [context.Process(target=_writer, args=(url, n, barrier)) for n in range(WRITERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=240)
        assert worker.exitcode == 0
    with open_store(url) as store:
        texts = sorted(str(r.data["text"]) for r in store.list_records("S1", "idea"))
        expected = sorted(f"{n}-{i}" for n in range(WRITERS) for i in range(WRITES_EACH) if i % 4)
        assert texts == expected
        assert len(store.list_participants("S1")) == WRITERS * WRITES_EACH // 4
        assert store.change_token() == WRITERS * WRITES_EACH
