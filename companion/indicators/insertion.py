"""Insertion indicators (IAE): exit rates by category, full-time equivalents, shares.

Exit categories follow the IAE definitions (domain notes §4): **emploi durable** (CDI; CDD or
intérim of more than 6 months; titularisation or civil-service stage; business creation),
**emploi de transition** (CDD or intérim under 6 months; contrat aidé with an ordinary
employer), **sorties positives** (qualifying or pre-qualifying training; hiring by another
SIAE). Other exits count only in the denominator. A rate with no exit is undefined (None).
"""

from __future__ import annotations

import re
from typing import Any, overload

import pandas as pd

from companion.core.errors import DataError
from companion.owndata.loading import fold
from companion.texts import indicators as ti

DURABLE, TRANSITION, POSITIVE, OTHER, FIXED_TERM = (
    "durable", "transition", "positive", "autre", "cdd_interim")
DEFAULT_REFERENCE_HOURS = 1607.0

#: Accepted exit types (normalised: lower case, no accents, punctuation as spaces).
EXIT_TYPES: dict[str, str] = {
    **dict.fromkeys(["cdi", "cdi temps plein", "cdi temps partiel", "titularisation",
                     "stage fonction publique", "stage de la fonction publique",
                     "titularisation fonction publique", "entree dans la fonction publique",
                     "creation d entreprise", "creation entreprise", "creation d activite"],
                    DURABLE),
    **dict.fromkeys(["cdd", "interim", "mission d interim", "contrat d interim",
                     "contrat de travail temporaire", "ctt", "cdd ou interim"], FIXED_TERM),
    **dict.fromkeys(["contrat aide", "contrat aide employeur ordinaire",
                     "contrat aide chez un employeur ordinaire", "parcours emploi competences",
                     "pec", "cui"], TRANSITION),
    **dict.fromkeys(["formation qualifiante", "formation pre qualifiante",
                     "formation prequalifiante", "embauche siae", "embauche en siae",
                     "embauche dans une autre siae", "autre siae"], POSITIVE),
    **dict.fromkeys(["demandeur d emploi", "chomage", "inactivite", "inactif", "sans nouvelles",
                     "autre", "autres", "autre sortie", "retraite", "deces", "demenagement",
                     "maladie", "incarceration", "abandon"], OTHER),
}


def normalise_type(label: str) -> str:
    """Return an exit type in matching form: « Intérim » → « interim »."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(label)).split())


def exit_category(label: str, months: float | None = None, *, threshold_months: float = 6,
                  inclusive: bool = False) -> str:
    """Return the category of one exit: « durable », « transition », « positive » or « autre ».

    Raises
    ------
    DataError
        Unknown type, or a CDD / intérim without duration.
    """
    kind = EXIT_TYPES.get(normalise_type(label))
    if kind is None:
        raise DataError(ti.EXIT_UNKNOWN_TYPE.format(label=label, examples=ti.EXIT_EXAMPLES))
    if kind != FIXED_TERM:
        return kind
    if months is None or pd.isna(months):
        raise DataError(ti.EXIT_NO_DURATION.format(label=label))
    longer = months >= threshold_months if inclusive else months > threshold_months
    return DURABLE if longer else TRANSITION


def exit_rates(exits: pd.DataFrame, type_col: str = "type_sortie",
               duration_col: str = "duree_mois", threshold_months: float = 6,
               inclusive: bool = False) -> dict[str, Any]:
    """Count exits by category and compute the exit rates.

    Parameters
    ----------
    exits : pandas.DataFrame
        One row per exit.
    type_col, duration_col : str
        Columns of the exit type and of the contract's duration in months (needed for CDD and
        intérim only).
    threshold_months : float
        Duration separating a durable from a transition CDD or intérim (6 months).
    inclusive : bool
        False: durable when *more than* the threshold (inclusion platform); True: *at least*
        the threshold (Dares).

    Returns
    -------
    dict
        Counts ``sortants``, ``dynamiques``, ``durables``, ``transition``, ``positives`` and
        rates in % ``taux_dynamiques``, ``taux_durables``, ``taux_transition``,
        ``taux_positives`` (None when there is no exit).
    """
    source = exits.attrs.get("source", ti.EXITS_TABLE)
    if type_col not in exits.columns:
        raise DataError(ti.EXITS_NO_TYPE_COLUMN.format(
            source=source, type_col=type_col, columns=", ".join(map(str, exits.columns))))
    durations = _durations(exits, duration_col, source)
    counts = {DURABLE: 0, TRANSITION: 0, POSITIVE: 0, OTHER: 0}
    rows = zip(_lines(exits), exits[type_col], durations, strict=True)
    for number, label, months in rows:
        line = ti.EXITS_ROW.format(source=source, number=number)
        if not isinstance(label, str) or not label.strip():
            raise DataError(ti.EXITS_EMPTY_TYPE.format(line=line, type_col=type_col))
        kind = EXIT_TYPES.get(normalise_type(label))
        if kind is None:
            raise DataError(ti.EXITS_UNKNOWN_TYPE.format(line=line, type_col=type_col, label=label,
                                                         examples=ti.EXIT_EXAMPLES))
        if kind == FIXED_TERM and months is None:
            raise DataError(ti.EXITS_NO_DURATION.format(line=line, duration_col=duration_col,
                                                        label=label))
        category = exit_category(label, months, threshold_months=threshold_months,
                                 inclusive=inclusive)
        counts[category] += 1
    total = len(exits)
    dynamic = counts[DURABLE] + counts[TRANSITION] + counts[POSITIVE]
    return {
        "sortants": total,
        "dynamiques": dynamic,
        "durables": counts[DURABLE],
        "transition": counts[TRANSITION],
        "positives": counts[POSITIVE],
        "taux_dynamiques": percent(dynamic, total),
        "taux_durables": percent(counts[DURABLE], total),
        "taux_transition": percent(counts[TRANSITION], total),
        "taux_positives": percent(counts[POSITIVE], total),
    }


def _durations(exits: pd.DataFrame, column: str, source: str) -> list[float | None]:
    if column not in exits.columns:
        return [None] * len(exits)
    values: list[float | None] = []
    for number, value in zip(_lines(exits), exits[column], strict=True):
        if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
            values.append(None)
            continue
        try:
            months = float(str(value).replace(",", ".").strip())
        except ValueError:
            months = -1.0
        if not months >= 0:
            raise DataError(ti.EXITS_BAD_DURATION.format(source=source, number=number,
                                                         column=column, value=value))
        values.append(months)
    return values


def _lines(table: pd.DataFrame) -> list[int]:
    """Return each row's line in its file (header = line 1), from the index when it is a count."""
    if pd.api.types.is_integer_dtype(table.index):
        return [int(i) + 2 for i in table.index]
    return list(range(2, len(table) + 2))


def percent(part: float, whole: float) -> float | None:
    """Return ``100 × part / whole``, or None when ``whole`` is zero (undefined, never 0 %)."""
    if not whole or pd.isna(whole):
        return None
    return 100.0 * part / whole


@overload
def etp(hours: float, reference_hours: float = ...) -> float: ...
@overload
def etp(hours: pd.Series, reference_hours: float = ...) -> pd.Series: ...


def etp(hours: float | pd.Series, reference_hours: float = DEFAULT_REFERENCE_HOURS
        ) -> float | pd.Series:
    """Convert hours worked into full-time equivalents.

    Parameters
    ----------
    hours : float or pandas.Series
        Hours worked over the period.
    reference_hours : float
        Hours of one full-time post over the same period: 1,607 a year by default (1,820 and
        151.67 a month are also used).
    """
    if not reference_hours > 0:
        raise DataError(ti.HOURS_BAD_REFERENCE.format(reference_hours=reference_hours))
    if isinstance(hours, pd.Series):
        if (hours < 0).any():
            raise DataError(ti.HOURS_NEGATIVE)
        return hours / reference_hours
    if hours < 0:
        raise DataError(ti.HOURS_NEGATIVE_VALUE.format(hours=hours))
    return float(hours) / reference_hours


def share_yes(table: pd.DataFrame, column: str) -> float | None:
    """Return the % of « oui » (or true / 1) in a yes/no column, None for an empty table.

    Used for the share of QPV residents among insertion employees, or of inhabitants of the
    neighbourhood.
    """
    if column not in table.columns:
        raise DataError(ti.HOURS_NO_COLUMN.format(source=table.attrs.get("source", ti.TABLE),
                                                  column=column))
    values = table[column].dropna().tolist()
    yes = sum(fold(str(v)) in {"oui", "o", "vrai", "true", "1", "x", "yes"} for v in values)
    return percent(yes, len(values))
