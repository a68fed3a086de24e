"""Live refresh: a poller that watches the store's change token on the kernel's event loop.

One poller per page. It asks the store for a cheap integer every ``interval`` seconds and calls
``on_change`` only when the integer moved. It pauses by itself after ``idle_timeout`` seconds
without interaction (``touch``), so that an abandoned page stops re-reading the store; a page
that must still follow the room while paused (the activity the trainer opens) gives
``on_paused_tick``, called every ``paused_interval`` seconds instead.
Pure: no widget import; headless tests call :meth:`Poller.poll_once` directly.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_S = 0.5
DEFAULT_IDLE_TIMEOUT_S = 20 * 60
DEFAULT_PAUSED_INTERVAL_S = 10.0


class Poller:
    """Calls ``on_change`` when ``token()`` returns a new value; pauses when idle."""

    def __init__(
        self,
        token: Callable[[], int],
        on_change: Callable[[], None],
        *,
        interval: float = DEFAULT_INTERVAL_S,
        idle_timeout: float = DEFAULT_IDLE_TIMEOUT_S,
        on_pause: Callable[[], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        on_paused_tick: Callable[[], None] | None = None,
        paused_interval: float = DEFAULT_PAUSED_INTERVAL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._token, self._on_change = token, on_change
        self._on_pause, self._on_error = on_pause, on_error
        self._on_paused_tick, self.paused_interval = on_paused_tick, paused_interval
        self.interval, self.idle_timeout = interval, idle_timeout
        self._clock = clock
        self._last_token: int | None = None
        self._last_touch = clock()
        self._task: asyncio.Task[None] | None = None
        self.paused = False

    @property
    def running(self) -> bool:
        """Return True while the background task is alive."""
        return self._task is not None and not self._task.done()

    def touch(self) -> None:
        """Record an interaction; resume polling if it had paused."""
        self._last_touch = self._clock()
        if self.paused:
            self.paused = False
            self.stop()  # the slow check may be sleeping: poll at the normal pace at once
            self.start()

    def idle(self) -> bool:
        """Return True when nobody has interacted for ``idle_timeout`` seconds."""
        return self._clock() - self._last_touch >= self.idle_timeout

    def poll_once(self) -> bool:
        """Check the token once; call ``on_change`` and return True if it moved."""
        current = self._token()
        if current == self._last_token:
            return False
        self._last_token = current
        self._on_change()
        return True

    def mark_seen(self) -> None:
        """Take the current token as seen (after a refresh the page did itself).

        When the store cannot answer, the next poll refreshes the page.
        """
        try:
            self._last_token = self._token()
        except Exception as error:  # the store is down: poll_once will retry
            log.warning("token unavailable: %s", error)
            self._last_token = None

    def start(self) -> bool:
        """Start polling on the running event loop; return False when there is none."""
        if self.running:
            return True
        try:
            loop = asyncio.get_running_loop()  # a kernel runs cells and callbacks in its loop
        except RuntimeError:
            return False
        self._task = loop.create_task(self._run())
        return True

    def stop(self) -> None:
        """Stop polling for good (until :meth:`start`)."""
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def _run(self) -> None:
        while True:
            if self.paused:  # only with on_paused_tick: the slow check until a touch
                await asyncio.sleep(self.paused_interval)
                if self.paused and self._on_paused_tick is not None:
                    self._guarded(self._on_paused_tick)
                continue
            await asyncio.sleep(self.interval)
            if self.idle():
                self.paused = True
                if self._on_pause is not None:
                    self._on_pause()
                if self._on_paused_tick is None:
                    self._task = None
                    return
                continue
            self._guarded(self.poll_once)

    def _guarded(self, step: Callable[[], object]) -> None:
        try:
            step()
        except Exception as error:  # a poller must never die silently nor crash a page
            log.warning("poll failed: %s", error)
            if self._on_error is not None:
                with contextlib.suppress(Exception):
                    self._on_error(error)
