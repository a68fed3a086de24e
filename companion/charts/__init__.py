"""Charts: pure functions from a DataFrame (or content) to a plotly Figure, never displayed here.

One module per sequence; every figure has French titles and axis labels.
"""

from __future__ import annotations

from companion.charts.home import programme_timeline
from companion.charts.theme import bar_counts

__all__ = ["bar_counts", "programme_timeline"]
