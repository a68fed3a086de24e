"""The programme timeline of the course home."""

from __future__ import annotations

from datetime import time

import plotly.graph_objects as go

from companion.charts.theme import ACCENT, BASE, MUTED, style
from companion.content.course import Programme, Sequence
from companion.texts import home as th


def _hours(value: time) -> float:
    return value.hour + value.minute / 60


def _label(seq: Sequence) -> str:
    return f"J{seq.day} {seq.start:%H:%M}–{seq.end:%H:%M}"


def programme_timeline(programme: Programme, highlight: Sequence | None = None) -> go.Figure:
    """Return the two days as a timeline (one bar per sequence, hours on x), ``highlight`` red.

    Sequences are listed top to bottom in programme order; lunch breaks are greyed.
    """
    seqs = list(programme.sequences)
    colors = [
        ACCENT if seq == highlight else MUTED if seq.kind == "pause" else BASE for seq in seqs
    ]
    rows = [f"{_label(s)}  {s.title[:60]}{'…' if len(s.title) > 60 else ''}" for s in seqs]
    fig = go.Figure(
        go.Bar(
            base=[_hours(s.start) for s in seqs],
            x=[_hours(s.end) - _hours(s.start) for s in seqs],
            y=rows,
            orientation="h",
            marker_color=colors,
            customdata=[[s.title, s.label] for s in seqs],
            hovertemplate="%{customdata[1]}<br>%{customdata[0]}<extra></extra>",
        )
    )
    ticks = list(range(9, 18))
    fig.update_xaxes(
        range=[8.8, 17.2],
        tickvals=ticks,
        ticktext=[f"{h}h" for h in ticks],
        showgrid=True,
        gridcolor="#eef2f5",
    )
    fig.update_yaxes(autorange="reversed", automargin=True)
    title = th.CHART_TIMELINE_TITLE
    if highlight is not None:
        title += th.CHART_HIGHLIGHT_SUFFIX.format(highlight=th.CHART_HIGHLIGHT)
    return style(fig, title=title, height=80 + 30 * len(seqs))
