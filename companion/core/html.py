"""Small HTML fragments built from user text, always escaped. Pure: returns strings."""

from __future__ import annotations

import base64
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from companion.core.colors import ACCENT, BASE, ERROR, MUTED, SUCCESS, palette_color
from companion.core.safety import escape
from companion.texts import common as tc
from companion.texts import home as th

if TYPE_CHECKING:  # pandas loads only when a table is drawn (participant pages stay light)
    import pandas as pd

CLOUD_MIN_EM, CLOUD_MAX_EM = 0.9, 2.6


def word_cloud_html(frequencies: Sequence[tuple[str, int]], *, css_class: str = "cp-cloud") -> str:
    """Return a word cloud as inline-sized spans (no script, no external resource)."""
    if not frequencies:
        return ""
    top = max(count for _, count in frequencies)
    low = min(count for _, count in frequencies)
    spread = max(top - low, 1)
    spans = []
    for index, (word, count) in enumerate(sorted(frequencies, key=lambda wc: wc[0].casefold())):
        size = CLOUD_MIN_EM + (CLOUD_MAX_EM - CLOUD_MIN_EM) * (count - low) / spread
        color = palette_color(index)
        spans.append(
            f'<span class="cp-cloud-word" title="{count}" '
            f'style="font-size:{size:.2f}em;color:{color};margin:0 .35em;'
            f'display:inline-block">{escape(word)}</span>'
        )
    return f'<div class="{css_class}" style="line-height:1.6">{"".join(spans)}</div>'


def bullet_list(items: Iterable[str], *, css_class: str = "") -> str:
    """Return an HTML list of escaped items."""
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f'<ul class="{escape(css_class)}">{rows}</ul>'


def message(text: str, level: str = "info") -> str:
    """Return an escaped, coloured one-line message (info, succes, erreur)."""
    colors = {"info": BASE, "succes": SUCCESS, "erreur": ERROR}
    color = colors.get(level, colors["info"])
    css = f"cp-message cp-message-{escape(level)}"
    return f'<div class="{css}" style="color:{color}">{escape(text)}</div>'


BLOCK_EM = 0.88  # text of a timeline block: about 13 px, readable on a phone


def programme_timeline_html(
    sequences: Sequence[Any], highlight: Any = None, *, first_hour: int = 9, last_hour: int = 17
) -> str:
    """Return the programme as a light timeline chart (one row per day, hours across).

    Pure HTML and CSS, so the landing page that every trainee opens on a phone needs no
    charting library. Overlapping sequences go on separate lanes; ``highlight`` is drawn red,
    breaks grey. Sequence titles come from the content files and are escaped anyway.
    """
    span = (last_hour - first_hour) * 60

    def offset(moment: Any) -> float:
        return float(100 * ((moment.hour - first_hour) * 60 + moment.minute) / span)

    hours = last_hour - first_hour
    ticks = "".join(
        f'<span style="position:absolute;left:{100 * (h - first_hour) / hours:.2f}%;'
        f'top:0;font-size:.9em;color:#566573">{h}h</span>'
        for h in range(first_hour, last_hour + 1)
    )
    rows = []
    for day in sorted({s.day for s in sequences}):
        lanes: list[list[Any]] = []
        for seq in (s for s in sequences if s.day == day):
            for lane in lanes:
                if lane[-1].end <= seq.start:
                    lane.append(seq)
                    break
            else:
                lanes.append([seq])
        blocks = []
        for number, lane in enumerate(lanes):
            for seq in lane:
                color = (
                    ACCENT
                    if seq == highlight
                    else MUTED
                    if seq.kind == "pause"
                    else BASE
                )
                ink = "#1d1d1b" if color == MUTED else "white"  # contrast ≥ 4.5 (axe-core)
                left, width = offset(seq.start), offset(seq.end) - offset(seq.start)
                css = (
                    "cp-timeline-block cp-timeline-now" if seq == highlight else "cp-timeline-block"
                )
                blocks.append(
                    f'<div class="{css}" title="{escape(seq.label)} — {escape(seq.title)}" '
                    f'style="position:absolute;left:{left:.2f}%;width:{width:.2f}%;'
                    f"top:{number * 2.8}em;height:2.6em;background:{color};color:{ink};"
                    f"border-radius:4px;overflow:hidden;font-size:{BLOCK_EM}em;"
                    f"line-height:1.15;"
                    f'padding:2px 4px;box-sizing:border-box">{escape(seq.title)}</div>'
                )
        height = 2.8 * len(lanes) * BLOCK_EM + 0.4
        rows.append(
            f'<div style="display:flex;align-items:flex-start;margin:.3em 0">'
            f'<strong style="width:4.5em;flex:none">'
            f"{escape(th.DAY.format(day=day))}</strong>"
            f'<div style="position:relative;flex:1;height:{height:.2f}em">{"".join(blocks)}</div>'
            f"</div>"
        )
    scale = (
        f'<div style="display:flex"><span style="width:4.5em;flex:none"></span>'
        f'<div style="position:relative;flex:1;height:1.2em">{ticks}</div></div>'
    )
    return (
        f'<div class="cp-timeline" role="img" aria-label="{escape(tc.TIMELINE_LABEL)}">'
        f'{scale}{"".join(rows)}</div>'
    )


def missing(value: Any) -> bool:
    """Return True for None, NaN, NaT and pd.NA (the missing values of any pandas dtype)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    pandas = sys.modules.get("pandas")  # pd.NA and pd.NaT exist only once pandas is loaded
    return pandas is not None and (value is pandas.NA or value is pandas.NaT)


def cell_text(value: Any) -> str:
    """Return a table cell as French text: « 4,25 », « oui », « — » for a missing value."""
    if missing(value):
        return tc.CELL_MISSING
    if isinstance(value, bool):
        return tc.YES if value else tc.NO
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}"
    return str(value)


def table_html(frame: pd.DataFrame, labels: Mapping[str, str] | None = None, *,
               caption: str = "", css_class: str = "cp-table", empty: str = "",
               inline_style: bool = True) -> str:
    """Return ``frame`` as an escaped HTML table.

    Columns are renamed by ``labels``, cells in French (:func:`cell_text`), numbers in cells of
    class ``n``. An empty frame gives the ``empty`` message (inside the captioned table when
    there is a ``caption``). Without ``inline_style`` the page's style sheet styles the table
    (the report: a lighter file).
    """
    rows = [] if frame.empty else list(frame.itertuples(index=False, name=None))
    return rows_html(list(frame.columns), rows, labels, caption=caption, css_class=css_class,
                     empty=empty, inline_style=inline_style)


def rows_html(columns: Sequence[Any], rows: Iterable[Sequence[Any]],
              labels: Mapping[str, str] | None = None, *, caption: str = "",
              css_class: str = "cp-table", empty: str = "", inline_style: bool = True) -> str:
    """Return plain rows (one value per column) as the escaped table of :func:`table_html`.

    The same table without pandas: participant pages build theirs from lists and dicts.
    """
    title = f"<caption>{escape(caption)}</caption>" if caption else ""
    rows = list(rows)
    if not rows or not columns:
        if caption:
            return (f'<table class="{escape(css_class)}">{title}<tr><td>{escape(empty)}'
                    f"</td></tr></table>")
        return f'<p class="{escape(css_class)}"><em>{escape(empty)}</em></p>'
    labels = labels or {}
    th = '<th style="text-align:left;padding:.2em .5em">' if inline_style else "<th>"
    head = "".join(f"{th}{escape(labels.get(c, c))}</th>" for c in columns)
    lines = []
    cell = ' style="padding:.2em .5em;vertical-align:top">' if inline_style else ">"
    for values in rows:
        cells = "".join(
            f"<td class='n'{cell}{escape(cell_text(v))}</td>"
            if isinstance(v, int | float) and not isinstance(v, bool)
            else f"<td{cell}{escape(cell_text(v))}</td>" for v in values)
        lines.append(f"<tr>{cells}</tr>")
    table = ' style="border-collapse:collapse"' if inline_style else ""
    return (f'<table class="{escape(css_class)}"{table}>{title}'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>")


def data_uri(payload: bytes, mime: str) -> str:
    """Return ``payload`` as a ``data:`` URI (for a download link in a page)."""
    return f"data:{mime};base64,{base64.b64encode(payload).decode('ascii')}"


def download_link(payload: bytes, filename: str, mime: str, label: str,
                  css_class: str = "cp-download") -> str:
    """Return an HTML download link (escaped file name and label, our own base64 data)."""
    return (f'<a class="{escape(css_class)}" download="{escape(filename)}" '
            f'href="{data_uri(payload, mime)}">{escape(label)}</a>')


def plotly_html(figure_json: dict[str, Any], script_url: str, element_id: str) -> str:
    """Return HTML that draws a plotly figure with plotly.js loaded from ``script_url``.

    plotly.js is loaded on first use (pages without the plotly JupyterLab extension).

    The figure's JSON goes into a script: ``<``, ``>`` and ``&`` are escaped as JSON unicode
    escapes so that no user text (labels, titles) can close the script element.
    """
    import json

    def js(value: object) -> str:
        text = json.dumps(value, ensure_ascii=True)
        return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

    return (
        f'<div id="{escape(element_id)}" class="cp-plotly-html"></div>\n'
        "<script>(function () {\n"
        f"  var fig = {js(figure_json)}, url = {js(script_url)}, id = {js(element_id)};\n"
        "  var w = window;\n"
        "  w.cpPlotly = w.cpPlotly || new Promise(function (ok, ko) {\n"
        "    if (w.Plotly) { ok(w.Plotly); return; }\n"
        "    var s = document.createElement('script'); s.src = url;\n"
        "    s.onload = function () { ok(w.Plotly); }; s.onerror = ko;\n"
        "    document.head.appendChild(s);\n"
        "  });\n"
        "  w.cpPlotly.then(function (P) {\n"
        "    var el = document.getElementById(id);\n"
        "    if (el) { P.newPlot(el, fig.data || [], fig.layout || {}, fig.config || {}); }\n"
        "  });\n"
        "})();</script>"
    )
