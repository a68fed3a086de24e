"""Charts of the indicators dashboard: pure DataFrame → plotly Figure, French labels.

Every figure carries a bottom line « Unité … — millésime … — source … » (:func:`source_line`).
Undefined values stay None: plotly leaves a gap, never draws a 0. Figures are built in one
call with the whole layout (the house style of :mod:`companion.charts.theme`): much faster
than successive ``update_layout`` calls, which matters for the dashboard's refresh.
"""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from companion.charts.theme import ACCENT, BASE, MUTED, TEMPLATE
from companion.core.colors import palette_color
from companion.core.numbers import format_number
from companion.indicators.catalogue import Indicator
from companion.texts import indicators as ti

GREY = "#566573"


def layout(*, title: str, height: int, unit: str, millesime: str, source: str,
           y: float = -0.22, bottom: int = 80, **extra: object) -> dict[str, object]:
    """Return the house layout with the line « Unité … — millésime … — source … » below."""
    note = {"text": ti.SOURCE_LINE.format(unit=unit, millesime=millesime, source=source),
            "xref": "paper", "yref": "paper", "x": 0, "y": y, "xanchor": "left",
            "yanchor": "top", "showarrow": False, "font": {"size": 11, "color": GREY}}
    return {"template": TEMPLATE, "title": {"text": title},
            "margin": {"l": 10, "r": 10, "t": 50, "b": bottom}, "height": height,
            "annotations": [note], **extra}


def _clean(values: pd.Series) -> list[float | None]:
    return [None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)
            for v in values]


def trend_chart(trend: pd.DataFrame, entry: Indicator, *, source: str) -> go.Figure:
    """Return one indicator's values year by year (« année », « indicateur », « valeur »)."""
    rows = trend[trend["indicateur"] == entry.id].sort_values("année")
    values = _clean(rows["valeur"])
    years = [str(y) for y in rows["année"]]
    span = f"{years[0]}–{years[-1]}" if years else entry.millesime
    return go.Figure(
        data=[go.Scatter(x=years, y=values, mode="lines+markers+text",
                         text=[entry.format(v) for v in values], textposition="top center",
                         line={"color": BASE}, connectgaps=False,
                         hovertemplate="%{x} : %{text}<extra></extra>")],
        layout=layout(title=ti.CHART_TREND.format(label=entry.label), height=340,
                      unit=entry.unit, millesime=span, source=source,
                      xaxis={"title": {"text": ti.AXIS_YEAR}, "type": "category"},
                      yaxis={"title": {"text": f"{entry.label} ({entry.unit})"},
                             "rangemode": "tozero"}))


def exits_chart(exits: dict[str, int], year: int, *, source: str) -> go.Figure:
    """Return the exits of a year by category (durable, transition, positive, other)."""
    labels = list(ti.EXIT_CATEGORIES.values())
    counts = [int(exits.get(k, 0)) for k in ti.EXIT_CATEGORIES]
    return go.Figure(
        data=[go.Bar(x=counts, y=labels, orientation="h",
                     marker_color=[palette_color(i) for i in range(len(counts))],
                     text=counts, textposition="auto",
                     hovertemplate="%{y} : %{x}<extra></extra>")],
        layout=layout(title=ti.CHART_EXITS.format(year=year), height=320, unit="personnes",
                      millesime=str(year), source=source,
                      xaxis={"title": {"text": ti.AXIS_EXITS}, "rangemode": "tozero"},
                      yaxis={"title": {"text": ti.AXIS_CATEGORY}, "autorange": "reversed",
                             "automargin": True}))


def sales_chart(sales: pd.DataFrame, year: int, *, source: str) -> go.Figure:
    """Return the sales of a year by client type (« type de client », « montant », « part »)."""
    text = [f"{format_number(m)} € ({ti.UNDEFINED if pd.isna(p) else format_number(p)} %)"
            for m, p in zip(sales["montant"], sales["part"], strict=True)]
    return go.Figure(
        data=[go.Bar(x=sales["type de client"].tolist(), y=_clean(sales["montant"]),
                     marker_color=BASE, text=text, textposition="auto",
                     hovertemplate="%{x} : %{text}<extra></extra>")],
        layout=layout(title=ti.CHART_SALES.format(year=year), height=340, unit="€",
                      millesime=f"exercice {year}", source=source,
                      xaxis={"title": {"text": ti.AXIS_CLIENT}},
                      yaxis={"title": {"text": ti.AXIS_EUROS}, "rangemode": "tozero",
                             "separatethousands": True}))


def income_chart(income: pd.DataFrame, year: int, *, source: str) -> go.Figure:
    """Return the year's income by nature as one stacked bar (sales, aids, subsidies, other)."""
    traces = []
    for index, row in enumerate(income.itertuples(index=False)):
        share = ti.UNDEFINED if pd.isna(row.part) else f"{format_number(row.part)} %"
        label = ti.INCOME_PARTS.get(str(row.nature), str(row.nature))
        traces.append(go.Bar(
            x=[float(row.montant)], y=[str(year)], orientation="h", name=label,
            marker_color=palette_color(index - 1) if index else ACCENT,
            text=[share], textposition="inside",
            hovertemplate=f"{label} : {format_number(row.montant)} € ({share})<extra></extra>"))
    return go.Figure(
        data=traces,
        layout=layout(title=ti.CHART_INCOME.format(year=year), height=300, unit="€",
                      millesime=f"exercice {year}", source=source, y=-0.75, bottom=110,
                      barmode="stack", legend={"orientation": "h", "y": -0.35},
                      xaxis={"title": {"text": ti.AXIS_EUROS}, "separatethousands": True},
                      yaxis={"title": {"text": ti.AXIS_INCOME}}))


def radar_chart(scores: pd.DataFrame, year: int, *, source: str) -> go.Figure:
    """Return the four dimensions' scores (0–100); a dimension without score is named so."""
    theta, r = [], []
    for row in scores.itertuples(index=False):
        missing = row.score is None or math.isnan(row.score)
        theta.append(ti.RADAR_UNDEFINED.format(dimension=row.dimension) if missing
                     else str(row.dimension))
        r.append(None if missing else round(float(row.score), 1))
    return go.Figure(
        data=[go.Scatterpolar(r=[*r, r[0]], theta=[*theta, theta[0]], fill="toself",
                              line={"color": BASE}, connectgaps=False,
                              hovertemplate="%{theta} : %{r}<extra></extra>")],
        layout=layout(title=ti.CHART_RADAR.format(year=year), height=420,
                      unit=ti.UNIT_SCORE, millesime=str(year),
                      source=f"{source}<br>{ti.RADAR_NOTE}", y=-0.1, bottom=90,
                      showlegend=False,
                      polar={"radialaxis": {"range": [0, 100], "dtick": 25}},
                      ) | {"margin": {"l": 90, "r": 90, "t": 50, "b": 90}})  # labels not clipped


def sensitivity_chart(sensitivity: pd.DataFrame) -> go.Figure:
    """Return the SROI ratio under each varied assumption (the sroi ``sensitivity`` table)."""
    base = sensitivity[sensitivity["variation"] == "—"]
    varied = sensitivity[sensitivity["variation"] != "—"]
    traces = []
    for variation, color in (("−50 %", MUTED), ("+50 %", BASE)):
        rows = varied[varied["variation"] == variation]
        traces.append(go.Bar(
            x=rows["ratio SROI"].round(2).tolist(), y=rows["hypothèse"].tolist(),
            orientation="h", name=ti.SENSITIVITY_SERIES.format(variation=variation),
            marker_color=color,
            text=[format_number(v, 2) for v in rows["ratio SROI"]], textposition="auto",
            hovertemplate="%{y} " + variation + " : ratio %{text}<extra></extra>"))
    figure_layout = layout(
        title=ti.CHART_SENSITIVITY, height=420, unit="ratio (€ de valeur par € investi)",
        millesime=ti.SENSITIVITY_MILLESIME, source=ti.SROI_SOURCE, y=-0.42, bottom=140,
        barmode="group", legend={"orientation": "h", "y": -0.3},
        xaxis={"title": {"text": ti.AXIS_RATIO}, "rangemode": "tozero"},
        yaxis={"title": {"text": ti.AXIS_ASSUMPTION}, "automargin": True})
    if not base.empty:
        value = float(base["ratio SROI"].iloc[0])
        figure_layout["shapes"] = [{"type": "line", "xref": "x", "yref": "paper", "x0": value,
                                    "x1": value, "y0": 0, "y1": 1,
                                    "line": {"color": ACCENT, "dash": "dash"}}]
        notes = list(figure_layout["annotations"])  # type: ignore[call-overload]
        notes.append({"text": ti.SENSITIVITY_BASE.format(value=format_number(value, 2)),
                      "xref": "x", "yref": "paper", "x": value, "y": 1, "yanchor": "bottom",
                      "showarrow": False, "font": {"color": ACCENT}})
        figure_layout["annotations"] = notes
    return go.Figure(data=traces, layout=figure_layout)
