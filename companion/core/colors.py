"""The house colours: one palette for plotly charts, SVG report charts and HTML fragments."""

from __future__ import annotations

BASE = "#1b4f72"
"""The main colour (bars, headings)."""
ACCENT = "#c0392b"
"""What stands out (the current sequence, the highlighted value)."""
MUTED = "#aab7c4"
"""What stays in the background (breaks, « before » series)."""
SUCCESS = "#1e7e34"
"""What is done or validated."""
WARNING = "#d4ac0d"
"""What is half done (objectives partly reached)."""
ERROR = "#b03a2e"
"""Errors and threats."""
PALETTE = (BASE, "#7d3c98", "#117864", "#a04000", "#2e4053", ERROR)
"""Categorical colours, in order (plotly ``colorway``, word clouds, series)."""


def palette_color(index: int) -> str:
    """Return the ``index``-th categorical colour (the palette repeats)."""
    return PALETTE[index % len(PALETTE)]
