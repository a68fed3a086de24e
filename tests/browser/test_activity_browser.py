"""End to end: the trainer sends the room to a page; a participant's page elsewhere offers it
at once (one tap, on a phone) and lands there with the session kept (issue 11, item 3)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import Server, open_page, start_server, stop_server, unlock_trainer

pytestmark = pytest.mark.browser

HOME = "00_accueil.ipynb"
INTRO = "01_introduction_ess.ipynb"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("activity"), pool=0)
    yield running
    stop_server(running)


def test_the_participant_page_follows_the_activity_the_trainer_opens(
    browser: Any, server: Server
) -> None:
    participant = open_page(browser, server.url(HOME, session=server.session), ".cp-home").page
    participant.set_viewport_size(PHONE)
    assert participant.locator(".cp-activity-go").count() == 0  # nothing opened yet
    trainer = open_page(browser, server.url(INTRO), ".cp-introduction").page
    unlock_trainer(trainer, server.trainer_code)
    trainer.click("button.cp-send-room", timeout=20_000)
    trainer.wait_for_selector(".cp-message-succes", timeout=15_000)
    go = participant.wait_for_selector(".cp-activity-go", state="visible", timeout=15_000)
    assert go is not None
    box = go.bounding_box()
    assert box is not None and box["height"] >= 44 and box["y"] + box["height"] <= PHONE["height"]
    assert "Introduction" in participant.inner_text(".cp-activity-box")
    go.click()
    participant.wait_for_selector(".cp-introduction", timeout=90_000)
    assert f"/voila/render/{INTRO}?session={server.session}" in participant.url
    assert participant.locator(".cp-activity-go").count() == 0  # here now: no link to itself
    trainer.context.close()
    participant.context.close()
