"""End to end: two trainees register and give expectations; the trainer sees them live."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import Server, open_page, start_server, stop_server, unlock_trainer

pytestmark = pytest.mark.browser

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HOSTILE_EXPECTATION = "<script>alert('attente')</script>Mieux comprendre l'ESS 🌍"
HOME = "00_accueil.ipynb"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("home"), now="2026-11-28T10:45:00", pool=1)
    yield running
    stop_server(running)


def _register(page: Any, pseudonym: str, function: str, territory: str) -> None:
    page.fill(".cp-register-pseudonym input", pseudonym)
    options = page.locator(".cp-register-function select option").all_inner_texts()
    if function in options:
        page.select_option(".cp-register-function select", label=function)
    else:
        page.select_option(".cp-register-function select", label="Autre (préciser)")
        page.fill(".cp-register-function-other input", function)
    page.fill(".cp-register-territory input", territory)
    page.click("button.cp-register-submit")
    page.wait_for_selector(".cp-register .cp-message-succes", timeout=15_000)


def _give_expectation(page: Any, text: str) -> None:
    page.fill(".cp-expectation-text textarea", text)
    page.click("button.cp-expectation-submit")
    page.wait_for_selector(".cp-expectations .cp-message-succes", timeout=15_000)


def _wait_text(page: Any, selector: str, text: str, timeout: float = 10.0) -> None:
    """Wait until ``selector`` shows ``text`` (speed: benchmarks/)."""
    page.wait_for_function(
        "([sel, txt]) => { const e = document.querySelector(sel);"
        " return e !== null && e.innerText.includes(txt); }",
        arg=[selector, text],
        timeout=timeout * 1000,
    )


def test_trainees_register_and_trainer_sees_them_live(browser: Any, server: Server) -> None:
    trainer = open_page(browser, server.url(HOME), ".cp-home")
    unlock_trainer(trainer.page, server.trainer_code)
    trainer.page.wait_for_selector(".cp-participants-board", timeout=15_000)
    assert "Aucun participant" in trainer.page.inner_text(".cp-participant-count")

    alice = open_page(browser, server.url(HOME, session=server.session), ".cp-register")
    bruno = open_page(browser, server.url(HOME), ".cp-register")

    _register(alice.page, HOSTILE_NAME, "Élu·e local·e", "Saint-Denis 🌳")
    _wait_text(trainer.page, ".cp-participant-count", "1 participant")
    _register(bruno.page, "", "Médiatrice sociale", "Blanc-Mesnil")
    _wait_text(trainer.page, ".cp-participant-count", "2 participant")
    _give_expectation(alice.page, HOSTILE_EXPECTATION)
    _wait_text(
        trainer.page, ".cp-expectation-list", "<script>alert('attente')</script>"
    )
    _give_expectation(bruno.page, "Monter une Régie de quartier")
    _wait_text(trainer.page, ".cp-expectation-list", "Monter une Régie de quartier")

    # The word cloud shows the normalised words; the raw list shows the texts as typed.
    cloud = trainer.page.inner_text(".cp-expectation-cloud")
    assert "monter une régie de quartier" in cloud.casefold()
    # Hostile strings are shown as text, never run or parsed as markup.
    assert trainer.page.locator(".cp-expectation-list script").count() == 0
    assert trainer.page.locator(".cp-participants-board img[src='x']").count() == 0

    for watched in (trainer, alice, bruno):
        assert watched.dialogs == [], watched.dialogs
        assert watched.external_requests == [], watched.external_requests
    # The trainer code never reaches a participant's page.
    for watched in (alice, bruno):
        assert server.trainer_code not in watched.page.content()
        assert watched.page.locator(".cp-participants-board").count() == 0


def test_wrong_trainer_code_keeps_the_trainer_space_closed(browser: Any, server: Server) -> None:
    visitor = open_page(browser, server.url(HOME), ".cp-home")
    unlock_trainer(visitor.page, "MAUVAIS")
    visitor.page.wait_for_selector(".cp-trainer-gate .cp-message-erreur", timeout=15_000)
    assert "incorrect" in visitor.page.inner_text(".cp-trainer-gate")
    assert visitor.page.locator(".cp-session-create").count() == 0
    assert visitor.page.locator(".cp-participants-board").count() == 0
