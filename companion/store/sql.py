"""The SQL store: SQLite (default, one file) or PostgreSQL (several servers), one code path.

Every write is one short transaction that first bumps the ``revision`` counter, so writers are
serialised (``BEGIN IMMEDIATE`` on SQLite, the counter's row lock on PostgreSQL) and pollers
can compare one integer. SQLite keeps the rollback journal (``journal_mode=DELETE``): WAL in
SQLite before 3.51.3 can corrupt a database written by several processes, and the rollback
journal with a busy timeout was measured fast enough for a class.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    Connection,
    Engine,
    create_engine,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.pool import StaticPool
from typing_extensions import override

from companion.core.errors import InputError, StoreError, log_detail
from companion.core.model import Actor, AuditEntry, Group, Participant, Record, TrainingSession
from companion.core.text import clean_value, strip_controls
from companion.store import schema as s
from companion.store.base import Store
from companion.texts import common as t

T = TypeVar("T")
SESSION_CODE = re.compile(r"^[A-Z0-9]{3,12}$")
SQLITE_BUSY_TIMEOUT_S = 30
_OPENED_READ_ONLY = "companion_opened_read_only"


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _new_id() -> str:
    return uuid.uuid4().hex


def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    in_memory = parsed.database in (None, "", ":memory:")
    if in_memory:
        engine = create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool)
    else:
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (below)
        if not in_memory:  # as SQLite decides it: no write access, a read-only connection
            record.info[_OPENED_READ_ONLY] = not os.access(str(parsed.database), os.W_OK)
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
        if not in_memory:
            cursor.execute("PRAGMA journal_mode = DELETE")
            cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _drop_if_opened_read_only(conn: Connection, error: DBAPIError) -> None:
    """Close a connection SQLite opened read-only once a write on it was refused.

    SQLite opens a file it may not write read-only, and such a connection stays read-only
    once the file is writable again: a kernel that opened the store then would refuse every
    write until restarted. Dropped after the rollback (which released its locks), the next
    write opens the file again. Connections opened writable are kept: they write again by
    themselves once their folder or file is back.
    """
    if conn.info.get(_OPENED_READ_ONLY) and "readonly" in str(error.orig).lower():
        conn.invalidate()


class SQLStore(Store):
    """Store on a SQLAlchemy engine; open it with :func:`companion.store.open_store`."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._label = _describe(url)
        try:
            parsed = make_url(url)
        except SQLAlchemyError as error:
            detail = t.STORE_UNREACHABLE.format(path=_describe(url), reason=error)
            raise StoreError(t.STORE_UNREACHABLE_SHORT, detail) from None
        self._dialect = parsed.get_backend_name()
        if self._dialect == "sqlite":
            self._engine = _sqlite_engine(url)
        else:
            self._engine = create_engine(url, pool_pre_ping=True)
        self._writer = self._engine.execution_options(immediate=True)
        self._migrate()

    # --- plumbing -------------------------------------------------------------------------
    def _translate(self, error: Exception) -> StoreError:
        """Return the store error for ``error``: a short French message and the detail.

        The short message is for the page; the detail (path, driver text) for the trainer's
        console and the server log.
        """
        raw = str(getattr(error, "orig", error))
        message = raw.lower()
        reason = raw.splitlines()[0] if raw else type(error).__name__
        if "not a database" in message or "file is encrypted" in message:
            found = StoreError(t.STORE_NOT_DATABASE_SHORT,
                               t.STORE_NOT_DATABASE.format(path=self._label))
        elif "readonly" in message or "read-only" in message or "read only" in message:
            found = StoreError(t.STORE_READ_ONLY_SHORT, t.STORE_READ_ONLY.format(path=self._label))
        elif "disk is full" in message or "no space left" in message or "disk full" in message:
            found = StoreError(t.STORE_FULL_SHORT,
                               t.STORE_FULL.format(path=self._label, reason=reason))
        else:
            found = StoreError(t.STORE_UNREACHABLE_SHORT,
                               t.STORE_UNREACHABLE.format(path=self._label, reason=reason))
        log_detail(found)
        return found

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        try:
            with self._engine.connect() as conn:
                yield conn
        except (DBAPIError, SQLAlchemyError) as error:
            raise self._translate(error) from None

    def _write(self, work: Callable[[Connection], T]) -> T:
        """Run ``work`` in one serialised transaction that bumps the revision first."""
        try:
            with self._writer.connect() as conn:
                try:
                    with conn.begin():
                        conn.execute(
                            update(s.meta)
                            .where(s.meta.c.key == s.REVISION_KEY)
                            .values(value=s.meta.c.value + 1)
                        )
                        return work(conn)
                except DBAPIError as error:
                    _drop_if_opened_read_only(conn, error)
                    raise
        except IntegrityError as error:
            refused = StoreError(t.STORE_REFUSED_SHORT, t.STORE_REFUSED.format(
                path=self._label, reason=str(error.orig).splitlines()[0]))
            log_detail(refused)
            raise refused from None
        except (DBAPIError, SQLAlchemyError) as error:
            raise self._translate(error) from None

    def _audit(
        self,
        conn: Connection,
        session: str | None,
        actor: Actor,
        action: str,
        target: str,
        detail: str = "",
    ) -> None:
        conn.execute(
            insert(s.audit).values(
                at=_now(),
                session=session,
                actor=strip_controls(actor),
                action=action,
                target=strip_controls(target),
                detail=strip_controls(detail),
            )
        )

    def _migrate(self) -> None:
        try:
            with self._writer.begin() as conn:
                if self._dialect == "postgresql":
                    conn.execute(text("SELECT pg_advisory_xact_lock(7357001)"))
                s.meta.create(conn, checkfirst=True)
                found = conn.execute(
                    select(s.meta.c.value).where(s.meta.c.key == s.SCHEMA_KEY)
                ).scalar()
                version = int(found or 0)
                if version > s.LATEST_VERSION:
                    raise StoreError(
                        t.STORE_TOO_RECENT_SHORT,
                        t.STORE_TOO_RECENT.format(
                            path=self._label, found=version, known=s.LATEST_VERSION
                        ),
                    )
                if version == s.LATEST_VERSION:
                    return
                for migration in s.MIGRATIONS[version:]:
                    migration(conn)
                if found is None:
                    conn.execute(insert(s.meta).values(key=s.SCHEMA_KEY, value=s.LATEST_VERSION))
                else:
                    conn.execute(
                        update(s.meta)
                        .where(s.meta.c.key == s.SCHEMA_KEY)
                        .values(value=s.LATEST_VERSION)
                    )
        except StoreError:
            self._engine.dispose()
            raise
        except (DBAPIError, SQLAlchemyError) as error:
            self._engine.dispose()
            raise self._translate(error) from None

    # --- sessions -------------------------------------------------------------------------
    @override
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
        code = strip_controls(code).strip().upper()
        title, place = strip_controls(title), strip_controls(place)
        if not SESSION_CODE.match(code):
            raise InputError(t.INVALID_SESSION_CODE.format(code=code))

        def work(conn: Connection) -> TrainingSession:
            exists = conn.execute(select(s.sessions.c.code).where(s.sessions.c.code == code))
            if exists.first() is not None:
                raise InputError(t.DUPLICATE_SESSION.format(code=code))
            values = dict(
                code=code,
                title=title,
                start=start,
                end=end,
                place=place,
                active=False,
                created_at=_now(),
            )
            conn.execute(insert(s.sessions).values(**values))
            self._audit(conn, code, actor, "créer session", code, title)
            return TrainingSession(**values)  # type: ignore[arg-type]

        return self._write(work)

    @staticmethod
    def _session(row: Any) -> TrainingSession:
        return TrainingSession(
            code=row.code,
            title=row.title,
            start=row.start,
            end=row.end,
            place=row.place,
            active=bool(row.active),
            created_at=row.created_at,
        )

    @override
    def get_session(self, code: str) -> TrainingSession | None:
        with self._reading() as conn:
            row = conn.execute(select(s.sessions).where(s.sessions.c.code == code)).first()
        return self._session(row) if row else None

    @override
    def list_sessions(self) -> list[TrainingSession]:
        with self._reading() as conn:
            rows = conn.execute(select(s.sessions).order_by(s.sessions.c.created_at.desc()))
            return [self._session(row) for row in rows]

    @override
    def activate_session(self, code: str, *, actor: Actor) -> TrainingSession:
        def work(conn: Connection) -> TrainingSession:
            row = conn.execute(select(s.sessions).where(s.sessions.c.code == code)).first()
            if row is None:
                raise InputError(t.UNKNOWN_SESSION.format(code=code))
            conn.execute(update(s.sessions).values(active=False))
            conn.execute(update(s.sessions).where(s.sessions.c.code == code).values(active=True))
            self._audit(conn, code, actor, "activer session", code)
            return self._session(row)

        session = self._write(work)
        return TrainingSession(**{**session.__dict__, "active": True})

    @override
    def active_session(self) -> TrainingSession | None:
        with self._reading() as conn:
            row = conn.execute(select(s.sessions).where(s.sessions.c.active.is_(True))).first()
        return self._session(row) if row else None

    # --- groups ---------------------------------------------------------------------------
    @override
    def add_group(self, session: str, name: str) -> Group:
        name = strip_controls(name).strip()
        if not name:
            raise InputError(t.EMPTY_TEXT)

        def work(conn: Connection) -> Group:
            found = conn.execute(
                select(s.groups).where(s.groups.c.session == session, s.groups.c.name == name)
            ).first()
            if found is None:
                conn.execute(insert(s.groups).values(session=session, name=name))
            return Group(session=session, name=name)

        return self._write(work)

    @override
    def list_groups(self, session: str) -> list[Group]:
        with self._reading() as conn:
            rows = conn.execute(
                select(s.groups).where(s.groups.c.session == session).order_by(s.groups.c.name)
            )
            return [Group(session=row.session, name=row.name) for row in rows]

    # --- participants ---------------------------------------------------------------------
    @staticmethod
    def _participant(row: Any) -> Participant:
        return Participant(
            id=row.id,
            session=row.session,
            pseudonym=row.pseudonym,
            function=row.function,
            territory=row.territory,
            group=row.group_name,
            removed=bool(row.removed),
            created_at=row.created_at,
        )

    @override
    def add_participant(
        self,
        session: str,
        *,
        pseudonym: str = "",
        function: str = "",
        territory: str = "",
        group: str | None = None,
    ) -> Participant:
        values = dict(
            id=_new_id(),
            session=session,
            pseudonym=strip_controls(pseudonym),
            function=strip_controls(function),
            territory=strip_controls(territory),
            group_name=None if group is None else strip_controls(group),
            removed=False,
            archived=False,
            created_at=_now(),
        )
        self._write(lambda conn: conn.execute(insert(s.participants).values(**values)))
        return self._participant(_Row(values))

    @override
    def list_participants(
        self, session: str, *, include_removed: bool = False
    ) -> list[Participant]:
        query = select(s.participants).where(
            s.participants.c.session == session, s.participants.c.archived.is_(False)
        )
        if not include_removed:
            query = query.where(s.participants.c.removed.is_(False))
        with self._reading() as conn:
            rows = conn.execute(query.order_by(s.participants.c.created_at, s.participants.c.id))
            return [self._participant(row) for row in rows]

    @override
    def remove_participant(self, participant_id: str, *, actor: Actor) -> Participant:
        def work(conn: Connection) -> Participant:
            row = conn.execute(
                select(s.participants).where(s.participants.c.id == participant_id)
            ).first()
            if row is None:
                raise InputError(t.UNKNOWN_PARTICIPANT.format(pid=participant_id))
            conn.execute(
                update(s.participants)
                .where(s.participants.c.id == participant_id)
                .values(removed=True)
            )
            self._audit(conn, row.session, actor, "retirer inscription", participant_id)
            return self._participant(_Row({**row._mapping, "removed": True}))

        return self._write(work)

    # --- records --------------------------------------------------------------------------
    @staticmethod
    def _record(row: Any) -> Record:
        return Record(
            uid=row.uid,
            session=row.session,
            kind=row.kind,
            data=row.data or {},
            group=row.group_name,
            author=row.author,
            participant_id=row.participant_id,
            status=row.status,
            hidden=bool(row.hidden),
            merged_into=row.merged_into,
            version=row.version,
            created_at=row.created_at,
            updated_at=row.updated_at,
        )

    @override
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
        values = _new_record(
            session,
            kind,
            data,
            group=group,
            author=author,
            participant_id=participant_id,
            status=status,
        )
        self._write(lambda conn: conn.execute(insert(s.records).values(**values)))
        return self._record(_Row(values))

    @override
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
        values = _new_record(
            session,
            kind,
            data,
            group=group,
            author=author,
            participant_id=participant_id,
            status=status,
        )

        def work(conn: Connection) -> Record:
            # _write took the writers' lock first (revision row / BEGIN IMMEDIATE): what is
            # read here is every write committed before, and nobody writes until we commit.
            rows = conn.execute(
                select(s.records)
                .where(
                    s.records.c.session == session,
                    s.records.c.kind == kind,
                    s.records.c.participant_id == participant_id,
                    s.records.c.archived.is_(False),
                    s.records.c.hidden.is_(False),
                )
                .order_by(s.records.c.seq)
            )
            check([self._record(row) for row in rows])
            conn.execute(insert(s.records).values(**values))
            return self._record(_Row(values))

        return self._write(work)

    @override
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
        def work(conn: Connection) -> Record:
            row = conn.execute(select(s.records).where(s.records.c.uid == uid)).first()
            if row is None:
                raise InputError(t.UNKNOWN_RECORD.format(uid=uid))
            if expected_version is not None and row.version != expected_version:
                raise InputError(t.STALE_RECORD)
            changes: dict[str, Any] = {"version": row.version + 1, "updated_at": _now()}
            if data is not None:
                changes["data"] = clean_value(dict(data))
            if status is not None:
                changes["status"] = strip_controls(status)
            if hidden is not None:
                changes["hidden"] = hidden
            if merged_into is not None:
                changes["merged_into"] = merged_into
            if group is not None:
                changes["group_name"] = strip_controls(group)
            conn.execute(update(s.records).where(s.records.c.uid == uid).values(**changes))
            detail = ", ".join(sorted(k for k in changes if k not in ("version", "updated_at")))
            self._audit(conn, row.session, actor, f"modifier {row.kind}", uid, detail)
            return self._record(_Row({**row._mapping, **changes}))

        return self._write(work)

    @override
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
        values = _new_record(session, kind, data, group=group, status=status)
        now = values["created_at"]

        def work(conn: Connection) -> Record:
            for uid in sources:
                row = conn.execute(select(s.records.c.version).where(s.records.c.uid == uid))
                version = row.scalar()
                if version is None:
                    raise InputError(t.UNKNOWN_RECORD.format(uid=uid))
                conn.execute(
                    update(s.records)
                    .where(s.records.c.uid == uid)
                    .values(merged_into=values["uid"], version=version + 1, updated_at=now)
                )
            conn.execute(insert(s.records).values(**values))
            self._audit(
                conn, session, actor, f"fusionner {kind}", str(values["uid"]), ", ".join(sources)
            )
            return self._record(_Row(values))

        return self._write(work)

    @override
    def merge_into(
        self,
        target: str,
        sources: Sequence[str],
        data: Mapping[str, Any],
        *,
        actor: Actor,
        expected_version: int | None = None,
    ) -> Record:
        def work(conn: Connection) -> Record:
            row = conn.execute(select(s.records).where(s.records.c.uid == target)).first()
            if row is None:
                raise InputError(t.UNKNOWN_RECORD.format(uid=target))
            if expected_version is not None and row.version != expected_version:
                raise InputError(t.STALE_RECORD)
            now = _now()
            found = conn.execute(
                select(s.records.c.uid).where(s.records.c.uid.in_(list(sources)))
            ).scalars().all()
            for uid in sources:
                if uid not in found:
                    raise InputError(t.UNKNOWN_RECORD.format(uid=uid))
            followers = select(s.records.c.uid).where(
                s.records.c.uid.in_(list(sources)) | s.records.c.merged_into.in_(list(sources))
            )
            conn.execute(
                update(s.records)
                .where(s.records.c.uid.in_(followers.scalar_subquery()))
                .values(merged_into=target, version=s.records.c.version + 1, updated_at=now)
            )
            changes = {"data": dict(data), "version": row.version + 1, "updated_at": now}
            conn.execute(update(s.records).where(s.records.c.uid == target).values(**changes))
            self._audit(conn, row.session, actor, f"fusionner {row.kind}", target,
                        ", ".join(sources))
            return self._record(_Row({**row._mapping, **changes}))

        return self._write(work)

    @override
    def get_record(self, uid: str) -> Record:
        with self._reading() as conn:
            row = conn.execute(select(s.records).where(s.records.c.uid == uid)).first()
        if row is None:
            raise InputError(t.UNKNOWN_RECORD.format(uid=uid))
        return self._record(row)

    @override
    def list_records(
        self,
        session: str,
        kind: str | None = None,
        *,
        group: str | None = None,
        include_hidden: bool = True,
    ) -> list[Record]:
        query = select(s.records).where(
            s.records.c.session == session, s.records.c.archived.is_(False)
        )
        if kind is not None:
            query = query.where(s.records.c.kind == kind)
        if group is not None:
            query = query.where(s.records.c.group_name == group)
        if not include_hidden:
            query = query.where(s.records.c.hidden.is_(False))
        with self._reading() as conn:
            rows = conn.execute(query.order_by(s.records.c.seq))
            return [self._record(row) for row in rows]

    # --- administration -------------------------------------------------------------------
    @override
    def reset_session(self, code: str, *, actor: Actor) -> int:
        def work(conn: Connection) -> int:
            done = conn.execute(
                update(s.participants)
                .where(s.participants.c.session == code, s.participants.c.archived.is_(False))
                .values(archived=True)
            ).rowcount
            done += conn.execute(
                update(s.records)
                .where(s.records.c.session == code, s.records.c.archived.is_(False))
                .values(archived=True)
            ).rowcount
            self._audit(conn, code, actor, "réinitialiser session", code, f"{done} archivés")
            return int(done)

        return self._write(work)

    @override
    def restore_session(
        self,
        session: TrainingSession,
        groups: Sequence[Group],
        participants: Sequence[Participant],
        records: Sequence[Record],
    ) -> None:
        def work(conn: Connection) -> None:
            exists = conn.execute(
                select(s.sessions.c.code).where(s.sessions.c.code == session.code)
            ).first()
            if exists is not None:
                raise InputError(t.DUPLICATE_SESSION.format(code=session.code))
            conn.execute(
                insert(s.sessions).values(
                    code=session.code,
                    title=session.title,
                    start=session.start,
                    end=session.end,
                    place=session.place,
                    active=False,
                    created_at=session.created_at or _now(),
                )
            )
            for group in groups:
                conn.execute(insert(s.groups).values(session=session.code,
                                                     name=strip_controls(group.name)))
            for p in participants:
                conn.execute(
                    insert(s.participants).values(
                        id=p.id,
                        session=session.code,
                        pseudonym=strip_controls(p.pseudonym),
                        function=strip_controls(p.function),
                        territory=strip_controls(p.territory),
                        group_name=None if p.group is None else strip_controls(p.group),
                        removed=p.removed,
                        archived=False,
                        created_at=p.created_at or _now(),
                    )
                )
            for r in records:
                conn.execute(
                    insert(s.records).values(
                        uid=r.uid,
                        session=session.code,
                        kind=r.kind,
                        data=clean_value(dict(r.data)),
                        group_name=None if r.group is None else strip_controls(r.group),
                        author=strip_controls(r.author),
                        participant_id=r.participant_id,
                        status=r.status,
                        hidden=r.hidden,
                        merged_into=r.merged_into,
                        archived=False,
                        version=r.version,
                        created_at=r.created_at or _now(),
                        updated_at=r.updated_at or _now(),
                    )
                )
            self._audit(
                conn,
                session.code,
                "formateur",
                "restaurer session",
                session.code,
                f"{len(records)} contributions",
            )

        self._write(work)

    @override
    def audit_trail(self, session: str | None = None) -> list[AuditEntry]:
        query = select(s.audit).order_by(s.audit.c.seq)
        if session is not None:
            query = query.where(s.audit.c.session == session)
        with self._reading() as conn:
            return [
                AuditEntry(
                    at=r.at, actor=r.actor, action=r.action, target=r.target, detail=r.detail
                )
                for r in conn.execute(query)
            ]

    @override
    def change_token(self) -> int:
        with self._reading() as conn:
            value = conn.execute(
                select(func.max(s.meta.c.value)).where(s.meta.c.key == s.REVISION_KEY)
            ).scalar()
        return int(value or 0)

    @override
    def schema_version(self) -> int:
        with self._reading() as conn:
            value = conn.execute(
                select(s.meta.c.value).where(s.meta.c.key == s.SCHEMA_KEY)
            ).scalar()
        return int(value or 0)

    @override
    def close(self) -> None:
        self._engine.dispose()

    def __repr__(self) -> str:
        return f"SQLStore({self._label!r})"


def _new_record(
    session: str,
    kind: str,
    data: Mapping[str, Any],
    *,
    group: str | None,
    status: str,
    author: str = "",
    participant_id: str | None = None,
) -> dict[str, Any]:
    """Return the column values of a new, visible record (version 1, stamped now).

    Its texts go through the one cleaning rule (:func:`companion.core.text.strip_controls`),
    whatever the page or import they come from.
    """
    now = _now()
    return dict(
        uid=_new_id(),
        session=session,
        kind=kind,
        data=clean_value(dict(data)),
        group_name=None if group is None else strip_controls(group),
        author=strip_controls(author),
        participant_id=participant_id,
        status=strip_controls(status),
        hidden=False,
        merged_into=None,
        archived=False,
        version=1,
        created_at=now,
        updated_at=now,
    )


class _Row:
    """Attribute access over a dict, so new rows and fetched rows share the converters."""

    def __init__(self, values: Mapping[str, Any]) -> None:
        self.__dict__.update(values)


def _describe(url: str) -> str:
    """Return a URL fit to show a person: the file path for SQLite, no password otherwise."""
    try:
        parsed = make_url(url)
    except SQLAlchemyError:
        return url
    if parsed.get_backend_name() == "sqlite":
        return str(Path(parsed.database)) if parsed.database else ":memory:"
    return parsed.render_as_string(hide_password=True)
