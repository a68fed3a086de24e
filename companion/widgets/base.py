"""Building blocks shared by every page.

Messages, figures, the trainer gate and the trainer's actions checked against it, live
refresh.

Widgets are composites of stock ipywidgets. User text only reaches HTML through
:mod:`companion.core.html` / :func:`companion.core.safety.escape`.
"""

from __future__ import annotations

import functools
import hmac
import json
import logging
import os
import uuid
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import ipywidgets as w
import traitlets

from companion.core import config, trainer_cookie
from companion.core.config import ENV_PLOTLY_JS
from companion.core.errors import CompanionError, PermissionDenied, StoreError, detail_of
from companion.core.html import message, plotly_html
from companion.core.live import DEFAULT_IDLE_TIMEOUT_S, Poller
from companion.core.throttle import NO_IDENTITY, Throttle
from companion.core.visitor import visitor_id
from companion.store import Store
from companion.texts import common as tc
from companion.texts import signin as ts

if TYPE_CHECKING:  # plotly loads with the first chart, not with every page
    import plotly.graph_objects as go

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])

PLOTLY_MIME = "application/vnd.plotly.v1+json"


class Notice(w.HTML):
    """A one-line message area (escaped text, coloured by level)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_class("cp-notice")
        self.text = ""
        self.level = ""

    def show(self, text: str, level: str = "info") -> None:
        """Display ``text`` (escaped) at ``level`` (info, succes, erreur)."""
        self.text, self.level = text, level
        self.value = message(text, level)

    def clear(self) -> None:
        """Remove the message."""
        self.text, self.level, self.value = "", "", ""


def guarded(notice_attr: str = "_notice") -> Callable[[F], F]:
    """Decorate a widget callback so that errors become a French notice, never a traceback.

    A :class:`CompanionError` shows its own message; anything else shows a generic one and is
    logged. The decorated method's instance must have a :class:`Notice` at ``notice_attr``.
    """

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            notice: Notice = getattr(self, notice_attr)
            try:
                return method(self, *args, **kwargs)
            except CompanionError as error:
                notice.show(_for_reader(self, error), "erreur")
            except Exception as error:
                log.exception("unexpected error in %s", method.__qualname__)
                notice.show(tc.UNEXPECTED.format(kind=type(error).__name__), "erreur")
            return None

        return wrapper  # type: ignore[return-value]

    return decorate


def _for_reader(widget: Any, error: CompanionError) -> str:
    """Return the message for whoever reads ``widget``.

    A trainer's unlocked page gets the detail of a store error; a participant's gets the short
    French message only.
    """
    gate = getattr(widget, "_gate", None) or getattr(widget, "gate", None)
    if isinstance(error, StoreError) and isinstance(gate, TrainerGate) and gate.unlocked:
        return detail_of(error)
    return str(error)


class FigureView(w.Output):
    """Shows one plotly figure through the plotly mime renderer (offline, no FigureWidget).

    The figure is written to the ``outputs`` trait directly, so it works from callbacks and
    background tasks alike, and headless tests can read :attr:`figure`.
    """

    def __init__(self, figure: go.Figure | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.figure: go.Figure | None = None
        if figure is not None:
            self.show(figure)

    def show(self, figure: go.Figure) -> None:
        """Replace the displayed figure."""
        import plotly.io as pio  # loaded with the first figure: participant pages show none

        self.figure = figure

        payload = json.loads(pio.to_json(figure, validate=False))
        payload.setdefault("config", {})
        payload["config"].update({"displaylogo": False, "responsive": True})
        data = {PLOTLY_MIME: payload, "text/plain": str(figure.layout.title.text or "")}
        script_url = os.environ.get(ENV_PLOTLY_JS)
        if script_url:  # `companion serve`: pages load plotly.js only when they show a chart
            data["text/html"] = plotly_html(payload, script_url, f"cp-fig-{uuid.uuid4().hex}")
        self.outputs = (
            {
                "output_type": "display_data",
                "data": data,
                "metadata": {},
            },
        )


class TrainerGate(w.VBox):
    """The trainer code field and unlock button; ``unlocked`` turns True on the right code.

    The expected code stays in the kernel: it is never put in a widget value. With no code
    configured (a trainee alone in JupyterLab) the gate is open from the start.
    """

    unlocked = traitlets.Bool(False, help="True once the right trainer code was given.")

    def __init__(self, expected_code: str | None, *, throttle: Throttle | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._expected = expected_code
        # failures are counted per client across every page (a new page does not reset them)
        self._throttle = throttle or Throttle(config.user_data_dir())
        self._code = w.Password(
            placeholder=tc.TRAINER_CODE_PLACEHOLDER, layout=w.Layout(width="14em")
        )
        self._code.add_class("cp-trainer-code")
        self._unlock = w.Button(description=tc.TRAINER_UNLOCK, button_style="primary")
        self._unlock.add_class("cp-trainer-unlock")
        self._unlock.on_click(self._on_unlock)
        self._notice = Notice()
        self._day_link = w.HTML()
        self._day_link.add_class("cp-trainer-day")
        self.add_class("cp-trainer-gate")
        if expected_code is None:
            self.unlocked = True
            self._notice.show(tc.TRAINER_NO_CODE)
            self.children = [self._notice]
        elif trainer_cookie.signed_in(expected_code):  # signed in once for the day
            self.unlocked = True
            self._day_link.value = _link(trainer_cookie.sign_in_link(), ts.SIGN_OUT)
            self._notice.show(ts.GATE_SIGNED_IN, "succes")
            self.children = [self._notice, self._day_link]
        else:
            self._day_link.value = _link(trainer_cookie.sign_in_link(), ts.GATE_SIGN_IN_LINK)
            self.children = [w.HBox([self._code, self._unlock]), self._day_link, self._notice]

    @property
    def solo(self) -> bool:
        """True when no trainer code is configured (a trainee alone: open from the start)."""
        return self._expected is None

    def check(self, code: str) -> bool:
        """Return True and unlock if ``code`` is the trainer code (slowed after failures)."""
        if self._expected is None:
            return True
        client = visitor_id() or NO_IDENTITY
        if self._throttle.wait(client) > 0:
            self._notice.show(tc.TRAINER_WRONG_CODE, "erreur")
            return False
        if hmac.compare_digest(code.strip().encode(), self._expected.encode()):
            self._throttle.succeeded(client)
            self.unlocked = True
            self._notice.show(tc.TRAINER_UNLOCKED, "succes")
            self.children = [self._notice]  # the code field has done its job
            return True
        self._throttle.failed(client)
        self._notice.show(tc.TRAINER_WRONG_CODE, "erreur")
        return False

    def require(self) -> None:
        """Refuse (French :class:`PermissionDenied`) unless the gate is unlocked."""
        if not self.unlocked:
            raise PermissionDenied(tc.TRAINER_REQUIRED)

    def _on_unlock(self, _button: w.Button) -> None:
        self.check(self._code.value)
        self._code.value = ""


def _link(href: str, text: str) -> str:
    """Return an escaped link that opens in the same tab."""
    return f'<a href="{escape(href)}" target="_top">{escape(text)}</a>'


def trainer_only(notice_attr: str = "_notice", gate_attr: str = "gate") -> Callable[[F], F]:
    """Decorate a trainer action: the gate is checked in the kernel on every call.

    Hiding the trainer's buttons is not enough: whatever calls the method (a button, a test, a
    crafted message), a locked gate — or no gate at all — refuses with the French notice
    « réservée au formateur ». Errors become notices as with :func:`guarded`. The instance
    holds its :class:`TrainerGate` at ``gate_attr`` and its :class:`Notice` at ``notice_attr``.
    """

    def decorate(method: F) -> F:
        @functools.wraps(method)
        def checked(self: Any, *args: Any, **kwargs: Any) -> Any:
            gate: TrainerGate | None = getattr(self, gate_attr, None)
            if gate is None:
                raise PermissionDenied(tc.TRAINER_REQUIRED)
            gate.require()
            return method(self, *args, **kwargs)

        return guarded(notice_attr)(checked)  # type: ignore[return-value]

    return decorate


class TrainerPanel(w.VBox):
    """A trainer's panel on one session, whose actions need the unlocked gate.

    Its actions are decorated with :func:`trainer_only`; :meth:`done` reports success and tells
    the page.
    """

    def __init__(self, store: Store, session: str, gate: TrainerGate | None,
                 on_write: Callable[[], None] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session = store, session
        self.gate = gate
        self._on_write = on_write or (lambda: None)
        self._notice = Notice()

    @property
    def notice(self) -> Notice:
        """The panel's message area."""
        return self._notice

    def done(self, message: str) -> None:
        """Show ``message`` as a success and tell the page something was written."""
        self._notice.show(message, "succes")
        self._on_write()


TRAINER_IDLE_TIMEOUT_S = 4 * 60 * 60


class LivePage(w.VBox):
    """Base of pages that show shared data: a poller calls :meth:`refresh` on every change.

    Subclasses implement :meth:`refresh`; any click on a button of the page counts as
    interaction through :meth:`touch`. A page with :attr:`follows_room` keeps calling
    :meth:`paused_tick` while its refresh is paused.
    """

    #: Whether the page keeps following the room (:meth:`paused_tick`) while paused.
    follows_room: ClassVar[bool] = False

    def __init__(
        self,
        store: Store,
        *,
        idle_timeout: float = DEFAULT_IDLE_TIMEOUT_S,
        interval: float = 0.5,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._store = store
        self._live_notice = Notice()
        self._resume = w.Button(description=tc.LIVE_RESUME, layout=w.Layout(display="none"))
        self._resume.on_click(lambda _b: self.touch())
        self._poller = Poller(
            store.change_token,
            self._safe_refresh,
            interval=interval,
            idle_timeout=idle_timeout,
            on_pause=self._on_pause,
            on_paused_tick=self.paused_tick if self.follows_room else None,
        )

    @property
    def poller(self) -> Poller:
        """The page's poller (tests drive it with ``poll_once``)."""
        return self._poller

    @property
    def gate(self) -> TrainerGate:
        """The page's trainer gate; once it opens, the page stays live for a whole session."""
        return self._gate

    @gate.setter
    def gate(self, gate: TrainerGate) -> None:
        self._gate = gate
        gate.observe(lambda _change: self._follow_gate(), names="unlocked")
        self._follow_gate()

    def _follow_gate(self) -> None:
        """Keep an unlocked trainer's page live for a half-day.

        A trainer projects the page and may not touch it for a long time; participants' pages
        pause after ``idle_timeout`` without interaction.
        """
        if self._gate.unlocked:
            self._poller.idle_timeout = max(self._poller.idle_timeout, TRAINER_IDLE_TIMEOUT_S)

    def live_bar(self) -> w.HBox:
        """Return the pause notice and its « Reprendre » button, to place in the page."""
        return w.HBox([self._live_notice, self._resume])

    def start_live(self) -> None:
        """Start the poller on the kernel's loop (no-op without a running loop)."""
        self._poller.start()

    def touch(self) -> None:
        """Count an interaction: resume live refresh if it had paused."""
        was_paused = self._poller.paused
        self._poller.touch()
        if was_paused:
            self._live_notice.clear()
            self._resume.layout.display = "none"
            self._safe_refresh()

    def paused_tick(self) -> None:
        """Check the little a paused page still follows (hook; with :attr:`follows_room`)."""

    def _on_pause(self) -> None:
        self._live_notice.show(tc.LIVE_PAUSED)
        self._resume.layout.display = ""

    def attempt(self, step: Callable[[], Any], notice: Notice) -> bool:
        """Run a step that reads the store while building or binding; return True if it ran.

        A store error becomes ``notice``: the page is built anyway, and binds again on the
        visitor's arrival or at the next change once the store is back.
        """
        try:
            step()
        except CompanionError as error:
            notice.show(_for_reader(self, error), "erreur")
            return False
        return True

    def _safe_refresh(self) -> None:
        try:
            with self.hold_sync():
                self.refresh()
        except CompanionError as error:
            self._live_notice.show(_for_reader(self, error), "erreur")

    def refresh(self) -> None:
        """Re-read the store and update the page."""
        raise NotImplementedError


def button(description: str, css_class: str = "", style: str = "", **kwargs: Any) -> w.Button:
    """Return a text button (no icon: icons need a CDN font in Voilà's template)."""
    widget = w.Button(description=description, button_style=style, **kwargs)
    if css_class:
        widget.add_class(css_class)
    return widget
