"""The backup of a whole session as JSON, and its re-import into a store (same identifiers)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from companion.core.errors import InputError
from companion.core.model import Group, Participant, Record, TrainingSession
from companion.store.base import Store
from companion.texts import brainstorm as tb
from companion.texts import common as tc

BACKUP_FORMAT = "companion-session-backup"
BACKUP_VERSION = 1


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def session_backup(store: Store, code: str) -> dict[str, Any]:
    """Return a whole session (groups, participants, every contribution) as JSON-able data."""
    session = store.get_session(code)
    if session is None:
        raise InputError(tc.BACKUP_UNKNOWN_SESSION.format(code=code))
    return {
        "format": BACKUP_FORMAT, "version": BACKUP_VERSION,
        "session": {"code": session.code, "title": session.title, "start": _iso(session.start),
                    "end": _iso(session.end), "place": session.place,
                    "created_at": _iso(session.created_at)},
        "groups": [g.name for g in store.list_groups(code)],
        "participants": [
            {"id": p.id, "pseudonym": p.pseudonym, "function": p.function,
             "territory": p.territory, "group": p.group, "removed": p.removed,
             "created_at": _iso(p.created_at)}
            for p in store.list_participants(code, include_removed=True)
        ],
        "records": [
            {"uid": r.uid, "kind": r.kind, "data": dict(r.data), "group": r.group,
             "author": r.author, "participant_id": r.participant_id, "status": r.status,
             "hidden": r.hidden, "merged_into": r.merged_into, "version": r.version,
             "created_at": _iso(r.created_at), "updated_at": _iso(r.updated_at)}
            for r in store.list_records(code)
        ],
    }


def backup_json(store: Store, code: str) -> str:
    """Return the session backup as JSON text (UTF-8, indented)."""
    return json.dumps(session_backup(store, code), ensure_ascii=False, indent=1)


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def restore_backup(store: Store, backup: str | bytes | Mapping[str, Any]) -> TrainingSession:
    """Re-import a session backup into a store where that session does not exist."""
    try:
        data = json.loads(backup) if isinstance(backup, str | bytes) else backup
        if data.get("format") != BACKUP_FORMAT:
            raise ValueError(tc.BACKUP_UNKNOWN_FORMAT)
        s = data["session"]
        session = TrainingSession(code=s["code"], title=s["title"], start=_day(s["start"]),
                                  end=_day(s["end"]), place=s["place"],
                                  created_at=_when(s["created_at"]))
        groups = [Group(session=session.code, name=name) for name in data["groups"]]
        participants = [
            Participant(id=p["id"], session=session.code, pseudonym=p["pseudonym"],
                        function=p["function"], territory=p["territory"], group=p["group"],
                        removed=p["removed"], created_at=_when(p["created_at"]))
            for p in data["participants"]
        ]
        records = [
            Record(uid=r["uid"], session=session.code, kind=r["kind"], data=r["data"],
                   group=r["group"], author=r["author"], participant_id=r["participant_id"],
                   status=r["status"], hidden=r["hidden"], merged_into=r["merged_into"],
                   version=r["version"], created_at=_when(r["created_at"]),
                   updated_at=_when(r["updated_at"]))
            for r in data["records"]
        ]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise InputError(tb.IMPORT_BAD.format(reason=error)) from None
    store.restore_session(session, groups, participants, records)
    return session
