"""End to end, as a trainee on a 390×844 phone: every participant page puts its form on the
first screen, with 44-pixel touch targets, no label cut, no technical note and no trainer box
(a discreet « Espace formateur » button instead); axe-core finds no serious or critical
violation on those pages, nor on the desktop; the brainstorm works with the keyboard alone
(issue 11, items 4 and 7)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.harness import Server, start_server, stop_server, watch

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
# page, what shows it is built, the first field of its form
PAGES = {
    "00_accueil.ipynb": (".cp-home", ".cp-register-pseudonym input"),
    "01_introduction_ess.ipynb": (".cp-introduction", ".cp-glossary-search input"),
    "02_remue_meninges_1.ipynb": (".cp-brainstorm", ".cp-idea-text textarea"),
    "03_remue_meninges_2.ipynb": (".cp-brainstorm", ".cp-brainstorm .cp-phase"),  # not open yet
    "04_diagnostic_partage.ipynb": (".cp-diagnosis", ".cp-afom-quadrant select"),
    "05_visite_de_site.ipynb": (".cp-visit", ".cp-visit-item select"),
    "06_table_ronde.ipynb": (".cp-roundtable", ".cp-rt-ask textarea"),
    "08_evaluation.ipynb": (".cp-evaluation", ".cp-evaluation .widget-toggle-button"),
}
SUBGROUPS = ("02", "03", "04", "05")
TECHNICAL = ("?session=CODE", "groupe=NOM", "Ouverture de la base", "apply_query")
SMALL = """() => Array.from(document.querySelectorAll(
    '#rendered_cells button, #rendered_cells input, #rendered_cells select,'
    + ' #rendered_cells textarea, #rendered_cells summary'))
  .filter(e => !e.closest('.modebar, .js-plotly-plot, .cp-trainer'))
  .filter(e => e.type !== 'radio' && e.type !== 'checkbox')
  .map(e => [e, e.getBoundingClientRect()])
  .filter(([e, r]) => r.width > 0 && r.height > 0 && (r.width < 44 || r.height < 44))
  .map(([e, r]) => e.outerHTML.slice(0, 80) + ' ' + Math.round(r.width) + 'x'
       + Math.round(r.height))"""
CUT = """() => Array.from(document.querySelectorAll('.widget-label'))
  .filter(l => l.clientWidth > 0 && l.scrollWidth > l.clientWidth + 1).map(l => l.innerText)"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("phone"), pool=0)
    yield running
    stop_server(running)


def _open(browser: Any, server: Server, notebook: str, *, phone: bool) -> Any:
    ready = PAGES[notebook][0]
    query = {"session": server.session}
    if notebook.startswith(SUBGROUPS):
        query["groupe"] = "G1"
    options: dict[str, Any] = {"locale": "fr-FR"}
    if phone:
        options.update(viewport=PHONE, is_mobile=True, has_touch=True)
    page = browser.new_context(**options).new_page()
    watch(page)
    page.goto(server.url(notebook, **query), timeout=90_000)
    page.wait_for_selector(ready, timeout=90_000)
    time.sleep(0.5)  # the last widgets are laid out
    return page


def _serious(page: Any) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("notebook", list(PAGES))
def test_a_participant_page_on_a_phone(browser: Any, server: Server, notebook: str) -> None:
    page = _open(browser, server, notebook, phone=True)
    field = page.locator(PAGES[notebook][1]).first
    box = field.bounding_box()
    assert box is not None and box["y"] + box["height"] <= PHONE["height"], (
        f"the form starts at {box} on a {PHONE['height']} px screen")
    assert page.evaluate(SMALL) == []
    assert page.evaluate(CUT) == []
    text = page.inner_text("#rendered_cells")
    assert not [t for t in TECHNICAL if t in text]
    assert page.locator(".cp-trainer-code").count() == 0  # no trainer box…
    assert page.is_visible("button.cp-trainer-open")  # …one discreet button
    assert page.get_attribute("html", "lang") == "fr"
    assert _serious(page) == []
    page.context.close()


@pytest.mark.parametrize("notebook", ["00_accueil.ipynb", "02_remue_meninges_1.ipynb",
                                      "04_diagnostic_partage.ipynb", "06_table_ronde.ipynb"])
def test_axe_on_the_desktop(browser: Any, server: Server, notebook: str) -> None:
    page = _open(browser, server, notebook, phone=False)
    assert _serious(page) == []
    page.context.close()


def test_the_brainstorm_with_the_keyboard_alone(browser: Any, server: Server) -> None:
    page = _open(browser, server, "02_remue_meninges_1.ipynb", phone=False)
    for _ in range(60):  # Tab until the idea box has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.cp-idea-text') !== null"):
            break
    else:
        pytest.fail("the idea box cannot be reached with Tab")
    page.keyboard.type("Des locaux vacants en pied d'immeuble")
    page.keyboard.press("Tab")  # the theme: chosen with the arrow keys
    assert page.evaluate("document.activeElement.closest('.cp-idea-theme') !== null")
    page.keyboard.press("ArrowDown")
    for _ in range(10):  # on to « Publier l'idée »
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.cp-idea-submit') !== null"):
            break
    else:
        pytest.fail("the submit button cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector(".cp-idea-form .cp-message-succes", timeout=15_000)
    page.wait_for_function(  # the card shows in the subgroup's list
        "() => document.querySelector('.cp-brainstorm').innerText.includes('Des locaux vacants')",
        timeout=15_000)
    page.context.close()


def test_the_diagnosis_boards_on_a_phone(browser: Any, server: Server) -> None:
    """The AFOM grid, the Mendelow grid and the needs table of a filled session fit a phone's
    width (wide tables scroll inside their own region, the page never sideways) and pass
    axe-core; typed text stays text. Runs last: the other tests see an empty session."""
    from companion.diagnosis import afom, needs, stakeholders
    from companion.store import open_store

    hostile = "<img src=x onerror=alert(1)>Conseil citoyen"
    with open_store(server.store_url) as store:
        afom.add_item(store, server.session, group="G1", quadrant="atouts", texte=hostile,
                      theme="Financements", source="parole d'habitant")
        stakeholders.add_actor(store, server.session, group="G1", nom=hostile,
                               categorie="Habitants", pouvoir=2, interet=5,
                               roles={"Diagnostic": "consulté"})
        stakeholders.add_actor(store, server.session, group="G1", nom="Plaine Habitat",
                               categorie="Bailleurs", pouvoir=5, interet=4)
        needs.add_need(store, server.session, group="G1", besoin="Garde d'enfants en horaires "
                       "décalés", public="Familles monoparentales", evidence="CAF 2023",
                       ecart="Aucune offre avant 7h", activite_ess="Crèche coopérative",
                       modele="mixte", partenaires="CAF, Ville")
    page = _open(browser, server, "04_diagnostic_partage.ipynb", phone=True)
    boards = {".cp-afom-view": "Conseil citoyen", ".cp-actors-grid": "Plaine Habitat",
              ".cp-needs-table": "Crèche coopérative"}
    for index, (board, text) in enumerate(boards.items()):
        page.locator(".cp-diagnosis-tabs .lm-TabBar-tab").nth(index).click()
        page.wait_for_function(
            "([sel, txt]) => { const e = document.querySelector(sel);"
            " return e !== null && e.offsetParent !== null && e.innerText.includes(txt); }",
            arg=[board, text], timeout=20_000)
        time.sleep(0.3)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{board}: the page is {width} px wide"
        assert page.locator(f"{board} img").count() == 0
        assert _serious(page) == [], board
    assert "<img src=x" in page.inner_text(".cp-actors-grid")
    region = page.locator(".cp-needs-table .cp-scroll")
    assert region.get_attribute("tabindex") == "0"
    assert page.evaluate("() => { const r = document.querySelector('.cp-needs-table .cp-scroll');"
                         " return r.scrollWidth > r.clientWidth; }")  # the table scrolls in it
    page.context.close()
