"""End to end: the indicators page in Voilà; a trainee uploads a file, then a broken one with a
hostile name. The dashboard switches to the uploaded data; errors are French and inert."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import Server, open_page, start_server, stop_server

pytestmark = pytest.mark.browser

PAGE = "07_indicateurs_impact.ipynb"
GOOD = ("annee;salarie;type_sortie;duree_mois\n2025;A;CDI;\n2025;B;Formation qualifiante;\n"
        "2025;C;Demandeur d'emploi;\n").encode("cp1252")
HOSTILE = "<img src=x onerror=alert(1)>.csv"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("indicators"), session="IMPACT1")
    yield running
    stop_server(running)


def _wait_text(page: Any, selector: str, text: str, timeout: float = 20.0) -> None:
    page.wait_for_function(
        "([sel, txt]) => { const e = document.querySelector(sel);"
        " return e !== null && e.innerText.includes(txt); }",
        arg=[selector, text], timeout=timeout * 1000)


def _upload(page: Any, name: str, content: bytes) -> None:
    with page.expect_file_chooser() as chooser:
        page.click(".cp-ind-upload")
    chooser.value.set_files([{"name": name, "mimeType": "text/csv", "buffer": content}])


def test_upload_own_file_in_voila(browser: Any, server: Server) -> None:
    watched = open_page(browser, server.url(PAGE, session=server.session), ".cp-ind-cards")
    page = watched.page
    _wait_text(page, ".cp-ind-cards", "Taux de sorties dynamiques")
    page.wait_for_selector(".cp-ind-radar .js-plotly-plot", timeout=30_000)
    _upload(page, "mes_sorties.csv", GOOD)
    _wait_text(page, ".cp-own-data .cp-notice", "lu comme tableau « sorties »")
    _wait_text(page, ".cp-ind-cards", "année 2025")
    _wait_text(page, ".cp-ind-cards", "67")
    assert "Mes données" in page.input_value(".cp-ind-structure select") or \
        "Mes données" in page.inner_text(".cp-ind-structure")
    _upload(page, HOSTILE, b"\x00\x01\x02" * 200)
    _wait_text(page, ".cp-own-data .cp-notice", "fichier binaire")
    assert "<img src=x" in page.inner_text(".cp-own-data .cp-notice")  # shown as text
    assert watched.dialogs == [] and watched.external_requests == []


def _bad_exits_xlsx() -> bytes:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    for row in (["annee", "salarie", "type_sortie", "duree_mois"], [2025, "A", "CDI", None],
                [2025, "B", "CDD", "sept"], [2025, "C", "Autre", None]):
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_a_failing_own_file_never_shows_as_my_data(browser: Any, server: Server) -> None:
    """Issue « right answers », item 9: refused with file, line and column; the sample stays
    on screen under its « exemple fictif » label, never under « Mes données »."""
    watched = open_page(browser, server.url(PAGE, session=server.session), ".cp-ind-cards")
    page = watched.page
    _wait_text(page, ".cp-ind-cards", "Taux de sorties dynamiques")
    _upload(page, "sorties.xlsx", _bad_exits_xlsx())
    _wait_text(page, ".cp-own-data .cp-notice", "ligne 3")
    notice = page.inner_text(".cp-own-data .cp-notice")
    assert "sorties.xlsx" in notice and "duree_mois" in notice and "sept" in notice
    assert "lu comme tableau" not in notice
    structure = page.inner_text(".cp-ind-structure").replace("\xa0", " ")
    assert "exemple fictif" in structure and "Mes données" not in structure
    assert watched.dialogs == [] and watched.external_requests == []
