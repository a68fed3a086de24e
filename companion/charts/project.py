"""Chart of the project sheet's follow-up: progress of each objective towards its target."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from companion.charts.theme import style
from companion.texts import project as tp


def progress_figure(frame: pd.DataFrame) -> go.Figure:
    """Return horizontal bars of « avancement » per objective, green when reached.

    « Avancement » is the % of the way from baseline to target; ``frame`` is
    :func:`companion.project.followup.progress`.
    """
    rows = frame[frame["avancement"].notna()]
    figure = go.Figure(go.Bar(
        x=list(rows["avancement"]), y=list(rows["libellé objectif"]), orientation="h",
        marker_color=["#1e7e34" if s == "atteint" else "#d4ac0d" for s in rows["statut"]],
        text=[f"{v:.0f} %" for v in rows["avancement"]], textposition="outside",
        customdata=list(rows["statut"]), hovertemplate="%{y} : %{x:.0f} % (%{customdata})"))
    figure.add_vline(x=100, line_dash="dash", line_color="#566573")
    figure.update_layout(xaxis_title=tp.CHART_AXIS, yaxis={"autorange": "reversed"})
    return style(figure, title=tp.CHART_PROGRESS if len(rows) else tp.CHART_NO_DATA)
