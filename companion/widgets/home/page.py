"""The course home (Voilà landing page): programme, join block, icebreaker, session admin."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

import ipywidgets as w
import traitlets

from companion.content.course import Course, Programme, course, programme
from companion.content.schedule import position
from companion.core import config, join
from companion.core.errors import InputError
from companion.core.html import programme_timeline_html
from companion.core.model import TRAINER, Participant, TrainingSession
from companion.core.safety import escape
from companion.store import Store
from companion.texts import common as tc
from companion.texts import home as th
from companion.texts import projection as tp
from companion.widgets.base import Notice, TrainerGate, button, guarded, trainer_only
from companion.widgets.home.icebreaker import ExpectationsForm, RegistrationForm
from companion.widgets.page import SessionPage

if TYPE_CHECKING:
    from companion.widgets.home.participants import ParticipantsBoard

PROJECTION_NOTEBOOK = "12_projection.ipynb"


class ProgrammeView(w.VBox):
    """Title, the seven objectives, the timeline with the current or next sequence, links."""

    def __init__(
        self, content: Programme, now: datetime, first_day: date | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self._content = content
        self._banner = w.HTML()
        self._banner.add_class("cp-now")
        self._timeline = w.HTML()
        objectives = "".join(f"<li>{escape(o)}</li>" for o in content.objectives)
        links = []
        for seq in content.sequences:
            if not seq.notebooks:
                continue
            anchors = " · ".join(
                f'<a href="{escape(nb)}" target="_self">{escape(nb.removesuffix(".ipynb"))}</a>'
                for nb in seq.notebooks
            )
            links.append(
                f"<li><strong>{escape(seq.label)}</strong> — {escape(seq.title)} : {anchors}</li>"
            )
        self._links = w.HTML(f"<ul class='cp-sequence-links'>{''.join(links)}</ul>")
        self.add_class("cp-programme")
        self.children = (
            w.HTML(
                f"<p><strong>{escape(content.module)}</strong> — "
                f"{escape('; '.join(content.speakers))}</p>"
            ),
            w.HTML(f"<h2>{th.OBJECTIVES_TITLE}</h2><ol class='cp-objectives'>{objectives}</ol>"),
            w.HTML(f"<h2>{th.PROGRAMME_TITLE}</h2>"),
            self._banner,
            self._timeline,
            self._links,
        )
        self.highlight: Any = None
        self.update(now, first_day)

    def update(self, now: datetime, first_day: date | None = None) -> None:
        """Highlight the sequence under way at ``now``, or the next one."""
        where = position(self._content, now, first_day)
        self.highlight = where.sequence
        if where.sequence is None:
            text = th.COURSE_OVER
        else:
            template = th.NOW_RUNNING if where.running else th.NEXT_UP
            text = template.format(title=where.sequence.title, label=where.sequence.label)
        self._banner.value = f"<p style='font-size:1.2em'><strong>{escape(text)}</strong></p>"
        self._timeline.value = programme_timeline_html(self._content.sequences, where.sequence)


class JoinBlock(w.HTML):
    """Session code, join address and QR code, for the projected screen."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_class("cp-join")

    def update(self, session: TrainingSession | None, base_url: str | None) -> None:
        """Show how to join ``session`` (nothing when there is none)."""
        if session is None:
            self.value = ""
            return
        parts = [
            f"<h2>{th.JOIN_TITLE}</h2>",
            f"<p style='font-size:1.6em'>{escape(th.JOIN_CODE.format(code=session.code))}</p>",
        ]
        if base_url:
            url = join.join_page_url(base_url, session.code)  # the code is in the QR code
            typed = join.join_page_url(base_url)  # typed by hand, then the code
            parts.append(f"<p>{escape(th.JOIN_URL.format(url=typed))}</p>")
            parts.append(join.qr_svg(url))  # SVG drawn by segno from our own URL
            parts.append(f"<p>{th.JOIN_HELP}</p>")
        self.value = "".join(parts)


def projection_link(session: TrainingSession | None) -> w.HTML:
    """Return the link to the room's screen (opens in a new tab; it follows the session)."""
    href = PROJECTION_NOTEBOOK + (f"?{urlencode({'session': session.code})}" if session else "")
    link = w.HTML(f'<p><a href="{escape(href)}" target="_blank" rel="noopener">'
                  f"{escape(tp.OPEN_PROJECTION)}</a></p>")
    link.add_class("cp-projection-link")
    return link


class SessionAdmin(w.VBox):
    """Trainer actions on sessions: create and activate, activate another, reset."""

    def __init__(self, store: Store, gate: TrainerGate | None, on_change: Any,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._on_change, self.gate = store, on_change, gate
        label = {"description_width": "9em"}
        self._code = w.Text(value=join.new_session_code(), description=th.SESSION_CODE, style=label)
        self._title = w.Text(
            value=programme().title[:80],
            description=th.SESSION_NAME,
            style=label,
            layout=w.Layout(width="40em"),
        )
        self._place = w.Text(description=th.SESSION_PLACE, style=label)
        self._start = w.DatePicker(description=th.SESSION_START, style=label)
        self._end = w.DatePicker(description=th.SESSION_END, style=label)
        self._create = button(th.SESSION_CREATE, "cp-session-create", "primary")
        self._create.on_click(self._on_create)
        self._existing = w.Dropdown(description=th.SESSION_TITLE, style=label)
        self._activate = button(th.SESSION_ACTIVATE, "cp-session-activate")
        self._activate.on_click(self._on_activate)
        self._reset = button(th.SESSION_RESET, "cp-session-reset", "danger")
        self._reset.on_click(self._on_reset)
        self._confirm = w.Checkbox(description=th.SESSION_RESET_CONFIRM, indent=False)
        self._notice = Notice()
        self.children = (
            w.HTML(f"<h3>{th.SESSION_TITLE}</h3>"),
            self._code,
            self._title,
            self._place,
            w.HBox([self._start, self._end]),
            self._create,
            w.HBox([self._existing, self._activate]),
            w.HBox([self._confirm, self._reset]),
            self._notice,
        )
        self.refresh()

    @property
    def notice(self) -> Notice:
        """The admin's message area."""
        return self._notice

    def refresh(self) -> None:
        """Re-list the sessions."""
        self._existing.options = [
            (f"{s.code} — {s.title[:50]}", s.code) for s in self._store.list_sessions()
        ]

    def create(self, code: str, title: str = "") -> None:
        """Type a session code (and title) and press « Créer et activer » (tests)."""
        self._code.value, self._title.value = code, title or self._title.value
        self._create.click()

    def reset(self, confirmed: bool) -> None:
        """Tick (or not) the confirmation and press « Réinitialiser la session » (tests)."""
        self._confirm.value = confirmed
        self._reset.click()

    @trainer_only()
    def _on_create(self, _button: w.Button) -> None:
        code = self._code.value.strip().upper()
        self._store.create_session(
            code,
            self._title.value.strip() or code,
            start=self._start.value,
            end=self._end.value,
            place=self._place.value.strip(),
            actor=TRAINER,
        )
        self._store.activate_session(code, actor=TRAINER)
        self._notice.show(th.SESSION_CREATED.format(code=code), "succes")
        self._code.value = join.new_session_code()
        self.refresh()
        self._on_change()

    @trainer_only()
    def _on_activate(self, _button: w.Button) -> None:
        if self._existing.value:
            self._store.activate_session(self._existing.value, actor=TRAINER)
            self._notice.show(th.SESSION_ACTIVATED.format(code=self._existing.value), "succes")
            self._on_change()

    @trainer_only()
    def _on_reset(self, _button: w.Button) -> None:
        active = self._store.active_session()
        if active is None:
            raise InputError(tc.NO_SESSION)
        if not self._confirm.value:
            raise InputError(th.SESSION_RESET_UNCONFIRMED)
        count = self._store.reset_session(active.code, actor=TRAINER)
        self._confirm.value = False
        self._notice.show(th.SESSION_RESET_DONE.format(count=count), "succes")
        self._on_change()


class HomePage(SessionPage):
    """The course home: what every visitor sees, and the trainer's space behind the code.

    Parameters
    ----------
    store
        Where registrations and expectations are written and read.
    query
        The page's query parameters (``session``); default: none (the active session).
    trainer_code
        The code that unlocks the trainer's space; default: the one ``companion serve`` gave.
    now
        The clock to place in the programme; default: ``$COMPANION_NOW`` or the real time.
    """

    participant = traitlets.Instance(Participant, allow_none=True,
                                     help="Who registered on this page (None: nobody yet).")
    trainer_needs_session = False  # sessions are created from the trainer's space

    def __init__(
        self,
        store: Store,
        query: Mapping[str, str] | None = None,
        *,
        trainer_code: str | object | None = ...,
        now: datetime | None = None,
        content: Programme | None = None,
        workshop: Course | None = None,
        base_url: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(store, query, trainer_code=trainer_code, **kwargs)
        self._now = now
        self._content = content or programme()
        self._course = workshop or course()
        self._base_url = base_url if base_url is not None else config.join_url()
        self.programme_view = ProgrammeView(self._content, self.now())
        self._join = JoinBlock()
        self._participant_area = w.VBox()
        self.registration: RegistrationForm | None = None
        self.expectations: ExpectationsForm | None = None
        self.board: ParticipantsBoard | None = None
        self.admin: SessionAdmin | None = None
        self.add_class("cp-home")
        self.children = (
            self.programme_view,
            self._join,
            self._notice,
            self._participant_area,
            self.trainer_area,
            self.live_bar(),
        )
        self.open_page()

    def now(self) -> datetime:
        """Return the injected time, ``$COMPANION_NOW``, or the real local time."""
        if self._now is not None:
            return self._now
        return config.now()

    def bind(self, session: TrainingSession | None) -> None:
        """Show how to join ``session`` and its registration and expectation forms."""
        self._join.update(session, self._base_url)
        self.registration = self.expectations = self.board = None
        self.participant = None
        if session is None:
            self._participant_area.children = ()
            return
        self.registration = RegistrationForm(self._store, session.code, self._course.functions)
        self.expectations = ExpectationsForm(self._store, session.code)
        self.registration.observe(self._on_registered, names="participant")
        self._participant_area.children = (self.registration, self.expectations)
        self.programme_view.update(self.now(), session.start)

    def _on_registered(self, change: dict[str, Any]) -> None:
        self.touch()
        self.participant = change["new"]
        if self.expectations is not None:
            self.expectations.participant = change["new"]

    def build_trainer(self) -> list[w.Widget]:
        """Session admin, and the session's participants board (charts load here only)."""
        if self.admin is None:
            self.admin = SessionAdmin(self._store, self.gate, on_change=self._on_admin_change)
        children: list[w.Widget] = [self.admin, projection_link(self.session)]
        if self.session is not None:
            # Charts and pandas load here, for the trainer only: participant pages stay light.
            from companion.widgets.home.participants import ParticipantsBoard

            self.board = ParticipantsBoard(self._store, self.session.code, self.gate)
            children.append(self.board)
        return children

    def _on_admin_change(self) -> None:
        self.touch()
        before = self.session_code
        self.rebind(force=True)
        if self.session_code == before:  # same session, new state (after a reset): fresh board
            self.trainer_area.reset()
            self.trainer_area.open_area()

    @guarded()
    def refresh(self) -> None:
        """Re-read the store: the active session, participants and expectations."""
        self.rebind()
        if self.session is not None:
            self.programme_view.update(self.now(), self.session.start)
        if self.trainer_area.built:
            if self.admin is not None:
                self.admin.refresh()
            if self.board is not None:
                self.board.refresh()
