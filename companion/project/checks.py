"""Consistency checks of a project sheet, in French. Pure.

Each problem says what is missing: a préconisation with no action, an action with no lead, an
objective with no indicator or no target, an actor « à associer étroitement » absent from every
action, a difficulty kept with no lever.
"""

from __future__ import annotations

from dataclasses import dataclass

from companion.project.sheet import ProjectSheet
from companion.texts import project as tp


@dataclass(frozen=True)
class Problem:
    """One inconsistency: its kind, the item's id and the French message."""

    kind: str
    item: str
    message: str


def check_sheet(sheet: ProjectSheet) -> list[Problem]:
    """Return the sheet's inconsistencies (an empty list when all is consistent)."""
    problems: list[Problem] = []
    implemented = {a.lever for a in sheet.actions if a.lever}
    answered = {d for lv in sheet.levers for d in lv.difficulties}
    involved = {a.lead for a in sheet.actions} | {p for a in sheet.actions for p in a.partners}
    for difficulty in sheet.difficulties:
        if difficulty.id not in answered:
            problems.append(Problem("difficulte_sans_levier", difficulty.id,
                                    tp.CHECK_DIFFICULTY_NO_LEVER.format(
                                        difficulty=difficulty.text)))
    for lever in sheet.levers:
        if lever.id not in implemented:
            problems.append(Problem("preconisation_sans_action", lever.id,
                                    tp.CHECK_LEVER_NO_ACTION.format(lever=lever.text)))
    for action in sheet.actions:
        if not action.lead:
            problems.append(Problem("action_sans_pilote", action.id,
                                    tp.CHECK_ACTION_NO_LEAD.format(action=action.title)))
    for objective in sheet.objectives:
        if not objective.indicator:
            problems.append(Problem("objectif_sans_indicateur", objective.id,
                                    tp.CHECK_OBJECTIVE_NO_INDICATOR.format(
                                        objective=objective.label)))
        if objective.target is None:
            problems.append(Problem("objectif_sans_cible", objective.id,
                                    tp.CHECK_OBJECTIVE_NO_TARGET.format(
                                        objective=objective.label)))
    for actor in sheet.engaged():
        if actor.id not in involved:
            problems.append(Problem("acteur_a_associer_absent", actor.id,
                                    tp.CHECK_ENGAGE_ABSENT.format(actor=actor.name)))
    return problems
