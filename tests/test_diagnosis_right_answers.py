"""Diagnosis and restitution give right answers (issue « right answers », items 1–8)."""

from __future__ import annotations

import pandas as pd
import pytest

from companion.charts.diagnosis import mendelow_figure
from companion.diagnosis.stakeholders import THRESHOLD, mendelow

# --- item 3: the power × interest chart agrees with mendelow() ---------------------------------

@pytest.mark.parametrize(("power", "interest"), [(1, 1), (1, 5), (5, 1), (5, 5)])
def test_chart_quadrant_labels_agree_with_mendelow(power: int, interest: int) -> None:
    frame = pd.DataFrame({"nom": ["X"], "categorie": ["habitants"], "pouvoir": [power],
                          "interet": [interest], "attitude": ["favorable"]})
    layout = mendelow_figure(frame, threshold=THRESHOLD).to_dict()["layout"]
    inside = []
    for shape in layout["shapes"]:
        if shape["x0"] <= interest <= shape["x1"] and shape["y0"] <= power <= shape["y1"]:
            inside.append(shape)
    assert len(inside) == 1
    zone = inside[0]
    labels = [a["text"] for a in layout["annotations"]
              if zone["x0"] <= a["x"] <= zone["x1"] and zone["y0"] <= a["y"] <= zone["y1"]]
    assert labels == [f"<b>{mendelow(power, interest)}</b>"]
