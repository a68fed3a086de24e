"""The site-visit page: each subgroup's observation grid, and the trainer's live debrief.

Each subgroup fills its items of the grid, rates the four dimensions and lists the partners
met; the trainer assigns items and sees the debrief live.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from companion.content.course import VisitItem, course
from companion.content.diagnosis import DiagnosticContent, diagnostic_content
from companion.core.html import table_html
from companion.core.model import TRAINER, TrainingSession
from companion.core.safety import escape
from companion.store import Store
from companion.texts import visit as tv
from companion.visit import grid as logic
from companion.widgets.base import FigureView, Notice, TrainerGate, button, guarded, trainer_only
from companion.widgets.diagnosis.page import GroupField, SubgroupPage, WorkbookPanel
from companion.widgets.rating import rating_buttons

LABEL = {"description_width": "11em"}


class VisitForm(w.VBox):
    """A subgroup's grid: its items, observations, ratings of the dimensions, partners."""

    def __init__(self, store: Store, session: str, group: GroupField,
                 items: tuple[VisitItem, ...], content: DiagnosticContent | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session, self._group = store, session, group
        self._items, self._content = items, content or diagnostic_content()
        self._assigned = w.HTML()
        self._assigned.add_class("cp-visit-items")
        self._item = w.Dropdown(description=tv.OBSERVE_ITEM, style=LABEL,
                                layout=w.Layout(width="44em"))
        self._item.add_class("cp-visit-item")
        self._text = w.Textarea(layout=w.Layout(width="100%", height="6em"))
        self._text.add_class("cp-visit-observation")
        self._observe = button(tv.OBSERVE_SUBMIT, "cp-visit-submit", "primary")
        c = self._content
        self._ratings = {d: rating_buttons(c.rating_min, c.rating_max,
                                           (c.rating_min + c.rating_max) // 2, d)
                         for d in c.dimensions}
        for index, slider in enumerate(self._ratings.values()):
            slider.add_class(f"cp-visit-rating-{index}")
        self._comment = w.Text(description=tv.F_COMMENT, style=LABEL, layout=w.Layout(width="44em"))
        self._comment.add_class("cp-visit-comment")
        self._rate = button(tv.RATE_SUBMIT, "cp-visit-rate", "primary")
        self._partner = w.Text(description=tv.F_PARTNER, style=LABEL)
        self._partner.add_class("cp-visit-partner")
        self._partner_category = w.Text(description=tv.F_PARTNER_CATEGORY, style=LABEL)
        self._partner_role = w.Text(description=tv.F_PARTNER_ROLE, style=LABEL)
        self._add_partner = button(tv.PARTNER_SUBMIT, "cp-visit-partner-submit")
        self._mine = w.HTML()
        self._mine.add_class("cp-visit-mine")
        self._notice = Notice()
        self._observe.on_click(self._on_observe)
        self._rate.on_click(self._on_rate)
        self._add_partner.on_click(self._on_partner)
        self.add_class("cp-visit-form")
        self.children = (
            w.HTML(f"<h3>{tv.YOUR_ITEMS}</h3>"), self._assigned,
            w.HTML(f"<h3>{tv.OBSERVE_TITLE}</h3>"), self._item, self._text, self._observe,
            w.HTML(f"<h3>{tv.RATE_TITLE}</h3>"), *self._ratings.values(), self._comment,
            self._rate, w.HTML(f"<h3>{tv.PARTNER_TITLE}</h3>"), self._partner,
            self._partner_category, self._partner_role, self._add_partner, self._notice,
            w.HTML(f"<h4>{tv.MY_OBSERVATIONS}</h4>"), self._mine)
        self.refresh()

    @property
    def notice(self) -> Notice:
        """The form's message area."""
        return self._notice

    def refresh(self) -> None:
        """Re-read this subgroup's assignment and observations."""
        group = self._group.name()
        mine = logic.items_for(self._store, self._session, group, self._items)
        assigned = bool(logic.assignments(self._store, self._session).get(group))
        rows = "".join(f"<li><strong>{escape(i.title)}</strong> — {escape(i.instruction)}</li>"
                       for i in mine)
        intro = "" if assigned else f"<p><em>{escape(tv.ALL_ITEMS)}</em></p>"
        # the list is long: folded, so that the observation form comes on a phone's first screen
        summary = escape(tv.ITEMS_SUMMARY.format(count=len(mine)))
        self._assigned.value = (f"{intro}<details class='cp-visit-items-list'><summary>{summary}"
                                f"</summary><ul>{rows}</ul></details>")
        options = [(i.title, i.id) for i in mine]
        if options != list(self._item.options):
            current = self._item.value
            self._item.options = options
            ids = [i.id for i in mine]
            self._item.value = current if current in ids else (ids[0] if ids else None)
        titles = {i.id: i.title for i in self._items}
        observed = [r for r in self._store.list_records(self._session, logic.OBSERVATION,
                                                        group=group or None) if not r.hidden]
        self._mine.value = "<ul>" + "".join(
            f"<li><strong>{escape(titles.get(r.get('item'), r.get('item')))}</strong> : "
            f"{escape(r.get('texte'))}</li>" for r in observed) + "</ul>" if observed and group \
            else f"<p>{escape(tv.NO_OBSERVATION)}</p>"

    def observe_item(self, item_id: str, text: str) -> None:
        """Choose an item, type an observation and press the button."""
        self._item.value = item_id
        self._text.value = text
        self._observe.click()

    def rate(self, notes: Mapping[str, int], comment: str = "") -> None:
        """Set the sliders and the comment and press « Enregistrer les notes »."""
        for dimension, value in notes.items():
            self._ratings[dimension].value = value
        self._comment.value = comment
        self._rate.click()

    def add_partner(self, name: str, category: str = "", role: str = "") -> None:
        """Type a partner and press the button."""
        self._partner.value, self._partner_category.value = name, category
        self._partner_role.value = role
        self._add_partner.click()

    @guarded()
    def _on_observe(self, _button: w.Button) -> None:
        record = logic.add_observation(self._store, self._session, self._group.current(),
                                       self._item.value or "", self._text.value)
        self._text.value = ""
        title = {i.id: i.title for i in self._items}.get(record.get("item"), "")
        self._notice.show(tv.OBSERVED.format(item=title), "succes")
        self.refresh()

    @guarded()
    def _on_rate(self, _button: w.Button) -> None:
        logic.rate(self._store, self._session, self._group.current(),
                   {d: s.value for d, s in self._ratings.items()}, self._comment.value)
        self._notice.show(tv.RATED, "succes")

    @guarded()
    def _on_partner(self, _button: w.Button) -> None:
        record = logic.add_partner(self._store, self._session, self._group.current(),
                                   self._partner.value, self._partner_category.value,
                                   self._partner_role.value)
        self._partner.value = self._partner_category.value = self._partner_role.value = ""
        self._notice.show(tv.PARTNER_SAVED.format(name=record.get("nom")), "succes")


class VisitDebrief(w.VBox):
    """The trainer's view: assignments, then every subgroup's observations, radar, partners."""

    def __init__(self, store: Store, session: str, gate: TrainerGate | None,
                 items: tuple[VisitItem, ...], content: DiagnosticContent | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session, self._items = store, session, items
        self.gate = gate
        self._content = content or diagnostic_content()
        self._group = w.Combobox(description=tv.ASSIGN_GROUP, style=LABEL, ensure_option=False)
        self._group.add_class("cp-assign-group")
        self._chosen = w.SelectMultiple(options=[(i.title, i.id) for i in items],
                                        description=tv.ASSIGN_ITEMS, style=LABEL,
                                        layout=w.Layout(width="44em", height="11em"))
        self._chosen.add_class("cp-assign-items")
        self._assign = button(tv.ASSIGN_SUBMIT, "cp-assign-submit", "primary")
        self._assign.on_click(self._on_assign)
        self._assignments = w.HTML()
        self._assignments.add_class("cp-assignments")
        self._count = w.HTML()
        self._count.add_class("cp-debrief-count")
        self._observations = w.HTML()
        self._observations.add_class("cp-debrief-observations")
        self._coverage = w.HTML()
        self._radar = FigureView()
        self._comments = w.HTML()
        self._partners = w.HTML()
        self._partners.add_class("cp-debrief-partners")
        self._notice = Notice()
        self.add_class("cp-visit-debrief")
        self.children = (
            w.HTML(f"<h3>{tv.ASSIGN_TITLE}</h3>"), self._group, self._chosen, self._assign,
            self._notice, self._assignments, w.HTML(f"<h2>{tv.DEBRIEF_TITLE}</h2>"), self._count,
            self._observations, w.HTML(f"<h4>{tv.COVERAGE_TITLE}</h4>"), self._coverage,
            self._radar, w.HTML(f"<h4>{tv.COMMENTS_TITLE}</h4>"), self._comments,
            w.HTML(f"<h4>{tv.PARTNERS_TITLE}</h4>"), self._partners)
        self.refresh()

    @property
    def notice(self) -> Notice:
        """The debrief's message area."""
        return self._notice

    def assign(self, group: str, item_ids: list[str]) -> None:
        """Give ``group`` these items and press « Attribuer »."""
        self._group.value = group
        self._chosen.value = tuple(item_ids)
        self._assign.click()

    @trainer_only()
    def _on_assign(self, _button: w.Button) -> None:
        group = logic.check_group(self._group.value)
        logic.assign(self._store, self._session, group, list(self._chosen.value), actor=TRAINER)
        self._notice.show(tv.ASSIGNED.format(group=group), "succes")
        self.refresh()

    def refresh(self) -> None:
        """Re-read everything and redraw the debrief."""
        from companion.charts.diagnosis import radar_figure

        titles = {i.id: i.title for i in self._items}
        groups = [g.name for g in self._store.list_groups(self._session)]
        if tuple(groups) != tuple(self._group.options):
            self._group.options = groups
        given = logic.assignments(self._store, self._session)
        self._assignments.value = "<ul>" + "".join(
            f"<li><strong>{escape(g)}</strong> : "
            f"{escape(', '.join(titles.get(i, i) for i in ids))}</li>"
            for g, ids in given.items()) + "</ul>" if given else f"<p>{tv.NO_ASSIGNMENT}</p>"
        self.debrief = debrief = logic.consolidate(self._store, self._session, self._items,
                                                   self._content)
        obs = debrief.observations
        self._count.value = "<p><strong>" + escape(tv.DEBRIEF_COUNT.format(
            observations=len(obs), groups=obs["sous_groupe"].nunique())) + "</strong></p>"
        self._observations.value = table_html(
            obs[["titre", "sous_groupe", "observation"]].sort_values(["titre", "sous_groupe"]),
            {"titre": tv.COLUMN_ITEM, "sous_groupe": tv.COLUMN_GROUP,
             "observation": tv.COLUMN_OBSERVATION},
            css_class="cp-debrief-table", empty=tv.NO_OBSERVATION)
        self._coverage.value = table_html(debrief.coverage.reset_index(),
                                          {"item": tv.COLUMN_ITEM}, css_class="cp-coverage")
        self._radar.show(radar_figure(debrief.ratings, self._content.dimensions,
                                      low=self._content.rating_min, high=self._content.rating_max))
        self._comments.value = table_html(debrief.comments, {"sous_groupe": tv.COLUMN_GROUP},
                                          empty=tv.NO_RATING)
        self._partners.value = table_html(
            debrief.partners, {"nom": tv.COLUMN_PARTNER, "categorie": tv.COLUMN_CATEGORY,
                               "role": tv.COLUMN_ROLE, "sous_groupes": tv.COLUMN_GROUPS},
            css_class="cp-partners-table", empty=tv.NO_PARTNER)


class VisitPage(SubgroupPage):
    """The site-visit page: the subgroup's grid, and the trainer's assignments and debrief.

    See :class:`companion.widgets.diagnosis.page.DiagnosisPage` for the parameters.
    """

    def __init__(self, store: Store, query: Mapping[str, str] | None = None, *,
                 trainer_code: str | object | None = ...,
                 items: tuple[VisitItem, ...] | None = None, **kwargs: Any) -> None:
        super().__init__(store, query, trainer_code=trainer_code, **kwargs)
        self._items = items or course().visit_items
        self._title = w.HTML(f"<h2>{tv.PAGE_TITLE}</h2>")
        self.form: VisitForm | None = None
        self.debrief: VisitDebrief | None = None
        self.workbook: WorkbookPanel | None = None
        self.add_class("cp-visit")
        self.observe(lambda _c: self._refresh_form(), names="group")
        self.open_page()

    def bind(self, session: TrainingSession | None) -> None:
        """Build the subgroup's grid for ``session``."""
        if session is None:
            self.form = None
            empty: tuple[Any, ...] = (self._title, self._notice)
            self.children = empty
            return
        group = self.bind_group(session)
        self.form = VisitForm(self._store, session.code, group, self._items)
        self.children = (self._title, self._notice, group, self.form, self.trainer_area,
                         self.live_bar())

    def _refresh_form(self) -> None:
        if self.form is not None:
            self.form.refresh()

    def build_trainer(self) -> list[w.Widget]:
        """Return the assignments and debrief, and the « mon territoire » export / import."""
        assert self.session is not None
        self.debrief = VisitDebrief(self._store, self.session.code, self.gate, self._items)
        self.workbook = WorkbookPanel(self._store, self.session.code, self.gate)
        return [self.debrief, self.workbook]

    @guarded()
    def refresh(self) -> None:
        """Re-read the store: this subgroup's items and, for the trainer, the debrief."""
        if self.form is None:
            return
        self.form.refresh()
        if self.debrief is not None and self.trainer_area.built:
            self.debrief.refresh()
