"""How many preheated kernels each notebook gets: the pool rule of ``companion serve``.

Pure: the programme, the clock (or the sequence the trainer opened), the number of people
registered and the machine's free memory in, a pool size per notebook out.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from companion.content.course import Programme, Sequence
from companion.content.schedule import position

KERNEL_BYTES = 72 * 2**20
"""Resident memory counted per preheated kernel: a participant page, measured 69–71 MB on
every live notebook (``benchmarks/bench_kernels.py``, 2 Dec 2026), rounded up."""
RESERVE_BYTES = 1536 * 2**20
"""Memory left to the rest of the machine (browser on the projector, server, pages opened)."""
DEFAULT_CLASS = 12
"""Pool of a live notebook when nobody registered yet (the welcome page of a new session)."""
SHARE_OF_MEMORY = 0.5
"""Share of the free memory that pools may take: open pages need the rest."""


@dataclass(frozen=True)
class PoolPlan:
    """Pool size per notebook, and the sequences they follow (for the server's log)."""

    sizes: dict[str, int]
    current: Sequence | None
    following: Sequence | None


def _next_after(programme: Programme, sequence: Sequence) -> Sequence | None:
    later = [s for s in programme.sequences if (s.day, s.start) > (sequence.day, sequence.start)]
    return min(later, key=lambda s: (s.day, s.start)) if later else None


def plan_pools(
    programme: Programme,
    now: datetime,
    *,
    live_notebooks: Collection[str],
    registrations: int,
    free_memory: int,
    first_day: date | None = None,
    opened: Sequence | None = None,
    kernel_bytes: int = KERNEL_BYTES,
) -> PoolPlan:
    """Return the pools: kernels for the live notebooks of the current and next sequences.

    The live notebooks of the current sequence (``opened`` if the trainer opened one, else the
    clock's) and of the next one get one kernel per registered person plus one
    (:data:`DEFAULT_CLASS` with no registration), the current sequence first, within
    :data:`SHARE_OF_MEMORY` of ``free_memory`` above :data:`RESERVE_BYTES`; every other
    notebook gets none.
    """
    current = opened or position(programme, now, first_day).sequence
    following = _next_after(programme, current) if current is not None else None
    wanted = (registrations + 1) if registrations > 0 else DEFAULT_CLASS
    budget = max(0, int((free_memory - RESERVE_BYTES) * SHARE_OF_MEMORY) // kernel_bytes)
    sizes = {name: 0 for name in live_notebooks}
    for sequence in (current, following):
        if sequence is None:
            continue
        for name in sequence.notebooks:
            if name in sizes and sizes[name] == 0 and budget > 0:
                sizes[name] = min(wanted, budget)
                budget -= sizes[name]
    return PoolPlan(sizes, current, following)
