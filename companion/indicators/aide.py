"""The State's « aide au poste » for insertion posts (IAE), looked up by date in ``data/``.

The amounts (« montant socle » per full-time post, France outside Mayotte) change with each
arrêté; the table ``data/aide_au_poste.csv`` lists them with the date they apply from and their
source. A structure may receive on top a modulated part of 0 to 10 % of the base amount.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from companion.core.config import content_dir
from companion.core.errors import DataError
from companion.owndata.loading import fold, read_table
from companion.texts import indicators as ti

MAX_MODULATION = 0.10
STRUCTURES = {"EI": "entreprise d'insertion",
              "ETTI": "entreprise de travail temporaire d'insertion",
              "AI": "association intermédiaire", "ACI": "atelier et chantier d'insertion"}
_ALIASES = {fold(long): short for short, long in STRUCTURES.items()} | {
    "ateliers et chantiers d'insertion": "ACI", "chantier d'insertion": "ACI",
    "entreprises d'insertion": "EI", "associations intermediaires": "AI",
}
_COLUMNS = ("date_effet", "structure", "montant_socle", "dont_accompagnement", "source")


@dataclass(frozen=True)
class AideRate:
    """The base amount for one kind of structure, from one date on."""

    structure: str
    effective_from: datetime.date
    amount: float
    accompaniment: float | None
    source: str


def load_rates(path: Path | None = None) -> tuple[AideRate, ...]:
    """Read the dated table of base amounts (``data/aide_au_poste.csv`` by default)."""
    return _load(path or content_dir() / "aide_au_poste.csv")


@cache
def _load(path: Path) -> tuple[AideRate, ...]:
    table = read_table(path)
    missing = [c for c in _COLUMNS if c not in table.columns]
    if missing:
        raise DataError(ti.AIDE_MISSING_COLUMNS.format(name=path.name, missing=", ".join(missing)))
    rates = []
    for line, row in enumerate(table.itertuples(index=False), start=2):
        try:
            start = datetime.date.fromisoformat(str(row.date_effet))
        except ValueError:
            raise DataError(ti.AIDE_BAD_DATE_ROW.format(name=path.name, line=line,
                                                       date_effet=row.date_effet)) from None
        if row.structure not in STRUCTURES or not float(row.montant_socle) > 0:
            raise DataError(ti.AIDE_BAD_ROW.format(name=path.name, line=line))
        accompaniment = None if pd.isna(row.dont_accompagnement) else float(
            row.dont_accompagnement)
        rates.append(AideRate(str(row.structure), start, float(row.montant_socle),
                              accompaniment, str(row.source)))
    return tuple(sorted(rates, key=lambda r: (r.structure, r.effective_from)))


def structure_code(structure: str) -> str:
    """Return « EI », « ETTI », « AI » or « ACI » for a code or a full name (any case, accents)."""
    text = str(structure).strip()
    if text.upper() in STRUCTURES:
        return text.upper()
    code = _ALIASES.get(fold(text))
    if code is None:
        raise DataError(ti.AIDE_UNKNOWN_STRUCTURE.format(
            structure=structure, codes=", ".join(STRUCTURES),
            names=", ".join(STRUCTURES.values())))
    return code


def rate_on(structure: str, on: datetime.date | str, rates: tuple[AideRate, ...] | None = None
            ) -> AideRate:
    """Return the base amount in force on a date for a kind of structure.

    Parameters
    ----------
    structure : str
        « EI », « ETTI », « AI », « ACI » or the full name.
    on : datetime.date or str
        The date, or an ISO string « AAAA-MM-JJ ».
    rates : tuple of AideRate, optional
        The dated table (``data/aide_au_poste.csv`` by default).
    """
    code, day = structure_code(structure), _as_date(on)
    table = [r for r in (rates or load_rates()) if r.structure == code]
    valid = [r for r in table if r.effective_from <= day]
    if not valid:
        first = min(r.effective_from for r in table)
        raise DataError(ti.AIDE_NO_AMOUNT.format(day=day, first=first))
    return valid[-1]


def aide_au_poste(structure: str, on: datetime.date | str, etp: float = 1.0,
                  modulation: float = 0.0) -> float:
    """Compute the yearly aid for ``etp`` full-time posts on a date.

    Parameters
    ----------
    structure : str
        « EI », « ETTI », « AI », « ACI » or the full name.
    on : datetime.date or str
        Date of the amount to use (ISO string accepted).
    etp : float
        Full-time equivalent posts (1.0 by default).
    modulation : float
        Modulated part as a fraction of the base amount, from 0 to 0.10.

    Returns
    -------
    float
        ``montant socle × etp × (1 + modulation)`` in euros.
    """
    if not 0 <= modulation <= MAX_MODULATION:
        raise DataError(ti.AIDE_BAD_SHARE.format(modulation=modulation * 100))
    if not etp >= 0:
        raise DataError(ti.AIDE_BAD_ETP.format(etp=etp))
    return rate_on(structure, on).amount * etp * (1 + modulation)


def _as_date(value: datetime.date | str) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise DataError(ti.AIDE_BAD_DATE.format(value=value)) from None
