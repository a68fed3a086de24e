"""Spreadsheets written from DataFrames: CSV for a French spreadsheet, and the one XLSX writer.

Every cell (headers included) passes through :func:`companion.core.safety.neutralise_cell`, so
no user text is ever read as a formula; characters a workbook cannot hold are removed. Sheet
names follow Excel's rules (:func:`sheet_name`). openpyxl loads only when a workbook is written.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeAlias

import pandas as pd

from companion.core.html import missing
from companion.core.model import Record
from companion.core.safety import neutralise_cell
from companion.texts import common as tc

CSV_SEPARATOR = ";"  # what a French spreadsheet expects
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_MAX = 31
SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_RESERVED = {"history"}  # Excel keeps « History » for itself
ILLEGAL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")  # as openpyxl


@dataclass(frozen=True)
class Heading:
    """A line of a sheet written in bold (a title)."""

    text: str


Part: TypeAlias = Heading | str | Sequence[Any] | pd.DataFrame | tuple[str, pd.DataFrame]
"""What a sheet holds, top to bottom: a bold line, a line of text, a row of cells, a table
(header row then rows), or a captioned table (blank row, bold caption, table)."""


def records_frame(records: Sequence[Record]) -> pd.DataFrame:
    """Return one row per record: its fields, then its ``data`` keys prefixed ``data.``."""
    rows = []
    for r in records:
        row: dict[str, Any] = {
            "uid": r.uid, "kind": r.kind, "group": r.group, "author": r.author,
            "participant_id": r.participant_id, "status": r.status, "hidden": r.hidden,
            "merged_into": r.merged_into, "version": r.version, "created_at": r.created_at,
            "updated_at": r.updated_at,
        }
        for key, value in r.data.items():
            row[f"data.{key}"] = (json.dumps(value, ensure_ascii=False)
                                  if isinstance(value, list | dict) else value)
        rows.append(row)
    return pd.DataFrame(rows)


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` (headers included) safe to open in a spreadsheet."""
    safe = frame.copy()
    safe.columns = [neutralise_cell(str(c)) for c in safe.columns]
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):  # object or pandas string dtype
            safe[column] = safe[column].astype(object).map(neutralise_cell)
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return ``frame`` as CSV for a French spreadsheet (``;``, UTF-8 with BOM), neutralised."""
    text: str = neutralised(frame).to_csv(index=False, sep=CSV_SEPARATOR)
    return text.encode("utf-8-sig")


def sheet_name(wanted: str, used: set[str]) -> str:
    r"""Return a valid sheet name not in ``used``, and add it to ``used``.

    Names are compared case-insensitively, as Excel does. A name has at most 31 characters,
    none of ``[]:*?/\``, no apostrophe at either end, and is never empty; a repeated name gets
    « (2) », « (3) »…
    """
    base = SHEET_FORBIDDEN.sub("-", str(wanted)).strip().strip("'").strip()[:SHEET_MAX]
    base = base or tc.SHEET_DEFAULT
    title, number = base, 2
    while title.casefold() in used or title.casefold() in SHEET_RESERVED:
        suffix = f" ({number})"
        title, number = base[: SHEET_MAX - len(suffix)].rstrip() + suffix, number + 1
    used.add(title.casefold())
    return title


def cell_value(value: Any) -> Any:
    """Return a spreadsheet-safe value for a workbook cell.

    Missing → empty; numbers, booleans and dates as they are; anything else as neutralised
    text without the characters a workbook cannot hold.
    """
    if missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
    if isinstance(value, bool | int | float | datetime | date):
        return value
    return neutralise_cell(ILLEGAL_CHARACTERS.sub("", str(value)))


def _width(parts: Sequence[Part]) -> int:
    widest = 1
    for part in parts:
        if isinstance(part, tuple) and len(part) == 2 and isinstance(part[1], pd.DataFrame):
            widest = max(widest, len(part[1].columns))
        elif isinstance(part, pd.DataFrame):
            widest = max(widest, len(part.columns))
        elif not isinstance(part, Heading | str):
            widest = max(widest, len(part))
    return widest


SheetContent: TypeAlias = pd.DataFrame | Sequence[Part]


def xlsx_bytes(sheets: Mapping[str, SheetContent] | Sequence[tuple[str, SheetContent]], *,
               empty: str = "", width: float = 18, first_width: float | None = None) -> bytes:
    """Return a workbook with one sheet per entry (name → a frame or a list of :data:`Part`).

    Repeated names are numbered by :func:`sheet_name`; every cell goes through
    :func:`cell_value` and every text cell is typed as text (never a formula). ``empty`` is
    written under the caption of a captioned table that has no row.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    used: set[str] = set()

    for name, content in sheets.items() if isinstance(sheets, Mapping) else sheets:
        parts: Sequence[Part] = [content] if isinstance(content, pd.DataFrame) else content
        ws = book.create_sheet(sheet_name(name, used))
        for column in range(1, _width(parts) + 1):
            ws.column_dimensions[get_column_letter(column)].width = (
                first_width if column == 1 and first_width else width)

        def cell(value: Any, *, strong: bool = False, sheet: Any = ws) -> Any:
            written = WriteOnlyCell(sheet, value=cell_value(value))
            if isinstance(written.value, str):
                written.data_type = "s"
            if strong:
                written.font = bold
            return written

        def table(frame: pd.DataFrame, sheet: Any = ws, cell: Any = cell) -> None:
            sheet.append([cell(str(c), strong=True) for c in frame.columns])
            for values in frame.itertuples(index=False, name=None):
                sheet.append([cell(v) for v in values])

        for part in parts:
            if isinstance(part, Heading):
                ws.append([cell(part.text, strong=True)])
            elif isinstance(part, str):
                ws.append([cell(part)])
            elif isinstance(part, pd.DataFrame):
                table(part)
            elif isinstance(part, tuple) and len(part) == 2 and \
                    isinstance(part[1], pd.DataFrame):
                ws.append([])
                ws.append([cell(part[0], strong=True)])
                if part[1].empty:
                    ws.append([cell(empty)])
                else:
                    table(part[1])
            else:
                ws.append([cell(v) for v in part])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
