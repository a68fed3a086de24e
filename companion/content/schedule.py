"""Where the class is in the programme: the current or next sequence, from the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from companion.content.course import Programme, Sequence


@dataclass(frozen=True)
class Position:
    """The sequence to highlight and whether it is under way (« en cours ») or next."""

    sequence: Sequence | None
    running: bool


def course_day(now: datetime, first_day: date | None) -> int:
    """Return the course day (1 or 2) for ``now``; 1 when the session has no date."""
    if first_day is None:
        return 1
    return min(max((now.date() - first_day).days + 1, 1), 2)


def position(programme: Programme, now: datetime, first_day: date | None = None) -> Position:
    """Return the sequence under way at ``now``, else the next one, else none (course over).

    Before the first day everything is « next »; after the last sequence of day 2, nothing.
    When several sequences overlap (the programme's 9h45 introduction), the latest started wins.
    """
    if first_day is not None and now.date() < first_day:
        return Position(programme.sequences[0] if programme.sequences else None, False)
    day = course_day(now, first_day)
    if first_day is not None and (now.date() - first_day).days > 1:
        return Position(None, False)
    clock = now.time()
    running = [s for s in programme.sequences if s.day == day and s.start <= clock < s.end]
    if running:
        return Position(max(running, key=lambda s: s.start), True)
    upcoming = [s for s in programme.sequences if (s.day, s.start) > (day, clock)]
    return Position(upcoming[0] if upcoming else None, False)
