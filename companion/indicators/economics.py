"""Economic viability indicators of a structure, from its sales, income and charges tables.

Tables and columns are those of the sample Régie (``data/exemple_regie``, see its README):
``ventes`` (annee, type_client, client, montant), ``financements`` (annee, nature, montant;
nature « aide au poste », « subvention » or « autre produit »), ``masse_salariale`` and
``charges`` (annee, montant), ``salaries_insertion`` (annee, one row per pathway) and
``sorties``. Every ratio returns None when its denominator is zero: undefined, never 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from companion.core.errors import DataError
from companion.indicators.insertion import exit_rates, percent
from companion.owndata.loading import fold
from companion.texts import indicators as ti

YEAR, AMOUNT = "annee", "montant"
PUBLIC_NATURES = ("aide au poste", "subvention")
CLIENT_TYPES = ("collectivité", "bailleur", "autre")


def ratio(numerator: float, denominator: float) -> float | None:
    """Return ``numerator / denominator``, or None when the denominator is zero or missing."""
    if not denominator or pd.isna(denominator):
        return None
    return float(numerator) / float(denominator)


def _year(table: pd.DataFrame, year: int, columns: Iterable[str] = (AMOUNT,)) -> pd.DataFrame:
    name = table.attrs.get("source", "tableau")
    missing = [c for c in (YEAR, *columns) if c not in table.columns]
    if missing:
        raise DataError(ti.ECONOMICS_MISSING_COLUMNS.format(
            name=name, missing=", ".join(missing), columns=", ".join(map(str, table.columns))))
    return table[table[YEAR] == year]


def _total(table: pd.DataFrame, year: int) -> float:
    return float(_year(table, year)[AMOUNT].sum())


def turnover(sales: pd.DataFrame, year: int) -> float:
    """Return the chiffre d'affaires of a year: the sum of its sales."""
    return _total(sales, year)


def sales_by_client_type(sales: pd.DataFrame, year: int) -> pd.DataFrame:
    """Return the sales of a year by client type, with each type's share in %.

    Returns
    -------
    pandas.DataFrame
        Columns « type de client », « montant », « part » (%, NaN when there is no sale); the
        three types collectivité, bailleur, autre always appear, then any other type found.
    """
    rows = _year(sales, year, (AMOUNT, "type_client"))
    amounts = rows.groupby(rows["type_client"].map(_client_type))[AMOUNT].sum()
    types = [*CLIENT_TYPES, *(t for t in amounts.index if t not in CLIENT_TYPES)]
    total = float(amounts.sum())
    return pd.DataFrame({
        "type de client": types,
        "montant": [float(amounts.get(t, 0.0)) for t in types],
        "part": [percent(float(amounts.get(t, 0.0)), total) for t in types],
    }).astype({"part": "float64"})


def _client_type(value: Any) -> str:
    text = fold(str(value))
    for known in CLIENT_TYPES:
        if text.startswith(fold(known)[:6]):
            return known
    return str(value)


def total_income(sales: pd.DataFrame, funding: pd.DataFrame, year: int) -> float:
    """Return the total income of a year: sales plus every other income line."""
    return turnover(sales, year) + _total(funding, year)


def public_funding(funding: pd.DataFrame, year: int) -> float:
    """Return subsidies plus aides au poste of a year."""
    rows = _year(funding, year, (AMOUNT, "nature"))
    public = rows["nature"].map(lambda v: fold(str(v)) in {fold(n) for n in PUBLIC_NATURES})
    return float(rows.loc[public, AMOUNT].sum())


def self_financing_rate(sales: pd.DataFrame, funding: pd.DataFrame, year: int) -> float | None:
    """Return the taux d'autofinancement in %: sales / total income."""
    return percent(turnover(sales, year), total_income(sales, funding, year))


def public_funding_dependence(sales: pd.DataFrame, funding: pd.DataFrame, year: int
                              ) -> float | None:
    """Return the dependence on public funding in %: (subsidies + aids) / total income."""
    return percent(public_funding(funding, year), total_income(sales, funding, year))


def payroll_share(payroll: pd.DataFrame, charges: pd.DataFrame, year: int) -> float | None:
    """Return the payroll's share of total charges in % (payroll + other charges)."""
    wages = _total(payroll, year)
    return percent(wages, wages + _total(charges, year))


#: Art. D5132-34 of the Code du travail: an ACI's commercial sales cover « une part inférieure
#: à 30 % des charges liées à ces activités », raised up to 50 % by the préfet's decision.
ACI_CAP, ACI_CAP_PREFECT = 30.0, 50.0


@dataclass(frozen=True)
class AciCheck:
    """An ACI's commercial share against its legal cap."""

    share: float | None
    cap: float
    within: bool
    message: str


def aci_commercial_share(sales: pd.DataFrame, payroll: pd.DataFrame, charges: pd.DataFrame,
                         year: int) -> float | None:
    """Return an ACI's commercial sales as a % of its charges (payroll + other charges).

    The legal ratio is per atelier or chantier, over the charges of its activities: for a
    structure that is wholly an ACI, sales over all its charges.
    """
    return percent(turnover(sales, year), _total(payroll, year) + _total(charges, year))


def aci_commercial_check(share: float | None, *, prefect_decision: bool = False) -> AciCheck:
    """Say whether an ACI's commercial share respects art. D5132-34.

    The share must stay under 30 %, or at most 50 % on the préfet's decision.
    """
    cap = ACI_CAP_PREFECT if prefect_decision else ACI_CAP
    if share is None:
        return AciCheck(None, cap, True, ti.ACI_UNDEFINED)
    within = share <= cap if prefect_decision else share < cap
    text = ti.ACI_WITHIN if within else ti.ACI_OVER
    return AciCheck(share, cap, within, text.format(
        share=f"{share:.0f}".replace(".", ","), cap=f"{cap:.0f}",
        rule=ti.ACI_RULE_PREFECT if prefect_decision else ti.ACI_RULE))


def herfindahl(amounts: pd.Series) -> float | None:
    """Return the Herfindahl index of shares (0 to 1): Σ shareᵢ², None when the total is 0."""
    total = float(amounts.sum())
    if not total:
        return None
    return float(((amounts / total) ** 2).sum())


def client_concentration(sales: pd.DataFrame, year: int) -> float | None:
    """Return the Herfindahl index of the year's sales by client (1 = a single client)."""
    rows = _year(sales, year, (AMOUNT, "client"))
    return herfindahl(rows.groupby("client")[AMOUNT].sum())


def net_margin(sales: pd.DataFrame, funding: pd.DataFrame, payroll: pd.DataFrame,
               charges: pd.DataFrame, year: int) -> float | None:
    """Return the net margin in %: (total income − total charges) / total income."""
    income = total_income(sales, funding, year)
    spent = _total(payroll, year) + _total(charges, year)
    return percent(income - spent, income)


def pathways(employees: pd.DataFrame, year: int) -> int:
    """Return the number of insertion pathways of a year (one row per employee and year)."""
    return len(_year(employees, year, ()))


def cost_per_pathway(funding: pd.DataFrame, employees: pd.DataFrame, year: int) -> float | None:
    """Return the public cost per pathway: (subsidies + aids) / pathways of the year."""
    return ratio(public_funding(funding, year), pathways(employees, year))


def cost_per_dynamic_exit(funding: pd.DataFrame, exits: pd.DataFrame, year: int,
                          **options: Any) -> float | None:
    """Return the public cost per dynamic exit: (subsidies + aids) / dynamic exits.

    ``options`` go to :func:`~companion.indicators.insertion.exit_rates` (threshold…).
    """
    rows = _year(exits, year, ())
    return ratio(public_funding(funding, year), exit_rates(rows, **options)["dynamiques"])


def economic_indicators(tables: Mapping[str, pd.DataFrame], year: int) -> dict[str, Any]:
    """Compute every economic indicator of a year from the Régie's tables.

    Parameters
    ----------
    tables : mapping of str to DataFrame
        At least « ventes », « financements », « masse_salariale », « charges »; with
        « salaries_insertion » and « sorties » for the costs per pathway and per exit (as
        returned by :func:`companion.owndata.sample.load_sample`).
    year : int
        The year.

    Returns
    -------
    dict
        Values keyed by the catalogue's ids (None when undefined).
    """
    needed = ("ventes", "financements", "masse_salariale", "charges")
    missing = [name for name in needed if name not in tables]
    if missing:
        raise DataError(ti.ECONOMICS_MISSING_TABLES.format(missing=", ".join(missing)))
    sales, funding = tables["ventes"], tables["financements"]
    payroll, charges = tables["masse_salariale"], tables["charges"]
    if not (sales[YEAR] == year).any():
        raise DataError(ti.ECONOMICS_NO_SALES.format(
            year=year, source=sales.attrs.get("source", ti.SALES_TABLE)))
    values: dict[str, Any] = {
        "chiffre_affaires": turnover(sales, year),
        "ventes_par_type_client": sales_by_client_type(sales, year),
        "taux_autofinancement": self_financing_rate(sales, funding, year),
        "part_masse_salariale": payroll_share(payroll, charges, year),
        "dependance_financements_publics": public_funding_dependence(sales, funding, year),
        "concentration_clients": client_concentration(sales, year),
        "marge_nette": net_margin(sales, funding, payroll, charges, year),
    }
    if "salaries_insertion" in tables:
        values["cout_par_parcours"] = cost_per_pathway(funding, tables["salaries_insertion"], year)
    if "sorties" in tables:
        values["cout_par_sortie_dynamique"] = cost_per_dynamic_exit(funding, tables["sorties"],
                                                                    year)
    return values
