"""Session report: content from a filled store, offline HTML, XLSX sheets, anonymisation,
spreadsheet-safe cells."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from companion.errors import InputError
from companion.report import build_report, write_report
from companion.report_html import render_html
from companion.store import Store
from tests.report_fixture import HOSTILE, PSEUDONYMS, SCRIPT, fill

EXPECTED_SHEETS = ["Synthèse qualité", "Participants", "Attentes", "Quiz introduction",
                   "RM difficultes", "RM leviers", "Diagnostic", "Grille de visite",
                   "Table ronde", "Évaluation"]
EXTERNAL = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?:https?:)?//|@import", re.IGNORECASE)


class _Resources(HTMLParser):
    """Collects what a browser would fetch: URL attributes of real tags and CSS url()."""

    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        for name, value in attrs:
            if name in ("src", "href", "action", "poster", "data", "srcset", "xlink:href") \
                    and value and EXTERNAL.search(value):
                self.external.append(f"{tag} {name}={value}")
            if name == "style" and value and CSS_URL.search(value):
                self.external.append(f"{tag} style={value}")

    def handle_data(self, data: str) -> None:
        if self._in_style and CSS_URL.search(data):
            self.external.append("style element")


def external_resources(html: str) -> list[str]:
    parser = _Resources()
    parser.feed(html)
    return parser.external


@pytest.fixture
def code(store: Store) -> str:
    return fill(store)


def _sheet_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = openpyxl.load_workbook(path)
    return {ws.title: [r for r in ws.iter_rows(values_only=True)] for ws in book}


def _all_text(rows: dict[str, list[tuple[object, ...]]]) -> str:
    return "\n".join(str(v) for sheet in rows.values() for row in sheet for v in row
                     if v is not None)


def test_report_content_from_the_store(store: Store, code: str) -> None:
    report = build_report(store, code)
    by_id = {s.id: s for s in report.sections}
    participants = by_id["participants"].tables[0].frame
    assert dict(zip(participants["fonction"], participants["effectif"], strict=True))[
        "Élu·e local·e"] == 2  # « saint-denis » and the list value are grouped
    assert "1 attente(s) couverte(s) sur 2 jugée(s) : 50 %" in by_id["attentes"].lines[0]
    ideas = by_id["rm-difficultes"].tables[-1].frame
    top = ideas.iloc[0]
    assert (top["idée"], top["votes"]) == ("Manque de coopération", 3)
    merged = ideas[ideas["idée"] == HOSTILE].iloc[0]
    assert merged["regroupée dans"] == "Manque de coopération"
    assert by_id["diagnostic"].tables[0].frame.iloc[0]["text"] == "Tissu associatif dense"
    assert by_id["visite"].tables[0].frame.iloc[0]["item"] == "gouvernance"
    room = by_id["table-ronde"].tables[1].frame
    assert room.iloc[0]["soutiens"] == 1
    sat = by_id["evaluation"].tables[0].frame.set_index("rubrique")
    assert sat.loc["Satisfaction globale sur la formation", "moyenne (sur 5)"] == 3.67
    quality = by_id["qualite"].tables[0].frame
    assert "66,7 % de notes ≥ 4" in quality.iloc[1]["constat de la session"]


def test_unknown_session_is_a_french_error(store: Store) -> None:
    with pytest.raises(InputError, match="n'existe pas"):
        build_report(store, "ABSENT")


def test_html_is_self_contained_and_escaped(store: Store, code: str, tmp_path: Path) -> None:
    files = write_report(store, code, tmp_path)
    html = files.html.read_text(encoding="utf-8")
    assert external_resources(html) == []
    # The checker does catch a real reference (and not the escaped text of the fixture).
    assert external_resources("<img src='https://x.example/a.png'>") != []
    assert external_resources("<style>b{background:url(http://x)}</style>") != []
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert "<svg" in html  # charts included, inline
    assert PSEUDONYMS[0] in html
    assert files.html.stat().st_size < 6_000_000


def test_html_opens_offline_in_a_browser(store: Store, code: str, tmp_path: Path) -> None:
    playwright = pytest.importorskip("playwright.sync_api")
    from tests.browser.harness import launch_browser

    html = write_report(store, code, tmp_path).html
    requests: list[str] = []
    with playwright.sync_playwright() as p:
        browser = launch_browser(p)
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.goto(html.as_uri())
        assert page.locator("svg.cp-report-chart").count() >= 3
        assert "Synthèse pour le dossier qualité" in page.inner_text("body")
        browser.close()
    assert requests == [html.as_uri()]


def test_xlsx_has_one_sheet_per_activity_and_safe_cells(store: Store, code: str,
                                                        tmp_path: Path) -> None:
    rows = _sheet_rows(write_report(store, code, tmp_path).xlsx)
    assert list(rows) == EXPECTED_SHEETS
    text = _all_text(rows)
    assert "Manque de coopération" in text and "CA tripartite" in text
    assert "Comment financer une Régie ?" in text
    cells = [v for sheet in rows.values() for row in sheet for v in row if isinstance(v, str)]
    assert f"'{HOSTILE}" in cells
    assert not [c for c in cells if c.lstrip().startswith(("=", "+", "-", "@"))]
    evaluation = rows["Évaluation"]
    header = evaluation.index(("rubrique", "réponses", "moyenne (sur 5)", "part ≥ 4 (%)",
                               "1", "2", "3", "4", "5"))
    assert evaluation[header + 8][:4] == ("Satisfaction globale sur la formation", 3, 3.67, 66.7)


def test_anonymise_removes_every_pseudonym(store: Store, code: str, tmp_path: Path) -> None:
    files = write_report(store, code, tmp_path, anonymise=True)
    assert files.html.name == "rapport_RAPPORT_anonyme.html"
    html = files.html.read_text(encoding="utf-8")
    text = _all_text(_sheet_rows(files.xlsx))
    for name in PSEUDONYMS:
        assert name not in html and name not in text
        assert name.casefold() not in html.casefold()
    assert "[pseudonyme retiré]" in text  # the name typed inside an expectation
    assert "comprendre l'ESS" in text


def test_render_html_alone_is_a_string(store: Store, code: str) -> None:
    html = render_html(build_report(store, code))
    assert html.startswith("<!DOCTYPE html>") and SCRIPT not in html
