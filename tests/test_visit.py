"""Site-visit grid: assignments, observations, ratings, partners, consolidation, radar."""

from __future__ import annotations

import pytest

from companion.charts.diagnosis import radar_figure
from companion.content.course import course
from companion.core.errors import InputError
from companion.store import Store
from companion.visit import grid as v

NOTES_A = {"sociale": 5, "participative": 4, "développement économique": 3, "inclusion": 5}
NOTES_B = {"sociale": 3, "participative": 2, "développement économique": 3, "inclusion": 4}


def test_grid_has_the_eight_items_of_the_programme() -> None:
    assert len(course().visit_items) == 8
    assert course().visit_items[-1].id == "reseau_national"


def test_assignment_replaces_and_defaults_to_whole_grid(store: Store, session_code: str) -> None:
    assert len(v.items_for(store, session_code, "A")) == 8
    v.assign(store, session_code, "A", ["partenaires", "activites"])
    v.assign(store, session_code, "A", ["gouvernance", "activites"])
    assert [i.id for i in v.items_for(store, session_code, "A")] == ["activites", "gouvernance"]
    assert len(store.list_records(session_code, v.ASSIGNMENT)) == 1
    assert len(v.items_for(store, session_code, "B")) == 8
    assert "A" in [g.name for g in store.list_groups(session_code)]
    with pytest.raises(InputError, match="inconnu"):
        v.assign(store, session_code, "A", ["cuisine"])
    with pytest.raises(InputError, match="Sous-groupe"):
        v.assign(store, session_code, " ", ["activites"])


def test_bad_observations_and_ratings_are_refused(store: Store, session_code: str) -> None:
    with pytest.raises(InputError, match="inconnu"):
        v.add_observation(store, session_code, "A", "cuisine", "texte")
    with pytest.raises(InputError, match="Observation"):
        v.add_observation(store, session_code, "A", "activites", "   ")
    with pytest.raises(InputError, match="« sociale » : la note doit être un entier de 1 à 5"):
        v.rate(store, session_code, "A", {**NOTES_A, "sociale": 9})
    with pytest.raises(InputError, match="inclusion"):
        v.rate(store, session_code, "A", {k: 3 for k in list(NOTES_A)[:3]})
    with pytest.raises(InputError, match="Dimension inconnue"):
        v.rate(store, session_code, "A", {**NOTES_A, "écologique": 3})
    with pytest.raises(InputError, match="Nom du partenaire"):
        v.add_partner(store, session_code, "A", "")
    assert v.consolidate(store, session_code).observations.empty


def test_rating_of_a_subgroup_is_replaced(store: Store, session_code: str) -> None:
    v.rate(store, session_code, "A", NOTES_B)
    v.rate(store, session_code, "A", NOTES_A, "Forte ambition sociale")
    (record,) = store.list_records(session_code, v.RATING)
    assert record.get("notes") == NOTES_A and record.version == 2


def test_consolidation_across_subgroups(store: Store, session_code: str) -> None:
    v.add_observation(store, session_code, "A", "activites", "Espaces verts, médiation")
    v.add_observation(store, session_code, "A", "activites", "Lien social")
    v.add_observation(store, session_code, "B", "gouvernance", "<b>Collège habitants</b>")
    v.rate(store, session_code, "A", NOTES_A, "Ambitieux")
    v.rate(store, session_code, "B", NOTES_B)
    v.add_partner(store, session_code, "A", "Plaine Commune Habitat", "bailleur")
    v.add_partner(store, session_code, "B", "plaine commune  habitat")
    v.add_partner(store, session_code, "B", "CNLRQ", role="réseau national")
    debrief = v.consolidate(store, session_code)
    assert len(debrief.observations) == 3
    title = course().visit_items[1].title
    assert debrief.coverage.loc[title, "A"] == 2 and debrief.coverage.loc[title, "B"] == 0
    means = debrief.means.set_index("dimension")
    assert means.loc["sociale", "moyenne"] == 4.0 and means.loc["inclusion", "moyenne"] == 4.5
    assert means.loc["participative", "nb_sous_groupes"] == 2
    assert list(debrief.partners["nom"]) == ["CNLRQ", "Plaine Commune Habitat"]
    assert debrief.partners.loc[1, "sous_groupes"] == "A, B"
    assert debrief.partners.loc[1, "categorie"] == "bailleur"
    assert list(debrief.comments["commentaire"]) == ["Ambitieux"]
    radar = radar_figure(debrief.ratings, ("sociale", "participative",
                                           "développement économique", "inclusion")).to_dict()
    assert [t["name"] for t in radar["data"]] == ["A", "B", "Moyenne des sous-groupes"]
    assert radar["data"][-1]["r"] == [4.0, 3.0, 3.0, 4.5, 4.0]  # closed polygon


def test_empty_debrief_is_well_formed(store: Store, session_code: str) -> None:
    debrief = v.consolidate(store, session_code)
    assert debrief.ratings.empty and debrief.partners.empty
    assert list(debrief.means["nb_sous_groupes"]) == [0, 0, 0, 0]
    assert radar_figure(debrief.ratings, ("a", "b")).to_dict()["data"] == []
