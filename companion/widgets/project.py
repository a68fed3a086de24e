"""The project-sheet page: a subgroup's objectives and action plan, watched by the trainer.

On day 2, after the visit, a subgroup turns what it produced into objectives and an action
plan; the trainer watches every subgroup's sheet fill live.

The logic is in :mod:`companion.project`; this page only gathers the fields and saves the sheet
(each save names the version it started from, so two browsers of one subgroup never overwrite
each other silently).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

import ipywidgets as w

from companion.core.errors import InputError
from companion.core.html import download_link
from companion.core.safety import escape
from companion.core.spreadsheet import XLSX_MIME
from companion.indicators.catalogue import load_catalogue
from companion.project import build, checks, codec, export
from companion.project import sheet as ps
from companion.store import Store
from companion.texts import project as tp
from companion.widgets.base import Notice, button, guarded
from companion.widgets.page import SequencePage

WIDE = w.Layout(width="44em")
LABEL = {"description_width": "12em"}


def _text(description: str, css: str) -> w.Text:
    field = w.Text(description=description, style=LABEL, layout=WIDE)
    field.add_class(css)
    return field


class ProjectSheetPage(SequencePage):
    """The sheet of one subgroup (``?session=…&groupe=…``) and, for the trainer, all sheets."""

    css_class = "cp-project"

    def __init__(self, store: Store, query: Mapping[str, str] | None = None, **kwargs: Any
                 ) -> None:
        self.sheet: ps.ProjectSheet | None = None
        self._version: int | None = None
        self._group_value = dict(query or {}).get("groupe", "")
        super().__init__(store, query, title=tp.PAGE_TITLE, **kwargs)

    def query_changed(self) -> None:
        """Take the visitor's subgroup (``groupe``)."""
        self._group_value = self.query.get("groupe", "")

    # --- participant area ---------------------------------------------------------------
    def build_participant(self, session: str) -> list[w.Widget]:
        """Return the subgroup's fields, buttons and the sheet as it stands."""
        self._form_notice = Notice()
        self._form_notice.add_class("cp-project-notice")
        self.group = _text(tp.GROUP_LABEL, "cp-project-group")
        self.group.value = self._group_value
        self.group.observe(lambda _c: self.refresh(), names="value")
        self._replace = w.Checkbox(description=tp.REPLACE, indent=False)
        self._replace.add_class("cp-project-replace")
        take = button(tp.BUILD, "cp-project-build", "primary")
        take.on_click(self._on_build)
        self._qpv = _text(tp.TERRITORY_FIELD, "cp-project-qpv")
        figures = button(tp.TERRITORY_ADD, "cp-project-qpv-add")
        figures.on_click(self._on_territory)
        attach = button(tp.ATTACH, "cp-project-attach")
        attach.on_click(self._on_attach)
        indicators = [(f"{i.label} ({i.unit})", i.id) for i in load_catalogue().values()]
        self._o_label = _text(tp.F_OBJECTIVE, "cp-project-objective")
        self._o_dimension = w.Dropdown(options=tp.DIMENSIONS, description=tp.F_DIMENSION,
                                       style=LABEL)
        self._o_indicator = w.Dropdown(options=[(tp.NONE_CHOICE, ""), *indicators],
                                       description=tp.F_INDICATOR, style=LABEL, layout=WIDE)
        self._o_indicator.add_class("cp-project-indicator")
        self._o_baseline = _text(tp.F_BASELINE, "cp-project-baseline")
        self._o_target = _text(tp.F_TARGET, "cp-project-target")
        self._o_due = _text(tp.DATE_FIELD.format(label=tp.F_DUE), "cp-project-due")
        add_objective = button(tp.OBJECTIVE_ADD, "cp-project-objective-add", "primary")
        add_objective.on_click(self._on_objective)
        self._a_title = _text(tp.F_ACTION, "cp-project-action")
        self._a_lever = w.Dropdown(description=tp.F_ACTION_LEVER, style=LABEL, layout=WIDE)
        self._a_lead = w.Dropdown(description=tp.F_LEAD, style=LABEL, layout=WIDE)
        self._a_lead.add_class("cp-project-lead")
        self._a_partners = w.SelectMultiple(description=tp.F_PARTNERS, style=LABEL, layout=WIDE)
        self._a_start = _text(tp.DATE_FIELD.format(label=tp.F_START), "cp-project-start")
        self._a_end = _text(tp.DATE_FIELD.format(label=tp.F_END), "cp-project-end")
        self._a_cost = _text(tp.F_COST, "cp-project-cost")
        self._a_funding = _text(tp.F_FUNDING, "cp-project-funding")
        self._a_status = w.Dropdown(options=tp.STATUSES, description=tp.F_STATUS, style=LABEL)
        add_action = button(tp.ACTION_ADD, "cp-project-action-add", "primary")
        add_action.on_click(self._on_action)
        self._checks = w.HTML()
        self._checks.add_class("cp-project-checks")
        self._view = w.HTML()
        self._view.add_class("cp-project-view")
        downloads = button(tp.DOWNLOAD, "cp-project-download")
        downloads.on_click(self._on_download)
        self._links = w.HTML()
        self._links.add_class("cp-project-links")
        self.refresh()
        return [w.HTML(f"<p>{escape(tp.PAGE_INTRO)}</p>"), self.group,
                w.HBox([take, attach, self._replace]), w.HBox([self._qpv, figures]),
                self._form_notice,
                w.HTML(f"<h3>{escape(tp.OBJECTIVE_TITLE)}</h3>"), self._o_label,
                self._o_dimension, self._o_indicator, self._o_baseline, self._o_target,
                self._o_due, add_objective, w.HTML(f"<h3>{escape(tp.ACTION_TITLE)}</h3>"),
                self._a_title, self._a_lever, self._a_lead, self._a_partners, self._a_start,
                self._a_end, self._a_cost, self._a_funding, self._a_status, add_action,
                w.HTML(f"<h3>{escape(tp.CHECKS_TITLE)}</h3>"), self._checks,
                w.HTML(f"<h3>{escape(tp.SHEET_TITLE)}</h3>"), self._view,
                w.HBox([downloads, self._links])]

    @guarded("_form_notice")
    def _on_download(self, _button: w.Button) -> None:
        """Offer the sheet as HTML (to print or send), XLSX and JSON (to re-import at J+90)."""
        sheet = self._current()
        stem = export.file_stem(sheet)
        links = [
            download_link(export.render_html(sheet).encode("utf-8"), f"{stem}.html",
                          "text/html", tp.DOWNLOAD_HTML, "cp-project-html"),
            download_link(export.workbook_bytes(sheet), f"{stem}.xlsx", XLSX_MIME,
                          tp.DOWNLOAD_XLSX, "cp-project-xlsx"),
            download_link(codec.to_json(sheet).encode("utf-8"), f"{stem}.json",
                          "application/json", tp.DOWNLOAD_JSON, "cp-project-json"),
        ]
        self._links.value = " · ".join(links)

    @property
    def form_notice(self) -> Notice:
        """The subgroup's message area."""
        return self._form_notice

    def _save(self, sheet: ps.ProjectSheet, message: str) -> None:
        try:
            record = build.save_sheet(self._store, sheet, expected_version=self._version,
                                      author=self.group.value.strip())
        except InputError:
            self.refresh()  # show what the other browser saved; the fields keep their text
            raise
        self.sheet, self._version = sheet, record.version
        self._form_notice.show(message, "succes")
        self.refresh()

    def _current(self) -> ps.ProjectSheet:
        if self.sheet is None:
            raise InputError(tp.NO_SHEET)
        return self.sheet

    @guarded("_form_notice")
    def _on_build(self, _button: w.Button) -> None:
        assert self.session is not None
        sheet = build.build_sheet(self._store, self.session.code, self.group.value.strip())
        if self._version is not None and not self._replace.value:
            raise InputError(tp.REBUILD.format(group=sheet.group or tp.NO_GROUP))
        self._replace.value = False
        self._save(sheet, tp.BUILT.format(difficulties=len(sheet.difficulties),
                                          levers=len(sheet.levers), actors=len(sheet.actors)))

    @guarded("_form_notice")
    def _on_attach(self, _button: w.Button) -> None:
        assert self.session is not None
        found = build.visit_findings(self._store, self.session.code, self.group.value.strip())
        self._save(ps.attach_findings(self._current(), found), tp.ATTACHED.format(
            count=len(found)))

    @guarded("_form_notice")
    def _on_territory(self, _button: w.Button) -> None:
        from companion.core.config import content_dir
        from companion.indicators.territory import SAMPLE_MILLESIME, qpv_profile
        from companion.owndata.loading import read_table

        folder = content_dir() / "territoire_exemple"
        tables = {p.name: read_table(p.read_bytes(), name=p.name)
                  for p in sorted(folder.glob("*.csv"))}
        territory = build.territory_from_profile(  # the extracts' README states their vintage
            qpv_profile(tables, self._qpv.value, SAMPLE_MILLESIME))
        self._save(replace(self._current(), territory=territory), tp.TERRITORY_ADDED.format(
            name=territory.qpv_name, count=len(territory.figures)))

    @guarded("_form_notice")
    def _on_objective(self, _button: w.Button) -> None:
        sheet = ps.add_objective(self._current(), self._o_label.value,
                                 dimension=self._o_dimension.value,
                                 indicator=self._o_indicator.value or "",
                                 baseline=self._o_baseline.value, target=self._o_target.value,
                                 due=self._o_due.value)
        self._save(sheet, tp.OBJECTIVE_ADDED.format(label=sheet.objectives[-1].label))
        for field in (self._o_label, self._o_baseline, self._o_target, self._o_due):
            field.value = ""

    @guarded("_form_notice")
    def _on_action(self, _button: w.Button) -> None:
        sheet = ps.add_action(self._current(), self._a_title.value,
                              lever=self._a_lever.value or "", lead=self._a_lead.value or "",
                              partners=self._a_partners.value, start=self._a_start.value,
                              end=self._a_end.value, cost=self._a_cost.value,
                              funding=self._a_funding.value, status=self._a_status.value)
        self._save(sheet, tp.ACTION_ADDED.format(label=sheet.actions[-1].title))
        for field in (self._a_title, self._a_start, self._a_end, self._a_cost, self._a_funding):
            field.value = ""

    # --- trainer area ---------------------------------------------------------------------
    def build_trainer(self) -> list[w.Widget]:
        """Every subgroup's sheet, live."""
        self._all = w.HTML()
        self._all.add_class("cp-project-all")
        self.refresh()
        return [w.HTML(f"<h3>{escape(tp.TRAINER_TITLE)}</h3>"), self._all]

    # --- live -----------------------------------------------------------------------------
    @guarded()
    def refresh(self) -> None:
        """Re-read this subgroup's sheet and, for the trainer, every sheet."""
        if self.session is None:
            return
        if hasattr(self, "_view"):
            self._show_mine()
        if hasattr(self, "_all") and self.gate.unlocked:
            rows = []
            for sheet, _record in build.stored_sheets(self._store, self.session.code):
                line = tp.TRAINER_ROW.format(
                    group=sheet.group or tp.NO_GROUP, objectives=len(sheet.objectives),
                    actions=len(sheet.actions), problems=len(checks.check_sheet(sheet)))
                rows.append(f"<details class='cp-project-sheet'><summary>{escape(line)}"
                            f"</summary>{export.body_html(sheet)}</details>")
            self._all.value = "".join(rows) or f"<p>{escape(tp.TRAINER_NONE)}</p>"

    def _show_mine(self) -> None:
        assert self.session is not None
        found = build.stored_sheet(self._store, self.session.code, self.group.value.strip())
        if found is None:
            self.sheet = self._version = None
            self._view.value = f"<p>{escape(tp.NO_SHEET)}</p>"
            self._checks.value = ""
            return
        sheet = self.sheet = found[0]
        self._version = found[1].version
        levers = [(tp.NONE_CHOICE, ""), *((lv.text[:80], lv.id) for lv in sheet.levers)]
        actors = [(a.name, a.id) for a in sheet.actors]
        if list(self._a_lever.options) != levers:
            self._a_lever.options = levers
        if list(self._a_lead.options) != [(tp.NONE_CHOICE, ""), *actors]:
            self._a_lead.options = [(tp.NONE_CHOICE, ""), *actors]
            self._a_partners.options = actors
        problems = checks.check_sheet(sheet)
        self._checks.value = "<ul>" + "".join(f"<li>{escape(p.message)}</li>" for p in problems) \
            + "</ul>" if problems else f"<p>{escape(tp.CHECKS_OK)}</p>"
        self._view.value = export.body_html(sheet)
