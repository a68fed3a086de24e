"""The indicators dashboard and its SROI calculator, driven as a trainee uses them."""

from __future__ import annotations

from typing import Any

from companion.core.safety import escape
from companion.texts import indicators as ti
from companion.widgets.base import FigureView, Notice
from companion.widgets.indicators.dashboard import IndicatorsDashboard
from companion.widgets.indicators.sroi import SroiCalculator
from tests.drivers.widgets import WidgetDriver

# the dashboard's charts, by the CSS class each carries
CHARTS = {"trend": "cp-ind-trend", "exits": "cp-ind-exits", "sales": "cp-ind-sales",
          "income": "cp-ind-income", "radar": "cp-ind-radar"}


class IndicatorsDriver:
    """Choose structure, year and trend; set and remove targets; read cards and charts."""

    def __init__(self, board: IndicatorsDashboard) -> None:
        self.board = board
        self.ui = WidgetDriver(board, "tableau de bord")

    # --- choices ---------------------------------------------------------------------------
    def structure(self) -> str:
        """The structure shown."""
        return str(self.ui.chosen(ti.STRUCTURE))

    def years(self) -> list[Any]:
        """The years offered."""
        return self.ui.option_values(ti.YEAR)

    def year(self) -> Any:
        """The year shown."""
        return self.ui.chosen(ti.YEAR)

    def choose_trend(self, indicator: str) -> None:
        """Show the trend of ``indicator`` (its catalogue id)."""
        self.ui.select_value(ti.TREND_CHOICE, indicator, css="cp-ind-trend-choice")

    # --- targets ---------------------------------------------------------------------------
    def save_target(self, indicator: str, value: str) -> None:
        """Pick ``indicator`` (catalogue id), type its target (as a person writes it: « 60 »,
        « 0,3 ») and save it."""
        self.ui.select_value(ti.TARGET_INDICATOR, indicator, css="cp-target-indicator")
        self.ui.type(ti.TARGET_VALUE, value)
        self.ui.click(ti.TARGET_SAVE)

    def remove_target(self) -> None:
        """Remove the target of the indicator picked."""
        self.ui.click(ti.TARGET_REMOVE)

    def targets_notice(self) -> Notice:
        """The message under the target buttons."""
        return self.ui.notice_after(ti.TARGET_REMOVE)

    def targets_html(self) -> str:
        """Actual values against targets."""
        return self.ui.html_of("cp-target-table")

    # --- what is shown ---------------------------------------------------------------------
    def cards_html(self) -> str:
        """The indicator cards."""
        return self.ui.html_of("cp-ind-cards")

    def missing_html(self) -> str:
        """The line naming the indicators missing for want of a table (empty: none)."""
        start = escape(ti.MISSING_TABLE.split("{", 1)[0])
        found = [t for t in self.ui.widgets() if start in str(getattr(t, "value", ""))]
        assert len(found) <= 1, found
        return str(found[0].value) if found else ""

    def chart(self, name: str) -> FigureView:
        """The chart ``name`` (trend, exits, sales, income, radar), shown or not."""
        return self.ui.by_class(CHARTS[name], FigureView, hidden=True)

    def chart_shown(self, name: str) -> bool:
        """True when the chart ``name`` is on screen."""
        return self.ui.shows(self.chart(name))


class SroiDriver:
    """Read the SROI calculator's result and chart (its rows and fields are public)."""

    def __init__(self, calc: SroiCalculator) -> None:
        self.calc = calc
        self.ui = WidgetDriver(calc, "SROI")

    def result_html(self) -> str:
        """The ratio and its explanation."""
        return self.ui.html_of("cp-sroi-result")

    def chart(self) -> FigureView:
        """The sensitivity chart."""
        return self.ui.by_class("cp-sroi-sensitivity", FigureView)
