"""The brainstorm page (« remue-méninges »): participant board, and the trainer's space.

Participants join by a link carrying ``?groupe=NOM&session=CODE`` (a subgroup picker otherwise);
they post, edit and withdraw their ideas, then vote. The trainer's space (wall, animation,
restitution, exports) opens with the trainer code. The participant part shows no chart.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from typing import Any

import ipywidgets as w
import traitlets

from companion import brainstorm as bs
from companion.brainstorm.ideas import Contributor, Idea
from companion.brainstorm.results import Snapshot
from companion.content.course import Course
from companion.core import config
from companion.core.errors import InputError
from companion.core.model import TrainingSession
from companion.core.safety import escape
from companion.core.visitor import chosen_pseudonym, served_page, visitor_id
from companion.store import Store
from companion.texts import brainstorm as tb
from companion.texts import common as tc
from companion.widgets.base import Notice, button, guarded
from companion.widgets.brainstorm.cards import IdeaCard, PhaseBanner, group_colour
from companion.widgets.page import SessionPage

WIDE = w.Layout(width="100%")
LABEL = {"description_width": "11em"}


class GroupPicker(w.VBox):
    """Choose one's subgroup among the session's, or name a new one."""

    group = traitlets.Unicode("", help="The chosen subgroup.")

    def __init__(self, store: Store, session: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session = store, session
        self._pick = w.Dropdown(description=tb.GROUP_FIELD, style=LABEL)
        self._pick.add_class("cp-group-pick")
        self._other = w.Text(description=tb.GROUP_OTHER_FIELD, style=LABEL)
        self._other.add_class("cp-group-other")
        self._join = button(tb.GROUP_JOIN, "cp-group-join", "primary")
        self._join.on_click(self._on_join)
        self._notice = Notice()
        self.add_class("cp-group-picker")
        self.children = (self._pick, self._other, self._join, self._notice)
        self.refresh()

    def refresh(self) -> None:
        """Re-list the subgroups."""
        names = [g.name for g in self._store.list_groups(self._session)]
        current = self._pick.value
        self._pick.options = [*names, tb.GROUP_OTHER]
        self._pick.value = current if current in self._pick.options else (
            names[0] if names else tb.GROUP_OTHER)

    def choose(self, name: str) -> None:
        """Choose ``name`` (an existing subgroup or a new one) and join it."""
        if name in self._pick.options:
            self._pick.value = name
        else:
            self._pick.value = tb.GROUP_OTHER
            self._other.value = name
        self._join.click()

    @guarded()
    def _on_join(self, _button: w.Button) -> None:
        name = self._other.value if self._pick.value == tb.GROUP_OTHER else self._pick.value
        name = bs.clean_group(name)
        self._store.add_group(self._session, name)
        self.group = name


class ParticipantBoard(w.VBox):
    """A participant posts ideas (one per card), edits or withdraws them, then votes."""

    def __init__(self, store: Store, session: str, round_id: str, who: Contributor,
                 on_write: Any = None, *, can_vote: bool = True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.can_vote = can_vote  # False: a served page without identity cookie
        self._store, self._session, self._round_id = store, session, round_id
        self.session = session
        self.who = who
        self._on_write = on_write
        self._editing: str | None = None
        self._snap: Snapshot | None = None
        self._cards: dict[str, IdeaCard] = {}
        self._group = w.HTML(f"<p>{escape(tb.GROUP_NOW.format(group=who.group))}</p>")
        self._group.add_class("cp-my-group")
        self._text = w.Textarea(placeholder=tb.IDEA_PLACEHOLDER, description=tb.IDEA_FIELD,
                                style=LABEL, layout=w.Layout(width="100%", height="5em"))
        self._text.add_class("cp-idea-text")
        self._theme = w.Dropdown(description=tb.THEME_FIELD, style=LABEL, layout=WIDE)
        self._theme.add_class("cp-idea-theme")
        self._pseudonym = w.Text(value=who.pseudonym, description=tb.PSEUDONYM_FIELD, style=LABEL)
        self._pseudonym.add_class("cp-idea-pseudonym")
        self._pseudonym.add_class("cp-keep")  # stays filled: a page may follow the trainer
        self._links = w.SelectMultiple(description=tb.LINKS_FIELD, style=LABEL,
                                       layout=w.Layout(width="100%", height="8em"))
        self._links.add_class("cp-idea-links")
        self._submit = button(tb.IDEA_SUBMIT, "cp-idea-submit", "primary")
        self._submit.on_click(self._on_submit)
        self._cancel = button(tb.IDEA_CANCEL, "cp-idea-cancel", layout=w.Layout(display="none"))
        self._cancel.on_click(lambda _b: self._stop_editing())
        self._notice = Notice()
        self._form = w.VBox([self._text, self._theme, self._pseudonym, self._links,
                             w.HBox([self._submit, self._cancel]), self._notice])
        self._form.add_class("cp-idea-form")
        self._budget = w.HTML()
        self._budget.add_class("cp-vote-budget")
        self._heading = w.HTML()
        self._list = w.VBox()
        self._list.add_class("cp-idea-list")
        self.add_class("cp-participant")
        self.children = (self._group, self._form, self._budget, self._heading, self._list)

    @property
    def notice(self) -> Notice:
        """The board's message area."""
        return self._notice

    @property
    def cards(self) -> list[IdeaCard]:
        """The cards shown, in order."""
        return [c for c in self._list.children if isinstance(c, IdeaCard)]

    def update(self, snap: Snapshot) -> None:
        """Show the round as this participant may see it."""
        self._snap = snap
        state = snap.state
        themes = list(snap.round.themes)
        if list(self._theme.options) != themes:
            self._theme.options = themes
            self._theme.value = None
        linked = [i for i in snap.linked_ideas if i.visible]
        self._links.layout.display = "" if snap.linked_round else "none"
        options = [(f"[{i.theme}] {i.text[:90]}", i.uid) for i in linked]
        if list(self._links.options) != options:
            keep = tuple(v for v in self._links.value if v in {u for _, u in options})
            self._links.options = options
            self._links.value = keep
        self._form.layout.display = "" if state.writing_open else "none"
        if not state.writing_open and self._editing:
            self._stop_editing()
        all_votes = list(snap.votes)
        given = bs.votes_mine(all_votes, self.who)
        if state.voting_open and not self.can_vote:
            self._budget.value = f"<p><strong>{escape(tb.VOTE_RELOAD)}</strong></p>"
        elif state.voting_open:
            left = bs.votes_left(all_votes, self.who, state)
            rule = tb.VOTE_STACKING_ON if state.stacking else tb.VOTE_STACKING_OFF
            status = tb.VOTE_BUDGET.format(left=left, budget=state.budget)
            self._budget.value = (f"<p><strong>{escape(status)}</strong> — "
                                  f"{escape(rule)}</p>")
        else:
            self._budget.value = ""
        shown = bs.visible_to(snap.ideas, state, group=self.who.group)
        if state.revealed:
            shown.sort(key=lambda i: -snap.counts.get(i.uid, 0))
        else:
            order = {t: n for n, t in enumerate(themes)}
            shown.sort(key=lambda i: order.get(i.theme, len(order)))
        template = tb.GROUP_IDEAS if state.private else tb.ALL_IDEAS
        self._heading.value = f"<h3>{escape(template.format(count=len(shown)))}</h3>" + (
            "" if shown else f"<p>{escape(tb.NO_IDEA)}</p>")
        groups = snap.groups
        cards = []
        for idea in shown:
            card = self._cards.get(idea.uid)
            if card is None:
                card = self._cards[idea.uid] = IdeaCard(self._on_card)
            card.update(idea, mine=idea.owner == self.who.id, state=state,
                        my_votes=given.get(idea.uid, 0),
                        total=snap.counts.get(idea.uid, 0) if state.revealed else None,
                        colour=group_colour(idea.group, groups))
            cards.append(card)
        if tuple(cards) != self._list.children:
            self._list.children = tuple(cards)

    def _changed(self) -> None:
        if self._on_write is not None:
            self._on_write()

    def _contributor(self) -> Contributor:
        pseudonym = self._pseudonym.value
        if pseudonym != self.who.pseudonym:
            self.who = Contributor(id=self.who.id, group=self.who.group, pseudonym=pseudonym)
        return self.who

    def post(self, text: str, theme: str, links: tuple[str, ...] = ()) -> None:
        """Type an idea, pick its theme (and links) and press the post button."""
        self._text.value = text
        self._theme.value = theme
        if links:
            self._links.value = links
        self._submit.click()

    @guarded()
    def _on_submit(self, _button: w.Button) -> None:
        snap = self._snap
        if snap is None:
            raise InputError(tc.NO_SESSION)
        who = self._contributor()
        links = tuple(self._links.value)
        if self._editing:
            bs.edit_own(self._store, self._editing, who, snap.state, snap.round,
                        text=self._text.value, theme=self._theme.value, links=links,
                        linkable=snap.linked_ideas)
            self._stop_editing()
            self._notice.show(tb.IDEA_UPDATED, "succes")
        else:
            bs.post_idea(self._store, self._session, snap.round, snap.state, who,
                         self._text.value, self._theme.value, links=links,
                         linkable=snap.linked_ideas)
            self._text.value = ""
            self._links.value = ()
            self._notice.show(tb.IDEA_POSTED, "succes")
        self._changed()

    def _stop_editing(self) -> None:
        self._editing = None
        self._text.value = ""
        self._submit.description = tb.IDEA_SUBMIT
        self._cancel.layout.display = "none"

    @guarded()
    def _on_card(self, action: str, uid: str) -> None:
        snap = self._snap
        if snap is None:
            return
        idea: Idea | None = next((i for i in snap.ideas if i.uid == uid), None)
        if idea is None:
            raise InputError(tb.IDEA_GONE)
        if action == "edit":
            if idea.owner != self.who.id:
                raise InputError(tb.NOT_YOUR_IDEA)
            self._editing = uid
            self._text.value, self._theme.value = idea.text, idea.theme
            self._links.value = tuple(u for u in idea.links
                                      if u in {v for _, v in self._links.options})
            self._submit.description = tb.IDEA_SAVE
            self._cancel.layout.display = ""
            return
        if action == "withdraw":
            bs.withdraw_own(self._store, uid, self.who, snap.state)
            self._notice.show(tb.IDEA_WITHDRAWN, "succes")
        elif action == "vote":
            if not self.can_vote:  # would vote as a new person at each reload
                raise InputError(tb.VOTE_RELOAD)
            bs.cast(self._store, self._session, snap.state, self.who, uid, snap.ideas,
                    list(snap.votes))
            self._notice.clear()
        elif action == "unvote":
            bs.withdraw_vote(self._store, snap.state, self.who, uid, list(snap.votes))
            self._notice.clear()
        self._changed()


class BrainstormPage(SessionPage):
    """A brainstorm round: the participant's board, and the trainer's space behind the code.

    The trainer's space holds the wall, the animation of the round, the restitution and the
    exports.

    Parameters
    ----------
    store
        Where ideas and votes are written and read.
    query
        The page's parameters: ``session``, ``groupe``, ``manche`` (default: none).
    manche
        The round this page runs when the address names none (``difficultes``, ``leviers``).
    trainer_code
        The code that unlocks the trainer's space; default: the one ``companion serve`` gave.
    """

    group = traitlets.Unicode("", help="The subgroup this page joined (empty: not yet).")

    def __init__(self, store: Store, query: Mapping[str, str] | None = None, *,
                 manche: str = "difficultes", trainer_code: str | object | None = ...,
                 content: Course | None = None, base_url: str | None = None,
                 **kwargs: Any) -> None:
        super().__init__(store, query, trainer_code=trainer_code, **kwargs)
        self._content = content
        self._base_url = base_url if base_url is not None else config.join_url()
        self._default_round = manche
        self.round_id = self._query.get("manche", "").strip() or manche
        self.snapshot: Snapshot | None = None
        self.banner = PhaseBanner()
        self._participant_area = w.VBox()
        self.picker: GroupPicker | None = None
        self.board: ParticipantBoard | None = None
        self.trainer: Any = None
        self._clock: asyncio.Task[None] | None = None
        self.add_class("cp-brainstorm")
        self.children = (self._notice, self.banner, self._participant_area, self.trainer_area,
                         self.live_bar())
        self.open_page()

    def query_changed(self) -> None:
        """Read the round of the address (``manche``), if any."""
        self.round_id = self._query.get("manche", "").strip() or self.round_id

    def bind(self, session: TrainingSession | None) -> None:
        """Show the round of ``session``; join the address's subgroup, else offer the picker."""
        self.snapshot, self.picker, self.board, self.group = None, None, None, ""
        self._participant_area.children = ()
        if session is None:
            return
        self.snapshot = bs.snapshot(self._store, session.code, self.round_id, self._content)
        self.banner.update(self.snapshot, joined=self._sees_results())
        group = self._query.get("groupe", "").strip()
        if group:
            self._join(bs.clean_group(group))
        else:
            self.picker = GroupPicker(self._store, session.code)
            self.picker.observe(lambda c: self._join(c["new"]), names="group")
            self._participant_area.children = (self.picker,)

    def _join(self, group: str) -> None:
        assert self.session is not None
        self._store.add_group(self.session.code, group)
        who = Contributor.new(group, chosen_pseudonym())  # the join page's pseudonym, if any
        visitor = visitor_id()  # the same browser keeps its ideas and votes after a reload
        if visitor is not None:
            who = Contributor(id=visitor, group=who.group, pseudonym=who.pseudonym)
        self.board = ParticipantBoard(self._store, self.session.code, self.round_id, who,
                                      on_write=self._after_write,
                                      can_vote=visitor is not None or not served_page())
        self._participant_area.children = (self.board,)
        self.group = who.group
        self.refresh()

    def _after_write(self) -> None:
        self.touch()
        self.refresh()
        self.poller.mark_seen()

    def build_trainer(self) -> list[w.Widget]:
        """Return the wall, moderation, animation, restitution and exports (charts load here)."""
        from companion.widgets.brainstorm.trainer_space import TrainerSpace

        assert self.session is not None
        self.trainer = TrainerSpace(self._store, self.session.code, self.round_id,
                                    gate=self.gate, content=self._content,
                                    base_url=self._base_url, on_write=self._after_write,
                                    on_round=self._switch_round)
        if not self.solo:  # the trainer's screen: the participant's form is not needed
            self._participant_area.layout.display = "none"
        self.snapshot = bs.snapshot(self._store, self.session.code, self.round_id,
                                    self._content)
        self.trainer.update(self.snapshot)
        return [self.trainer]

    def _switch_round(self, round_id: str) -> None:
        self.round_id = round_id
        if self.board is not None:
            self.board = ParticipantBoard(self._store, self.board.session, round_id,
                                          self.board.who, on_write=self._after_write,
                                          can_vote=self.board.can_vote)
            self._participant_area.children = (self.board,)
        self.refresh()

    @guarded()
    def refresh(self) -> None:
        """Re-read the round and update every part of the page."""
        if self.session is None:  # the trainer may create the session after this page opened
            if not self._query.get("session"):
                self.rebind()
            if self.session is None:
                return
        self.snapshot = bs.snapshot(self._store, self.session.code, self.round_id,
                                    self._content)
        self.banner.update(self.snapshot, joined=self._sees_results())
        if self.picker is not None and self.board is None:
            self.picker.refresh()
        if self.board is not None:
            self.board.update(self.snapshot)
        if self.trainer is not None and self.trainer_area.built:
            self.trainer.update(self.snapshot)
        self._start_clock()

    def _sees_results(self) -> bool:
        """Tell whether a closed round's results show: subgroup chosen, solo, or trainer."""
        return self.board is not None or self.solo or self.gate.unlocked

    def _start_clock(self) -> None:
        if self._clock is not None and not self._clock.done():
            return
        if self.banner.state is None or self.banner.state.ends_at is None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            with contextlib.suppress(RuntimeError):
                loop = asyncio.get_event_loop_policy().get_event_loop()
            if not loop.is_running():
                return
        self._clock = loop.create_task(self._run_clock())

    async def _run_clock(self) -> None:
        """Tick the countdown every second until it ends or the page goes idle."""
        while not self.poller.paused and self.banner.tick():
            await asyncio.sleep(1)
