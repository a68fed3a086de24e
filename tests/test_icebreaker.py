"""Icebreaker and expectations: validation, storage and the trainer's summaries."""

from __future__ import annotations

import pytest

from companion.core.errors import InputError
from companion.home import icebreaker as ice
from companion.store import Store


def test_registration_is_stored_with_an_optional_pseudonym(store: Store, session_code: str) -> None:
    anonymous = ice.register(store, session_code, function=" Élue ", territory="Saint-Denis")
    assert anonymous.pseudonym == "" and anonymous.display_name == "Anonyme"
    assert anonymous.function == "Élue"
    assert [p.id for p in store.list_participants(session_code)] == [anonymous.id]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"function": "", "territory": "x"}, "Fonction"),
        ({"function": "   ", "territory": "x"}, "Fonction"),
        ({"function": "x", "territory": ""}, "Territoire"),
        ({"function": "x", "territory": "y", "pseudonym": "p" * 2000}, "trop long"),
    ],
)
def test_bad_registrations_are_refused_in_french_and_nothing_is_stored(
    store: Store, session_code: str, fields: dict[str, str], message: str
) -> None:
    with pytest.raises(InputError, match=message):
        ice.register(store, session_code, **fields)
    assert store.list_participants(session_code) == []


def test_hostile_and_unusual_text_is_stored_as_typed(store: Store, session_code: str) -> None:
    person = ice.register(
        store,
        session_code,
        pseudonym="<img src=x onerror=alert(1)>",
        function="<script>x</script>",
        territory="עברית 🌍 Saint-Ouen",
    )
    stored = store.list_participants(session_code)[0]
    assert stored == person
    assert stored.pseudonym == "<img src=x onerror=alert(1)>"
    assert stored.territory == "עברית 🌍 Saint-Ouen"


def test_control_characters_are_removed(store: Store, session_code: str) -> None:
    person = ice.register(store, session_code, function="Élue\x00\x1b[31m", territory="x")
    assert person.function == "Élue[31m"


def test_expectations_are_linked_to_the_participant(store: Store, session_code: str) -> None:
    person = ice.register(store, session_code, pseudonym="Zoé", function="f", territory="t")
    record = ice.add_expectation(store, session_code, "  Comprendre l'ESS  ", participant=person)
    assert record.data["text"] == "Comprendre l'ESS"
    assert record.participant_id == person.id and record.author == "Zoé"
    with pytest.raises(InputError, match="vide"):
        ice.add_expectation(store, session_code, "   ")
    assert [r.uid for r in ice.expectations(store, session_code)] == [record.uid]


def test_counts_group_spellings_and_sort_largest_first(store: Store, session_code: str) -> None:
    for function in ("Élue", "élue ", "Agent", "ÉLUE"):
        ice.register(store, session_code, function=function, territory="Bobigny")
    frame = ice.participants_frame(store.list_participants(session_code))
    counts = ice.counts_by(frame, "fonction")
    assert counts.to_dict("records") == [
        {"fonction": "Élue", "effectif": 3},
        {"fonction": "Agent", "effectif": 1},
    ]
    assert ice.counts_by(ice.participants_frame([]), "fonction").empty


def test_expectation_words_use_the_cloud_rules(store: Store, session_code: str) -> None:
    for text in ("Réseau", "reseau", "Monter une Régie de quartier"):
        ice.add_expectation(store, session_code, text)
    words = dict(ice.expectation_words(ice.expectations(store, session_code)))
    assert words == {"réseau": 2, "monter une régie de quartier": 1}
