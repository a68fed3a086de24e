"""The projection view: the room's screen, for a 1920×1080 projector read from the back.

The page follows the activity the trainer sent the room to (« Envoyer la salle sur cette
page », :func:`companion.home.activity.current_activity`) and refreshes live through the
poller: a brainstorm's wall, counters, timer and — once the round is closed — its vote results;
the round table's questions sorted by support; otherwise the join block in large and the word
cloud of the expectations. The session's join code and QR code are always on screen. There is
no trainer box: the trainer drives the page from their own pages, in another tab or device.

Nothing here runs script in the browser (an HTML widget's scripts do not run): the countdown is
computed in the kernel and redrawn every second, a CSS animation empties its bar and shows
« Temps écoulé » on time even between two redraws, and the end-of-timer signal is an
``<audio autoplay>`` element, which browsers play once the page had a click (the
« Activer le signal sonore » button). User text reaches HTML only through
:func:`companion.core.safety.escape` and the existing HTML helpers.
"""

from __future__ import annotations

import asyncio
import io
import itertools
import math
import wave
from collections import Counter
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from typing import Any

import ipywidgets as w
import traitlets

from companion.content.course import Course
from companion.core import config, join
from companion.core.colors import ACCENT, BASE
from companion.core.html import data_uri, word_cloud_html
from companion.core.model import TrainingSession
from companion.core.safety import escape
from companion.home.activity import OpenedActivity, current_activity
from companion.home.joining import HOME_NOTEBOOK
from companion.store import Store
from companion.texts import brainstorm as tb
from companion.texts import home as th
from companion.texts import projection as tp
from companion.texts import roundtable as trt
from companion.widgets.base import TRAINER_IDLE_TIMEOUT_S, guarded
from companion.widgets.page import SessionPage

"""The page the QR code opens: the course home, where one registers."""
ROUNDTABLE_NOTEBOOK = "06_table_ronde.ipynb"
PROJECTION_IDLE_TIMEOUT_S = 3 * TRAINER_IDLE_TIMEOUT_S
"""A projected page is never touched: it stays live for a whole day (12 hours)."""
MAX_RESULTS = 10
MAX_QUESTIONS = 10
_animation_ids = itertools.count()

STYLE = """<style>
#rendered_cells .cp-projection{position:fixed;top:0;left:0;right:0;bottom:0;z-index:1000;
margin:0;padding:20px 36px;box-sizing:border-box;overflow:auto;background:#fff}
.cp-projection{font-size:28px;line-height:1.35;color:#1d1d1b}
.cp-projection .widget-html,.cp-projection .widget-html-content{font-size:inherit;
line-height:inherit;height:auto}
.cp-projection h1{font-size:1.7em;line-height:1.15;margin:0 0 .2em 0;color:#1b4f72}
.cp-projection h2{font-size:1.3em;line-height:1.2;margin:.3em 0 .2em 0}
.cp-projection p{margin:.2em 0}
.cp-projection small{font-size:.8em}
.cp-projection-aside{flex:none;text-align:center;margin-left:1em;padding:.3em .6em;
border-left:4px solid #1b4f72}
.cp-projection-code{font-family:monospace;font-weight:bold;letter-spacing:.12em;
color:#1b4f72;white-space:nowrap}
.cp-projection-url{font-size:.75em;overflow-wrap:anywhere;color:#1d1d1b}
.cp-projection-chip{display:inline-block;margin:.15em .3em .15em 0;padding:.1em .5em;
border-radius:.3em;background:#eaf2f8;border:2px solid #1b4f72}
.cp-projection .cp-wall-card .cp-idea > div{display:-webkit-box;-webkit-line-clamp:4;
-webkit-box-orient:vertical;overflow:hidden}
.cp-projection .cp-wall-column h4{font-size:1em;margin:.2em 0}
.cp-projection-list{margin:.2em 0;padding-left:0;list-style:none}
.cp-projection-list li{display:flex;align-items:baseline;gap:.6em;margin:.25em 0;
padding:.2em .4em;border-left:6px solid #1b4f72;background:#fbfcfc}
.cp-projection-list .cp-projection-count{flex:none;min-width:2.4em;font-weight:bold;
font-size:1.2em;color:#1b4f72;text-align:right}
.cp-projection-list .cp-idea,.cp-projection-list .cp-projection-text{flex:1;min-width:0;
overflow-wrap:anywhere}
.cp-projection-list .cp-idea > div{display:-webkit-box;-webkit-line-clamp:3;
-webkit-box-orient:vertical;overflow:hidden}
.cp-projection-answered{opacity:.6}
.cp-projection-over{display:block;margin:.2em 0;padding:.2em .6em;border-radius:.3em;
background:#b03a2e;color:#fff;font-size:1.6em;font-weight:bold;text-align:center}
.cp-projection-foot{margin-top:1em}
.cp-projection-foot .jupyter-button{font-size:18px;min-height:44px;padding:0 1em}
@keyframes cp-projection-show{to{visibility:visible}}
</style>"""


# --- pure helpers (strings) -------------------------------------------------------------------
def _qr(url: str, scale: int) -> str:
    """Return the QR code of ``url`` (our own URL, drawn by segno), labelled for screen readers."""
    return (f"<div role='img' aria-label='{escape(tp.SCAN)}' style='display:inline-block'>"
            f"{join.qr_svg(url, scale=scale)}</div>")


def join_url_of(session: TrainingSession, base_url: str | None) -> str | None:
    """Return the address the room joins ``session`` by (the join page), None without a base."""
    return join.join_page_url(base_url, session.code) if base_url else None


def typed_url_of(base_url: str | None) -> str | None:
    """Return the join page's address to type (the code is typed next), None without a base."""
    return join.join_page_url(base_url) if base_url else None


def join_aside_html(session: TrainingSession, base_url: str | None) -> str:
    """Return the compact join block always on screen: the code, the QR code, the address."""
    url = join_url_of(session, base_url)
    parts = [f"<div>{escape(tp.CODE_LABEL)}</div>",
             f"<div class='cp-projection-code' style='font-size:1.8em'>"
             f"{escape(session.code)}</div>"]
    typed = typed_url_of(base_url)
    if url and typed:
        parts += [_qr(url, 5), f"<div class='cp-projection-url' style='max-width:13em;"
                               f"font-size:.6em;word-break:break-all'>{escape(typed)}</div>"]
    return "".join(parts)


def join_big_html(session: TrainingSession, base_url: str | None) -> str:
    """Return the join block in large: the code, the address, the QR code and how to join."""
    url = join_url_of(session, base_url)
    text = [f"<h1>{escape(th.JOIN_TITLE)}</h1>", f"<p>{escape(tp.CODE_LABEL)}</p>",
            f"<p class='cp-projection-code' style='font-size:3.4em;line-height:1.1'>"
            f"{escape(session.code)}</p>"]
    typed = typed_url_of(base_url)
    if url and typed:
        text += [f"<p class='cp-projection-url' style='font-size:.9em'>"
                 f"{escape(tp.JOIN_SHORT.format(url=typed))}</p>",
                 f"<p>{escape(th.JOIN_HELP)}</p>"]
    qr = f"<div style='flex:none'>{_qr(url, 11)}</div>" if url else ""
    return (f"<div class='cp-projection-join' style='display:flex;gap:1.5em;align-items:center'>"
            f"<div style='flex:1;min-width:0'>{''.join(text)}</div>{qr}</div>")


def clock_time(moment: datetime) -> str:
    """Return ``moment`` as the room reads it on the wall clock: « 10h05 » (local time)."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return f"{local.hour}h{local.minute:02d}"


def countdown_html(ends_at: datetime | None, left: float | None) -> str:
    """Return the timer: time left and end time, or the « Temps écoulé » banner.

    ``left`` is the seconds left (0: over, None: no timer). A CSS animation empties the bar
    and a CSS delay shows the banner at the end even if the kernel's next redraw is late.
    """
    if ends_at is None or left is None:
        return ""
    over = f"<span class='cp-projection-over' role='status'>{escape(tb.TIMER_OVER)}</span>"
    if left <= 0:
        return over
    from companion.brainstorm.rounds import clock

    number = next(_animation_ids)
    ends = escape(tp.TIMER_ENDS.format(time=clock_time(ends_at)))
    late = (f"<span class='cp-projection-over' style='visibility:hidden;position:absolute;"
            f"left:0;right:0;top:0;animation:cp-projection-show 0s linear {left:.1f}s forwards'>"
            f"{escape(tb.TIMER_OVER)}</span>")
    return (
        f"<style>@keyframes cp-projection-bar-{number}{{from{{width:100%}}to{{width:0%}}}}"
        f"</style><div style='position:relative'>{late}"
        f"<p style='font-size:1.5em;font-weight:bold;margin:0'>"
        f"{escape(tb.TIMER_LEFT.format(clock=clock(left)))} "
        f"<small style='font-weight:normal'>({ends})</small></p>"
        f"<div style='height:14px;background:#eaeded'><div style='height:100%;"
        f"background:{ACCENT};animation:cp-projection-bar-{number} {left:.0f}s linear forwards'>"
        f"</div></div></div>"
    )


def voters_html(voters: int, registered: int) -> str:
    """Return the live vote counter « 12 / 18 ont voté » (voters alone without registrations)."""
    text = (tp.VOTERS.format(voters=voters, registered=registered) if registered
            else tp.VOTERS_ALONE.format(voters=voters))
    return f"<p class='cp-projection-voters' style='font-size:1.3em'><strong>{escape(text)}" \
           f"</strong></p>"


def group_counts_html(counts: Mapping[str, int]) -> str:
    """Return the number of ideas of each subgroup, as chips."""
    template = escape(tp.GROUP_IDEAS)  # our text, escaped before the values go in
    chips = "".join(f"<span class='cp-projection-chip'>"
                    f"{template.format(group=escape(group), count=f'<strong>{count}</strong>')}"
                    f"</span>" for group, count in counts.items())
    total = escape(tp.IDEAS_TOTAL.format(count=sum(counts.values())))
    per_group = f" — {escape(tp.IDEAS_PER_GROUP)} {chips}" if chips else ""
    return f"<p class='cp-projection-groups'><strong>{total}</strong>{per_group}</p>"


@cache
def beep_wav(rate: int = 8000) -> bytes:
    """Return the end-of-timer signal: three short beeps (1.1 s, 8-bit mono WAV)."""
    frames = bytearray()
    for index in range(3):
        for n in range(int(rate * 0.22)):
            fade = min(1.0, n / 80, (rate * 0.22 - n) / 80)
            frames.append(int(128 + 100 * fade * math.sin(2 * math.pi * 880 * n / rate)))
        if index < 2:
            frames.extend(b"\x80" * int(rate * 0.12))
    out = io.BytesIO()
    with wave.open(out, "wb") as file:
        file.setnchannels(1)
        file.setsampwidth(1)
        file.setframerate(rate)
        file.writeframes(bytes(frames))
    return out.getvalue()


def beep_html() -> str:
    """Return the signal as an ``<audio autoplay>`` element (no controls, nothing shown)."""
    return (f"<audio class='cp-projection-beep' autoplay "
            f"src='{data_uri(beep_wav(), 'audio/wav')}'></audio>")


# --- the page ---------------------------------------------------------------------------------
class ProjectionPage(SessionPage):
    """The room's screen: the activity the trainer opened, in large type, live.

    Parameters
    ----------
    store
        Where the session's activity is read.
    query
        The page's parameters: ``session`` (default: the active session), ``manche`` (the
        brainstorm round to show instead of the one of the opened page).
    trainer_code
        The trainer code of the pages (no trainer box is shown here).
    base_url
        The server's address for the join link and its QR code (default: ``config.join_url()``).
    """

    view = traitlets.Unicode("", help="What is projected: brainstorm, roundtable, welcome.")
    sound = traitlets.Bool(False, help="True once the room's browser may play the signal.")

    def __init__(self, store: Store, query: Mapping[str, str] | None = None, *,
                 trainer_code: str | object | None = ..., base_url: str | None = None,
                 content: Course | None = None, idle_timeout: float = PROJECTION_IDLE_TIMEOUT_S,
                 **kwargs: Any) -> None:
        super().__init__(store, query, trainer_code=trainer_code, idle_timeout=idle_timeout,
                         **kwargs)
        self._base_url = base_url if base_url is not None else config.join_url()
        self._content = content
        self.round_id: str | None = self._query.get("manche", "").strip() or None
        self._ends_at: datetime | None = None
        self._running_seen: datetime | None = None  # the timer seen running (for the signal)
        self._beeped: datetime | None = None
        self._clock: asyncio.Task[None] | None = None
        self._heading = w.HTML()
        self._heading.add_class("cp-projection-heading")
        self._timer = w.HTML()
        self._timer.add_class("cp-projection-timer")
        self._counters = w.HTML()
        self._counters.add_class("cp-projection-counters")
        self._body = w.HTML()
        self._body.add_class("cp-projection-body")
        self._aside = w.HTML()
        self._aside.add_class("cp-projection-aside")
        self._beep = w.HTML()
        self._beep.add_class("cp-projection-sound")
        self._sound_button = w.ToggleButton(description=tp.SOUND_ON, tooltip=tp.SOUND_HELP,
                                            layout=w.Layout(width="auto"))
        self._sound_button.add_class("cp-projection-sound-on")
        self._sound_button.observe(self._on_sound, names="value")
        main = w.VBox([self._heading, self._timer, self._counters, self._body],
                      layout=w.Layout(flex="1 1 auto", min_width="0"))
        row = w.HBox([main, self._aside], layout=w.Layout(align_items="flex-start"))
        # the pause notice and « Reprendre », without the link to the room's activity: this
        # page follows that activity itself
        foot = w.HBox([self._sound_button, self._notice, self._beep,
                       *super(SessionPage, self).live_bar().children])
        foot.add_class("cp-projection-foot")
        self.add_class("cp-projection")
        self.children = (w.HTML(STYLE), row, foot)
        self.open_page()

    # --- state for tests and the notebook -------------------------------------------------------
    @property
    def html(self) -> str:
        """Everything projected, as HTML (heading, timer, counters, body, join block)."""
        return "".join(str(part.value) for part in (self._heading, self._timer, self._counters,
                                                    self._body, self._aside))

    @property
    def timer_html(self) -> str:
        """The countdown as shown."""
        return str(self._timer.value)

    @property
    def signal_html(self) -> str:
        """The end-of-timer signal element (empty when none plays)."""
        return str(self._beep.value)

    def enable_sound(self, on: bool = True) -> None:
        """Press « Activer le signal sonore » (tests)."""
        self._sound_button.value = on

    def _on_sound(self, change: dict[str, Any]) -> None:
        self.sound = bool(change["new"])
        self._sound_button.description = tp.SOUND_ACTIVE if self.sound else tp.SOUND_ON
        self.touch()

    # --- life cycle -----------------------------------------------------------------------------
    def query_changed(self) -> None:
        """Read the round of the address (``manche``), if any."""
        self.round_id = self._query.get("manche", "").strip() or None

    def bind(self, session: TrainingSession | None) -> None:
        """Draw what the room of ``session`` is doing (nothing without a session)."""
        self._draw(session)

    @guarded()
    def refresh(self) -> None:
        """Re-read the opened activity and draw it (the active session, if it changed)."""
        if not self._query.get("session") and self.rebind():
            return  # bound again to the new active session: drawn by bind
        self._draw(self.session)

    def _draw(self, session: TrainingSession | None) -> None:
        if session is None:
            self.view = ""
            self._no_timer()
            for part in (self._heading, self._counters, self._body, self._aside):
                part.value = ""
            return
        from companion.widgets.brainstorm.wall import ROUND_NOTEBOOKS

        activity = current_activity(self._store, session.code)
        notebook = activity.notebook if activity is not None else HOME_NOTEBOOK
        rounds = {nb: round_id for round_id, nb in ROUND_NOTEBOOKS.items()}
        if self.round_id or notebook in rounds:
            self._show_brainstorm(session, self.round_id or rounds[notebook])
        elif notebook == ROUNDTABLE_NOTEBOOK:
            self._show_roundtable(session)
        else:
            self._show_welcome(session, activity if notebook != HOME_NOTEBOOK else None)

    # --- the views ------------------------------------------------------------------------------
    def _aside_for(self, session: TrainingSession, *, shown: bool) -> None:
        self._aside.value = join_aside_html(session, self._base_url) if shown else ""
        self._aside.layout.display = "" if shown else "none"

    def _no_timer(self) -> None:
        self._ends_at = None
        self._timer.value = ""

    def _show_welcome(self, session: TrainingSession, elsewhere: OpenedActivity | None) -> None:
        """Show the join block in large, the expectations, the page opened if not the home."""
        from companion.home import icebreaker

        self.view = "welcome"
        self._no_timer()
        self._aside_for(session, shown=False)
        self._heading.value = (
            f"<h2>{escape(tp.ACTIVITY_NOW.format(title=elsewhere.title))}</h2>"
            if elsewhere is not None else "")
        count = len(self._store.list_participants(session.code))
        self._counters.value = ""
        expectations = icebreaker.expectations(self._store, session.code)
        cloud = word_cloud_html(icebreaker.expectation_words(expectations)) or \
            f"<p>{escape(th.NO_EXPECTATION)}</p>"
        people = (th.PARTICIPANTS_COUNT.format(count=count) if count else th.NO_PARTICIPANT)
        self._body.value = (
            f"{join_big_html(session, self._base_url)}"
            f"<p style='font-size:1.2em'><strong>{escape(people)}</strong></p>"
            f"<h2>{escape(th.WORD_CLOUD_TITLE)}</h2>"
            f"<div class='cp-projection-cloud' style='font-size:1.2em'>{cloud}</div>")

    def _show_roundtable(self, session: TrainingSession) -> None:
        from companion.roundtable import questions as rt

        self.view = "roundtable"
        self._no_timer()
        self._aside_for(session, shown=True)
        table = rt.round_table()
        index = rt.current_index(self._store, session.code, table)
        topic = table.topics[index]
        self._heading.value = (
            f"<h1>{escape(table.title)}</h1><div style='border-left:8px solid {BASE};"
            f"padding:.2em .6em;margin:.3em 0'><small>"
            f"{escape(trt.CURRENT.format(number=index + 1, total=len(table.topics)))} — "
            f"{escape(topic.title)}</small><br><strong>{escape(topic.question)}</strong></div>")
        questions = rt.room_questions(self._store, session.code)
        self._counters.value = ""
        items = []
        for q in questions[:MAX_QUESTIONS]:
            author = q.author or trt.ANONYMOUS
            mark = f" <strong>[{escape(tp.ANSWERED_MARK)}]</strong>" if q.answered else ""
            css = " class='cp-projection-answered'" if q.answered else ""
            items.append(
                f"<li{css}><span class='cp-projection-count' "
                f"aria-label='{escape(trt.VOTES.format(count=q.votes))}'>{q.votes}</span>"
                f"<span class='cp-projection-text cp-rt-question'>{escape(q.text)}{mark} "
                f"<small>— {escape(author)}</small></span></li>")
        body = (f"<ol class='cp-projection-list cp-projection-questions'>{''.join(items)}</ol>"
                if items else f"<p>{escape(trt.NO_QUESTION)}</p>")
        self._body.value = f"<h2>{escape(trt.LIST_TITLE)}</h2>{body}"

    def _show_brainstorm(self, session: TrainingSession, round_id: str) -> None:
        from companion import brainstorm as bs
        from companion.brainstorm.results import group_label
        from companion.widgets.brainstorm.cards import idea_html
        from companion.widgets.brainstorm.wall import wall_html

        self.view = "brainstorm"
        self._aside_for(session, shown=True)
        snap = bs.snapshot(self._store, session.code, round_id, self._content)
        state = snap.state
        self._heading.value = (
            f"<h1>{escape(snap.round.title)}</h1>"
            f"<p><em>{escape(snap.round.question)}</em></p>"
            f"<p><span style='background:{BASE};color:#fff;padding:.1em .5em;border-radius:.3em'>"
            f"{escape(tb.PHASE_NOW.format(phase=state.label))}</span></p>")
        self._ends_at = state.ends_at
        self.tick()
        counts: Counter[str] = Counter(
            {g.name: 0 for g in self._store.list_groups(session.code)})
        counts.update(group_label(i.group) for i in snap.cards)
        counters = group_counts_html(dict(counts))
        if state.voting_open or state.revealed:
            registered = len(self._store.list_participants(session.code))
            counters = voters_html(bs.voters(snap.votes), registered) + counters
        self._counters.value = counters
        if state.phase == "a_venir":
            self._body.value = f"<p>{escape(tp.NOT_STARTED)}</p>"
        elif state.private:  # each subgroup sees only its own cards: the room sees the counts
            self._body.value = f"<p>{escape(tp.PRIVATE_WRITING)}</p>"
        elif state.revealed:
            ranked = sorted(snap.cards, key=lambda i: -snap.counts.get(i.uid, 0))
            items = "".join(
                f"<li><span class='cp-projection-count'>"
                f"{escape(tb.VOTES.format(count=snap.counts.get(i.uid, 0)))}</span>"
                f"<div class='cp-idea'>{idea_html(i.text)}</div>"
                f"<small>{escape(group_label(i.group))}</small></li>"
                for i in ranked[:MAX_RESULTS])
            more = len(ranked) - MAX_RESULTS
            rest = f"<p>{escape(tp.MORE_IDEAS.format(count=more))}</p>" if more > 0 else ""
            results = (f"<ol class='cp-projection-list cp-projection-results'>{items}</ol>{rest}"
                       if snap.votes else f"<p>{escape(tp.NO_VOTE)}</p>")
            self._body.value = f"<h2>{escape(tp.RESULTS_TITLE)}</h2>{results}"
        else:
            self._body.value = (wall_html(snap, "group") if snap.cards
                                else f"<p>{escape(tb.NO_IDEA)}</p>")
        self._start_clock()

    # --- the countdown --------------------------------------------------------------------------
    def tick(self, now: datetime | None = None) -> bool:
        """Redraw the countdown; play the signal when it just ended; True while it runs."""
        from companion.brainstorm.rounds import utcnow

        ends = self._ends_at
        if ends is None:
            self._timer.value = ""
            return False
        left = max((ends - (now or utcnow())).total_seconds(), 0.0)
        self._timer.value = countdown_html(ends, left)
        if left > 0:
            self._running_seen = ends
            if self._beeped is not None and self._beeped != ends:
                self._beep.value = ""  # a new timer: the last signal's element goes
            return True
        if self._running_seen == ends and self._beeped != ends:
            self._beeped = ends  # once per timer, only if this page saw it running
            if self.sound:
                self._beep.value = beep_html()
        return False

    def _start_clock(self) -> None:
        if self._clock is not None and not self._clock.done():
            return
        if self._ends_at is None:
            return
        try:
            loop = asyncio.get_running_loop()  # a kernel runs cells and callbacks in its loop
        except RuntimeError:
            return
        self._clock = loop.create_task(self._run_clock())

    async def _run_clock(self) -> None:
        """Redraw the countdown every second until it ends or the page goes idle."""
        while not self.poller.paused and self.tick():
            await asyncio.sleep(1)
