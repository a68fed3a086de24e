"""Diagnosis and visit pages, headless: fill fields, click, check the page and the store."""

from __future__ import annotations

from pathlib import Path

from companion.diagnosis import afom as d
from companion.diagnosis import stakeholders as s
from companion.report import territory as wb
from companion.store import Store
from companion.visit import grid as v
from companion.widgets.diagnosis.page import DiagnosisPage
from companion.widgets.visit import VisitPage
from tests.drivers.diagnosis import (
    DebriefDriver,
    VisitFormDriver,
    actors_matrix_html,
    afom_grid_html,
    export_link_html,
    territory_figures_html,
)

HOSTILE = "<img src=x onerror=alert(1)>"
REFERENCE = Path(__file__).parent / "data" / "reference"


def test_two_subgroups_and_the_trainer_share_the_grid(store: Store, session_code: str) -> None:
    a = DiagnosisPage(store, {"groupe": "A"}, trainer_code="CODE")
    b = DiagnosisPage(store, {"session": session_code, "groupe": "B"}, trainer_code="CODE")
    trainer = DiagnosisPage(store, {}, trainer_code="CODE")
    assert a.moderation is None and not a.gate.unlocked
    a.afom_form.fill("Atouts", HOSTILE, source="parole d'habitant", reference="Conseil citoyen")
    a.afom_form.submit()
    b.afom_form.fill("menaces", "Fin d'un financement", theme="Financements")
    b.afom_form.submit()
    assert "Menaces" in b.afom_form.notice.text
    assert trainer.poller.poll_once()  # the trainer's page sees the change and refreshes
    view = afom_grid_html(trainer.afom_board)
    assert "&lt;img src=x" in view and "<img" not in view and "Fin d&#x27;un financement" in view
    assert {i.group for i in trainer.afom_board.grid} == {"A", "B"}
    assert trainer.gate.check("CODE") and trainer.moderation is not None
    uid = next(i.uid for i in trainer.afom_board.grid if i.group == "A")
    trainer.moderation.select(uid)
    trainer.moderation.click("validate")
    assert store.get_record(uid).status == d.VALIDATED
    trainer.moderation.edit(text="Conseil citoyen actif", priority=1)
    assert store.get_record(uid).get("historique")[0]["texte"] == HOSTILE
    # only items of the target's card can be merged into it (an Atout here)
    other = d.add_item(store, session_code, group="B", quadrant="atouts", texte="Doublon",
                       theme="Cohésion sociale", source="parole d'habitant").uid
    trainer.moderation.refresh()
    trainer.moderation.merge(uid, [other])
    assert "1 constat(s) fusionné(s)" in trainer.moderation.notice.text
    a.refresh()
    assert [i.uid for i in a.afom_board.grid if i.quadrant == "atouts"] == [uid]
    assert store.get_record(other).merged_into == uid
    a.afom_board.vote_for(uid)
    a.afom_board.vote_for(uid)
    assert "déjà voté" in a.afom_board.notice.text
    assert d.items(store, session_code)[0].votes == 1


def test_missing_subgroup_and_bad_actor_give_french_notices(store: Store,
                                                            session_code: str) -> None:
    page = DiagnosisPage(store, {}, trainer_code="CODE")
    page.afom_form.fill("atouts", "Un constat")
    page.afom_form.submit()
    assert page.afom_form.notice.level == "erreur" and "sous-groupe" in page.afom_form.notice.text
    page.group = "C"
    assert page.group_field is not None and page.group_field.value == "C"
    page.actor_form.fill("", "Bailleurs")
    page.actor_form.submit()
    assert "Nom de l'acteur" in page.actor_form.notice.text
    page.actor_form.fill(HOSTILE, "Bailleurs", 5, 1, roles={"Diagnostic": "consulté"})
    page.actor_form.submit()
    assert "satisfaire" in page.actor_form.notice.text
    page.need_form.fill(besoin="Mobilité", modele="mixte")
    page.need_form.submit()
    page.refresh()
    assert "Habitants" in page.actor_board.absent and "Bailleurs" not in page.actor_board.absent
    matrix = actors_matrix_html(page.actor_board)
    assert "<img" not in matrix and "&lt;img" in matrix
    assert [row["besoin"] for row in page.need_board.rows] == ["Mobilité"]
    assert s.actors(store, session_code)[0].group == "C"
    assert d.items(store, session_code) == []


def test_solo_trainee_gets_a_personal_session_and_exports(store: Store) -> None:
    page = DiagnosisPage(store, {}, trainer_code=None)
    assert page.solo and page.personal and page.gate.unlocked
    assert page.session is not None and page.session.code == "TERRITOIRE"
    assert page.workbook is not None and page.group == "Mon territoire"
    page.afom_form.fill("opportunites", "Appel à projets QPV", source="acteur institutionnel")
    page.afom_form.submit()
    content = page.workbook.export("xlsx")
    assert content[:2] == b"PK" and "cp-export-download" in export_link_html(page.workbook)
    page.workbook.import_bytes(content[:300], "abime.xlsx")
    assert page.workbook.notice.level == "erreur" and "abîmé" in page.workbook.notice.text
    page.workbook.import_bytes(page.workbook.export("json"), "sauvegarde.json")
    assert "0 élément(s) ajouté(s), 1 déjà présent(s)" in page.workbook.notice.text
    assert len(d.items(store, "TERRITOIRE")) == 1


def test_no_session_with_a_trainer_code_says_so(store: Store) -> None:
    page = DiagnosisPage(store, {}, trainer_code="CODE")
    assert page.session is None and "Aucune session" in page.notice.text
    visit = VisitPage(store, {"session": "ABSENTE"}, trainer_code="CODE")
    assert visit.session is None and "n'existe pas" in visit.notice.text


def test_territory_tab_shows_figures_with_vintage_and_source(store: Store,
                                                             session_code: str) -> None:
    page = DiagnosisPage(store, {"groupe": "A"}, trainer_code="CODE")
    panel = page.territory
    panel.load(b"%PDF-1.4 ...", "rapport.csv")
    assert panel.notice.level == "erreur" and "rapport.csv" in panel.notice.text
    for name in ("DEMO_2022.csv", "REVN_2022.csv", "IPRO_2022.csv"):
        panel.load((REFERENCE / name).read_bytes(), name)
    panel.show("QP093005")
    assert panel.profile is not None and not panel.profile.empty
    html = territory_figures_html(panel)
    assert "2022" in html and "Insee" in html and "Taux de pauvreté" in html
    panel.show("Nulle part")
    assert panel.notice.level == "erreur"


def test_territory_tab_works_out_of_the_box_on_the_shipped_extract(
    store: Store, session_code: str
) -> None:
    page = DiagnosisPage(store, {"groupe": "A"}, trainer_code="CODE")
    panel = page.territory
    panel.show("Quartiers La Muette - Village Parisien")  # by name, no file loaded
    assert panel.profile is not None and not panel.profile.empty
    population = panel.profile.set_index("indicateur").loc["population_qpv", "valeur"]
    assert population == 5074  # DEMO_2022, QP093005, written « 5 074 » with U+202F
    assert "exemple" in panel.notice.text and "2022" in panel.notice.text
    # Loading one's own file replaces the example.
    panel.load((REFERENCE / "DEMO_2022.csv").read_bytes(), "DEMO_2022.csv")
    assert list(panel.tables) == ["DEMO_2022.csv"]


def test_visit_subgroups_fill_and_trainer_consolidates(store: Store, session_code: str) -> None:
    trainer = VisitPage(store, {}, trainer_code="CODE")
    trainer.gate.check("CODE")
    assert trainer.debrief is not None
    trainer.debrief.assign("A", ["activites", "partenaires"])
    a = VisitPage(store, {"groupe": "A"}, trainer_code="CODE")
    b = VisitPage(store, {"groupe": "B"}, trainer_code="CODE")
    assert VisitFormDriver(a.form).item_ids() == ["activites", "partenaires"]
    assert VisitFormDriver(a.form).item_chosen() == "activites"  # first item, ready to type
    assert len(VisitFormDriver(b.form).item_ids()) == 8
    a.form.observe_item("activites", HOSTILE)
    b.form.observe_item("gouvernance", "Collège des habitants majoritaire")
    a.form.rate({"sociale": 5, "inclusion": 4}, "Très inclusive")
    b.form.rate({"sociale": 3})
    a.form.add_partner("Plaine Commune Habitat", "bailleur")
    b.form.add_partner("plaine commune habitat")
    b.form.observe_item("gouvernance", " ")
    assert b.form.notice.level == "erreur"
    assert trainer.poller.poll_once()
    debrief = trainer.debrief.debrief
    assert len(debrief.observations) == 2 and len(debrief.partners) == 1
    assert debrief.means.set_index("dimension").loc["sociale", "moyenne"] == 4.0
    shown = DebriefDriver(trainer.debrief)
    assert "<img" not in shown.observations_html()
    assert "A, B" in shown.partners_html()
    assert len(shown.radar().figure.data) == 3
    assert v.assignments(store, session_code) == {"A": ("activites", "partenaires")}
    assert len(wb.records(store, session_code)) == 7
