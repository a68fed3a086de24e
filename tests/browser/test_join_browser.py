"""End to end, on phones: the room's one address (issue 11 item 3). A participant opens the join
page, types the session code as read from the board, a pseudonym and picks a subgroup, lands on
the activity under way, and their page then follows the trainer to the next activity by itself
— unless they are typing, when it offers the one-tap link and waits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from companion.home.activity import open_activity
from companion.store import open_store
from tests.browser.harness import Server, start_server, stop_server

pytestmark = pytest.mark.browser

SESSION = "JOIN23"
NOW = "2026-11-28T10:40:00"  # day 1: the first « remue-méninges » is under way
PHONE = {"width": 390, "height": 844}
BRAINSTORM = "02_remue_meninges_1.ipynb"
ROUND_TABLE = "06_table_ronde.ipynb"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("join"), session=SESSION, now=NOW)
    with open_store(running.store_url) as store:
        for name in ("Groupe 1", "Groupe 2"):
            store.add_group(SESSION, name)
    yield running
    stop_server(running)


def _phone(browser: Any) -> Any:
    return browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True,
                               locale="fr-FR").new_page()


def _join(page: Any, server: Server, typed_code: str, pseudonym: str, group: str) -> None:
    page.goto(f"{server.base_url}/companion/rejoindre", timeout=60_000)
    page.fill("#session", typed_code)
    page.fill("#pseudonyme", pseudonym)
    page.click("button[type=submit]")
    page.select_option("#groupe", label=group)  # the session has subgroups: asked next
    page.click("button[type=submit]")


def _serious(page: Any) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def test_the_join_page_is_french_accessible_and_says_what_is_wrong(browser: Any,
                                                                   server: Server) -> None:
    page = _phone(browser)
    page.goto(f"{server.base_url}/companion/rejoindre", timeout=60_000)
    assert page.get_attribute("html", "lang") == "fr"
    assert page.title() == "Rejoindre la formation"
    assert _serious(page) == []
    for selector in ("#session", "#pseudonyme", "button[type=submit]"):
        box = page.locator(selector).bounding_box()
        assert box is not None and box["height"] >= 44 and box["y"] + box["height"] <= 844
    page.fill("#session", "ZZZ 999")
    page.click("button[type=submit]")
    alert = page.locator("[role=alert]")
    assert "Aucune session ne porte le code « ZZZ999 »" in alert.inner_text()
    assert page.input_value("#session") == "ZZZ999"  # kept, to correct it
    page.context.close()


def test_a_participant_joins_by_code_and_follows_the_trainer(browser: Any,
                                                              server: Server) -> None:
    nadia, bruno = _phone(browser), _phone(browser)
    _join(nadia, server, "join 23", "Nadia", "Groupe 1")  # lower case, a space: as typed
    nadia.wait_for_selector(".cp-idea-text textarea", timeout=90_000)
    url = urlsplit(nadia.url)
    assert url.path.endswith(f"/voila/render/{BRAINSTORM}")  # the sequence under way
    assert parse_qs(url.query) == {"session": [SESSION], "groupe": ["Groupe 1"],
                                   "suivre": ["1"]}
    assert nadia.input_value(".cp-idea-pseudonym input") == "Nadia"  # chosen once
    box = nadia.locator(".cp-idea-text textarea").bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"]
    _join(bruno, server, SESSION, "Bruno", "Groupe 2")
    bruno.wait_for_selector(".cp-idea-text textarea", timeout=90_000)
    bruno.fill(".cp-idea-text textarea", "Une idée pas encore envoyée")  # Bruno is typing

    with open_store(server.store_url) as store:  # the trainer sends the room to the round table
        open_activity(store, SESSION, ROUND_TABLE, "Table ronde", datetime(2026, 11, 28, 10, 45))

    nadia.wait_for_url(f"**/voila/render/{ROUND_TABLE}?**", timeout=60_000)  # by itself
    nadia.wait_for_selector(".cp-roundtable", timeout=90_000)
    assert parse_qs(urlsplit(nadia.url).query)["suivre"] == ["1"]  # and it goes on following
    assert nadia.input_value(".cp-rt-pseudonym input") == "Nadia"
    go = bruno.wait_for_selector(".cp-activity-go", state="visible", timeout=15_000)
    assert go is not None
    bruno.wait_for_timeout(5_000)  # several checks of the page: it waits for Bruno
    assert urlsplit(bruno.url).path.endswith(BRAINSTORM)
    assert bruno.input_value(".cp-idea-text textarea") == "Une idée pas encore envoyée"
    bruno.fill(".cp-idea-text textarea", "")  # Bruno gives up his idea and leaves the field
    bruno.locator("h1").first.click()
    bruno.wait_for_url(f"**/voila/render/{ROUND_TABLE}?**", timeout=30_000)
    nadia.context.close()
    bruno.context.close()


def test_a_link_with_the_code_asks_only_the_subgroup(browser: Any, server: Server) -> None:
    page = _phone(browser)
    page.goto(f"{server.base_url}/companion/rejoindre?session={SESSION.lower()}",
              timeout=60_000)
    assert page.locator("#session").count() == 0  # the code is in the link (the QR code)
    assert SESSION in page.inner_text(".session")
    page.select_option("#groupe", label="Pas encore de sous-groupe")
    page.click("button[type=submit]")
    page.wait_for_url("**/voila/render/**", timeout=30_000)
    query = parse_qs(urlsplit(page.url).query)
    assert query["session"] == [SESSION] and "groupe" not in query
    page.context.close()
