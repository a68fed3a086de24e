"""Brainstorm logic: rounds, phases, visibility, own ideas, moderation, merge, votes, results."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from companion import brainstorm as bs
from companion.brainstorm.rounds import clean, clock
from companion.core.errors import InputError
from companion.core.model import TRAINER
from companion.store import Store

R1, R2 = "difficultes", "leviers"
FIN = "Financements spécifiques et croisés"
PART = "Partenariat"
HAB = "Participation des habitants"


def snap(store: Store, session: str, round_id: str = R1) -> bs.Snapshot:
    return bs.snapshot(store, session, round_id)


def post(store: Store, session: str, who: bs.Contributor, text: str, theme: str = PART,
         round_id: str = R1, links: tuple[str, ...] = ()) -> bs.Idea:
    s = snap(store, session, round_id)
    return bs.post_idea(store, session, s.round, s.state, who, text, theme, links=links,
                        linkable=s.linked_ideas)


def test_rounds_come_from_content_and_round_one_is_open(store: Store, session_code: str) -> None:
    rounds = bs.rounds(store, session_code)
    assert [r.id for r in rounds[:2]] == [R1, R2]
    assert len(rounds[0].themes) == 7 and rounds[1].linked_to == R1
    assert bs.current_state(store, session_code, R1).phase == "ecriture"
    assert bs.current_state(store, session_code, R2).phase == "a_venir"


def test_trainer_adds_a_round_with_its_own_question_and_themes(store: Store,
                                                               session_code: str) -> None:
    new = bs.add_round(store, session_code, title="Atouts", question="Quels atouts ?",
                       themes="Habitants\n\n  Habitants \nÉconomie", linked_to=R1)
    assert new.themes == ("Habitants", "Économie") and new.id == "manche-3"
    assert bs.get_round(store, session_code, new.id).question == "Quels atouts ?"
    with pytest.raises(InputError, match="au moins un thème"):
        bs.add_round(store, session_code, title="X", question="Q", themes="  \n ")
    with pytest.raises(InputError, match="inconnue"):
        bs.get_round(store, session_code, "nulle-part")


def test_hostile_text_is_kept_as_typed_and_empty_text_refused() -> None:
    for text in ("<img src=x onerror=alert(1)>", "<script>x</script>", "=HYPERLINK(\"x\")",
                 "@SUM(A1)", "مرحبا بالعالم \u200f!", "👨\u200d👩\u200d👧 famille", "é" * 10_000):
        assert clean(text, limit=10_000, field="Idée") == text
    for empty in ("", "    ", "\n\t "):
        with pytest.raises(InputError, match="vide"):
            clean(empty, limit=10, field="Idée")
    assert clean("a\x00b\x07", limit=10, field="Idée") == "ab"
    with pytest.raises(InputError, match="trop long"):
        clean("x" * 10_001, limit=10_000, field="Idée")


def test_private_phase_shows_only_own_subgroup(store: Store, session_code: str) -> None:
    alice, bruno = bs.Contributor.new("G1", "Alice"), bs.Contributor.new("G2")
    post(store, session_code, alice, "Pas de budget")
    post(store, session_code, bruno, "Peu de réseau")
    s = snap(store, session_code)
    assert [i.text for i in bs.visible_to(s.ideas, s.state, group="G1")] == ["Pas de budget"]
    assert len(bs.visible_to(s.ideas, s.state, trainer=True)) == 2
    bs.set_phase(store, session_code, R1, "mise_en_commun")
    s = snap(store, session_code)
    assert len(bs.visible_to(s.ideas, s.state, group="G1")) == 2
    s2 = snap(store, session_code, R2)
    assert bs.visible_to(s2.ideas, s2.state, group="G1") == []


def test_theme_is_required_and_must_belong_to_the_round(store: Store, session_code: str) -> None:
    who = bs.Contributor.new("G1")
    with pytest.raises(InputError, match="thème"):
        post(store, session_code, who, "Idée", theme="")
    with pytest.raises(InputError, match="ne fait pas partie"):
        post(store, session_code, who, "Idée", theme="Inventé")
    assert store.list_records(session_code, bs.IDEA_KIND) == []


def test_edit_and_withdraw_own_ideas_only_while_open(store: Store, session_code: str) -> None:
    alice, bruno = bs.Contributor.new("G1"), bs.Contributor.new("G1")
    idea = post(store, session_code, alice, "Brouillon")
    s = snap(store, session_code)
    edited = bs.edit_own(store, idea.uid, alice, s.state, s.round, text="Net", theme=HAB)
    assert (edited.text, edited.theme) == ("Net", HAB)
    with pytest.raises(InputError, match="vos propres"):
        bs.withdraw_own(store, idea.uid, bruno, s.state)
    bs.set_phase(store, session_code, R1, "vote")
    s = snap(store, session_code)
    with pytest.raises(InputError, match="pas ouverte"):
        bs.edit_own(store, idea.uid, alice, s.state, s.round, text="Tard", theme=HAB)
    with pytest.raises(InputError, match="pas ouverte"):
        post(store, session_code, alice, "Trop tard")
    bs.set_phase(store, session_code, R1, "mise_en_commun")
    s = snap(store, session_code)
    bs.withdraw_own(store, idea.uid, alice, s.state)
    record = store.get_record(idea.uid)
    assert record.hidden and record.status == "retiree" and record.get("text") == "Net"


def test_merge_keeps_sources_authors_and_votes(store: Store, session_code: str) -> None:
    a = post(store, session_code, bs.Contributor.new("G1", "Alice"), "Pas d'argent", FIN)
    b = post(store, session_code, bs.Contributor.new("G2", "Bruno"), "Budgets trop courts", FIN)
    c = post(store, session_code, bs.Contributor.new("G2"), "Peu de partenaires")
    bs.set_phase(store, session_code, R1, "vote")
    voter = bs.Contributor.new("G3")
    s = snap(store, session_code)
    bs.cast(store, session_code, s.state, voter, a.uid, s.ideas, list(s.votes))
    merged = bs.merge(store, session_code, [a.uid, b.uid], text="Financements insuffisants",
                      round_=s.round)
    assert merged.sources == (a.uid, b.uid) and merged.authors == ("Alice", "Bruno")
    assert merged.groups == ("G1", "G2") and merged.group is None
    s = snap(store, session_code)
    assert {i.uid for i in s.cards} == {merged.uid, c.uid}
    assert s.counts[merged.uid] == 1
    assert [o.text for o in bs.provenance(merged, s.by_uid)] == ["Pas d'argent",
                                                                 "Budgets trop courts"]
    frame = bs.round_frame(s)
    row = frame[frame["uid"] == merged.uid].iloc[0]
    assert row["group"] == "Plénière" and "[G1] Pas d'argent" in row["merged_from"]
    nested = bs.merge(store, session_code, [merged.uid, c.uid])
    assert nested.authors == ("Alice", "Bruno") and nested.groups == ("G1", "G2")
    assert bs.unmerge(store, nested.uid) == 2
    assert {i.uid for i in snap(store, session_code).cards} == {merged.uid, c.uid}
    with pytest.raises(InputError, match="deux"):
        bs.merge(store, session_code, [c.uid])


def test_trainer_moderation_hide_edit_move(store: Store, session_code: str) -> None:
    idea = post(store, session_code, bs.Contributor.new("G1"), "Texte d'origine")
    s = snap(store, session_code)
    bs.edit_text(store, idea.uid, "Texte reformulé")
    assert store.get_record(idea.uid).get("original_text") == "Texte d'origine"
    bs.move(store, s.round, [idea.uid], HAB)
    assert store.get_record(idea.uid).get("theme") == HAB
    bs.set_hidden(store, [idea.uid], True)
    assert snap(store, session_code).cards == []
    bs.set_hidden(store, [idea.uid], False)
    assert [i.text for i in snap(store, session_code).cards] == ["Texte reformulé"]
    assert any(e.actor == TRAINER for e in store.audit_trail(session_code))


def test_vote_budget_stacking_and_withdraw(store: Store, session_code: str) -> None:
    ideas = [post(store, session_code, bs.Contributor.new("G1"), f"Idée {n}") for n in range(4)]
    who = bs.Contributor.new("G2")
    s = snap(store, session_code)
    with pytest.raises(InputError, match="pas ouvert"):
        bs.cast(store, session_code, s.state, who, ideas[0].uid, s.ideas, [])
    bs.set_phase(store, session_code, R1, "vote")
    bs.set_vote_rules(store, session_code, R1, budget=3, stacking=False)

    def vote(uid: str) -> None:
        s = snap(store, session_code)
        bs.cast(store, session_code, s.state, who, uid, s.ideas, list(s.votes))

    vote(ideas[0].uid)
    with pytest.raises(InputError, match="Un seul vote"):
        vote(ideas[0].uid)
    vote(ideas[1].uid)
    vote(ideas[2].uid)
    with pytest.raises(InputError, match="tous vos votes"):
        vote(ideas[3].uid)
    s = snap(store, session_code)
    bs.withdraw_vote(store, s.state, who, ideas[2].uid, list(s.votes))
    bs.set_vote_rules(store, session_code, R1, budget=3, stacking=True)
    vote(ideas[0].uid)
    s = snap(store, session_code)
    assert s.counts[ideas[0].uid] == 2 and s.counts[ideas[2].uid] == 0
    assert bs.votes_left(list(s.votes), who, s.state) == 0
    with pytest.raises(InputError, match="entre 1 et"):
        bs.set_vote_rules(store, session_code, R1, budget=0, stacking=True)


def test_trainer_types_ideas_and_votes_for_a_paper_group(store: Store, session_code: str) -> None:
    s = snap(store, session_code)
    idea = bs.post_for_group(store, session_code, s.round, "Groupe papier", "Sur papier", PART)
    assert idea.by_trainer and idea.group == "Groupe papier"
    bs.set_phase(store, session_code, R1, "vote")
    s = snap(store, session_code)
    assert bs.cast_for_group(store, session_code, s.state, "Groupe papier", idea.uid, 7,
                             s.ideas) == 7
    assert snap(store, session_code).counts[idea.uid] == 7
    with pytest.raises(InputError, match="entre 1 et"):
        bs.cast_for_group(store, session_code, s.state, "Groupe papier", idea.uid, 0, s.ideas)


def test_timer_is_stored_as_an_end_time(store: Store, session_code: str) -> None:
    start = datetime(2026, 11, 28, 10, 30, tzinfo=UTC)
    state = bs.start_timer(store, session_code, R1, 10, now=start)
    assert bs.current_state(store, session_code, R1).ends_at == start + timedelta(minutes=10)
    assert state.remaining(start + timedelta(minutes=4)) == 360
    assert clock(359.2) == "06:00" and state.remaining(start + timedelta(hours=1)) == 0
    assert bs.set_phase(store, session_code, R1, "vote").ends_at is None
    with pytest.raises(InputError, match="minuteur"):
        bs.start_timer(store, session_code, R1, 0)


def test_round_two_links_levers_to_difficulties(store: Store, session_code: str) -> None:
    diff = post(store, session_code, bs.Contributor.new("G1"), "Manque de coopération", PART)
    lonely = post(store, session_code, bs.Contributor.new("G1"), "Aucun financement", FIN)
    bs.set_phase(store, session_code, R2, "ecriture")
    lever = post(store, session_code, bs.Contributor.new("G2"), "Comité des partenaires",
                 PART, round_id=R2, links=(diff.uid,))
    with pytest.raises(InputError, match="n'existe plus"):
        post(store, session_code, bs.Contributor.new("G2"), "X", PART, round_id=R2,
             links=("inconnu",))
    s = snap(store, session_code, R2)
    table = bs.preconisations(s)
    assert table[["lever", "difficulty", "group"]].values.tolist() == [
        ["Comité des partenaires", "Manque de coopération", "G2"]]
    matrix = bs.link_matrix(s, table)
    assert matrix.loc[PART, PART] == 1 and int(matrix.to_numpy().sum()) == 1
    assert [i.uid for i in bs.unanswered(s, table)] == [lonely.uid]
    assert lever.links == (diff.uid,)


def test_restitution_summaries_and_word_cloud(store: Store, session_code: str) -> None:
    for group, text, theme in [("G1", "Financements croisés difficiles", FIN),
                               ("G1", "Financements", FIN), ("G2", "Partenaires absents", PART)]:
        post(store, session_code, bs.Contributor.new(group), text, theme)
    s = snap(store, session_code)
    frame = bs.round_frame(s)
    by_theme = bs.summary_by(frame, "theme", s.round.themes)
    assert len(by_theme) == 7
    assert by_theme.set_index("theme").loc[FIN, "ideas"] == 2
    by_group = bs.summary_by(frame, "group")
    assert by_group.set_index("group")["ideas"].to_dict() == {"G1": 2, "G2": 1}
    assert len(bs.top_ideas(frame, "theme", n=1)) == 2
    words = dict(bs.round_words(s))
    # the long answer is split into words, the short ones kept whole (words.py rules)
    assert words.get("financements") == 2 and "partenaires absents" in words
