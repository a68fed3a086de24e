"""read_table on the real reference extracts and on the other shapes trainees bring.

Expected values are read by eye in the extracts (``tests/data/reference``): for instance
``6 490`` (with U+202F) in the file is 6490 here.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from companion.owndata.loading import fold, read_table

REFERENCE = Path(__file__).parent / "data" / "reference"


def row(frame: pd.DataFrame, code: str, column: str = "CODGEO") -> pd.Series:
    found = frame[frame[column] == code]
    assert len(found) == 1
    return found.iloc[0]


# --- the real files --------------------------------------------------------------------------


def test_demo_2022_bom_crlf_nnbsp_decimal_comma_trailing_columns() -> None:
    raw = (REFERENCE / "DEMO_2022.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and "\u202f".encode() in raw
    demo = read_table(REFERENCE / "DEMO_2022.csv")
    assert demo.shape == (27, 34)  # 191 columns in the file, 157 of them empty and unnamed
    assert list(demo.columns[:3]) == ["CODGEO", "LIBGEO", "POP_MUN"]
    assert demo.columns[-1] == "NOTE_CNAF"
    first = row(demo, "QP001001")
    assert first["POP_MUN"] == 6490 and first["POP_COM"] == 41248  # « 6 490 », « 41 248 »
    assert first["TX_F"] == pytest.approx(55.3)  # « 55,3 »
    assert demo["POP_MUN"].dtype == np.int64
    assert demo["TX_F"].dtype == np.float64
    assert demo.attrs["source"] == "DEMO_2022.csv"
    assert demo.attrs["separateur"] == ";" and demo.attrs["encodage"] == "UTF-8"


def test_blank_cells_are_missing_never_zero() -> None:
    demo = read_table(REFERENCE / "DEMO_2022.csv")
    croix = row(demo, "QP001002")
    assert np.isnan(croix["TX_F_60ETPLUS"])  # « 21,8;;1,3 » in the file
    assert croix["TX_TOT_60ETPLUS"] == pytest.approx(21.8)
    revn = read_table(REFERENCE / "REVN_2022.csv")
    assert np.isnan(row(revn, "QP001002")["PMIMP"])
    assert np.isnan(row(revn, "QP972001")["A"])
    assert (revn["PMIMP"].fillna(-1) != 0).all()


def test_multi_commune_names_and_overseas_rows() -> None:
    demo = read_table(REFERENCE / "DEMO_2022.csv")
    assert row(demo, "QP093005")["LIB_COM"] == "Bobigny, Drancy"
    assert row(demo, "QP093010")["LIB_COM"] == "Aubervilliers, Bobigny, Pantin"
    overseas = demo[demo["CODGEO"].str.startswith("QP97")]
    assert list(overseas["CODGEO"]) == ["QP971001", "QP971002", "QP971003", "QP974049"]
    assert row(demo, "QP971001")["POP_MUN"] == 3674


def test_ipro_header_trailing_space_is_stripped() -> None:
    assert b"EVOL_CA_N_E ;" in (REFERENCE / "IPRO_2022.csv").read_bytes()
    ipro = read_table(REFERENCE / "IPRO_2022.csv")
    assert "EVOL_CA_N_E" in ipro.columns and "EVOL_CA_N_E " not in ipro.columns
    assert row(ipro, "QP001002")["EVOL_CA_N_E"] == pytest.approx(-14.3)
    assert row(ipro, "QP093005")["ABCDE"] == 600
    assert np.isnan(row(ipro, "QP974001")["TX_TOT_EMPL"])


def test_revn_thousands_in_every_money_column() -> None:
    revn = read_table(REFERENCE / "REVN_2022.csv")
    assert revn.shape[1] == 32
    muette = row(revn, "QP093005")
    assert muette["DISP_Q2"] == 14810  # « 14 810 »
    assert muette["TP60"] == pytest.approx(37.4)
    assert muette["PIMPOT"] == pytest.approx(-11.7)
    assert row(revn, "QP972002")["LIBGEO"] == "Quartiers Sainte-Thérèse – Bon Air"


def test_insee_quoted_export() -> None:
    demo = read_table(REFERENCE / "data_DEMO_2021_V1_QP.csv")
    assert demo.columns[0] == "CODGEO"
    assert row(demo, "QP093005")["POP_MUN"] == 5074
    assert row(demo, "QP093005")["TX_F"] == pytest.approx(49.6)
    assert np.isnan(row(demo, "QP974049")["TX_F"])


def test_hackaviz_comma_separator_point_decimal() -> None:
    qp = read_table(REFERENCE / "hackaviz2021_qp.csv")
    assert qp.attrs["separateur"] == ","
    assert qp.shape == (41, 44)
    tarbes = row(qp, "QP065003", "code_qp")
    assert tarbes["nom_commune"] == "Séméac, Tarbes"
    assert tarbes["ind_jeune"] == pytest.approx(0.8)
    assert row(qp, "QP031002", "code_qp")["pmimp"] == pytest.approx(32.1)
    assert np.isnan(row(qp, "QP031002", "code_qp")["part_chomprinc"])
    meta = read_table(REFERENCE / "hackaviz2021_meta_qp.csv")
    assert list(meta.columns) == ["colonne", "description", "type_valeur", "exemple"]
    assert meta.loc[0, "exemple"] == "QP082003"


# --- shapes seen in the wild -----------------------------------------------------------------


def test_cp1252_with_decimal_comma() -> None:
    data = "Libellé;Valeur\r\nÉcole élémentaire;1,5\r\nCentre-ville;2\r\n".encode("cp1252")
    table = read_table(data, name="export_excel.csv")
    assert table.attrs["encodage"] == "Windows-1252"
    assert list(table["Libellé"]) == ["École élémentaire", "Centre-ville"]
    assert list(table["Valeur"]) == [1.5, 2.0]


def test_thousands_separators_of_every_kind() -> None:
    text = "code;a;b;c\nX1;1\u202f234,5;12\u00a0000;1 000 000\nX2;-2\u202f000;7;12\n"
    table = read_table(text.encode())
    assert list(table["a"]) == [1234.5, -2000.0]
    assert list(table["b"]) == [12000, 7]
    assert list(table["c"]) == [1000000, 12]


def test_secret_markers_are_nan_not_zero() -> None:
    text = "CODGEO;pop;taux\nQP001;s;12,5\nQP002;nd;ns\nQP003;N.D.;n.d.\nQP004;120;\n"
    table = read_table(text.encode(), name="secret.csv")
    assert table["pop"].isna().tolist() == [True, True, True, False]
    assert table["taux"].isna().tolist() == [False, True, True, True]
    assert table.loc[3, "pop"] == 120
    assert table.attrs["secret"] == {"pop": 3, "taux": 2}


def test_codes_keep_their_leading_zeros() -> None:
    text = "insee_com;commune;dep;population\n01053;Bourg-en-Bresse;01;41248\n2A004;Ajaccio;2A;7\n"
    table = read_table(text.encode())
    assert list(table["insee_com"]) == ["01053", "2A004"]
    assert list(table["dep"]) == ["01", "2A"]
    assert table["population"].dtype == np.int64
    by_value = read_table(b"x;y\n007;1\n12;2\n")
    assert list(by_value["x"]) == ["007", "12"]  # a leading zero anywhere makes it a code


def test_excel_protected_codes_are_unwrapped() -> None:
    raw = 'code_qp;lib_qp;insee_com\nQN01301M;Centre;="13055;13070"\nQN01302M;Nord;="13055"\n'
    table = read_table(raw.encode())
    assert list(table["insee_com"]) == ["13055;13070", "13055"]
    escaped = read_table(b'code_qp;insee_com\nQN1;"=""13055;13070"""\n')
    assert escaped.loc[0, "insee_com"] == "13055;13070"


def test_aggregate_row_goes_to_attrs() -> None:
    text = "CODGEO;LIBGEO;POP_MUN;TP60\n;Ensemble;5300000;43,3\nQP1;A;100;40\nQP2;B;200;50\n"
    table = read_table(text.encode(), name="avec_ensemble.csv")
    assert list(table["CODGEO"]) == ["QP1", "QP2"]
    aggregates = table.attrs["aggregats"]
    assert isinstance(aggregates, pd.DataFrame)
    assert aggregates.loc[0, "LIBGEO"] == "Ensemble"
    assert aggregates.loc[0, "POP_MUN"] == 5300000
    assert "aggregats" not in read_table(b"a;b\nx;1\n").attrs


def test_a_country_column_is_not_an_aggregate() -> None:
    table = read_table(b"pays;n\nFrance;1\nItalie;2\nFrance;3\n")
    assert table["pays"].tolist() == ["France", "Italie", "France"]
    assert "aggregats" not in table.attrs


def test_total_row_does_not_turn_a_year_column_into_text() -> None:
    table = read_table(b"annee;montant\n2023;10\n2024;20\nTOTAL;30\n")
    assert table["annee"].dtype == np.int64
    assert table["montant"].tolist() == [10, 20]
    assert table.attrs["aggregats"].loc[0, "montant"] == 30


def test_tab_separator_blank_lines_and_text_source() -> None:
    table = read_table(io.StringIO("a\tb\n1\t2,5\n\n3\t4\n"))
    assert table.attrs["separateur"] == "\t"
    assert table["a"].tolist() == [1, 3]
    assert table["b"].tolist() == [2.5, 4.0]


def test_excel_unicode_text_export_in_utf16() -> None:
    table = read_table("commune\tpopulation\r\nSaint-Étienne\t172\u202f565\r\n".encode("utf-16"))
    assert table.attrs["encodage"] == "UTF-16"
    assert table.loc[0, "commune"] == "Saint-Étienne" and table.loc[0, "population"] == 172565


def test_named_file_object_and_unnamed_filled_column() -> None:
    handle = io.BytesIO(b"a;;b\n1;x;2\n")
    handle.name = "/some/where/fichier.csv"
    table = read_table(handle)
    assert table.attrs["source"] == "fichier.csv"
    assert list(table.columns) == ["a", "colonne 2", "b"]


def test_title_line_above_a_csv_header() -> None:
    table = read_table(b"Population des quartiers, 2022;;\nCODGEO;POP;TP60\nQP1;10;4,5\n")
    assert list(table.columns) == ["CODGEO", "POP", "TP60"]
    assert table.loc[0, "TP60"] == 4.5


def make_workbook(path: Path) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Données"
    sheet.append(["Tableau 1 — population des quartiers (fictif)"])
    sheet.append([])
    sheet.append(["code_qp", "nom", "insee_com", "population", "taux "])
    sheet.append(["QP001", "Les Tilleuls", "01053", 1200, 12.5])
    sheet.append(["QP002", "Le Val", "01054", 800, "s"])
    other = book.create_sheet("Notes")
    other.append(["note"])
    other.append(["fictif"])
    book.save(path)
    return path


def test_xlsx_with_a_title_row(tmp_path: Path) -> None:
    table = read_table(make_workbook(tmp_path / "classeur.xlsx"))
    assert list(table.columns) == ["code_qp", "nom", "insee_com", "population", "taux"]
    assert table["insee_com"].tolist() == ["01053", "01054"]
    assert table["population"].tolist() == [1200, 800]
    assert table.loc[0, "taux"] == 12.5 and np.isnan(table.loc[1, "taux"])
    assert table.attrs["feuille"] == "Données"
    notes = read_table((tmp_path / "classeur.xlsx").read_bytes(), sheet="notes")
    assert notes.loc[0, "note"] == "fictif"
    assert read_table(tmp_path / "classeur.xlsx", sheet=1).equals(notes)


def test_input_is_never_mutated_and_fold_matches_names() -> None:
    data = bytearray(b"a;b\n1;2\n")
    read_table(data)
    assert data == bytearray(b"a;b\n1;2\n")
    assert fold("  Quartier  Sainte-Thérèse  ") == "quartier sainte-therese"
    assert fold("CŒUR de Ville") == "coeur de ville"
