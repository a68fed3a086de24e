"""The store interface: the small set of verbs every page uses to share data.

Voilà gives each browser page its own kernel, so everything shared between the trainer and the
trainees goes through a store. Widgets receive a store; they never open one themselves.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from companion.core.model import Actor, AuditEntry, Group, Participant, Record, TrainingSession


class Store(ABC):
    """Sessions, groups, participants, contributions (records), audit trail, change token."""

    url: str

    # --- sessions -------------------------------------------------------------------------
    @abstractmethod
    def create_session(
        self,
        code: str,
        title: str,
        *,
        start: date | None = None,
        end: date | None = None,
        place: str = "",
        actor: Actor,
    ) -> TrainingSession:
        """Create a training session; ``code`` is 3–12 upper-case letters or digits."""

    @abstractmethod
    def get_session(self, code: str) -> TrainingSession | None:
        """Return the session with this code, or None."""

    @abstractmethod
    def list_sessions(self) -> list[TrainingSession]:
        """Return every session, newest first."""

    @abstractmethod
    def activate_session(self, code: str, *, actor: Actor) -> TrainingSession:
        """Make this session the active one (and no other)."""

    @abstractmethod
    def active_session(self) -> TrainingSession | None:
        """Return the active session, or None."""

    # --- groups ---------------------------------------------------------------------------
    @abstractmethod
    def add_group(self, session: str, name: str) -> Group:
        """Add a subgroup to a session (adding an existing one returns it)."""

    @abstractmethod
    def list_groups(self, session: str) -> list[Group]:
        """Return the subgroups of a session, by name."""

    # --- participants ---------------------------------------------------------------------
    @abstractmethod
    def add_participant(
        self,
        session: str,
        *,
        pseudonym: str = "",
        function: str = "",
        territory: str = "",
        group: str | None = None,
    ) -> Participant:
        """Register a participant in a session."""

    @abstractmethod
    def list_participants(
        self, session: str, *, include_removed: bool = False
    ) -> list[Participant]:
        """Return the participants of a session, in registration order."""

    @abstractmethod
    def remove_participant(self, participant_id: str, *, actor: Actor) -> Participant:
        """Mark a registration as removed (kept for the audit trail, hidden from views)."""

    # --- records (contributions of any kind) ----------------------------------------------
    @abstractmethod
    def add_record(
        self,
        session: str,
        kind: str,
        data: Mapping[str, Any],
        *,
        group: str | None = None,
        author: str = "",
        participant_id: str | None = None,
        status: str = "",
    ) -> Record:
        """Store a new contribution in one short transaction and return it."""

    @abstractmethod
    def add_record_checked(
        self,
        session: str,
        kind: str,
        data: Mapping[str, Any],
        check: Callable[[list[Record]], None],
        *,
        participant_id: str,
        group: str | None = None,
        author: str = "",
        status: str = "",
    ) -> Record:
        """Store a new contribution if ``check`` accepts the participant's records.

        ``check`` reads this participant's visible records of this kind in the session (oldest
        first), in the same serialised transaction as the write: writers of one participant
        cannot all pass the check on the same state (a vote budget, one evaluation each).
        ``check`` raises ``InputError`` to refuse; then nothing is written.
        """

    @abstractmethod
    def update_record(
        self,
        uid: str,
        *,
        actor: Actor,
        data: Mapping[str, Any] | None = None,
        status: str | None = None,
        hidden: bool | None = None,
        merged_into: str | None = None,
        group: str | None = None,
        expected_version: int | None = None,
    ) -> Record:
        """Change a contribution; ``expected_version`` refuses a stale edit."""

    @abstractmethod
    def add_merged_record(
        self,
        session: str,
        kind: str,
        data: Mapping[str, Any],
        sources: Sequence[str],
        *,
        actor: Actor,
        group: str | None = None,
        status: str = "",
    ) -> Record:
        """Add a record that replaces ``sources``, all in one transaction.

        Each source then points to it through ``merged_into``; nothing is written if a source
        is unknown.
        """

    @abstractmethod
    def merge_into(
        self,
        target: str,
        sources: Sequence[str],
        data: Mapping[str, Any],
        *,
        actor: Actor,
        expected_version: int | None = None,
    ) -> Record:
        """Merge ``sources`` into the existing record ``target``, in one transaction.

        Each source, and every record already merged into one of them, then points to
        ``target``, whose data becomes ``data``. Nothing is written if a record is unknown or
        ``target`` changed since ``expected_version``.
        """

    @abstractmethod
    def get_record(self, uid: str) -> Record:
        """Return one contribution (StoreError if unknown)."""

    @abstractmethod
    def list_records(
        self,
        session: str,
        kind: str | None = None,
        *,
        group: str | None = None,
        include_hidden: bool = True,
    ) -> list[Record]:
        """Return a session's contributions of a kind, in the order they were made."""

    # --- administration -------------------------------------------------------------------
    @abstractmethod
    def reset_session(self, code: str, *, actor: Actor) -> int:
        """Archive every participant and contribution of a session; return how many."""

    @abstractmethod
    def restore_session(
        self,
        session: TrainingSession,
        groups: Sequence[Group],
        participants: Sequence[Participant],
        records: Sequence[Record],
    ) -> None:
        """Insert a whole session as it was (backup re-import), keeping identifiers."""

    @abstractmethod
    def audit_trail(self, session: str | None = None) -> list[AuditEntry]:
        """Return the audit trail, oldest first."""

    @abstractmethod
    def change_token(self) -> int:
        """Return a number that changes whenever anything is written (cheap, for pollers)."""

    @abstractmethod
    def schema_version(self) -> int:
        """Return the schema version stamped in the store."""

    @abstractmethod
    def close(self) -> None:
        """Release connections."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
