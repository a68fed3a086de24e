"""The activity the trainer opens for the room: stored, offered on every other page of the
session as a one-tap link (escaped, keeping the visitor's session and group), gated."""

from __future__ import annotations

from datetime import datetime

import pytest
from ipywidgets import Button

from companion.content.course import programme
from companion.home.activity import current_activity, open_activity, sequence_of, title_of
from companion.store import Store
from companion.widgets.activity import ActivityBar
from companion.widgets.introduction import IntroductionPage

CODE = "CODE1234"
MORNING = datetime(2026, 11, 28, 10, 40)


def test_the_last_opened_activity_is_the_current_one(store: Store, session_code: str) -> None:
    assert current_activity(store, session_code) is None
    open_activity(store, session_code, "01_introduction_ess.ipynb", "Introduction", MORNING)
    open_activity(store, session_code, "02_remue_meninges_1.ipynb", "Remue-méninges", MORNING)
    current = current_activity(store, session_code)
    assert current is not None and current.notebook == "02_remue_meninges_1.ipynb"
    assert current.at == MORNING
    assert title_of(programme(), "02_remue_meninges_1.ipynb").startswith("« Remue-méninges » 1")
    day_two = sequence_of(programme(), "05_visite_de_site.ipynb", day=2)
    assert day_two is not None and day_two.day == 2


def test_the_bar_links_to_the_other_page_escaped_and_keeping_session_and_group() -> None:
    from companion.home.activity import OpenedActivity

    bar = ActivityBar()
    hostile = OpenedActivity("02_remue_meninges_1.ipynb", "<img src=x onerror=alert(1)>")
    bar.show(hostile, "00_accueil.ipynb", {"session": "ABC234", "groupe": "G1", "x": "y"})
    assert "<img" not in bar.value and "&lt;img" in bar.value
    link = 'href="/voila/render/02_remue_meninges_1.ipynb?session=ABC234&amp;groupe=G1"'
    assert link in bar.value
    bar.show(hostile, "02_remue_meninges_1.ipynb", {})  # already there: nothing to offer
    assert bar.value == ""
    bar.show(hostile, None, {})  # JupyterLab: a trainee alone follows no one
    assert bar.value == ""


def test_only_the_trainer_sends_the_room_and_every_page_then_offers_it(
    store: Store, session_code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SCRIPT_NAME", "/voila/render/01_introduction_ess.ipynb")
    trainer = IntroductionPage(store, trainer_code=CODE, start=False)
    trainer.send_room_here()  # locked: refused in the kernel
    assert current_activity(store, session_code) is None
    assert "réservée au formateur" in trainer.notice.value
    trainer.gate.check(CODE)
    buttons = [w for w in trainer.trainer_area.content
               if isinstance(w, Button) and w.description == "Envoyer la salle sur cette page"]
    assert len(buttons) == 1
    buttons[0].click()
    sent = current_activity(store, session_code)
    assert sent is not None and sent.notebook == "01_introduction_ess.ipynb"
    monkeypatch.setenv("SCRIPT_NAME", "/voila/render/00_accueil.ipynb")
    from companion.widgets.home.page import HomePage

    participant = HomePage(store, {"session": session_code}, trainer_code=CODE, start=False)
    assert "Le formateur a ouvert" in participant.activity_bar.value
    assert "01_introduction_ess.ipynb?session=TEST1" in participant.activity_bar.value


def test_a_page_paused_for_idleness_still_shows_the_activity_the_trainer_opens(
    store: Store, session_code: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import asyncio

    from companion.widgets.home.page import HomePage

    monkeypatch.setenv("SCRIPT_NAME", "/voila/render/00_accueil.ipynb")

    async def scenario() -> None:
        page = HomePage(store, {"session": session_code}, trainer_code=CODE, start=False)
        page.poller.interval, page.poller.paused_interval, page.poller.idle_timeout = (
            0.01, 0.02, 0.05)
        page.start_live()
        await asyncio.sleep(0.15)
        assert page.poller.paused  # nobody touched it: its refresh is paused
        assert "Le formateur a ouvert" not in page.activity_bar.value
        open_activity(store, session_code, "01_introduction_ess.ipynb", "Introduction", MORNING)
        await asyncio.sleep(0.1)
        assert "Le formateur a ouvert : Introduction" in page.activity_bar.value
        page.poller.stop()

    asyncio.run(scenario())
