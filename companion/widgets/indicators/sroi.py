"""The SROI calculator: an editable table of assumptions, the result and its sensitivity chart.

The calculation is :func:`~companion.indicators.sroi.sroi`; this widget only gathers the
assumptions (one
row of stock widgets per outcome, rows added and removed) and shows the result.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import pandas as pd

from companion.charts.indicators import sensitivity_chart
from companion.core.html import table_html
from companion.core.numbers import format_number
from companion.core.safety import escape
from companion.indicators.overview import SAMPLE_INPUTS, SROI_COLUMNS, sample_outcomes
from companion.indicators.sroi import SroiResult, sroi
from companion.texts import indicators as ti
from companion.widgets.base import FigureView, Notice, button, guarded
from companion.widgets.numbers import DecimalField

NUMBERS = SROI_COLUMNS[1:]
CELL = w.Layout(width="7.5em")
NAME = w.Layout(width="17em")


class SroiRow(w.HBox):
    """One outcome: its name, six numbers and four fractions, and a « Retirer » button."""

    def __init__(self, values: dict[str, Any], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.outcome = w.Text(value=str(values.get("outcome", "")), layout=NAME)
        self.outcome.add_class("cp-sroi-outcome")
        self.numbers = {}
        for column in NUMBERS:
            fraction = column not in ("quantity", "proxy", "duration")
            cell = DecimalField(float(values.get(column, 0.0)), minimum=0.0,
                                maximum=1.0 if fraction else 1e12, percent=fraction,
                                layout=CELL, name=ti.SROI_COLUMNS[column])
            cell.add_class(f"cp-sroi-{column.replace('_', '-')}")
            self.numbers[column] = cell
        self.remove = button(ti.SROI_REMOVE, "cp-sroi-remove")
        self.add_class("cp-sroi-row")
        self.children = (self.outcome, *self.numbers.values(), self.remove)

    def values(self) -> dict[str, Any]:
        """Return the row as a dict of the sroi columns."""
        return {"outcome": self.outcome.value, **{c: self.numbers[c].value for c in NUMBERS}}

    def inputs(self) -> list[w.Widget]:
        """Return the widgets whose changes recompute the result."""
        return [self.outcome, *self.numbers.values()]


class SroiCalculator(w.VBox):
    """Editable SROI assumptions; the result and the sensitivity chart follow every change."""

    def __init__(self, outcomes: pd.DataFrame | None = None, inputs: float = SAMPLE_INPUTS,
                 discount_rate: float = 0.035, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._notice = Notice()
        self._inputs = DecimalField(inputs, description=ti.SROI_INPUTS, minimum=0.0,
                                    style={"description_width": "12em"})
        self._inputs.add_class("cp-sroi-inputs")
        self._discount = DecimalField(discount_rate, minimum=0.0, maximum=0.99, percent=True,
                                      description=ti.SROI_DISCOUNT,
                                      style={"description_width": "12em"})
        self._discount.add_class("cp-sroi-discount")
        for widget in (self._inputs, self._discount):
            widget.observe(self._on_change, names="value")
        self._add = button(ti.SROI_ADD, "cp-sroi-add")
        self._add.on_click(lambda _b: self.add_row())
        header = w.HBox([w.HTML(f"<b>{escape(ti.SROI_COLUMNS['outcome'])}</b>", layout=NAME),
                         *(w.HTML(f"<b>{escape(ti.SROI_COLUMNS[c])}</b>", layout=CELL)
                           for c in NUMBERS)])
        self._rows_box = w.VBox()
        self._result = w.HTML()
        self._result.add_class("cp-sroi-result")
        self._chart = FigureView()
        self._chart.add_class("cp-sroi-sensitivity")
        self.result: SroiResult | None = None
        self.add_class("cp-sroi")
        self.children = (w.HTML(f"<p>{escape(ti.SROI_HELP)}</p>"), header, self._rows_box,
                         self._add, w.HBox([self._inputs, self._discount]), self._notice,
                         self._result, self._chart)
        table = sample_outcomes() if outcomes is None else outcomes
        self._rows: tuple[SroiRow, ...] = ()
        with self.hold_sync():
            for values in table.to_dict("records"):
                self.add_row(values, recompute=False)
        self.recompute()

    @property
    def notice(self) -> Notice:
        """The calculator's message area."""
        return self._notice

    @property
    def rows(self) -> tuple[SroiRow, ...]:
        """The outcome rows, in order."""
        return self._rows

    @property
    def inputs_field(self) -> DecimalField:
        """The investment field (€)."""
        return self._inputs

    @property
    def discount_field(self) -> DecimalField:
        """The discount rate field (fraction)."""
        return self._discount

    def outcomes(self) -> pd.DataFrame:
        """Return the assumptions as typed, in the columns of ``social_return.sroi``."""
        return pd.DataFrame([row.values() for row in self._rows], columns=list(SROI_COLUMNS))

    def add_row(self, values: dict[str, Any] | None = None, *, recompute: bool = True) -> SroiRow:
        """Append an outcome row (a blank one by default)."""
        row = SroiRow(values or {"outcome": ti.SROI_NEW_ROW, "quantity": 1.0, "proxy": 0.0,
                                 "duration": 1.0})
        for widget in row.inputs():
            widget.observe(self._on_change, names="value")
        row.remove.on_click(lambda _b, r=row: self.remove_row(r))
        self._rows = (*self._rows, row)
        self._rows_box.children = self._rows
        if recompute:
            self.recompute()
        return row

    @guarded()
    def remove_row(self, row: SroiRow) -> None:
        """Remove an outcome row (the last one stays)."""
        if len(self._rows) <= 1:
            self._notice.show(ti.SROI_LAST_ROW, "erreur")
            return
        self._rows = tuple(r for r in self._rows if r is not row)
        self._rows_box.children = self._rows
        self.recompute()

    def _on_change(self, _change: dict[str, Any]) -> None:
        self.recompute()

    @guarded()
    def recompute(self) -> None:
        """Compute the SROI of the current assumptions and show it (a French notice if wrong)."""
        try:
            result = sroi(self.outcomes(), float(self._inputs.value), float(self._discount.value))
        except Exception:
            self.result = None
            self._result.value = ""
            raise
        self.result = result
        self._notice.clear()
        with self.hold_sync():
            self._result.value = result_html(result)
            self._chart.show(sensitivity_chart(result.sensitivity))


def result_html(result: SroiResult) -> str:
    """Return the SROI result as HTML: both ratios named, payback, rounding, impact by year."""
    lines = "".join(f"<li>{escape(line)}</li>" for line in result.describe().splitlines())
    by_year = result.by_year.copy()
    for column in ("impact", "impact actualisé"):
        by_year[column] = by_year[column].map(lambda v: f"{format_number(v)} €")
    return (f"<ul>{lines}</ul><details><summary>{escape(ti.SROI_BY_YEAR)}</summary>"
            f"{table_html(by_year, css_class='cp-sroi-by-year')}</details>")
