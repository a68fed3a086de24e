"""One house style: the plotly template « companion », registered once, used by every chart."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pandas as pd
import plotly.io as pio

from companion.charts import indicators, theme
from companion.core.colors import PALETTE
from companion.indicators.catalogue import indicator

CHARTS = Path(__file__).resolve().parent.parent / "companion" / "charts"


def test_the_template_is_registered_once_with_the_palette() -> None:
    registered = pio.templates[theme.TEMPLATE]
    importlib.reload(theme)  # a second import does not replace it
    assert pio.templates[theme.TEMPLATE] is registered
    assert tuple(registered.layout.colorway) == PALETTE
    assert registered.layout.font.family == theme.FONT


def test_charts_use_the_template() -> None:
    frame = pd.DataFrame({"fonction": ["Élue", "Agent"], "effectif": [2, 1]})
    counted = theme.bar_counts(frame, "fonction", title="t", category_label="c", count_label="n")
    trend = pd.DataFrame({"indicateur": ["chiffre_affaires"] * 2, "année": [2022, 2023],
                          "valeur": [1.0, 2.0]})
    entry = indicator("chiffre_affaires")
    built = indicators.trend_chart(trend, entry, source="s")
    for fig in (counted, built):
        assert fig.layout.template.layout.colorway == pio.templates[theme.TEMPLATE].layout.colorway
        assert fig.layout.template.layout.font.family == theme.FONT


def test_no_chart_module_sets_its_own_font_or_background() -> None:
    """Font family and plot background come from the template only (one house style)."""
    found = []
    for path in sorted(CHARTS.glob("*.py")):
        if path.name == "theme.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.keyword) and node.arg in {"plot_bgcolor", "colorway"}:
                found.append(f"{path.name}:{node.lineno} {node.arg}")
            if isinstance(node, ast.Constant) and node.value in {"plot_bgcolor", "colorway"}:
                found.append(f"{path.name}:{node.lineno} {node.value}")
    assert not found, found
