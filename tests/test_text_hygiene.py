"""One cleaning rule for every text that enters the store: NUL, BEL, ESC, the other control
characters and bidi overrides never reach it, from any page, field or address parameter, and
the Excel exports never meet a character they cannot hold."""

from __future__ import annotations

import io

import openpyxl
import pytest
import sqlalchemy

from companion import brainstorm as bs
from companion.brainstorm.exports import round_xlsx
from companion.core import config
from companion.core.model import TRAINER
from companion.core.safety import neutralise_cell
from companion.core.text import clean_text, strip_controls
from companion.diagnosis import afom
from companion.home import icebreaker
from companion.report import territory
from companion.roundtable import questions
from companion.store import Store
from companion.visit import grid
from companion.widgets.brainstorm.page import BrainstormPage
from companion.widgets.diagnosis.page import GroupField
from tests.drivers.brainstorm import BoardDriver

BAD = "\x00\x07\x1b\u202e\u2066\x85\x9b"
HOSTILE = f"Gr{BAD}oupe 1"


def _everything(store: Store) -> str:
    """Every text column of every table of the store, as one string."""
    engine = sqlalchemy.create_engine(store.url)
    parts: list[str] = []
    with engine.connect() as conn:
        for table in ("sessions", "groups", "participants", "records", "audit"):
            for row in conn.execute(sqlalchemy.text(f"SELECT * FROM {table}")):  # noqa: S608
                parts.extend(str(v) for v in row)
    engine.dispose()
    return "\n".join(parts)


def _assert_clean(store: Store) -> None:
    stored = _everything(store)
    for c in BAD:
        assert c not in stored, repr(c)


def test_the_rule_keeps_what_people_mean() -> None:
    assert strip_controls(HOSTILE) == "Groupe 1"
    kept = "مرحبا \u200f! 👨\u200d👩\u200d👧 <b>=SUM(A1)</b>\n\tfin é"
    assert strip_controls(kept) == kept
    assert strip_controls("a\r\nb\tc") == "a\r\nb\tc"
    assert clean_text(f"  {BAD} ", limit=10, required=False, field="x") == ""


def test_query_parameters_are_cleaned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUERY_STRING", "session=AB%00C%1b1&groupe=G%E2%80%AE1%07")
    assert config.page_query() == {"session": "ABC1", "groupe": "G1"}


def test_brainstorm_group_from_the_address_and_pseudonym(store: Store,
                                                         session_code: str) -> None:
    page = BrainstormPage(store, {"groupe": HOSTILE}, trainer_code="CODE")
    assert page.board is not None and page.board.who.group == "Groupe 1"
    BoardDriver(page.board).type_pseudonym(f"Awa{BAD}")
    page.board.post(f"Idée{BAD} propre", "Partenariat")
    assert page.board.notice.level == "succes"
    _assert_clean(store)
    idea = bs.snapshot(store, session_code, "difficultes").ideas[0]
    assert (idea.text, idea.pseudonym, idea.group) == ("Idée propre", "Awa", "Groupe 1")


def test_registration_pseudonym(any_store: Store) -> None:
    any_store.create_session("TXT1", "Texte", actor=TRAINER)
    icebreaker.register(any_store, "TXT1", pseudonym=f"Awa{BAD}", function=f"Chef{BAD}fe",
                        territory="Lille", group=HOSTILE)
    _assert_clean(any_store)
    assert any_store.list_participants("TXT1")[0].pseudonym == "Awa"


def test_diagnosis_and_visit_subgroup_field(store: Store, session_code: str) -> None:
    field = GroupField(store, session_code, HOSTILE)
    group = field.current()
    assert group == "Groupe 1"
    afom.add_item(store, session_code, group=HOSTILE, quadrant="atouts", texte=f"Un{BAD} atout",
                  theme="Autre", source="observation de terrain")
    items = grid.items_for(store, session_code, None)
    grid.add_observation(store, session_code, HOSTILE, items[0].id, f"Vu{BAD}")
    _assert_clean(store)


def test_round_table_names(store: Store, session_code: str) -> None:
    questions.ask(store, session_code, f"Une{BAD} question ?", author=f"Bruno{BAD}")
    _assert_clean(store)
    assert questions.room_questions(store, session_code)[0].author == "Bruno"


def test_the_store_cleans_whatever_a_page_forgot(any_store: Store) -> None:
    any_store.create_session("TXT2", f"Titre{BAD}", actor=f"formateur{BAD}")
    record = any_store.add_record("TXT2", "x", {"texte": HOSTILE, "liste": [HOSTILE],
                                                f"cl{BAD}e": {"k": HOSTILE}},
                                  group=HOSTILE, author=HOSTILE)
    any_store.update_record(record.uid, actor=HOSTILE, data={"texte": HOSTILE}, group=HOSTILE)
    any_store.add_group("TXT2", HOSTILE)
    _assert_clean(any_store)


def test_excel_exports_hold_even_old_dirty_rows(store: Store, session_code: str) -> None:
    s = bs.snapshot(store, session_code, "difficultes")
    bs.post_idea(store, session_code, s.round, s.state, bs.Contributor.new("G1"), "Idée",
                 "Partenariat")
    # a row written before the rule existed, straight into the file
    engine = sqlalchemy.create_engine(store.url)
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text("UPDATE records SET group_name = :g, author = :a"),
                     {"g": HOSTILE, "a": f"=1+1{BAD}"})
    engine.dispose()
    workbook = openpyxl.load_workbook(io.BytesIO(round_xlsx(
        bs.snapshot(store, session_code, "difficultes"))))
    cells = [str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row]
    assert any("Groupe 1" in c for c in cells)
    assert not any(ch in c for c in cells for ch in BAD)
    openpyxl.load_workbook(io.BytesIO(territory.to_xlsx(store, session_code)))
    assert neutralise_cell(f"=1{BAD}") == "'=1"
