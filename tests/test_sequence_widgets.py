"""Headless widgets of the introduction, round table, evaluation and report pages."""

from __future__ import annotations

from pathlib import Path

from companion.home import icebreaker as ice
from companion.introduction import materials as intro
from companion.roundtable import questions as rt
from companion.store import Store
from companion.widgets.evaluation import EvaluationPage
from companion.widgets.introduction import IntroductionPage
from companion.widgets.report import ReportPage
from companion.widgets.roundtable import RoundTablePage
from tests.drivers.sequences import (
    EvaluationDriver,
    IntroductionDriver,
    ReportDriver,
    RoundTableDriver,
)

CODE = "SECRET9"
HOSTILE = "<img src=x onerror=alert(1)>"


def _unlock(page: object) -> None:
    assert page.gate.check(CODE)  # type: ignore[attr-defined]


def test_no_session_is_a_french_notice(store: Store) -> None:
    page = IntroductionPage(store, trainer_code=CODE, start=False)
    assert "Aucune session" in page.notice.text and page.quiz is None
    page = RoundTablePage(store, {"session": "ZZZ"}, trainer_code=CODE, start=False)
    assert "n'existe pas" in page.notice.text


def test_glossary_search_and_quiz(store: Store, session_code: str) -> None:
    page = IntroductionPage(store, trainer_code=CODE, start=False)
    assert page.glossary is not None and page.quiz is not None
    shown = page.glossary.search("tripartite")
    assert shown and all("tripartite" in intro.fold(e.term + e.definition) for e in shown)
    assert page.glossary.search("zzzz") == []
    page.quiz.answer({})
    assert page.quiz.notice.level == "erreur" and "Répondez" in page.quiz.notice.text
    first = intro.quiz()[0]
    page.quiz.answer({first.id: first.answer})
    assert page.quiz.notice.level == "succes" and "anonymement" in page.quiz.notice.text
    assert intro.quiz_records(store, session_code)[0].author == ""
    _unlock(page)
    page.refresh()
    results = IntroductionDriver(page).quiz_results_html()
    assert "1 réponse(s) au quiz, dont 0 nominative(s)" in results


def test_round_table_live_order_between_two_pages(store: Store, session_code: str) -> None:
    alice = RoundTablePage(store, trainer_code=CODE, start=False)
    bruno = RoundTablePage(store, trainer_code=CODE, start=False)
    trainer = RoundTablePage(store, trainer_code=CODE, start=False)
    _unlock(trainer)
    alice.ask(HOSTILE)
    bruno.ask("Quel modèle économique ?", pseudonym="Bruno")
    assert "vide" in (alice.ask("  ") or alice.ask_notice.text)
    for page in (alice, bruno, trainer):
        assert page.poller.poll_once() or page.order
    first, second = trainer.order
    alice.cards[second].click("upvote")
    assert trainer.poller.poll_once()
    assert trainer.order == [second, first]
    assert "&lt;img" in RoundTableDriver.card_html(trainer.cards[first])
    assert not RoundTableDriver.can_upvote(alice.cards[second])  # supported once
    bruno.cards[second].click("upvote")  # his own question
    assert "propre" in bruno.ask_notice.text
    trainer.cards[second].click("answered")
    alice.poller.poll_once()
    assert alice.order == [first, second] and alice.cards[second].question.answered
    trainer.move(+1)
    bruno.poller.poll_once()
    assert "Question 2 sur 3" in RoundTableDriver(bruno).current_html()
    trainer.save_note("Les bailleurs y gagnent")
    assert rt.notes(store, session_code)["impacts"].get("text") == "Les bailleurs y gagnent"


def test_evaluation_form_results_and_coverage(store: Store, session_code: str) -> None:
    expectation = ice.add_expectation(store, session_code, "Monter une Régie")
    page = EvaluationPage(store, trainer_code=CODE, start=False)
    assert page.form is not None
    page.form.submit()
    assert page.form.notice.level == "erreur" and "globale" in page.form.notice.text
    page.form.fill(satisfaction={"globale": 4, "visite": 5}, objectives={1: "atteint"},
                   before={"regies": 2}, after={"regies": 4},
                   comments={"points_forts": HOSTILE})
    page.form.submit()
    assert page.form.sent and page.form.notice.level == "succes"
    page.form.submit()
    assert "déjà" in page.form.notice.text
    _unlock(page)
    assert page.coverage is not None
    results = EvaluationDriver(page)
    assert "1 réponse(s)" in results.count_html()
    assert HOSTILE not in results.results_html() and "&lt;img" in results.results_html()
    assert page.charts["means"].figure is not None
    page.coverage.mark(expectation.uid, True)
    assert store.get_record(expectation.uid).status == "couverte"
    assert page.coverage.coverage.share == 100.0
    assert "100 %" in results.coverage_html()


def test_report_button_offers_downloads(store: Store, session_code: str,
                                        tmp_path: Path) -> None:
    store.add_participant(session_code, pseudonym="Zoé", function="f", territory="t")
    page = ReportPage(store, trainer_code=CODE, out_dir=tmp_path)
    assert page.panel is None  # nothing before the trainer code
    _unlock(page)
    assert page.panel is not None
    files = page.panel.produce(anonymise=True)
    assert files is not None and files.html.exists() and files.xlsx.exists()
    links = ReportDriver(page).links_html()
    assert "download='rapport_TEST1_anonyme.html'" in links and "data:text/html;base64," in links
    assert "Zoé" not in files.html.read_text(encoding="utf-8")


def test_a_sequence_page_built_before_the_visitor_binds_on_arrival(store: Store) -> None:
    """Preheated kernels build the page first; the visitor's session comes afterwards."""
    from companion.core.model import TRAINER
    from companion.widgets.roundtable import RoundTablePage

    store.create_session("AVANT1", "Active", actor=TRAINER)
    store.activate_session("AVANT1", actor=TRAINER)
    store.create_session("APRES2", "Celle de l'adresse", actor=TRAINER)
    page = RoundTablePage(store, trainer_code="CODE", start=False)
    assert page.session is not None and page.session.code == "AVANT1"
    page.apply_query({"session": "apres2"})
    assert page.session is not None and page.session.code == "APRES2"
    page.apply_query({"session": "NULLE9"})
    assert page.session is None and "n'existe pas" in page.notice.text
