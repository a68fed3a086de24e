"""Charts and projector views of the diagnosis and the site visit.

Pure: returns figures, never displays (the participants' HTML views of the same data are in
:mod:`companion.diagnosis.views`). User text reaches plotly labels escaped: plotly renders a
subset of HTML in text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from companion.charts.theme import BASE, FONT, style
from companion.core.colors import palette_color
from companion.core.safety import escape
from companion.diagnosis.afom import QUADRANTS, VALIDATED, AfomItem, by_quadrant
from companion.diagnosis.stakeholders import ENGAGE, INFORM, SATISFY, THRESHOLD, WATCH
from companion.diagnosis.views import MENDELOW_SHADES, QUADRANT_BACKGROUNDS, QUADRANT_COLORS
from companion.texts import diagnosis as td
from companion.texts import visit as tv

# (column, row) of each quadrant in the 2×2: internal on top, external below.
_CELLS = {"atouts": (0, 1), "faiblesses": (1, 1), "opportunites": (0, 0), "menaces": (1, 0)}


def _wrap(text: str, width: int = 46) -> str:
    return "<br>".join(escape(line) for line in textwrap.wrap(text, width) or [""])


def afom_figure(grid: Sequence[AfomItem], *, per_quadrant: int = 8) -> go.Figure:
    """Return the 2×2 AFOM view (large type, for a projector): validated items in bold."""
    fig = go.Figure()
    buckets = by_quadrant(list(grid))
    for quadrant in QUADRANTS:
        col, row = _CELLS[quadrant]
        fig.add_shape(type="rect", x0=col, x1=col + 1, y0=row, y1=row + 1, line_color="white",
                      line_width=4, fillcolor=QUADRANT_BACKGROUNDS[quadrant], layer="below")
        shown = buckets[quadrant][:per_quadrant]
        lines = [(f"<b>• {_wrap(i.text)}</b>" if i.status == VALIDATED else f"• {_wrap(i.text)}")
                 for i in shown]
        if len(buckets[quadrant]) > per_quadrant:
            lines.append(f"(+ {len(buckets[quadrant]) - per_quadrant})")
        title = f"<b>{td.QUADRANT_LABELS[quadrant]}</b> — {td.QUADRANT_HINTS[quadrant]}"
        fig.add_annotation(x=col + 0.03, y=row + 0.97, xanchor="left", yanchor="top",
                           align="left", showarrow=False, text=title,
                           font={"size": 22, "color": QUADRANT_COLORS[quadrant]})
        fig.add_annotation(x=col + 0.03, y=row + 0.85, xanchor="left", yanchor="top",
                           align="left", showarrow=False,
                           text="<br>".join(lines) or td.AFOM_EMPTY_QUADRANT,
                           font={"size": 16, "color": "#1c2833"})
    fig.update_xaxes(visible=False, range=[0, 2], fixedrange=True)
    fig.update_yaxes(visible=False, range=[0, 2], fixedrange=True)
    return style(fig, title=td.CHART_AFOM_TITLE, height=720)


def mendelow_figure(frame: pd.DataFrame, *, threshold: int = THRESHOLD) -> go.Figure:
    """Return the power × interest map with the four Mendelow quadrants named in French."""
    cut = threshold - 0.5
    fig = go.Figure()
    # x is the interest, y the power (see mendelow()): high power and low interest top left
    zones = [(0.5, cut, cut, 5.5, SATISFY), (cut, 5.5, cut, 5.5, ENGAGE),
             (0.5, cut, 0.5, cut, WATCH), (cut, 5.5, 0.5, cut, INFORM)]
    for x0, x1, y0, y1, name in zones:
        fig.add_shape(type="rect", x0=x0, x1=x1, y0=y0, y1=y1, fillcolor=MENDELOW_SHADES[name],
                      line_width=0, layer="below")
        fig.add_annotation(x=(x0 + x1) / 2, y=y1 - 0.15, text=f"<b>{escape(name)}</b>",
                           showarrow=False, font={"size": 18, "color": "#566573"})
    if not frame.empty:
        seen: dict[tuple[int, int], int] = {}
        xs, ys = [], []
        for power, interest in zip(frame["pouvoir"], frame["interet"], strict=True):
            n = seen.get((power, interest), 0)
            seen[(power, interest)] = n + 1
            xs.append(interest + 0.12 * (n % 3) - 0.12)  # spread actors with equal scores
            ys.append(power - 0.15 * (n // 3))
        categories = list(dict.fromkeys(frame["categorie"]))
        for index, category in enumerate(categories):
            mask = [c == category for c in frame["categorie"]]
            names = [escape(n) for n, m in zip(frame["nom"], mask, strict=True) if m]
            hover = [escape(td.HOVER_ACTOR.format(name=n, category=category, attitude=a))
                     for n, a, m in zip(frame["nom"], frame["attitude"], mask, strict=True) if m]
            fig.add_trace(go.Scatter(
                x=[x for x, m in zip(xs, mask, strict=True) if m],
                y=[y for y, m in zip(ys, mask, strict=True) if m],
                mode="markers+text", text=names, textposition="top center", name=escape(category),
                hovertext=hover, hoverinfo="text",
                marker={"size": 16, "color": palette_color(index)}))
    fig.update_xaxes(title_text=td.AXIS_INTEREST, range=[0.5, 5.5], dtick=1, showgrid=False)
    fig.update_yaxes(title_text=td.AXIS_POWER, range=[0.5, 5.5], dtick=1, showgrid=False)
    fig.update_layout(legend={"title": {"text": td.F_CATEGORY}})
    return style(fig, title=td.CHART_ACTORS_TITLE, height=560)


def radar_figure(ratings: pd.DataFrame, dimensions: Sequence[str], *, low: int = 1,
                 high: int = 5) -> go.Figure:
    """Return the radar of the four dimensions: one line per subgroup and their mean."""
    fig = go.Figure()
    theta = [*dimensions, dimensions[0]] if dimensions else []
    groups = list(dict.fromkeys(ratings["sous_groupe"])) if not ratings.empty else []
    for index, group in enumerate(groups):
        notes = ratings[ratings["sous_groupe"] == group].set_index("dimension")["note"]
        values = [float(notes.get(d, float("nan"))) for d in dimensions]
        fig.add_trace(go.Scatterpolar(r=[*values, values[0]], theta=theta, name=escape(group),
                                      line={"color": palette_color(index),
                                            "width": 1.5}, opacity=0.7))
    if groups:
        mean = ratings.groupby("dimension")["note"].mean()
        values = [float(mean.get(d, float("nan"))) for d in dimensions]
        fig.add_trace(go.Scatterpolar(r=[*values, values[0]], theta=theta, name=tv.RADAR_MEAN,
                                      fill="toself", line={"color": BASE, "width": 4}))
    fig.update_layout(polar={"radialaxis": {"range": [0, high], "dtick": 1},
                             "angularaxis": {"tickfont": {"size": 16, "family": FONT}}},
                      showlegend=True)
    fig = style(fig, title=tv.CHART_RADAR_TITLE, height=480)
    fig.update_layout(margin={"l": 90, "r": 90})  # room for the dimensions' names
    return fig
