"""The course home, headless: ipywidgets without a kernel, driven as a person would."""

from __future__ import annotations

from datetime import datetime

import pytest

from companion.content.course import programme
from companion.core import join
from companion.core.model import TRAINER
from companion.store import Store
from companion.widgets.base import TrainerGate
from companion.widgets.home.page import HomePage
from tests.drivers.home import HomeDriver

NOW = datetime(2026, 11, 28, 10, 45)


def _page(store: Store, **kwargs: object) -> HomePage:
    return HomePage(
        store, {}, trainer_code="CODE1234", now=NOW, base_url="http://10.0.0.5:8866", **kwargs
    )  # type: ignore[arg-type]


def test_without_a_session_the_page_says_so_and_offers_no_form(store: Store) -> None:
    page = _page(store)
    assert page.session is None and page.registration is None
    assert "Aucune session" in page.notice.text


def test_programme_highlights_the_running_sequence(store: Store, session_code: str) -> None:
    page = _page(store)
    home = HomeDriver(page)
    highlighted = page.programme_view.highlight
    assert highlighted is not None and "Remue-méninges » 1" in highlighted.title
    timeline = home.timeline_html()
    assert timeline.count("cp-timeline-now") == 1
    now_block = timeline.split("cp-timeline-now", 1)[1].split("</div>", 1)[0]
    assert "Remue-méninges » 1" in now_block and "#c0392b" in now_block
    assert timeline.count("cp-timeline-block") == len(programme().sequences)
    assert "En cours" in home.banner_html()


def test_a_page_built_in_advance_takes_the_visitor_query(store: Store, session_code: str) -> None:
    store.create_session("AUTRE2", "Autre session", actor=TRAINER)
    page = HomePage(store, trainer_code="X", now=NOW)
    assert page.session is not None and page.session.code == "TEST1"
    page.apply_query({"session": "autre2"})
    assert page.session is not None and page.session.code == "AUTRE2"


def test_join_block_shows_code_url_and_qr(store: Store, session_code: str) -> None:
    page = _page(store)
    html = HomeDriver(page).join_html()
    assert "TEST1" in html and "<svg" in html
    assert "Adresse : http://10.0.0.5:8866/companion/rejoindre<" in html  # then the code
    assert join.qr_svg("http://10.0.0.5:8866/companion/rejoindre?session=TEST1") in html


def test_a_participant_registers_and_gives_expectations(store: Store, session_code: str) -> None:
    page = _page(store)
    assert page.registration is not None and page.expectations is not None
    page.registration.fill("Zoé", "Délégué·e du préfet", "Grigny")
    page.registration.submit()
    assert page.registration.participant is not None
    assert page.expectations.participant == page.registration.participant
    page.expectations.send("Connaître les Régies de quartier")
    page.expectations.send("   ")
    assert "vide" in page.expectations.notice.text
    [record] = store.list_records(session_code, "expectation")
    assert record.participant_id == page.registration.participant.id


def test_free_text_function_and_bad_input_messages(store: Store, session_code: str) -> None:
    page = _page(store)
    assert page.registration is not None
    page.registration.fill("x" * 2000, "Médiatrice", "Évry")
    page.registration.submit()
    assert "trop long" in page.registration.notice.text
    assert store.list_participants(session_code) == []
    page.registration.fill("", "Médiatrice", "Évry")
    page.registration.submit()
    assert store.list_participants(session_code)[0].function == "Médiatrice"


def test_trainer_space_opens_only_with_the_code(store: Store, session_code: str) -> None:
    page = _page(store)
    gate = HomeDriver(page).gate
    assert page.admin is None and not page.gate.unlocked
    assert "CODE1234" not in repr(page.gate.get_state())
    gate.unlock("faux")
    assert not page.gate.unlocked and page.board is None
    assert gate.typed_code() == ""  # a wrong code is not kept either
    gate.unlock("CODE1234")
    assert page.gate.unlocked and page.board is not None and page.admin is not None
    assert gate.typed_code() == ""  # the typed code does not stay in the page


def test_repeated_wrong_codes_are_slowed_down() -> None:
    gate = TrainerGate("BONCODE1")
    for _ in range(3):
        assert not gate.check("faux")
    assert not gate.check("BONCODE1")  # locked for a moment after three failures


def test_trainer_board_follows_the_store_live(store: Store, session_code: str) -> None:
    page = _page(store)
    page.gate.check("CODE1234")
    board = HomeDriver(page).board()
    assert "Aucun participant" in board.count_html()
    # Another page (another kernel) writes to the store…
    other = _page(store)
    assert other.registration is not None and other.expectations is not None
    other.registration.fill("<img src=x onerror=alert(1)>", "Élu·e local·e", "Sevran")
    other.registration.submit()
    other.expectations.send("<script>alert(1)</script> mieux coopérer")
    # …and the trainer's poller notices on its next tick.
    assert page.poller.poll_once()
    assert "1 participant" in board.count_html()
    assert board.board.expectation_texts == ["<script>alert(1)</script> mieux coopérer"]
    html = board.expectations_html()
    assert "<script>" not in html and "&lt;script&gt;" in html
    functions = board.chart_by_function().figure.data[0]
    assert list(functions.y) == ["Élu·e local·e"] and list(functions.x) == [1]
    assert not page.poller.poll_once()  # nothing new: no refresh


def test_trainer_removes_a_registration_and_it_is_kept_in_the_audit(
    store: Store, session_code: str
) -> None:
    person = store.add_participant(session_code, pseudonym="Doublon", function="f", territory="t")
    page = _page(store)
    page.gate.check("CODE1234")
    board = HomeDriver(page).board()
    board.ask_remove("Doublon")
    assert "Retirer l'inscription de « Doublon » ?" in board.question()
    assert len(store.list_participants(session_code)) == 1  # asked, not done
    board.answer(confirm=False)
    assert len(store.list_participants(session_code)) == 1 and board.question() == ""
    board.ask_remove("Doublon")
    board.answer(confirm=True)
    assert store.list_participants(session_code) == []
    removed = store.list_participants(session_code, include_removed=True)
    assert [p.id for p in removed] == [person.id]
    assert any(e.actor == TRAINER for e in store.audit_trail(session_code))


def test_trainer_creates_activates_and_resets_sessions(store: Store) -> None:
    page = _page(store)
    page.gate.check("CODE1234")
    admin = page.admin
    assert admin is not None
    admin.create("J1J2")
    assert store.active_session().code == "J1J2"  # type: ignore[union-attr]
    assert page.session is not None and page.registration is not None
    store.add_participant("J1J2", function="f", territory="t")
    admin.reset(confirmed=False)  # not confirmed: nothing happens
    assert "cochez" in admin.notice.text and len(store.list_participants("J1J2")) == 1
    admin.reset(confirmed=True)
    assert store.list_participants("J1J2") == []
    admin.create("J1J2")
    assert "existe déjà" in admin.notice.text


def test_unknown_session_in_the_address_is_explained(store: Store, session_code: str) -> None:
    page = HomePage(store, {"session": "NOPE99"}, trainer_code="X", now=NOW)
    assert page.session is None
    assert "NOPE99" in page.notice.text and "n'existe pas" in page.notice.text


@pytest.mark.parametrize("query", [{"session": "test1"}, {}])
def test_session_from_the_address_or_the_active_one(
    store: Store, session_code: str, query: dict[str, str]
) -> None:
    page = HomePage(store, query, trainer_code=None, now=NOW)
    assert page.session is not None and page.session.code == "TEST1"
    assert page.gate.unlocked  # no trainer code configured: a trainee alone in JupyterLab


def test_the_trainers_projected_page_stays_live_longer_than_a_participants(
    store: Store, session_code: str
) -> None:
    from companion.core.live import DEFAULT_IDLE_TIMEOUT_S
    from companion.widgets.base import TRAINER_IDLE_TIMEOUT_S

    participant = _page(store)
    assert participant.poller.idle_timeout == DEFAULT_IDLE_TIMEOUT_S
    trainer = _page(store)
    trainer.gate.check("CODE1234")
    assert trainer.poller.idle_timeout == TRAINER_IDLE_TIMEOUT_S > DEFAULT_IDLE_TIMEOUT_S
