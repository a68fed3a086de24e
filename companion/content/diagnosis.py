"""The lists of the diagnosis and the site visit, as data (``data/diagnostic.toml``).

Validated on load: a missing list, an empty entry or a duplicate raises :class:`ContentError`
with a French message naming the file and the entry.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from companion.content.course import _Entry, _read
from companion.core.config import content_dir
from companion.core.errors import ContentError


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


def _unique(entry: _Entry, key: str) -> tuple[str, ...]:
    values = entry.texts(key)
    if not values:
        entry.fail(f"la liste « {key} » est vide")
    folded = [fold(v) for v in values]
    for value in values:
        if folded.count(fold(value)) > 1:
            entry.fail(f"« {value} » figure deux fois dans la liste « {key} »")
    return tuple(v.strip() for v in values)


def load_diagnostic(path: Path | None = None) -> DiagnosticContent:
    """Read and validate ``data/diagnostic.toml`` (or ``path``)."""
    path = path or content_dir() / "diagnostic.toml"
    data = _read(path)
    sections = {}
    for key in ("afom", "acteurs", "besoins", "visite"):
        if key not in data:
            raise ContentError(f"Fichier de contenu « {path.name} » : la section [{key}] manque.")
        sections[key] = _Entry(path, f"section [{key}]", data[key])
    visit = sections["visite"]
    low, high = visit.get("note_min", int, 1), visit.get("note_max", int, 5)
    if not 0 <= low < high <= 10:
        visit.fail(f"l'échelle de notes {low}–{high} est invalide (de 0 à 10, min < max)")
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
