"""Slow down guesses of the trainer code per client, across every page and kernel.

Each Voilà page is its own kernel, so a counter kept in a page is reset by opening a new one.
The failures are kept in a small file of the data directory instead (locked while read and
written), per client (the browser's signed identity, or one shared bucket for pages without
one) and for the whole room (a higher threshold: a client can get new identities).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

FILE = "trainer-gate.json"
FREE_FAILURES = 3
"""Failures allowed before a client waits (then 2 s, 4 s, 8 s… up to MAX_DELAY_S)."""
ROOM_FREE_FAILURES = 20
"""Failures of all clients together before everybody waits."""
MAX_DELAY_S = 60.0
FORGET_AFTER_S = 3600.0
ROOM = "*"
NO_IDENTITY = "sans-identite"


class Throttle:
    """Failures and lock-out times per client key, shared by every process of the server."""

    def __init__(self, folder: Path, clock: Callable[[], float] = time.time) -> None:
        self._path = folder / FILE
        self._clock = clock

    @contextlib.contextmanager
    def _state(self) -> Iterator[dict[str, list[float]]]:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self._path.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                state = json.loads(self._path.read_text(encoding="utf-8"))
                if not isinstance(state, dict):
                    state = {}
            except (OSError, ValueError):
                state = {}
            yield state
            now = self._clock()
            kept = {k: v for k, v in state.items()
                    if isinstance(v, list) and len(v) == 3 and now - v[2] < FORGET_AFTER_S}
            draft = self._path.with_suffix(f".{os.getpid()}.tmp")
            draft.write_text(json.dumps(kept), encoding="utf-8")
            os.replace(draft, self._path)
        finally:
            os.close(fd)

    def wait(self, client: str) -> float:
        """Return how many seconds ``client`` must still wait before trying (0: may try)."""
        with self._state() as state:
            now = self._clock()
            until = max(state.get(client, [0, 0, 0])[1], state.get(ROOM, [0, 0, 0])[1])
            return max(until - now, 0.0)

    def failed(self, client: str) -> int:
        """Count a wrong code of ``client``; return its failures so far."""
        with self._state() as state:
            now = self._clock()
            count = 0
            for key, free in ((client, FREE_FAILURES), (ROOM, ROOM_FREE_FAILURES)):
                failures, until, _seen = state.get(key, [0, 0.0, now])
                failures = int(failures) + 1
                if failures >= free:
                    until = now + min(2.0 ** (failures - free + 1), MAX_DELAY_S)
                state[key] = [failures, until, now]
                if key == client:
                    count = failures
        _log(f"wrong trainer code (client {client[:8]}, {count} failure(s))")
        return count

    def succeeded(self, client: str) -> None:
        """Forget ``client``'s failures (the room's count stays)."""
        with self._state() as state:
            state.pop(client, None)


def _log(text: str) -> None:
    stream = sys.__stderr__
    if stream is not None:
        with contextlib.suppress(OSError, ValueError):
            print(f"[companion] {text}", file=stream, flush=True)
