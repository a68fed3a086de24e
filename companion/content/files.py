"""Reading and validating a course content file (``data/*.toml``).

French errors name the file and the faulty entry. Every content file (programme, workshops,
diagnosis, glossary, timeline, quiz, survey, round table) is read with these.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from datetime import time
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from companion.core.config import content_dir
from companion.core.errors import ContentError
from companion.texts import content as tx

T = TypeVar("T")


class Entry:
    """Reads fields of one TOML table, raising French errors that locate the entry."""

    def __init__(self, file: Path, where: str, table: Any) -> None:
        self.file, self.where = file, where
        if not isinstance(table, Mapping):
            self.fail(tx.TABLE_EXPECTED)
        self.table: Mapping[str, Any] = table

    def fail(self, problem: str) -> NoReturn:
        """Raise a :class:`ContentError` naming the file, the entry and ``problem``."""
        raise ContentError(tx.FILE_PROBLEM.format(name=self.file.name, where=self.where,
                                                  problem=problem))

    def get(self, key: str, kind: type[T] | tuple[type, ...], default: Any = ...) -> Any:
        """Return field ``key`` checked against ``kind`` (``default`` when absent)."""
        if key not in self.table:
            if default is ...:
                self.fail(tx.FIELD_MISSING.format(key=key))
            return default
        value = self.table[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            self.fail(tx.FIELD_INVALID.format(key=key, value=value))
        return value

    def text(self, key: str, default: Any = ...) -> str:
        """Return a non-empty text field."""
        value = self.get(key, str, default)
        if isinstance(value, str) and not value.strip():
            self.fail(tx.FIELD_EMPTY.format(key=key))
        return str(value)

    def texts(self, key: str, default: Any = ...) -> tuple[str, ...]:
        """Return a list of non-empty texts."""
        values = self.get(key, list, default)
        if not all(isinstance(v, str) and v.strip() for v in values):
            self.fail(tx.FIELD_NOT_TEXTS.format(key=key))
        return tuple(values)

    def clock(self, key: str) -> time:
        """Return a « HH:MM » field as a time."""
        value = self.text(key)
        try:
            hours, minutes = value.split(":")
            return time(int(hours), int(minutes))
        except ValueError:
            self.fail(tx.FIELD_NOT_CLOCK.format(key=key, value=value))

__all__ = ["ContentError", "Entry", "content_path", "entries", "read"]


def content_path(name: str, path: Path | None = None) -> Path:
    """Return ``path`` or the default content file ``data/<name>``."""
    return path or content_dir() / name


def read(path: Path) -> dict[str, Any]:
    """Read a TOML content file (ContentError in French when missing or malformed)."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ContentError(tx.FILE_MISSING.format(path=path)) from None
    except tomllib.TOMLDecodeError as error:
        raise ContentError(tx.FILE_MALFORMED.format(name=path.name, error=error)) from None


def entries(path: Path, data: Mapping[str, Any], key: str, label: str,
            *, name_key: str = "titre") -> list[Entry]:
    """Return the ``[[key]]`` tables of ``data``, each located by ``label`` n° and its name."""
    tables = data.get(key)
    if not isinstance(tables, list) or not tables:
        raise ContentError(tx.NO_ENTRY.format(name=path.name, key=key))
    found = []
    for number, table in enumerate(tables, start=1):
        name = table.get(name_key) if isinstance(table, Mapping) else None
        where = tx.ENTRY_WHERE.format(label=label, number=number)
        if name:
            where = tx.ENTRY_NAMED.format(where=where, name=name)
        found.append(Entry(path, where, table))
    return found


def unique_ids(path: Path, items: list[Any], label: str) -> None:
    """Refuse two entries with the same ``id`` attribute."""
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ContentError(tx.DUPLICATE_ID.format(name=path.name, label=label, id=item.id))
        seen.add(item.id)
