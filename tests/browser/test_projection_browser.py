"""End to end: the projection view on a 1920×1080 screen follows the brainstorm the trainer sends
the room to, from another page: the join code and QR code always on screen, the live wall, the
voters' counter, a visible and audible end of timer, the votes once the round is closed; axe-core
finds no serious or critical violation (issue 11, items 2 and 7). Its screenshot is
docs/projection.png."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from companion import brainstorm as bs
from companion.brainstorm.ideas import Contributor
from companion.home.icebreaker import register
from companion.store import Store, open_store
from tests.browser.harness import (
    Server,
    open_page,
    start_server,
    stop_server,
    unlock_trainer,
    watch,
)

pytestmark = pytest.mark.browser

SCREEN = {"width": 1920, "height": 1080}
DOCS_SHOT = Path(__file__).resolve().parents[2] / "docs" / "projection.png"
"""The README's image: written only when ``COMPANION_DOCS_SHOTS=1`` (a test run leaves git
clean)."""
BRAINSTORM = "02_remue_meninges_1.ipynb"
HOSTILE = "<img src=x onerror=alert(1)> Des locaux vacants en pied d'immeuble"
ROUND = "difficultes"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("projection"), pool=0)
    yield running
    stop_server(running)


def _wait_text(page: Any, selector: str, text: str, timeout: float = 20.0) -> None:
    page.wait_for_function(
        "([sel, txt]) => Array.from(document.querySelectorAll(sel))"
        ".some(e => e.innerText.includes(txt))",
        arg=[selector, text], timeout=timeout * 1000)


def _on_screen(page: Any, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    return box is not None and box["width"] > 0 and box["x"] >= 0 and box["y"] >= 0 \
        and box["x"] + box["width"] <= SCREEN["width"] \
        and box["y"] + box["height"] <= SCREEN["height"]


def _serious(page: Any) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def _seed(store: Store, session: str) -> None:
    """Three registered participants, the ideas of two subgroups (as their pages would)."""
    for name in ("Ana", "Ben", "Cléo"):
        register(store, session, pseudonym=name, function="Élu·e local·e", territory="Lyon")
    round_ = bs.get_round(store, session, ROUND)
    state = bs.current_state(store, session, ROUND)
    for group, text in (("Groupe 1", "Manque de coopération entre services"),
                        ("Groupe 1", HOSTILE), ("Groupe 2", "Financements trop courts")):
        bs.post_idea(store, session, round_, state, Contributor.new(group), text, round_.themes[0])


def _vote(store: Store, session: str, voters: int) -> None:
    state = bs.current_state(store, session, ROUND)
    ideas = bs.ideas(store, session, ROUND)
    target = next(i for i in ideas if i.text.startswith("Manque"))
    for _ in range(voters):
        bs.cast(store, session, state, Contributor.new("Groupe 1"), target.uid, ideas,
                bs.votes(store, session, ROUND))


def test_the_projection_follows_the_brainstorm_the_trainer_opens(tmp_path: Path, browser: Any,
                                                                 server: Server) -> None:
    store = open_store(server.store_url)
    _seed(store, server.session)
    # half the pixels of the screen in the screenshot: a light image for the README
    context = browser.new_context(viewport=SCREEN, device_scale_factor=0.5, locale="fr-FR")
    projection = context.new_page()
    watched = watch(projection)
    projection.goto(server.url("12_projection.ipynb"), timeout=90_000)  # the active session
    projection.wait_for_selector(".cp-projection-join", timeout=90_000)
    assert server.session in projection.inner_text(".cp-projection-join")  # welcome: in large
    assert _on_screen(projection, ".cp-projection-join svg")
    assert projection.locator(".cp-trainer, .cp-trainer-code").count() == 0  # no trainer box
    assert _serious(projection) == []

    trainer = open_page(browser, server.url(BRAINSTORM), ".cp-brainstorm").page
    unlock_trainer(trainer, server.trainer_code)
    trainer.click("button.cp-send-room", timeout=20_000)
    _wait_text(projection, ".cp-projection-heading", "Remue-méninges 1")
    _wait_text(projection, ".cp-projection-counters", "3 idée(s)")
    assert "Financements trop courts" not in projection.inner_text(".cp-projection")  # private

    trainer.click("button.cp-phase-mise_en_commun")
    _wait_text(projection, ".cp-projection-body .cp-idea", "Financements trop courts")
    assert projection.locator("img[src='x']").count() == 0
    _wait_text(projection, ".cp-projection-body .cp-idea", "onerror=alert(1)")

    trainer.click("button.cp-phase-vote")
    _wait_text(projection, ".cp-projection-heading", "Vote")
    _vote(store, server.session, 2)
    _wait_text(projection, ".cp-projection-voters", "2 / 3 ont voté")
    assert "2 vote(s)" not in projection.inner_text(".cp-projection")  # hidden until closed

    projection.click(".cp-projection-sound-on")  # the click that lets the browser play sound
    bs.start_timer(store, server.session, ROUND, 0.05)  # three seconds
    _wait_text(projection, ".cp-projection-timer", "Temps restant")
    _wait_text(projection, ".cp-projection-timer", "Temps écoulé", timeout=15.0)
    assert _on_screen(projection, ".cp-projection-over")
    projection.wait_for_selector("audio.cp-projection-beep", state="attached", timeout=10_000)
    projection.wait_for_function(
        "() => { const a = document.querySelector('audio.cp-projection-beep');"
        " return a && !a.error && (a.currentTime > 0 || a.ended); }", timeout=10_000)

    trainer.click("button.cp-phase-clos")
    _wait_text(projection, ".cp-projection-results", "2 vote(s)")
    first = projection.locator(".cp-projection-results li").first.inner_text()
    assert "2 vote(s)" in first and "Manque de coopération" in first
    code = projection.locator(".cp-projection-aside .cp-projection-code")
    assert code.inner_text().strip() == server.session
    for selector in (".cp-projection-aside .cp-projection-code", ".cp-projection-aside svg",
                     ".cp-projection-results li"):
        assert _on_screen(projection, selector), selector
    size = projection.evaluate(
        "getComputedStyle(document.querySelector('.cp-projection-results .cp-idea')).fontSize")
    assert float(size.removesuffix("px")) >= 28
    shot = DOCS_SHOT if os.environ.get("COMPANION_DOCS_SHOTS") == "1" else tmp_path / "p.png"
    projection.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000  # a real picture of the screen
    assert _serious(projection) == []
    assert watched.dialogs == [] and watched.external_requests == []
    trainer.context.close()
    context.close()
    store.close()
