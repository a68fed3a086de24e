"""Pools that follow the day: the server re-plans its preheated kernels every minute.

At start, and then every :data:`REPLAN_EVERY_S`, the pool rule (:func:`~companion.serving.
pools.plan_pools`) is applied again to the programme, the clock (or the page the trainer sent
the room to today: :mod:`companion.home.activity`), the session's registrations and the
machine's memory: when a sequence ends, the notebooks of the next one get their pools and
those of the past one are emptied, with no restart and no flag (``--pool N`` fixes the pools
instead).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from companion.content.course import programme
from companion.content.schedule import course_day
from companion.core import config
from companion.home.activity import opened_today, sequence_of
from companion.serving.admission import available_memory
from companion.serving.pools import plan_pools
from companion.serving.serve import LIVE_NOTEBOOKS, SECONDARY_NOTEBOOKS
from companion.store import open_store

REPLAN_EVERY_S = 60.0
log = logging.getLogger(__name__)


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


async def trim(pools: Mapping[str, list[asyncio.Future[Any]]], wanted: Mapping[str, int],
               shutdown: Callable[[str], Awaitable[Any]]) -> dict[str, int]:
    """Take out of each pool what it holds beyond its planned size; return what was taken.

    ``pools`` are Voilà's: per notebook, the tasks of its preheated kernels (done: ready,
    with ``{"kernel_id": …}``; not done: still starting). A page that takes a kernel has Voilà
    queue its replacement, after the refill delay, at the pool's size of that moment: when
    the day has moved on meanwhile, the replacement starts into a pool planned empty and
    would stay there for good. So every plan counts what each pool really holds, not its
    configured size; kernels still starting go first, and are shut down once ready.
    """
    taken: dict[str, int] = {}
    for name, pool in list(pools.items()):
        excess = len(pool) - wanted.get(name, 0)
        if excess <= 0:
            continue
        starting = [task for task in pool if not task.done()]
        ready = [task for task in pool if task.done()]
        for task in (starting + ready)[:excess]:
            pool.remove(task)
            if task.done():
                await _shut(task, shutdown)
            else:
                task.add_done_callback(
                    lambda done: asyncio.ensure_future(_shut(done, shutdown)))
        taken[name] = excess
    return taken


async def _shut(task: asyncio.Future[Any], shutdown: Callable[[str], Awaitable[Any]]) -> None:
    if task.cancelled() or task.exception() is not None:
        return  # a preheat that failed started nothing to free
    try:
        await shutdown(task.result()["kernel_id"])
    except Exception:  # already gone (a page's own shutdown won)
        log.debug("preheated kernel already gone", exc_info=True)
