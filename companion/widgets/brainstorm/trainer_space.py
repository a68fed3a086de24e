"""The trainer's running of a round, and the trainer's space around it.

Running: phases, timer, voting rules, subgroups and their links, new rounds. The trainer's
space gathers wall, moderation, restitution and exports.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w

from companion import brainstorm as bs
from companion.brainstorm.results import Snapshot
from companion.content.course import Course
from companion.core import join
from companion.core.safety import escape
from companion.store import Store
from companion.texts import brainstorm as tb
from companion.texts import confirm as tconfirm
from companion.widgets.base import Notice, TrainerGate, button, trainer_only
from companion.widgets.brainstorm.restitution import ExportPanel, RestitutionView
from companion.widgets.brainstorm.wall import (
    LABEL,
    ROUND_NOTEBOOKS,
    ModerationPanel,
    RoundPanel,
    WallView,
)
from companion.widgets.confirm import Confirmation


class AnimationPanel(RoundPanel):
    """Phases, countdown, voting rules, subgroups with their join links, new rounds."""

    def __init__(self, store: Store, session: str, gate: TrainerGate,
                 on_write: Callable[[], None], *, content: Course | None = None,
                 base_url: str | None = None, **kwargs: Any) -> None:
        super().__init__(store, session, gate, on_write, **kwargs)
        self._content, self._base_url = content, base_url
        self._shown_round = ""
        self.phase_buttons = {}
        for phase in bs.PHASES:
            self.phase_buttons[phase] = button(tb.PHASE_LABELS[phase], f"cp-phase-{phase}")
            self.phase_buttons[phase].on_click(lambda _b, p=phase: self._set_phase(p))
        self._minutes = w.BoundedIntText(value=10, min=1, max=240,
                                         description=tb.TIMER_MINUTES, style=LABEL)
        self._minutes.add_class("cp-timer-minutes")
        self._start = button(tb.TIMER_START, "cp-timer-start", "primary")
        self._start.on_click(self._start_timer)
        self._stop = button(tb.TIMER_STOP, "cp-timer-stop")
        self._stop.on_click(self._stop_timer)
        self._budget = w.BoundedIntText(value=5, min=1, max=50, description=tb.BUDGET_FIELD,
                                        style=LABEL)
        self._budget.add_class("cp-vote-budget-field")
        self._stacking = w.Checkbox(description=tb.STACKING_FIELD, indent=False)
        self._stacking.add_class("cp-vote-stacking")
        self._rules = button(tb.RULES_APPLY, "cp-vote-rules")
        self._rules.on_click(self._apply_rules)
        self._group = w.Text(description=tb.GROUP_OTHER_FIELD, style=LABEL)
        self._group.add_class("cp-group-name")
        self._add_group = button(tb.GROUP_ADD, "cp-group-add")
        self._add_group.on_click(self._on_add_group)
        self._links = w.HTML()
        self._links.add_class("cp-group-links")
        self._round_title = w.Text(description=tb.ROUND_TITLE_FIELD, style=LABEL,
                                   layout=w.Layout(width="100%"))
        self._round_question = w.Textarea(description=tb.ROUND_QUESTION_FIELD, style=LABEL,
                                          layout=w.Layout(width="100%"))
        self._round_themes = w.Textarea(description=tb.ROUND_THEMES_FIELD, style=LABEL,
                                        layout=w.Layout(width="100%", height="8em"))
        self._round_link = w.Dropdown(description=tb.ROUND_LINK_FIELD, style=LABEL)
        self._round_add = button(tb.ROUND_ADD, "cp-round-add")
        self._round_add.on_click(self._on_add_round)
        self.confirmation = Confirmation()
        self.controls = w.VBox([
            w.HBox([w.HTML(f"<strong>{tb.PHASE_SET}</strong>&nbsp;"),
                    *self.phase_buttons.values()]),
            self.confirmation,
            w.HBox([self._minutes, self._start, self._stop]), self._notice])
        self.controls.add_class("cp-phase-controls")
        self.add_class("cp-animation")
        self.children = (
            w.HBox([self._budget, self._stacking, self._rules]),
            w.HTML(f"<h3>{tb.GROUP_LINKS_TITLE}</h3>"), w.HBox([self._group, self._add_group]),
            self._links,
            w.HTML(f"<h3>{tb.NEW_ROUND_TITLE}</h3>"), self._round_title, self._round_question,
            self._round_themes, self._round_link, self._round_add,
        )

    def update(self, snap: Snapshot) -> None:
        """Show the current phase and rules, the subgroups' links and the rounds."""
        first = self._shown_round != snap.round.id
        self._shown_round = snap.round.id
        self.snap = snap
        self.show_phase(snap)
        if first:
            self._budget.value, self._stacking.value = snap.state.budget, snap.state.stacking
        rounds = bs.rounds(self._store, self._session, self._content)
        self._round_link.options = [(tb.ROUND_NO_LINK, "")] + [(r.title, r.id) for r in rounds]
        self._links.value = self._links_html(snap)

    def show_phase(self, snap: Snapshot) -> None:
        """Highlight the button of the current phase."""
        for phase, control in self.phase_buttons.items():
            control.button_style = "primary" if phase == snap.state.phase else ""

    def _links_html(self, snap: Snapshot) -> str:
        groups = [g.name for g in self._store.list_groups(self._session)]
        if not self._base_url:
            return f"<p>{escape(tb.GROUP_NO_LINK)}</p>"
        notebook = ROUND_NOTEBOOKS.get(snap.round.id, ROUND_NOTEBOOKS["difficultes"])
        items = []
        for group in groups:
            url = join.join_url(self._base_url, notebook, self._session, group)
            if snap.round.id not in ROUND_NOTEBOOKS:
                url += f"&manche={snap.round.id}"
            items.append(f"<div style='display:inline-block;margin:.5em;text-align:center'>"
                         f"{join.qr_svg(url, scale=3)}<br><strong>{escape(group)}</strong>"
                         f"<br><small>{escape(url)}</small></div>")
        return "".join(items)

    @trainer_only()
    def _set_phase(self, phase: str) -> None:
        snap = self.current()
        if snap.state.phase == "clos" and phase != "clos":  # reopening hides the results again
            what = {"ecriture": tconfirm.REOPEN_WRITE, "mise_en_commun": tconfirm.REOPEN_WRITE,
                    "vote": tconfirm.REOPEN_VOTE}.get(phase, tconfirm.REOPEN_OTHER)
            self.confirmation.ask(
                tconfirm.REOPEN_ROUND.format(title=snap.round.title, phase=tb.PHASE_LABELS[phase],
                                       what=what),
                lambda: self._apply_phase(phase))
            return
        self._apply_phase(phase)

    @trainer_only()
    def _apply_phase(self, phase: str) -> None:
        """Move the current round to ``phase``; the store keeps every change (who, when)."""
        snap = self.current()
        bs.set_phase(self._store, self._session, snap.round.id, phase, self._content)
        self.done(tb.PHASE_CHANGED.format(phase=tb.PHASE_LABELS[phase]))

    @trainer_only()
    def _start_timer(self, _b: w.Button) -> None:
        snap = self.current()
        bs.start_timer(self._store, self._session, snap.round.id, self._minutes.value,
                       content=self._content)
        self.done(tb.TIMER_STARTED.format(minutes=self._minutes.value))

    @trainer_only()
    def _stop_timer(self, _b: w.Button) -> None:
        snap = self.current()
        bs.stop_timer(self._store, self._session, snap.round.id, self._content)
        self.done(tb.TIMER_STOP)

    @trainer_only()
    def _apply_rules(self, _b: w.Button) -> None:
        snap = self.current()
        bs.set_vote_rules(self._store, self._session, snap.round.id, budget=self._budget.value,
                          stacking=self._stacking.value, content=self._content)
        self.done(tb.RULES_APPLIED.format(budget=self._budget.value))

    @trainer_only()
    def _on_add_group(self, _b: w.Button) -> None:
        name = bs.clean_group(self._group.value)
        self._store.add_group(self._session, name)
        self._group.value = ""
        self.done(tb.GROUP_ADDED.format(group=name))

    @trainer_only()
    def _on_add_round(self, _b: w.Button) -> None:
        new = bs.add_round(self._store, self._session, title=self._round_title.value,
                           question=self._round_question.value,
                           themes=self._round_themes.value,
                           linked_to=self._round_link.value or None, content=self._content)
        self._round_title.value = self._round_question.value = self._round_themes.value = ""
        self.done(tb.ROUND_ADDED.format(title=new.title, id=new.id))

    def set_phase(self, phase: str) -> None:
        """Press the button of ``phase``."""
        self.phase_buttons[phase].click()

    def start_timer(self, minutes: int) -> None:
        """Start a countdown of ``minutes``."""
        self._minutes.value = minutes
        self._start.click()

    def set_rules(self, budget: int, stacking: bool) -> None:
        """Set the voting rules."""
        self._budget.value, self._stacking.value = budget, stacking
        self._rules.click()

    def add_group(self, name: str) -> None:
        """Add a subgroup."""
        self._group.value = name
        self._add_group.click()

    def add_round(self, title: str, question: str, themes: str, linked_to: str = "") -> None:
        """Add a round."""
        self._round_title.value, self._round_question.value = title, question
        self._round_themes.value, self._round_link.value = themes, linked_to
        self._round_add.click()


class TrainerSpace(w.VBox):
    """Wall, moderation, animation, restitution and exports, one section shown at a time."""

    SECTIONS = ((tb.SECTION_WALL, "wall"), (tb.MODERATION_TITLE, "moderation"),
                (tb.SECTION_ANIMATION, "animation"), (tb.SECTION_RESTITUTION, "restitution"),
                (tb.SECTION_EXPORT, "export"))

    def __init__(self, store: Store, session: str, round_id: str, *, gate: TrainerGate,
                 on_write: Callable[[], None], on_round: Callable[[str], None],
                 content: Course | None = None, base_url: str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session, self._content = store, session, content
        self._on_round = on_round
        self.wall = WallView()
        self.moderation = ModerationPanel(store, session, gate, on_write)
        self.animation = AnimationPanel(store, session, gate, on_write, content=content,
                                        base_url=base_url)
        self.restitution = RestitutionView()
        self.export = ExportPanel(store, session, gate, on_write)
        self._round = w.Dropdown(description=tb.ROUND_PICK, style=LABEL,
                                 layout=w.Layout(width="40em"))
        self._round.add_class("cp-round-pick")
        self._round_id = round_id
        self._round.observe(self._on_round_pick, names="value")
        self.section = w.ToggleButtons(options=self.SECTIONS, value="wall")
        self.section.add_class("cp-trainer-sections")
        self.section.observe(lambda _c: self._show(), names="value")
        self._body = w.VBox()
        self._notice = Notice()
        self.turnout = w.HTML()  # voters vs registered: a stuffed vote shows as a gap
        self.turnout.add_class("cp-voters")
        self.snap: Snapshot | None = None
        self.add_class("cp-trainer-space")
        self.children = (self._round, self.animation.controls, self.turnout, self.section,
                         self._body, self._notice)
        self._show()

    def _parts(self) -> dict[str, Any]:
        return {"wall": self.wall, "moderation": self.moderation, "animation": self.animation,
                "restitution": self.restitution, "export": self.export}

    def _show(self) -> None:
        part = self._parts()[self.section.value]
        self._body.children = (part,)
        if self.snap is not None:
            part.update(self.snap)

    def _on_round_pick(self, change: dict[str, Any]) -> None:
        if change["new"] and change["new"] != self._round_id:
            self._round_id = change["new"]
            self._on_round(change["new"])

    def update(self, snap: Snapshot) -> None:
        """Refresh the shown section (the others refresh when shown)."""
        self.snap = snap
        rounds = bs.rounds(self._store, self._session, self._content)
        options = [(r.title, r.id) for r in rounds]
        if list(self._round.options) != options:
            self._round.options = options
        self._round_id = snap.round.id
        self._round.value = snap.round.id
        for panel in (self.animation, self.export):
            panel.snap = snap
        self.animation.show_phase(snap)
        registered = len(self._store.list_participants(self._session))
        self.turnout.value = "<p>" + escape(tb.VOTERS_VS_REGISTERED.format(
            voters=bs.voters(snap.votes), registered=registered)) + "</p>"
        self.moderation.update(snap)  # its selection must always match the wall
        if self.section.value != "moderation":
            self._parts()[self.section.value].update(snap)
