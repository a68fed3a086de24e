"""Immutable records the store hands out. Pure: no widget, no database import.

Every contribution of a page (an expectation, an idea, a vote, an AFOM item, an observation…)
is a :class:`Record` of some ``kind`` with its fields in ``data``; the sequences' logic modules
give each kind its meaning. Sessions, groups and participants have their own types because every
page needs them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

Actor = str
"""Who did something, for the audit trail: a pseudonym, ``"formateur"`` or ``"anonyme"``."""

TRAINER: Actor = "formateur"
ANONYMOUS: Actor = "anonyme"


def _frozen_mapping(data: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(data or {}))


@dataclass(frozen=True)
class TrainingSession:
    """A run of the course: code given to the class, title, dates, place, active flag."""

    code: str
    title: str
    start: date | None = None
    end: date | None = None
    place: str = ""
    active: bool = False
    created_at: datetime | None = None


@dataclass(frozen=True)
class Group:
    """A subgroup of a session (« sous-groupe »)."""

    session: str
    name: str


@dataclass(frozen=True)
class Participant:
    """A registered trainee. The pseudonym is optional (empty means anonymous)."""

    id: str
    session: str
    pseudonym: str
    function: str
    territory: str
    group: str | None = None
    removed: bool = False
    created_at: datetime | None = None

    @property
    def display_name(self) -> str:
        """Return the pseudonym, or « Anonyme » when none was given."""
        return self.pseudonym or "Anonyme"


@dataclass(frozen=True)
class Record:
    """One contribution of some kind, with its own fields in ``data``.

    ``version`` grows at each update (optimistic concurrency); ``hidden`` and ``merged_into``
    keep moderated items instead of deleting them.
    """

    uid: str
    session: str
    kind: str
    data: Mapping[str, Any] = field(default_factory=lambda: _frozen_mapping(None))
    group: str | None = None
    author: str = ""
    participant_id: str | None = None
    status: str = ""
    hidden: bool = False
    merged_into: str | None = None
    version: int = 1
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "data", _frozen_mapping(self.data))

    def get(self, key: str, default: Any = None) -> Any:
        """Return one field of ``data``."""
        return self.data.get(key, default)


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit trail: who changed what, when."""

    at: datetime
    actor: Actor
    action: str
    target: str
    detail: str = ""
