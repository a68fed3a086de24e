"""The lists of the diagnosis and the site visit, as data (``data/diagnostic.toml``).

Validated on load: a missing list, an empty entry or a duplicate raises :class:`ContentError`
with a French message naming the file and the entry.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from companion.content.files import Entry, read
from companion.core.config import content_dir
from companion.core.errors import ContentError
from companion.texts import content as tx


@dataclass(frozen=True)
class DiagnosticContent:
    """Themes and source kinds of AFOM items, stakeholder lists, economic models, dimensions."""

    themes: tuple[str, ...]
    sources: tuple[str, ...]
    categories: tuple[str, ...]
    attitudes: tuple[str, ...]
    steps: tuple[str, ...]
    roles: tuple[str, ...]
    models: tuple[str, ...]
    dimensions: tuple[str, ...]
    rating_min: int = 1
    rating_max: int = 5


def fold(text: str) -> str:
    """Return ``text`` lower-cased, without accents or repeated spaces, for matching."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", str(text))
                    if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace("œ", "oe").replace("’", "'").split())


def _unique(entry: Entry, key: str) -> tuple[str, ...]:
    values = entry.texts(key)
    if not values:
        entry.fail(tx.LIST_EMPTY.format(key=key))
    folded = [fold(v) for v in values]
    for value in values:
        if folded.count(fold(value)) > 1:
            entry.fail(tx.LIST_DUPLICATE.format(value=value, key=key))
    return tuple(v.strip() for v in values)


def load_diagnostic(path: Path | None = None) -> DiagnosticContent:
    """Read and validate ``data/diagnostic.toml`` (or ``path``)."""
    path = path or content_dir() / "diagnostic.toml"
    data = read(path)
    sections = {}
    for key in ("afom", "acteurs", "besoins", "visite"):
        if key not in data:
            raise ContentError(tx.SECTION_MISSING.format(name=path.name, key=key))
        sections[key] = Entry(path, tx.WHERE_SECTION.format(key=key), data[key])
    visit = sections["visite"]
    low, high = visit.get("note_min", int, 1), visit.get("note_max", int, 5)
    if not 0 <= low < high <= 10:
        visit.fail(tx.BAD_SCALE.format(low=low, high=high))
    return DiagnosticContent(
        themes=_unique(sections["afom"], "themes"),
        sources=_unique(sections["afom"], "sources"),
        categories=_unique(sections["acteurs"], "categories"),
        attitudes=_unique(sections["acteurs"], "attitudes"),
        steps=_unique(sections["acteurs"], "etapes"),
        roles=_unique(sections["acteurs"], "roles"),
        models=_unique(sections["besoins"], "modeles_economiques"),
        dimensions=_unique(visit, "dimensions"),
        rating_min=low, rating_max=high,
    )


@cache
def diagnostic_content() -> DiagnosticContent:
    """Return the default diagnosis content (read once per process)."""
    return load_diagnostic()
