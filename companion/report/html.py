"""Writing a :class:`~companion.report.build.SessionReport`: self-contained HTML and XLSX.

The HTML has no script and no external resource: styles are inline, charts are inline SVG, so
the file opens offline and prints to PDF. Every user string is escaped; every table goes through
:func:`companion.brainstorm.exports.neutralised` (and every other cell through
:func:`companion.core.safety.neutralise_cell`) before it reaches the workbook.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from companion.brainstorm.exports import neutralised
from companion.core.safety import escape, neutralise_cell
from companion.report.build import Chart, Section, SessionReport
from companion.texts import report as tx

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2em auto;
max-width:1100px;color:#1c2833;line-height:1.45;padding:0 1em}
h1{color:#1b4f72}h2{color:#1b4f72;border-bottom:2px solid #d6eaf8;padding-top:.6em}
table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.92em;width:100%}
th,td{border:1px solid #d5dbdb;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#eaf2f8}td.n{text-align:right;white-space:nowrap}
caption{text-align:left;font-weight:600;padding:.3em 0}
.cp-report-meta{color:#566573}.cp-report-chart{margin:.6em 0}
@media print{h2{page-break-before:auto}section{page-break-inside:avoid}}
"""
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def missing(value: Any) -> bool:
    """Return True for None, NaN, NaT and pd.NA (the missing values of any pandas dtype)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    return value is pd.NA or value is pd.NaT


def fmt(value: Any) -> str:
    """Return a cell as French text: « 4,25 », « — » for missing values."""
    if missing(value):
        return tx.UNDEFINED
    if isinstance(value, bool):
        return tx.YES if value else tx.NO
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    return str(value)


def table_html(caption: str, frame: pd.DataFrame) -> str:
    """Return ``frame`` as an escaped HTML table (« — » for missing values)."""
    if frame.empty:
        return (f"<table><caption>{escape(caption)}</caption><tr><td>{escape(tx.NO_DATA)}"
                f"</td></tr></table>")
    head = "".join(f"<th>{escape(c)}</th>" for c in frame.columns)
    rows = []
    for values in frame.itertuples(index=False, name=None):
        cells = "".join(
            f"<td class='n'>{escape(fmt(v))}</td>" if isinstance(v, int | float) and
            not isinstance(v, bool) else f"<td>{escape(fmt(v))}</td>" for v in values)
        rows.append(f"<tr>{cells}</tr>")
    return (f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def chart_svg(chart: Chart, width: int = 760) -> str:
    """Return ``chart`` as an inline SVG of horizontal bars (no script, no external link)."""
    labels = [lab if len(lab) <= 48 else lab[:47] + "…" for lab in chart.labels]
    series = chart.series
    per_row = 1 if chart.stacked else len(series)
    bar, gap, left, top = 16, 10, 330, 34
    row_h = bar * per_row + gap
    totals = [sum(v or 0 for _, vals, _ in series for v in [vals[i]]) if chart.stacked
              else max((vals[i] or 0) for _, vals, _ in series) for i in range(len(labels))]
    xmax = chart.xmax or max([*totals, 1])
    plot_w = width - left - 60
    height = top + row_h * len(labels) + 30
    parts = [f"<svg role='img' width='{width}' "
             f"height='{height}' viewBox='0 0 {width} {height}' class='cp-report-chart'>",
             f"<title>{escape(chart.title)}</title>",
             f"<text x='0' y='18' font-size='15' font-weight='600'>{escape(chart.title)}</text>"]
    for i, label in enumerate(labels):
        y = top + i * row_h
        parts.append(f"<text x='{left - 8}' y='{y + bar * per_row / 2 + 4}' font-size='12' "
                     f"text-anchor='end'>{escape(label)}</text>")
        offset = 0.0
        for k, (name, values, color) in enumerate(series):
            value = values[i]
            if value is None:
                continue
            w = plot_w * value / xmax if xmax else 0
            x = left + (offset if chart.stacked else 0)
            yy = y if chart.stacked else y + k * bar
            parts.append(f"<rect x='{x:.1f}' y='{yy}' width='{max(w, 0):.1f}' height='{bar - 2}'"
                         f" fill='{escape(color)}'><title>{escape(name)} : {escape(fmt(value))}"
                         f"</title></rect>")
            if not chart.stacked or w > 18:
                tx_x = x + w + 4 if not chart.stacked else x + w / 2
                anchor = "start" if not chart.stacked else "middle"
                parts.append(f"<text x='{tx_x:.1f}' y='{yy + bar - 5}' font-size='11' "
                             f"text-anchor='{anchor}'>{escape(fmt(value))}</text>")
            offset += w
    if len(series) > 1:
        x = left
        for name, _values, color in series:
            parts.append(f"<rect x='{x}' y='{height - 16}' width='10' height='10' "
                         f"fill='{escape(color)}'/><text x='{x + 14}' y='{height - 7}' "
                         f"font-size='11'>{escape(name)}</text>")
            x += 30 + 7 * len(name)
    parts.append("</svg>")
    return "".join(parts)


def _section_html(section: Section) -> str:
    body = [f"<section id='{escape(section.id)}'><h2>{escape(section.title)}</h2>"]
    body += [f"<p>{escape(line)}</p>" for line in section.lines]
    body += [chart_svg(chart) for chart in section.charts]
    body += [table_html(t.caption, t.frame) for t in section.tables]
    body.append("</section>")
    return "".join(body)


def _dates(session: Any) -> str:
    days = [d for d in (session.start, session.end) if isinstance(d, date)]
    return " – ".join(f"{d:%d/%m/%Y}" for d in days)


def render_html(report: SessionReport) -> str:
    """Return the report as one self-contained HTML page."""
    s = report.session
    meta = [tx.GENERATED.format(date=f"{report.generated_at:%d/%m/%Y à %H:%M}"),
            tx.ANONYMISED if report.anonymised else tx.NOT_ANONYMISED, tx.PRINT_HINT]
    if _dates(s):
        meta.insert(0, tx.DATES.format(dates=_dates(s)))
    if s.place:
        meta.insert(0, tx.PLACE.format(place=s.place))
    toc = "".join(f"<li><a href='#{escape(sec.id)}'>{escape(sec.title)}</a></li>"
                  for sec in report.sections)
    return (
        "<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'>"
        f"<title>{escape(tx.TITLE)} {escape(s.code)}</title>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<style>{CSS}</style></head><body class='cp-report'>"
        f"<h1>{escape(tx.TITLE)}</h1>"
        f"<p><strong>{escape(tx.SUBTITLE.format(title=s.title, code=s.code))}</strong></p>"
        + "".join(f"<p class='cp-report-meta'>{escape(m)}</p>" for m in meta)
        + f"<nav><h2>{escape(tx.CONTENTS)}</h2><ol>{toc}</ol></nav>"
        + "".join(_section_html(sec) for sec in report.sections)
        + "</body></html>"
    )


# --- XLSX ------------------------------------------------------------------------------------
def sheet_title(wanted: str, used: set[str]) -> str:
    """Return a valid, unique sheet title (31 characters, no []:*?/\\)."""
    base = _SHEET_FORBIDDEN.sub("-", wanted).strip("'")[:31] or "Feuille"
    title, number = base, 2
    while title.casefold() in used:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    used.add(title.casefold())
    return title


def cell_value(value: Any) -> Any:
    """Return a spreadsheet-safe value (missing → empty, text neutralised, characters a
    workbook cannot hold removed)."""
    if missing(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        value = value.item()
    if isinstance(value, bool):
        return tx.YES if value else tx.NO
    if isinstance(value, int | float | datetime | date):
        return value
    return neutralise_cell(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def write_workbook(report: SessionReport, path: Path) -> None:
    """Write one sheet per section; every cell spreadsheet-safe (tables through
    :func:`companion.brainstorm.exports.neutralised`, headers included)."""
    book = Workbook(write_only=True)
    used: set[str] = set()
    bold = Font(bold=True)

    def strong(ws: Any, text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=cell_value(text))
        cell.font = bold
        return cell

    for section in report.sections:
        ws = book.create_sheet(sheet_title(section.sheet, used))
        for column in "ABCDEFGH":
            ws.column_dimensions[column].width = 45 if column == "A" else 20
        ws.append([strong(ws, section.title)])
        for line in section.lines:
            ws.append([cell_value(line)])
        for table in section.tables:
            ws.append([])
            ws.append([strong(ws, table.caption)])
            if table.frame.empty:
                ws.append([cell_value(tx.NO_DATA)])
                continue
            safe = neutralised(table.frame)
            ws.append([strong(ws, str(c)) for c in safe.columns])
            for values in safe.itertuples(index=False, name=None):
                ws.append([cell_value(v) for v in values])
    book.save(path)
