"""An address naming an archived session (not the active one) never writes into it."""

from __future__ import annotations

import pytest

from companion.core.model import TRAINER
from companion.store import Store
from companion.widgets.brainstorm.page import BrainstormPage
from companion.widgets.diagnosis.page import DiagnosisPage
from companion.widgets.evaluation import EvaluationPage
from companion.widgets.home.page import HomePage


@pytest.fixture
def archived(store: Store, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("COMPANION_SESSION", "AUJ1")  # what `companion serve` gives its pages
    store.create_session("ARCH1", "Session de l'an dernier", actor=TRAINER)
    store.create_session("AUJ1", "Session du jour", actor=TRAINER)
    store.activate_session("AUJ1", actor=TRAINER)
    return "ARCH1"


def _nothing_written(store: Store, code: str) -> None:
    assert store.list_records(code) == [] and store.list_groups(code) == []
    assert store.list_participants(code) == []


def test_brainstorm_refuses_an_archived_session(store: Store, archived: str) -> None:
    page = BrainstormPage(store, {"session": archived, "groupe": "G1"}, trainer_code="CODE")
    assert page.session is None and page.board is None
    assert "archivée" in page.notice.text
    page.apply_query({"session": archived, "groupe": "G1"})
    assert page.session is None and "archivée" in page.notice.text
    _nothing_written(store, archived)


def test_other_pages_refuse_an_archived_session(store: Store, archived: str) -> None:
    home = HomePage(store, {"session": archived}, trainer_code="CODE")
    assert home.session is None and home.registration is None
    assert "archivée" in home.notice.text
    evaluation = EvaluationPage(store, {"session": archived}, trainer_code="CODE", start=False)
    assert evaluation.session is None and evaluation.form is None
    diagnosis = DiagnosisPage(store, {"session": archived, "groupe": "G1"}, trainer_code="CODE")
    assert diagnosis.session is None
    _nothing_written(store, archived)


def test_the_active_session_by_name_still_works(store: Store, archived: str) -> None:
    page = BrainstormPage(store, {"session": "auj1", "groupe": "G1"}, trainer_code="CODE")
    assert page.session is not None and page.session.code == "AUJ1" and page.board is not None


def test_the_served_session_works_when_another_server_activated_its_own(
    store: Store, archived: str
) -> None:
    store.create_session("AUTRE1", "L'autre salle", actor=TRAINER)
    store.activate_session("AUTRE1", actor=TRAINER)  # a second server on the same base
    page = BrainstormPage(store, {"session": "AUJ1", "groupe": "G1"}, trainer_code="CODE")
    assert page.session is not None and page.session.code == "AUJ1" and page.board is not None
