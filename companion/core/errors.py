"""Exceptions that carry a French message meant for the person using the companion.

Every error a user can cause (a bad file, a wrong entry, an unreachable store) is one of these:
widgets show ``str(error)`` in the page, never a traceback.
"""

from __future__ import annotations


class CompanionError(Exception):
    """Base class: the message is French and addressed to the user."""


class DataError(CompanionError, ValueError):
    """A data file or table cannot be read or does not have the expected shape.

    The message names the file and, where known, the line and the column.
    """


class ContentError(CompanionError, ValueError):
    """A course content file in ``data/`` is missing a field or holds a wrong value."""


class StoreError(CompanionError):
    """The store cannot be opened or written (not a database, read-only, too recent…)."""


class InputError(CompanionError, ValueError):
    """Something a person typed is refused (empty text, out-of-range value…)."""


class PermissionDenied(CompanionError):
    """A trainer action was attempted without the trainer code."""
