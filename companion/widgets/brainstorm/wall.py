"""The trainer's space of a brainstorm: live wall, moderation, animation of the round.

Every action checks the trainer gate again (a page never reaches them without the code).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w

from companion import brainstorm as bs
from companion.brainstorm.results import Snapshot, group_label
from companion.core.errors import InputError
from companion.core.safety import escape
from companion.store import Store
from companion.texts import brainstorm as tb
from companion.texts import common as tc
from companion.widgets.base import TrainerGate, TrainerPanel, button, trainer_only
from companion.widgets.brainstorm.cards import group_colour, idea_html

LABEL = {"description_width": "11em"}
ROUND_NOTEBOOKS = {"difficultes": "02_remue_meninges_1.ipynb",
                   "leviers": "03_remue_meninges_2.ipynb"}


def wall_html(snap: Snapshot, by: str = "theme") -> str:
    """Return the wall: one column per theme (or subgroup), one card per visible idea."""
    groups = snap.groups
    if by == "theme":
        columns = list(snap.round.themes)
        key: Callable[[bs.Idea], str] = lambda i: i.theme  # noqa: E731
    else:
        columns = groups
        key = lambda i: group_label(i.group)  # noqa: E731
    cells = []
    for column in columns:
        cards = [i for i in snap.cards if key(i) == column]
        if snap.state.revealed:
            cards.sort(key=lambda i: -snap.counts.get(i.uid, 0))
        body = []
        for idea in cards:
            colour = group_colour(idea.group, groups)
            meta = [escape(group_label(idea.group) if by == "theme" else idea.theme)]
            if idea.is_merge:
                meta.append(escape(tb.MERGED_FROM.format(count=len(idea.sources))))
                if idea.authors:
                    meta.append(escape(", ".join(idea.authors)))
            elif idea.pseudonym:
                meta.append(escape(idea.pseudonym))
            if idea.by_trainer:
                meta.append(escape(tb.PAPER_BADGE))
            if snap.state.revealed:
                meta.append(f"<strong>{escape(tb.VOTES.format(count=snap.counts[idea.uid]))}"
                            f"</strong>")
            body.append(
                f"<div class='cp-wall-card' style='border-left:5px solid {colour};"
                f"background:#fbfcfc;margin:.3em 0;padding:.35em;box-shadow:0 1px 2px #ccd'>"
                f"<div class='cp-idea'>{idea_html(idea.text)}</div>"
                f"<small style='color:{colour}'>{' · '.join(meta)}</small></div>")
        cells.append(
            f"<div class='cp-wall-column'><h4 style='margin:.2em 0'>{escape(column)} "
            f"({len(cards)})</h4>{''.join(body)}</div>")
    return ("<div style='display:grid;grid-template-columns:repeat(auto-fill,minmax(15em,1fr));"
            f"gap:.6em;align-items:start'>{''.join(cells)}</div>")


class RoundPanel(TrainerPanel):
    """A trainer's panel on the round shown (:attr:`snap`); its actions need the gate."""

    def __init__(self, store: Store, session: str, gate: TrainerGate | None,
                 on_write: Callable[[], None] | None = None, **kwargs: Any) -> None:
        super().__init__(store, session, gate, on_write, **kwargs)
        self.snap: Snapshot | None = None

    def current(self) -> Snapshot:
        """Return the round shown, or refuse (French message) before the first one."""
        if self.snap is None:
            raise InputError(tc.NO_SESSION)
        return self.snap


class WallView(w.VBox):
    """The projected wall, live, by theme or by subgroup."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._by = w.ToggleButtons(options=[(tb.WALL_BY_THEME, "theme"),
                                            (tb.WALL_BY_GROUP, "group")],
                                   description=tb.WALL_BY)
        self._by.add_class("cp-wall-by")
        self._by.observe(lambda _c: self._draw(), names="value")
        self._count = w.HTML()
        self._count.add_class("cp-wall-count")
        self._wall = w.HTML()
        self._wall.add_class("cp-wall")
        self.children = (self._by, self._count, self._wall)
        self.snap: Snapshot | None = None

    def update(self, snap: Snapshot) -> None:
        """Redraw the wall from ``snap``."""
        self.snap = snap
        self._draw()

    def _draw(self) -> None:
        snap = self.snap
        if snap is None:
            return
        count = tb.WALL_COUNT.format(count=len(snap.cards), groups=len(snap.groups))
        if snap.state.voting_open:
            count += " — " + tb.VOTES_CAST.format(count=len(snap.votes),
                                                  voters=bs.voters(snap.votes))
            count += ". " + tb.VOTES_HIDDEN
        self._count.value = f"<p>{escape(count)}</p>"
        self._wall.value = wall_html(snap, self._by.value)

    @property
    def html(self) -> str:
        """The wall as drawn."""
        return str(self._wall.value)


class ModerationPanel(RoundPanel):
    """Hide, edit, move, merge and unmerge cards; type ideas and votes for a paper group."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.select = w.SelectMultiple(description=tb.SELECT_IDEAS, style=LABEL,
                                       layout=w.Layout(width="100%", height="14em"))
        self.select.add_class("cp-moderation-select")
        self._provenance = w.HTML()
        self._provenance.add_class("cp-provenance")
        self.select.observe(lambda _c: self._show_provenance(), names="value")
        self._new_text = w.Textarea(description=tb.MERGE_TEXT, style=LABEL,
                                    layout=w.Layout(width="100%"))
        self._new_text.add_class("cp-moderation-text")
        self._theme = w.Dropdown(description=tb.THEME_FIELD, style=LABEL)
        self._theme.add_class("cp-moderation-theme")
        actions = [(tb.HIDE, "cp-hide", self._hide), (tb.SHOW, "cp-show", self._show),
                   (tb.EDIT_TEXT, "cp-edit-text", self._edit), (tb.MOVE, "cp-move", self._move),
                   (tb.MERGE, "cp-merge", self._merge), (tb.UNMERGE, "cp-unmerge", self._unmerge)]
        self.buttons = {}
        for label, css, handler in actions:
            self.buttons[css] = button(label, css)
            self.buttons[css].on_click(handler)
        self._paper_group = w.Combobox(description=tb.PAPER_GROUP, style=LABEL,
                                       ensure_option=False)
        self._paper_group.add_class("cp-paper-group")
        self._paper_text = w.Textarea(description=tb.IDEA_FIELD_NAME, style=LABEL,
                                      layout=w.Layout(width="100%"))
        self._paper_text.add_class("cp-paper-text")
        self._paper_submit = button(tb.PAPER_SUBMIT, "cp-paper-submit", "primary")
        self._paper_submit.on_click(self._paper_idea)
        self._paper_count = w.BoundedIntText(value=1, min=1, max=200,
                                             description=tb.PAPER_VOTES, style=LABEL)
        self._paper_count.add_class("cp-paper-count")
        self._paper_votes = button(tb.PAPER_VOTE_SUBMIT, "cp-paper-votes")
        self._paper_votes.on_click(self._paper_vote)
        self.add_class("cp-moderation")
        self.children = (
            w.HTML(f"<h3>{tb.MODERATION_TITLE}</h3>"), self.select, self._provenance,
            self._theme, self._new_text, w.HBox(list(self.buttons.values())), self._notice,
            w.HTML(f"<h3>{tb.PAPER_TITLE}</h3>"), self._paper_group, self._paper_text,
            self._paper_submit, w.HBox([self._paper_count, self._paper_votes]),
        )

    def update(self, snap: Snapshot) -> None:
        """Re-list the cards (hidden ones marked) and the themes and subgroups."""
        self.snap = snap
        options = []
        for idea in snap.ideas:
            if idea.merged_into or (idea.hidden and idea.is_merge):
                continue
            mark = tb.HIDDEN_MARK if idea.hidden else ""
            text = " ".join(idea.text.split())
            options.append((f"{mark}[{group_label(idea.group)} · {idea.theme}] {text[:100]}",
                            idea.uid))
        if list(self.select.options) != options:
            keep = tuple(v for v in self.select.value if v in {u for _, u in options})
            self.select.options = options
            self.select.value = keep
        if list(self._theme.options) != list(snap.round.themes):
            self._theme.options = list(snap.round.themes)
        self._paper_group.options = tuple(snap.groups)

    def _show_provenance(self) -> None:
        if self.snap is None or len(self.select.value) != 1:
            self._provenance.value = ""
            return
        by_uid = self.snap.by_uid
        card = by_uid.get(self.select.value[0])
        if card is None or not card.is_merge:
            self._provenance.value = ""
            return
        items = "".join(f"<li>[{escape(group_label(o.group))}] {escape(o.text)}"
                        f"{' — ' + escape(o.pseudonym) if o.pseudonym else ''}</li>"
                        for o in bs.provenance(card, by_uid))
        self._provenance.value = f"<p>{tb.PROVENANCE} :</p><ul>{items}</ul>"

    def _selected(self, exactly_one: bool = False) -> list[str]:
        chosen = list(self.select.value)
        if not chosen:
            raise InputError(tb.SELECT_NONE)
        if exactly_one and len(chosen) != 1:
            raise InputError(tb.SELECT_ONE)
        return chosen

    @trainer_only()
    def _hide(self, _b: w.Button) -> None:
        self.done(tb.HIDDEN_DONE.format(count=bs.set_hidden(self._store, self._selected(),
                                                             True)))

    @trainer_only()
    def _show(self, _b: w.Button) -> None:
        self.done(tb.SHOWN_DONE.format(count=bs.set_hidden(self._store, self._selected(),
                                                            False)))

    @trainer_only()
    def _edit(self, _b: w.Button) -> None:
        bs.edit_text(self._store, self._selected(exactly_one=True)[0], self._new_text.value)
        self._new_text.value = ""
        self.done(tb.EDITED_DONE)

    @trainer_only()
    def _move(self, _b: w.Button) -> None:
        snap = self.current()
        count = bs.move(self._store, snap.round, self._selected(), self._theme.value)
        self.done(tb.MOVED_DONE.format(count=count))

    @trainer_only()
    def _merge(self, _b: w.Button) -> None:
        snap = self.current()
        chosen = self._selected()
        bs.merge(self._store, self._session, chosen, text=self._new_text.value,
                 round_=snap.round)
        self._new_text.value = ""
        self.select.value = ()
        self.done(tb.MERGED_DONE.format(count=len(chosen)))

    @trainer_only()
    def _unmerge(self, _b: w.Button) -> None:
        count = bs.unmerge(self._store, self._selected(exactly_one=True)[0])
        self.select.value = ()
        self.done(tb.UNMERGED_DONE.format(count=count))

    @trainer_only()
    def _paper_idea(self, _b: w.Button) -> None:
        snap = self.current()
        bs.post_for_group(self._store, self._session, snap.round, self._paper_group.value,
                          self._paper_text.value, self._theme.value)
        self._store.add_group(self._session, bs.clean_group(self._paper_group.value))
        self._paper_text.value = ""
        self.done(tb.IDEA_POSTED)

    @trainer_only()
    def _paper_vote(self, _b: w.Button) -> None:
        snap = self.current()
        count = bs.cast_for_group(self._store, self._session, snap.state,
                                  self._paper_group.value, self._selected(exactly_one=True)[0],
                                  self._paper_count.value, snap.ideas)
        self.done(tb.PAPER_VOTES_DONE.format(count=count, group=self._paper_group.value))

    def act(self, css_class: str, uids: list[str] | tuple[str, ...], *, text: str = "",
            theme: str | None = None) -> None:
        """Select ``uids``, fill the text and theme, press the button ``css_class``."""
        self.select.value = tuple(uids)
        self._new_text.value = text
        if theme is not None:
            self._theme.value = theme
        self.buttons[css_class].click()

    def paper(self, group: str, text: str = "", theme: str | None = None,
              votes_for: str | None = None, count: int = 1) -> None:
        """Type in an idea (or ``count`` votes for the idea ``votes_for``) for a paper group."""
        self._paper_group.value = group
        if votes_for is not None:
            self.select.value = (votes_for,)
            self._paper_count.value = count
            self._paper_votes.click()
            return
        self._paper_text.value = text
        if theme is not None:
            self._theme.value = theme
        self._paper_submit.click()
