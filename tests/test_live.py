"""The poller: refresh on change only, pause when idle, resume on interaction."""

from __future__ import annotations

import asyncio

from companion.core.live import Poller


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_on_change_runs_only_when_the_token_moves() -> None:
    token = [1]
    calls: list[int] = []
    poller = Poller(lambda: token[0], lambda: calls.append(token[0]))
    assert poller.poll_once() and calls == [1]
    assert not poller.poll_once() and calls == [1]
    token[0] = 2
    assert poller.poll_once() and calls == [1, 2]


def test_mark_seen_skips_a_refresh_the_page_did_itself() -> None:
    calls: list[str] = []
    poller = Poller(lambda: 7, lambda: calls.append("x"))
    poller.mark_seen()
    assert not poller.poll_once() and calls == []


def test_start_without_an_event_loop_is_a_no_op() -> None:
    poller = Poller(lambda: 1, lambda: None)
    assert poller.start() is False and not poller.running


def test_the_poller_refreshes_then_pauses_when_idle_and_resumes_on_touch() -> None:
    clock = Clock()
    token = [0]
    seen: list[int] = []
    paused: list[bool] = []

    async def scenario() -> None:
        poller = Poller(
            lambda: token[0],
            lambda: seen.append(token[0]),
            interval=0.01,
            idle_timeout=60,
            on_pause=lambda: paused.append(True),
            clock=clock,
        )
        poller.mark_seen()
        assert poller.start()
        token[0] = 1
        await asyncio.sleep(0.05)
        assert seen == [1]
        clock.now = 61  # a minute without interaction
        await asyncio.sleep(0.05)
        assert paused == [True] and poller.paused and not poller.running
        token[0] = 2
        await asyncio.sleep(0.05)
        assert seen == [1]  # paused: no more store reads
        poller.touch()
        assert poller.running
        await asyncio.sleep(0.05)
        assert seen == [1, 2]
        poller.stop()

    asyncio.run(scenario())


def test_a_failing_store_read_does_not_kill_the_poller() -> None:
    errors: list[Exception] = []
    state = {"fail": True}

    def token() -> int:
        if state["fail"]:
            raise OSError("base indisponible")
        return 5

    async def scenario() -> None:
        seen: list[int] = []
        poller = Poller(token, lambda: seen.append(1), interval=0.01, on_error=errors.append)
        poller.start()
        await asyncio.sleep(0.05)
        state["fail"] = False
        await asyncio.sleep(0.05)
        assert seen == [1] and poller.running
        poller.stop()

    asyncio.run(scenario())
    assert errors and isinstance(errors[0], OSError)


def test_a_paused_poller_with_a_tick_keeps_the_slow_check_until_touched() -> None:
    clock = Clock()
    token = [0]
    seen: list[int] = []
    ticks: list[int] = []

    async def scenario() -> None:
        poller = Poller(lambda: token[0], lambda: seen.append(token[0]), interval=0.01,
                        idle_timeout=60, on_paused_tick=lambda: ticks.append(token[0]),
                        paused_interval=0.02, clock=clock)
        poller.mark_seen()
        assert poller.start()
        clock.now = 61
        await asyncio.sleep(0.1)
        assert poller.paused and poller.running  # paused, but the slow check goes on
        assert len(ticks) >= 2 and seen == []
        token[0] = 3
        poller.touch()
        await asyncio.sleep(0.05)
        assert seen == [3] and not poller.paused  # normal polling again, at once
        count = len(ticks)
        await asyncio.sleep(0.05)
        assert len(ticks) == count  # no slow check while live
        poller.stop()

    asyncio.run(scenario())
