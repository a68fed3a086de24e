"""Own data never gives silently wrong figures (issue « right answers », items 9–14)."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from companion.core.errors import DataError
from companion.indicators import overview as d
from companion.indicators import territory
from companion.indicators.territory import qpv_profile
from companion.owndata.loading import read_table

DATA = Path(__file__).parent / "data"
FILOSOFI = DATA / "filosofi" / "filosofi_qpv_extrait.csv"


def xlsx(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


BAD_EXITS = xlsx([["annee", "salarie", "type_sortie", "duree_mois"],
                  [2025, "A", "CDI", None], [2025, "B", "CDD", "sept"],
                  [2025, "C", "Formation qualifiante", None], [2025, "D", "Autre", None]])


# --- item 9: an own table that fails never shows the sample's figures ----------------------------

def test_an_own_table_that_fails_is_refused_naming_file_line_and_column() -> None:
    with pytest.raises(DataError) as caught:
        d.read_own_file(BAD_EXITS, "sorties.xlsx")
    message = str(caught.value)
    assert "sorties.xlsx" in message and "ligne 3" in message and "duree_mois" in message
    assert "sept" in message


def test_the_dashboard_never_shows_the_sample_under_my_data() -> None:
    from companion.widgets.indicators.dashboard import IndicatorsDashboard
    from tests.drivers.indicators import IndicatorsDriver

    sample_cards = IndicatorsDriver(IndicatorsDashboard()).cards_html()
    assert "39" in sample_cards
    bad = {"sorties": pd.DataFrame({"annee": [2025, 2025], "type_sortie": ["CDD", "CDI"],
                                    "duree_mois": ["sept", None]})}
    board = IndicatorsDashboard(tables=bad)
    shown = IndicatorsDriver(board)
    assert shown.structure().startswith("Mes données")
    assert "donnée absente" in shown.cards_html().casefold()
    assert "sept" in board.notice.text
    assert "39" not in shown.cards_html() and shown.cards_html() != sample_cards


def test_load_tables_takes_own_files_only_and_keeps_their_errors(tmp_path: Path) -> None:
    sample = d.load_tables(tmp_path)  # an empty folder: the sample, labelled as such
    assert sample.origin == "exemple" and "sorties" in sample.tables
    (tmp_path / "mes ventes 2025.csv").write_text(
        "Année;Type client;Client;Montant\n2025;bailleur;X;100\n", encoding="utf-8")
    (tmp_path / "parcours.xlsx").write_bytes(BAD_EXITS)
    own = d.load_tables(tmp_path)
    assert own.origin == "mes données"
    assert set(own.tables) == {"ventes"}  # recognised by its columns, not by its name
    assert own.files == {"ventes": "mes ventes 2025.csv"}
    assert "parcours.xlsx" in own.errors and "ligne 3" in own.errors["parcours.xlsx"]
    view = d.year_view(own.tables, 2025)
    assert view.values["chiffre_affaires"] == 100
    assert "sortants" not in view.values and "sorties" in view.missing


def test_own_or_sample_never_mixes_silently(tmp_path: Path) -> None:
    (tmp_path / "ventes.csv").write_text("annee;type_client;montant\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"sorties\.csv"):
        d.own_or_sample("sorties.csv", tmp_path)


# --- item 10: headers matched without case or accents, missing columns named in French ----------

def test_year_view_accepts_accented_capitalised_headers() -> None:
    frame = read_table("Année;Type_sortie;Durée_mois\n2025;CDI;\n2025;Chômage;\n".encode(),
                       name="sorties.csv")
    view = d.year_view({"sorties": frame}, 2025)
    assert view.values["sortants"] == 2 and view.values["taux_sorties_dynamiques"] == 50
    assert d.years({"sorties": frame}) == [2025]


def test_a_missing_column_is_a_french_data_error_naming_it() -> None:
    ventes = pd.DataFrame({"Année": [2025], "type_client": ["bailleur"], "Client": ["X"]})
    with pytest.raises(DataError, match="« montant »"):
        d.year_view({"ventes": ventes}, 2025)


# --- item 11: a text file named .xlsx -----------------------------------------------------------

def test_a_text_file_named_xlsx_is_refused_in_french() -> None:
    with pytest.raises(DataError, match=r"« sorties\.xlsx ».*pas un classeur Excel"):
        read_table(b"annee;type_sortie\n", name="sorties.xlsx")


# --- items 12 and 13: vintage from the data, INSEE's Filosofi file recognised --------------------

def test_vintage_comes_from_the_columns_never_from_the_file_name() -> None:
    frame = read_table(FILOSOFI)
    frame.attrs["source"] = "REVN_2022.csv"  # a name the user may have typed
    assert territory.vintage_of(frame) == "2019"
    demo = pd.DataFrame(columns=["CODGEO", "POP_MUN"])
    demo.attrs["source"] = "DEMO_2022.csv"
    assert territory.vintage_of(demo) == "non précisé"
    demo.attrs["titre"] = "Population des quartiers prioritaires en 2018"  # the file's own title
    assert territory.vintage_of(demo) == "2018"
    titled = read_table(b"Population municipale 2017 ;;\nCODGEO;LIBGEO;POP_MUN\nQP1;A;5\n",
                        name="DEMO_2022.csv")
    assert territory.vintage_of(titled) == "2017"


def test_insee_filosofi_file_feeds_the_profile() -> None:
    frame = read_table(FILOSOFI)
    assert "aggregats" in frame.attrs  # the « Ensemble » row is not a quarter
    profile = qpv_profile({"revenus 2022 renommé.csv": frame}, "QP093005")
    values = dict(zip(profile["indicateur"], profile["valeur"], strict=True))
    vintages = dict(zip(profile["indicateur"], profile["millésime"], strict=True))
    assert values["revenu_median"] == 14_520 and values["taux_pauvrete"] == pytest.approx(38.9)
    assert vintages["revenu_median"] == "2019" and vintages["taux_pauvrete"] == "2019"


def test_a_file_without_known_indicator_is_reported() -> None:
    demo = read_table(DATA / "reference" / "DEMO_2022.csv")
    other = pd.DataFrame({"CODGEO": ["QP093005"], "NB_ARBRES": [12]})
    profile = qpv_profile({"DEMO_2022.csv": demo, "arbres.csv": other}, "QP093005")
    warnings = profile.attrs["avertissements"]
    assert any("arbres.csv" in w and "aucun indicateur" in w for w in warnings)
    with pytest.raises(DataError, match=r"(?i)aucun indicateur"):
        qpv_profile({"arbres.csv": other}, "QP093005")


# --- item 14: Excel's « ? » for U+202F in a cp1252 export ------------------------------------

def test_question_mark_thousands_separator_from_cp1252_excel() -> None:
    content = "CODGEO;LIBGEO;POP_MUN\nQP093005;La Muette;6?056\nQP093006;Autre;812\n"
    frame = read_table(content.encode("cp1252"), name="demo.csv")
    assert frame["POP_MUN"].tolist() == [6056, 812]


def test_a_parse_failure_is_never_called_statistical_secret() -> None:
    table = pd.DataFrame({"CODGEO": ["QP093005"], "POP_MUN": ["6#056"]})
    profile = qpv_profile({"demo.csv": table}, "QP093005")
    note = profile.loc[profile["indicateur"] == "population_qpv", "note"].iloc[0]
    assert "secret" not in note and "6#056" in note and "POP_MUN" in note


# --- item 18 (notebook 10): every figure shown with value, unit, vintage and source --------------

def test_figures_table_carries_value_unit_vintage_and_source() -> None:
    loaded = d.load_tables(Path("/nonexistent-folder"))
    view = d.year_view(loaded.tables, 2024)
    table = d.figures_table(view.values, 2024, loaded.source)
    assert list(table.columns) == ["indicateur", "valeur", "unité", "millésime", "source"]
    row = table.set_index("indicateur").loc["Taux de sorties dynamiques"]
    assert row["valeur"].endswith("\u00a0%") and "." not in row["valeur"]
    assert row["millésime"] == "exercice 2024" and "fictives" in row["source"]
    rates = d.figures_table({"taux_dynamiques": 800 / 13, "sortants": 13}, 2024, "vos fichiers")
    assert rates["valeur"].tolist() == ["13", "62\u00a0%"]
    assert not any("61.538" in v for v in rates["valeur"])
