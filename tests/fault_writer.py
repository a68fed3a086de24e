"""A writer for the fault-injection runs (``tests/test_fault_injection.py``).

``python -m tests.fault_writer URL SESSION TAG STOP_FILE`` writes records in a loop through the
real store API (``open_store``, ``add_record``, ``add_record_checked``) until ``STOP_FILE``
exists, and prints one flushed line per attempt:

- ``OK <text>``: the store call returned, the write is acknowledged;
- ``ERR <text> <message>``: the store refused with a ``StoreError`` (a clean error);
- ``BAD <text> <type>: <message>``: any other exception (not a clean error);
- ``END``: the stop file was seen, the writer closes its store and exits 0.

Opening the store goes through the same loop (``ERR open …`` until it opens), so a writer
started during an outage keeps trying. Each text is unique (``TAG-n``): the test compares the
acknowledged texts with what the store holds.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from companion.core.errors import StoreError
from companion.core.model import Record
from companion.store import Store, open_store

KIND = "fault-probe"
CHECKED_KIND = "fault-probe-checked"
RETRY_PAUSE_S = 0.02


def _accept(_records: list[Record]) -> None:
    """The check of the checked writes: it reads the participant's records, refuses nothing."""


def _say(line: str) -> None:
    sys.stdout.write(line.replace("\n", " ") + "\n")
    sys.stdout.flush()


def _write(store: Store, session: str, tag: str, number: int) -> None:
    text = f"{tag}-{number}"
    if number % 4 == 3:
        store.add_record_checked(session, CHECKED_KIND, {"text": text}, _accept,
                                 participant_id=tag, group="G1", author=tag)
    else:
        store.add_record(session, KIND, {"text": text}, group=f"G{number % 3}", author=tag)


def main(argv: list[str]) -> int:
    url, session, tag, stop_name = argv
    stop = Path(stop_name)
    store: Store | None = None
    number = 0
    while not stop.exists():
        if store is None:
            try:
                store = open_store(url)
            except StoreError as error:
                _say(f"ERR open {error}")
                time.sleep(RETRY_PAUSE_S)
                continue
            _say("READY")
        text = f"{tag}-{number}"
        try:
            _write(store, session, tag, number)
        except StoreError as error:
            _say(f"ERR {text} {error}")
            time.sleep(RETRY_PAUSE_S)
        except Exception as error:  # reported as BAD: the test fails on it
            _say(f"BAD {text} {type(error).__name__}: {error}")
            time.sleep(RETRY_PAUSE_S)
        else:
            _say(f"OK {text}")
        number += 1
    if store is not None:
        store.close()
    _say("END")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
