"""A :class:`~companion.report.model.SessionReport` as a workbook: one sheet per section.

Written by :func:`companion.core.spreadsheet.xlsx_bytes`, so every cell (headers included) is
spreadsheet-safe and sheet names follow Excel's rules.
"""

from __future__ import annotations

from pathlib import Path

from companion.core.spreadsheet import Heading, Part, SheetContent, xlsx_bytes
from companion.report.model import SessionReport
from companion.texts import report as tx


def workbook_bytes(report: SessionReport) -> bytes:
    """Return the report's workbook: per section its title, its lines, then its tables."""
    sheets: list[tuple[str, SheetContent]] = []
    for section in report.sections:
        parts: list[Part] = [Heading(section.title), *section.lines]
        parts += [(table.caption, table.frame) for table in section.tables]
        sheets.append((section.sheet, parts))
    return xlsx_bytes(sheets, empty=tx.NO_DATA, width=20, first_width=45)


def write_workbook(report: SessionReport, path: Path) -> None:
    """Write the report's workbook to ``path``."""
    path.write_bytes(workbook_bytes(report))
