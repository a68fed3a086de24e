"""Joining the room from one address: the code typed, a pseudonym, a subgroup, where to land.

The join page of the server (:mod:`companion.serving.joining`) asks for these and sends the
participant to the activity the trainer has opened today; before any, to the sequence the
programme runs now; else to the course's home page. No widget here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from companion.content.course import Programme
from companion.content.schedule import position
from companion.core.errors import InputError
from companion.core.join import normalise_code
from companion.core.model import TrainingSession
from companion.core.text import clean_text, strip_controls
from companion.home.activity import opened_today
from companion.home.icebreaker import MAX_PSEUDONYM
from companion.store.base import Store
from companion.store.sessions import page_session
from companion.texts import joining as tx

HOME_NOTEBOOK = "00_accueil.ipynb"
NO_GROUP = "-"
"""The subgroup answer « not in a subgroup yet »: the pages then offer their own picker."""


@dataclass(frozen=True)
class Arrival:
    """What the join page decided: the session, the visitor's choices, the page to open.

    ``groups`` are the session's subgroups, to choose from when ``group`` is still empty;
    ``declined`` says the visitor answered « not in a subgroup yet ».
    """

    session: TrainingSession
    pseudonym: str
    group: str
    groups: tuple[str, ...]
    notebook: str
    declined: bool = False

    @property
    def needs_group(self) -> bool:
        """True when the session has subgroups and the visitor has not answered yet."""
        return bool(self.groups) and not self.group and not self.declined


def find_session(store: Store, typed: str) -> TrainingSession:
    """Return the session of a typed code, or raise :class:`InputError` in French.

    Under ``companion serve`` only the served or active session is joined
    (:func:`~companion.store.sessions.page_session`): an archived code is refused.
    """
    code = normalise_code(typed)
    if not code:
        raise InputError(tx.CODE_MISSING)
    found = page_session(store, code)
    if found is None:
        raise InputError(tx.CODE_UNKNOWN.format(code=code))
    return found


def landing_notebook(store: Store, session: TrainingSession, programme: Programme,
                     now: datetime) -> str:
    """Return the page a participant joining ``session`` at ``now`` lands on."""
    opened = opened_today(store, session.code, now)
    if opened is not None:
        return opened.notebook
    where = position(programme, now, session.start)
    if where.running and where.sequence is not None and where.sequence.notebooks:
        return where.sequence.notebooks[0]
    return HOME_NOTEBOOK


def arrive(store: Store, typed_code: str, *, pseudonym: str = "", group: str = "",
           programme: Programme, now: datetime) -> Arrival:
    """Check what the visitor typed and return where they go.

    Raises
    ------
    InputError
        In French, naming the field: an unknown code, a pseudonym too long, a subgroup that is
        not one of the session's.
    """
    session = find_session(store, typed_code)
    chosen = clean_text(pseudonym, limit=MAX_PSEUDONYM, required=False, field=tx.PSEUDONYM)
    groups = tuple(g.name for g in store.list_groups(session.code))
    wanted = " ".join(strip_controls(group or "").split())
    declined = wanted == NO_GROUP
    if declined:
        wanted = ""
    if wanted and wanted not in groups:
        raise InputError(tx.GROUP_UNKNOWN.format(group=wanted))
    return Arrival(session, chosen, wanted, groups,
                   landing_notebook(store, session, programme, now), declined)
