"""Pools that follow the day: the server re-plans its preheated kernels every minute.

At start, and then every :data:`REPLAN_EVERY_S`, the pool rule (:func:`~companion.serving.
pools.plan_pools`) is applied again to the programme, the clock (or the page the trainer sent
the room to today: :mod:`companion.home.activity`), the session's registrations and the
machine's memory: when a sequence ends, the notebooks of the next one get their pools and
those of the past one are emptied, with no restart and no flag (``--pool N`` fixes the pools
instead).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from companion.content.course import programme
from companion.content.schedule import course_day
from companion.core import config
from companion.home.activity import opened_today, sequence_of
from companion.serving.admission import available_memory
from companion.serving.pools import plan_pools
from companion.serving.serve import LIVE_NOTEBOOKS, SECONDARY_NOTEBOOKS
from companion.store import open_store

REPLAN_EVERY_S = 60.0


def planned_sizes(
    store_url: str,
    session: str,
    *,
    now: datetime | None = None,
    free_memory: int | None = None,
    pooled_bytes: int = 0,
) -> dict[str, int]:
    """Return the pool size per notebook for now.

    ``pooled_bytes`` is the memory the pools already hold: it counts as free, since the plan
    decides what they hold.
    """
    now = now or config.now()
    with open_store(store_url) as store:
        registrations = len(store.list_participants(session))
        record = store.get_session(session)
        activity = opened_today(store, session, now)
    first_day = record.start if record is not None else None
    opened = None  # the page the trainer sent the room to today leads; the clock otherwise
    if activity is not None:
        opened = sequence_of(programme(), activity.notebook, course_day(now, first_day))
    plan = plan_pools(
        programme(),
        now,
        live_notebooks=LIVE_NOTEBOOKS + SECONDARY_NOTEBOOKS,
        registrations=registrations,
        free_memory=(available_memory() if free_memory is None else free_memory) + pooled_bytes,
        first_day=first_day,
        opened=opened,
    )
    return plan.sizes


@dataclass(frozen=True)
class PoolChanges:
    """What a new plan changes: pools to grow (new size) and kernels to take out of others."""

    grow: dict[str, int]
    shrink: dict[str, int]

    def __bool__(self) -> bool:
        return bool(self.grow or self.shrink)


def changes(current: Mapping[str, int], wanted: Mapping[str, int]) -> PoolChanges:
    """Return how to go from the ``current`` pool sizes to the ``wanted`` ones."""
    grow = {name: size for name, size in wanted.items() if size > current.get(name, 0)}
    shrink = {name: size - wanted.get(name, 0) for name, size in current.items()
              if size > wanted.get(name, 0)}
    return PoolChanges(grow, shrink)
