"""End to end: two subgroups fill the AFOM grid, then the visit grid, at the same time; the
trainer's pages show both live. Hostile text stays inert; nothing leaves the machine."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import (
    Server,
    Watched,
    open_page,
    start_server,
    stop_server,
    unlock_trainer,
)

pytestmark = pytest.mark.browser

HOSTILE = "<img src=x onerror=alert('afom')>Tissu associatif dense"
HOSTILE_OBSERVATION = "<script>alert('visite')</script>Collège habitants majoritaire"
DIAGNOSIS, VISIT = "04_diagnostic_partage.ipynb", "05_visite_de_site.ipynb"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("diagnosis"), session="DIAG01")
    yield running
    stop_server(running)


def _wait_text(page: Any, selector: str, text: str, timeout: float = 10.0) -> None:
    """Wait until ``selector`` shows ``text`` (speed: benchmarks/)."""
    page.wait_for_function(
        "([sel, txt]) => { const e = document.querySelector(sel);"
        " return e !== null && e.innerText.includes(txt); }",
        arg=[selector, text], timeout=timeout * 1000)


def _trainer(browser: Any, server: Server, notebook: str, ready: str) -> Watched:
    trainer = open_page(browser, server.url(notebook), "button.cp-trainer-open")
    unlock_trainer(trainer.page, server.trainer_code)
    trainer.page.wait_for_selector(ready, timeout=20_000)
    return trainer


def _check_clean(*pages: Watched) -> None:
    for watched in pages:
        assert watched.dialogs == [], watched.dialogs
        assert watched.external_requests == [], watched.external_requests


def test_subgroups_fill_afom_and_visit_grids_trainer_sees_both_live(
        browser: Any, server: Server) -> None:
    trainer = _trainer(browser, server, DIAGNOSIS, ".cp-afom-moderation")
    alice = open_page(browser, server.url(DIAGNOSIS, groupe="A"), ".cp-afom-submit")
    bruno = open_page(browser, server.url(DIAGNOSIS, groupe="B"), ".cp-afom-submit")
    assert alice.page.locator(".cp-afom-moderation").count() == 0
    alice.page.fill(".cp-afom-text textarea", HOSTILE)
    bruno.page.select_option(".cp-afom-quadrant select", label="Menaces (externe, négatif)")
    bruno.page.fill(".cp-afom-text textarea", "Fin des contrats aidés")
    alice.page.click("button.cp-afom-submit")
    bruno.page.click("button.cp-afom-submit")
    _wait_text(trainer.page, ".cp-afom-atouts", "Tissu associatif dense")
    _wait_text(trainer.page, ".cp-afom-menaces", "Fin des contrats aidés")
    assert "<img src=x" in trainer.page.inner_text(".cp-afom-view")  # shown as text
    assert trainer.page.locator(".cp-afom-view img").count() == 0
    _check_clean(trainer, alice, bruno)
    for watched in (alice, bruno):
        assert server.trainer_code not in watched.page.content()
        watched.page.context.close()
    trainer.page.context.close()

    trainer = _trainer(browser, server, VISIT, ".cp-visit-debrief")
    alice = open_page(browser, server.url(VISIT, groupe="A"), ".cp-visit-submit")
    bruno = open_page(browser, server.url(VISIT, groupe="B"), ".cp-visit-submit")
    alice.page.fill(".cp-visit-observation textarea", HOSTILE_OBSERVATION)
    bruno.page.select_option(".cp-visit-item select", label="Modèle économique")
    bruno.page.fill(".cp-visit-observation textarea",
                    "45 % du chiffre d'affaires auprès des bailleurs")
    alice.page.click("button.cp-visit-submit")
    bruno.page.click("button.cp-visit-submit")
    alice.page.fill(".cp-visit-partner input", "Plaine Commune Habitat")
    alice.page.click("button.cp-visit-partner-submit")
    _wait_text(trainer.page, ".cp-debrief-observations", "Collège habitants majoritaire")
    _wait_text(trainer.page, ".cp-debrief-observations", "45 % du chiffre d'affaires")
    _wait_text(trainer.page, ".cp-debrief-partners", "Plaine Commune Habitat")
    assert "2 observation(s) de 2 sous-groupe(s)" in trainer.page.inner_text(".cp-debrief-count")
    # the only scripts are the charts' own loaders of plotly.js: no typed text became script
    scripts = trainer.page.locator(".cp-visit-debrief script").all_inner_texts()
    assert all("cpPlotly" in s and "Collège" not in s for s in scripts), scripts
    _check_clean(trainer, alice, bruno)


def test_merge_offers_only_items_of_the_chosen_card(browser: Any, server: Server) -> None:
    """Issue « right answers », item 1: choose an Opportunité, the Atouts are not offered."""
    trainer = _trainer(browser, server, DIAGNOSIS, ".cp-afom-moderation")
    alice = open_page(browser, server.url(DIAGNOSIS, groupe="A"), ".cp-afom-submit")
    for quadrant, cell, text in (
            ("Opportunités (externe, positif)", "opportunites", "Nouveau contrat de ville"),
            ("Atouts (interne, positif)", "atouts", "Régie bien implantée"),
            ("Atouts (interne, positif)", "atouts", "Jardins partagés actifs")):
        alice.page.select_option(".cp-afom-quadrant select", label=quadrant)
        alice.page.fill(".cp-afom-text textarea", text)
        alice.page.click("button.cp-afom-submit")
        _wait_text(trainer.page, f".cp-afom-{cell}", text, timeout=30)
    pick = trainer.page.locator(".cp-afom-pick select option", has_text="Nouveau contrat")
    pick.first.wait_for(state="attached", timeout=20_000)
    trainer.page.select_option(".cp-afom-pick select", label=pick.first.inner_text())
    trainer.page.wait_for_function(
        "() => { const s = document.querySelector('.cp-afom-merge-sources select');"
        " return s !== null && ![...s.options].some(o => o.text.includes('Nouveau')); }",
        timeout=20_000)
    offered = trainer.page.inner_text(".cp-afom-merge-sources select")
    assert "Régie bien implantée" not in offered and "Jardins partagés" not in offered
    _check_clean(trainer, alice)
