"""Charts of the brainstorm restitution: ideas and votes by theme or subgroup, lever links."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from companion.charts.theme import ACCENT, BASE, style
from companion.texts import brainstorm as tb


def ideas_and_votes(summary: pd.DataFrame, category: str, *, title: str, category_label: str,
                    show_votes: bool = True) -> go.Figure:
    """Return horizontal bars of ``ideas`` (and ``votes`` when shown) per ``category``.

    ``summary`` has the columns ``category``, ``ideas``, ``votes`` (see
    :func:`companion.brainstorm.summary_by`); categories are listed top to bottom in its order.
    """
    labels = summary[category].astype(str).tolist()
    fig = go.Figure()
    fig.add_trace(go.Bar(name=tb.AXIS_IDEAS, y=labels, x=summary["ideas"].tolist(),
                         orientation="h", marker_color=BASE, text=summary["ideas"].tolist(),
                         textposition="auto", hovertemplate="%{y} : %{x}<extra></extra>"))
    if show_votes:
        fig.add_trace(go.Bar(name=tb.AXIS_VOTES, y=labels, x=summary["votes"].tolist(),
                             orientation="h", marker_color=ACCENT,
                             text=summary["votes"].tolist(), textposition="auto",
                             hovertemplate="%{y} : %{x}<extra></extra>"))
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.15})
    fig.update_xaxes(title_text=tb.AXIS_COUNT, rangemode="tozero")
    fig.update_yaxes(title_text=category_label, autorange="reversed", automargin=True)
    return style(fig, title=title, height=max(260, 90 + 44 * len(labels)))


def links_heatmap(matrix: pd.DataFrame, *, title: str = tb.CHART_LINKS) -> go.Figure:
    """Return a heat map of the levers answering difficulties, theme by theme.

    Rows are difficulty themes, columns lever themes, cells the number of levers of that theme
    answering a difficulty of that theme.
    """
    values = matrix.to_numpy().tolist()
    fig = go.Figure(go.Heatmap(
        z=values, x=[str(c) for c in matrix.columns], y=[str(i) for i in matrix.index],
        colorscale=[[0, "#f4f6f7"], [1, BASE]], zmin=0, text=values, texttemplate="%{text}",
        hovertemplate=(f"{tb.AXIS_DIFFICULTY_THEME} : %{{y}}<br>{tb.AXIS_LEVER_THEME} : "
                       "%{x}<br>%{z}<extra></extra>"),
        showscale=False,
    ))
    fig.update_xaxes(title_text=tb.AXIS_LEVER_THEME, tickangle=-30, automargin=True)
    rows = [str(i) for i in matrix.index]
    # every row label shown (plotly thins out category ticks it finds crowded), long ones wrapped
    fig.update_yaxes(title_text=tb.AXIS_DIFFICULTY_THEME, autorange="reversed",
                     automargin=True, tickmode="array", tickvals=rows,
                     ticktext=[textwrap.fill(r, 30).replace("\n", "<br>") for r in rows])
    fig = style(fig, title=title, height=max(360, 170 + 48 * len(matrix.index)))
    # the title sits in its own band above the plot, clear of the axis
    fig.update_layout(title={"yref": "container", "y": 0.98, "yanchor": "top"},
                      margin={"t": 90})
    return fig
