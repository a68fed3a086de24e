"""Aide au poste looked up by date in data/aide_au_poste.csv."""

from __future__ import annotations

import datetime

import pytest

from companion.core.errors import DataError
from companion.indicators.aide import (
    aide_au_poste,
    load_rates,
    rate_on,
    structure_code,
    yearly_aid,
)


@pytest.mark.parametrize(("structure", "before", "after"), [
    # the day before 1 May 2023: amounts in force since 1 January 2023 (domain.md §4)
    ("EI", 11819, 12081), ("ETTI", 4535, 4636), ("AI", 1536, 1570), ("ACI", 22692, 23196),
])
def test_both_sides_of_1_may_2023(structure: str, before: int, after: int) -> None:
    assert aide_au_poste(structure, "2023-04-30") == before
    assert aide_au_poste(structure, "2023-05-01") == after


@pytest.mark.parametrize(("structure", "before", "after"), [
    # the day before 1 November 2024: amounts in force since 1 May 2023 (domain.md §4)
    ("EI", 12081, 12459), ("ETTI", 4636, 4781), ("AI", 1570, 1619), ("ACI", 23196, 23921),
])
def test_both_sides_of_1_november_2024(structure: str, before: int, after: int) -> None:
    assert aide_au_poste(structure, datetime.date(2024, 10, 31)) == before
    assert aide_au_poste(structure, datetime.date(2024, 11, 1)) == after


def test_first_amounts_of_the_table_and_later_dates() -> None:
    assert aide_au_poste("ACI", "2022-08-01") == 22289
    assert aide_au_poste("ACI", "2030-01-01") == 23921  # last known amount
    assert aide_au_poste("EI", "2025-06-01") == 13304  # from 1 January 2025 (EI only)


def test_etp_and_modulation() -> None:
    # 2.5 posts of ACI on 1 November 2024 with a 5 % modulated part: 23,921 × 2.5 × 1.05
    assert aide_au_poste("ACI", "2024-11-01", etp=2.5, modulation=0.05) == pytest.approx(
        62792.625)
    assert aide_au_poste("EI", "2024-11-01", etp=0.5, modulation=0.10) == pytest.approx(
        12459 * 0.5 * 1.1)
    assert aide_au_poste("AI", "2024-11-01", etp=0) == 0


@pytest.mark.parametrize("modulation", [-0.01, 0.11, 5])
def test_modulation_outside_0_to_10_percent(modulation: float) -> None:
    with pytest.raises(DataError, match="entre 0 et 10 %"):
        aide_au_poste("ACI", "2024-11-01", modulation=modulation)


def test_unknown_structure_and_dates() -> None:
    with pytest.raises(DataError, match="Structure « SCOP » inconnue"):
        aide_au_poste("SCOP", "2024-11-01")
    with pytest.raises(DataError, match="commence le 01/10/2021"):
        aide_au_poste("ACI", "2021-09-30")
    with pytest.raises(DataError, match="n'est pas une date"):
        aide_au_poste("ACI", "1er novembre 2024")
    with pytest.raises(DataError, match="ETP"):
        aide_au_poste("ACI", "2024-11-01", etp=-1)


def test_structures_by_name_any_case() -> None:
    assert structure_code("aci") == "ACI"
    assert structure_code("Atelier et chantier d'insertion") == "ACI"
    assert structure_code("entreprise de travail temporaire d’insertion") == "ETTI"
    assert structure_code("Association intermédiaire") == "AI"


def test_every_amount_has_a_source_and_a_date() -> None:
    rates = load_rates()
    assert {r.structure for r in rates} == {"EI", "ETTI", "AI", "ACI", "EITI"}
    assert {r.territory for r in rates} == {"hors Mayotte", "Mayotte"}
    assert all(r.source.startswith("Arrêté ") for r in rates)
    aci = rate_on("ACI", "2024-11-01")
    assert aci.accompaniment == 1233
    assert aci.effective_from == datetime.date(2024, 11, 1)
    assert "4 décembre 2024" in aci.source


# --- issue « right answers », item 15: every series with its arrêté, yearly prorating ------------

@pytest.mark.parametrize(("structure", "on", "amount", "arrete"), [
    # domain.md §4: 1 Jan – 30 Apr 2023, arrêté du 28 juillet 2023 (JO 17 août 2023)
    ("EI", "2023-01-01", 11819, "28 juillet 2023"),
    ("ETTI", "2023-04-30", 4535, "28 juillet 2023"),
    ("AI", "2023-02-15", 1536, "28 juillet 2023"), ("ACI", "2023-03-01", 22692, "28 juillet 2023"),
    ("ACI", "2023-05-01", 23196, "28 juillet 2023"),
    ("EI", "2025-01-01", 13304, "4 décembre 2024"), ("EI", "2025-06-01", 13304, "4 décembre 2024"),
    ("ETTI", "2025-06-01", 4781, "4 décembre 2024"),
    ("EITI", "2024-11-01", 6570, "4 décembre 2024"),
    ("EITI", "2022-01-15", 5794, "21 décembre 2021"),
    ("ACI", "2021-10-01", 21096, "21 décembre 2021"),
    ("ACI", "2022-09-01", 22289, "5 décembre 2022"),
])
def test_amounts_in_force_and_their_arrete(structure: str, on: str, amount: int,
                                           arrete: str) -> None:
    rate = rate_on(structure, on)
    assert rate.amount == amount and arrete in rate.source


def test_eiti_amount_is_per_1505_hours() -> None:
    rate = rate_on("EITI", "2024-11-01")
    assert "1 505" in rate.unit
    assert aide_au_poste("EITI", "2024-11-01", etp=3010 / 1505) == 2 * 6570


@pytest.mark.parametrize(("structure", "on", "amount"), [
    ("EI", "2023-01-01", 8922), ("ETTI", "2023-01-01", 3422), ("AI", "2023-01-01", 1159),
    ("ACI", "2023-01-01", 17130), ("EI", "2024-11-01", 9412), ("EITI", "2024-11-01", 4961),
    ("ACI", "2024-11-01", 18070), ("EI", "2025-01-01", 10050),
])
def test_mayotte_has_its_own_amounts(structure: str, on: str, amount: int) -> None:
    assert rate_on(structure, on, territory="Mayotte").amount == amount
    assert rate_on(structure, on).amount != amount


def test_an_unknown_amount_is_said_never_carried_over() -> None:
    with pytest.raises(DataError, match="non renseigné"):
        rate_on("EITI", "2023-06-01")  # no published EITI amount in the table for 2023


def test_yearly_aid_prorates_by_months_in_force() -> None:
    year = yearly_aid("ACI", 2024, etp=2.0)
    # 10 months at 23,196 € (since 1 May 2023) and 2 months at 23,921 € (from 1 Nov 2024)
    assert year.attrs["total"] == pytest.approx(2.0 * (23196 * 10 + 23921 * 2) / 12)
    assert year["mois"].tolist() == [10, 2]
    assert year["montant socle"].tolist() == [23196, 23921]
    assert all("Arrêté" in s for s in year["source"])
    ei = yearly_aid("EI", 2023)
    assert ei.attrs["total"] == pytest.approx((11819 * 4 + 12081 * 8) / 12)
    assert yearly_aid("EI", 2025).attrs["total"] == 13304
