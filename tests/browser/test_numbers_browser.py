"""End to end: a decimal comma typed in a French page's number fields is read as such (« 0,3 »
in an SROI field once became 1), and a word is refused in French naming the field (issue 11,
item 5)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import Server, open_page, start_server, stop_server

pytestmark = pytest.mark.browser

PAGE = "07_indicateurs_impact.ipynb"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("numbers"), session="NOMBRE", pool=0)
    yield running
    stop_server(running)


def _type(page: Any, selector: str, text: str) -> None:
    page.fill(selector, text)
    page.press(selector, "Tab")  # leaving the field reads it


def test_sroi_fields_read_a_decimal_comma_and_refuse_a_word(browser: Any, server: Server) -> None:
    page = open_page(browser, server.url(PAGE, session=server.session), ".cp-sroi-result").page
    deadweight = ".cp-sroi-row >> nth=0 >> .cp-sroi-deadweight input"
    before = page.inner_text(".cp-sroi-result")
    _type(page, deadweight, "0,3")
    page.wait_for_function(
        "(old) => document.querySelector('.cp-sroi-result').innerText !== old", arg=before,
        timeout=15_000)
    assert page.input_value(deadweight) == "0,3"
    assert page.locator(".cp-sroi-row >> nth=0 >> .cp-number-error .cp-message-erreur").count() == 0
    _type(page, ".cp-sroi-inputs input", "1 234,5")
    page.wait_for_function(
        "() => document.querySelector('.cp-sroi-inputs input').value === '1\u202f234,5'"
        " || document.querySelector('.cp-sroi-inputs input').value === '1 234,5'",
        timeout=15_000)
    _type(page, ".cp-sroi-inputs input", "abc")
    error = page.wait_for_selector(".cp-sroi-inputs .cp-message-erreur", timeout=15_000)
    assert error is not None
    assert "« abc » n'est pas un nombre" in error.inner_text()
    assert "Investissement" in error.inner_text() or "investissement" in error.inner_text()
    page.context.close()
