"""Public helpers to read and validate a course content file (``data/*.toml``).

A thin, public face of the readers used by :mod:`.course`: French errors that name the
file and the faulty entry. Other content files (glossary, timeline, quiz, survey, round table)
are read with these.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from companion.content.course import _Entry as Entry
from companion.content.course import _read
from companion.core.config import content_dir
from companion.core.errors import ContentError

__all__ = ["ContentError", "Entry", "content_path", "entries", "read"]


def content_path(name: str, path: Path | None = None) -> Path:
    """Return ``path`` or the default content file ``data/<name>``."""
    return path or content_dir() / name


def read(path: Path) -> dict[str, Any]:
    """Read a TOML content file (ContentError in French when missing or malformed)."""
    return _read(path)


def entries(path: Path, data: Mapping[str, Any], key: str, label: str,
            *, name_key: str = "titre") -> list[Entry]:
    """Return the ``[[key]]`` tables of ``data``, each located by ``label`` n° and its name."""
    tables = data.get(key)
    if not isinstance(tables, list) or not tables:
        raise ContentError(f"Fichier de contenu « {path.name} » : aucune entrée « [[{key}]] ».")
    found = []
    for number, table in enumerate(tables, start=1):
        name = table.get(name_key) if isinstance(table, Mapping) else None
        where = f"{label} n° {number}" + (f" (« {name} »)" if name else "")
        found.append(Entry(path, where, table))
    return found


def unique_ids(path: Path, items: list[Any], label: str) -> None:
    """Refuse two entries with the same ``id`` attribute."""
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ContentError(
                f"Fichier de contenu « {path.name} » : deux {label}s portent l'identifiant "
                f"« {item.id} »."
            )
        seen.add(item.id)
