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
    "present_value": "valeur actualisée des impacts (€)",
    "ratio": "ratio SROI = valeur actualisée / investissement",
    "net_ratio": "SROI net = (valeur actualisée − investissement) / investissement",
    "payback_months": "délai de retour sur investissement (mois) = investissement / "
                      "(impact de la première année / 12)",
    "rounding": "ratios arrondis au centième, montants à l'euro, délai au dixième de mois ; "
                "un ratio présenté arrondi à l'unité doit dire qu'il est arrondi",
}
_SENSITIVITY = (("deadweight", "effet d'aubaine (deadweight)"),
                ("attribution", "attribution"),
                ("drop_off", "décroissance (drop-off)"),
                ("proxy", "valeur financière (proxy)"),
                ("discount_rate", "taux d'actualisation"))


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
        payback = ("non défini (aucun impact la première année)" if self.payback_months is None
                   else f"{_fr(self.payback_months, 1)} mois")
        return "\n".join([
            f"Ratio SROI (valeur actualisée / investissement) : {_fr(self.ratio, 2)} — pour "
            f"1 € investi, {_fr(self.ratio, 2)} € de valeur sociale actualisée.",
            f"SROI net ((valeur actualisée − investissement) / investissement) : "
            f"{_fr(self.net_ratio, 2)}.",
            f"Valeur actualisée : {_fr(self.present_value, 0)} € au taux d'actualisation de "
            f"{_fr(self.discount_rate * 100, 1)} % ; investissement : {_fr(self.inputs, 0)} €.",
            f"Délai de retour sur investissement : {payback}.",
            f"Arrondis : {LABELS['rounding']}.",
        ])


def _fr(value: float, decimals: int) -> str:
    return f"{value:,.{decimals}f}".replace(",", "\u202f").replace(".", ",").replace("-", "−")


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
        raise DataError(f"L'investissement (valeur des contributions) doit être un montant "
                        f"positif en euros (reçu : {inputs!r}).")
    if not _number(discount_rate) or not 0 <= discount_rate < 1:
        raise DataError(f"Le taux d'actualisation doit être une fraction entre 0 et 1 : 0,035 "
                        f"pour 3,5 % (reçu : {discount_rate!r}).")
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
        raise DataError(f"Le tableau des résultats n'a pas les colonnes {', '.join(missing)} "
                        f"(attendues : {', '.join(COLUMNS)}).")
    if table.empty:
        raise DataError("Le tableau des résultats est vide : décrivez au moins un résultat.")
    clean = table.loc[:, list(COLUMNS)].copy()
    names = []
    for position, row in enumerate(clean.itertuples(index=False), start=2):
        name = row.outcome if isinstance(row.outcome, str) and row.outcome.strip() else None
        where = f"Ligne {position} (résultat « {name or 'sans nom'} »)"
        for column in COLUMNS[1:]:
            value = getattr(row, column)
            if not _number(value):
                raise DataError(f"{where}, colonne « {column} » : valeur manquante ou non "
                                f"numérique ({value!r}).")
            if column in FRACTIONS and not 0 <= value <= 1:
                shown = f"{value:g}".replace(".", ",")
                raise DataError(f"{where}, colonne « {column} » : {shown} n'est pas une "
                                "fraction entre 0 et 1 (saisissez 0,25 pour 25 %).")
        if row.quantity < 0:
            raise DataError(f"{where}, colonne « quantity » : la quantité doit être positive.")
        if row.duration < 1 or not float(row.duration).is_integer():
            raise DataError(f"{where}, colonne « duration » : la durée est un nombre entier "
                            "d'années, au moins 1.")
        names.append(name or f"résultat {position - 1}")
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
