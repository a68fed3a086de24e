"""Targets of social and economic viability: a trainee sets them, the values are compared.

Whether « higher is better » comes from the catalogue (``direction``: « hausse » or « baisse »):
a target of 60 % of dynamic exits is reached at 60 % or more, a target of 40 % of dependence on
public funding at 40 % or less.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from numbers import Real

import pandas as pd

from companion.core.errors import DataError
from companion.indicators.catalogue import Indicator, load_catalogue
from companion.texts import indicators as ti

REACHED, NOT_REACHED, NO_TARGET, NO_VALUE = (
    ti.STATUS_REACHED, ti.STATUS_NOT_REACHED, ti.STATUS_NO_TARGET, ti.STATUS_NO_VALUE)


@dataclass(frozen=True)
class Target:
    """A target value; ``direction`` overrides the catalogue's (« hausse » or « baisse »)."""

    value: float
    direction: str | None = None

    def __post_init__(self) -> None:
        if not _is_number(self.value):
            raise DataError(ti.OBJECTIVE_NOT_A_NUMBER.format(value=self.value))
        if self.direction not in (None, "hausse", "baisse"):
            raise DataError(ti.OBJECTIVE_BAD_DIRECTION.format(direction=self.direction))


def _is_number(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool) and math.isfinite(value)


def status(value: float | None, target: Target | None, direction: str = "hausse") -> str:
    """Return the status (« atteint », « non atteint », « objectif non paramétré »…)."""
    if target is None:
        return NO_TARGET
    if value is None or not _is_number(value):
        return NO_VALUE
    if (target.direction or direction) == "baisse":
        return REACHED if value <= target.value else NOT_REACHED
    return REACHED if value >= target.value else NOT_REACHED


def compare_to_targets(values: Mapping[str, float | None],
                       targets: Mapping[str, float | Target]) -> pd.DataFrame:
    """Compare indicator values with the targets set for them.

    Parameters
    ----------
    values : mapping of indicator id to value
        Computed values (None when undefined, e.g. a rate with no exit).
    targets : mapping of indicator id to number or Target
        Targets set by the trainee; indicators without one get « objectif non paramétré ».

    Returns
    -------
    pandas.DataFrame
        Columns « indicateur », « libellé », « valeur », « objectif », « écart » (value − target,
        in the indicator's unit: points for a rate), « unité », « statut »; one row per value.
    """
    catalogue = load_catalogue()
    unknown = [key for key in (*values, *targets) if key not in catalogue]
    if unknown:
        raise DataError(ti.OBJECTIVES_UNKNOWN.format(unknown=", ".join(unknown)))
    goals = {key: goal if isinstance(goal, Target) else Target(goal)
             for key, goal in targets.items()}
    rows = []
    for key, value in values.items():
        entry: Indicator = catalogue[key]
        goal = goals.get(key)
        number = float(value) if value is not None and _is_number(value) else None
        rows.append({
            "indicateur": key,
            "libellé": entry.label,
            "valeur": number,
            "objectif": goal.value if goal else None,
            "écart": number - goal.value if goal and number is not None else None,
            "unité": entry.unit,
            "statut": status(number, goal, entry.direction),
        })
    columns = ["indicateur", "libellé", "valeur", "objectif", "écart", "unité", "statut"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"valeur": "float64", "objectif": "float64", "écart": "float64"})
