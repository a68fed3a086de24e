"""The dashboard's pure layer: recognising own files, a year's values, radar, targets, trends."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from companion.core.errors import DataError, InputError
from companion.indicators import overview as d
from companion.owndata.sample import load_sample
from companion.store import Store

CSV_EXITS = "Année;Salarié;Type_sortie;Durée_mois\n2025;A;CDI;\n2025;B;Formation qualifiante;\n" \
            "2025;C;Demandeur d'emploi;\n"


def small_tables() -> dict[str, pd.DataFrame]:
    """A tiny structure whose figures are easy to compute by hand."""
    return {
        "sorties": pd.DataFrame({"annee": [2025, 2025, 2025, 2024],
                                 "type_sortie": ["CDI", "intérim", "chômage", "CDI"],
                                 "duree_mois": [None, 8, None, None]}),
        "ventes": pd.DataFrame({"annee": [2025, 2025], "type_client": ["bailleur", "autre"],
                                "client": ["Bailleur X", "Client Y"], "montant": [60.0, 40.0]}),
        "financements": pd.DataFrame({"annee": [2025, 2025, 2025],
                                      "nature": ["aide au poste", "subvention", "autre produit"],
                                      "montant": [50.0, 30.0, 20.0]}),
        "gouvernance": pd.DataFrame({"annee": [2025] * 4,
                                     "college": ["Habitants", "collectivités", "bailleurs",
                                                 "associations"],
                                     "sieges": [5, 2, 2, 1]}),
    }


def test_every_sample_table_is_recognised_by_its_columns() -> None:
    for name, frame in load_sample().items():
        assert d.identify_table(frame) == name


def test_headers_are_normalised() -> None:
    frame = d.normalise_columns(pd.DataFrame(columns=["Année", " Type sortie ", "Durée_mois"]))
    assert list(frame.columns) == ["annee", "type_sortie", "duree_mois"]


def test_an_own_file_is_read_and_recognised() -> None:
    table, frame = d.read_own_file(CSV_EXITS.encode("cp1252"), "mes_sorties.csv")
    assert table == "sorties" and len(frame) == 3
    assert list(frame.columns) == ["annee", "salarie", "type_sortie", "duree_mois"]


@pytest.mark.parametrize(("content", "expected"), [
    (b"\x00\x01\x02binaire" * 50, "fichier binaire"),
    (b"", "vide"),
    (b"nom;age\nAlice;30\n", "ne correspondent"),
    (b"salarie;type_sortie\nA;CDI\n", "colonne « annee »"),
])
def test_bad_own_files_give_a_french_message_naming_the_file(content: bytes,
                                                             expected: str) -> None:
    with pytest.raises(DataError) as caught:
        d.read_own_file(content, "mon_fichier.csv")
    assert "mon_fichier.csv" in str(caught.value) and expected in str(caught.value)


def test_an_oversized_file_is_refused_before_reading() -> None:
    with pytest.raises(DataError, match=r"trop volumineux \(0,0 Mo ; limite : 0,0 Mo\)"):
        d.read_own_file(b"annee;type_sortie\n" * 10, "gros.csv", max_bytes=20)


def test_own_or_sample_prefers_the_trainee_file(tmp_path: Path) -> None:
    assert d.own_or_sample("ventes.csv", tmp_path).parts[-2:] == ("exemple_regie", "ventes.csv")
    (tmp_path / "ventes.csv").write_text("annee;type_client;montant\n", encoding="utf-8")
    assert d.own_or_sample("ventes.csv", tmp_path) == tmp_path / "ventes.csv"


def test_year_view_on_hand_computed_figures() -> None:
    view = d.year_view(small_tables(), 2025)
    values = view.values
    # 3 exits: CDI (durable), intérim 8 months (durable), chômage (other) -> 2/3
    assert values["sortants"] == 3 and values["taux_sorties_dynamiques"] == pytest.approx(200 / 3)
    assert view.exits == {"durables": 2, "transition": 0, "positives": 0, "autres": 1}
    assert values["chiffre_affaires"] == 100
    assert values["concentration_clients"] == pytest.approx(0.6**2 + 0.4**2)
    assert values["taux_autofinancement"] == pytest.approx(50.0)  # 100 / (100 + 100)
    assert values["dependance_financements_publics"] == pytest.approx(40.0)  # 80 / 200
    assert values["aide_au_poste_recue"] == 50
    assert values["part_habitants_ca"] == pytest.approx(50.0)  # 5 of 10 seats
    assert values["colleges_representes"] == 3
    assert "marge_nette" not in values and "masse_salariale" in view.missing
    assert view.income is not None and view.income["part"].sum() == pytest.approx(100.0)


def test_a_year_without_exit_gives_undefined_rates_never_zero() -> None:
    tables = small_tables()
    tables["sorties"] = tables["sorties"][tables["sorties"]["annee"] == 2024]
    values = d.year_view(tables, 2025).values
    assert values["sortants"] == 0 and values["taux_sorties_dynamiques"] is None


def test_sample_year_matches_the_files_read_by_hand() -> None:
    sample = load_sample()
    values = d.year_view(sample, 2024).values
    sales = sample["ventes"].query("annee == 2024")["montant"].sum()
    income = sales + sample["financements"].query("annee == 2024")["montant"].sum()
    assert values["chiffre_affaires"] == 744_000 == sales  # README: 744 000 € in 2024
    assert values["taux_autofinancement"] == pytest.approx(100 * sales / income)
    exits = sample["sorties"].query("annee == 2024")
    assert values["sortants"] == len(exits)
    assert d.years(sample) == [2021, 2022, 2023, 2024]


def test_radar_scores_follow_the_documented_rule() -> None:
    scores = d.radar_scores({"taux_sorties_dynamiques": 30.0, "taux_sorties_durables": 25.0,
                             "colleges_representes": 3.0, "part_habitants_ca": None,
                             "taux_autofinancement": 25.0, "concentration_clients": 0.15})
    by = dict(zip(scores["dimension"], scores["score"], strict=True))
    assert by["sociale"] == pytest.approx(75.0)  # (30/60 → 50 + 25/25 → 100) / 2
    assert by["participative"] == pytest.approx(100.0)  # only the colleges: 3/3
    assert by["développement économique"] == pytest.approx(75.0)  # 50 and (1−0.15)/0.85
    assert math.isnan(by["inclusion"])  # nothing to score: not computable, not 0
    capped = d.radar_scores({"taux_sorties_dynamiques": 90.0}, references={
        "taux_sorties_dynamiques": 45.0})
    assert capped["score"].iloc[0] == 100.0


def test_trend_frame_gives_one_value_per_year_and_indicator() -> None:
    sample = load_sample()
    views = {y: d.year_view(sample, y) for y in (2023, 2024)}
    trend = d.trend_frame(views, ("chiffre_affaires",))
    assert list(trend["année"]) == [2023, 2024]
    assert trend["valeur"].iloc[1] == 744_000


def test_targets_are_stored_updated_and_hidden(store: Store, session_code: str) -> None:
    assert d.load_targets(store, session_code) == {}
    d.set_target(store, session_code, "taux_sorties_dynamiques", 60)
    record = d.set_target(store, session_code, "taux_sorties_dynamiques", 65)
    d.set_target(store, session_code, "taux_sorties_dynamiques", 50, group="B")
    assert record.version == 2
    assert d.load_targets(store, session_code) == {"taux_sorties_dynamiques": 65.0}
    assert d.load_targets(store, session_code, "B") == {"taux_sorties_dynamiques": 50.0}
    assert len(store.list_records(session_code, d.TARGET_KIND)) == 2
    assert d.remove_target(store, session_code, "taux_sorties_dynamiques")
    assert d.load_targets(store, session_code) == {}
    assert not d.remove_target(store, session_code, "taux_sorties_dynamiques")
    assert len(store.list_records(session_code, d.TARGET_KIND)) == 2  # hidden, not deleted


@pytest.mark.parametrize(("indicator", "value"), [("inconnu", 1.0), ("marge_nette", math.nan)])
def test_bad_targets_are_refused(store: Store, session_code: str, indicator: str,
                                 value: float) -> None:
    with pytest.raises(InputError):
        d.set_target(store, session_code, indicator, value)


def test_targets_table_compares_in_the_catalogue_direction() -> None:
    table = d.targets_table({"taux_sorties_dynamiques": 62.0,
                             "dependance_financements_publics": 43.0, "sortants": 39},
                            {"taux_sorties_dynamiques": 60, "dependance_financements_publics": 40})
    status = dict(zip(table["indicateur"], table["statut"], strict=True))
    assert status == {"taux_sorties_dynamiques": "atteint",
                      "dependance_financements_publics": "non atteint",
                      "sortants": "objectif non paramétré"}
