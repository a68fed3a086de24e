"""Store contract of the diagnosis and visit records, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from companion.core.errors import InputError
from companion.core.model import TRAINER
from companion.diagnosis import afom as d
from companion.diagnosis import needs as n
from companion.diagnosis import stakeholders as s
from companion.report import territory as workbook
from companion.store import Store
from companion.visit import grid as v

HOSTILE = "'; DROP TABLE records; -- <script>alert(1)</script> 🌍 עברית"


@pytest.fixture
def session(any_store: Store) -> str:
    any_store.create_session("DIAG1", "Diagnostic", actor=TRAINER)
    return "DIAG1"


def test_afom_records_round_trip(any_store: Store, session: str) -> None:
    a = d.add_item(any_store, session, group="A", quadrant="atouts", texte=HOSTILE,
                   theme="Jeunesse", source="observation de terrain", reference=HOSTILE)
    b = d.add_item(any_store, session, group="B", quadrant="atouts", texte="Doublon",
                   theme="Jeunesse", source="observation de terrain")
    d.vote(any_store, session, a.uid, "p1")
    d.vote(any_store, session, b.uid, "p2")
    d.merge_items(any_store, a.uid, [b.uid])
    d.set_status(any_store, a.uid, True)
    d.edit_item(any_store, a.uid, priorite=2)
    stored = any_store.get_record(a.uid)
    assert stored.get("texte") == HOSTILE and stored.get("reference") == HOSTILE
    assert stored.status == d.VALIDATED and stored.get("fusion_de") == [b.uid]
    assert any_store.get_record(b.uid).merged_into == a.uid
    assert [r.group for r in any_store.list_records(session, d.AFOM, group="B")] == ["B"]
    (item,) = d.items(any_store, session)
    assert (item.votes, item.priority, item.edited) == (2, 2, True)
    with pytest.raises(InputError):
        d.edit_item(any_store, a.uid, texte="x", expected_version=1)
    trail = [e.action for e in any_store.audit_trail(session)]
    assert f"modifier {d.AFOM}" in trail


def test_stakeholder_need_and_visit_records(any_store: Store, session: str) -> None:
    s.add_actor(any_store, session, nom=HOSTILE, categorie="Bailleurs", pouvoir=4, interet=2,
                roles={"Mise en œuvre": "co-portage"}, group="A")
    n.add_need(any_store, session, besoin=HOSTILE, modele="marché", group="A")
    v.assign(any_store, session, "A", ["activites"])
    v.add_observation(any_store, session, "A", "activites", HOSTILE)
    v.rate(any_store, session, "A", {"sociale": 5, "participative": 4,
                                     "développement économique": 3, "inclusion": 2})
    v.add_partner(any_store, session, "A", HOSTILE)
    frame = s.actors_frame(s.actors(any_store, session))
    assert frame.loc[0, "nom"] == HOSTILE and frame.loc[0, "Mise en œuvre"] == "co-portage"
    assert n.needs(any_store, session)[0].get("besoin") == HOSTILE
    debrief = v.consolidate(any_store, session)
    assert debrief.observations.loc[0, "observation"] == HOSTILE
    assert debrief.partners.loc[0, "nom"] == HOSTILE
    assert v.assignments(any_store, session) == {"A": ("activites",)}


def test_export_import_between_sessions(any_store: Store, session: str) -> None:
    a = d.add_item(any_store, session, group="A", quadrant="menaces", texte="=1+1",
                   theme="Financements", source="acteur institutionnel")
    d.vote(any_store, session, a.uid, "p1")
    s.add_actor(any_store, session, nom="Ville", categorie="Collectivité", pouvoir=5, interet=5)
    any_store.create_session("DIAG2", "Copie", actor=TRAINER)
    content = workbook.to_xlsx(any_store, session)
    report = workbook.import_file(any_store, "DIAG2", content, "x.xlsx")
    assert (report.added, report.skipped) == (3, 0)
    (item,) = d.items(any_store, "DIAG2")
    assert (item.text, item.votes, item.group) == ("=1+1", 1, "A")
