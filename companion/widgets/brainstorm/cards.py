"""Building blocks of the brainstorm pages: the phase banner with its timer, idea cards.

User text reaches HTML only through :func:`companion.core.safety.escape`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime
from typing import Any

import ipywidgets as w

from companion.brainstorm.ideas import Idea
from companion.brainstorm.results import Snapshot, group_label
from companion.brainstorm.rounds import RoundState, clock, utcnow
from companion.core.safety import escape
from companion.texts import brainstorm as tb
from companion.widgets.base import button

GROUP_COLOURS = ("#1b4f72", "#7d3c98", "#117864", "#a04000", "#2e4053", "#b03a2e", "#5d6d7e",
                 "#196f3d")
_animation_ids = itertools.count()


def idea_html(text: str) -> str:
    """Return an idea's text as inert HTML that keeps line breaks and any script direction."""
    return (f"<div dir='auto' style='white-space:pre-wrap;overflow-wrap:anywhere;"
            f"line-height:1.35'>{escape(text)}</div>")


def group_colour(group: str | None, groups: list[str]) -> str:
    """Return the colour of a subgroup (stable for the listed order)."""
    label = group_label(group)
    index = groups.index(label) if label in groups else len(groups)
    return GROUP_COLOURS[index % len(GROUP_COLOURS)]


def timer_html(state: RoundState, now: datetime | None = None) -> str:
    """Return the countdown: « Temps restant : mm:ss » and a bar that empties by CSS alone."""
    left = state.remaining(now)
    if left is None:
        return ""
    if left <= 0:
        return f"<p class='cp-timer-over'><strong>{escape(tb.TIMER_OVER)}</strong></p>"
    number = next(_animation_ids)
    return (
        f"<style>@keyframes cp-timer-{number}{{from{{width:100%}}to{{width:0%}}}}</style>"
        f"<p style='margin:.2em 0'><strong>{escape(tb.TIMER_LEFT.format(clock=clock(left)))}"
        f"</strong></p><div style='height:6px;background:#eaeded;max-width:30em'>"
        f"<div style='height:100%;background:#c0392b;animation:cp-timer-{number} "
        f"{left:.0f}s linear forwards'></div></div>"
    )


class PhaseBanner(w.VBox):
    """Round title, question, phase and its help, countdown."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._title = w.HTML()
        self._phase = w.HTML()
        self._phase.add_class("cp-phase")
        self._timer = w.HTML()
        self._timer.add_class("cp-timer")
        self.add_class("cp-round-banner")
        self.children = (self._title, self._phase, self._timer)
        self.state: RoundState | None = None

    def update(self, snap: Snapshot, *, joined: bool = True) -> None:
        """Show the round and its phase.

        ``joined``: a subgroup is chosen, so the results of a closed round are shown below;
        otherwise the help says to choose one first.
        """
        self.state = snap.state
        help_text = tb.PHASE_HELP[snap.state.phase]
        if snap.state.phase == "clos" and not joined:
            help_text = tb.PHASE_CLOSED_NO_GROUP
        self._title.value = (f"<h2>{escape(snap.round.title)}</h2>"
                             f"<p><em>{escape(snap.round.question)}</em></p>")
        self._phase.value = (
            f"<p><span style='background:#1b4f72;color:white;padding:.15em .5em;"
            f"border-radius:.3em'>{escape(tb.PHASE_NOW.format(phase=snap.state.label))}</span> "
            f"{escape(help_text)}</p>")
        self.tick()

    def tick(self, now: datetime | None = None) -> bool:
        """Update the countdown text; return True while a timer is still running."""
        if self.state is None:
            return False
        self._timer.value = timer_html(self.state, now)
        left = self.state.remaining(now or utcnow())
        return left is not None and left > 0

    @property
    def timer_text(self) -> str:
        """The countdown as shown (HTML)."""
        return str(self._timer.value)


class IdeaCard(w.VBox):
    """One idea on a participant's page: text, theme and subgroup, own-idea and vote buttons.

    Created once per idea and updated in place, so a refresh sends only what changed.
    """

    def __init__(self, on_action: Callable[[str, str], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._on_action = on_action
        self.uid = ""
        self._text = w.HTML()
        self._text.add_class("cp-idea")
        self._meta = w.HTML()
        self._meta.add_class("cp-idea-meta")
        self._edit = button(tb.IDEA_EDIT, "cp-idea-edit")
        self._withdraw = button(tb.IDEA_WITHDRAW, "cp-idea-withdraw", "warning")
        self._vote = button(tb.VOTE, "cp-vote", "success", layout=w.Layout(width="4em"))
        self._unvote = button(tb.UNVOTE, "cp-unvote", layout=w.Layout(width="4em"))
        self._mine = w.Label()
        self._mine.add_class("cp-my-votes")
        self._count = w.HTML()
        self._count.add_class("cp-idea-votes")
        for control, action in ((self._edit, "edit"), (self._withdraw, "withdraw"),
                                (self._vote, "vote"), (self._unvote, "unvote")):
            control.on_click(lambda _b, a=action: self._on_action(a, self.uid))
        self._buttons = w.HBox()
        self.add_class("cp-card")
        self.layout = w.Layout(border="1px solid #d5dbdb", padding="0.4em", margin="0.25em 0")
        self.children = (self._text, self._meta, self._buttons)

    def update(self, idea: Idea, *, mine: bool, state: RoundState, my_votes: int,
               total: int | None, colour: str) -> None:
        """Show ``idea`` with the controls its viewer may use in this phase."""
        self.uid = idea.uid
        if self._text.value != idea_html(idea.text):
            self._text.value = idea_html(idea.text)
        who = [escape(idea.theme), f"<span style='color:{colour}'>"
                                   f"{escape(group_label(idea.group))}</span>"]
        if idea.pseudonym:
            who.append(escape(idea.pseudonym))
        if mine:
            who.append(f"<strong>{escape(tb.MINE)}</strong>")
        if idea.is_merge:
            who.append(escape(tb.MERGED_FROM.format(count=len(idea.sources))))
        self._meta.value = f"<small>{' · '.join(who)}</small>"
        self.layout.border_left = f"5px solid {colour}"
        controls: list[w.Widget] = []
        if mine and state.writing_open:
            controls += [self._edit, self._withdraw]
        if state.voting_open:
            self._mine.value = tb.MY_VOTES.format(count=my_votes)
            self._unvote.disabled = my_votes == 0
            controls += [self._vote, self._unvote, self._mine]
        if total is not None:
            self._count.value = f"<strong>{escape(tb.VOTES.format(count=total))}</strong>"
            controls.append(self._count)
        if tuple(controls) != self._buttons.children:
            self._buttons.children = tuple(controls)

    @property
    def text(self) -> str:
        """The idea's text as displayed (HTML, escaped)."""
        return str(self._text.value)

    def press(self, action: str) -> None:
        """Press one of the card's buttons: edit, withdraw, vote, unvote."""
        {"edit": self._edit, "withdraw": self._withdraw, "vote": self._vote,
         "unvote": self._unvote}[action].click()
