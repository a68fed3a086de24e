"""Charts of the training evaluation: satisfaction, distribution, objectives, before/after."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from companion.charts.theme import ACCENT, BASE, MUTED, style
from companion.core.colors import ERROR, SUCCESS, WARNING
from companion.texts import evaluation as tx

LEVEL_COLORS = {tx.COL_REACHED: SUCCESS, tx.COL_PARTIAL: WARNING, tx.COL_NOT: ACCENT}
SCORE_COLORS = (ERROR, "#e67e22", WARNING, "#58a55c", SUCCESS)  # a diverging scale, 1 to 5


def _short(text: str, limit: int = 55) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def satisfaction_means(table: pd.DataFrame) -> go.Figure:
    """Return the mean satisfaction per rated item (0 when unanswered is *not* drawn)."""
    rows = table[table[tx.COL_ANSWERS] > 0]
    fig = go.Figure(go.Bar(
        x=rows[tx.COL_MEAN].tolist(), y=[_short(t) for t in rows[tx.COL_ITEM]],
        orientation="h", marker_color=BASE,
        text=[f"{m:.2f}".replace(".", ",") for m in rows[tx.COL_MEAN]], textposition="auto",
        customdata=rows[tx.COL_ANSWERS].tolist(),
        hovertemplate=tx.HOVER_SATISFACTION,
    ))
    fig.update_xaxes(range=[0, 5], title_text=tx.AXIS_MEAN, dtick=1)
    fig.update_yaxes(autorange="reversed", automargin=True)
    return style(fig, title=tx.CHART_SATISFACTION, height=max(240, 70 + 34 * len(rows)))


def satisfaction_distribution(table: pd.DataFrame) -> go.Figure:
    """Return the distribution of the notes 1 to 5 per rated item, stacked."""
    fig = go.Figure()
    labels = [_short(t) for t in table[tx.COL_ITEM]]
    for score, color in zip(range(1, 6), SCORE_COLORS, strict=True):
        fig.add_trace(go.Bar(x=table[str(score)].tolist(), y=labels, orientation="h",
                             name=tx.NOTE_LABEL.format(score=score), marker_color=color))
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.15})
    fig.update_xaxes(title_text=tx.AXIS_ANSWERS, dtick=1)
    fig.update_yaxes(autorange="reversed", automargin=True)
    return style(fig, title=tx.CHART_DISTRIBUTION, height=max(260, 100 + 34 * len(table)))


def objectives_reached(table: pd.DataFrame) -> go.Figure:
    """Return « atteint / partiellement / non » per objective, stacked."""
    fig = go.Figure()
    labels = [_short(t, 60) for t in table[tx.COL_OBJECTIVE]]
    for column, color in LEVEL_COLORS.items():
        fig.add_trace(go.Bar(x=table[column].tolist(), y=labels, orientation="h", name=column,
                             marker_color=color))
    fig.update_layout(barmode="stack", legend={"orientation": "h", "y": -0.15})
    fig.update_xaxes(title_text=tx.AXIS_ANSWERS, dtick=1)
    fig.update_yaxes(autorange="reversed", automargin=True)
    return style(fig, title=tx.CHART_OBJECTIVES, height=max(280, 100 + 36 * len(table)))


def before_after(table: pd.DataFrame) -> go.Figure:
    """Return the mean self-assessment before and after, per theme."""
    labels = [_short(t) for t in table[tx.COL_THEME]]
    fig = go.Figure([
        go.Bar(x=table[tx.COL_BEFORE].tolist(), y=labels, orientation="h", name=tx.BEFORE,
               marker_color=MUTED),
        go.Bar(x=table[tx.COL_AFTER].tolist(), y=labels, orientation="h", name=tx.AFTER,
               marker_color=BASE),
    ])
    fig.update_layout(barmode="group", legend={"orientation": "h", "y": -0.15})
    fig.update_xaxes(range=[0, 5], title_text=tx.AXIS_MEAN, dtick=1)
    fig.update_yaxes(autorange="reversed", automargin=True)
    return style(fig, title=tx.CHART_PROGRESS, height=max(280, 100 + 44 * len(table)))
