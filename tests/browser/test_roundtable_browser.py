"""End to end: two trainees post and support questions; the trainer sees the order live."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import Server, open_page, start_server, stop_server, unlock_trainer

pytestmark = pytest.mark.browser

PAGE = "06_table_ronde.ipynb"
HOSTILE = "<img src=x onerror=alert(1)>Et les bailleurs ?"
SECOND = "Quel modèle économique pour une Régie ?"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("table-ronde"), session="TABLE1",
                           now="2026-11-29T14:30:00")
    yield running
    stop_server(running)


def _first_card_has(page: Any, text: str, timeout: float = 10.0) -> None:
    """Wait until the first card of the list shows ``text`` (speed: benchmarks/)."""
    page.wait_for_function(
        "(txt) => { const c = document.querySelector('.cp-rt-list .cp-rt-card');"
        " return c !== null && c.innerText.includes(txt); }", arg=text, timeout=timeout * 1000)


def _ask(page: Any, text: str) -> None:
    page.fill(".cp-rt-ask textarea", text)
    page.click("button.cp-rt-ask-submit")
    page.wait_for_selector(".cp-rt-ask-form .cp-message-succes", timeout=15_000)


def _card(page: Any, text: str) -> Any:
    return page.locator(".cp-rt-card", has_text=text)


def test_questions_ordered_live_for_two_trainees_and_the_trainer(browser: Any,
                                                                 server: Server) -> None:
    trainer = open_page(browser, server.url(PAGE), ".cp-roundtable")
    unlock_trainer(trainer.page, server.trainer_code)
    trainer.page.wait_for_selector(".cp-rt-note", timeout=15_000)
    alice = open_page(browser, server.url(PAGE, session=server.session), ".cp-rt-ask")
    bruno = open_page(browser, server.url(PAGE), ".cp-rt-ask")
    assert "Question 1 sur 3" in alice.page.inner_text(".cp-rt-current")

    _ask(alice.page, HOSTILE)
    _ask(bruno.page, SECOND)
    _first_card_has(trainer.page, "Et les bailleurs ?")
    trainer.page.wait_for_function(
        "() => document.querySelectorAll('.cp-rt-list .cp-rt-card').length === 2",
        timeout=10_000)

    # Alice supports Bruno's question: it moves to the top on every page.
    _card(alice.page, SECOND).locator("button.cp-rt-upvote").click()
    _first_card_has(trainer.page, SECOND)
    _first_card_has(bruno.page, SECOND)
    assert _card(alice.page, SECOND).locator("button.cp-rt-upvote").is_disabled()

    # The trainer marks it answered: it goes below the open ones, for the trainees too.
    _card(trainer.page, SECOND).locator("button.cp-rt-answered").click()
    _first_card_has(alice.page, "Et les bailleurs ?")
    assert "Répondue" in _card(alice.page, SECOND).inner_text()
    # And moves the programme to the next question.
    trainer.page.click("button.cp-rt-next")
    bruno.page.wait_for_function(
        "() => document.querySelector('.cp-rt-current').innerText.includes('Question 2 sur 3')",
        timeout=10_000)

    for watched in (trainer, alice, bruno):
        assert watched.page.locator(".cp-rt-list img").count() == 0
        assert watched.dialogs == [], watched.dialogs
        assert watched.external_requests == [], watched.external_requests
    for watched in (alice, bruno):
        assert watched.page.locator("button.cp-rt-answered").count() == 0
        assert server.trainer_code not in watched.page.content()
