"""The projection view, headless, on a real SQLite store: it follows the activity the trainer
opened, escapes what people typed, reveals the votes only once the round is closed, counts
voters against registered participants, counts the timer down and signals its end."""

from __future__ import annotations

import io
import wave
from datetime import datetime, timedelta

from companion import brainstorm as bs
from companion.brainstorm.ideas import Contributor
from companion.brainstorm.rounds import utcnow
from companion.core import join
from companion.core.model import TRAINER
from companion.core.safety import escape
from companion.home.activity import open_activity
from companion.home.icebreaker import add_expectation, register
from companion.roundtable import questions as rt
from companion.store import Store
from companion.texts import brainstorm as tb
from companion.widgets.home.page import HomePage
from companion.widgets.projection import ProjectionPage, beep_wav
from tests.drivers.home import HomeDriver

BASE = "http://10.0.0.5:8866"
PART = "Partenariat"
HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>"


def _page(store: Store, **query: str) -> ProjectionPage:
    return ProjectionPage(store, query, trainer_code="CODE1234", base_url=BASE)


def _send_room(store: Store, session: str, notebook: str, title: str = "") -> None:
    open_activity(store, session, notebook, title or notebook, datetime(2026, 11, 28, 10, 30))


def _post(store: Store, session: str, group: str, text: str, round_id: str = "difficultes"
          ) -> bs.Idea:
    round_ = bs.get_round(store, session, round_id)
    state = bs.current_state(store, session, round_id)
    return bs.post_idea(store, session, round_, state, Contributor.new(group), text, PART)


def _vote(store: Store, session: str, who: Contributor, idea: bs.Idea) -> None:
    state = bs.current_state(store, session, "difficultes")
    all_ideas = bs.ideas(store, session, "difficultes")
    bs.cast(store, session, state, who, idea.uid, all_ideas,
            bs.votes(store, session, "difficultes"))


def test_the_join_code_and_qr_code_are_always_shown(store: Store, session_code: str) -> None:
    page = _page(store)
    assert page.view == "welcome"
    assert session_code in page.html and "<svg" in page.html
    # the address to type is the join page's; its QR code carries the session code too
    assert f"Pour rejoindre : {BASE}/companion/rejoindre<" in page.html
    assert join.qr_svg(f"{BASE}/companion/rejoindre?session={session_code}", scale=11) in page.html
    for notebook in ("02_remue_meninges_1.ipynb", "06_table_ronde.ipynb"):
        _send_room(store, session_code, notebook)
        page.poller.poll_once()
        assert session_code in page.html and page.html.count("<svg") == 1, notebook


def test_it_follows_the_activity_the_trainer_opened(store: Store, session_code: str) -> None:
    page = _page(store)
    assert page.view == "welcome"
    _send_room(store, session_code, "02_remue_meninges_1.ipynb")
    assert page.poller.poll_once()
    assert page.view == "brainstorm" and "Remue-méninges 1 : les difficultés" in page.html
    _send_room(store, session_code, "03_remue_meninges_2.ipynb")
    page.poller.poll_once()
    assert page.view == "brainstorm" and "Remue-méninges 2 : leviers" in page.html
    _send_room(store, session_code, "06_table_ronde.ipynb")
    page.poller.poll_once()
    assert page.view == "roundtable"
    assert escape(rt.round_table().topics[0].question) in page.html
    _send_room(store, session_code, "04_diagnostic_partage.ipynb", "Diagnostic partagé")
    page.poller.poll_once()
    assert page.view == "welcome" and "En cours : Diagnostic partagé" in page.html
    _send_room(store, session_code, "00_accueil.ipynb", "Accueil")
    page.poller.poll_once()
    assert page.view == "welcome" and "En cours" not in page.html


def test_the_address_may_name_the_round(store: Store, session_code: str) -> None:
    page = _page(store, manche="leviers")
    assert page.view == "brainstorm" and "Remue-méninges 2 : leviers" in page.html


def test_it_follows_the_active_session(store: Store) -> None:
    page = _page(store)
    assert page.session is None and page.view == "" and "Aucune session" in page.notice.text
    store.create_session("NEUF23", "Nouvelle session", actor=TRAINER)
    store.activate_session("NEUF23", actor=TRAINER)
    page.poller.poll_once()
    assert page.session_code == "NEUF23" and page.view == "welcome" and "NEUF23" in page.html


def test_private_writing_shows_counts_per_subgroup_not_the_ideas(store: Store,
                                                                 session_code: str) -> None:
    _send_room(store, session_code, "02_remue_meninges_1.ipynb")
    _post(store, session_code, "G1", "Locaux vacants")
    _post(store, session_code, "G1", "Peu de coopération")
    _post(store, session_code, "G2", "Financements courts")
    page = _page(store)
    assert "Locaux vacants" not in page.html and "Financements courts" not in page.html
    assert "3 idée(s)" in page.html and "G1 : <strong>2</strong>" in page.html
    assert "G2 : <strong>1</strong>" in page.html
    bs.set_phase(store, session_code, "difficultes", "mise_en_commun")
    page.poller.poll_once()
    assert "Locaux vacants" in page.html and "Financements courts" in page.html


def test_hostile_text_is_escaped_everywhere(store: Store, session_code: str) -> None:
    page = _page(store)
    add_expectation(store, session_code, "Des <b>coopératives</b> et des régies")
    page.poller.poll_once()
    assert "coopératives" in page.html and "<b>" not in page.html
    _send_room(store, session_code, "02_remue_meninges_1.ipynb", HOSTILE)
    _post(store, session_code, HOSTILE, HOSTILE)
    bs.set_phase(store, session_code, "difficultes", "mise_en_commun")
    page.poller.poll_once()
    assert "&lt;img src=x onerror=alert(1)&gt;" in page.html
    assert "<img" not in page.html and "<script" not in page.html
    _send_room(store, session_code, "06_table_ronde.ipynb")
    rt.ask(store, session_code, HOSTILE, author="<i>Moi</i>")
    page.poller.poll_once()
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page.html and "&lt;i&gt;Moi" in page.html
    assert "<img" not in page.html and "<script" not in page.html and "<i>" not in page.html
    _send_room(store, session_code, "04_diagnostic_partage.ipynb", HOSTILE)
    page.poller.poll_once()
    assert "En cours : &lt;img" in page.html and "<img" not in page.html


def test_votes_are_revealed_only_once_the_round_is_closed(store: Store,
                                                         session_code: str) -> None:
    _send_room(store, session_code, "02_remue_meninges_1.ipynb")
    first = _post(store, session_code, "G1", "Locaux vacants")
    _post(store, session_code, "G2", "Financements courts")
    bs.set_phase(store, session_code, "difficultes", "vote")
    alice, bruno = Contributor.new("G1"), Contributor.new("G2")
    _vote(store, session_code, alice, first)
    _vote(store, session_code, bruno, first)
    page = _page(store)
    assert "Locaux vacants" in page.html  # the wall, without the tallies
    assert tb.VOTES.format(count=2) not in page.html and "cp-projection-results" not in page.html
    bs.set_phase(store, session_code, "difficultes", "clos")
    page.poller.poll_once()
    results = page.html.split("cp-projection-results", 1)[1]
    assert results.index(tb.VOTES.format(count=2)) < results.index("Locaux vacants") \
        < results.index(tb.VOTES.format(count=0)) < results.index("Financements courts")


def test_voters_are_counted_against_registered_participants(store: Store,
                                                            session_code: str) -> None:
    _send_room(store, session_code, "02_remue_meninges_1.ipynb")
    idea = _post(store, session_code, "G1", "Locaux vacants")
    other = _post(store, session_code, "G1", "Peu de coopération")
    bs.set_phase(store, session_code, "difficultes", "vote")
    page = _page(store)
    assert "0 votant(s)" in page.html  # nobody registered yet
    for name in ("Ana", "Ben", "Cléo"):
        register(store, session_code, pseudonym=name, function="Élu·e", territory="Lyon")
    alice, bruno = Contributor.new("G1"), Contributor.new("G1")
    _vote(store, session_code, alice, idea)
    _vote(store, session_code, alice, other)  # two dots, one voter
    _vote(store, session_code, bruno, idea)
    page.poller.poll_once()
    assert "2 / 3 ont voté" in page.html


def test_round_table_questions_are_sorted_by_support(store: Store, session_code: str) -> None:
    _send_room(store, session_code, "06_table_ronde.ipynb")
    quiet = rt.ask(store, session_code, "Question peu soutenue", voter="v1")
    loud = rt.ask(store, session_code, "Question très soutenue", voter="v2")
    for voter in ("a", "b", "c"):
        rt.upvote(store, session_code, loud.uid, voter)
    rt.upvote(store, session_code, quiet.uid, "a")
    page = _page(store)
    assert page.html.index("Question très soutenue") < page.html.index("Question peu soutenue")
    assert "aria-label='3 soutien(s)'>3<" in page.html


def test_the_timer_counts_down_then_shows_and_signals_its_end(store: Store,
                                                             session_code: str) -> None:
    _send_room(store, session_code, "02_remue_meninges_1.ipynb")
    start = utcnow()
    bs.start_timer(store, session_code, "difficultes", 5, now=start)
    page = _page(store)
    page.enable_sound()
    assert page.tick(now=start + timedelta(seconds=30))
    assert tb.TIMER_LEFT.format(clock="04:30") in page.timer_html
    ends = (start + timedelta(minutes=5)).astimezone()
    assert f"fin à {ends.hour}h{ends.minute:02d}" in page.timer_html
    assert page.signal_html == ""
    assert not page.tick(now=start + timedelta(minutes=5, seconds=1))
    assert tb.TIMER_OVER in page.timer_html and "cp-projection-over" in page.timer_html
    assert "<audio" in page.signal_html and "autoplay" in page.signal_html
    page.tick(now=start + timedelta(minutes=6))
    assert page.signal_html.count("<audio") == 1  # once per timer


def test_no_signal_without_the_click_nor_for_a_timer_over_before_opening(
        store: Store, session_code: str) -> None:
    _send_room(store, session_code, "02_remue_meninges_1.ipynb")
    start = utcnow()
    bs.start_timer(store, session_code, "difficultes", 1, now=start - timedelta(minutes=2))
    late = _page(store)
    late.enable_sound()
    late.tick()
    assert tb.TIMER_OVER in late.timer_html and late.signal_html == ""
    bs.start_timer(store, session_code, "difficultes", 1, now=start)
    muted = _page(store)
    assert muted.tick(now=start)
    assert not muted.tick(now=start + timedelta(minutes=2))
    assert tb.TIMER_OVER in muted.timer_html and muted.signal_html == ""


def test_the_signal_is_a_short_wav() -> None:
    with wave.open(io.BytesIO(beep_wav())) as sound:
        seconds = sound.getnframes() / sound.getframerate()
    assert 0.5 < seconds < 3  # axe-core: autoplayed audio stays under 3 seconds


def test_the_trainer_area_of_the_home_links_to_the_projection(store: Store,
                                                             session_code: str) -> None:
    home = HomeDriver(HomePage(store, {}, trainer_code="CODE1234", base_url=BASE))
    assert home.ui.widgets(css="cp-projection-link") == []  # the trainer's, behind the code
    home.gate.unlock("CODE1234")
    link = home.ui.html_of("cp-projection-link")
    assert 'href="12_projection.ipynb?session=TEST1"' in link and 'target="_blank"' in link
    assert "Ouvrir la vue projection" in link
