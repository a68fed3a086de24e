"""The follow-up of a project sheet (J+90): each objective's progress to its target. Pure."""

from __future__ import annotations

import pandas as pd

from companion.indicators.objectives import Target, compare_to_targets
from companion.project.sheet import ProjectSheet
from companion.texts import project as tp


def progress(sheet: ProjectSheet) -> pd.DataFrame:
    """Return one row per objective with an indicator: its comparison to target, its progress.

    Columns: the catalogue comparison of
    :func:`~companion.indicators.objectives.compare_to_targets` (« valeur », « objectif »,
    « écart », « statut »…) plus « objectif_id », « libellé objectif », « dimension »,
    « départ », « échéance » and « avancement » (percentage of the way from baseline to
    target, NaN when undefined).
    """
    rows = []
    for objective in sheet.objectives:
        if not objective.indicator:
            continue
        targets = {objective.indicator: Target(objective.target)} \
            if objective.target is not None else {}
        compared = compare_to_targets({objective.indicator: objective.actual}, targets)
        row = compared.iloc[0].to_dict()
        span = None if objective.target is None or objective.baseline is None \
            else objective.target - objective.baseline
        done = None
        if span and objective.actual is not None and objective.baseline is not None:
            done = 100.0 * (objective.actual - objective.baseline) / span
        rows.append({"objectif_id": objective.id, "libellé objectif": objective.label,
                     "dimension": objective.dimension, **row, "départ": objective.baseline,
                     "avancement": done,
                     "échéance": objective.due.isoformat() if objective.due else ""})
    columns = ["objectif_id", "libellé objectif", "dimension", "indicateur", "libellé",
               "départ", "valeur", "objectif", "écart", "unité", "statut", "avancement",
               "échéance"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.astype({"départ": "float64", "valeur": "float64", "objectif": "float64",
                         "écart": "float64", "avancement": "float64"})


def status_counts(sheet: ProjectSheet) -> pd.DataFrame:
    """Return how many actions have each status (every status listed)."""
    counts = {s: 0 for s in tp.STATUSES}
    for action in sheet.actions:
        counts[action.status] += 1
    return pd.DataFrame({tp.F_STATUS: list(counts), "actions": list(counts.values())})
