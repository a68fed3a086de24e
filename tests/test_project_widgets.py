"""Headless project-sheet page: a subgroup builds its sheet, the trainer sees it live."""

from __future__ import annotations

from companion.project import build
from companion.store import Store
from companion.texts import project as tp
from companion.widgets.project import ProjectSheetPage
from tests import report_fixture as fx
from tests.drivers.project import ProjectSheetDriver

CODE = "SECRET9"


def _pages(store: Store) -> tuple[ProjectSheetDriver, ProjectSheetDriver]:
    code = fx.fill(store)
    group = ProjectSheetPage(store, {"session": code, "groupe": "A"}, trainer_code=CODE,
                             start=False)
    trainer = ProjectSheetPage(store, {"session": code}, trainer_code=CODE, start=False)
    assert trainer.gate.check(CODE)
    return ProjectSheetDriver(group), ProjectSheetDriver(trainer)


def test_a_subgroup_builds_its_sheet_while_the_trainer_watches(store: Store) -> None:
    group, trainer = _pages(store)
    assert "Pas encore de fiche" in group.sheet_html()
    assert "Aucune fiche" in trainer.all_sheets_html()
    group.build()
    assert group.notice_level() == "succes", group.notice_text()
    assert fx.MERGED_TEXT in group.sheet_html()
    group.attach_findings()
    assert "CA tripartite" in group.sheet_html()
    group.add_territory("QP001001")
    assert group.notice_level() == "succes", group.notice_text()
    assert "Grande Reyssouze" in group.sheet_html() and "DEMO_2022" in group.sheet_html()
    group.add_objective("Sorties dynamiques", indicator="taux_sorties_dynamiques",
                        baseline="40", target="60", due="2027-06-30")
    assert group.notice_level() == "succes", group.notice_text()
    sheet = group.page.sheet
    assert sheet is not None
    group.add_action("Réunir le comité", lever=fx.LEVER, lead=sheet.actors[0].name,
                     start="2027-01-10", end="2027-03-01")
    assert group.notice_level() == "succes", group.notice_text()
    stored = build.stored_sheet(store, "RAPPORT", "A")
    assert stored is not None and [a.title for a in stored[0].actions] == ["Réunir le comité"]
    assert stored[0].actions[0].lever == next(lv.id for lv in sheet.levers
                                              if lv.text == fx.LEVER)
    assert stored[0].actions[0].lead == sheet.actors[0].id
    assert trainer.page.poller.poll_once()
    assert "A : 1 objectif(s), 1 action(s)" in trainer.all_sheets_html()
    assert "Réunir le comité" in trainer.all_sheets_html()


def test_bad_input_is_a_french_notice_and_nothing_is_lost(store: Store) -> None:
    group, _trainer = _pages(store)
    group.add_objective("Avant la fiche")
    assert group.notice_level() == "erreur" and "Pas encore de fiche" in group.notice_text()
    group.build()
    group.add_territory("Quartier imaginaire")
    assert group.notice_level() == "erreur" and "Aucun quartier" in group.notice_text()
    group.add_action("Mal datée", start="2027-03-01", end="2027-01-10")
    assert group.notice_level() == "erreur"
    assert "date de fin (2027-01-10) précède la date de début" in group.notice_text()
    assert group.value(tp.F_ACTION) == "Mal datée"  # what was typed stays
    group.build()
    assert group.notice_level() == "erreur" and "Remplacer" in group.notice_text()
    group.build(replace=True)
    assert group.notice_level() == "succes"


def test_two_browsers_of_one_subgroup_do_not_overwrite_each_other(store: Store) -> None:
    first, _trainer = _pages(store)
    first.build()
    second = ProjectSheetDriver(ProjectSheetPage(store, {"session": "RAPPORT", "groupe": "A"},
                                                 trainer_code=CODE, start=False))
    second.add_objective("Lien social")
    first.add_objective("Autofinancement")
    assert first.notice_level() == "erreur" and "entre-temps" in first.notice_text()
    assert first.value(tp.F_OBJECTIVE) == "Autofinancement"
    assert [o.label for o in first.page.sheet.objectives] == ["Lien social"]  # type: ignore[union-attr]


def test_the_sheet_downloads_as_html_xlsx_and_json_that_reimports(store: Store) -> None:
    import base64
    import io
    import re

    from openpyxl import load_workbook

    from companion.project import codec

    group, _trainer = _pages(store)
    group.download()
    assert group.notice_level() == "erreur" and group.links_html() == ""  # no sheet yet
    group.build()
    group.download()
    links = dict(re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"',
                            group.links_html()))
    assert sorted(links) == ["fiche_RAPPORT_A.html", "fiche_RAPPORT_A.json",
                             "fiche_RAPPORT_A.xlsx"]
    files = {name.rsplit(".", 1)[1]: base64.b64decode(data) for name, data in links.items()}
    assert codec.from_json(files["json"]) == group.page.sheet  # re-imports as it was
    html = files["html"].decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    book = load_workbook(io.BytesIO(files["xlsx"]))
    assert len(book.sheetnames) >= 2
