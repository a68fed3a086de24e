"""The activity the trainer has opened for the room: one record per opening, the last counts.

The trainer sends the room to a page (« Envoyer la salle ici »); every page of the session then
offers its participants a one-tap link to it, and the server's pools follow it
(:mod:`companion.serving.follow`). Each opening is a record of kind :data:`ACTIVITY_KIND`, kept
like every contribution: the session's history says when the room went where.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from companion.content.course import Programme, Sequence
from companion.store.base import Store

ACTIVITY_KIND = "activite_ouverte"


@dataclass(frozen=True)
class OpenedActivity:
    """The page the trainer sent the room to, and its title."""

    notebook: str
    title: str
    at: datetime | None = None


def open_activity(store: Store, session: str, notebook: str, title: str,
                  at: datetime) -> OpenedActivity:
    """Send the room of ``session`` to ``notebook`` at ``at`` (the course's ``config.now()``).

    A trainer action: callers check the gate.
    """
    store.add_record(session, ACTIVITY_KIND,
                     {"carnet": notebook, "titre": title, "le": at.isoformat()},
                     author="formateur")
    return OpenedActivity(notebook, title, at)


def current_activity(store: Store, session: str) -> OpenedActivity | None:
    """Return the activity last opened for ``session``, or None."""
    records = store.list_records(session, ACTIVITY_KIND, include_hidden=False)
    if not records:
        return None
    last = records[-1]
    try:
        at: datetime | None = datetime.fromisoformat(str(last.data.get("le", "")))
    except ValueError:
        at = None
    return OpenedActivity(str(last.data.get("carnet", "")), str(last.data.get("titre", "")), at)


def opened_today(store: Store, session: str, now: datetime) -> OpenedActivity | None:
    """Return the activity the trainer opened for ``session`` on the day of ``now``, or None.

    An opening of an earlier day no longer leads: the room has moved on since.
    """
    activity = current_activity(store, session)
    if activity is None or not activity.notebook or activity.at is None:
        return None
    return activity if activity.at.date() == now.date() else None


def sequence_of(programme: Programme, notebook: str, day: int | None = None) -> Sequence | None:
    """Return the sequence that ``notebook`` serves (on ``day`` when it serves several)."""
    serving = [s for s in programme.sequences if notebook in s.notebooks]
    on_day = [s for s in serving if day is None or s.day == day]
    candidates = on_day or serving
    return candidates[0] if candidates else None


def title_of(programme: Programme, notebook: str) -> str:
    """Return the name of the page ``notebook`` for the room: its sequence's title."""
    sequence = sequence_of(programme, notebook)
    return sequence.title if sequence is not None else notebook.removesuffix(".ipynb")
