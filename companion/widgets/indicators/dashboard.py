"""The indicators dashboard (Voilà and JupyterLab).

Structure and year, indicator cards with their definition and source, trends, exits,
economic model, radar, targets, SROI, own data.

Everything is computed by :mod:`companion.indicators.overview` and drawn by
:mod:`companion.charts.indicators`; the widget keeps the choices and refreshes in one place.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import ipywidgets as w
import pandas as pd
import traitlets

from companion.charts import indicators as charts
from companion.core.errors import CompanionError, InputError
from companion.core.html import table_html
from companion.core.model import TrainingSession
from companion.core.numbers import format_number
from companion.core.safety import escape
from companion.indicators import overview as logic
from companion.indicators.catalogue import FAMILIES, Indicator, load_catalogue
from companion.owndata.sample import load_sample
from companion.store import Store
from companion.store.sessions import resolve_session
from companion.texts import indicators as ti
from companion.widgets.base import FigureView, Notice, button, guarded
from companion.widgets.diagnosis.page import TERRITORY_SESSION
from companion.widgets.indicators.sroi import SroiCalculator
from companion.widgets.indicators.upload import OwnDataUpload
from companion.widgets.numbers import DecimalField
from companion.widgets.page import trainer_code_of

LABEL = {"description_width": "7em"}
CARD = ("display:inline-block;vertical-align:top;width:15em;margin:.3em;padding:.5em .7em;"
        "border:1px solid #d5dbdb;border-radius:6px;background:#fbfcfc")
TARGET_FAMILIES = FAMILIES[:3]
NOT_TARGETS = {"ventes_par_type_client", "ecart_objectif_sorties_dynamiques",
               "partenaires_par_categorie", "contributions_par_participant",
               "couverture_themes_diagnostic", "participation_reunions"}


def card_html(entry: Indicator, value: float | None, year: int) -> str:
    """Return one indicator card: value (« — » when undefined), definition and source folded."""
    shown = entry.format(value)
    unit = "" if entry.unit in ("%", "€", "ETP") or shown == ti.UNDEFINED else entry.unit
    note = (f'<div style="font-size:.8em;color:#566573">{escape(entry.zero_denominator)}</div>'
            if shown == ti.UNDEFINED else "")
    details = "".join(
        f"<p style='margin:.2em 0;line-height:1.3'><b>{escape(label)} :</b> {escape(text)}</p>"
        for label, text in ((ti.FORMULA, entry.formula), (ti.UNIT, entry.unit),
                            (ti.SOURCE, entry.source), (ti.MILLESIME, entry.millesime),
                            (ti.ZERO, entry.zero_denominator)))
    return (f'<div class="cp-ind-card" data-indicator="{escape(entry.id)}" style="{CARD}">'
            f'<div style="font-size:.85em;color:#1b4f72">{escape(entry.label)}</div>'
            f'<div class="cp-ind-value" style="font-size:1.5em;font-weight:600">'
            f"{escape(shown)} <small>{escape(unit)}</small></div>"
            f'<div style="font-size:.75em;color:#566573">'
            f"{escape(ti.CARD_YEAR.format(year=year))}</div>{note}"
            f'<details class="cp-ind-definition"><summary style="font-size:.8em;cursor:pointer">'
            f"{escape(ti.DEFINITION)}</summary><p style='font-size:.8em'>"
            f"{escape(entry.definition)}</p><div style='font-size:.75em'>{details}</div>"
            f"</details></div>")


def cards_html(values: Mapping[str, float | None], year: int) -> str:
    """Return the cards of every computed indicator, family by family, in catalogue order."""
    catalogue = load_catalogue()
    parts = []
    for family in FAMILIES:
        cards = [card_html(e, values[e.id], year) for e in catalogue.values()
                 if e.family == family and e.id in values]
        if cards:
            parts.append(f"<h4>{escape(family.capitalize())}</h4><div>{''.join(cards)}</div>")
    return "".join(parts) or f"<p><em>{escape(ti.NO_CARD)}</em></p>"


def _shown(entry: Indicator, value: Any) -> str:
    return entry.format(None if value is None or pd.isna(value) else float(value))


def _gap(entry: Indicator, gap: float) -> str:
    unit = ti.POINTS if entry.unit == "%" else entry.unit
    return f"{'+' if gap > 0 else ''}{format_number(gap, entry.decimals)}\u00a0{unit}"


def targets_html(table: pd.DataFrame) -> str:
    """Return actual vs target as an escaped HTML table, values in their unit."""
    catalogue = load_catalogue()
    rows = []
    for row in table.to_dict("records"):
        entry = catalogue[row["indicateur"]]
        gap = row["écart"]
        gap_text = ti.UNDEFINED if gap is None or pd.isna(gap) else _gap(entry, float(gap))
        rows.append({"libellé": row["libellé"], "valeur": _shown(entry, row["valeur"]),
                     "objectif": ti.UNDEFINED if pd.isna(row["objectif"])
                     else _shown(entry, row["objectif"]),
                     "écart": gap_text, "statut": row["statut"]})
    frame = pd.DataFrame(rows, columns=list(ti.TARGET_COLUMNS))
    return table_html(frame, ti.TARGET_COLUMNS, css_class="cp-target-table")


class IndicatorsDashboard(w.VBox):
    """Choose a structure and a year; see the indicators, set targets, compute an SROI."""

    session = traitlets.Instance(TrainingSession, allow_none=True,
                                 help="The session whose targets are kept (None: in memory).")

    def __init__(self, store: Store | None = None, query: Mapping[str, str] | None = None, *,
                 tables: Mapping[str, pd.DataFrame] | None = None,
                 trainer_code: str | object | None = ..., **kwargs: Any) -> None:
        super().__init__(**kwargs)
        query = dict(query or {})
        self._notice = Notice()
        self._store, self._session, self._group = store, None, query.get("groupe") or None
        self._memory_targets: dict[str, float] = {}
        if store is not None:
            found = resolve_session(store, query, solo=trainer_code_of(trainer_code) is None,
                                    personal=TERRITORY_SESSION)
            self.session = found.session
            self._session = found.session.code if found.session is not None else None
            if found.problem:
                self._notice.show(found.problem, found.level)
        self.datasets: dict[str, dict[str, pd.DataFrame]] = {}
        self._sources: dict[str, str] = {}
        self._views: dict[str, dict[int, logic.YearView]] = {}
        if tables:
            self._add_dataset(ti.OWN_LABEL.format(name=ti.OWN_GIVEN), dict(tables),
                              ti.OWN_SOURCE.format(names=", ".join(tables)))
        self._add_dataset(ti.SAMPLE_LABEL, load_sample(), ti.SAMPLE_SOURCE)
        self._build()
        self._on_structure(None)

    # --- layout --------------------------------------------------------------------------------
    def _build(self) -> None:
        self._structure = w.Dropdown(options=list(self.datasets), description=ti.STRUCTURE,
                                     style=LABEL, layout=w.Layout(width="36em"))
        self._structure.add_class("cp-ind-structure")
        self._year = w.Dropdown(description=ti.YEAR, style=LABEL, layout=w.Layout(width="14em"))
        self._year.add_class("cp-ind-year")
        self._cards, self._missing = w.HTML(), w.HTML()
        self._cards.add_class("cp-ind-cards")
        trend_options = [(load_catalogue()[i].label, i) for i in logic.TREND_INDICATORS]
        self._trend_choice = w.Dropdown(options=trend_options, value=trend_options[0][1],
                                        description=ti.TREND_CHOICE, style=LABEL,
                                        layout=w.Layout(width="36em"))
        self._trend_choice.add_class("cp-ind-trend-choice")
        self._trend, self._exits = FigureView(), FigureView()
        self._sales, self._income, self._radar = FigureView(), FigureView(), FigureView()
        for view, css in ((self._trend, "cp-ind-trend"), (self._exits, "cp-ind-exits"),
                          (self._sales, "cp-ind-sales"), (self._income, "cp-ind-income"),
                          (self._radar, "cp-ind-radar")):
            view.add_class(css)
        self._target_choice = w.Dropdown(options=self._target_options(),
                                         description=ti.TARGET_INDICATOR, style=LABEL,
                                         layout=w.Layout(width="36em"))
        self._target_choice.add_class("cp-target-indicator")
        self._target_value = DecimalField(description=ti.TARGET_VALUE, style=LABEL,
                                          layout=w.Layout(width="14em"))
        self._target_value.add_class("cp-target-value")
        self._target_save = button(ti.TARGET_SAVE, "cp-target-save", "primary")
        self._target_remove = button(ti.TARGET_REMOVE, "cp-target-remove")
        self._target_save.on_click(self._on_target_save)
        self._target_remove.on_click(self._on_target_remove)
        self._targets_notice, self._targets = Notice(), w.HTML()
        self._targets.add_class("cp-target-table")
        self.sroi = SroiCalculator()
        self.upload = OwnDataUpload()
        self.upload.observe(self._on_own_tables, names="loads")
        self._structure.observe(self._on_structure, names="value")
        self._year.observe(lambda _c: self.refresh(), names="value")
        self._trend_choice.observe(lambda _c: self._show_trend(), names="value")

        def section(title: str) -> w.HTML:
            return w.HTML(f"<h3>{escape(title)}</h3>")

        self.add_class("cp-indicators")
        self.children = (
            w.HTML(f"<h2>{escape(ti.TITLE)}</h2><p>{escape(ti.INTRO)}</p>"),
            w.HBox([self._structure, self._year]), self._notice,
            section(ti.SECTION_UPLOAD), self.upload,
            section(ti.SECTION_CARDS), self._missing, self._cards,
            section(ti.SECTION_TRENDS), self._trend_choice, self._trend,
            section(ti.SECTION_EXITS), self._exits,
            section(ti.SECTION_ECONOMY), self._sales, self._income,
            section(ti.SECTION_RADAR), self._radar,
            section(ti.SECTION_TARGETS), w.HTML(f"<p>{escape(ti.TARGET_HELP)}</p>"),
            w.HBox([self._target_choice, self._target_value]),
            w.HBox([self._target_save, self._target_remove]), self._targets_notice,
            self._targets,
            section(ti.SECTION_SROI), self.sroi,
        )

    @staticmethod
    def _target_options() -> list[tuple[str, str]]:
        return [(e.label, e.id) for e in load_catalogue().values()
                if e.family in TARGET_FAMILIES and e.id not in NOT_TARGETS]

    # --- public state ----------------------------------------------------------------------
    @property
    def notice(self) -> Notice:
        """The dashboard's message area."""
        return self._notice

    @property
    def view(self) -> logic.YearView | None:
        """What is shown: the chosen structure's values for the chosen year."""
        views = self._views.get(self._structure.value, {})
        return views.get(self._year.value) if self._year.value is not None else None

    def choose(self, structure: str | None = None, year: int | None = None) -> None:
        """Pick a structure (its label) and / or a year, as a visitor would."""
        if structure is not None:
            self._structure.value = structure
        if year is not None:
            self._year.value = year

    def targets(self) -> dict[str, float]:
        """Return the targets in force (from the store, or this page's memory without one)."""
        if self._store is not None and self._session is not None:
            return logic.load_targets(self._store, self._session, self._group)
        return dict(self._memory_targets)

    # --- data ----------------------------------------------------------------------------------
    def _add_dataset(self, label: str, tables: dict[str, pd.DataFrame], source: str) -> None:
        """Add a structure and compute every year now (the trend needs them all).

        Switching structure or year afterwards only redraws.
        """
        self.datasets[label] = tables
        self._sources[label] = source
        try:
            views = {year: logic.year_view(tables, year) for year in logic.years(tables)}
        except CompanionError:
            views = {}  # the refresh computes again and shows the French message
        self._views[label] = views

    def _on_own_tables(self, _change: dict[str, Any]) -> None:
        tables = dict(self.upload.tables)
        names = ", ".join(self.upload.files[t] for t in tables if t in self.upload.files)
        label = ti.OWN_LABEL.format(name=names)
        old = [k for k in self.datasets if k.startswith(ti.OWN_LABEL.format(name=""))
               and k != ti.OWN_LABEL.format(name=ti.OWN_GIVEN)]
        for key in old:
            del self.datasets[key], self._views[key], self._sources[key]
        # file names reach plotly's text (which reads a few tags): escaped like any user text
        self._add_dataset(label, tables, ti.OWN_SOURCE.format(names=escape(names)))
        with self.hold_sync():
            self._structure.options = list(self.datasets)
            if self._structure.value == label:
                self._on_structure(None)
            else:
                self._structure.value = label

    def _on_structure(self, _change: dict[str, Any] | None) -> None:
        years = logic.years(self.datasets[self._structure.value])
        with self.hold_sync():
            if self._year.value in years and list(self._year.options) == years:
                self.refresh()
            else:
                self._year.options = years  # resets the value, which refreshes
                if years:
                    self._year.value = years[-1]
                else:
                    self.refresh()

    def _view_of(self, year: int) -> logic.YearView:
        label = self._structure.value
        views = self._views[label]
        if year not in views:
            views[year] = logic.year_view(self.datasets[label], year)
        return views[year]

    # --- refresh -----------------------------------------------------------------------------
    @guarded()
    def refresh(self) -> None:
        """Recompute and redraw everything for the chosen structure and year."""
        year = self._year.value
        with self.hold_sync():
            if year is None:
                self._cards.value = f"<p><em>{escape(ti.NO_CARD)}</em></p>"
                for figure in (self._trend, self._exits, self._sales, self._income, self._radar):
                    figure.layout.display = "none"
                return
            self._notice.clear()
            try:
                view = self._view_of(year)
            except CompanionError as error:  # never leave the previous structure's figures
                self._cards.value = "<p><em>{}</em></p>".format(escape(ti.ABSENT_CARDS.format(
                    structure=self._structure.value, error=str(error))))
                self._missing.value = ""
                for figure in (self._trend, self._exits, self._sales, self._income,
                               self._radar):
                    figure.layout.display = "none"
                raise
            source = self._sources[self._structure.value]
            missing = ti.MISSING_TABLE.format(names=", ".join(view.missing))
            self._missing.value = f"<p><em>{escape(missing)}</em></p>" if view.missing else ""
            self._cards.value = cards_html(view.values, year)
            self._show_trend()
            self._show(self._exits, charts.exits_chart(view.exits, year, source=source)
                       if view.exits else None)
            self._show(self._sales, None if view.sales is None
                       else charts.sales_chart(view.sales, year, source=source))
            self._show(self._income, None if view.income is None
                       else charts.income_chart(view.income, year, source=source))
            self._show(self._radar, charts.radar_chart(logic.radar_scores(view.values), year,
                                                       source=source))
            self._show_targets(view)

    @staticmethod
    def _show(target: FigureView, figure: Any) -> None:
        target.layout.display = "none" if figure is None else ""
        if figure is not None:
            target.show(figure)

    @guarded()
    def _show_trend(self) -> None:
        label = self._structure.value
        all_years = logic.years(self.datasets[label])
        views = {y: self._view_of(y) for y in all_years}
        ident = self._trend_choice.value
        trend = logic.trend_frame(views, (ident,))
        defined = trend["valeur"].map(lambda v: not math.isnan(v)).any()
        self._show(self._trend, charts.trend_chart(trend, load_catalogue()[ident],
                                                   source=self._sources[label])
                   if defined else None)

    def _show_targets(self, view: logic.YearView) -> None:
        table = logic.targets_table(view.values, self.targets())
        self._targets.value = targets_html(table)

    # --- targets -----------------------------------------------------------------------------
    @guarded("_targets_notice")
    def _on_target_save(self, _button: w.Button) -> None:
        if self._target_value.error:  # what was typed is not a number: nothing is saved
            raise InputError(self._target_value.error)
        ident, value = self._target_choice.value, self._target_value.value
        entry = load_catalogue()[ident]
        if self._store is not None and self._session is not None:
            logic.set_target(self._store, self._session, ident, value, group=self._group)
        else:
            if not math.isfinite(value):
                raise InputError(ti.TARGET_BAD_VALUE.format(value=value))
            self._memory_targets = {**self._memory_targets, ident: float(value)}
        saved = ti.TARGET_SAVED.format(label=entry.label, value=entry.format(value))
        if self._store is None:
            saved = f"{saved} {ti.TARGET_NO_STORE}"
        self._targets_notice.show(saved, "succes")
        if self.view is not None:
            self._show_targets(self.view)

    @guarded("_targets_notice")
    def _on_target_remove(self, _button: w.Button) -> None:
        ident = self._target_choice.value
        entry = load_catalogue()[ident]
        if self._store is not None and self._session is not None:
            removed = logic.remove_target(self._store, self._session, ident, group=self._group)
        else:
            removed = ident in self._memory_targets
            self._memory_targets = {k: v for k, v in self._memory_targets.items() if k != ident}
        message = ti.TARGET_REMOVED if removed else ti.TARGET_NONE_TO_REMOVE
        self._targets_notice.show(message.format(label=entry.label), "succes" if removed
                                  else "info")
        if self.view is not None:
            self._show_targets(self.view)
