"""End to end: a subgroup builds its project sheet in Chromium while the trainer's page shows
it live. Hostile text stays inert; nothing leaves the machine."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from companion.indicators.catalogue import load_catalogue
from tests.browser.harness import (
    Server,
    Watched,
    open_page,
    start_server,
    stop_server,
    unlock_trainer,
)

pytestmark = pytest.mark.browser

NOTEBOOK = "11_fiche_projet.ipynb"
HOSTILE = "<img src=x onerror=alert('fiche')>Ouvrir une ressourcerie"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("project"), session="PROJ01")
    yield running
    stop_server(running)


def _wait_text(page: Any, selector: str, text: str, timeout: float = 20.0) -> None:
    page.wait_for_function(
        "([sel, txt]) => { const e = document.querySelector(sel);"
        " return e !== null && e.innerText.includes(txt); }",
        arg=[selector, text], timeout=timeout * 1000)


def _clean(*pages: Watched) -> None:
    for watched in pages:
        assert watched.dialogs == [], watched.dialogs
        assert watched.external_requests == [], watched.external_requests


def test_a_subgroup_builds_its_sheet_while_the_trainer_watches(browser: Any,
                                                               server: Server) -> None:
    trainer = open_page(browser, server.url(NOTEBOOK), "button.cp-trainer-open")
    unlock_trainer(trainer.page, server.trainer_code)
    trainer.page.wait_for_selector(".cp-project-all", timeout=30_000)
    _wait_text(trainer.page, ".cp-project-all", "Aucune fiche")
    group = open_page(browser, server.url(NOTEBOOK, groupe="A"), "button.cp-project-build")
    assert group.page.locator(".cp-project-all").count() == 0
    group.page.click("button.cp-project-build")
    _wait_text(group.page, ".cp-project-notice", "Fiche reprise")
    _wait_text(trainer.page, ".cp-project-all", "A : 0 objectif(s), 0 action(s)")

    indicator = load_catalogue()["taux_sorties_dynamiques"]
    group.page.fill(".cp-project-objective input", "Sorties dynamiques")
    group.page.select_option(".cp-project-indicator select",
                             label=f"{indicator.label} ({indicator.unit})")
    group.page.fill(".cp-project-baseline input", "40")
    group.page.fill(".cp-project-target input", "60")
    group.page.fill(".cp-project-due input", "2027-06-30")
    group.page.click("button.cp-project-objective-add")
    _wait_text(group.page, ".cp-project-notice", "Objectif « Sorties dynamiques » ajouté")

    group.page.fill(".cp-project-action input", HOSTILE)
    group.page.fill(".cp-project-start input", "2027-03-01")
    group.page.fill(".cp-project-end input", "2027-01-10")
    group.page.click("button.cp-project-action-add")
    _wait_text(group.page, ".cp-project-notice", "précède la date de début")
    group.page.fill(".cp-project-end input", "2027-09-30")
    group.page.click("button.cp-project-action-add")
    _wait_text(group.page, ".cp-project-notice", "ajoutée")
    _wait_text(group.page, ".cp-project-checks", "n'a pas de pilote")

    _wait_text(trainer.page, ".cp-project-all", "A : 1 objectif(s), 1 action(s)")
    trainer.page.click(".cp-project-all summary")
    _wait_text(trainer.page, ".cp-project-all", "<img src=x")  # shown as text
    assert trainer.page.locator(".cp-project-all img").count() == 0
    _clean(trainer, group)
    assert server.trainer_code not in group.page.content()
    group.page.context.close()
    trainer.page.context.close()
