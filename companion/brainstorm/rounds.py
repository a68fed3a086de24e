"""Brainstorm rounds and their state: phases, countdown timer, voting rules. Pure.

Rounds come from the course content (``data/cours.toml``) and from rounds a trainer adds
during the session (records of kind ``brainstorm_round``). The state of a round is the last
record of kind ``brainstorm_state`` for it: every change appends a full new state, so two
trainer pages never conflict and the history of phases is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from companion.content.course import Course, Round, course
from companion.core.errors import InputError
from companion.core.model import TRAINER, Record
from companion.core.text import strip_controls
from companion.store import Store
from companion.texts import brainstorm as tb
from companion.texts import common as tc

ROUND_KIND = "brainstorm_round"
STATE_KIND = "brainstorm_state"
PHASES = ("a_venir", "ecriture", "mise_en_commun", "vote", "clos")
WRITING_PHASES = ("ecriture", "mise_en_commun")
DEFAULT_BUDGET = 5
MAX_BUDGET = 50
MAX_TIMER_MINUTES = 240
MAX_THEMES = 12
MAX_THEME_CHARS = 80
FIRST_ROUND_OPEN = True
"""The first round of the content is open for writing as soon as the session exists."""


def utcnow() -> datetime:
    """Return the current time, timezone-aware (UTC): timers are compared in UTC."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class RoundState:
    """Where a round stands: its phase, when the phase's timer ends, the voting rules."""

    round_id: str
    phase: str
    ends_at: datetime | None = None
    budget: int = DEFAULT_BUDGET
    stacking: bool = False

    @property
    def writing_open(self) -> bool:
        """Return True while participants may post, edit and withdraw ideas."""
        return self.phase in WRITING_PHASES

    @property
    def private(self) -> bool:
        """Return True during private writing: each subgroup sees only its own cards."""
        return self.phase == "ecriture"

    @property
    def voting_open(self) -> bool:
        """Return True while participants may vote."""
        return self.phase == "vote"

    @property
    def revealed(self) -> bool:
        """Return True once the trainer closed the round: vote results are shown."""
        return self.phase == "clos"

    @property
    def label(self) -> str:
        """Return the French name of the phase."""
        return tb.PHASE_LABELS[self.phase]

    def remaining(self, now: datetime | None = None) -> float | None:
        """Return the seconds left on the timer (0 when over), None when no timer runs."""
        if self.ends_at is None:
            return None
        left = (self.ends_at - (now or utcnow())).total_seconds()
        return max(left, 0.0)


def clean(value: str | None, *, limit: int, field: str, required: bool = True) -> str:
    """Return ``value`` without surrounding spaces, control characters nor bidi overrides.

    Everything else is kept as typed: emoji joiners, right-to-left marks, angle brackets and
    formula signs (text is escaped where shown and neutralised where exported, never altered
    here). Refuses (French message) an empty text when ``required`` and a text longer than
    ``limit``.
    """
    text = strip_controls(value or "").strip()  # the one rule: companion.core.text
    if required and not text:
        raise InputError(tb.FIELD_EMPTY.format(field=field))
    if len(text) > limit:
        raise InputError(f"{field} : " + tc.TOO_LONG.format(length=len(text), limit=limit))
    return text


def clock(seconds: float) -> str:
    """Return ``seconds`` as « mm:ss » (rounded up, so 0:00 means over)."""
    whole = int(-(-seconds // 1))
    return f"{whole // 60:02d}:{whole % 60:02d}"


# --- rounds -----------------------------------------------------------------------------
def rounds(store: Store, session: str, content: Course | None = None) -> list[Round]:
    """Return the rounds of a session: those of the content, then those the trainer added."""
    found = list((content or course()).rounds)
    for record in store.list_records(session, ROUND_KIND, include_hidden=False):
        found.append(
            Round(
                id=str(record.get("id")), title=str(record.get("title")),
                question=str(record.get("question")),
                themes=tuple(str(t) for t in record.get("themes", [])),
                linked_to=record.get("linked_to") or None,
            )
        )
    return found


def get_round(store: Store, session: str, round_id: str, content: Course | None = None) -> Round:
    """Return the round ``round_id`` of the session (InputError if unknown)."""
    for item in rounds(store, session, content):
        if item.id == round_id:
            return item
    raise InputError(tb.UNKNOWN_ROUND.format(round=round_id))


def add_round(
    store: Store, session: str, *, title: str, question: str, themes: list[str] | str,
    linked_to: str | None = None, content: Course | None = None,
) -> Round:
    """Add a round with its own question and themes (a trainer action); return it."""
    title = clean(title, limit=200, field=tb.ROUND_TITLE_FIELD)
    question = clean(question, limit=2000, field=tb.ROUND_QUESTION_FIELD)
    lines = themes.splitlines() if isinstance(themes, str) else list(themes)
    cleaned: list[str] = []
    for line in lines:
        theme = " ".join(line.split())
        if theme and theme not in cleaned:
            cleaned.append(clean(theme, limit=MAX_THEME_CHARS, field=tb.THEME_FIELD))
    if not cleaned:
        raise InputError(tb.ROUND_NO_THEME)
    if len(cleaned) > MAX_THEMES:
        raise InputError(tb.ROUND_TOO_MANY_THEMES.format(count=len(cleaned), limit=MAX_THEMES))
    existing = rounds(store, session, content)
    if linked_to:
        get_round(store, session, linked_to, content)
    number = len(existing) + 1
    ids = {r.id for r in existing}
    while f"manche-{number}" in ids:
        number += 1
    new = Round(id=f"manche-{number}", title=title, question=question, themes=tuple(cleaned),
                linked_to=linked_to or None)
    store.add_record(session, ROUND_KIND, {"id": new.id, "title": title, "question": question,
                                           "themes": list(cleaned), "linked_to": new.linked_to},
                     author=TRAINER)
    return new


# --- state ------------------------------------------------------------------------------
def _default_state(round_id: str, content: Course | None) -> RoundState:
    first = (content or course()).rounds[0].id
    phase = "ecriture" if FIRST_ROUND_OPEN and round_id == first else "a_venir"
    return RoundState(round_id=round_id, phase=phase)


def _from_record(record: Record) -> RoundState:
    ends = record.get("ends_at")
    phase = str(record.get("phase"))
    return RoundState(
        round_id=str(record.get("round")),
        phase=phase if phase in PHASES else "a_venir",
        ends_at=datetime.fromisoformat(ends) if ends else None,
        budget=int(record.get("budget", DEFAULT_BUDGET)),
        stacking=bool(record.get("stacking", False)),
    )


def state_of(records: list[Record], round_id: str, content: Course | None = None) -> RoundState:
    """Return a round's state from the session's ``brainstorm_state`` records (last wins)."""
    for record in reversed(records):
        if record.get("round") == round_id:
            return _from_record(record)
    return _default_state(round_id, content)


def current_state(store: Store, session: str, round_id: str,
                  content: Course | None = None) -> RoundState:
    """Return the current state of a round."""
    return state_of(store.list_records(session, STATE_KIND), round_id, content)


def _save(store: Store, session: str, state: RoundState) -> RoundState:
    store.add_record(
        session, STATE_KIND,
        {"round": state.round_id, "phase": state.phase,
         "ends_at": state.ends_at.isoformat() if state.ends_at else None,
         "budget": state.budget, "stacking": state.stacking},
        author=TRAINER, status=state.phase,
    )
    return state


def set_phase(store: Store, session: str, round_id: str, phase: str,
              content: Course | None = None) -> RoundState:
    """Move a round to ``phase`` (a trainer action); the previous phase's timer stops."""
    if phase not in PHASES:
        raise InputError(tb.UNKNOWN_ROUND.format(round=phase))
    state = current_state(store, session, round_id, content)
    return _save(store, session, replace(state, phase=phase, ends_at=None))


def start_timer(store: Store, session: str, round_id: str, minutes: float,
                now: datetime | None = None, content: Course | None = None) -> RoundState:
    """Start a countdown of ``minutes`` for the current phase, stored as its end time."""
    if not 0 < minutes <= MAX_TIMER_MINUTES:
        raise InputError(tb.TIMER_RANGE.format(limit=MAX_TIMER_MINUTES))
    state = current_state(store, session, round_id, content)
    ends = (now or utcnow()) + timedelta(minutes=minutes)
    return _save(store, session, replace(state, ends_at=ends))


def stop_timer(store: Store, session: str, round_id: str,
               content: Course | None = None) -> RoundState:
    """Stop the countdown of the current phase."""
    state = current_state(store, session, round_id, content)
    return _save(store, session, replace(state, ends_at=None))


def set_vote_rules(store: Store, session: str, round_id: str, *, budget: int, stacking: bool,
                   content: Course | None = None) -> RoundState:
    """Set the number of votes per participant and whether they may stack on one idea."""
    if not 1 <= int(budget) <= MAX_BUDGET:
        raise InputError(tb.BUDGET_RANGE.format(limit=MAX_BUDGET))
    state = current_state(store, session, round_id, content)
    return _save(store, session, replace(state, budget=int(budget), stacking=bool(stacking)))
