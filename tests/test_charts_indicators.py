"""Charts of the indicators dashboard, checked on ``fig.to_dict()``."""

from __future__ import annotations

import pandas as pd
import pytest

from companion.charts import indicators as c
from companion.indicators.catalogue import indicator
from companion.indicators.sroi import sroi


def _note(fig_dict: dict) -> str:
    return " ".join(a["text"] for a in fig_dict["layout"]["annotations"])


def test_trend_leaves_a_gap_and_says_unit_millesime_source() -> None:
    trend = pd.DataFrame({"année": [2022, 2023, 2024],
                          "indicateur": ["taux_sorties_dynamiques"] * 3,
                          "valeur": [50.0, float("nan"), 62.0]})
    fig = c.trend_chart(trend, indicator("taux_sorties_dynamiques"), source="mes fichiers")
    data = fig.to_dict()
    trace = data["data"][0]
    assert list(trace["x"]) == ["2022", "2023", "2024"]
    assert list(trace["y"]) == [50.0, None, 62.0]  # undefined: a gap, never 0
    assert trace["text"][1] == "—" and trace["text"][2] == "62\u00a0%"
    note = _note(data)
    assert "Unité : %" in note and "2022–2024" in note and "mes fichiers" in note
    assert "Taux de sorties dynamiques" in data["layout"]["title"]["text"]


def test_exits_chart_counts_every_category() -> None:
    fig = c.exits_chart({"durables": 7, "transition": 11, "positives": 6, "autres": 15}, 2024,
                        source="x").to_dict()
    bar = fig["data"][0]
    assert list(bar["y"]) == ["Emploi durable", "Emploi de transition", "Sorties positives",
                              "Autres sorties"]
    assert list(bar["x"]) == [7, 11, 6, 15]
    assert "2024" in fig["layout"]["title"]["text"] and "personnes" in _note(fig)


def test_sales_and_income_charts_show_euros_and_shares() -> None:
    sales = pd.DataFrame({"type de client": ["collectivité", "bailleur", "autre"],
                          "montant": [25.0, 75.0, 0.0], "part": [25.0, 75.0, 0.0]})
    fig = c.sales_chart(sales, 2024, source="x").to_dict()
    assert list(fig["data"][0]["y"]) == [25.0, 75.0, 0.0]
    assert fig["data"][0]["text"][1] == "75 € (75 %)"
    assert "€" in fig["layout"]["yaxis"]["title"]["text"] and "exercice 2024" in _note(fig)
    income = pd.DataFrame({"nature": ["ventes", "subvention"], "montant": [60.0, 40.0],
                           "part": [60.0, 40.0]})
    stacked = c.income_chart(income, 2024, source="x").to_dict()
    assert stacked["layout"]["barmode"] == "stack"
    assert [t["name"] for t in stacked["data"]] == ["Ventes (chiffre d'affaires)", "Subventions"]


def test_radar_names_a_dimension_without_score() -> None:
    scores = pd.DataFrame({"dimension": ["sociale", "participative", "développement économique",
                                         "inclusion"],
                           "score": [80.0, 100.0, 55.5, float("nan")], "indicateurs": [2, 2, 2, 0]})
    fig = c.radar_chart(scores, 2024, source="x").to_dict()
    trace = fig["data"][0]
    assert list(trace["r"]) == [80.0, 100.0, 55.5, None, 80.0]  # closed loop, gap for none
    assert trace["theta"][3] == "inclusion (non calculable)"
    assert fig["layout"]["polar"]["radialaxis"]["range"] == [0, 100]


def test_sensitivity_chart_draws_both_variations_and_the_base() -> None:
    outcomes = pd.DataFrame({"outcome": ["emploi"], "quantity": [10], "proxy": [1000],
                             "duration": [2], "deadweight": [0.2], "displacement": [0.0],
                             "attribution": [0.0], "drop_off": [0.5]})
    result = sroi(outcomes, 10_000)
    fig = c.sensitivity_chart(result.sensitivity).to_dict()
    assert [t["name"] for t in fig["data"]] == ["hypothèse −50 %", "hypothèse +50 %"]
    assert all(len(t["y"]) == 5 for t in fig["data"])
    # base ratio by hand: (8000/1.035 + 4000/1.035²) / 10000
    expected = (8000 / 1.035 + 4000 / 1.035**2) / 10_000
    assert fig["layout"]["shapes"][0]["x0"] == pytest.approx(expected)
    assert "Social Value International" in _note(fig)
