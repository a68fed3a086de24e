"""« Mon territoire »: XLSX and JSON export, import back, and files that must be refused."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest

from companion.core.errors import DataError
from companion.core.model import TRAINER
from companion.diagnosis import afom as d
from companion.diagnosis import stakeholders as s
from companion.report import territory as wb
from companion.store import Store
from companion.visit import grid as v
from tests.workbooks import rewrite

FORMULA = "=HYPERLINK(\"http://evil\",\"clic\")"
HOSTILE = "<img src=x onerror=alert(1)>"


def _fill(store: Store, session: str) -> None:
    a = d.add_item(store, session, group="A", quadrant="atouts", texte=FORMULA,
                   theme="Jeunesse", source="donnée statistique", reference="+33 1 23")
    b = d.add_item(store, session, group="B", quadrant="atouts", texte=HOSTILE,
                   theme="Jeunesse", source="parole d'habitant")
    d.vote(store, session, b.uid, "p1")
    d.merge_items(store, a.uid, [b.uid])
    d.edit_item(store, a.uid, priorite=1)
    hidden = d.add_item(store, session, quadrant="menaces", texte="caché", theme="Autre",
                        source="observation de terrain", group="A")
    d.hide_item(store, hidden.uid)
    s.add_actor(store, session, nom="@Bailleur", categorie="Bailleurs", pouvoir=5, interet=2,
                roles={"Diagnostic": "consulté", "Évaluation": "co-décision"}, group="A")
    v.assign(store, session, "B", ["activites", "gouvernance"])
    v.add_observation(store, session, "B", "gouvernance", "-Collège habitants majoritaire")
    v.rate(store, session, "B", {"sociale": 5, "participative": 4,
                                 "développement économique": 2, "inclusion": 5}, "Bien")
    v.add_partner(store, session, "B", "CNLRQ", "réseau")


def _summary(store: Store, session: str) -> list[tuple[object, ...]]:
    rows = []
    for r in wb.records(store, session):
        data = {k: val for k, val in r.data.items() if k not in ("fusion_de", "item")}
        rows.append((r.kind, r.group, r.status, r.hidden, bool(r.merged_into),
                     json.dumps(data, sort_keys=True, ensure_ascii=False)))
    return sorted(rows)


@pytest.fixture
def filled(store: Store, session_code: str) -> str:
    _fill(store, session_code)
    store.create_session("COPIE", "Copie", actor=TRAINER)
    return session_code


@pytest.mark.parametrize("kind", ["xlsx", "json"])
def test_round_trip_keeps_everything(store: Store, filled: str, kind: str) -> None:
    content = (wb.to_xlsx if kind == "xlsx" else wb.to_json)(store, filled)
    report = wb.import_file(store, "COPIE", content, f"export.{kind}")
    assert report.added == len(wb.records(store, filled)) and report.skipped == 0
    assert _summary(store, "COPIE") == _summary(store, filled)
    (item,) = d.items(store, "COPIE")
    assert (item.text, item.votes, item.priority, len(item.merged_from)) == (FORMULA, 1, 1, 1)
    again = wb.import_file(store, "COPIE", content, f"export.{kind}")
    assert (again.added, again.skipped) == (0, report.added)  # importing twice adds nothing


def test_xlsx_cells_are_spreadsheet_safe(store: Store, filled: str) -> None:
    book = openpyxl.load_workbook(io.BytesIO(wb.to_xlsx(store, filled)))
    assert book.sheetnames[0] == "Format" and book["Format"]["B2"].value == wb.VERSION
    values = [c for ws in book for row in ws.iter_rows(values_only=True) for c in row
              if isinstance(c, str)]
    assert f"'{FORMULA}" in values and "'@Bailleur" in values and "'+33 1 23" in values
    assert not any(v.startswith(("=", "+", "-", "@")) for v in values)
    header = next(book["Acteurs"].iter_rows(values_only=True))
    assert "roles: Diagnostic" in header and "pouvoir" in header


def test_truncated_files_are_refused_and_nothing_is_lost(store: Store, filled: str) -> None:
    before = _summary(store, "COPIE")
    for content, name in ((wb.to_xlsx(store, filled)[:2000], "coupe.xlsx"),
                          (wb.to_json(store, filled)[:500], "coupe.json")):
        with pytest.raises(DataError, match=f"« {name} » est incomplet ou abîmé"):
            wb.import_file(store, "COPIE", content, name)
    assert _summary(store, "COPIE") == before == []


def test_other_versions_and_foreign_files_are_refused(store: Store, filled: str) -> None:
    document = json.loads(wb.to_json(store, filled))
    document["version"] = 2
    with pytest.raises(DataError, match=r"autre version du compagnon .*version 2"):
        wb.read_file(json.dumps(document).encode(), "futur.json")
    book = openpyxl.load_workbook(io.BytesIO(wb.to_xlsx(store, filled)))
    book["Format"]["B2"] = 0
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(DataError, match=r"« ancien\.xlsx » vient d'une autre version"):
        wb.read_file(buffer.getvalue(), "ancien.xlsx")
    with pytest.raises(DataError, match="n'a pas été exporté par le compagnon"):
        wb.read_file(b'{"format": "trello", "version": 1}', "autre.json")
    with pytest.raises(DataError, match="ni un classeur Excel ni un fichier JSON"):
        wb.read_file(b"CODGEO;LIBGEO\nQP1;X\n", "chiffres.csv")
    assert wb.records(store, "COPIE") == []


def test_a_bad_row_names_sheet_and_line_and_nothing_is_written(store: Store, filled: str) -> None:
    book = openpyxl.load_workbook(io.BytesIO(wb.to_xlsx(store, filled)))
    sheet = book["Acteurs"]
    column = [c.value for c in sheet[1]].index("pouvoir") + 1
    sheet.cell(row=2, column=column, value=9)
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(DataError, match=r"feuille « Acteurs », ligne 2 : Pouvoir .* « 9 »"):
        wb.import_file(store, "COPIE", buffer.getvalue(), "modifie.xlsx")
    assert wb.records(store, "COPIE") == []
    document = json.loads(wb.to_json(store, filled))
    document["elements"][0]["type"] = "inconnu"
    with pytest.raises(DataError, match="élément n° 1 : type d'élément inconnu"):
        wb.read_file(json.dumps(document).encode(), "x.json")


def test_own_session_is_created_once(store: Store) -> None:
    assert wb.own_session(store) == wb.own_session(store) == "TERRITOIRE"
    assert [x.code for x in store.list_sessions()] == ["TERRITOIRE"]


@pytest.mark.slow
def test_a_hostile_workbook_is_refused_in_french_in_time_and_nothing_is_lost(
    store: Store, filled: str
) -> None:
    import time

    exported = wb.to_xlsx(store, filled)
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns='
            b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
    row = b"<row>" + b"<c><v>1</v></c>" * 100 + b"</row>"
    end = b"</sheetData></worksheet>"
    bomb = head + b'<dimension ref="A1:CV1000000"/><sheetData>' + row * 20_000 + end
    no_size = head + b"<sheetData>" + row * 110_000 + end
    before = _summary(store, "COPIE")
    for sheet, name in ((bomb, "bombe.xlsx"), (no_size, "sans_taille.xlsx")):
        started = time.monotonic()
        with pytest.raises(DataError, match=f"« {name} »") as refused:
            hostile = rewrite(exported, {"xl/worksheets/sheet1.xml": sheet})
            wb.import_file(store, "COPIE", hostile, name)
        assert time.monotonic() - started < 10, name  # the page answers, in French
        assert "incomplet ou abîmé" not in str(refused.value)  # said for what it is
    assert _summary(store, "COPIE") == before == []
