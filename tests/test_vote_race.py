"""Votes cannot be stuffed: several pages (threads, processes) of one person voting at once
on the same stale view never go past the budget nor stack when stacking is off — on every
backend, because the store checks the rules in the write's own transaction."""

from __future__ import annotations

import multiprocessing
import threading
from collections import Counter

import pytest

from companion import brainstorm as bs
from companion.core.errors import InputError
from companion.core.model import TRAINER
from companion.store import Store, open_store

R1 = "difficultes"
BUDGET = 5


def _room(url: str) -> tuple[str, list[str]]:
    """A session in the vote phase (budget 5, no stacking) with 8 ideas; return its code and
    the ideas' uids."""
    with open_store(url) as store:
        store.create_session("VOTE1", "Vote", actor=TRAINER)
        store.activate_session("VOTE1", actor=TRAINER)
        s = bs.snapshot(store, "VOTE1", R1)
        uids = [bs.post_idea(store, "VOTE1", s.round, s.state, bs.Contributor.new("G1"),
                             f"Idée {n}", s.round.themes[0]).uid for n in range(8)]
        bs.set_phase(store, "VOTE1", R1, "vote")
        bs.set_vote_rules(store, "VOTE1", R1, budget=BUDGET, stacking=False)
    return "VOTE1", uids


def _stored_votes(url: str, voter: str) -> Counter[str]:
    with open_store(url) as store:
        return Counter(v.idea for v in bs.votes(store, "VOTE1", R1) if v.voter == voter)


def _tab(url: str, voter: str, targets: list[str], start: threading.Barrier | None,
         results: list[str]) -> None:
    """One page of the voter: its own store connection, a view taken before anyone voted,
    then every click at once."""
    store: Store = open_store(url)
    try:
        snap = bs.snapshot(store, "VOTE1", R1)
        who = bs.Contributor(id=voter, group="G2")
        if start is not None:
            start.wait(timeout=60)
        for uid in targets:
            try:
                bs.cast(store, "VOTE1", snap.state, who, uid, snap.ideas, list(snap.votes))
                results.append("ok")
            except InputError:
                results.append("refused")
    finally:
        store.close()


def test_tabs_of_one_person_voting_at_once_keep_budget_and_stacking(any_store_url: str) -> None:
    _, uids = _room(any_store_url)
    voter = "a" * 32
    # 6 tabs, each clicking 3 cards with the same stale view: 18 clicks, 5 allowed, and the
    # first idea clicked by every tab (stacking off: one dot on it at most).
    plans = [[uids[0], uids[1 + n % 7], uids[1 + (n + 3) % 7]] for n in range(6)]
    start = threading.Barrier(len(plans))
    results: list[str] = []
    threads = [threading.Thread(target=_tab, args=(any_store_url, voter, plan, start, results))
               for plan in plans]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    stored = _stored_votes(any_store_url, voter)
    assert sum(stored.values()) == results.count("ok") <= BUDGET
    assert max(stored.values()) == 1  # no stacking
    assert stored[uids[0]] == 1
    assert len(results) == 18


def _process_tab(url: str, voter: str, targets: list[str], start: object) -> None:
    results: list[str] = []
    start.wait(timeout=120)  # type: ignore[attr-defined]
    _tab(url, voter, targets, None, results)


@pytest.mark.parametrize("processes", [4])
def test_kernels_of_one_person_voting_at_once_keep_the_budget(any_store_url: str,
                                                              processes: int) -> None:
    _, uids = _room(any_store_url)
    voter = "b" * 32
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(processes)
    workers = [context.Process(target=_process_tab,
                               args=(any_store_url, voter, uids[n:n + 4], start))
               for n in range(processes)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=180)
        assert worker.exitcode == 0
    stored = _stored_votes(any_store_url, voter)
    assert sum(stored.values()) == BUDGET  # 16 clicks on distinct cards: exactly the budget
    assert max(stored.values()) == 1
