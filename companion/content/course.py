"""Course content as data: the programme, objectives, workshop rounds and the visit grid.

Loaded from TOML files in ``data/`` and validated: a missing field or a wrong value raises
:class:`ContentError` with a French message naming the file and the faulty entry.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from companion.core.config import content_dir
from companion.core.errors import ContentError

T = TypeVar("T")

SEQUENCE_KINDS = frozenset(
    {"accueil", "apport", "atelier", "restitution", "visite", "table_ronde", "evaluation", "pause"}
)


@dataclass(frozen=True)
class Sequence:
    """One sequence of the programme."""

    day: int
    start: time
    end: time
    title: str
    kind: str
    notebooks: tuple[str, ...] = ()
    objectives: tuple[int, ...] = ()
    details: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Return « Jour 1, 9h30–10h00 »."""
        return f"Jour {self.day}, {_hm(self.start)}–{_hm(self.end)}"


@dataclass(frozen=True)
class Programme:
    """The two-day programme with its title and the seven objectives."""

    title: str
    module: str
    speakers: tuple[str, ...]
    objectives: tuple[str, ...]
    sequences: tuple[Sequence, ...]


@dataclass(frozen=True)
class Round:
    """A brainstorm round: its question and themes; ``linked_to`` a previous round's id."""

    id: str
    title: str
    question: str
    themes: tuple[str, ...]
    linked_to: str | None = None


@dataclass(frozen=True)
class VisitItem:
    """One item of the site-visit observation grid."""

    id: str
    title: str
    instruction: str


@dataclass(frozen=True)
class Course:
    """Workshop content: icebreaker functions, brainstorm rounds, visit grid."""

    functions: tuple[str, ...]
    rounds: tuple[Round, ...]
    visit_items: tuple[VisitItem, ...]

    def round(self, round_id: str) -> Round:
        """Return the round with this id."""
        for item in self.rounds:
            if item.id == round_id:
                return item
        raise KeyError(round_id)


def _hm(value: time) -> str:
    return f"{value.hour}h{value.minute:02d}"


class _Entry:
    """Reads fields of one TOML table, raising French errors that locate the entry."""

    def __init__(self, file: Path, where: str, table: Any) -> None:
        self.file, self.where = file, where
        if not isinstance(table, Mapping):
            self.fail("une table TOML est attendue")
        self.table: Mapping[str, Any] = table

    def fail(self, problem: str) -> None:
        raise ContentError(f"Fichier de contenu « {self.file.name} », {self.where} : {problem}.")

    def get(self, key: str, kind: type[T] | tuple[type, ...], default: Any = ...) -> Any:
        if key not in self.table:
            if default is ...:
                self.fail(f"le champ « {key} » manque")
            return default
        value = self.table[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            self.fail(f"le champ « {key} » a une valeur invalide ({value!r})")
        return value

    def text(self, key: str, default: Any = ...) -> str:
        value = self.get(key, str, default)
        if isinstance(value, str) and not value.strip():
            self.fail(f"le champ « {key} » est vide")
        return str(value)

    def texts(self, key: str, default: Any = ...) -> tuple[str, ...]:
        values = self.get(key, list, default)
        if not all(isinstance(v, str) and v.strip() for v in values):
            self.fail(f"le champ « {key} » doit être une liste de textes non vides")
        return tuple(values)

    def clock(self, key: str) -> time:
        value = self.text(key)
        try:
            hours, minutes = value.split(":")
            return time(int(hours), int(minutes))
        except ValueError:
            self.fail(f"le champ « {key} » doit être une heure « HH:MM » (trouvé « {value} »)")
            raise  # unreachable: fail() raises


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ContentError(f"Fichier de contenu introuvable : « {path} ».") from None
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"Fichier de contenu « {path.name} » mal formé : {error}.") from None


def _entries(path: Path, data: Mapping[str, Any], key: str, label: str) -> list[_Entry]:
    tables = data.get(key)
    if not isinstance(tables, list) or not tables:
        raise ContentError(f"Fichier de contenu « {path.name} » : aucune entrée « [[{key}]] ».")
    entries = []
    for number, table in enumerate(tables, start=1):
        title = table.get("titre") if isinstance(table, Mapping) else None
        where = f"{label} n° {number}" + (f" (« {title} »)" if title else "")
        entries.append(_Entry(path, where, table))
    return entries


def load_programme(path: Path | None = None) -> Programme:
    """Read and validate the programme (``data/programme.toml`` by default)."""
    path = path or content_dir() / "programme.toml"
    data = _read(path)
    top = _Entry(path, "en-tête", data)
    objectives = top.texts("objectifs")
    sequences = []
    for entry in _entries(path, data, "sequence", "séquence"):
        day = entry.get("jour", int)
        if day not in (1, 2):
            entry.fail(f"le champ « jour » doit valoir 1 ou 2 (trouvé {day})")
        start, end = entry.clock("debut"), entry.clock("fin")
        if end <= start:
            entry.fail("l'heure de fin doit suivre l'heure de début")
        kind = entry.text("type")
        if kind not in SEQUENCE_KINDS:
            entry.fail(f"type « {kind} » inconnu (attendu : {', '.join(sorted(SEQUENCE_KINDS))})")
        targets = entry.get("objectifs", list, [])
        if not all(isinstance(n, int) and 1 <= n <= len(objectives) for n in targets):
            entry.fail(f"« objectifs » doit lister des numéros de 1 à {len(objectives)}")
        sequences.append(
            Sequence(
                day=day,
                start=start,
                end=end,
                title=entry.text("titre"),
                kind=kind,
                notebooks=entry.texts("carnets", []),
                objectives=tuple(targets),
                details=entry.texts("details", []),
            )
        )
    sequences.sort(key=lambda s: (s.day, s.start))
    return Programme(
        title=top.text("titre"),
        module=top.text("module", ""),
        speakers=top.texts("intervenants", []),
        objectives=objectives,
        sequences=tuple(sequences),
    )


def load_course(path: Path | None = None) -> Course:
    """Read and validate the workshop content (``data/cours.toml`` by default)."""
    path = path or content_dir() / "cours.toml"
    data = _read(path)
    icebreaker = _Entry(path, "section [brise_glace]", data.get("brise_glace", {}))
    rounds = []
    for entry in _entries(path, data, "manche", "manche"):
        rounds.append(
            Round(
                id=entry.text("id"),
                title=entry.text("titre"),
                question=entry.text("question"),
                themes=entry.texts("themes"),
                linked_to=entry.get("relie_a", str, None),
            )
        )
    ids = [r.id for r in rounds]
    for r in rounds:
        if r.linked_to is not None and r.linked_to not in ids:
            raise ContentError(
                f"Fichier de contenu « {path.name} », manche « {r.id} » : "
                f"« relie_a » désigne une manche inconnue (« {r.linked_to} »)."
            )
    items = [
        VisitItem(id=e.text("id"), title=e.text("titre"), instruction=e.text("consigne"))
        for e in _entries(path, data, "grille_visite", "item de la grille de visite")
    ]
    return Course(
        functions=icebreaker.texts("fonctions"), rounds=tuple(rounds), visit_items=tuple(items)
    )


@cache
def programme() -> Programme:
    """Return the default programme (read once per process)."""
    return load_programme()


@cache
def course() -> Course:
    """Return the default workshop content (read once per process)."""
    return load_course()
