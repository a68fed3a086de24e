"""The project sheet: model, builder from the store, checks, JSON round trip, follow-up and
exports (HTML self-contained, XLSX neutralised)."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from companion.core import config
from companion.core.errors import DataError, InputError
from companion.owndata.loading import read_table
from companion.project import build, checks, codec, export, followup
from companion.project import sheet as ps
from companion.store import Store
from tests import report_fixture as fx

HOSTILE = fx.HOSTILE


def _tables() -> dict:
    folder = config.content_dir() / "territoire_exemple"
    return {p.name: read_table(p.read_bytes(), name=p.name) for p in sorted(folder.glob("*.csv"))}


def _sheet() -> ps.ProjectSheet:
    sheet = ps.ProjectSheet(
        "Régie des Tilleuls", "S1", "A",
        difficulties=(ps.Difficulty("d1", "Manque de coopération", "Partenariat", 5),
                      ps.Difficulty("d2", "Financements trop courts", "Financements", 1)),
        levers=(ps.Lever("l1", "Comité local de coopération", "Coopération", 2, ("d1",)),),
        actors=(ps.Actor("p1", "Bailleur social", "Bailleurs", 5, 5),
                ps.Actor("p2", "Conseil citoyen", "Habitants", 2, 5)),
        impact=ps.ImpactPlan(("taux_sorties_dynamiques",), 120000.0, 0.035, (
            ps.SroiOutcome("Retour à l'emploi", 10, 8000, 0.2, 0.1, 0.3, 0.2, 3),)))
    sheet = ps.add_objective(sheet, "Sorties dynamiques", indicator="taux_sorties_dynamiques",
                             baseline=40, target=60, due="2027-06-30")
    sheet = ps.add_objective(sheet, "Autofinancement", dimension="économique",
                             indicator="taux_autofinancement", baseline=30, target=45)
    return ps.add_action(sheet, "Réunir le comité", lever="l1", lead="p1", partners=["p2"],
                         start="2027-01-10", end="2027-03-01", cost="1 500,50",
                         funding="Contrat de ville")


# --- model --------------------------------------------------------------------------------
def test_edits_return_new_sheets_and_validate() -> None:
    sheet = _sheet()
    assert [o.id for o in sheet.objectives] == ["o1", "o2"]
    action = sheet.actions[0]
    assert action.cost == 1500.5 and action.start == date(2027, 1, 10)
    assert sheet.actor("p1").quadrant == "associer étroitement"  # type: ignore[union-attr]
    changed = ps.update_item(sheet, "actions", "a1", status="en cours")
    assert changed.actions[0].status == "en cours" and sheet.actions[0].status == "à lancer"
    gone = ps.remove_item(sheet, "actors", "p1")
    assert gone.actions[0].lead == "" and len(sheet.actors) == 2


def test_dates_out_of_order_are_refused_naming_the_action() -> None:
    with pytest.raises(InputError, match=r"Réunir.*date de fin"):
        ps.update_item(_sheet(), "actions", "a1", end="2026-12-01")


def test_a_target_on_an_unknown_indicator_is_refused() -> None:
    with pytest.raises(InputError, match=r"indicateur « pif » est absent du catalogue"):
        ps.add_objective(_sheet(), "Inventé", indicator="pif", target=3)


def test_references_must_exist() -> None:
    with pytest.raises(InputError, match=r"Pilote.*« p9 »"):
        ps.add_action(_sheet(), "Autre", lead="p9")
    with pytest.raises(InputError, match=r"Statut"):
        ps.update_item(_sheet(), "actions", "a1", status="fini")


# --- checks -------------------------------------------------------------------------------
def test_checks_name_every_inconsistency_in_french() -> None:
    sheet = ps.add_actor(_sheet(), "Délégué du préfet", category="État", power=5, interest=4)
    sheet = ps.add_objective(sheet, "Lien social")
    sheet = dataclasses.replace(sheet, levers=(*sheet.levers, ps.Lever("l2", "Fonds local")))
    sheet = ps.add_action(sheet, "Sans pilote")
    kinds = {(p.kind, p.item) for p in checks.check_sheet(sheet)}
    assert kinds == {("difficulte_sans_levier", "d2"), ("preconisation_sans_action", "l2"),
                     ("action_sans_pilote", "a2"), ("objectif_sans_indicateur", "o3"),
                     ("objectif_sans_cible", "o3"), ("acteur_a_associer_absent", "p3")}
    messages = " ".join(p.message for p in checks.check_sheet(sheet))
    assert "« Délégué du préfet » est un acteur à associer étroitement" in messages
    assert "La difficulté retenue « Financements trop courts » n'a aucun levier" in messages


def test_a_consistent_sheet_has_no_problem() -> None:
    sheet = ps.remove_item(_sheet(), "difficulties", "d2")
    assert checks.check_sheet(sheet) == []


# --- JSON -----------------------------------------------------------------------------------
def test_json_round_trip_is_identical() -> None:
    sheet = ps.record_followup(_sheet(), "2027-04-10", actuals={"o1": 52.5},
                               statuses={"a1": "terminée"})
    sheet = ps.attach_findings(sheet, [ps.Finding("Gouvernance", "CA tripartite")])
    text = codec.to_json(sheet)
    again = codec.from_json(text)
    assert again == sheet
    assert codec.to_json(again) == text


def test_json_from_another_version_is_refused() -> None:
    data = json.loads(codec.to_json(_sheet()))
    data["version"] = 2
    with pytest.raises(DataError, match=r"version 2.*version 1"):
        codec.from_json(json.dumps(data), "fiche.json")


@pytest.mark.parametrize(("edit", "field"), [
    (lambda d: d["fiche"]["actions"][0].update(end="2026-01-01"), "actions\\[1\\]"),
    (lambda d: d["fiche"]["objectives"][0].update(target="soixante"), "objectives\\[1\\].target"),
    (lambda d: d["fiche"]["objectives"][1].update(indicator="inconnu"), "objectives\\[2\\]"),
    (lambda d: d["fiche"]["actions"][0].update(couleur="rouge"), "actions\\[1\\].couleur"),
    (lambda d: d["fiche"].pop("title"), "« title »"),
    (lambda d: d["fiche"]["actions"][0].update(start="10/01/2027"), "actions\\[1\\].start"),
])
def test_a_hand_edited_file_names_the_field(edit, field) -> None:
    data = json.loads(codec.to_json(_sheet()))
    edit(data)
    with pytest.raises(DataError, match=field):
        codec.from_json(json.dumps(data), "fiche.json")


def test_unreadable_json_names_line_and_column() -> None:
    with pytest.raises(DataError, match=r"fiche.json.*ligne 1, colonne"):
        codec.from_json(b'{"format": ', "fiche.json")
    with pytest.raises(DataError, match=r"n'est pas une fiche projet"):
        codec.from_json('{"autre": 1}', "fiche.json")


# --- follow-up ----------------------------------------------------------------------------
def test_progress_against_targets_at_j90() -> None:
    sheet = ps.record_followup(_sheet(), date(2027, 4, 10), actuals={"o1": 50, "o2": 47})
    frame = followup.progress(sheet).set_index("objectif_id")
    assert frame.loc["o1", "statut"] == "non atteint"
    assert frame.loc["o1", "avancement"] == pytest.approx(50.0)
    assert frame.loc["o1", "écart"] == pytest.approx(-10.0)
    assert frame.loc["o2", "statut"] == "atteint"
    before = followup.progress(_sheet())
    assert set(before["statut"]) == {"valeur non disponible"}


def test_progress_chart() -> None:
    from companion.charts.project import progress_figure

    sheet = ps.record_followup(_sheet(), "2027-04-10", actuals={"o1": 50, "o2": 47})
    figure = progress_figure(followup.progress(sheet))
    assert list(figure.data[0].y) == ["Sorties dynamiques", "Autofinancement"]
    assert list(figure.data[0].x) == pytest.approx([50.0, 113.333], rel=1e-3)


# --- exports ------------------------------------------------------------------------------
def test_html_is_self_contained_and_escaped() -> None:
    sheet = ps.update_item(_sheet(), "actions", "a1", title="<script>alert(1)</script>",
                           funding=HOSTILE)
    sheet = ps.record_followup(sheet, "2027-04-10", actuals={"o1": 50})
    html = export.render_html(sheet)
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "<svg" in html and "Avancement des objectifs" in html
    for external in ("src=", "href=", "<link", "<img", "url(", "@import"):
        assert external not in html
    assert "Plan d&#x27;action" in html and "Contrat de ville" not in html  # funding replaced


def test_workbook_neutralises_formulas(tmp_path: Path) -> None:
    sheet = ps.update_item(_sheet(), "actions", "a1", funding=HOSTILE)
    path = export.write_workbook(sheet, tmp_path / "fiche.xlsx")
    book = load_workbook(path)
    values = [c.value for row in book["Plan d'action"].iter_rows() for c in row]
    assert "'" + HOSTILE in values
    assert not any(isinstance(v, str) and v.startswith("=") for ws in book for row in
                   ws.iter_rows() for v in (c.value for c in row))


# --- from the store -----------------------------------------------------------------------
def test_build_from_a_subgroup_of_the_session(store: Store) -> None:
    code = fx.fill(store)
    sheet = build.build_sheet(store, code, "A", tables=_tables(), qpv="QP001001",
                              millesime="2022")  # the shipped extracts' README states it
    assert sheet.territory.qpv_name == "Grande Reyssouze Terre Des Fleurs"
    figure = next(f for f in sheet.territory.figures if f.indicator == "population_qpv")
    assert figure.value == 6490 and figure.millesime == "2022" and "DEMO_2022" in figure.source
    assert sheet.difficulties[0].text == fx.MERGED_TEXT
    assert sheet.difficulties[0].votes == 5
    lever = next(lv for lv in sheet.levers if lv.text == fx.LEVER)
    assert lever.difficulties == (sheet.difficulties[0].id,) and lever.votes == 2
    assert "Fonds de dotation local" not in [lv.text for lv in sheet.levers]  # subgroup B
    assert [a.name for a in sheet.actors] == ["Plaine Habitat"]
    assert "Habitants" in sheet.absent
    assert fx.VALIDATED_ITEM in [a.text for a in sheet.afom]
    findings = build.visit_findings(store, code, "A")
    assert [f.text for f in findings] == ["CA tripartite"]


def test_store_never_overwrites_without_confirmation(store: Store) -> None:
    code = fx.fill(store)
    sheet = build.build_sheet(store, code, "A")
    first = build.save_sheet(store, sheet)
    edited = ps.add_objective(sheet, "Lien social", indicator="benevoles", target=20)
    second = build.save_sheet(store, edited, expected_version=first.version)
    assert second.version == first.version + 1
    with pytest.raises(InputError, match="modifiée entre-temps"):
        build.save_sheet(store, sheet, expected_version=first.version)
    imported = codec.from_json(codec.to_json(_sheet()))
    with pytest.raises(InputError, match=r"Une fiche existe déjà pour « A »"):
        build.import_into_session(store, imported, code, "A")
    assert build.stored_sheet(store, code, "A")[0] == edited  # type: ignore[index]
    build.import_into_session(store, imported, code, "A", confirm=True)
    kept = build.stored_sheet(store, code, "A")[0]  # type: ignore[index]
    assert kept.title == "Régie des Tilleuls" and kept.session == code


def test_session_report_includes_every_subgroup_sheet(store: Store) -> None:
    from companion.report.build import build_report

    code = fx.fill(store)
    for group in ("A", "B"):
        sheet = build.build_sheet(store, code, group)
        build.save_sheet(store, ps.add_objective(sheet, f"Objectif {group}",
                                                 indicator="benevoles", target=10))
    report = build_report(store, code)
    section = next(s for s in report.sections if s.id == "fiches-projet")
    assert "2 fiche(s) projet" in section.lines[0]
    captions = [t.caption for t in section.tables]
    assert "Objectifs — A" in captions and "Plan d'action — B" in captions
    objectives = next(t.frame for t in section.tables if t.caption == "Objectifs — B")
    assert list(objectives.iloc[:, 0]) == ["Objectif B"]
    assert "project_sheet" not in " ".join(t.caption for s in report.sections for t in s.tables)


def test_sheet_html_opens_offline_in_chromium(tmp_path: Path) -> None:
    """The HTML opened in a real Chromium requests nothing but the file itself."""
    playwright = pytest.importorskip("playwright.sync_api")
    from tests.browser.harness import launch_browser

    sheet = ps.record_followup(_sheet(), "2027-04-10", actuals={"o1": 50, "o2": 47})
    path = tmp_path / "fiche.html"
    path.write_text(export.render_html(sheet), encoding="utf-8")
    requests: list[str] = []
    with playwright.sync_playwright() as p:
        browser = launch_browser(p)
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.as_uri())
        assert page.locator("svg.cp-project-chart rect").count() == 2
        assert "Réunir le comité" in page.inner_text("body")
        browser.close()
    assert requests == [path.as_uri()]
