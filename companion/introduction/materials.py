"""Introduction of day 1: glossary (searchable), timeline, Régies values, figures, quiz. Pure.

Content comes from ``data/glossaire.toml``, ``data/histoire.toml`` and ``data/quiz.toml``.
Quiz answers are recorded anonymously unless the participant chooses to give a pseudonym.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from companion.content.files import ContentError, Entry, content_path, entries, read, unique_ids
from companion.core.errors import InputError
from companion.core.model import Record
from companion.store import Store
from companion.texts import introduction as tx

if TYPE_CHECKING:
    import pandas as pd

QUIZ = "quiz"
MAX_PSEUDONYM = 60


@dataclass(frozen=True)
class GlossaryEntry:
    """A key word with its definition, category and source."""

    term: str
    category: str
    definition: str
    source: str
    see_also: tuple[str, ...] = ()


@dataclass(frozen=True)
class Milestone:
    """A dated step of the history, with its source."""

    date: str
    date_label: str
    title: str
    text: str
    source: str
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class Figure:
    """A context figure: always shown with its unit, vintage (millésime) and source."""

    title: str
    value: str
    unit: str
    vintage: str
    source: str


@dataclass(frozen=True)
class RegiesValues:
    """The Régies' values, tripartite governance and typical activities."""

    title: str
    values: tuple[str, ...]
    governance: str
    colleges: tuple[str, ...]
    activities: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class History:
    """The timeline (chronological), the Régies' values and the context figures."""

    milestones: tuple[Milestone, ...]
    regies: RegiesValues
    figures: tuple[Figure, ...]


@dataclass(frozen=True)
class QuizQuestion:
    """A multiple-choice question; ``answer`` is the index (from 0) of the right choice."""

    id: str
    question: str
    choices: tuple[str, ...]
    answer: int
    explanation: str
    source: str


@dataclass(frozen=True)
class QuizResult:
    """The score of one set of answers, question by question (None = not answered)."""

    correct: int
    total: int
    answers: Mapping[str, int | None]
    right: Mapping[str, bool]


def fold(text: str) -> str:
    """Return ``text`` lower-cased without accents (« Régie » → « regie »), for searching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def load_glossary(path: Path | None = None) -> tuple[GlossaryEntry, ...]:
    """Read and validate the glossary (``data/glossaire.toml``)."""
    path = content_path("glossaire.toml", path)
    data = read(path)
    found = tuple(
        GlossaryEntry(term=e.text("terme"), category=e.text("categorie"),
                      definition=e.text("definition"), source=e.text("source"),
                      see_also=e.texts("voir_aussi", []))
        for e in entries(path, data, "entree", tx.GLOSSARY_LABEL_ENTRY, name_key="terme")
    )
    terms = {fold(g.term) for g in found}
    for entry in found:
        for other in entry.see_also:
            if not any(fold(other) in t for t in terms):
                raise ContentError(tx.GLOSSARY_UNKNOWN_SEE_ALSO.format(
                    name=path.name, term=entry.term, other=other))
    return found


def search_glossary(glossary: tuple[GlossaryEntry, ...], query: str,
                    category: str | None = None) -> list[GlossaryEntry]:
    """Return the entries matching every word of ``query`` (accents and case ignored).

    Entries whose term matches come first, then those matching in the definition or source.
    """
    words = fold(query).split()
    scored = []
    for index, entry in enumerate(glossary):
        if category and entry.category != category:
            continue
        term = fold(entry.term)
        body = fold(f"{entry.definition} {entry.source} {entry.category}")
        if all(w in term or w in body for w in words):
            in_term = sum(w in term for w in words)
            scored.append((-in_term, index, entry))
    return [entry for *_, entry in sorted(scored, key=lambda s: (s[0], s[1]))]


def _milestone(entry: Entry) -> Milestone:
    date = entry.text("date")
    parts = date.split("-")
    if not (1 <= len(parts) <= 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4):
        entry.fail(tx.TIMELINE_BAD_DATE.format(date=date))
    return Milestone(date=date, date_label=entry.text("libelle_date", date),
                     title=entry.text("titre"), text=entry.text("texte"),
                     source=entry.text("source"), details=entry.texts("details", []))


def load_history(path: Path | None = None) -> History:
    """Read and validate the timeline, the Régies' values and the figures."""
    path = content_path("histoire.toml", path)
    data = read(path)
    milestones = sorted((_milestone(e)
                         for e in entries(path, data, "repere", tx.TIMELINE_LABEL_MILESTONE)),
                        key=lambda m: m.date)
    regies = Entry(path, "section [regies]", data.get("regies"))
    figures = tuple(
        Figure(title=e.text("titre"), value=e.text("valeur"), unit=e.text("unite"),
               vintage=e.text("millesime"), source=e.text("source"))
        for e in entries(path, data, "chiffre", "chiffre")
    )
    return History(
        milestones=tuple(milestones),
        regies=RegiesValues(title=regies.text("titre"), values=regies.texts("valeurs"),
                            governance=regies.text("gouvernance"),
                            colleges=regies.texts("colleges"),
                            activities=regies.texts("activites", []),
                            source=regies.text("source")),
        figures=figures,
    )


def load_quiz(path: Path | None = None) -> tuple[QuizQuestion, ...]:
    """Read and validate the quiz (``data/quiz.toml``); ``reponse`` counts from 1."""
    path = content_path("quiz.toml", path)
    data = read(path)
    questions = []
    for e in entries(path, data, "question", "question", name_key="id"):
        choices = e.texts("choix")
        if len(choices) < 2:
            e.fail("il faut au moins deux choix")
        answer = e.get("reponse", int)
        if not 1 <= answer <= len(choices):
            e.fail(tx.QUIZ_BAD_ANSWER.format(count=len(choices)))
        questions.append(QuizQuestion(id=e.text("id"), question=e.text("question"),
                                      choices=choices, answer=answer - 1,
                                      explanation=e.text("explication"),
                                      source=e.text("source")))
    unique_ids(path, questions, "question")
    return tuple(questions)


@cache
def glossary() -> tuple[GlossaryEntry, ...]:
    """Return the default glossary (read once per process)."""
    return load_glossary()


@cache
def history() -> History:
    """Return the default timeline, values and figures (read once per process)."""
    return load_history()


@cache
def quiz() -> tuple[QuizQuestion, ...]:
    """Return the default quiz (read once per process)."""
    return load_quiz()


def score_quiz(questions: tuple[QuizQuestion, ...],
               answers: Mapping[str, int | None]) -> QuizResult:
    """Score ``answers`` (question id → choice index, or None); refuse unknown choices."""
    given: dict[str, int | None] = {}
    right: dict[str, bool] = {}
    for q in questions:
        choice = answers.get(q.id)
        if choice is not None and not (isinstance(choice, int) and 0 <= choice < len(q.choices)):
            raise InputError(tx.QUIZ_UNKNOWN_CHOICE.format(question=q.question))
        given[q.id] = choice
        right[q.id] = choice == q.answer
    return QuizResult(correct=sum(right.values()), total=len(questions), answers=given,
                      right=right)


def record_quiz(store: Store, session: str, questions: tuple[QuizQuestion, ...],
                answers: Mapping[str, int | None], *, pseudonym: str | None = None) -> QuizResult:
    """Score and store one set of answers: anonymous unless a ``pseudonym`` is given.

    A pseudonym that matches a registered participant of the session links the answers to them.
    """
    result = score_quiz(questions, answers)
    if all(v is None for v in result.answers.values()):
        raise InputError(tx.QUIZ_UNANSWERED)
    author, participant_id = "", None
    if pseudonym is not None:
        author = " ".join(pseudonym.split())[:MAX_PSEUDONYM]
        if not author:
            raise InputError(tx.QUIZ_PSEUDONYM_EMPTY)
        for p in store.list_participants(session):
            if p.pseudonym and fold(p.pseudonym) == fold(author):
                participant_id = p.id
                break
    store.add_record(session, QUIZ, {"answers": dict(result.answers), "score": result.correct,
                                     "total": result.total},
                     author=author, participant_id=participant_id)
    return result


def quiz_records(store: Store, session: str) -> list[Record]:
    """Return the session's visible quiz answers."""
    return [r for r in store.list_records(session, QUIZ) if not r.hidden]


def quiz_summary(records: list[Record], questions: tuple[QuizQuestion, ...]) -> pd.DataFrame:
    """Return, per question, how many answered and the share of right answers (None if none)."""
    import pandas as pd

    rows = []
    for q in questions:
        given = [r.get("answers", {}).get(q.id) for r in records]
        given = [g for g in given if g is not None]
        good = sum(g == q.answer for g in given)
        rows.append({tx.COL_QUESTION: q.question, tx.COL_ANSWERS: len(given),
                     tx.COL_CORRECT: good,
                     tx.COL_SHARE: round(100 * good / len(given)) if given else None})
    return pd.DataFrame(rows, columns=[tx.COL_QUESTION, tx.COL_ANSWERS, tx.COL_CORRECT,
                                       tx.COL_SHARE])
