"""Workbooks for the tests of the XLSX guards: a small ordinary one, and its parts rewritten."""

from __future__ import annotations

import io
import zipfile

import openpyxl


def small_workbook() -> bytes:
    """Return an ordinary two-row workbook (a header and one commune)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["code", "population"])
    sheet.append(["59350", 236234])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def rewrite(data: bytes, change: dict[str, bytes]) -> bytes:
    """Return the workbook ``data`` with the members of ``change`` replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, change.get(item.filename, src.read(item.filename)))
        for name, content in change.items():
            if name not in src.namelist():
                dst.writestr(name, content)
    return out.getvalue()
