"""The page base every page uses: the gate re-checked on every trainer action, the trainer's
area built once on unlock, observable traits, and pages built before the visitor arrives."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import ipywidgets as w
import pytest

from companion.core.model import TRAINER, TrainingSession
from companion.diagnosis import afom as d
from companion.report import territory as wb
from companion.roundtable import questions as rt
from companion.store import Store
from companion.widgets.base import Notice, TrainerGate, trainer_only
from companion.widgets.brainstorm.page import BrainstormPage
from companion.widgets.diagnosis.afom import AfomModeration
from companion.widgets.diagnosis.page import DiagnosisPage, WorkbookPanel
from companion.widgets.evaluation import EvaluationPage
from companion.widgets.home.page import HomePage, SessionAdmin
from companion.widgets.introduction import IntroductionPage
from companion.widgets.page import SessionPage
from companion.widgets.report import ReportPage
from companion.widgets.roundtable import RoundTablePage
from companion.widgets.visit import VisitPage

CODE = "CODE1234"
REFUSED = "réservée au formateur"


class CounterPage(SessionPage):
    """A minimal page on the base: one trainer action, a trainer area that counts its builds."""

    def __init__(self, store: Store, query: dict[str, str] | None = None, **kwargs: Any) -> None:
        super().__init__(store, query, start=False, **kwargs)
        self.bound: list[str | None] = []
        self.actions = 0
        self.children = (self.notice, self.trainer_area)
        self.open_page()

    def bind(self, session: TrainingSession | None) -> None:
        self.bound.append(session.code if session else None)

    def build_trainer(self) -> list[w.Widget]:
        return [w.HTML(f"<p>{self.session_code}</p>")]

    @trainer_only()
    def act(self) -> str:
        self.actions += 1
        return "fait"


def test_a_trainer_action_is_refused_while_locked_even_called_directly(
    store: Store, session_code: str
) -> None:
    page = CounterPage(store, trainer_code=CODE)
    assert page.act() is None and page.actions == 0
    assert page.notice.level == "erreur" and REFUSED in page.notice.text
    assert page.gate.check(CODE)
    assert page.act() == "fait" and page.actions == 1


def test_a_trainer_action_without_a_gate_is_refused() -> None:
    class Orphan:
        _notice = Notice()

        @trainer_only()
        def act(self) -> str:
            return "fait"

    orphan = Orphan()
    assert orphan.act() is None and REFUSED in orphan._notice.text


def test_the_trainer_area_is_built_once_on_unlock(store: Store, session_code: str) -> None:
    page = CounterPage(store, trainer_code=CODE)
    assert page.trainer_area.content == () and not page.trainer_area.built
    page.gate.check(CODE)
    assert page.trainer_area.built and page.trainer_area.builds == 1
    assert page.trainer_area.open_area() and page.trainer_area.builds == 1
    page.apply_query({"session": session_code})  # same session: kept
    assert page.trainer_area.builds == 1
    store.create_session("AUTRE2", "Autre", actor=TRAINER)
    page.apply_query({"session": "AUTRE2"})  # another session: built again, for it
    assert page.trainer_area.builds == 2
    assert "AUTRE2" in page.trainer_area.content[0].value


def test_without_a_session_the_area_waits_for_one(store: Store) -> None:
    page = CounterPage(store, trainer_code=None)  # a trainee alone: open, but no session
    assert page.gate.unlocked and page.solo and not page.trainer_area.built
    store.create_session("LATE1", "Plus tard", actor=TRAINER)
    store.activate_session("LATE1", actor=TRAINER)
    assert page.rebind() and page.session_code == "LATE1" and page.trainer_area.built


def test_the_session_trait_is_observed(store: Store, session_code: str) -> None:
    page = CounterPage(store, trainer_code=CODE)
    seen: list[Any] = []
    page.observe(lambda change: seen.append(change["new"]), names="session")
    page.apply_query({"session": "NOPE9"})
    assert seen == [None] and "n'existe pas" in page.notice.text
    page.apply_query({})
    assert [s.code if s else None for s in seen] == [None, session_code]
    assert page.bound == [session_code, None, session_code]


def test_home_participant_and_diagnosis_group_are_traits(store: Store,
                                                         session_code: str) -> None:
    home = HomePage(store, trainer_code=CODE)
    registered: list[Any] = []
    home.observe(lambda change: registered.append(change["new"]), names="participant")
    assert home.registration is not None
    home.registration.fill("Zoé", "Médiatrice", "Évry")
    home.registration.submit()
    assert [p.pseudonym for p in registered] == ["Zoé"] and home.participant == registered[0]
    page = DiagnosisPage(store, {"groupe": "A"}, trainer_code=CODE)
    groups: list[str] = []
    page.observe(lambda change: groups.append(change["new"]), names="group")
    assert page.group == "A"
    assert page.group_field is not None
    page.group_field.value = "B"  # typed in the field…
    page.group = "C"  # …or set on the page
    assert groups == ["B", "C"] and page.group_field.value == "C"


def test_every_trainer_panel_refuses_with_a_locked_gate(store: Store, session_code: str) -> None:
    item = d.add_item(store, session_code, group="B", quadrant="atouts", texte="Un constat",
                      theme="Financements", source="parole d'habitant")
    locked = TrainerGate(CODE)
    moderation = AfomModeration(store, session_code, gate=locked)
    moderation.select(item.uid)
    moderation.click("validate")
    assert REFUSED in moderation.notice.text and store.get_record(item.uid).status != d.VALIDATED
    workbook = WorkbookPanel(store, session_code, locked)
    workbook.import_bytes(wb.to_json(store, session_code), "sauvegarde.json")
    assert REFUSED in workbook.notice.text
    admin = SessionAdmin(store, locked, on_change=lambda: None)
    store.add_participant(session_code, function="f", territory="t")
    admin.reset(confirmed=True)
    assert REFUSED in admin.notice.text and len(store.list_participants(session_code)) == 1
    admin.create("J1J2")
    assert REFUSED in admin.notice.text and store.get_session("J1J2") is None
    table = RoundTablePage(store, trainer_code=CODE, start=False)
    table.move(+1)
    assert rt.current_index(store, session_code, table.table) == 0
    table.ask("Qui finance ?")
    (uid,) = table.order
    table.cards[uid].click("answered")  # the button is hidden from participants; refused too
    assert REFUSED in table.ask_notice.text
    assert not rt.room_questions(store, session_code)[0].answered


PageFactory = Callable[[Store, Path], SessionPage]
PAGES: dict[str, PageFactory] = {
    "home": lambda s, _p: HomePage(s, trainer_code=CODE),
    "brainstorm": lambda s, _p: BrainstormPage(s, manche="difficultes", trainer_code=CODE),
    "diagnosis": lambda s, _p: DiagnosisPage(s, trainer_code=CODE),
    "visit": lambda s, _p: VisitPage(s, trainer_code=CODE),
    "introduction": lambda s, _p: IntroductionPage(s, trainer_code=CODE, start=False),
    "roundtable": lambda s, _p: RoundTablePage(s, trainer_code=CODE, start=False),
    "evaluation": lambda s, _p: EvaluationPage(s, trainer_code=CODE, start=False),
    "report": lambda s, p: ReportPage(s, trainer_code=CODE, out_dir=p),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_is_built_first_and_bound_on_arrival(store: Store, tmp_path: Path,
                                                       name: str) -> None:
    store.create_session("AVANT1", "Active", actor=TRAINER)
    store.activate_session("AVANT1", actor=TRAINER)
    store.create_session("APRES2", "Celle de l'adresse", actor=TRAINER)
    page = PAGES[name](store, tmp_path)  # in a preheated kernel: before anyone arrives
    assert page.session is not None and page.session.code == "AVANT1"
    page.gate.check(CODE)
    assert page.trainer_area.built
    page.apply_query({"session": "apres2", "groupe": "Groupe 2"})  # the visitor arrives
    assert page.session is not None and page.session.code == "APRES2"
    assert page.trainer_area.built and page.trainer_area.builds == 2  # rebuilt for APRES2
    if hasattr(page, "group"):
        assert page.group == "Groupe 2"
    page.apply_query({"session": "NULLE9"})
    assert page.session is None and "n'existe pas" in page.notice.text


def test_a_participant_page_loads_no_chart_until_the_trainer_unlocks(tmp_path: Path) -> None:
    """Built locked, the home loads neither pandas nor plotly nor the trainer's panels."""
    import subprocess
    import sys

    code = f"""
import sys
from companion.core.model import TRAINER
from companion.store import open_store
from companion.widgets.brainstorm.page import BrainstormPage
from companion.widgets.home.page import HomePage
store = open_store({str(tmp_path / "s.sqlite3")!r})
store.create_session("TEST1", "t", actor=TRAINER)
store.activate_session("TEST1", actor=TRAINER)
home = HomePage(store, trainer_code="X", start=False)
BrainstormPage(store, {{"groupe": "G"}}, trainer_code="X", start=False)
heavy = ("plotly", "companion.charts", "companion.widgets.home.participants",
         "companion.widgets.brainstorm.trainer_space")
print(sorted(m for m in heavy if m in sys.modules))
home.gate.check("X")
print("companion.widgets.home.participants" in sys.modules, "plotly" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout.splitlines()
    assert out == ["[]", "True True"]
