"""Course content as data: the programme, objectives, workshop rounds and the visit grid.

Loaded from TOML files in ``data/`` and validated: a missing field or a wrong value raises
:class:`ContentError` with a French message naming the file and the faulty entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from functools import cache
from pathlib import Path

from companion.content.files import Entry, entries, read
from companion.core.config import content_dir
from companion.core.errors import ContentError
from companion.texts import content as tx

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


def load_programme(path: Path | None = None) -> Programme:
    """Read and validate the programme (``data/programme.toml`` by default)."""
    path = path or content_dir() / "programme.toml"
    data = read(path)
    top = Entry(path, tx.WHERE_HEADER, data)
    objectives = top.texts("objectifs")
    sequences = []
    for entry in entries(path, data, "sequence", tx.LABEL_SEQUENCE):
        day = entry.get("jour", int)
        if day not in (1, 2):
            entry.fail(tx.BAD_DAY.format(day=day))
        start, end = entry.clock("debut"), entry.clock("fin")
        if end <= start:
            entry.fail(tx.END_BEFORE_START)
        kind = entry.text("type")
        if kind not in SEQUENCE_KINDS:
            entry.fail(tx.UNKNOWN_KIND.format(kind=kind, known=", ".join(sorted(SEQUENCE_KINDS))))
        targets = entry.get("objectifs", list, [])
        if not all(isinstance(n, int) and 1 <= n <= len(objectives) for n in targets):
            entry.fail(tx.BAD_OBJECTIVES.format(count=len(objectives)))
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
    data = read(path)
    icebreaker = Entry(path, tx.WHERE_ICEBREAKER, data.get("brise_glace", {}))
    rounds = []
    for entry in entries(path, data, "manche", tx.LABEL_ROUND):
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
                tx.UNKNOWN_LINK.format(name=path.name, round=r.id, target=r.linked_to))
    items = [
        VisitItem(id=e.text("id"), title=e.text("titre"), instruction=e.text("consigne"))
        for e in entries(path, data, "grille_visite", tx.LABEL_VISIT_ITEM)
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
