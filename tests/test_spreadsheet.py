"""One sheet-name rule and one XLSX writer for every workbook the companion writes."""

from __future__ import annotations

import ast
import io
from datetime import datetime
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from companion.core.spreadsheet import Heading, sheet_name, xlsx_bytes

ROOT = Path(__file__).resolve().parent.parent


def test_a_name_differing_only_by_case_is_numbered() -> None:
    used: set[str] = set()
    assert sheet_name("Idées", used) == "Idées"
    assert sheet_name("IDÉES", used) == "IDÉES (2)"  # Excel compares names case-insensitively
    assert sheet_name("idées", used) == "idées (3)"


def test_excel_rules_hold() -> None:
    used: set[str] = set()
    long = "Lorem ipsum dolor sit amet consectetur adipiscing"
    first = sheet_name(long, used)
    second = sheet_name(long, used)
    assert first == long[:31] and len(second) <= 31 and second.endswith(" (2)")
    assert sheet_name("a/b\\c[d]e:f*g?h", used) == "a-b-c-d-e-f-g-h"
    assert sheet_name("'cité'", used) == "cité"
    assert sheet_name("  ", used) == "Feuille"
    assert sheet_name("History", used) == "History (2)"  # reserved by Excel


def test_workbook_cells_are_neutralised_and_typed() -> None:
    frame = pd.DataFrame({"=titre": ["=1+1", "@SUM(A1)", "ok\x07"], "n": [1, 2, None],
                          "quand": [datetime(2026, 1, 2)] * 3})
    payload = xlsx_bytes({"Idées": [Heading("Titre"), "une ligne", ("Tableau", frame),
                                    ("Vide", frame.iloc[0:0])],
                          "IDÉES": frame}, empty="Rien")
    book = load_workbook(io.BytesIO(payload))
    assert book.sheetnames == ["Idées", "IDÉES (2)"]
    rows = [list(r) for r in book["Idées"].iter_rows(values_only=True)]
    assert rows[0][0] == "Titre" and rows[1][0] == "une ligne"
    assert rows[4][:3] == ["'=titre", "n", "quand"]
    assert rows[5][:2] == ["'=1+1", 1] and rows[6][0] == "'@SUM(A1)" and rows[7][0] == "ok"
    assert rows[7][1] is None and rows[5][2] == datetime(2026, 1, 2)
    assert [rows[9][0], rows[10][0]] == ["Vide", "Rien"]
    assert all(c.data_type != "f" for row in book["IDÉES (2)"].iter_rows() for c in row)


def test_only_one_module_writes_workbooks() -> None:
    """Every workbook goes through companion.core.spreadsheet (reading is free)."""
    writers = []
    for path in sorted((ROOT / "companion").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            name = node.attr if isinstance(node, ast.Attribute) else (
                node.id if isinstance(node, ast.Name) else "")
            if name == "Workbook":
                writers.append(str(path.relative_to(ROOT)))
    assert set(writers) == {"companion/core/spreadsheet.py"}
