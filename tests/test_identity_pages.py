"""Pages served by Voilà vote and answer only as a browser the server signed: no cookie or a
forged one asks to reload; one evaluation per browser; the trainer sees voters vs registered."""

from __future__ import annotations

import json

import pytest
from tornado.web import create_signed_value

from companion import brainstorm as bs
from companion.core import visitor
from companion.evaluation import survey
from companion.store import Store
from companion.widgets.brainstorm.page import BrainstormPage
from companion.widgets.evaluation import EvaluationPage
from tests.drivers.brainstorm import BoardDriver

CODE = "SECRET42"
NAME = "username-127-0-0-1-8866"
PART = "Partenariat"


def _signed_cookie(username: str, secret: bytes | None = None) -> str:
    key = secret or visitor.ensure_cookie_secret().read_bytes().strip()
    value = create_signed_value(key, NAME, json.dumps({"username": username}), version=2)
    return f'{NAME}="{value.decode()}"'


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """Make this process look like a page Voilà serves (its request environment)."""
    monkeypatch.setenv("SERVER_SOFTWARE", "voila/0.5.13")
    monkeypatch.delenv("HTTP_COOKIE", raising=False)
    visitor.ensure_cookie_secret()
    return monkeypatch


def _vote_room(store: Store, session: str) -> BrainstormPage:
    coach = BrainstormPage(store, {}, trainer_code=CODE, base_url="http://127.0.0.1:9")
    assert coach.gate.check(CODE)
    s = bs.snapshot(store, session, "difficultes")
    bs.post_idea(store, session, s.round, s.state, bs.Contributor.new("G1"), "Idée A", PART)
    coach.trainer.animation.set_rules(3, False)
    coach.trainer.animation.set_phase("vote")
    return coach


def _votes(store: Store, session: str) -> list[bs.Vote]:
    return bs.votes(store, session, "difficultes")


@pytest.mark.parametrize("cookie", ["", "forged"])
def test_a_served_page_without_a_signed_cookie_does_not_vote(
    store: Store, session_code: str, served: pytest.MonkeyPatch, cookie: str
) -> None:
    if cookie == "forged":
        served.setenv("HTTP_COOKIE", _signed_cookie("victime", secret=b"x" * 64))
    _vote_room(store, session_code)
    page = BrainstormPage(store, {"groupe": "G2"}, trainer_code=CODE)
    assert page.board is not None and not page.board.can_vote
    assert "Rechargez la page" in BoardDriver(page.board).budget_html()
    page.board.cards[0].press("vote")
    assert "Rechargez la page" in page.board.notice.text
    assert _votes(store, session_code) == []


def test_a_signed_browser_votes_once_per_idea_from_every_tab(
    store: Store, session_code: str, served: pytest.MonkeyPatch
) -> None:
    served.setenv("HTTP_COOKIE", _signed_cookie("moi"))
    coach = _vote_room(store, session_code)
    tabs = [BrainstormPage(store, {"groupe": "G2"}, trainer_code=CODE) for _ in range(2)]
    for tab in tabs:
        assert tab.board is not None and tab.board.can_vote
        tab.board.cards[0].press("vote")  # the second tab's view is stale
    assert len(_votes(store, session_code)) == 1
    assert "Un seul vote" in tabs[1].board.notice.text  # type: ignore[union-attr]
    store.add_participant(session_code, pseudonym="Awa")
    store.add_participant(session_code, pseudonym="Bruno")
    coach.poller.poll_once()
    coach.refresh()
    assert "1 votant·es pour 2 inscrit·es" in coach.trainer.turnout.value


ANSWERS = {"satisfaction": {"globale": 4}}


def test_one_evaluation_per_browser(store: Store, session_code: str,
                                    served: pytest.MonkeyPatch) -> None:
    served.setenv("HTTP_COOKIE", _signed_cookie("moi"))
    first = EvaluationPage(store, trainer_code=CODE, start=False)
    assert first.form is not None
    first.form.fill(**ANSWERS)  # type: ignore[arg-type]
    first.form.submit()
    assert first.form.notice.level == "succes"
    reloaded = EvaluationPage(store, trainer_code=CODE, start=False)  # the page reloaded
    assert reloaded.form is not None
    reloaded.form.fill(**ANSWERS)  # type: ignore[arg-type]
    reloaded.form.submit()
    assert "déjà envoyé votre évaluation" in reloaded.form.notice.text
    records = store.list_records(session_code, survey.EVALUATION)
    assert len(records) == 1
    # the stored id is not the browser's id used on the other pages (anonymous evaluation)
    assert records[0].participant_id not in (None, visitor.visitor_id())
    served.setenv("HTTP_COOKIE", _signed_cookie("quelqu-un-d-autre"))
    other = EvaluationPage(store, trainer_code=CODE, start=False)
    assert other.form is not None
    other.form.fill(**ANSWERS)  # type: ignore[arg-type]
    other.form.submit()
    assert len(store.list_records(session_code, survey.EVALUATION)) == 2


def test_a_served_evaluation_without_cookie_asks_to_reload(
    store: Store, session_code: str, served: pytest.MonkeyPatch
) -> None:
    page = EvaluationPage(store, trainer_code=CODE, start=False)
    assert page.form is not None
    page.form.fill(**ANSWERS)  # type: ignore[arg-type]
    page.form.submit()
    assert "Rechargez la page" in page.form.notice.text
    assert store.list_records(session_code, survey.EVALUATION) == []


def test_one_evaluation_per_respondent_in_the_store(any_store: Store) -> None:
    from companion.core.errors import InputError
    from companion.core.model import TRAINER

    any_store.create_session("EVAL1", "Évaluation", actor=TRAINER)
    s = survey.survey()
    survey.submit_response(any_store, "EVAL1", s, respondent="r" * 32, **ANSWERS)
    with pytest.raises(InputError, match="déjà"):
        survey.submit_response(any_store, "EVAL1", s, respondent="r" * 32, **ANSWERS)
    assert len(any_store.list_records("EVAL1", survey.EVALUATION)) == 1
