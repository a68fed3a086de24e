"""Round table of day 2: programme questions, questions from the room, the trainer's notes.

The programme's questions come one by one; questions from the room get upvotes (ordered
live) and answered marks. Pure.

Records: ``rt_question`` (data: text, topic), ``rt_upvote`` (data: question uid, voter),
``rt_note`` (data: topic, text; one per topic, updated), ``rt_state`` (data: current index).
A voter is a participant id, or the token of one anonymous page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from companion.content.files import Entry, content_path, entries, read, unique_ids
from companion.core.errors import InputError
from companion.core.model import TRAINER, Record
from companion.core.text import clean_text, strip_controls
from companion.store import Store
from companion.texts import content as tx_content
from companion.texts import roundtable as tx

if TYPE_CHECKING:
    import pandas as pd

QUESTION, UPVOTE, NOTE, STATE = "rt_question", "rt_upvote", "rt_note", "rt_state"
ANSWERED = "answered"
MAX_QUESTION = 600
MAX_NOTE = 5000


@dataclass(frozen=True)
class Topic:
    """One question of the programme, put to the speakers."""

    id: str
    title: str
    question: str


@dataclass(frozen=True)
class RoundTable:
    """The round table's title, speakers, source and questions."""

    title: str
    speakers: tuple[str, ...]
    source: str
    topics: tuple[Topic, ...]

    def topic(self, topic_id: str) -> Topic:
        """Return the topic with this id (InputError if unknown)."""
        for topic in self.topics:
            if topic.id == topic_id:
                return topic
        raise InputError(tx.UNKNOWN_TOPIC.format(topic=topic_id))


@dataclass(frozen=True)
class RoomQuestion:
    """A question from the room, with its distinct supporters."""

    uid: str
    text: str
    author: str
    topic: str
    votes: int
    answered: bool
    hidden: bool
    voters: frozenset[str]
    created_at: datetime | None
    asker: str = ""


def load_round_table(path: Path | None = None) -> RoundTable:
    """Read and validate ``data/table_ronde.toml``."""
    path = content_path("table_ronde.toml", path)
    data = read(path)
    top = Entry(path, tx_content.WHERE_HEADER, data)
    topics = [Topic(id=e.text("id"), title=e.text("titre"), question=e.text("question"))
              for e in entries(path, data, "question", "question")]
    unique_ids(path, topics, "question")
    return RoundTable(title=top.text("titre"), speakers=top.texts("intervenants", []),
                      source=top.text("source"), topics=tuple(topics))


@cache
def round_table() -> RoundTable:
    """Return the default round table (read once per process)."""
    return load_round_table()


def ask(store: Store, session: str, text: str, *, topic: str = "", author: str = "",
        voter: str = "", participant_id: str | None = None) -> Record:
    """Validate and store a question from the room (author optional, anonymous by default)."""
    cleaned = clean_text(text, limit=MAX_QUESTION, required=True, field=tx.FIELD_QUESTION)
    name = " ".join(strip_controls(author).split())[:60]
    return store.add_record(session, QUESTION, {"text": cleaned, "topic": topic, "voter": voter},
                            author=name, participant_id=participant_id)


def upvote(store: Store, session: str, question_uid: str, voter: str) -> Record:
    """Record ``voter``'s support of a question: once per voter, never for one's own."""
    question = store.get_record(question_uid)
    if question.kind != QUESTION or question.session != session:
        raise InputError(tx.NOT_A_QUESTION)
    if voter and question.get("voter") == voter:
        raise InputError(tx.OWN_QUESTION)
    for vote in store.list_records(session, UPVOTE):
        if vote.get("question") == question_uid and vote.get("voter") == voter:
            raise InputError(tx.ALREADY_UPVOTED)
    return store.add_record(session, UPVOTE, {"question": question_uid, "voter": voter})


def mark_answered(store: Store, question_uid: str, answered: bool = True) -> Record:
    """Mark a question as answered (or open it again); trainer action."""
    return store.update_record(question_uid, actor=TRAINER, status=ANSWERED if answered else "")


def hide(store: Store, question_uid: str) -> Record:
    """Hide a question from every view (kept in the store); trainer action."""
    return store.update_record(question_uid, actor=TRAINER, hidden=True)


def room_questions(store: Store, session: str, *, include_hidden: bool = False
                   ) -> list[RoomQuestion]:
    """Return the questions from the room in display order.

    Open questions first, most supported first, then the oldest; answered ones after, in the
    same order. Each voter counts once per question, even if two pages raced.
    """
    voters: dict[str, set[str]] = {}
    for vote in store.list_records(session, UPVOTE):
        voters.setdefault(str(vote.get("question")), set()).add(str(vote.get("voter")))
    found = []
    for position, r in enumerate(store.list_records(session, QUESTION)):
        if r.hidden and not include_hidden:
            continue
        who = frozenset(voters.get(r.uid, set()))
        found.append((position, RoomQuestion(
            uid=r.uid, text=str(r.get("text", "")), author=r.author,
            topic=str(r.get("topic", "")), votes=len(who), answered=r.status == ANSWERED,
            hidden=r.hidden, voters=who, created_at=r.created_at,
            asker=str(r.get("voter", "")))))
    found.sort(key=lambda pq: (pq[1].answered, -pq[1].votes, pq[0]))
    return [q for _, q in found]


def current_index(store: Store, session: str, table: RoundTable) -> int:
    """Return the index of the programme question on screen (0 until the trainer moves)."""
    states = store.list_records(session, STATE)
    if not states:
        return 0
    index = states[-1].get("current", 0)
    return min(max(int(index), 0), len(table.topics) - 1)


def set_current(store: Store, session: str, table: RoundTable, index: int) -> int:
    """Show the programme question ``index`` (clamped) on every page; trainer action."""
    index = min(max(index, 0), len(table.topics) - 1)
    states = store.list_records(session, STATE)
    if states:
        store.update_record(states[-1].uid, actor=TRAINER, data={"current": index})
    else:
        store.add_record(session, STATE, {"current": index}, author=TRAINER)
    return index


def notes(store: Store, session: str) -> dict[str, Record]:
    """Return the trainer's note record per topic id."""
    return {str(r.get("topic")): r for r in store.list_records(session, NOTE)}


def save_note(store: Store, session: str, topic: str, text: str) -> Record:
    """Save (or replace) the trainer's note on one programme question; versions are kept."""
    cleaned = clean_text(text, limit=MAX_NOTE, required=False, field=tx.NOTE_TITLE)
    existing = notes(store, session).get(topic)
    if existing is not None:
        return store.update_record(existing.uid, actor=TRAINER,
                                   data={"topic": topic, "text": cleaned})
    return store.add_record(session, NOTE, {"topic": topic, "text": cleaned}, author=TRAINER)


def questions_frame(questions: list[RoomQuestion], table: RoundTable) -> pd.DataFrame:
    """Return one row per room question: text, topic, author, supports, status."""
    import pandas as pd

    titles = {t.id: t.title for t in table.topics}
    return pd.DataFrame(
        [{tx.COL_QUESTION: q.text, tx.COL_TOPIC: titles.get(q.topic, q.topic),
          tx.COL_AUTHOR: q.author or tx.ANONYMOUS, tx.COL_VOTES: q.votes,
          tx.COL_STATUS: tx.STATUS_HIDDEN if q.hidden else
          tx.STATUS_ANSWERED if q.answered else tx.STATUS_OPEN} for q in questions],
        columns=[tx.COL_QUESTION, tx.COL_TOPIC, tx.COL_AUTHOR, tx.COL_VOTES, tx.COL_STATUS],
    )


def notes_frame(store: Store, session: str, table: RoundTable) -> pd.DataFrame:
    """Return one row per programme question with the trainer's notes."""
    import pandas as pd

    saved = notes(store, session)
    return pd.DataFrame(
        [{tx.COL_TOPIC: t.question,
          tx.COL_NOTE: str(saved[t.id].get("text", "")) if t.id in saved else ""}
         for t in table.topics],
        columns=[tx.COL_TOPIC, tx.COL_NOTE],
    )
