"""Territory indicators of a QPV from the reference extracts (values read in the files)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from companion.core.errors import DataError
from companion.indicators.catalogue import load_catalogue
from companion.indicators.territory import (
    APPROXIMATION,
    KEY_FIGURES,
    find_qpv,
    key_figures,
    qpv_profile,
    total,
    weighted_mean,
)
from companion.owndata.loading import read_table

REFERENCE = Path(__file__).parent / "data" / "reference"


@pytest.fixture(scope="module")
def tables() -> dict[str, pd.DataFrame]:
    return {name: read_table(REFERENCE / f"{name}.csv")
            for name in ("DEMO_2022", "REVN_2022", "IPRO_2022")}


def test_profile_of_a_multi_commune_qpv(tables: dict[str, pd.DataFrame]) -> None:
    profile = qpv_profile(tables, "QP093005", millesime="2022")
    assert list(profile.columns) == ["indicateur", "libellé", "valeur", "unité", "millésime",
                                     "source", "valeur commune", "note"]
    assert profile.attrs == {"code": "QP093005",
                             "nom": "Quartiers La Muette - Village Parisien",
                             "commune": "Bobigny, Drancy", "avertissements": []}
    values = dict(zip(profile["indicateur"], profile["valeur"], strict=True))
    # DEMO_2022 line 1156: POP_MUN « 5 074 », POP_COM « 126 381 », IND_JEUNE « 1,6 »
    assert values["population_qpv"] == 5074
    assert values["poids_qpv_commune"] == pytest.approx(100 * 5074 / 126381)
    assert values["indice_jeunesse"] == pytest.approx(1.6)
    # REVN_2022: TP60 « 37,4 », DISP_Q2 « 14 810 », A « 1 369 » is in DEMO (CAF file columns)
    assert values["taux_pauvrete"] == pytest.approx(37.4)
    assert values["revenu_median"] == 14810
    # IPRO_2022: TX_TOT_EMPL « 54,8 », ABCDE 600, ABC 565, ABC_RSA 190
    assert values["taux_emploi"] == pytest.approx(54.8)
    assert (values["demandeurs_emploi_abcde"], values["demandeurs_emploi_abc"],
            values["demandeurs_emploi_abc_rsa"]) == (600, 565, 190)
    assert values["allocataires_caf"] == 1369  # never IPRO's « A » (job-seekers, 421)


def test_every_figure_is_quoted_with_unit_millesime_and_source(
        tables: dict[str, pd.DataFrame]) -> None:
    profile = qpv_profile(tables, "QP093005", millesime="2022")  # the SIG Ville 2022 files
    catalogue = load_catalogue()
    for line in profile.itertuples(index=False):
        assert line.unité == catalogue[line.indicateur].unit
        assert line.millésime == "2022"
        assert line.source.startswith("Insee, ANCT (SIG Ville) — fichier ")
    pauvrete = profile.set_index("indicateur").loc["taux_pauvrete"]
    assert pauvrete["source"].endswith("REVN_2022") and pauvrete["unité"] == "%"
    population = profile.set_index("indicateur").loc["population_qpv"]
    assert population["valeur commune"] == 126381


def test_secret_values_stay_missing_with_a_note(tables: dict[str, pd.DataFrame]) -> None:
    profile = qpv_profile(tables, "QP974001").set_index("indicateur")
    assert pd.isna(profile.loc["taux_emploi", "valeur"])  # blank in IPRO_2022
    assert "secret" in profile.loc["taux_emploi", "note"]


def test_find_by_name_without_accents_or_case(tables: dict[str, pd.DataFrame]) -> None:
    assert find_qpv(tables, "quartiers la muette - village parisien")[0] == "QP093005"
    assert find_qpv(tables, "SAINTE-THERESE")[0] == "QP972002"
    assert find_qpv(tables, "qp093005")[0] == "QP093005"


def test_ambiguous_and_unknown_names(tables: dict[str, pd.DataFrame]) -> None:
    # « quartier de l » is in the names of QP002007 and QP002009 only
    with pytest.raises(DataError, match=r"Plusieurs quartiers.*QP002007 « Quartier De "
                                        r"L'Artilleur ».*QP002009.*Précisez le code"):
        find_qpv(tables, "quartier de l")
    assert find_qpv(tables, "Salengro")[0] == "QP093011"
    with pytest.raises(DataError, match="Aucun quartier"):
        find_qpv(tables, "Les Tilleuls")


def test_sequence_of_tables_uses_their_source(tables: dict[str, pd.DataFrame]) -> None:
    figures = key_figures(list(tables.values()), "QP001001")
    assert figures[0].indicator == "population_qpv"
    # the vintage is never read from a file name: these files do not state it themselves
    assert figures[0].millesime == "non précisé" and figures[0].source.endswith("DEMO_2022.csv")


def test_hackaviz_lower_case_columns() -> None:
    qp = read_table(REFERENCE / "hackaviz2021_qp.csv")
    profile = qpv_profile({"hackaviz2021_qp": qp}, "Empalot").set_index("indicateur")
    assert profile.attrs["code"] == "QP031010"
    assert profile.loc["population_qpv", "valeur"] == 5502
    # « 2021 » in the name is the Hackaviz's year, not the data's (INSEE 2019 publication)
    assert profile.loc["allocataires_caf", "millésime"] == "non précisé"


def test_weighted_mean_is_an_approximation() -> None:
    table = pd.DataFrame({"TP60": [40.0, 20.0, None], "POP_MUN": [1000, 3000, 500]})
    result = weighted_mean(table, "TP60")
    # (40 × 1 000 + 20 × 3 000) / 4 000 = 25
    assert result.value == 25.0
    assert (result.used, result.excluded) == (2, 1)
    assert result.note.startswith(APPROXIMATION) and "1 ligne(s)" in result.note
    assert weighted_mean(table.iloc[2:], "TP60").value is None


def test_rates_are_never_summed() -> None:
    table = pd.DataFrame({"TP60": [40.0, 20.0], "POP_MUN": [1000, 3000],
                          "TX_TOT_EMPL": [50.0, 60.0]})
    assert total(table, "POP_MUN") == 4000
    for column in ("TP60", "TX_TOT_EMPL", "DISP_Q2", "IND_JEUNE"):
        with pytest.raises(DataError, match="ne s'additionne pas"):
            total(table, column)


def test_key_figures_all_exist_in_the_catalogue() -> None:
    catalogue = load_catalogue()
    assert all(spec.indicator in catalogue for spec in KEY_FIGURES)
