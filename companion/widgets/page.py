"""The base of every page of the course.

It holds the session a page serves, the trainer's gated area built on first unlock, the
visitor's address applied on arrival, live refresh.

A page subclasses :class:`SessionPage` (or :class:`SequencePage`, its standard layout), lays out
its widgets in its constructor and calls :meth:`SessionPage.open_page` last. Preheated Voilà
kernels build the page before anyone arrives; :meth:`SessionPage.apply_query` then binds it to
the visitor (see CONTRIBUTING.md, « Pages opened by a whole class »).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

import ipywidgets as w
import traitlets
from typing_extensions import override

from companion.core import config
from companion.core.model import TrainingSession
from companion.core.safety import escape
from companion.store import Store
from companion.store.sessions import PersonalSession, Resolution, resolve_session
from companion.texts import activity as ta
from companion.texts import common as tc
from companion.widgets.activity import ActivityBar
from companion.widgets.base import LivePage, Notice, TrainerGate, trainer_only


def trainer_code_of(trainer_code: str | object | None) -> str | None:
    """Return the trainer code a page uses; None (a trainee alone) when there is none.

    The given one, or (``...``) the one ``companion serve`` configured.
    """
    code = config.trainer_code() if trainer_code is ... else trainer_code
    return code if isinstance(code, str) else None


class TrainerArea(w.VBox):
    """The trainer's box: its title, the gate, and an area built once, on first unlock.

    ``build`` returns the area's widgets; it runs only when the gate is unlocked and ``ready()``
    holds (typically: the page serves a session), so that charts and pandas load for the
    trainer only and participant pages stay light. :meth:`reset` drops what was built (the
    page changed session); the next :meth:`open_area` builds again.
    """

    built = traitlets.Bool(False, help="True once the area's widgets were built.")

    def __init__(self, gate: TrainerGate, build: Callable[[], Sequence[w.Widget]], *,
                 ready: Callable[[], bool] = lambda: True, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.gate = gate
        self._build, self._ready = build, ready
        self._area = w.VBox()
        self.builds = 0
        self.add_class("cp-trainer")
        # locked, the trainer's box is one discreet button at the bottom of a participant's page
        self._open = w.Button(description=tc.TRAINER_PANEL_TITLE, icon="lock",
                              layout=w.Layout(width="auto"))
        self._open.add_class("cp-trainer-open")
        self._open.on_click(lambda _b: self.show_gate())
        self._title = w.HTML(f"<h2>{tc.TRAINER_PANEL_TITLE}</h2>")
        self._follow_gate()
        gate.observe(lambda _change: self._follow_gate(), names="unlocked")
        gate.observe(lambda _change: self.open_area(), names="unlocked")

    def show_gate(self) -> None:
        """Unfold the trainer's box: its title and the code field."""
        self.children = tuple[w.Widget, ...]((self._title, self.gate, self._area))

    def _follow_gate(self) -> None:
        if self.gate.unlocked:
            self.show_gate()
        else:
            self.children = tuple[w.Widget, ...]((self._open,))

    @property
    def content(self) -> tuple[w.Widget, ...]:
        """The widgets built for the trainer (empty while locked)."""
        return tuple(self._area.children)

    def open_area(self) -> bool:
        """Build the area if the gate is unlocked and the page is ready; return ``built``."""
        if self.gate.unlocked and not self.built and self._ready():
            self._area.children = tuple(self._build())
            self.builds += 1
            self.built = True
        return self.built

    def reset(self) -> None:
        """Forget the built widgets (they served another session)."""
        self._area.children = ()
        self.built = False


class SessionPage(LivePage):
    """A live page serving one session, with the trainer's gated area.

    The base owns: the trainer code and :attr:`gate`, :attr:`trainer_area` (built lazily by
    :meth:`build_trainer`), the choice of the session (:func:`companion.store.sessions.
    resolve_session`: the address, the active session, in solo mode a personal one if
    :attr:`personal_session` says so), the :attr:`session` trait, :meth:`apply_query` for
    preheated kernels and the start of the poller. Subclasses implement :meth:`bind` (build
    what depends on the session and the visitor), :meth:`build_trainer` and :meth:`refresh`.
    """

    session = traitlets.Instance(TrainingSession, allow_none=True,
                                 help="The session this page serves (None: none to serve).")

    #: Session pages follow the activity the trainer opens, even while paused.
    follows_room: ClassVar[bool] = True
    #: The personal session of a trainee alone, for pages that offer one (None: no fallback).
    personal_session: ClassVar[PersonalSession | None] = None
    #: Whether the trainer's area needs a session to be built.
    trainer_needs_session: ClassVar[bool] = True

    def __init__(self, store: Store, query: Mapping[str, str] | None = None, *,
                 trainer_code: str | object | None = ..., start: bool = True,
                 **kwargs: Any) -> None:
        super().__init__(store, **kwargs)
        self._query: dict[str, str] = dict(query or {})
        self._start_poller = start
        self._personal = False
        self._unbound = False  # True while the store could not be read to bind the page
        self._notice = Notice()
        self._activity_bar = ActivityBar()
        self.gate = TrainerGate(trainer_code_of(trainer_code))
        self.trainer_area = TrainerArea(self.gate, self._build_trainer_area,
                                        ready=self._trainer_ready)

    # --- public state ------------------------------------------------------------------------
    @property
    def notice(self) -> Notice:
        """The page's message area."""
        return self._notice

    @property
    def query(self) -> dict[str, str]:
        """The page's query parameters (a copy)."""
        return dict(self._query)

    @property
    def solo(self) -> bool:
        """True for a trainee alone: no trainer code, everything open."""
        return self.gate.solo

    @property
    def personal(self) -> bool:
        """True when the page serves the trainee's personal session."""
        return self._personal

    @property
    def session_code(self) -> str | None:
        """The code of the session served, or None."""
        return self.session.code if self.session is not None else None

    # --- life cycle --------------------------------------------------------------------------
    def open_page(self) -> None:
        """Finish building; subclasses call it last in ``__init__``.

        Bind to the session of the query, open the trainer's area if the gate is already open,
        and start live refresh.
        """
        self._bind_safely()
        self.attempt(self.poller.mark_seen, self._notice)
        if self._start_poller:
            self.start_live()

    def apply_query(self, query: Mapping[str, str]) -> None:
        """Take the visitor's parameters (``session``, ``groupe``…) once the page is opened.

        A preheated Voilà kernel builds the page before anyone arrives; on arrival the page
        binds to the visitor's session and rebuilds what depends on the visitor.
        """
        self._query = dict(query)
        self._notice.clear()
        self.query_changed()
        self.visitor_arrived()
        if self._bind_safely():  # the store is read again: it may have been down at preheat
            self.touch()
            self._safe_refresh()
            self.attempt(self.poller.mark_seen, self._notice)

    def resolve(self) -> Resolution:
        """Return the session of the current query (shown problem, if any, in the notice)."""
        found = resolve_session(self._store, self._query, solo=self.solo,
                                personal=self.personal_session)
        if found.session is None:
            self._notice.show(found.problem, found.level)
        return found

    def rebind(self, *, force: bool = False) -> bool:
        """Resolve the session again (the active one may have changed); True if bound again.

        Rebind if it changed, or anyway with ``force``.
        """
        if self._unbound:
            return self._bind_safely()
        return self._apply(self.resolve(), force=force)

    @property
    def unbound(self) -> bool:
        """True while the store could not be read to bind the page.

        It binds again on the visitor's arrival or at the next live refresh.
        """
        return self._unbound

    def _bind_safely(self) -> bool:
        """Resolve the session and bind; a store error becomes the page's notice.

        The page is not broken: a preheated kernel may build it while the store is down.
        """
        self._unbound = not self.attempt(lambda: self._apply(self.resolve(), force=True),
                                         self._notice)
        return not self._unbound

    def _safe_refresh(self) -> None:
        if self._unbound and not self._bind_safely():
            return
        super()._safe_refresh()
        self.attempt(self._show_activity, self._notice)

    @override
    def paused_tick(self) -> None:
        """Show the activity the trainer opens, even on a page nobody touched for a while.

        The room listens to a talk, then moves on: the paused page still offers the link (and
        goes there by itself when it came from the join page).
        """
        self.attempt(self._show_activity, self._notice)

    # --- the room's activity -----------------------------------------------------------------
    @property
    def _here(self) -> str | None:
        """The notebook this page serves, read when needed.

        A preheated kernel learns it only when its visitor arrives (``SCRIPT_NAME`` comes with
        the request): read at build time, it would stay None on every page from a pool.
        """
        return config.served_notebook()

    def live_bar(self) -> w.HBox:
        """Return the live bar: the room's current activity, the pause notice, « Reprendre ».

        The activity is the one the trainer sent the room to.
        """
        bar = super().live_bar()
        bar.children = (self._activity_bar, *bar.children)
        return bar

    @property
    def activity_bar(self) -> ActivityBar:
        """The link to the activity the trainer opened, when it is another page."""
        return self._activity_bar

    def _show_activity(self) -> None:
        from companion.home.activity import current_activity

        if self.session is None or self._here is None:
            self._activity_bar.show(None, self._here, self._query)
            return
        self._activity_bar.show(current_activity(self._store, self.session.code), self._here,
                                self._query)

    @trainer_only()
    def send_room_here(self) -> None:
        """Open this page for the room: every page of the session offers a link to it."""
        from companion.content.course import programme
        from companion.home.activity import open_activity, title_of

        if self.session is None or self._here is None:
            return
        open_activity(self._store, self.session.code, self._here,
                      title_of(programme(), self._here), config.now())
        self._notice.show(ta.ROOM_SENT, "succes")

    def _send_room_widget(self) -> w.Widget:
        button = w.Button(description=ta.SEND_ROOM_HERE, layout=w.Layout(width="auto"))
        button.add_class("cp-send-room")
        button.on_click(lambda _b: self.send_room_here())
        return button

    def _apply(self, found: Resolution, *, force: bool) -> bool:
        new = found.session
        changed = (new.code if new else None) != self.session_code
        if not changed and not force:
            return False
        if changed:
            self.trainer_area.reset()
            if new is not None and self.session is None:
                self._notice.clear()
        self._personal = found.personal
        self.session = new
        self.bind(new)
        self._show_activity()
        self.trainer_area.open_area()
        return True

    def _trainer_ready(self) -> bool:
        return self.session is not None or not self.trainer_needs_session

    def _build_trainer_area(self) -> list[w.Widget]:
        widgets = list(self.build_trainer())
        if self._here is not None:  # a served page: the trainer can send the room here
            widgets.insert(0, self._send_room_widget())
        self.touch()
        return widgets

    # --- hooks -------------------------------------------------------------------------------
    def query_changed(self) -> None:
        """React to a replaced query (hook: read page-specific parameters here)."""

    def visitor_arrived(self) -> None:
        """React to the visitor's arrival (hook: ``visitor_id()`` works from here on)."""

    def bind(self, session: TrainingSession | None) -> None:
        """Build what depends on the session and the visitor (hook; None: no session)."""

    def build_trainer(self) -> list[w.Widget]:
        """Return the widgets of the trainer's space (built once unlocked)."""
        return []

    def refresh(self) -> None:
        """Re-read the store (default: nothing live)."""


class SequencePage(SessionPage):
    """The standard layout of a sequence page: introduction, round table, evaluation, report.

    Title, notice, participant area, trainer's area, live bar.

    Subclasses implement :meth:`build_participant`, :meth:`build_trainer` and :meth:`refresh`.
    """

    css_class = "cp-sequence"

    def __init__(self, store: Store, query: Mapping[str, str] | None = None, *, title: str,
                 trainer_code: str | object | None = ..., start: bool = True,
                 **kwargs: Any) -> None:
        super().__init__(store, query, trainer_code=trainer_code, start=start, **kwargs)
        self._participant_area = w.VBox()
        self.add_class(self.css_class)
        self.children = (w.HTML(f"<h1>{escape(title)}</h1>"), self._notice,
                         self._participant_area, self.trainer_area, self.live_bar())
        self.open_page()

    def bind(self, session: TrainingSession | None) -> None:
        """Rebuild the participant area for this session and visitor."""
        self._participant_area.children = (
            tuple(self.build_participant(session.code)) if session is not None else ()
        )

    def build_participant(self, session: str) -> list[w.Widget]:
        """Return the widgets every visitor sees."""
        return []
