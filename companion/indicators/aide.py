"""The State's « aide au poste » for insertion posts (IAE), looked up by date in ``data/``.

The amounts (« montant socle » per full-time post; per 1,505 hours worked for the EITI) change
with each arrêté; the table ``data/aide_au_poste.csv`` lists them by territory (« hors
Mayotte », « Mayotte », which has its own lower amounts in the same arrêtés), with the date they
apply from, their unit and their arrêté. An amount the table does not know is left empty and
said so, never carried over from an earlier arrêté. A structure may receive on top a modulated
part of 0 to 10 % of the base amount. A year's aid prorates each amount by the months it was in
force (:func:`yearly_aid`); the aid is paid monthly, a twelfth of the convention's total.
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
EITI_HOURS = 1505
STRUCTURES = {"EI": "entreprise d'insertion",
              "ETTI": "entreprise de travail temporaire d'insertion",
              "AI": "association intermédiaire", "ACI": "atelier et chantier d'insertion",
              "EITI": "entreprise d'insertion par le travail indépendant"}
TERRITORIES = ("hors Mayotte", "Mayotte")
_ALIASES = {fold(long): short for short, long in STRUCTURES.items()} | {
    "ateliers et chantiers d'insertion": "ACI", "chantier d'insertion": "ACI",
    "entreprises d'insertion": "EI", "associations intermediaires": "AI",
}
_COLUMNS = ("date_effet", "territoire", "structure", "montant_socle", "dont_accompagnement",
            "unite", "source")


@dataclass(frozen=True)
class AideRate:
    """The base amount for one kind of structure and territory, from one date on.

    ``amount`` is None when the table does not know it (the arrêté is to be checked).
    """

    structure: str
    effective_from: datetime.date
    amount: float | None
    accompaniment: float | None
    source: str
    territory: str = TERRITORIES[0]
    unit: str = ti.AID_UNIT


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
        amount = None if pd.isna(row.montant_socle) else float(row.montant_socle)
        if (row.structure not in STRUCTURES or row.territoire not in TERRITORIES
                or (amount is not None and not amount > 0)):
            raise DataError(ti.AIDE_BAD_ROW.format(name=path.name, line=line))
        accompaniment = None if pd.isna(row.dont_accompagnement) else float(
            row.dont_accompagnement)
        rates.append(AideRate(str(row.structure), start, amount, accompaniment,
                              str(row.source), str(row.territoire), str(row.unite)))
    return tuple(sorted(rates, key=lambda r: (r.territory, r.structure, r.effective_from)))


def _territory(territory: str) -> str:
    for known in TERRITORIES:
        if fold(known) == fold(territory):
            return known
    raise DataError(ti.AID_TERRITORY.format(territory=territory,
                                            known=", ".join(TERRITORIES)))


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


def _series(structure: str, territory: str, rates: tuple[AideRate, ...] | None
            ) -> list[AideRate]:
    code, place = structure_code(structure), _territory(territory)
    return [r for r in (rates or load_rates()) if r.structure == code and r.territory == place]


def rate_on(structure: str, on: datetime.date | str, rates: tuple[AideRate, ...] | None = None,
            *, territory: str = TERRITORIES[0]) -> AideRate:
    """Return the base amount in force on a date for a kind of structure.

    Parameters
    ----------
    structure : str
        « EI », « ETTI », « AI », « ACI », « EITI » or the full name.
    on : datetime.date or str
        The date, or an ISO string « AAAA-MM-JJ ».
    rates : tuple of AideRate, optional
        The dated table (``data/aide_au_poste.csv`` by default).
    territory : str
        « hors Mayotte » (metropolitan France and the other DOM, by default) or « Mayotte ».

    Raises
    ------
    DataError
        No amount known on that date (before the table, or an amount the table leaves empty).
    """
    day = _as_date(on)
    table = _series(structure, territory, rates)
    valid = [r for r in table if r.effective_from <= day]
    if not valid:
        first = min(r.effective_from for r in table)
        raise DataError(ti.AIDE_NO_AMOUNT.format(day=day, first=first))
    rate = valid[-1]
    if rate.amount is None:
        raise DataError(ti.AID_UNKNOWN.format(structure=rate.structure, day=f"{day:%d/%m/%Y}",
                                              territory=rate.territory, source=rate.source))
    return rate


def aide_au_poste(structure: str, on: datetime.date | str, etp: float = 1.0,
                  modulation: float = 0.0, *, territory: str = TERRITORIES[0]) -> float:
    """Compute the yearly aid for ``etp`` full-time posts at the amount in force on a date.

    Parameters
    ----------
    structure : str
        « EI », « ETTI », « AI », « ACI », « EITI » or the full name.
    on : datetime.date or str
        Date of the amount to use (ISO string accepted).
    etp : float
        Full-time equivalent posts (1.0 by default); for the EITI, hours worked / 1,505.
    modulation : float
        Modulated part as a fraction of the base amount, from 0 to 0.10.
    territory : str
        « hors Mayotte » (default) or « Mayotte ».

    Returns
    -------
    float
        ``montant socle × etp × (1 + modulation)`` in euros. For a whole year over which the
        amount changed, use :func:`yearly_aid`.
    """
    _check(etp, modulation)
    amount = rate_on(structure, on, territory=territory).amount
    return float(amount or 0.0) * etp * (1 + modulation)


def _check(etp: float, modulation: float) -> None:
    if not 0 <= modulation <= MAX_MODULATION:
        raise DataError(ti.AIDE_BAD_SHARE.format(modulation=modulation * 100))
    if not etp >= 0:
        raise DataError(ti.AIDE_BAD_ETP.format(etp=etp))


def yearly_aid(structure: str, year: int, etp: float = 1.0, modulation: float = 0.0, *,
               territory: str = TERRITORIES[0]) -> pd.DataFrame:
    """Compute a calendar year's aid, each amount prorated by the months it was in force.

    Amounts change on the first day of a month (1 May 2023, 1 November 2024, 1 January 2025).

    Returns
    -------
    pandas.DataFrame
        One row per amount in force during the year: « du », « au », « mois », « montant
        socle », « unité », « aide » (``montant × mois / 12 × etp × (1 + modulation)``),
        « source » (the arrêté); ``attrs["total"]`` is the year's aid in euros.

    Raises
    ------
    DataError
        A month of the year has no known amount (the message names the date and the arrêté).
    """
    _check(etp, modulation)
    periods: list[tuple[AideRate, int, int]] = []  # rate, first month, last month
    for month in range(1, 13):
        rate = rate_on(structure, datetime.date(year, month, 1), territory=territory)
        if periods and periods[-1][0] == rate:
            periods[-1] = (rate, periods[-1][1], month)
        else:
            periods.append((rate, month, month))
    rows = []
    for rate, first, last in periods:
        months = last - first + 1
        end = datetime.date(year + (last == 12), last % 12 + 1, 1) - datetime.timedelta(days=1)
        rows.append({"du": datetime.date(year, first, 1), "au": end, "mois": months,
                     ti.AID_COLUMN_BASE: rate.amount, ti.AID_COLUMN_UNIT: rate.unit,
                     "aide": float(rate.amount or 0.0) * months / 12 * etp * (1 + modulation),
                     "source": rate.source})
    frame = pd.DataFrame(rows)
    frame.attrs["total"] = float(frame["aide"].sum())
    return frame


def _as_date(value: datetime.date | str) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise DataError(ti.AIDE_BAD_DATE.format(value=value)) from None
