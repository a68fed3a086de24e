"""Refuse an Excel workbook that would take minutes or gigabytes to read, before parsing it.

An ``.xlsx`` is a zip of XML files: a few megabytes can declare a hundred million cells (a
« zip bomb »). Only the zip directory and the first bytes of each sheet are read here: the
members' declared sizes, their compression ratio, and each sheet's declared dimensions.
"""

from __future__ import annotations

import io
import re
import zipfile

from companion.core.errors import DataError
from companion.texts import indicators as ti

MAX_UNCOMPRESSED = 150 * 1024 * 1024
"""Total size of the workbook once unzipped (a 50 000-row, 20-column table is ~70 MB)."""
MAX_RATIO = 100
"""Largest compression ratio of a big member (ordinary sheets: 5 to 30)."""
RATIO_FROM = 1024 * 1024
MAX_MEMBERS = 2000
MAX_CELLS = 3_000_000
"""Cells a sheet may declare (rows × columns of its ``<dimension>``)."""
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
