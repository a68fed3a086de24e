"""Brainstorm page, headless: participants post and vote, the trainer runs the round."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from companion import brainstorm as bs
from companion.brainstorm.rounds import RoundState
from companion.store import Store
from companion.widgets.base import TrainerGate
from companion.widgets.brainstorm.cards import PhaseBanner, timer_html
from companion.widgets.brainstorm.page import BrainstormPage
from companion.widgets.brainstorm.wall import ModerationPanel
from tests.drivers.brainstorm import BoardDriver, TrainerSpaceDriver, phase_html

CODE = "SECRET42"
PART, FIN = "Partenariat", "Financements spécifiques et croisés"


def page(store: Store, **query: str) -> BrainstormPage:
    return BrainstormPage(store, query, trainer_code=CODE, base_url="http://127.0.0.1:9")


def trainer(store: Store, manche: str = "difficultes") -> BrainstormPage:
    p = BrainstormPage(store, {}, manche=manche, trainer_code=CODE,
                       base_url="http://127.0.0.1:9")
    assert p.gate.check(CODE)
    return p


def texts(p: BrainstormPage) -> list[str]:
    assert p.board is not None
    return [c.text for c in p.board.cards]


def test_participants_post_see_their_subgroup_then_all(store: Store, session_code: str) -> None:
    alice, bruno = page(store, groupe="G1"), page(store, groupe="G2", session=session_code)
    assert alice.board is not None and bruno.board is not None
    alice.board.post("<img src=x onerror=alert(1)>", PART)
    assert alice.board.notice.level == "succes"
    bruno.board.post("Peu de financements", FIN)
    for p in (alice, bruno):
        p.poller.poll_once()
    assert len(texts(alice)) == 1 and "&lt;img src=x" in texts(alice)[0]
    assert "<img" not in texts(alice)[0]
    assert ["Peu de financements" in t for t in texts(bruno)] == [True]
    coach = trainer(store)
    assert "&lt;img src=x" in coach.trainer.wall.html and "Peu de financements" in \
        coach.trainer.wall.html
    coach.trainer.animation.set_phase("mise_en_commun")
    alice.poller.poll_once()
    assert len(texts(alice)) == 2


def test_bad_input_gives_a_french_notice_and_keeps_the_text(store: Store,
                                                            session_code: str) -> None:
    alice = page(store, groupe="G1")
    assert alice.board is not None
    alice.board.post("   ", PART)
    assert alice.board.notice.level == "erreur" and "vide" in alice.board.notice.text
    board = BoardDriver(alice.board)
    board.type_idea("Une idée sans thème")
    board.no_theme()
    board.publish()
    assert "thème" in alice.board.notice.text
    assert board.idea_text() == "Une idée sans thème"
    assert store.list_records(session_code, bs.IDEA_KIND) == []


def test_edit_and_withdraw_own_idea_from_the_card(store: Store, session_code: str) -> None:
    alice = page(store, groupe="G1")
    assert alice.board is not None
    alice.board.post("Brouillon", PART)
    card = alice.board.cards[0]
    card.press("edit")
    board = BoardDriver(alice.board)
    assert board.idea_text() == "Brouillon"
    board.type_idea("Version finale")
    board.save_edit()
    assert alice.board.notice.text == "Idée modifiée."
    assert "Version finale" in alice.board.cards[0].text
    alice.board.cards[0].press("withdraw")
    assert alice.board.cards == []
    assert store.list_records(session_code, bs.IDEA_KIND)[0].status == "retiree"


def test_group_picker_joins_a_subgroup(store: Store, session_code: str) -> None:
    store.add_group(session_code, "Groupe A")
    visitor = page(store)
    assert visitor.board is None and visitor.picker is not None
    visitor.picker.choose("Groupe B")
    assert visitor.board is not None and visitor.board.who.group == "Groupe B"
    assert [g.name for g in store.list_groups(session_code)] == ["Groupe A", "Groupe B"]


def test_vote_hidden_until_closed_then_revealed(store: Store, session_code: str) -> None:
    alice, bruno = page(store, groupe="G1"), page(store, groupe="G2")
    assert alice.board is not None and bruno.board is not None
    alice.board.post("Idée A", PART)
    coach = trainer(store)
    coach.trainer.animation.set_rules(2, False)
    coach.trainer.animation.set_phase("vote")
    bruno.poller.poll_once()
    card = bruno.board.cards[0]
    card.press("vote")
    assert "1 sur 2" in BoardDriver(bruno.board).budget_html()
    card.press("vote")
    assert "Un seul vote" in bruno.board.notice.text
    coach.poller.poll_once()
    assert "1 vote(s) exprimé(s) par 1 votant(s)" in TrainerSpaceDriver(
        coach.trainer).wall_count_html()
    assert "1 vote(s)</strong>" not in coach.trainer.wall.html  # hidden until closed
    coach.trainer.animation.set_phase("clos")
    bruno.poller.poll_once()
    assert "1 vote(s)" in BoardDriver.votes_html(bruno.board.cards[0])
    # a closed round goes back to private writing only once confirmed (it hides the results)
    animation = coach.trainer.animation
    animation.set_phase("ecriture")
    assert "est close" in animation.confirmation.question
    assert bs.current_state(store, session_code, "difficultes").phase == "clos"
    animation.confirmation.cancel()
    assert bs.current_state(store, session_code, "difficultes").phase == "clos"
    animation.set_phase("vote")
    coach.gate.unlocked = False  # the confirmation re-checks the gate in the kernel
    animation.confirmation.confirm()
    assert bs.current_state(store, session_code, "difficultes").phase == "clos"
    coach.gate.unlocked = True
    animation.set_phase("vote")
    animation.confirmation.confirm()
    assert bs.current_state(store, session_code, "difficultes").phase == "vote"
    from companion.brainstorm.rounds import STATE_KIND

    phases = [r.data["phase"] for r in store.list_records(session_code, STATE_KIND)]
    assert phases[-2:] == ["clos", "vote"]  # every change is kept: who and when
    animation.set_phase("clos")
    coach.trainer.section.value = "restitution"
    assert "1 vote(s)" in coach.trainer.restitution.text
    assert coach.trainer.restitution.figures["theme"].data[1].name == "Votes"


def test_trainer_moderates_merges_and_types_for_paper_group(store: Store,
                                                            session_code: str) -> None:
    alice = page(store, groupe="G1")
    assert alice.board is not None
    alice.board.post("Pas d'argent", FIN)
    alice.board.post("Budgets courts", FIN)
    coach = trainer(store)
    mod = coach.trainer.moderation
    uids = [uid for _, uid in mod.select.options]
    mod.act("cp-merge", uids, text="Financements insuffisants")
    assert "fusionnées" in mod.notice.text
    merged = [i for i in bs.ideas(store, session_code, "difficultes") if i.is_merge]
    assert len(merged) == 1 and set(merged[0].sources) == set(uids)
    mod.select.value = (merged[0].uid,)
    assert "Pas d&#x27;argent" in TrainerSpaceDriver(coach.trainer).provenance_html()
    mod.act("cp-move", [merged[0].uid], theme=PART)
    mod.act("cp-hide", [merged[0].uid])
    assert "Financements insuffisants" not in coach.trainer.wall.html
    mod.paper("Groupe papier", "Idée du paperboard", PART)
    coach.poller.poll_once()
    paper = [i for i in bs.ideas(store, session_code, "difficultes") if i.by_trainer]
    assert paper and paper[0].group == "Groupe papier"
    coach.trainer.animation.set_phase("vote")
    mod.paper("Groupe papier", votes_for=paper[0].uid, count=4)
    assert bs.snapshot(store, session_code, "difficultes").counts[paper[0].uid] == 4


def test_participants_cannot_reach_trainer_actions(store: Store, session_code: str) -> None:
    alice = page(store, groupe="G1")
    assert alice.board is not None
    alice.board.post("Idée", PART)
    assert alice.trainer is None and alice.trainer_area.content == ()
    assert not alice.gate.check("mauvais code")
    assert alice.trainer is None
    # A trainer panel built against a locked gate refuses every action.
    locked = ModerationPanel(store, session_code, TrainerGate(CODE), lambda: None)
    locked.update(bs.snapshot(store, session_code, "difficultes"))
    uid = locked.select.options[0][1]
    locked.act("cp-hide", [uid])
    assert "réservée au formateur" in locked.notice.text
    assert not store.get_record(uid).hidden
    assert CODE not in repr(alice.gate.children)


def test_round_two_links_and_preconisations(store: Store, session_code: str) -> None:
    g1 = page(store, groupe="G1")
    assert g1.board is not None
    g1.board.post("Acteurs isolés", PART)
    difficulty = bs.ideas(store, session_code, "difficultes")[0].uid
    coach = trainer(store, manche="leviers")
    coach.trainer.animation.set_phase("ecriture")
    g2 = page(store, groupe="G2", manche="leviers")
    assert g2.board is not None
    g2.board.post("Créer un réseau local", PART, links=(difficulty,))
    assert g2.board.notice.level == "succes", g2.board.notice.text
    coach.poller.poll_once()
    coach.trainer.section.value = "restitution"
    assert "Créer un réseau local" in coach.trainer.restitution.text
    assert "Acteurs isolés" in coach.trainer.restitution.text
    assert coach.trainer.restitution.figures["links"].data[0].type == "heatmap"


def test_trainer_adds_a_round_and_group_links(store: Store, session_code: str) -> None:
    coach = trainer(store)
    coach.trainer.section.value = "animation"
    coach.trainer.animation.add_group("Groupe 1")
    links = TrainerSpaceDriver(coach.trainer).group_links_html()
    assert "Groupe 1" in links and "groupe=Groupe+1" in links
    coach.trainer.animation.add_round("Atouts", "Quels atouts ?", "Habitants\nÉconomie")
    assert "manche-3" in coach.trainer.animation.notice.text
    assert [r.id for r in bs.rounds(store, session_code)][-1] == "manche-3"


def test_exports_offer_downloads(store: Store, session_code: str) -> None:
    alice = page(store, groupe="G1")
    assert alice.board is not None
    alice.board.post("=1+1", PART)
    coach = trainer(store)
    coach.trainer.section.value = "export"
    coach.trainer.export.prepare()
    assert coach.trainer.export.notice.level == "succes"
    assert "'=1+1" in coach.trainer.export.files[f"{session_code}-difficultes.csv"].decode(
        "utf-8-sig")
    assert 'download="TEST1-difficultes.xlsx"' in TrainerSpaceDriver(
        coach.trainer).export_links_html()


def test_timer_countdown_text() -> None:
    start = datetime(2026, 11, 28, 10, 30, tzinfo=UTC)
    state = RoundState("difficultes", "ecriture", ends_at=start + timedelta(minutes=5))
    assert "05:00" in timer_html(state, start) and "animation" in timer_html(state, start)
    assert "Temps écoulé" in timer_html(state, start + timedelta(minutes=6))
    assert timer_html(RoundState("difficultes", "ecriture"), start) == ""
    banner = PhaseBanner()
    assert banner.tick() is False


def test_unknown_session_shows_a_french_message(store: Store) -> None:
    visitor = page(store, session="NOPE1", groupe="G1")
    assert "n'existe pas" in visitor.notice.text and visitor.board is None


@pytest.mark.parametrize("phase", ["a_venir", "vote", "clos"])
def test_form_hidden_when_writing_is_closed(store: Store, session_code: str, phase: str) -> None:
    bs.set_phase(store, session_code, "difficultes", phase)
    alice = page(store, groupe="G1")
    assert alice.board is not None
    assert not BoardDriver(alice.board).form_shown()
    alice.board.post("Trop tard", PART)
    assert "pas ouverte" in alice.board.notice.text


def test_page_opened_before_the_session_binds_when_it_appears(store: Store) -> None:
    visitor = page(store, groupe="G1")
    assert visitor.board is None and "Aucune session" in visitor.notice.text
    store.create_session("LATE1", "Plus tard", actor="formateur")
    store.activate_session("LATE1", actor="formateur")
    visitor.poller.poll_once()
    assert visitor.board is not None and visitor.notice.text == ""


def test_a_page_built_before_the_visitor_takes_their_group(store: Store, session_code: str) -> None:
    """A preheated kernel builds the page first; the address's group arrives afterwards."""
    from companion.widgets.brainstorm.page import BrainstormPage

    page = BrainstormPage(store, manche="difficultes", trainer_code="CODE")
    assert page.board is None and page.picker is not None  # no group yet: the picker
    page.apply_query({"groupe": "Groupe 2", "session": session_code.lower()})
    assert page.board is not None and page.picker is None
    assert page.board.who.group == "Groupe 2"
    assert [g.name for g in store.list_groups(session_code)] == ["Groupe 2"]


def test_closed_round_without_subgroup_does_not_promise_results(store: Store,
                                                                session_code: str) -> None:
    """Issue « right answers », item 8."""
    bs.set_phase(store, session_code, "difficultes", "clos")
    visitor = page(store)
    assert visitor.board is None and visitor.picker is not None
    assert "voici les résultats" not in phase_html(visitor.banner)
    assert "sous-groupe" in phase_html(visitor.banner)
    visitor.picker.group = "G1"
    assert visitor.board is not None
    assert "voici les résultats" in phase_html(visitor.banner)
