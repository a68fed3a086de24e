"""Small HTML fragments built from user text, always escaped. Pure: returns strings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from companion.core.safety import escape

CLOUD_MIN_EM, CLOUD_MAX_EM = 0.9, 2.6
PALETTE = ("#1b4f72", "#7d3c98", "#117864", "#a04000", "#2e4053", "#b03a2e")


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
        color = PALETTE[index % len(PALETTE)]
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
    colors = {"info": "#1b4f72", "succes": "#1e7e34", "erreur": "#b03a2e"}
    color = colors.get(level, colors["info"])
    css = f"cp-message cp-message-{escape(level)}"
    return f'<div class="{css}" style="color:{color}">{escape(text)}</div>'


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
        return 100 * ((moment.hour - first_hour) * 60 + moment.minute) / span

    hours = last_hour - first_hour
    ticks = "".join(
        f'<span style="position:absolute;left:{100 * (h - first_hour) / hours:.2f}%;'
        f'top:0;font-size:.75em;color:#566573">{h}h</span>'
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
                    "#c0392b"
                    if seq == highlight
                    else "#aab7c4"
                    if seq.kind == "pause"
                    else "#1b4f72"
                )
                left, width = offset(seq.start), offset(seq.end) - offset(seq.start)
                css = (
                    "cp-timeline-block cp-timeline-now" if seq == highlight else "cp-timeline-block"
                )
                blocks.append(
                    f'<div class="{css}" title="{escape(seq.label)} — {escape(seq.title)}" '
                    f'style="position:absolute;left:{left:.2f}%;width:{width:.2f}%;'
                    f"top:{number * 2.8}em;height:2.6em;background:{color};color:white;"
                    f"border-radius:4px;overflow:hidden;font-size:.72em;line-height:1.15;"
                    f'padding:2px 4px;box-sizing:border-box">{escape(seq.title)}</div>'
                )
        height = 2.8 * len(lanes) * 0.72 + 0.4
        rows.append(
            f'<div style="display:flex;align-items:flex-start;margin:.3em 0">'
            f'<strong style="width:4.5em;flex:none">Jour {day}</strong>'
            f'<div style="position:relative;flex:1;height:{height:.2f}em">{"".join(blocks)}</div>'
            f"</div>"
        )
    scale = (
        f'<div style="display:flex"><span style="width:4.5em;flex:none"></span>'
        f'<div style="position:relative;flex:1;height:1.2em">{ticks}</div></div>'
    )
    return (
        f'<div class="cp-timeline" role="img" aria-label="Programme">{scale}{"".join(rows)}</div>'
    )


def plotly_html(figure_json: dict[str, Any], script_url: str, element_id: str) -> str:
    """Return an HTML output that draws a plotly figure with plotly.js loaded from
    ``script_url`` on first use (pages without the plotly JupyterLab extension).

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
