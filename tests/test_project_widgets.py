"""Headless project-sheet page: a subgroup builds its sheet, the trainer sees it live."""

from __future__ import annotations

from companion.project import build
from companion.store import Store
from companion.widgets.project import ProjectSheetPage
from tests import report_fixture as fx

CODE = "SECRET9"


def _pages(store: Store) -> tuple[ProjectSheetPage, ProjectSheetPage]:
    code = fx.fill(store)
    group = ProjectSheetPage(store, {"session": code, "groupe": "A"}, trainer_code=CODE,
                             start=False)
    trainer = ProjectSheetPage(store, {"session": code}, trainer_code=CODE, start=False)
    assert trainer.gate.check(CODE)
    return group, trainer


def test_a_subgroup_builds_its_sheet_while_the_trainer_watches(store: Store) -> None:
    group, trainer = _pages(store)
    assert "Pas encore de fiche" in group._view.value
    assert "Aucune fiche" in trainer._all.value
    group._on_build(None)
    assert group.form_notice.level == "succes", group.form_notice.text
    assert fx.MERGED_TEXT in group._view.value
    group._on_attach(None)
    assert "CA tripartite" in group._view.value
    group._qpv.value = "QP001001"
    group._on_territory(None)
    assert group.form_notice.level == "succes", group.form_notice.text
    assert "Grande Reyssouze" in group._view.value and "DEMO_2022" in group._view.value
    group._o_label.value = "Sorties dynamiques"
    group._o_indicator.value = "taux_sorties_dynamiques"
    group._o_baseline.value, group._o_target.value = "40", "60"
    group._o_due.value = "2027-06-30"
    group._on_objective(None)
    assert group.form_notice.level == "succes", group.form_notice.text
    lever = next(lv for lv in group.sheet.levers if lv.text == fx.LEVER)  # type: ignore[union-attr]
    group._a_title.value = "Réunir le comité"
    group._a_lever.value = lever.id
    group._a_lead.value = group.sheet.actors[0].id  # type: ignore[union-attr]
    group._a_start.value, group._a_end.value = "2027-01-10", "2027-03-01"
    group._on_action(None)
    assert group.form_notice.level == "succes", group.form_notice.text
    stored = build.stored_sheet(store, "RAPPORT", "A")
    assert stored is not None and [a.title for a in stored[0].actions] == ["Réunir le comité"]
    assert trainer.poller.poll_once()
    assert "A : 1 objectif(s), 1 action(s)" in trainer._all.value
    assert "Réunir le comité" in trainer._all.value


def test_bad_input_is_a_french_notice_and_nothing_is_lost(store: Store) -> None:
    group, _trainer = _pages(store)
    group._o_label.value = "Avant la fiche"
    group._on_objective(None)
    assert group.form_notice.level == "erreur" and "Pas encore de fiche" in group.form_notice.text
    group._on_build(None)
    group._qpv.value = "Quartier imaginaire"
    group._on_territory(None)
    assert group.form_notice.level == "erreur" and "Aucun quartier" in group.form_notice.text
    group._a_title.value = "Mal datée"
    group._a_start.value, group._a_end.value = "2027-03-01", "2027-01-10"
    group._on_action(None)
    assert group.form_notice.level == "erreur"
    assert "date de fin (2027-01-10) précède la date de début" in group.form_notice.text
    assert group._a_title.value == "Mal datée"  # what was typed stays
    group._on_build(None)
    assert group.form_notice.level == "erreur" and "Remplacer" in group.form_notice.text
    group._replace.value = True
    group._on_build(None)
    assert group.form_notice.level == "succes"


def test_two_browsers_of_one_subgroup_do_not_overwrite_each_other(store: Store) -> None:
    first, _trainer = _pages(store)
    first._on_build(None)
    second = ProjectSheetPage(store, {"session": "RAPPORT", "groupe": "A"}, trainer_code=CODE,
                              start=False)
    second._o_label.value = "Lien social"
    second._on_objective(None)
    first._o_label.value = "Autofinancement"
    first._on_objective(None)
    assert first.form_notice.level == "erreur" and "entre-temps" in first.form_notice.text
    assert first._o_label.value == "Autofinancement"
    assert [o.label for o in first.sheet.objectives] == ["Lien social"]  # type: ignore[union-attr]


def test_the_sheet_downloads_as_html_xlsx_and_json_that_reimports(store: Store) -> None:
    import base64
    import io
    import re

    from openpyxl import load_workbook

    from companion.project import codec

    group, _trainer = _pages(store)
    group._on_download(None)
    assert group.form_notice.level == "erreur" and group._links.value == ""  # no sheet yet
    group._on_build(None)
    group._on_download(None)
    links = dict(re.findall(r'download="([^"]+)" href="data:[^;]+;base64,([^"]+)"',
                            group._links.value))
    assert sorted(links) == ["fiche_RAPPORT_A.html", "fiche_RAPPORT_A.json",
                             "fiche_RAPPORT_A.xlsx"]
    files = {name.rsplit(".", 1)[1]: base64.b64decode(data) for name, data in links.items()}
    assert codec.from_json(files["json"]) == group.sheet  # re-imports as it was
    html = files["html"].decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html
    book = load_workbook(io.BytesIO(files["xlsx"]))
    assert len(book.sheetnames) >= 2
