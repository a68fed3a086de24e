"""End to end (issue 14, item 6): uploads that used to hang or kill the page end in French.

A file over the upload page's websocket limit is refused in the browser, before it is sent,
with a French message naming it and the limit, and the page keeps working (a small file then
loads); a workbook zip bomb sent through the page is refused in French within 10 s.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from companion.serving.serve import UPLOAD_MESSAGE_BYTES
from tests.browser.harness import Server, open_page, start_server, stop_server

pytestmark = pytest.mark.browser

PAGE = "07_indicateurs_impact.ipynb"
BOUND_S = 10.0
GOOD = ("annee;salarie;type_sortie;duree_mois\n2025;A;CDI;\n2025;B;Formation qualifiante;\n"
        "2025;C;Demandeur d'emploi;\n").encode("cp1252")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("uploads"), session="ENVOI1")
    yield running
    stop_server(running)


def _wait_text(page: Any, selector: str, text: str, timeout: float) -> None:
    page.wait_for_function(
        "([sel, txt]) => { const e = document.querySelector(sel);"
        " return e !== null && !e.hidden && e.innerText.includes(txt); }",
        arg=[selector, text], timeout=timeout * 1000)


def _choose(page: Any, files: Any) -> None:
    with page.expect_file_chooser() as chooser:
        page.click(".cp-ind-upload")
    chooser.value.set_files(files)


def _zip_bomb() -> bytes:
    """A workbook whose sheet declares 100 million cells (100 columns × a million rows)."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["annee", "salarie"])
    out = io.BytesIO()
    book.save(out)
    sheet = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="'
             b'http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref='
             b'"A1:CV1000000"/><sheetData>'
             + (b"<row>" + b"<c><v>1</v></c>" * 100 + b"</row>") * 20_000
             + b"</sheetData></worksheet>")
    bomb = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as src, \
            zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, sheet if item.filename == "xl/worksheets/sheet1.xml"
                         else src.read(item.filename))
    return bomb.getvalue()


def test_a_file_over_the_limit_is_refused_before_it_is_sent(
        browser: Any, server: Server, tmp_path: Path) -> None:
    watched = open_page(browser, server.url(PAGE, session=server.session), ".cp-ind-cards")
    page = watched.page
    _wait_text(page, ".cp-ind-cards", "Taux de sorties dynamiques", 30)
    huge = tmp_path / "export_complet.csv"
    with huge.open("wb") as out:  # 70 MB: over the page's 64 MiB websocket limit
        out.write(b"annee;salarie\n")
        line = b"2025;" + b"x" * 1018 + b"\n"
        for _ in range(70 * 1024):
            out.write(line)
    assert huge.stat().st_size > UPLOAD_MESSAGE_BYTES
    started = time.monotonic()
    _choose(page, str(huge))
    _wait_text(page, "#cp-upload-refused", "export_complet.csv", BOUND_S)
    assert time.monotonic() - started < BOUND_S
    message = page.inner_text("#cp-upload-refused")
    assert "trop volumineux" in message and "64,0\u00a0Mo" in message, message
    assert page.get_attribute("#cp-upload-refused", "role") == "alert"
    page.wait_for_timeout(4000)  # what a killed websocket would show by now: the banner
    assert page.locator("#cp-connection:visible").count() == 0
    _choose(page, [{"name": "mes_sorties.csv", "mimeType": "text/csv", "buffer": GOOD}])
    _wait_text(page, ".cp-own-data .cp-notice", "lu comme tableau « sorties »", 20)
    _wait_text(page, ".cp-ind-cards", "année 2025", 20)
    assert page.locator("#cp-upload-refused:visible").count() == 0  # the old refusal hidden
    assert watched.dialogs == [] and watched.external_requests == []


def test_a_zip_bomb_sent_through_the_page_is_refused_in_french(
        browser: Any, server: Server) -> None:
    watched = open_page(browser, server.url(PAGE, session=server.session), ".cp-ind-cards")
    page = watched.page
    _wait_text(page, ".cp-ind-cards", "Taux de sorties dynamiques", 30)
    bomb = _zip_bomb()
    started = time.monotonic()
    _choose(page, [{"name": "bombe.xlsx", "buffer": bomb,
                    "mimeType": "application/vnd.openxmlformats-officedocument.spreadsheetml"
                                ".sheet"}])
    _wait_text(page, ".cp-own-data .cp-notice", "bombe.xlsx", BOUND_S)
    assert time.monotonic() - started < BOUND_S
    notice = page.inner_text(".cp-own-data .cp-notice")
    assert "100 000 000" in notice or "trop volumineux" in notice, notice
    _choose(page, [{"name": "mes_sorties.csv", "mimeType": "text/csv", "buffer": GOOD}])
    _wait_text(page, ".cp-own-data .cp-notice", "lu comme tableau « sorties »", 20)
