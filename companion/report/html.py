"""A :class:`~companion.report.model.SessionReport` as one self-contained HTML page.

The HTML has no script and no external resource: styles are inline, charts are inline SVG, so
the file opens offline and prints to PDF. Every user string is escaped (tables through
:func:`companion.core.html.table_html`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from companion.core.colors import BASE
from companion.core.html import cell_text, table_html
from companion.core.safety import escape
from companion.report.model import Chart, Section, SessionReport
from companion.texts import report as tx

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2em auto;
max-width:1100px;color:#1c2833;line-height:1.45;padding:0 1em}
h1{color:BASE}h2{color:BASE;border-bottom:2px solid #d6eaf8;padding-top:.6em}
table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.92em;width:100%}
th,td{border:1px solid #d5dbdb;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#eaf2f8}td.n{text-align:right;white-space:nowrap}
caption{text-align:left;font-weight:600;padding:.3em 0}
.cp-report-meta{color:#566573}.cp-report-chart{margin:.6em 0}
@media print{h2{page-break-before:auto}section{page-break-inside:avoid}}
""".replace("BASE", BASE)


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
                         f" fill='{escape(color)}'><title>{escape(name)} : "
                         f"{escape(cell_text(value))}</title></rect>")
            if not chart.stacked or w > 18:
                tx_x = x + w + 4 if not chart.stacked else x + w / 2
                anchor = "start" if not chart.stacked else "middle"
                parts.append(f"<text x='{tx_x:.1f}' y='{yy + bar - 5}' font-size='11' "
                             f"text-anchor='{anchor}'>{escape(cell_text(value))}</text>")
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
    body += [table_html(t.frame, caption=t.caption, empty=tx.NO_DATA, inline_style=False)
             for t in section.tables]
    body.append("</section>")
    return "".join(body)


def _dates(session: Any) -> str:
    days = [d for d in (session.start, session.end) if isinstance(d, date)]
    return " – ".join(f"{d:%d/%m/%Y}" for d in days)


def render_html(report: SessionReport) -> str:
    """Return the report as one self-contained HTML page."""
    s = report.session
    meta = [tx.GENERATED.format(date=report.generated_at),
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
