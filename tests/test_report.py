"""Session report: content from a filled store, offline HTML, XLSX sheets, anonymisation,
spreadsheet-safe cells."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from companion.core.errors import InputError
from companion.report.build import build_report, write_report
from companion.report.html import render_html
from companion.report.model import Section
from companion.store import Store
from tests.report_fixture import (
    ADDED_ROUND,
    HIDDEN_IDEA,
    HOSTILE,
    LEVER,
    MERGED_ITEM,
    MERGED_TEXT,
    PROMOTED_IDEA,
    PSEUDONYMS,
    SCRIPT,
    VALIDATED_ITEM,
    fill,
)

EXPECTED_SHEETS = ["Synthèse qualité", "Participants", "Attentes", "Quiz introduction",
                   "RM difficultes", "RM leviers", "RM manche-3", "Diagnostic",
                   "Grille de visite", "Table ronde", "Évaluation", "Fiches projet"]
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
    rows: dict[str, list[tuple[object, ...]]] = {}
    for ws in book:  # rows without the empty cells that pad them to the sheet's width
        rows[ws.title] = [tuple(r[:max([i + 1 for i, v in enumerate(r) if v is not None],
                                       default=0)]) for r in ws.iter_rows(values_only=True)]
    return rows


def _all_text(rows: dict[str, list[tuple[object, ...]]]) -> str:
    return "\n".join(str(v) for sheet in rows.values() for row in sheet for v in row
                     if v is not None)


def table(section: Section, caption: str) -> pd.DataFrame:
    """Return the table of ``section`` whose caption starts with ``caption``."""
    found = [t.frame for t in section.tables if t.caption.startswith(caption)]
    assert len(found) == 1, [t.caption for t in section.tables]
    return found[0]


def test_report_content_from_the_store(store: Store, code: str) -> None:
    report = build_report(store, code)
    by_id = {s.id: s for s in report.sections}
    participants = by_id["participants"].tables[0].frame
    assert dict(zip(participants["fonction"], participants["effectif"], strict=True))[
        "Élu·e local·e"] == 2  # « saint-denis » and the list value are grouped
    assert "1 attente(s) couverte(s) sur 2 jugée(s) : 50 %" in by_id["attentes"].lines[0]
    assert "autres" not in by_id  # every record kind has its section
    room = by_id["table-ronde"].tables[1].frame
    assert room.iloc[0]["soutiens"] == 1
    sat = by_id["evaluation"].tables[0].frame.set_index("rubrique")
    assert sat.loc["Satisfaction globale sur la formation", "moyenne (sur 5)"] == 3.67
    quality = by_id["qualite"].tables[0].frame
    assert "66,7 % de notes ≥ 4" in quality.iloc[1]["constat de la session"]


def test_each_brainstorm_round_as_its_pages_show_it(store: Store, code: str) -> None:
    by_id = {s.id: s for s in build_report(store, code).sections}
    assert [s for s in by_id if s.startswith("rm-")] == ["rm-difficultes", "rm-leviers",
                                                         "rm-manche-3"]
    first = by_id["rm-difficultes"]
    assert "2 idée(s) au mur ; 6 vote(s) exprimé(s) par 3 votant(s) ; 2 idée(s) regroupée(s)" \
        in first.lines[1]
    ideas = table(first, "Toutes les idées").set_index("Idée")
    merged = ideas.loc[MERGED_TEXT]  # 3 dots given to its sources + 2 typed for a paper group
    assert (merged["Votes"], merged["Sous-groupe"], merged["Statut"]) == (5, "Plénière",
                                                                            "visible")
    assert merged["Fusion de"] == f"[A] Manque de coopération | [B] {HOSTILE}"
    assert merged["Auteurs"] == f"{PSEUDONYMS[0]}, {PSEUDONYMS[1]}"
    assert ideas.loc["Manque de coopération", "Statut"] == "fusionnée dans une autre carte"
    assert ideas.loc["Manque de coopération", "Votes"] == 0  # its votes moved to the merge
    assert ideas.loc[HIDDEN_IDEA, "Statut"] == "masquée"
    by_theme = table(first, "Idées et votes par thème").set_index("Thème")
    assert by_theme.loc["Partenariat"].tolist() == [1, 5]  # the hidden card is not counted
    assert len(by_theme) == 7  # every theme of the round, zeros included
    top = table(first, "Idées les plus votées par sous-groupe").set_index("Sous-groupe")
    assert top.loc["Plénière", "Idée"] == MERGED_TEXT
    assert first.charts[-1].labels[0] == MERGED_TEXT
    assert HIDDEN_IDEA not in first.charts[-1].labels

    second = by_id["rm-leviers"]
    preco = table(second, "Préconisations")
    assert preco.iloc[0][["Levier", "Votes du levier", "Difficulté", "Votes de la difficulté",
                          "Sous-groupe"]].tolist() == [LEVER, 2, MERGED_TEXT, 5, "A"]
    left = table(second, "Difficultés sans levier")
    assert left["Difficulté"].tolist() == [PROMOTED_IDEA]
    links = table(second, "Leviers proposés").set_index("Thème de la difficulté")
    assert links.loc["Partenariat", "Transversalité et coopération"] == 1
    assert table(second, "Toutes les idées").iloc[0]["Répond aux difficultés"] == MERGED_TEXT

    added = by_id["rm-manche-3"]
    assert added.title == ADDED_ROUND
    assert table(added, "Toutes les idées")["Idée"].tolist() == ["Marché solidaire"]
    assert "Écriture privée" in added.lines[2]


def test_diagnosis_as_its_pages_show_it(store: Store, code: str) -> None:
    section = {s.id: s for s in build_report(store, code).sections}["diagnostic"]
    assert section.lines[0] == "3 constat(s) · 1 validé(s) en plénière"  # hidden one left out
    atouts = table(section, "Grille AFOM : Atouts")
    assert atouts.iloc[0][["Constat", "Statut", "Votes", "Fusion de"]].tolist() == [
        VALIDATED_ITEM, "validé en plénière", 3, MERGED_ITEM]
    weak = table(section, "Grille AFOM : Faiblesses")
    assert weak["Constat"].tolist() == [PROMOTED_IDEA]  # « Doublon » was hidden
    assert weak.iloc[0]["Origine"] == f"issu du remue-méninges : {PROMOTED_IDEA}"
    assert table(section, "Grille AFOM : Menaces").iloc[0]["Priorité"] == "priorité haute"
    counts = table(section, "Constats par case").set_index("Case AFOM")
    assert counts.loc["Atouts"].tolist() == [0, 1] and counts.loc["Faiblesses"].tolist() == [1, 0]
    actors = table(section, "Cartographie des acteurs").set_index("Nom de l'acteur")
    assert actors.loc["Plaine Habitat", "Quadrant de Mendelow"] == "satisfaire"
    assert actors.loc["Conseil citoyen", "Quadrant de Mendelow"] == "tenir informé"
    assert actors.loc["Délégué du préfet", "Catégorie"] == "Collectivité"
    absent = table(section, "Acteurs absents")["Catégorie"].tolist()
    assert "État" in absent and "Bailleurs" not in absent and "Collectivité" not in absent
    assert "État" in section.lines[1] and section.lines[1].startswith("Acteurs absents")
    matrix = table(section, "Matrice de coconstruction").set_index("Acteur")
    assert matrix.loc["Plaine Habitat", "Mise en œuvre"] == "co-portage"
    need = table(section, "Grille besoins / réponses").iloc[0]
    assert (need["Besoin social"], need["Modèle économique"], need["Sous-groupe"]) == (
        "Garde d'enfants en horaires décalés", "mixte", "B")


def test_visit_consolidation_as_the_debrief_shows_it(store: Store, code: str) -> None:
    section = {s.id: s for s in build_report(store, code).sections}["visite"]
    assert section.lines == ["2 observation(s) de 2 sous-groupe(s)"]
    obs = table(section, "Observations par item").set_index("Item")
    assert obs.loc["Gouvernance coopérative"].tolist() == ["A", "CA tripartite"]
    coverage = table(section, "Couverture de la grille").set_index("Item")
    assert coverage.loc["Modèle économique", "B"] == 1 and len(coverage) == 8
    means = table(section, "Ambitions de la Régie").set_index("Dimension")
    assert means.loc["sociale", "Moyenne"] == 4.5 and means.loc["participative", "Moyenne"] == 3
    assert means.loc["inclusion", "Sous-groupes ayant noté"] == 2
    ratings = table(section, "Notes des ambitions").set_index("Sous-groupe")
    assert ratings.loc["B"].tolist() == [4, 2, 4, 5]
    partners = table(section, "Partenaires rencontrés").set_index("Partenaire")
    assert partners.loc["CNLRQ", "Sous-groupes"] == "A, B"  # « cnlrq » is the same partner
    assert "Mairie de Saint-Denis" in partners.index
    assert table(section, "Attributions")["Items"].tolist() == [
        "Partenaires impliqués, Gouvernance coopérative", "Modèle économique"]
    assert section.charts[0].labels == ("sociale", "participative", "développement économique",
                                        "inclusion")


def test_unknown_kinds_and_ideas_of_a_hidden_round_are_kept(store: Store, code: str) -> None:
    store.add_record(code, "arbre_probleme", {"texte": "Chômage des jeunes"}, group="A",
                     author=PSEUDONYMS[0])
    store.add_record(code, "idea", {"round": "supprimee", "theme": "x", "text": "Perdue ?"})
    other = {s.id: s for s in build_report(store, code).sections}["autres"]
    assert table(other, "Contributions (arbre_probleme)").iloc[0]["texte"] == \
        "Chômage des jeunes"
    assert table(other, "Idées et votes d'une manche")["Texte"].tolist() == ["Perdue ?"]


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
    assert html.count("&lt;script&gt;") >= 2  # the expectation and the actor's links
    assert "=HYPERLINK(&quot;http://evil.example&quot;" in html  # escaped text, not a link
    assert MERGED_TEXT in html and LEVER in html and VALIDATED_ITEM in html
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
    for sheet in ("RM difficultes", "Diagnostic", "Grille de visite"):  # idea, AFOM, visit
        assert f"'{HOSTILE}" in [v for row in rows[sheet] for v in row], sheet
    preco = rows["RM leviers"]
    header = preco.index(("Levier", "Thème du levier", "Votes du levier", "Difficulté",
                          "Thème de la difficulté", "Votes de la difficulté", "Sous-groupe"))
    assert preco[header + 1] == (LEVER, "Transversalité et coopération", 2, MERGED_TEXT,
                                 "Partenariat", 5, "A")
    visit = rows["Grille de visite"]
    header = visit.index(("Dimension", "Moyenne", "Sous-groupes ayant noté"))
    assert visit[header + 1] == ("sociale", 4.5, 2)
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
        assert name.casefold() not in text.casefold()
    assert "[pseudonyme retiré]" in text  # the name typed inside an expectation
    assert "comprendre l'ESS" in text
    assert MERGED_TEXT in text and LEVER in text  # contents kept, only names removed
    report = build_report(store, code, anonymise=True)
    for section in report.sections:
        for t in section.tables:
            for column in ("auteur", "Auteurs"):
                if column in t.frame:
                    assert set(t.frame[column]) <= {""}, (section.id, t.caption)


def test_render_html_alone_is_a_string(store: Store, code: str) -> None:
    html = render_html(build_report(store, code))
    assert html.startswith("<!DOCTYPE html>") and SCRIPT not in html


def test_other_contributions_show_french_labels(store: Store, code: str) -> None:
    """Issue « right answers », item 6: no internal field name in « Autres contributions »."""
    from companion.indicators.overview import set_target

    set_target(store, code, "taux_sorties_dynamiques", 60.0, group="A", author="Alice")
    other = {s.id: s for s in build_report(store, code).sections}["autres"]
    titles = [t.caption for t in other.tables]
    assert "Contributions (objectifs d'indicateurs)" in titles
    frame = table(other, "Contributions (objectifs d'indicateurs)")
    shown = " ".join(map(str, frame.columns)) + " " + " ".join(map(str, frame.iloc[0]))
    for internal in ("indicator_target", "taux_sorties_dynamiques", "indicator", "value"):
        assert internal not in shown, internal
    row = frame.iloc[0]
    assert row["Indicateur"] == "Taux de sorties dynamiques" and row["Valeur"] == 60.0
    assert row.iloc[0] == "objectif d'indicateur"  # the kind, in French
