"""Pools that follow the day: the plan from the store and the clock, and what changes."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from companion.core.model import TRAINER
from companion.serving.follow import changes, planned_sizes
from companion.serving.pools import KERNEL_BYTES
from companion.store import open_store

GB = 2**30


def test_changes_grow_the_pools_the_day_reaches_and_empty_those_it_left() -> None:
    plan = changes({"00_accueil.ipynb": 6, "02_remue_meninges_1.ipynb": 0},
                   {"00_accueil.ipynb": 0, "02_remue_meninges_1.ipynb": 6,
                    "03_remue_meninges_2.ipynb": 6})
    assert plan.grow == {"02_remue_meninges_1.ipynb": 6, "03_remue_meninges_2.ipynb": 6}
    assert plan.shrink == {"00_accueil.ipynb": 6}
    assert not changes({"a": 2}, {"a": 2, "b": 0})
    assert changes({"a": 5}, {"a": 3}).shrink == {"a": 2}


def test_the_plan_reads_the_registrations_and_the_first_day(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    with open_store(url) as store:
        store.create_session("JOUR01", "ESS", start=date(2026, 11, 28), actor=TRAINER)
        for name in ("Nadia", "Bruno", "Chloé"):
            store.add_participant("JOUR01", pseudonym=name)
    morning = planned_sizes(url, "JOUR01", now=datetime(2026, 11, 28, 8, 30),
                            free_memory=16 * GB)
    assert morning["00_accueil.ipynb"] == 4  # three registered, and one more
    assert morning["02_remue_meninges_1.ipynb"] == 0
    later = planned_sizes(url, "JOUR01", now=datetime(2026, 11, 28, 10, 45),
                          free_memory=16 * GB)
    assert later["02_remue_meninges_1.ipynb"] == 4 and later["00_accueil.ipynb"] == 0
    day_two = planned_sizes(url, "JOUR01", now=datetime(2026, 11, 29, 16, 10),
                            free_memory=16 * GB)
    assert day_two["08_evaluation.ipynb"] == 4
    # the pools' own kernels count as free memory: a re-plan does not shrink them by itself
    tight = planned_sizes(url, "JOUR01", now=datetime(2026, 11, 28, 8, 30),
                          free_memory=int(1.6 * GB), pooled_bytes=4 * KERNEL_BYTES)
    assert tight["00_accueil.ipynb"] == 2  # (1.6 GiB + 4 × 72 MiB - 1.5 GiB) / 2 / 72 MiB
    bare = planned_sizes(url, "JOUR01", now=datetime(2026, 11, 28, 8, 30),
                         free_memory=int(1.6 * GB))
    assert bare["00_accueil.ipynb"] == 0


def test_a_pool_holding_more_than_planned_is_trimmed_starting_kernels_first() -> None:
    import asyncio

    from companion.serving.follow import trim

    async def scenario() -> None:
        loop = asyncio.get_running_loop()

        def ready(kernel_id: str) -> asyncio.Future[dict[str, str]]:
            future: asyncio.Future[dict[str, str]] = loop.create_future()
            future.set_result({"kernel_id": kernel_id})
            return future

        starting: asyncio.Future[dict[str, str]] = loop.create_future()  # a late refill
        failed: asyncio.Future[dict[str, str]] = loop.create_future()
        pools = {"00_accueil.ipynb": [ready("k1"), ready("k2"), starting],
                 "02_remue_meninges_1.ipynb": [ready("k3")],
                 "03_remue_meninges_2.ipynb": [failed]}
        shut: list[str] = []

        async def shutdown(kernel_id: str) -> None:
            shut.append(kernel_id)

        taken = await trim(pools, {"00_accueil.ipynb": 1, "02_remue_meninges_1.ipynb": 1},
                           shutdown)
        assert taken == {"00_accueil.ipynb": 2, "03_remue_meninges_2.ipynb": 1}
        assert [t.result()["kernel_id"] for t in pools["00_accueil.ipynb"]] == ["k2"]
        assert shut == ["k1"] and len(pools["02_remue_meninges_1.ipynb"]) == 1
        starting.set_result({"kernel_id": "k4"})  # the refill finishes starting: freed
        failed.set_exception(RuntimeError("preheat failed"))
        for _ in range(3):
            await asyncio.sleep(0)
        assert shut == ["k1", "k4"] and pools["03_remue_meninges_2.ipynb"] == []

    asyncio.run(scenario())
