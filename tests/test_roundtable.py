"""Round table: questions from the room, one upvote per voter, live order, notes."""

from __future__ import annotations

import pytest

from companion.core.errors import InputError
from companion.roundtable import questions as rt
from companion.store import Store


def test_programme_questions_are_the_three_of_the_programme() -> None:
    table = rt.round_table()
    assert [t.id for t in table.topics] == ["pourquoi", "impacts", "evaluer"]
    assert "rénovation urbaine" in table.topics[0].question


def test_questions_ordered_by_support_then_age_answered_last(store: Store,
                                                             session_code: str) -> None:
    first = rt.ask(store, session_code, "Première ?", voter="a")
    second = rt.ask(store, session_code, "Deuxième ?", voter="b")
    third = rt.ask(store, session_code, "Troisième ?", author="Chloé", voter="c")
    assert [q.uid for q in rt.room_questions(store, session_code)] == [first.uid, second.uid,
                                                                        third.uid]
    rt.upvote(store, session_code, third.uid, "a")
    rt.upvote(store, session_code, third.uid, "b")
    rt.upvote(store, session_code, second.uid, "a")
    order = rt.room_questions(store, session_code)
    assert [(q.text, q.votes) for q in order] == [("Troisième ?", 2), ("Deuxième ?", 1),
                                                  ("Première ?", 0)]
    rt.mark_answered(store, third.uid)
    order = rt.room_questions(store, session_code)
    assert order[-1].uid == third.uid and order[-1].answered
    rt.hide(store, first.uid)
    assert first.uid not in [q.uid for q in rt.room_questions(store, session_code)]


def test_one_upvote_per_voter_and_none_for_ones_own(store: Store, session_code: str) -> None:
    q = rt.ask(store, session_code, "Et le financement ?", voter="moi")
    rt.upvote(store, session_code, q.uid, "toi")
    with pytest.raises(InputError, match="déjà"):
        rt.upvote(store, session_code, q.uid, "toi")
    with pytest.raises(InputError, match="propre"):
        rt.upvote(store, session_code, q.uid, "moi")
    # Two pages racing past the check still count once.
    store.add_record(session_code, rt.UPVOTE, {"question": q.uid, "voter": "toi"})
    assert rt.room_questions(store, session_code)[0].votes == 1


def test_empty_question_refused(store: Store, session_code: str) -> None:
    with pytest.raises(InputError, match="vide"):
        rt.ask(store, session_code, "   ")


def test_current_question_and_notes(store: Store, session_code: str) -> None:
    table = rt.round_table()
    assert rt.current_index(store, session_code, table) == 0
    assert rt.set_current(store, session_code, table, 5) == 2
    assert rt.current_index(store, session_code, table) == 2
    rt.save_note(store, session_code, "impacts", "Les bailleurs y gagnent")
    rt.save_note(store, session_code, "impacts", "Version 2")
    notes = rt.notes(store, session_code)
    assert notes["impacts"].get("text") == "Version 2" and notes["impacts"].version == 2
    frame = rt.notes_frame(store, session_code, table)
    assert frame.iloc[1, 1] == "Version 2" and frame.iloc[0, 1] == ""
