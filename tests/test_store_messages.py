"""Store errors: a participant reads a short French message (no file path, no database
address, no English driver text); the trainer's unlocked page and the server log get the
detail; the read-only message does not send participants to a command-line option."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.core.errors import StoreError, detail_of
from companion.core.model import TRAINER
from companion.store import open_store
from companion.widgets.brainstorm.page import BrainstormPage

ENGLISH = ("readonly", "read-only", "unable to open", "database", "disk", "Connection",
           "refused", "sqlite", "postgresql", "--store")


def _assert_for_participants(message: str, *hidden: str) -> None:
    for word in (*ENGLISH, *hidden):
        assert word.lower() not in message.lower(), (word, message)
    assert "formateur" in message


def test_read_only_store_message(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ro.sqlite3"
    with open_store(path) as store:
        store.create_session("LECT1", "x", actor=TRAINER)
        store.activate_session("LECT1", actor=TRAINER)
    with open_store(f"sqlite:///file:{path}?mode=ro&uri=true") as store:
        with pytest.raises(StoreError) as caught:
            store.add_record("LECT1", "expectation", {"text": "refusée"})
        _assert_for_participants(str(caught.value), str(path), str(tmp_path))
        assert str(path) in detail_of(caught.value)  # the trainer learns which file
        # in a page: the participant's notice is short; the server log has the detail
        page = BrainstormPage(store, {"groupe": "G1"}, trainer_code="CODE")
        assert page.notice.level == "erreur"  # joining its subgroup is a write
        _assert_for_participants(page.notice.text, str(path))
    assert str(path) in capfd.readouterr().err


def test_unreachable_postgresql_message(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "postgresql+psycopg://companion:motdepasse@127.0.0.1:9/base"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    _assert_for_participants(str(caught.value), "127.0.0.1", "motdepasse", ":9")
    assert "127.0.0.1" in detail_of(caught.value)
    assert "motdepasse" not in detail_of(caught.value)


def test_the_trainer_page_shows_the_detail(tmp_path: Path) -> None:
    path = tmp_path / "ro2.sqlite3"
    with open_store(path) as store:
        store.create_session("LECT2", "x", actor=TRAINER)
        store.activate_session("LECT2", actor=TRAINER)
    with open_store(f"sqlite:///file:{path}?mode=ro&uri=true") as store:
        coach = BrainstormPage(store, {}, trainer_code="CODE")
        assert coach.gate.check("CODE")
        coach.trainer.animation.set_phase("vote")
        assert str(path) in coach.trainer.animation.notice.text
