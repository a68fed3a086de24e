"""Social Return on Investment (SROI), after the Social Value International guide (2012).

For each outcome, ``impact year 1 = quantity × proxy × (1 − deadweight) × (1 − displacement) ×
(1 − attribution)``; each later year is multiplied by ``(1 − drop_off)``, for ``duration``
years; year *t* is discounted by ``(1 + r)^t``. The SROI ratio is present value / inputs; the
net SROI is (present value − inputs) / inputs. Always say which one is shown, and how it is
rounded: say so when a ratio is shown rounded to the unit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real
from typing import Any

import pandas as pd

from companion.core.errors import DataError
from companion.core.numbers import format_number
from companion.texts import indicators as ti

DEFAULT_DISCOUNT_RATE = 0.035
COLUMNS = ("outcome", "quantity", "proxy", "duration", "deadweight", "displacement",
           "attribution", "drop_off")
FRACTIONS = ("deadweight", "displacement", "attribution", "drop_off")
#: French column names accepted as well (a trainee's own table).
ALIASES = {"résultat": "outcome", "resultat": "outcome", "quantité": "quantity",
           "quantite": "quantity", "valeur_financiere": "proxy", "indicateur_financier": "proxy",
           "durée": "duration", "duree": "duration", "aubaine": "deadweight",
           "effet_aubaine": "deadweight", "deplacement": "displacement",
           "déplacement": "displacement", "décroissance": "drop_off", "decroissance": "drop_off"}
LABELS = {
    "present_value": ti.METHOD_PRESENT_VALUE,
    "ratio": ti.METHOD_RATIO,
    "net_ratio": ti.METHOD_NET_RATIO,
    "payback_months": ti.METHOD_PAYBACK,
    "rounding": ti.METHOD_ROUNDING,
}
_SENSITIVITY = (("deadweight", ti.FIELD_DEADWEIGHT),
                ("attribution", ti.FIELD_ATTRIBUTION),
                ("drop_off", ti.FIELD_DROP_OFF),
                ("proxy", ti.FIELD_PROXY),
                ("discount_rate", ti.FIELD_DISCOUNT_RATE))


@dataclass(frozen=True, eq=False)
class SroiResult:
    """The result of an SROI calculation, with its French labels."""

    present_value: float
    inputs: float
    discount_rate: float
    ratio: float
    net_ratio: float
    payback_months: float | None
    by_year: pd.DataFrame
    sensitivity: pd.DataFrame

    @property
    def labels(self) -> dict[str, str]:
        """Return the French label of each figure, saying which ratio is which."""
        return dict(LABELS)

    def describe(self) -> str:
        """Return a French summary naming both ratios, the discount rate and the rounding."""
        payback = (ti.SROI_PAYBACK_UNDEFINED if self.payback_months is None
                   else f"{format_number(self.payback_months, 1)} mois")
        return "\n".join([
            ti.SROI_RATIO_LINE.format(value=format_number(self.ratio, 2)),
            ti.SROI_NET_LINE.format(value=format_number(self.net_ratio, 2)),
            ti.SROI_VALUE_LINE.format(value=format_number(self.present_value, 0),
                                     rate=format_number(self.discount_rate * 100, 1),
                                     inputs=format_number(self.inputs, 0)),
            ti.SROI_PAYBACK_LINE.format(payback=payback),
            ti.SROI_ROUNDING_LINE.format(rounding=LABELS['rounding']),
        ])


def sroi(outcomes: pd.DataFrame, inputs: float,
         discount_rate: float = DEFAULT_DISCOUNT_RATE) -> SroiResult:
    """Compute the SROI of a set of outcomes.

    Parameters
    ----------
    outcomes : pandas.DataFrame
        One row per outcome, columns ``outcome, quantity, proxy, duration, deadweight,
        displacement, attribution, drop_off`` (the last four as fractions from 0 to 1).
    inputs : float
        Value of the inputs (the investment), in euros, greater than 0.
    discount_rate : float
        Yearly discount rate (3.5 % by default, as in the guide).

    Returns
    -------
    SroiResult
        Present value, ratio, net ratio, payback, impacts by year and a sensitivity table.
    """
    table = _validate(outcomes)
    if not _number(inputs) or inputs <= 0:
        raise DataError(ti.SROI_BAD_INVESTMENT.format(inputs=inputs))
    if not _number(discount_rate) or not 0 <= discount_rate < 1:
        raise DataError(ti.SROI_BAD_RATE.format(discount_rate=discount_rate))
    by_year = _by_year(table, discount_rate)
    value = float(by_year["impact actualisé"].sum())
    first_year = float(by_year.loc[by_year["année"] == 1, "impact"].sum())
    payback = inputs / (first_year / 12) if first_year > 0 else None
    return SroiResult(
        present_value=value, inputs=float(inputs), discount_rate=float(discount_rate),
        ratio=value / inputs, net_ratio=(value - inputs) / inputs, payback_months=payback,
        by_year=by_year, sensitivity=_sensitivity(table, inputs, discount_rate),
    )


def _number(value: Any) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool) and math.isfinite(value)


def _validate(outcomes: pd.DataFrame) -> pd.DataFrame:
    table = outcomes.rename(columns=lambda c: ALIASES.get(str(c).strip().lower(), c))
    missing = [c for c in COLUMNS if c not in table.columns]
    if missing:
        raise DataError(ti.SROI_MISSING_COLUMNS.format(missing=", ".join(missing),
                                                      expected=", ".join(COLUMNS)))
    if table.empty:
        raise DataError(ti.SROI_NO_OUTCOME)
    clean = table.loc[:, list(COLUMNS)].copy()
    names = []
    for position, row in enumerate(clean.itertuples(index=False), start=2):
        name = row.outcome if isinstance(row.outcome, str) and row.outcome.strip() else None
        where = ti.SROI_ROW.format(position=position, name=name or ti.SROI_NO_NAME)
        for column in COLUMNS[1:]:
            value = getattr(row, column)
            if not _number(value):
                raise DataError(ti.SROI_NOT_A_NUMBER.format(where=where, column=column,
                                                            value=value))
            if column in FRACTIONS and not 0 <= value <= 1:
                shown = f"{value:g}".replace(".", ",")
                raise DataError(ti.SROI_NOT_A_FRACTION.format(where=where, column=column,
                                                              shown=shown))
        if row.quantity < 0:
            raise DataError(ti.SROI_NEGATIVE_QUANTITY.format(where=where))
        if row.duration < 1 or not float(row.duration).is_integer():
            raise DataError(ti.SROI_BAD_DURATION.format(where=where))
        names.append(name or ti.SROI_UNNAMED.format(position=position - 1))
    clean["outcome"] = pd.Series(names, index=clean.index, dtype="str")
    return clean.astype({c: "float64" for c in COLUMNS[1:]})


def _by_year(table: pd.DataFrame, rate: float) -> pd.DataFrame:
    rows = []
    for row in table.itertuples(index=False):
        impact = (row.quantity * row.proxy * (1 - row.deadweight) * (1 - row.displacement)
                  * (1 - row.attribution))
        for year in range(1, int(row.duration) + 1):
            rows.append((year, row.outcome, impact, impact / (1 + rate) ** year))
            impact *= 1 - row.drop_off
    frame = pd.DataFrame(rows, columns=["année", "résultat", "impact", "impact actualisé"])
    return frame.sort_values(["année"], kind="stable").reset_index(drop=True)


def _sensitivity(table: pd.DataFrame, inputs: float, rate: float) -> pd.DataFrame:
    def ratio_of(changed: pd.DataFrame, r: float) -> float:
        return float(_by_year(changed, r)["impact actualisé"].sum()) / inputs

    base = ratio_of(table, rate)
    rows: list[tuple[str, str, float, float]] = [("hypothèses de base", "—", base, 0.0)]
    for key, label in _SENSITIVITY:
        for factor, text in ((0.5, "−50 %"), (1.5, "+50 %")):
            changed, r = table.copy(), rate
            if key == "discount_rate":
                r = min(rate * factor, 1.0)
            elif key == "proxy":
                changed["proxy"] = changed["proxy"] * factor
            else:
                changed[key] = (changed[key] * factor).clip(0.0, 1.0)
            value = ratio_of(changed, r)
            rows.append((label, text, value, value - base))
    return pd.DataFrame(rows, columns=["hypothèse", "variation", "ratio SROI",
                                       "écart au ratio de base"])
