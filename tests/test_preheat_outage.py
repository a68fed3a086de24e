"""A page preheated while the store was down works once it is back: it checks the store
again when the visitor arrives (``apply_query``), instead of serving the old failure."""

from __future__ import annotations

from pathlib import Path

import pytest

import companion
from companion.core.errors import StoreError
from companion.core.model import TRAINER
from companion.store import open_store
from companion.store.deferred import DeferredStore
from companion.widgets.brainstorm.page import BrainstormPage
from companion.widgets.evaluation import EvaluationPage
from companion.widgets.home.page import HomePage


@pytest.fixture
def outage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store path SQLite cannot open (a directory stands there) in a preheating kernel."""
    monkeypatch.setenv("VOILA_PREHEAT", "True")
    path = tmp_path / "store.sqlite3"
    path.mkdir()
    return path


def _store_back(path: Path) -> None:
    path.rmdir()
    with open_store(path) as store:
        store.create_session("RETOUR", "Retour", actor=TRAINER)
        store.activate_session("RETOUR", actor=TRAINER)


def test_outside_preheating_an_unreachable_store_still_raises(outage: Path,
                                                              monkeypatch: pytest.MonkeyPatch
                                                              ) -> None:
    monkeypatch.setenv("VOILA_PREHEAT", "False")
    with pytest.raises(StoreError):
        open_store(outage)


def test_a_brainstorm_page_preheated_during_an_outage_works_on_arrival(outage: Path) -> None:
    store = companion.open_store(outage)
    assert isinstance(store, DeferredStore) and not store.opened
    page = BrainstormPage(store, manche="difficultes", trainer_code="CODE")  # preheat
    assert page.session is None and page.notice.level == "erreur"
    _store_back(outage)
    page.apply_query({"groupe": "G1"})  # the visitor arrives
    assert page.session is not None and page.session.code == "RETOUR"
    assert page.board is not None and page.notice.text == ""
    page.board.post("Une idée après la panne", "Partenariat")
    assert page.board.notice.level == "succes"
    assert "Une idée après la panne" in page.board.cards[0].text


def test_the_session_named_in_the_address_binds_once_the_store_is_back(outage: Path) -> None:
    store = companion.open_store(outage)
    page = BrainstormPage(store, manche="difficultes", trainer_code="CODE")
    page.apply_query({"session": "RETOUR", "groupe": "G1"})  # still down on arrival
    assert page.session is None and page.notice.level == "erreur"
    _store_back(outage)
    page.poller.poll_once()  # the live refresh binds it once the store answers
    assert page.session is not None and page.board is not None


def test_home_and_sequence_pages_preheated_during_an_outage(outage: Path) -> None:
    store = companion.open_store(outage)
    home = HomePage(store, trainer_code="CODE")
    evaluation = EvaluationPage(store, trainer_code="CODE", start=False)
    assert home.session is None and evaluation.session is None
    _store_back(outage)
    home.apply_query({})
    evaluation.apply_query({})
    assert home.session is not None and home.registration is not None
    assert evaluation.session is not None and evaluation.form is not None
