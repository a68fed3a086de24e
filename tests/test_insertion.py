"""Exit rates of insertion pathways and full-time equivalents, on worked cases."""

from __future__ import annotations

import pandas as pd
import pytest

from companion.core.errors import DataError
from companion.indicators.catalogue import indicator
from companion.indicators.insertion import etp, exit_category, exit_rates, share_yes
from companion.owndata.loading import read_table


def exits(*rows: tuple[str, float | None]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["type_sortie", "duree_mois"])


def test_three_exits_two_dynamic_is_two_thirds() -> None:
    result = exit_rates(exits(("CDI", None), ("Formation qualifiante", None),
                              ("Demandeur d'emploi", None)))
    assert result["sortants"] == 3 and result["dynamiques"] == 2
    assert result["durables"] == 1 and result["positives"] == 1 and result["transition"] == 0
    assert round(result["taux_dynamiques"], 2) == 66.67  # 2 / 3 × 100
    assert indicator("taux_sorties_dynamiques").format(result["taux_dynamiques"]) == "67\u00a0%"
    assert result["taux_durables"] == pytest.approx(100 / 3)


def test_four_exits_three_dynamic_is_75_percent() -> None:
    result = exit_rates(exits(("CDD", 8), ("Intérim", 2), ("Contrat aidé", None),
                              ("Sans nouvelles", None)))
    # CDD of 8 months: durable; intérim of 2 months and contrat aidé: transition
    assert (result["durables"], result["transition"], result["positives"]) == (1, 2, 0)
    assert result["taux_dynamiques"] == 75.0
    assert result["taux_transition"] == 50.0


def test_no_exit_gives_undefined_rates_not_zero() -> None:
    result = exit_rates(exits())
    assert result["sortants"] == 0 and result["dynamiques"] == 0
    for key in ("taux_dynamiques", "taux_durables", "taux_transition", "taux_positives"):
        assert result[key] is None
    assert indicator("taux_sorties_dynamiques").format(result["taux_dynamiques"]) == "—"


def test_unknown_exit_type_is_named_with_its_line() -> None:
    table = exits(("CDI", None), ("Partie à l'étranger", None))
    table.attrs["source"] = "sorties.csv"
    with pytest.raises(DataError) as caught:
        exit_rates(table)
    message = str(caught.value)
    assert "« sorties.csv », ligne 3" in message
    assert "« Partie à l'étranger »" in message and "type_sortie" in message


def test_fixed_term_contract_without_duration_names_the_line() -> None:
    with pytest.raises(DataError, match=r"ligne 2, colonne « duree_mois » : durée manquante"):
        exit_rates(exits(("CDD", None)))


@pytest.mark.parametrize(("inclusive", "durable", "transition"), [(False, 1, 2), (True, 2, 1)])
def test_six_month_boundary(inclusive: bool, durable: int, transition: int) -> None:
    # exactly 6 months is transition for the inclusion platform (> 6), durable for Dares (≥ 6)
    table = exits(("CDD", 6), ("Intérim", 7), ("CDD", 5.5))
    result = exit_rates(table, inclusive=inclusive)
    assert (result["durables"], result["transition"]) == (durable, transition)


def test_threshold_is_a_parameter() -> None:
    result = exit_rates(exits(("CDD", 4)), threshold_months=3)
    assert result["durables"] == 1


@pytest.mark.parametrize(("label", "category"), [
    ("Intérim", "transition"), ("interim", "transition"), ("INTERIM", "transition"),
    ("CDD", "transition"), ("cdd", "transition"), ("CDI", "durable"), ("cdi", "durable"),
    ("Formation qualifiante", "positive"), ("formation pré-qualifiante", "positive"),
    ("embauche SIAE", "positive"), ("Embauche dans une autre SIAE", "positive"),
    ("création d'entreprise", "durable"), ("Création d’entreprise", "durable"),
    ("Titularisation", "durable"), ("demandeur d'emploi", "autre"),
    ("Demandeur d’emploi", "autre"), ("contrat aidé", "transition"),
    ("Contrat aidé (employeur ordinaire)", "transition"), ("Inactivité", "autre"),
    ("sans nouvelles", "autre"), ("Autre", "autre"),
])
def test_types_match_whatever_the_accents_and_case(label: str, category: str) -> None:
    assert exit_category(label, 3) == category


def test_columns_can_be_renamed_and_durations_written_the_french_way() -> None:
    table = pd.DataFrame({"motif": ["CDD", "CDI"], "duree": ["7,5", ""]})
    result = exit_rates(table, type_col="motif", duration_col="duree")
    assert result["durables"] == 2


def test_missing_type_column_lists_the_columns() -> None:
    with pytest.raises(DataError, match=r"colonne « type_sortie ».*motif"):
        exit_rates(pd.DataFrame({"motif": ["CDI"]}))


def test_line_numbers_follow_the_file_after_filtering() -> None:
    table = read_table(b"annee;type_sortie;duree_mois\n2023;CDI;\n2024;CDI;\n2024;Voyage;\n",
                       name="sorties.csv")
    with pytest.raises(DataError, match="ligne 4"):
        exit_rates(table[table["annee"] == 2024])


def test_sample_regie_exits() -> None:
    from companion.owndata.sample import load_sample

    table = load_sample()["sorties"]
    result = exit_rates(table[table["annee"] == 2024])
    # 2024 in data/exemple_regie/sorties.csv: 39 exits; CDI 4, création 1, CDD 7 and
    # intérim 4 split by duration, contrat aidé 2, formations 4, embauche SIAE 2, others 15.
    assert result["sortants"] == 39
    assert result["dynamiques"] == 39 - 15
    assert result["positives"] == 6


def test_etp_with_the_default_and_other_references() -> None:
    assert etp(1607) == 1.0
    assert etp(803.5) == 0.5
    assert etp(1820, reference_hours=1820) == 1.0
    assert etp(151.67, reference_hours=151.67) == 1.0
    hours = pd.Series([1607.0, 3214.0])
    assert etp(hours).tolist() == [1.0, 2.0]
    with pytest.raises(DataError):
        etp(10, reference_hours=0)
    with pytest.raises(DataError):
        etp(-1)


def test_share_of_yes() -> None:
    table = pd.DataFrame({"residant_qpv": ["oui", "non", "Oui", "OUI"]})
    assert share_yes(table, "residant_qpv") == 75.0
    assert share_yes(table.iloc[0:0], "residant_qpv") is None
