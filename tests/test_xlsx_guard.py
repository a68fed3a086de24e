"""A workbook that would take minutes or gigabytes to read (a « zip bomb ») is refused in
French before it is parsed; an ordinary one is read as before."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from companion.core.errors import DataError
from companion.owndata.guard import declared_cells
from companion.owndata.loading import read_table
from tests.workbooks import rewrite, small_workbook


def test_an_ordinary_workbook_is_read() -> None:
    frame = read_table(small_workbook(), name="communes.xlsx")
    assert list(frame.columns) == ["code", "population"] and len(frame) == 1


def test_a_sheet_declaring_a_hundred_million_cells_is_refused() -> None:
    data = small_workbook()
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheet = book.read("xl/worksheets/sheet1.xml")
    huge = re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:CV1000000"/>', sheet)
    assert huge != sheet
    with pytest.raises(DataError, match="déclare une feuille de 100 000 000"):
        read_table(rewrite(data, {"xl/worksheets/sheet1.xml": huge}), name="bombe.xlsx")


def test_a_member_that_inflates_too_much_is_refused() -> None:
    padding = b"<!--" + b"A" * (30 * 1024 * 1024) + b"-->"  # compresses about 1000 times
    data = rewrite(small_workbook(), {"xl/padding.xml": padding})
    assert len(data) < 1024 * 1024
    with pytest.raises(DataError, match="trop volumineux"):
        read_table(data, name="gonfle.xlsx")


def test_declared_dimensions() -> None:
    assert declared_cells(b'<worksheet><dimension ref="A1:C10"/>') == 30
    assert declared_cells(b'<dimension ref="B2:B2"/>') == 1
    assert declared_cells(b'<x:dimension ref="A1"/>') == 1
    assert declared_cells(b"<sheetData/>") is None
