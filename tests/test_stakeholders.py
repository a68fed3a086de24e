"""Stakeholder map: Mendelow quadrants, bad input, absent categories, co-construction matrix,
and the chart with the four quadrants named in French."""

from __future__ import annotations

import pytest

from companion.charts.diagnosis import mendelow_figure
from companion.core.errors import InputError
from companion.diagnosis import stakeholders as s
from companion.store import Store

HOSTILE = "=HYPERLINK(\"http://x\")<script>alert(1)</script>"


@pytest.mark.parametrize(("power", "interest", "quadrant"), [
    (1, 1, "surveiller"), (2, 2, "surveiller"), (1, 5, "tenir informé"), (2, 3, "tenir informé"),
    (5, 1, "satisfaire"), (3, 2, "satisfaire"), (3, 3, "associer étroitement"),
    (5, 5, "associer étroitement"),
])
def test_mendelow_quadrants(power: int, interest: int, quadrant: str) -> None:
    assert s.mendelow(power, interest) == quadrant


@pytest.mark.parametrize("value", [9, 0, -1, 6, "9", "trois", "", None, 3.5, True])
def test_power_out_of_range_is_refused_in_french(value: object) -> None:
    with pytest.raises(InputError, match="Pouvoir / influence doit être un nombre entier de 1 à 5"):
        s.check_level(value, "Pouvoir / influence")


@pytest.mark.parametrize("value", [1, "4", 5.0, " 2 "])
def test_levels_accept_integers_as_typed(value: object) -> None:
    assert s.check_level(value, "Intérêt") == int(float(str(value).strip()))


def test_bad_actors_are_refused_and_nothing_is_written(store: Store, session_code: str) -> None:
    attempts = [
        ({"nom": "Mairie", "categorie": "Collectivité", "pouvoir": 9, "interet": 3}, "Pouvoir"),
        ({"nom": "  ", "categorie": "Collectivité", "pouvoir": 3, "interet": 3}, "Nom"),
        ({"nom": "X", "categorie": "Extraterrestres", "pouvoir": 3, "interet": 3},
         "Catégorie : « Extraterrestres » n'est pas dans la liste"),
        ({"nom": "X", "categorie": "État", "pouvoir": 3, "interet": 3, "attitude": "hostile"},
         "Attitude"),
        ({"nom": "X", "categorie": "État", "pouvoir": 3, "interet": 3,
          "roles": {"Étape inconnue": "consulté"}}, "Rôle"),
    ]
    for fields, message in attempts:
        with pytest.raises(InputError, match=message):
            s.add_actor(store, session_code, **fields)
    assert s.actors(store, session_code) == []


def test_hostile_text_is_kept_as_typed(store: Store, session_code: str) -> None:
    record = s.add_actor(store, session_code, nom=HOSTILE, categorie="associations",
                         pouvoir="2", interet=5, liens=HOSTILE)
    assert record.get("nom") == HOSTILE and record.get("categorie") == "Associations"
    assert record.get("attitude") == "inconnue"


def test_absent_categories_matrix_and_counts(store: Store, session_code: str) -> None:
    s.add_actor(store, session_code, nom="Ville", categorie="Collectivité", pouvoir=5,
                interet=4, roles={"Diagnostic": "concertation", "Évaluation": "co-décision"})
    s.add_actor(store, session_code, nom="Amicale des locataires", categorie="Habitants",
                pouvoir=1, interet=5, group="B")
    frame = s.actors_frame(s.actors(store, session_code))
    absent = s.absent_categories(frame)
    assert "Collectivité" not in absent and "Habitants" not in absent
    assert absent == ["Bailleurs", "Associations", "Partenaires économiques", "Emploi-formation",
                      "Développement local", "État"]
    assert s.quadrant_counts(frame) == {"associer étroitement": 1, "satisfaire": 0,
                                        "tenir informé": 1, "surveiller": 0}
    matrix = s.coconstruction_matrix(frame)
    assert matrix.loc["Ville", "Diagnostic"] == "concertation"
    assert matrix.loc["Ville", "Évaluation"] == "co-décision"
    assert matrix.loc["Amicale des locataires", "Mise en œuvre"] == ""


def test_update_actor_validates_like_a_new_one(store: Store, session_code: str) -> None:
    uid = s.add_actor(store, session_code, nom="CAF", categorie="État", pouvoir=4,
                      interet=2).uid
    s.update_actor(store, uid, interet=5)
    assert store.get_record(uid).get("interet") == 5
    with pytest.raises(InputError):
        s.update_actor(store, uid, pouvoir=9)
    assert store.get_record(uid).get("pouvoir") == 4


def test_chart_names_the_four_quadrants_and_escapes_names(store: Store, session_code: str) -> None:
    s.add_actor(store, session_code, nom="<b>Bailleur</b>", categorie="Bailleurs", pouvoir=5,
                interet=5)
    s.add_actor(store, session_code, nom="Régie", categorie="Associations", pouvoir=5,
                interet=5)
    figure = mendelow_figure(s.actors_frame(s.actors(store, session_code))).to_dict()
    labels = " ".join(a["text"] for a in figure["layout"]["annotations"])
    for name in ("surveiller", "tenir informé", "satisfaire", "associer étroitement"):
        assert name in labels
    names = [t for trace in figure["data"] for t in trace["text"]]
    assert "&lt;b&gt;Bailleur&lt;/b&gt;" in names and "<b>" not in "".join(names)
    xs = [x for trace in figure["data"] for x in trace["x"]]
    assert len(set(xs)) == 2  # same scores: the two points are spread apart
    assert figure["layout"]["xaxis"]["title"]["text"].startswith("Intérêt")
