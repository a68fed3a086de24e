"""Refuse a table that would take minutes or gigabytes to read: before parsing it, and while.

An ``.xlsx`` is a zip of XML files: a few megabytes can declare a hundred million cells (a
« zip bomb »), a few hundred kilobytes can hold styles or shared strings that take a minute to
parse. Before parsing, only the zip directory and the first bytes of each sheet are read
(:func:`check_workbook`): the members' declared sizes (Python's ``zipfile`` never inflates a
member beyond its declared size), their compression ratio, each sheet's declared dimensions,
the size of the parts read in one go (styles, shared strings). While parsing, every read of
the workbook's bytes (:func:`timed_source`) and every row (:func:`sheet_rows`) checks the
deadline of :data:`READ_SECONDS` and the budget of :data:`MAX_CELLS`. A CSV file is counted
before its rows are split (:func:`check_text_cells`): its conversion is vectorised, linear in
its cells. Every refusal is French and names the file.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Iterable
from typing import Any

from companion.core.errors import DataError
from companion.texts import indicators as ti
from companion.texts import owndata as tl

READ_SECONDS = 6.0
"""Wall-clock budget of one read (from :func:`~companion.owndata.loading.read_table`'s start
to its last row), so that no upload keeps a page's kernel busy for more than ~10 s."""

MAX_UNCOMPRESSED = 150 * 1024 * 1024
"""Total size of the workbook once unzipped (a 50 000-row, 20-column table is ~70 MB)."""
MAX_RATIO = 100
"""Largest compression ratio of a big member (ordinary sheets: 5 to 30)."""
RATIO_FROM = 1024 * 1024
MAX_MEMBERS = 2000
MAX_CELLS = 1_000_000
"""Cells a table may have: declared by a sheet (rows × columns of its ``<dimension>``), read
from it (rows as long as their last cell), or in a CSV file (lines × header columns): a
50 000-row, 20-column table. Measured (tests/test_upload_bounds.py): a million CSV cells read
in a few seconds, quoted or not; Excel cells cost about ten times more, the deadline stops the
largest sheets first."""
MAX_PART_BYTES = 1024 * 1024
"""A part parsed in one go, before any row (styles, workbook, properties, relationships):
openpyxl reads about 1 MB of styles a second."""
MAX_SHARED_STRINGS = 4 * 1024 * 1024
"""The workbook's shared strings (texts of the cells), also parsed in one go: ~100 000 texts."""
_PARSED_AT_LOAD = {
    "[content_types].xml": MAX_PART_BYTES, "_rels/.rels": MAX_PART_BYTES,
    "xl/workbook.xml": MAX_PART_BYTES, "xl/_rels/workbook.xml.rels": MAX_PART_BYTES,
    "xl/styles.xml": MAX_PART_BYTES, "xl/sharedstrings.xml": MAX_SHARED_STRINGS,
}
"""Parts openpyxl parses whole when it opens a workbook read-only (sheets come row by row;
drawings, comments, the calculation chain are not read)."""
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+)?(\d+)?(?::([A-Z]+)(\d+))?"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (letter - 64)
    return number


def declared_cells(head: bytes) -> int | None:
    """Return the cells a sheet declares in the first bytes of its XML (None: no dimension)."""
    found = _DIMENSION.search(head)
    if found is None:
        return None
    first_col, first_row, last_col, last_row = found.groups()
    if last_col is None or last_row is None:
        return 1
    rows = int(last_row) - int(first_row or b"1") + 1
    cols = _column_number(last_col) - _column_number(first_col or b"A") + 1
    return max(rows, 1) * max(cols, 1)


def check_workbook(data: bytes, label: str) -> None:
    """Raise a French :class:`DataError` when the workbook ``data`` is too big to read."""
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        return  # not a readable zip: the reader gives its own message
    with book:
        members = book.infolist()
        if len(members) > MAX_MEMBERS:
            raise DataError(ti.OWN_XLSX_TOO_BIG.format(name=label))
        total = sum(m.file_size for m in members)
        if total > MAX_UNCOMPRESSED:
            raise DataError(ti.OWN_XLSX_TOO_BIG.format(name=label))
        for member in members:
            if member.file_size > RATIO_FROM and (
                member.file_size > MAX_RATIO * max(member.compress_size, 1)
            ):
                raise DataError(ti.OWN_XLSX_TOO_BIG.format(name=label))
            limit = _PARSED_AT_LOAD.get(member.filename.lower())
            if limit is None and member.filename.startswith("docProps/"):
                limit = MAX_PART_BYTES
            if limit is not None and member.file_size > limit:
                    raise DataError(ti.OWN_XLSX_TOO_BIG.format(name=label))
            if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
                try:
                    with book.open(member) as sheet:
                        head = sheet.read(4096)
                except (zipfile.BadZipFile, OSError, RuntimeError, ValueError):
                    return  # the reader gives its own message
                cells = declared_cells(head)
                if cells is not None and cells > MAX_CELLS:
                    raise DataError(ti.OWN_XLSX_TOO_MANY_CELLS.format(
                        name=label, cells=f"{cells:,}".replace(",", " "),
                        limit=f"{MAX_CELLS:,}".replace(",", " ")))


def _too_slow(label: str) -> DataError:
    return DataError(tl.READ_TOO_SLOW.format(label=label, seconds=f"{READ_SECONDS:.0f}"))


def _too_many_cells(label: str) -> DataError:
    return DataError(tl.TOO_MANY_CELLS.format(label=label,
                                              limit=f"{MAX_CELLS:,}".replace(",", "\u202f")))


class _TimedBytes(io.BytesIO):
    """The workbook's bytes; a read past the deadline raises the French refusal."""

    def __init__(self, data: bytes, label: str, deadline: float) -> None:
        super().__init__(data)
        self._label, self._deadline = label, deadline

    def read(self, size: int | None = -1, /) -> bytes:
        if time.monotonic() > self._deadline:
            raise _too_slow(self._label)
        return super().read(size)


def timed_source(data: bytes, label: str, deadline: float) -> io.BytesIO:
    """Return ``data`` as a file whose reads stop at ``deadline`` (a French DataError).

    openpyxl reads a workbook through its zip: styles, shared strings and the sheet's rows
    all come from reads of this file, a few kilobytes at a time.
    """
    return _TimedBytes(data, label, deadline)


def refusal_in(error: BaseException) -> DataError | None:
    """Return the French refusal ``error`` carries, if any.

    openpyxl wraps the deadline's refusal (raised by a read of :func:`timed_source`) in its
    own ``ValueError``: the refusal is found among the causes.
    """
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, DataError):
            return cause
        cause = cause.__cause__ or cause.__context__
    return None


def value_rows(sheet: Any, label: str, deadline: float) -> list[list[Any]]:
    """Return the rows of a read-only openpyxl sheet as openpyxl gives them (None: empty).

    For files the companion wrote itself (« mon territoire »): no pandas conversion, the same
    bounds as :func:`sheet_rows` (``deadline``, :data:`MAX_CELLS`, the real extent).
    """
    sheet.reset_dimensions()
    rows: list[list[Any]] = []
    cells = 0
    for row in sheet.iter_rows(values_only=True):
        cells += len(row) + 1
        if cells > MAX_CELLS:
            raise _too_many_cells(label)
        if time.monotonic() > deadline:
            raise _too_slow(label)
        rows.append(list(row))
    return rows


def sheet_rows(sheet: Any, label: str, deadline: float) -> list[list[Any]]:
    """Return the cells of a read-only openpyxl sheet as ``pandas.read_excel`` takes them.

    The same values as pandas' openpyxl reader (``""`` for an empty cell, NaN for an error,
    whole numbers as ``int``), trailing empty cells and rows trimmed; the real extent is
    read, not the declared one. Every row checks ``deadline`` and :data:`MAX_CELLS` (a row
    counts as long as its last cell: ``<c r="XFD1"/>`` is 16 384 cells).
    """
    from openpyxl.cell.cell import TYPE_ERROR, TYPE_NUMERIC

    sheet.reset_dimensions()
    data: list[list[Any]] = []
    last_filled, cells = -1, 0
    rows: Iterable[Any] = sheet.rows
    for number, row in enumerate(rows):
        cells += len(row) + 1
        if cells > MAX_CELLS:
            raise _too_many_cells(label)
        if time.monotonic() > deadline:
            raise _too_slow(label)
        values: list[Any] = []
        for cell in row:
            value = cell.value
            if value is None:
                values.append("")
            elif cell.data_type == TYPE_ERROR:
                values.append(float("nan"))
            elif cell.data_type == TYPE_NUMERIC:
                whole = int(value)
                values.append(whole if whole == value else float(value))
            else:
                values.append(value)
        while values and values[-1] == "":
            values.pop()
        if values:
            last_filled = number
        data.append(values)
    data = data[: last_filled + 1]
    if data:
        width = max(len(values) for values in data)
        data = [values + [""] * (width - len(values)) for values in data]
    return data


def check_text_cells(text: str, head: list[str], sep: str, label: str) -> None:
    """Refuse a CSV text of more than :data:`MAX_CELLS` cells (lines × header columns).

    ``head`` holds the first lines, ``sep`` the separator sniffed on them; the count is one
    pass in C over the text, before any row is split.
    """
    columns = max((line.count(sep) + 1 for line in head), default=1)
    if (text.count("\n") + 1) * columns > MAX_CELLS:
        raise _too_many_cells(label)
