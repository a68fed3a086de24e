"""The indicator catalogue: every indicator defined once, in ``data/indicators.toml``.

Each entry gives the id, French label, definition, formula, unit, source, millésime, family and
what to show when the denominator is zero. Pages, exports and target comparisons take labels,
units and display rules from here, never from their own copy.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from companion.content.files import content_path, entries, read, unique_ids
from companion.core.numbers import format_number
from companion.texts import indicators as ti

FAMILIES = ("insertion", "viabilité économique", "social et participation", "territoire",
            "évaluation de la formation")
DIRECTIONS = ("hausse", "baisse")
UNDEFINED = "—"
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Indicator:
    """One indicator of the catalogue."""

    id: str
    label: str
    definition: str
    formula: str
    unit: str
    source: str
    millesime: str
    family: str
    zero_denominator: str = UNDEFINED
    direction: str = "hausse"
    decimals: int = 0

    def format(self, value: float | None) -> str:
        """Return the value as shown to people: « 67 % », « 930 000 € », « — » when undefined."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return UNDEFINED
        number = format_number(value, self.decimals)
        return f"{number}\u00a0{self.unit}" if self.unit in ("%", "€", "ETP") else number


def load_catalogue(path: Path | None = None) -> dict[str, Indicator]:
    """Read and validate the catalogue (``data/indicators.toml`` by default).

    Returns
    -------
    dict of str to Indicator
        In the file's order, keyed by id.

    Raises
    ------
    ContentError
        A missing or empty field, an unknown family, a duplicate id (French message naming the
        file and the entry).
    """
    return dict(_load(content_path("indicators.toml", path)))


@cache
def _load(path: Path) -> tuple[tuple[str, Indicator], ...]:
    found = []
    for entry in entries(path, read(path), "indicator", "indicateur", name_key="id"):
        ident = entry.text("id")
        if not _ID.match(ident):
            entry.fail(ti.CATALOGUE_BAD_ID.format(ident=ident))
        family = entry.text("family")
        if family not in FAMILIES:
            entry.fail(ti.CATALOGUE_BAD_FAMILY.format(family=family,
                                                     families=", ".join(FAMILIES)))
        direction = entry.text("direction", "hausse")
        if direction not in DIRECTIONS:
            entry.fail(ti.CATALOGUE_BAD_DIRECTION.format(direction=direction))
        decimals = entry.get("decimals", int, 0)
        if not 0 <= decimals <= 4:
            entry.fail(ti.CATALOGUE_BAD_DECIMALS)
        found.append(Indicator(
            id=ident, label=entry.text("label"), definition=entry.text("definition"),
            formula=entry.text("formula"), unit=entry.text("unit"), source=entry.text("source"),
            millesime=entry.text("millesime"), family=family,
            zero_denominator=entry.text("zero_denominator"), direction=direction,
            decimals=decimals,
        ))
    unique_ids(path, found, "indicateur")
    return tuple((indicator.id, indicator) for indicator in found)


def indicator(ident: str, path: Path | None = None) -> Indicator:
    """Return one indicator of the catalogue by id (KeyError naming it if unknown)."""
    catalogue = load_catalogue(path)
    if ident not in catalogue:
        raise KeyError(ti.CATALOGUE_UNKNOWN.format(ident=ident))
    return catalogue[ident]


def by_family(family: str, path: Path | None = None) -> list[Indicator]:
    """Return the indicators of one family, in the catalogue's order."""
    return [i for i in load_catalogue(path).values() if i.family == family]
