"""Exceptions that carry a French message meant for the person using the companion.

Every error a user can cause (a bad file, a wrong entry, an unreachable store) is one of these:
widgets show ``str(error)`` in the page, never a traceback.
"""

from __future__ import annotations

import contextlib


class CompanionError(Exception):
    """Base class: the message is French and addressed to the user."""


class DataError(CompanionError, ValueError):
    """A data file or table cannot be read or does not have the expected shape.

    The message names the file and, where known, the line and the column.
    """


class ContentError(CompanionError, ValueError):
    """A course content file in ``data/`` is missing a field or holds a wrong value."""


class StoreError(CompanionError):
    """The store cannot be opened or written (not a database, read-only, too recent…).

    ``str(error)`` is the short French message a participant sees: no file path, no database
    address, no driver text. ``detail`` is the full French explanation (where, why, what to
    do) for the trainer's console and the server log (:func:`log_detail`).
    """

    def __init__(self, message: str, detail: str | None = None) -> None:
        super().__init__(message)
        self.detail = detail or message


def detail_of(error: BaseException) -> str:
    """Return what the trainer and the server log should read about ``error``."""
    return str(getattr(error, "detail", "") or error)


def log_detail(error: BaseException) -> None:
    """Write the detail of ``error`` to the server's console, not to the page.

    The console is the process's real stderr: inside a kernel ``sys.stderr`` goes to the
    browser.
    """
    import sys

    stream = sys.__stderr__
    if stream is not None:
        with contextlib.suppress(OSError, ValueError):
            print(f"[companion] {type(error).__name__}: {detail_of(error)}", file=stream,
                  flush=True)


class InputError(CompanionError, ValueError):
    """Something a person typed is refused (empty text, out-of-range value…)."""


class PermissionDenied(CompanionError):
    """A trainer action was attempted without the trainer code."""
