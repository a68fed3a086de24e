"""Base of the sequence pages (introduction, round table, evaluation, report): the session from
the page's query or the active one, a participant area and a trainer area behind the gate."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from companion.core import config
from companion.core.model import TrainingSession
from companion.core.safety import escape
from companion.store import Store
from companion.store.sessions import page_session
from companion.texts import common as tc
from companion.widgets.base import LivePage, Notice, TrainerGate


class SequencePage(LivePage):
    """A live page bound to one session, with a participant area and a gated trainer area.

    Subclasses implement :meth:`build_participant`, :meth:`build_trainer` and :meth:`refresh`.
    """

    css_class = "cp-sequence"

    def __init__(self, store: Store, query: Mapping[str, str] | None = None, *, title: str,
                 trainer_code: str | object | None = ..., start: bool = True,
                 **kwargs: Any) -> None:
        super().__init__(store, **kwargs)
        code = config.trainer_code() if trainer_code is ... else trainer_code
        self._notice = Notice()
        self.session: TrainingSession | None = None
        self.attempt(lambda: self._set_session(dict(query or {})), self._notice)
        self.gate = TrainerGate(code if isinstance(code, str) else None)
        self._participant_area = w.VBox()
        self._trainer_area = w.VBox()
        trainer_box = w.VBox([w.HTML(f"<h2>{tc.TRAINER_PANEL_TITLE}</h2>"), self.gate,
                              self._trainer_area])
        trainer_box.add_class("cp-trainer")
        self.add_class(self.css_class)
        self.children = (w.HTML(f"<h1>{escape(title)}</h1>"), self._notice,
                         self._participant_area, trainer_box, self.live_bar())
        if self.session is not None:
            self.attempt(self._build_participant_area, self._notice)
        self.gate.observe(lambda _c: self._open_trainer(), names="unlocked")
        self._open_trainer()
        self.poller.mark_seen()
        if start:
            self.start_live()

    @property
    def notice(self) -> Notice:
        """The page's message area."""
        return self._notice

    def apply_query(self, query: Mapping[str, str]) -> None:
        """Take the visitor's parameters (``session``) once the page is opened.

        A preheated Voilà kernel builds the page before anyone arrives; on arrival the page
        binds to the visitor's session and rebuilds its participant area for this visitor.
        """
        self._notice.clear()
        previous = self.session
        self.session = None
        self._participant_area.children = ()
        # the store is checked again on arrival (a preheated page may have been built while
        # it was down)
        if not self.attempt(lambda: self._set_session(dict(query)), self._notice):
            self._trainer_area.children = ()
            self.touch()
            self.poller.mark_seen()
            return
        session = self.session
        if session is None or previous is None or session.code != previous.code:
            self._trainer_area.children = ()
        if session is not None:
            self.attempt(self._build_participant_area, self._notice)
        self.visitor_arrived()
        self._open_trainer()
        self.touch()
        self.refresh()
        self.poller.mark_seen()

    def _set_session(self, query: dict[str, str]) -> None:
        self.session = self._resolve(query)

    def _build_participant_area(self) -> None:
        assert self.session is not None
        self._participant_area.children = tuple(self.build_participant(self.session.code))

    def visitor_arrived(self) -> None:
        """Hook: the visitor's request is known (``visitor_id()`` works now)."""

    def _resolve(self, query: dict[str, str]) -> TrainingSession | None:
        code = query.get("session", "").strip().upper()
        found = page_session(self._store, code) if code else self._store.active_session()
        if code and found is None:
            self._notice.show(tc.UNKNOWN_SESSION.format(code=code), "erreur")
        elif found is None:
            self._notice.show(tc.NO_SESSION)
        return found

    def _open_trainer(self) -> None:
        if self.gate.unlocked and self.session is not None and not self._trainer_area.children:
            self._trainer_area.children = tuple(self.build_trainer(self.session.code))
            self.touch()

    def build_participant(self, session: str) -> list[w.Widget]:
        """Return the widgets every visitor sees."""
        return []

    def build_trainer(self, session: str) -> list[w.Widget]:
        """Return the widgets of the trainer's space (built once unlocked)."""
        return []

    def refresh(self) -> None:
        """Re-read the store (default: nothing live)."""
