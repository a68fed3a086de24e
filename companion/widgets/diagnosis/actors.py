"""Stakeholder map and needs / responses grid widgets: forms per subgroup, shared views."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w

from companion.content.diagnosis import DiagnosticContent, diagnostic_content
from companion.core.safety import escape
from companion.diagnosis import needs as needs_logic
from companion.diagnosis import stakeholders as logic
from companion.diagnosis.views import coconstruction_html, mendelow_grid_html, needs_table_html
from companion.store import Store
from companion.texts import diagnosis as td
from companion.widgets.base import Notice, button, guarded
from companion.widgets.rating import rating_buttons

LABEL = {"description_width": "11em"}
SCROLL_HOST = "cp-scroll-host"
"""Class of an HTML widget holding a wide table (:func:`views.scroll_region`)."""
# A flex item is never narrower than its content: without this, the widget's content takes the
# table's width and the whole tab scrolls sideways on a phone, not the table's own region.
SHRINK = f"<style>.{SCROLL_HOST} > .widget-html-content{{min-width:0}}</style>"


class StakeholderForm(w.VBox):
    """A subgroup adds an actor: name, category, power, interest, attitude, roles, links."""

    def __init__(self, store: Store, session: str, group: Callable[[], str],
                 content: DiagnosticContent | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session, self._group = store, session, group
        self._content = content = content or diagnostic_content()
        self._name = w.Text(description=td.F_NAME, style=LABEL, layout=w.Layout(width="36em"))
        self._category = w.Dropdown(options=content.categories, description=td.F_CATEGORY,
                                    style=LABEL)
        self._power = rating_buttons(1, 5, 3, td.F_POWER)
        self._interest = rating_buttons(1, 5, 3, td.F_INTEREST)
        self._attitude = w.Dropdown(options=content.attitudes, value=content.attitudes[-1],
                                    description=td.F_ATTITUDE, style=LABEL)
        self._roles = {step: w.Dropdown(options=[("", ""), *[(r, r) for r in content.roles]],
                                        value="", description=step, style=LABEL)
                       for step in content.steps}
        self._links = w.Text(description=td.F_LINKS, style=LABEL, layout=w.Layout(width="36em"))
        self._submit = button(td.ACTOR_SUBMIT, "cp-actor-submit", "primary")
        self._submit.on_click(self._on_submit)
        self._notice = Notice()
        for widget, hook in ((self._name, "cp-actor-name"),
                             (self._category, "cp-actor-category"),
                             (self._power, "cp-actor-power"),
                             (self._interest, "cp-actor-interest"),
                             (self._attitude, "cp-actor-attitude"),
                             (self._links, "cp-actor-links")):
            widget.add_class(hook)
        self.add_class("cp-actor-form")
        self.children = (w.HTML(f"<h3>{td.ACTORS_FORM_TITLE}</h3>"), self._name, self._category,
                         self._power, self._interest, self._attitude,
                         w.HTML(f"<b>{td.MATRIX_TITLE}</b>"), *self._roles.values(), self._links,
                         self._submit, self._notice)

    @property
    def notice(self) -> Notice:
        """The form's message area."""
        return self._notice

    def fill(self, name: str, category: str, power: int = 3, interest: int = 3,
             attitude: str | None = None, roles: dict[str, str] | None = None,
             links: str = "") -> None:
        """Fill the form as a person would (sliders are clamped to 1–5 like the page does)."""
        self._name.value, self._category.value = name, category
        self._power.value, self._interest.value = power, interest
        if attitude is not None:
            self._attitude.value = attitude
        for step, role in (roles or {}).items():
            self._roles[step].value = role
        self._links.value = links

    def submit(self) -> None:
        """Press the button."""
        self._submit.click()

    @guarded()
    def _on_submit(self, _button: w.Button) -> None:
        record = logic.add_actor(
            self._store, self._session, group=self._group(), nom=self._name.value,
            categorie=self._category.value, pouvoir=self._power.value,
            interet=self._interest.value, attitude=self._attitude.value,
            roles={s: d.value for s, d in self._roles.items() if d.value}, liens=self._links.value)
        quadrant = logic.mendelow(record.get("pouvoir"), record.get("interet"))
        self._notice.show(td.ACTOR_SAVED.format(name=record.get("nom"), quadrant=quadrant),
                          "succes")
        self._reset()

    def _reset(self) -> None:
        """Blank the form for the next actor.

        Nothing of this one carries over (its co-construction stages least of all).
        """
        self._name.value = self._links.value = ""
        self._power.value = self._interest.value = 3
        for dropdown in self._roles.values():
            dropdown.value = ""


class StakeholderBoard(w.VBox):
    """The shared map: Mendelow grid, absent categories, co-construction matrix.

    Plain HTML tables from plain data (no pandas, no chart library): the power × interest
    chart for projection is the trainer's
    (:class:`~companion.widgets.diagnosis.projection.ProjectionPanel`).
    """

    def __init__(self, store: Store, session: str, content: DiagnosticContent | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session = store, session
        self._content = content or diagnostic_content()
        self._grid = w.HTML()
        self._grid.add_class("cp-actors-grid")
        self._absent = w.HTML()
        self._absent.add_class("cp-actors-absent")
        self._matrix = w.HTML()
        self._matrix.add_class("cp-actors-matrix")
        self._matrix.add_class(SCROLL_HOST)
        self.add_class("cp-actors-board")
        self.children = (w.HTML(f"<h3>{td.ACTORS_TITLE}</h3>"), self._grid,
                         w.HTML(f"<h4>{td.ABSENT_TITLE}</h4>"), self._absent,
                         w.HTML(f"<h4>{td.MATRIX_TITLE}</h4>"), self._matrix)
        self.rows: list[dict[str, Any]] = []
        self.absent: list[str] = []
        self.refresh()

    def refresh(self) -> None:
        """Re-read the actors and redraw."""
        rows = logic.actor_rows(logic.actors(self._store, self._session), self._content.steps)
        self.rows = rows
        self._grid.value = mendelow_grid_html(rows)
        self.absent = logic.missing_categories(rows, self._content.categories)
        self._absent.value = (
            f"<p><strong>{escape(td.ABSENT_TEXT.format(names=', '.join(self.absent)))}"
            f"</strong></p>" if self.absent else f"<p>{escape(td.ABSENT_NONE)}</p>")
        self._matrix.value = SHRINK + coconstruction_html(rows, self._content.steps)


class NeedsForm(w.VBox):
    """A subgroup adds a line of the needs / responses grid."""

    def __init__(self, store: Store, session: str, group: Callable[[], str],
                 content: DiagnosticContent | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session, self._group = store, session, group
        content = content or diagnostic_content()
        self._fields: dict[str, w.ValueWidget] = {}
        for key, label in td.NEEDS_FIELDS.items():
            if key == "modele":
                field: w.ValueWidget = w.Dropdown(options=["", *content.models], value="",
                                                  description=label, style=LABEL)
            else:
                field = w.Text(description=label, style=LABEL, layout=w.Layout(width="40em"))
            field.add_class(f"cp-need-{key.replace('_', '-')}")
            self._fields[key] = field
        self._submit = button(td.NEEDS_SUBMIT, "cp-need-submit", "primary")
        self._submit.on_click(self._on_submit)
        self._notice = Notice()
        self.add_class("cp-need-form")
        self.children = (w.HTML(f"<h3>{td.NEEDS_FORM_TITLE}</h3>"), *self._fields.values(),
                         self._submit, self._notice)

    @property
    def notice(self) -> Notice:
        """The form's message area."""
        return self._notice

    def fill(self, **fields: str) -> None:
        """Fill fields by their key (besoin, public, … modele, partenaires)."""
        for key, value in fields.items():
            self._fields[key].value = value

    def submit(self) -> None:
        """Press the button."""
        self._submit.click()

    @guarded()
    def _on_submit(self, _button: w.Button) -> None:
        needs_logic.add_need(self._store, self._session, group=self._group(),
                             **{k: f.value for k, f in self._fields.items()})
        for field in self._fields.values():
            field.value = ""
        self._notice.show(td.NEEDS_SAVED, "succes")


class NeedsBoard(w.VBox):
    """The shared needs / responses grid, as a table (plain data, no pandas)."""

    def __init__(self, store: Store, session: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session = store, session
        self._table = w.HTML()
        self._table.add_class("cp-needs-table")
        self._table.add_class(SCROLL_HOST)
        self.add_class("cp-needs-board")
        self.children = (w.HTML(f"<h3>{td.NEEDS_TITLE}</h3>"), self._table)
        self.rows: list[dict[str, Any]] = []
        self.refresh()

    def refresh(self) -> None:
        """Re-read the lines and redraw."""
        self.rows = needs_logic.need_rows(needs_logic.needs(self._store, self._session))
        self._table.value = SHRINK + needs_table_html(self.rows)
