"""End to end: three trainees in two subgroups and the trainer run brainstorm 1 live."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import (
    Server,
    Watched,
    open_page,
    post_idea,
    start_server,
    stop_server,
    unlock_trainer,
)

pytestmark = pytest.mark.browser

PAGE = "02_remue_meninges_1.ipynb"
PART = "Partenariat"
FIN = "Financements spécifiques et croisés"
HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script> =HYPERLINK(\"x\") مرحبا 🌍"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("brainstorm"))
    yield running
    stop_server(running)


def _post(page: Any, text: str, theme: str) -> None:
    post_idea(page, text, theme, ".cp-idea-form .cp-message-succes")


def _wait_text(page: Any, selector: str, text: str, timeout: float = 10.0) -> None:
    """Wait until some element of ``selector`` shows ``text`` (speed: benchmarks/)."""
    page.wait_for_function(
        "([sel, txt]) => Array.from(document.querySelectorAll(sel))"
        ".some(e => e.innerText.includes(txt))",
        arg=[selector, text], timeout=timeout * 1000,
    )


def _idea_texts(page: Any) -> list[str]:
    return [t.strip() for t in page.locator(".cp-participant .cp-idea").all_inner_texts()]


def test_live_brainstorm_with_subgroups_vote_and_restitution(browser: Any,
                                                             server: Server) -> None:
    trainer = open_page(browser, server.url(PAGE), ".cp-brainstorm")
    unlock_trainer(trainer.page, server.trainer_code)
    trainer.page.wait_for_selector(".cp-wall", timeout=20_000)

    query = {"session": server.session}
    alice = open_page(browser, server.url(PAGE, groupe="G1", **query), ".cp-idea-form")
    bruno = open_page(browser, server.url(PAGE, groupe="G1", **query), ".cp-idea-form")
    chloe = open_page(browser, server.url(PAGE, groupe="G2", **query), ".cp-idea-form")
    pages: list[Watched] = [trainer, alice, bruno, chloe]

    _post(alice.page, HOSTILE, PART)
    _wait_text(trainer.page, ".cp-wall .cp-idea", "onerror=alert(1)")
    _post(bruno.page, "Manque de coopération entre services", PART)
    _wait_text(trainer.page, ".cp-wall .cp-idea", "Manque de coopération")
    _post(chloe.page, "Financements trop courts", FIN)
    _wait_text(trainer.page, ".cp-wall .cp-idea", "Financements trop courts")

    # Private writing: G1 sees its two cards, G2 only its own.
    _wait_text(alice.page, ".cp-participant .cp-idea", "Manque de coopération")
    _wait_text(chloe.page, ".cp-participant .cp-idea", "Financements trop courts")
    assert len(_idea_texts(alice.page)) == 2
    assert _idea_texts(chloe.page) == ["Financements trop courts"]

    # Vote: results hidden until the trainer closes the round.
    trainer.page.click("button.cp-phase-vote")
    for watched in (alice, bruno, chloe):
        watched.page.wait_for_selector(".cp-participant button.cp-vote", timeout=15_000)
    _wait_text(chloe.page, ".cp-participant .cp-idea", "Manque de coopération")
    assert len(_idea_texts(chloe.page)) == 3  # after private writing, every card is shown
    target = chloe.page.locator(".cp-card", has_text="Manque de coopération")
    target.locator("button.cp-vote").click()
    _wait_text(chloe.page, ".cp-vote-budget", "4 sur 5")
    bruno.page.locator(".cp-card", has_text="Manque de coopération").locator(
        "button.cp-vote").click()
    _wait_text(trainer.page, ".cp-wall-count", "2 vote(s) exprimé(s) par 2 votant(s)")
    assert "2 vote(s)" not in trainer.page.inner_text(".cp-wall")

    trainer.page.click("button.cp-phase-clos")
    _wait_text(chloe.page, ".cp-idea-votes", "2 vote(s)")
    _wait_text(trainer.page, ".cp-wall", "2 vote(s)")

    # Restitution on the trainer's screen: top ideas, charts, word cloud.
    trainer.page.locator(".cp-trainer-sections button", has_text="Restitution").click()
    # the restitution loads pandas and plotly in the trainer's kernel on first opening
    _wait_text(trainer.page, ".cp-top-theme", "Manque de coopération", timeout=45.0)
    trainer.page.wait_for_selector(".cp-restitution .js-plotly-plot", timeout=20_000)
    assert "coopération" in trainer.page.inner_text(".cp-round-cloud")

    # Hostile text stayed text everywhere; nothing left the machine; no trainer part leaked.
    for watched in pages:
        assert watched.dialogs == [], watched.dialogs
        assert watched.external_requests == [], watched.external_requests
        assert watched.page.locator("img[src='x']").count() == 0
    assert any("onerror=alert(1)" in t for t in _idea_texts(alice.page))
    for watched in (alice, bruno, chloe):
        assert watched.page.locator(".cp-trainer-space").count() == 0
        assert server.trainer_code not in watched.page.content()
