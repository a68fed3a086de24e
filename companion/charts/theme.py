"""Shared chart helpers and the house style."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"  # local fonts only
ACCENT = "#c0392b"
BASE = "#1b4f72"
MUTED = "#aab7c4"


def style(fig: go.Figure, *, title: str, height: int | None = None) -> go.Figure:
    """Apply the house layout (title, local font, margins) and return the figure."""
    fig.update_layout(
        title={"text": title, "x": 0.01},
        font={"family": FONT, "size": 14},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        plot_bgcolor="white",
        height=height,
    )
    return fig


def bar_counts(
    frame: pd.DataFrame,
    category: str,
    *,
    count: str = "effectif",
    title: str,
    category_label: str,
    count_label: str,
) -> go.Figure:
    """Return a horizontal bar chart of ``count`` per ``category``, largest on top."""
    ordered = frame.sort_values(count, ascending=True)
    fig = go.Figure(
        go.Bar(
            x=ordered[count].tolist(),
            y=ordered[category].astype(str).tolist(),
            orientation="h",
            marker_color=BASE,
            text=ordered[count].tolist(),
            textposition="auto",
            hovertemplate="%{y} : %{x}<extra></extra>",
        )
    )
    fig.update_xaxes(title_text=count_label, dtick=1, rangemode="tozero")
    fig.update_yaxes(title_text=category_label, automargin=True)
    return style(fig, title=title, height=max(220, 60 + 32 * len(ordered)))
