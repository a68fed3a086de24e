"""The diagnosis and site-visit pages (:mod:`companion.widgets.diagnosis`,
:mod:`companion.widgets.visit`): their boards and panels read as they show, and the trainer's
AFOM moderation."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from companion.texts import diagnosis as td
from companion.texts import visit as tv
from companion.widgets.base import FigureView
from tests.drivers.widgets import WidgetDriver


def afom_grid_html(board: w.Widget) -> str:
    """The shared AFOM grid (2×2 view) of an :class:`AfomBoard`."""
    return WidgetDriver(board, "grille AFOM").html_of("cp-afom-view")


def actors_grid_html(board: w.Widget) -> str:
    """The Mendelow grid (power × interest) of an :class:`StakeholderBoard`."""
    return WidgetDriver(board, "acteurs").html_of("cp-actors-grid")


def actors_matrix_html(board: w.Widget) -> str:
    """The actors' matrix of an :class:`ActorBoard`."""
    return WidgetDriver(board, "acteurs").html_of("cp-actors-matrix")


def export_link_html(workbook: w.Widget) -> str:
    """The download link of « mon territoire »."""
    return WidgetDriver(workbook, "classeur").html_of("cp-export-link")


def territory_figures_html(panel: w.Widget) -> str:
    """The key figures of the neighbourhood shown."""
    return WidgetDriver(panel, "territoire").html_of("cp-territory-figures")


class VisitFormDriver:
    """A subgroup's visit grid: which items it observes."""

    def __init__(self, form: w.Widget) -> None:
        self.ui = WidgetDriver(form, "grille de visite")

    def item_ids(self) -> list[Any]:
        """The items offered to observe (their ids)."""
        return self.ui.option_values(tv.OBSERVE_ITEM)

    def item_chosen(self) -> Any:
        """The item chosen."""
        return self.ui.chosen(tv.OBSERVE_ITEM)


class DebriefDriver:
    """The trainer's consolidation of the visit."""

    def __init__(self, debrief: w.Widget) -> None:
        assert debrief is not None, "no debrief: is the gate open?"
        self.ui = WidgetDriver(debrief, "débriefing")

    def observations_html(self) -> str:
        """Every subgroup's observations."""
        return self.ui.html_of("cp-debrief-observations")

    def partners_html(self) -> str:
        """The partners met, and by which subgroups."""
        return self.ui.html_of("cp-debrief-partners")

    def radar(self) -> FigureView:
        """The ratings' radar (the debrief's one chart)."""
        return self.ui.chart()


class AfomModerationDriver:
    """The trainer's AFOM moderation, for what its public methods do not cover."""

    def __init__(self, moderation: w.Widget) -> None:
        self.ui = WidgetDriver(moderation, "modération AFOM")

    def merge_sources(self) -> w.SelectMultiple:
        """The list of items that can be merged into the one chosen."""
        return self.ui.choice(td.MERGE_SOURCES)

    def edit_form(self, *, theme: str, source: str) -> None:
        """Choose a theme and a source kind in the edit form."""
        self.ui.select(td.F_THEME, theme)
        self.ui.select(td.F_SOURCE, source)
