"""SROI: present value, ratios, payback and sensitivity, checked against hand arithmetic."""

from __future__ import annotations

import pandas as pd
import pytest

from companion.core.errors import DataError
from companion.indicators.sroi import sroi


def two_year_case() -> pd.DataFrame:
    return pd.DataFrame({
        "outcome": ["retour à l'emploi", "lien social"],
        "quantity": [10, 40],
        "proxy": [5000.0, 300.0],
        "duration": [2, 1],
        "deadweight": [0.2, 0.1],
        "displacement": [0.0, 0.0],
        "attribution": [0.25, 0.5],
        "drop_off": [0.5, 0.0],
    })


def test_present_value_of_a_two_year_case_by_hand() -> None:
    # Emploi, year 1: 10 × 5 000 × (1 − 0,2) × (1 − 0) × (1 − 0,25) = 30 000
    #         year 2: 30 000 × (1 − 0,5) = 15 000
    # Lien social, year 1 only: 40 × 300 × 0,9 × 1 × 0,5 = 5 400
    # PV = (30 000 + 5 400) / 1,035 + 15 000 / 1,035² = 34 202,898… + 14 002,660… = 48 205,559…
    expected = 35400 / 1.035 + 15000 / 1.035**2
    result = sroi(two_year_case(), inputs=20000)
    assert result.present_value == pytest.approx(expected)
    assert result.present_value == pytest.approx(48205.56, abs=0.01)
    assert result.ratio == pytest.approx(expected / 20000)  # 2,41
    assert result.net_ratio == pytest.approx((expected - 20000) / 20000)  # 1,41
    # payback: 20 000 / (35 400 / 12) = 6,78 months
    assert result.payback_months == pytest.approx(20000 / (35400 / 12))


def test_by_year_table() -> None:
    table = sroi(two_year_case(), inputs=20000).by_year
    assert list(table.columns) == ["année", "résultat", "impact", "impact actualisé"]
    assert table["année"].tolist() == [1, 1, 2]
    assert table["impact"].tolist() == pytest.approx([30000, 5400, 15000])
    assert table["impact actualisé"].tolist() == pytest.approx(
        [30000 / 1.035, 5400 / 1.035, 15000 / 1.035**2])


def test_discount_rate_is_a_parameter() -> None:
    result = sroi(two_year_case(), inputs=20000, discount_rate=0.0)
    assert result.present_value == pytest.approx(50400)  # 30 000 + 15 000 + 5 400


def test_published_example_rounding_is_stated() -> None:
    case = pd.DataFrame({"outcome": ["x"], "quantity": [1], "proxy": [4760250.0 * 1.035],
                         "duration": [1], "deadweight": [0], "displacement": [0],
                         "attribution": [0], "drop_off": [0]})
    result = sroi(case, inputs=847166)
    assert result.present_value == pytest.approx(4760250)
    assert round(result.ratio, 2) == 5.62
    text = result.describe()
    assert "Ratio SROI (valeur actualisée / investissement) : 5,62" in text
    assert "SROI net ((valeur actualisée − investissement) / investissement) : 4,62" in text
    assert "arrondis au centième" in text and "6:1" not in text  # no unsourced example
    assert result.labels["ratio"] == "ratio SROI = valeur actualisée / investissement"
    assert result.labels["net_ratio"].startswith("SROI net")


def test_sensitivity_varies_each_assumption_by_half() -> None:
    result = sroi(two_year_case(), inputs=20000)
    table = result.sensitivity
    assert list(table.columns) == ["hypothèse", "variation", "ratio SROI",
                                   "écart au ratio de base"]
    assert len(table) == 1 + 5 * 2
    base = table.iloc[0]
    assert base["ratio SROI"] == pytest.approx(result.ratio)
    proxy_down = table[(table["hypothèse"] == "valeur financière (proxy)")
                       & (table["variation"] == "−50 %")].iloc[0]
    assert proxy_down["ratio SROI"] == pytest.approx(result.ratio / 2)
    # attribution +50 %: 0,25 → 0,375 and 0,5 → 0,75
    expected = (10 * 5000 * 0.8 * 0.625 * (1 / 1.035 + 0.5 / 1.035**2)
                + 40 * 300 * 0.9 * 0.25 / 1.035) / 20000
    attribution_up = table[(table["hypothèse"] == "attribution")
                           & (table["variation"] == "+50 %")].iloc[0]
    assert attribution_up["ratio SROI"] == pytest.approx(expected)


def test_fractions_are_clipped_in_the_sensitivity() -> None:
    case = two_year_case()
    case.loc[0, "deadweight"] = 0.8
    table = sroi(case, inputs=20000).sensitivity
    up = table[(table["hypothèse"].str.startswith("effet d'aubaine"))
               & (table["variation"] == "+50 %")].iloc[0]
    # deadweight 0,8 × 1,5 = 1,2 → clipped to 1: the employment outcome counts for nothing;
    # lien social: deadweight 0,1 × 1,5 = 0,15
    assert up["ratio SROI"] == pytest.approx(40 * 300 * (1 - 0.15) * 0.5 / 1.035 / 20000)


def test_payback_undefined_without_impact() -> None:
    case = two_year_case().assign(quantity=0)
    result = sroi(case, inputs=1000)
    assert result.present_value == 0 and result.payback_months is None
    assert "non défini" in result.describe()


@pytest.mark.parametrize("inputs", [0, -10, float("nan")])
def test_inputs_must_be_positive(inputs: float) -> None:
    with pytest.raises(DataError, match="investissement"):
        sroi(two_year_case(), inputs=inputs)


def test_fraction_out_of_range_names_row_and_column() -> None:
    case = two_year_case()
    case.loc[1, "attribution"] = 50  # typed as a percentage
    with pytest.raises(DataError, match=r"Ligne 3 \(résultat « lien social »\), colonne "
                                        r"« attribution » : 50 n'est pas une fraction"):
        sroi(case, inputs=1000)


def test_missing_value_and_missing_column() -> None:
    case = two_year_case()
    case.loc[0, "proxy"] = None
    with pytest.raises(DataError, match=r"Ligne 2 .*colonne « proxy » : valeur manquante"):
        sroi(case, inputs=1000)
    with pytest.raises(DataError, match="drop_off"):
        sroi(two_year_case().drop(columns="drop_off"), inputs=1000)
    with pytest.raises(DataError, match="durée"):
        sroi(two_year_case().assign(duration=[1.5, 1]), inputs=1000)


def test_french_column_names_are_accepted() -> None:
    french = two_year_case().rename(columns={"outcome": "résultat", "quantity": "quantité",
                                             "duration": "durée", "drop_off": "décroissance"})
    assert sroi(french, inputs=20000).ratio == pytest.approx(
        sroi(two_year_case(), inputs=20000).ratio)
