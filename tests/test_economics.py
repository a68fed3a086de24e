"""Economic indicators on the sample Régie, checked against sums made with the csv module."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pytest

from companion.core.errors import DataError
from companion.indicators import economics as eco
from companion.owndata.sample import data_dir, load_sample

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "exemple_regie"


def rows(name: str) -> list[dict[str, str]]:
    with (SAMPLE / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def total(name: str, year: int, **where: str) -> float:
    return sum(float(r["montant"]) for r in rows(name) if int(r["annee"]) == year
               and all(r[k] == v for k, v in where.items()))


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return load_sample()


def test_sample_is_found_and_complete(tables: dict[str, pd.DataFrame]) -> None:
    assert data_dir() == SAMPLE.parent
    assert set(tables) == {"activites", "benevoles", "charges", "financements", "gouvernance",
                           "masse_salariale", "partenaires", "salaries_insertion", "sorties",
                           "ventes"}
    assert tables["ventes"].attrs["source"] == "ventes.csv"
    assert "fictive" in (SAMPLE / "README.md").read_text(encoding="utf-8")
    with pytest.raises(DataError, match="exemple_regie"):
        load_sample("inexistant")


def test_sample_matches_the_oscar_orders_of_magnitude() -> None:
    sales = total("ventes", 2024)
    income = sales + total("financements", 2024)
    assert sales == 744000  # 930 000 € (OSCAR) × 0,8: under the ACI cap (art. D5132-34)
    assert 1_600_000 < income < 1_800_000
    assert total("masse_salariale", 2024) == 1275000
    by_type: dict[str, float] = defaultdict(float)
    for r in rows("ventes"):
        if r["annee"] == "2024":
            by_type[r["type_client"]] += float(r["montant"])
    assert by_type["collectivité"] / sales == pytest.approx(0.25)
    assert by_type["bailleur"] / sales == pytest.approx(0.45)
    board = [r for r in rows("gouvernance") if r["annee"] == "2024"]
    assert sum(int(r["sieges"]) for r in board) == 19


@pytest.mark.parametrize("year", [2021, 2022, 2023, 2024])
def test_indicators_against_independent_sums(tables: dict[str, pd.DataFrame], year: int) -> None:
    sales = total("ventes", year)
    funding = total("financements", year)
    public = (total("financements", year, nature="subvention")
              + total("financements", year, nature="aide au poste"))
    payroll = total("masse_salariale", year)
    charges = payroll + total("charges", year)
    values = eco.economic_indicators(tables, year)
    assert values["chiffre_affaires"] == sales
    assert values["taux_autofinancement"] == pytest.approx(100 * sales / (sales + funding))
    assert values["dependance_financements_publics"] == pytest.approx(
        100 * public / (sales + funding))
    assert values["part_masse_salariale"] == pytest.approx(100 * payroll / charges)
    assert values["marge_nette"] == pytest.approx(100 * (sales + funding - charges)
                                                  / (sales + funding))
    pathways = sum(1 for r in rows("salaries_insertion") if int(r["annee"]) == year)
    assert values["cout_par_parcours"] == pytest.approx(public / pathways)
    clients: dict[str, float] = defaultdict(float)
    for r in rows("ventes"):
        if int(r["annee"]) == year:
            clients[r["client"]] += float(r["montant"])
    assert values["concentration_clients"] == pytest.approx(
        sum((v / sales) ** 2 for v in clients.values()))


def test_cost_per_dynamic_exit(tables: dict[str, pd.DataFrame]) -> None:
    public = (total("financements", 2024, nature="subvention")
              + total("financements", 2024, nature="aide au poste"))
    # 2024: 39 exits, 15 of them neither employment, training nor SIAE (see sorties.csv)
    dynamic = 24
    assert eco.cost_per_dynamic_exit(tables["financements"], tables["sorties"], 2024) == (
        pytest.approx(public / dynamic))


def test_sales_by_client_type(tables: dict[str, pd.DataFrame]) -> None:
    table = eco.sales_by_client_type(tables["ventes"], 2024)
    assert table["type de client"].tolist() == ["collectivité", "bailleur", "autre"]
    assert table["montant"].tolist() == [186000, 334800, 223200]
    assert table["part"].tolist() == pytest.approx([25, 45, 30])


def test_herfindahl_by_hand() -> None:
    # shares 0,5 / 0,3 / 0,2 → 0,25 + 0,09 + 0,04 = 0,38
    assert eco.herfindahl(pd.Series([500.0, 300.0, 200.0])) == pytest.approx(0.38)
    assert eco.herfindahl(pd.Series([1.0])) == 1.0
    assert eco.herfindahl(pd.Series([], dtype=float)) is None


def test_zero_denominators_give_none() -> None:
    sales = pd.DataFrame({"annee": [2024], "type_client": ["autre"], "client": ["x"],
                          "montant": [0.0]})
    funding = pd.DataFrame({"annee": [2024], "nature": ["subvention"], "montant": [0.0]})
    empty = pd.DataFrame({"annee": [2023], "montant": [10.0]})
    assert eco.self_financing_rate(sales, funding, 2024) is None
    assert eco.public_funding_dependence(sales, funding, 2024) is None
    assert eco.payroll_share(empty, empty, 2024) is None
    assert eco.net_margin(sales, funding, empty, empty, 2024) is None
    assert eco.client_concentration(sales, 2024) is None
    assert eco.cost_per_pathway(funding, pd.DataFrame({"annee": [2023]}), 2024) is None
    no_dynamic = pd.DataFrame({"annee": [2024], "type_sortie": ["Inactivité"],
                               "duree_mois": [None]})
    assert eco.cost_per_dynamic_exit(funding, no_dynamic, 2024) is None
    shares = eco.sales_by_client_type(sales, 2024)
    assert shares["part"].isna().all()
    assert eco.ratio(1, 0) is None and eco.ratio(1, 4) == 0.25


def test_missing_columns_and_years_are_explained(tables: dict[str, pd.DataFrame]) -> None:
    with pytest.raises(DataError, match="colonnes montant"):
        eco.turnover(pd.DataFrame({"annee": [2024], "prix": [3]}), 2024)
    with pytest.raises(DataError, match="Aucune vente pour l'année 2019"):
        eco.economic_indicators(tables, 2019)
    with pytest.raises(DataError, match="charges"):
        eco.economic_indicators({k: v for k, v in tables.items() if k != "charges"}, 2024)


# --- issue « right answers », item 16: an ACI's commercial sales are capped (art. D5132-34) ------

def test_aci_commercial_share_and_its_legal_cap() -> None:
    from companion.indicators.catalogue import indicator
    from companion.indicators.economics import aci_commercial_check

    entry = indicator("part_recettes_commerciales_aci")
    assert "D5132-34" in entry.source and "30 %" in entry.definition and "50 %" in entry.definition
    assert aci_commercial_check(25.0).within and aci_commercial_check(25.0).cap == 30
    assert not aci_commercial_check(30.0).within  # « inférieure à 30 % »: 30 % is over
    assert aci_commercial_check(45.0, prefect_decision=True).within
    assert not aci_commercial_check(51.0, prefect_decision=True).within
    assert "D5132-34" in aci_commercial_check(45.0).message


def test_the_sample_regie_aci_respects_the_cap_every_year() -> None:
    from companion.indicators import overview as d
    from companion.indicators.economics import aci_commercial_check
    from companion.owndata.sample import load_sample

    sample = load_sample()
    for year in (2021, 2022, 2023, 2024):
        share = d.year_view(sample, year).values["part_recettes_commerciales_aci"]
        assert share is not None
        # the README states the préfet's decision raising the cap (fictitious, as the Régie)
        assert aci_commercial_check(share, prefect_decision=True).within, (year, share)
