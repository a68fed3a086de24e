"""Aide au poste looked up by date in data/aide_au_poste.csv."""

from __future__ import annotations

import datetime

import pytest

from companion.core.errors import DataError
from companion.indicators.aide import aide_au_poste, load_rates, rate_on, structure_code


@pytest.mark.parametrize(("structure", "before", "after"), [
    # the day before 1 May 2023: amounts in force since 1 August 2022 (domain.md §4)
    ("EI", 11609, 12081), ("ETTI", 4454, 4636), ("AI", 1509, 1570), ("ACI", 22289, 23196),
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
    assert aide_au_poste("EI", "2025-06-01") == 12459  # no later amount in the table


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
    with pytest.raises(DataError, match="commence le 01/08/2022"):
        aide_au_poste("ACI", "2021-12-31")
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
    assert {r.structure for r in rates} == {"EI", "ETTI", "AI", "ACI"}
    assert all(r.source.startswith("Arrêté ") for r in rates)
    aci = rate_on("ACI", "2024-11-01")
    assert aci.accompaniment == 1233
    assert aci.effective_from == datetime.date(2024, 11, 1)
    assert "4 décembre 2024" in aci.source
