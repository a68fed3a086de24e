"""Introduction: glossary search, timeline with sources, content validation, quiz scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.core.errors import ContentError, InputError
from companion.introduction import materials as intro
from companion.store import Store


def test_glossary_search_ignores_accents_and_case() -> None:
    terms = [e.term for e in intro.search_glossary(intro.glossary(), "REGIE")]
    assert terms[0] == "Régie de quartier"
    assert "Gouvernance tripartite" in terms  # found through its definition
    assert intro.search_glossary(intro.glossary(), "xyzzy") == []


def test_glossary_search_needs_every_word_and_filters_category() -> None:
    found = intro.search_glossary(intro.glossary(), "gouvernance democratique")
    assert found and found[0].term == "Gouvernance démocratique"
    only = intro.search_glossary(intro.glossary(), "", "Insertion")
    assert only and {e.category for e in only} == {"Insertion"}


def test_every_glossary_entry_and_date_carries_a_source() -> None:
    assert all(e.source.strip() for e in intro.glossary())
    history = intro.history()
    dates = [m.date for m in history.milestones]
    assert dates == sorted(dates)
    assert all(m.source.strip() for m in history.milestones)
    assert all(f.vintage and f.source for f in history.figures)
    law = next(m for m in history.milestones if m.date == "2014-07-31")
    assert len(law.details) == 3 and "art. 1" in law.source
    assert any("1991" in m.date for m in history.milestones)
    assert any("2023-1314" in m.source for m in history.milestones)
    assert "Bailleurs sociaux" in history.regies.colleges


def test_bad_content_is_refused_in_french_naming_the_entry(tmp_path: Path) -> None:
    bad = tmp_path / "quiz.toml"
    bad.write_text('[[question]]\nid = "q1"\nquestion = "?"\nchoix = ["a", "b"]\nreponse = 3\n'
                   'explication = "x"\nsource = "y"\n', encoding="utf-8")
    with pytest.raises(ContentError, match=r"quiz\.toml.*question n° 1.*reponse"):
        intro.load_quiz(bad)
    bad_date = tmp_path / "histoire.toml"
    bad_date.write_text('[[repere]]\ndate = "vers 1990"\ntitre = "t"\ntexte = "t"\nsource = "s"\n',
                        encoding="utf-8")
    with pytest.raises(ContentError, match=r"histoire\.toml.*repère n° 1.*date"):
        intro.load_history(bad_date)


def test_quiz_score_and_unknown_choice() -> None:
    questions = intro.quiz()
    right = {q.id: q.answer for q in questions}
    assert intro.score_quiz(questions, right).correct == len(questions)
    first = questions[0]
    wrong = (first.answer + 1) % len(first.choices)
    result = intro.score_quiz(questions, {first.id: wrong})
    assert result.correct == 0 and result.answers[questions[1].id] is None
    with pytest.raises(InputError, match="invalide"):
        intro.score_quiz(questions, {first.id: 99})


def test_quiz_is_anonymous_unless_the_participant_asks(store: Store, session_code: str) -> None:
    questions = intro.quiz()
    alice = store.add_participant(session_code, pseudonym="Alice", function="f", territory="t")
    intro.record_quiz(store, session_code, questions, {questions[0].id: questions[0].answer})
    intro.record_quiz(store, session_code, questions, {questions[0].id: 0}, pseudonym=" alice ")
    anonymous, named = intro.quiz_records(store, session_code)
    assert anonymous.author == "" and anonymous.participant_id is None
    assert named.author == "alice" and named.participant_id == alice.id
    with pytest.raises(InputError, match="Répondez"):
        intro.record_quiz(store, session_code, questions, {})
    summary = intro.quiz_summary([anonymous, named], questions)
    assert summary.iloc[0]["réponses"] == 2
    expected = 100 if questions[0].answer == 0 else 50
    assert summary.iloc[0]["part de bonnes réponses (%)"] == expected
