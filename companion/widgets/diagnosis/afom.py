"""AFOM grid widgets: a subgroup's form, the shared 2×2 view with votes, the moderation.

The trainer's moderation validates, edits, merges, hides and promotes a brainstorm idea.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from companion.content.diagnosis import DiagnosticContent, diagnostic_content
from companion.core.errors import InputError
from companion.core.model import TRAINER, Record
from companion.core.visitor import visitor_id
from companion.diagnosis import afom as logic
from companion.diagnosis.views import afom_grid_html
from companion.store import Store
from companion.texts import diagnosis as td
from companion.widgets.base import Notice, TrainerGate, button, guarded, trainer_only

LABEL = {"description_width": "11em"}
IDEA_KINDS = ("idea",)


def _quadrant_options() -> list[tuple[str, str]]:
    return [(f"{td.QUADRANT_LABELS[q]} ({td.QUADRANT_HINTS[q]})", q) for q in logic.QUADRANTS]


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AfomForm(w.VBox):
    """A subgroup proposes one item: quadrant, text, theme, source kind and reference."""

    def __init__(self, store: Store, session: str, group: Callable[[], str],
                 content: DiagnosticContent | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session, self._group = store, session, group
        content = content or diagnostic_content()
        self._quadrant = w.Dropdown(options=_quadrant_options(), description=td.F_QUADRANT,
                                    style=LABEL)
        self._text = w.Textarea(placeholder=td.AFOM_FORM_HELP,
                                layout=w.Layout(width="100%", height="4.5em"))
        self._theme = w.Dropdown(options=content.themes, description=td.F_THEME, style=LABEL)
        self._source = w.Dropdown(options=content.sources, description=td.F_SOURCE, style=LABEL)
        self._reference = w.Text(description=td.F_REFERENCE, style=LABEL,
                                 layout=w.Layout(width="36em"))
        self._submit = button(td.AFOM_SUBMIT, "cp-afom-submit", "primary")
        self._submit.on_click(self._on_submit)
        self._notice = Notice()
        for widget, hook in ((self._quadrant, "cp-afom-quadrant"), (self._text, "cp-afom-text"),
                             (self._theme, "cp-afom-theme"), (self._source, "cp-afom-source"),
                             (self._reference, "cp-afom-reference")):
            widget.add_class(hook)
        self.add_class("cp-afom-form")
        self.children = (w.HTML(f"<h3>{td.AFOM_FORM_TITLE}</h3>"), self._quadrant, self._text,
                         self._theme, self._source, self._reference, self._submit, self._notice)

    @property
    def notice(self) -> Notice:
        """The form's message area."""
        return self._notice

    def fill(self, quadrant: str, text: str, theme: str | None = None, source: str | None = None,
             reference: str = "") -> None:
        """Fill the form as a person would."""
        self._quadrant.value = logic.quadrant_id(quadrant)
        self._text.value = text
        if theme is not None:
            self._theme.value = theme
        if source is not None:
            self._source.value = source
        self._reference.value = reference

    def submit(self) -> None:
        """Press the button."""
        self._submit.click()

    @guarded()
    def _on_submit(self, _button: w.Button) -> None:
        record = logic.add_item(
            self._store, self._session, group=self._group(), quadrant=self._quadrant.value,
            texte=self._text.value, theme=self._theme.value, source=self._source.value,
            reference=self._reference.value)
        self._text.value = self._reference.value = ""
        quadrant = td.QUADRANT_LABELS[record.get("quadrant")]
        self._notice.show(td.AFOM_SAVED.format(quadrant=quadrant), "succes")


class AfomBoard(w.VBox):
    """The shared grid (the 2×2 HTML view) and the votes.

    Plain HTML, no chart library: the plotly view for projection is the trainer's
    (:class:`~companion.widgets.diagnosis.projection.ProjectionPanel`).
    """

    def __init__(self, store: Store, session: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session = store, session
        self._voter = visitor_id() or uuid.uuid4().hex  # the browser, else this page
        self._count = w.HTML()
        self._count.add_class("cp-afom-count")
        self._grid = w.HTML()
        self._grid.add_class("cp-afom-view")
        self._vote_choice = w.Dropdown(description=td.VOTE_LABEL, style=LABEL,
                                       layout=w.Layout(width="44em"))
        self._vote_choice.add_class("cp-afom-vote-choice")
        self._vote = button(td.VOTE_BUTTON, "cp-afom-vote")
        self._vote.on_click(self._on_vote)
        self._notice = Notice()
        self.add_class("cp-afom-board")
        self.grid: list[logic.AfomItem] = []
        self.children = (w.HTML(f"<h3>{td.AFOM_GRID_TITLE}</h3>"), self._count, self._grid,
                         w.HBox([self._vote_choice, self._vote]), self._notice)
        self.refresh()

    def refresh(self) -> None:
        """Re-read the items and redraw the grid."""
        self.grid = logic.items(self._store, self._session)
        validated = sum(1 for i in self.grid if i.status == logic.VALIDATED)
        count = td.AFOM_COUNT.format(count=len(self.grid), validated=validated)
        self._count.value = f"<p>{count}</p>"
        self._grid.value = afom_grid_html(self.grid)
        options = [(f"{td.QUADRANT_LABELS[i.quadrant]} — {_short(i.text)}", i.uid)
                   for i in self.grid]
        if options != list(self._vote_choice.options):
            current = self._vote_choice.value
            self._vote_choice.options = options
            self._vote_choice.value = current if current in dict(options).values() else None

    @property
    def notice(self) -> Notice:
        """The board's message area."""
        return self._notice

    def vote_for(self, uid: str) -> None:
        """Choose an item and press « Voter »."""
        self._vote_choice.value = uid
        self._vote.click()

    @guarded()
    def _on_vote(self, _button: w.Button) -> None:
        if self._vote_choice.value:
            logic.vote(self._store, self._session, self._vote_choice.value, self._voter)
            self._notice.show(td.VOTED, "succes")
            self.refresh()


class AfomModeration(w.VBox):
    """The trainer validates, edits, hides and merges items, and promotes brainstorm ideas."""

    def __init__(self, store: Store, session: str, content: DiagnosticContent | None = None,
                 on_change: Callable[[], None] | None = None, *,
                 gate: TrainerGate | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session = store, session
        self.gate = gate  # every action checks it (trainer_only)
        self._on_change = on_change or (lambda: None)
        content = content or diagnostic_content()
        self._item = w.Dropdown(description=td.PICK_ITEM, style=LABEL,
                                layout=w.Layout(width="48em"))
        self._item.add_class("cp-afom-pick")
        self._item.observe(lambda _c: self._load(), names="value")
        self._validate = button(td.VALIDATE, "cp-afom-validate", "success")
        self._unvalidate = button(td.UNVALIDATE, "cp-afom-unvalidate")
        self._hide = button(td.HIDE, "cp-afom-hide", "warning")
        self._quadrant = w.Dropdown(options=_quadrant_options(), description=td.F_QUADRANT,
                                    style=LABEL)
        self._text = w.Textarea(layout=w.Layout(width="100%", height="4em"))
        self._text.add_class("cp-afom-edit-text")
        self._theme = w.Dropdown(options=content.themes, description=td.F_THEME, style=LABEL)
        self._source = w.Dropdown(options=content.sources, description=td.F_SOURCE, style=LABEL)
        self._priority = w.Dropdown(options=[(v, k) for k, v in td.PRIORITY_LABELS.items()],
                                    description=td.F_PRIORITY, style=LABEL)
        self._edit = button(td.EDIT, "cp-afom-edit", "primary")
        self._sources = w.SelectMultiple(description=td.MERGE_SOURCES, style=LABEL,
                                         layout=w.Layout(width="48em", height="8em"))
        self._sources.add_class("cp-afom-merge-sources")
        self._merge = button(td.MERGE, "cp-afom-merge")
        self._idea = w.Dropdown(description=td.PROMOTE_PICK, style=LABEL,
                                layout=w.Layout(width="48em"))
        self._idea.add_class("cp-afom-idea")
        self._idea_quadrant = w.Dropdown(options=_quadrant_options(), description=td.F_QUADRANT,
                                         style=LABEL)
        self._promote = button(td.PROMOTE, "cp-afom-promote")
        self._notice = Notice()
        for widget, handler in ((self._validate, self._on_validate),
                                (self._unvalidate, self._on_unvalidate),
                                (self._hide, self._on_hide), (self._edit, self._on_edit),
                                (self._merge, self._on_merge), (self._promote, self._on_promote)):
            widget.on_click(handler)
        self._versions: dict[str, int] = {}
        self._grid: dict[str, logic.AfomItem] = {}
        self._ideas: dict[str, Record] = {}
        self.add_class("cp-afom-moderation")
        self.children = (
            w.HTML(f"<h3>{td.MODERATION_TITLE}</h3>"), self._item,
            w.HBox([self._validate, self._unvalidate, self._hide]),
            self._quadrant, self._text, self._theme, self._source, self._priority, self._edit,
            w.HTML(f"<h4>{td.MERGE}</h4>"), self._sources, self._merge,
            w.HTML(f"<h4>{td.PROMOTE_TITLE}</h4>"), self._idea, self._idea_quadrant,
            self._promote, self._notice)
        self.refresh()

    @property
    def notice(self) -> Notice:
        """The moderation's message area."""
        return self._notice

    def refresh(self) -> None:
        """Re-list items and brainstorm ideas."""
        grid = logic.items(self._store, self._session)
        self._versions = {i.uid: i.version for i in grid}
        options = [(f"{td.QUADRANT_LABELS[i.quadrant]} — {_short(i.text)} ({i.group or '—'})",
                    i.uid) for i in grid]
        if options != list(self._item.options):
            current = self._item.value
            self._item.options = options
            self._item.value = current if current in self._versions else None
        self._grid = {i.uid: i for i in grid}
        self._offer_sources()
        promoted = {i.origin for i in grid if i.origin}
        self._ideas = {r.uid: r for kind in IDEA_KINDS
                       for r in self._store.list_records(self._session, kind)
                       if not r.hidden and not r.merged_into and r.uid not in promoted}
        ideas = [(_short(str(r.get("texte") or r.get("text") or "")), r.uid)
                 for r in self._ideas.values()]
        if ideas != list(self._idea.options):
            self._idea.options = ideas

    def _offer_sources(self) -> None:
        """Offer as merge sources only the other items of the chosen target's card."""
        target = self._grid.get(self._item.value or "")
        options = [] if target is None else [
            (f"{td.QUADRANT_LABELS[i.quadrant]} — {_short(i.text)} ({i.group or '—'})", i.uid)
            for i in self._grid.values() if i.quadrant == target.quadrant and i.uid != target.uid]
        if options != list(self._sources.options):
            self._sources.options = options

    def _load(self) -> None:
        uid = self._item.value
        self._offer_sources()
        if not uid:
            return
        record = self._store.get_record(uid)
        self._quadrant.value = record.get("quadrant")
        self._text.value = record.get("texte", "")
        if record.get("theme") in self._theme.options:
            self._theme.value = record.get("theme")
        if record.get("source") in self._source.options:
            self._source.value = record.get("source")
        self._priority.value = int(record.get("priorite", 0) or 0)

    def select(self, uid: str) -> None:
        """Choose the item the buttons act on."""
        self._item.value = uid

    def edit(self, **fields: Any) -> None:
        """Change the edit fields (quadrant, text, theme, source, priority) and save."""
        for name, value in fields.items():
            getattr(self, f"_{name}").value = value
        self._edit.click()

    def merge(self, target: str, sources: list[str]) -> None:
        """Merge ``sources`` into ``target``."""
        self._item.value = target
        self._sources.value = tuple(sources)
        self._merge.click()

    def promote(self, idea_uid: str, quadrant: str) -> None:
        """Copy a brainstorm idea into ``quadrant``."""
        self._idea.value = idea_uid
        self._idea_quadrant.value = logic.quadrant_id(quadrant)
        self._promote.click()

    def click(self, action: str) -> None:
        """Press « valider », « dévalider » or « masquer » on the chosen item.

        ``action`` is ``validate``, ``unvalidate`` or ``hide``.
        """
        {"validate": self._validate, "unvalidate": self._unvalidate,
         "hide": self._hide}[action].click()

    def _done(self, message: str) -> None:
        self._notice.show(message, "succes")
        self.refresh()
        self._on_change()

    def _chosen(self) -> str:
        if not self._item.value:
            raise InputError(td.PICK_ITEM_REQUIRED)
        return str(self._item.value)

    @trainer_only()
    def _on_validate(self, _button: w.Button) -> None:
        logic.set_status(self._store, self._chosen(), True, actor=TRAINER)
        self._done(td.VALIDATED_DONE)

    @trainer_only()
    def _on_unvalidate(self, _button: w.Button) -> None:
        logic.set_status(self._store, self._chosen(), False, actor=TRAINER)
        self._done(td.UNVALIDATED_DONE)

    @trainer_only()
    def _on_hide(self, _button: w.Button) -> None:
        logic.hide_item(self._store, self._chosen(), actor=TRAINER)
        self._done(td.HIDDEN_DONE)

    @trainer_only()
    def _on_edit(self, _button: w.Button) -> None:
        uid = self._chosen()
        logic.edit_item(self._store, uid, actor=TRAINER, expected_version=self._versions.get(uid),
                        quadrant=self._quadrant.value, texte=self._text.value,
                        theme=self._theme.value, source=self._source.value,
                        priorite=self._priority.value)
        self._done(td.EDITED_DONE)

    @trainer_only()
    def _on_merge(self, _button: w.Button) -> None:
        sources = list(self._sources.value)
        logic.merge_items(self._store, self._chosen(), sources, actor=TRAINER)
        self._done(td.MERGED_DONE.format(count=len([s for s in sources if s != self._item.value])))

    @trainer_only()
    def _on_promote(self, _button: w.Button) -> None:
        idea = self._ideas.get(self._idea.value or "")
        if idea is None:
            raise InputError(td.NO_IDEA)
        # theme and source come from the idea, never from the edit form above
        record = logic.promote_idea(self._store, self._session, idea,
                                    quadrant=self._idea_quadrant.value)
        self._done(td.PROMOTED.format(quadrant=td.QUADRANT_LABELS[record.get("quadrant")]))
