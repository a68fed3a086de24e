"""The house style of every chart: one plotly template, registered once, and shared helpers.

The template ``companion`` (in :data:`plotly.io.templates`) is plotly's default look with the
house font (local fonts only), margins, white plot area and the palette of
:mod:`companion.core.colors`; every chart module builds its figures with it.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from companion.core.colors import ACCENT, BASE, MUTED, PALETTE

__all__ = ["ACCENT", "BASE", "FONT", "MUTED", "PALETTE", "TEMPLATE", "bar_counts", "style"]

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"  # local fonts only
TEMPLATE = "companion"


def _register() -> None:
    """Add the house template to :data:`plotly.io.templates` (once per interpreter)."""
    if TEMPLATE in pio.templates:
        return
    template = go.layout.Template(pio.templates["plotly"])
    template.layout.update(
        title={"x": 0.01},
        font={"family": FONT, "size": 14},
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        plot_bgcolor="white",
        colorway=list(PALETTE),
    )
    pio.templates[TEMPLATE] = template


_register()


def style(fig: go.Figure, *, title: str, height: int | None = None) -> go.Figure:
    """Give ``fig`` the house template, its title and height, and return it."""
    fig.update_layout(template=TEMPLATE, title={"text": title}, height=height)
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
