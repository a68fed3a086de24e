"""Tables of the SQL store and the migrations that bring any older store up to date.

The schema version is stamped in ``meta``; each migration is a function applied once, in order,
inside one transaction. Never edit a released migration: add the next one.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Integer, nullable=False),
)

sessions = Table(
    "sessions",
    metadata,
    Column("code", String(16), primary_key=True),
    Column("title", Text, nullable=False),
    Column("start", Date),
    Column("end", Date),
    Column("place", Text, nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=False),
    Column("created_at", DateTime, nullable=False),
)

groups = Table(
    "groups",
    metadata,
    Column("session", String(16), primary_key=True),
    Column("name", String(200), primary_key=True),
)

participants = Table(
    "participants",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("session", String(16), nullable=False, index=True),
    Column("pseudonym", Text, nullable=False, default=""),
    Column("function", Text, nullable=False, default=""),
    Column("territory", Text, nullable=False, default=""),
    Column("group_name", String(200)),
    Column("removed", Boolean, nullable=False, default=False),
    Column("archived", Boolean, nullable=False, default=False),
    Column("created_at", DateTime, nullable=False),
)

records = Table(
    "records",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("uid", String(32), nullable=False, unique=True),
    Column("session", String(16), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("data", JSON, nullable=False),
    Column("group_name", String(200)),
    Column("author", Text, nullable=False, default=""),
    Column("participant_id", String(32)),
    Column("status", String(64), nullable=False, default=""),
    Column("hidden", Boolean, nullable=False, default=False),
    Column("merged_into", String(32)),
    Column("archived", Boolean, nullable=False, default=False),
    Column("version", Integer, nullable=False, default=1),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Index("ix_records_session_kind", "session", "kind"),
)

audit = Table(
    "audit",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("session", String(16)),
    Column("actor", Text, nullable=False),
    Column("action", String(64), nullable=False),
    Column("target", String(64), nullable=False),
    Column("detail", Text, nullable=False, default=""),
)

SCHEMA_KEY = "schema_version"
REVISION_KEY = "revision"


def _v1_initial(conn: Connection) -> None:
    """First release: sessions, groups, participants, records, audit."""
    for table in (sessions, groups, participants, records, audit):
        table.create(conn, checkfirst=True)
    conn.execute(meta.insert().values(key=REVISION_KEY, value=0))


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_v1_initial,)
"""Migration ``i`` brings a store from version ``i`` to ``i + 1``."""

LATEST_VERSION = len(MIGRATIONS)
