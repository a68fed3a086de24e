"""AFOM grid logic: validation, votes, trainer moderation with provenance, projector views,
and the diagnosis content file."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.charts.diagnosis import afom_figure
from companion.content.diagnosis import diagnostic_content, load_diagnostic
from companion.core.errors import ContentError, InputError
from companion.core.model import TRAINER
from companion.diagnosis import afom as d
from companion.diagnosis.views import afom_grid_html
from companion.store import Store

HOSTILE = "<img src=x onerror=alert(1)>"
STAT, HABITANT = "donnée statistique", "parole d'habitant"


def _item(store: Store, session: str, text: str = "Tissu associatif dense", *,
          quadrant: str = "atouts", group: str = "A") -> str:
    return d.add_item(store, session, group=group, quadrant=quadrant, texte=text,
                      theme="Cohésion sociale", source=HABITANT).uid


@pytest.mark.parametrize("given",
                         ["Opportunités", "opportunites", " OPPORTUNITES ", "opportunités"])
def test_quadrant_accepts_label_or_id(given: str) -> None:
    assert d.quadrant_id(given) == "opportunites"


@pytest.mark.parametrize(("fields", "message"), [
    ({"quadrant": "forces", "texte": "x", "theme": "Jeunesse", "source": STAT}, "Case AFOM"),
    ({"quadrant": "menaces", "texte": "  ", "theme": "Jeunesse", "source": STAT}, "Constat"),
    ({"quadrant": "menaces", "texte": "x", "theme": "Inconnu", "source": STAT}, "Thème"),
    ({"quadrant": "menaces", "texte": "x", "theme": "Jeunesse", "source": "rumeur"}, "source"),
    ({"quadrant": "menaces", "texte": "x", "theme": "Jeunesse", "source": STAT, "priorite": 7},
     "priorité"),
])
def test_bad_items_are_refused_in_french(fields: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        d.clean_item(fields)


def test_item_is_stored_with_quadrant_source_reference_group_and_status(
        store: Store, session_code: str) -> None:
    record = d.add_item(store, session_code, group="B", quadrant="Menaces",
                        texte=HOSTILE, theme="jeunesse", source="DONNÉE STATISTIQUE",
                        reference="Insee RP 2020")
    assert record.status == d.PROPOSED and record.group == "B"
    assert dict(record.data) == {
        "quadrant": "menaces", "texte": HOSTILE, "theme": "Jeunesse", "source": STAT,
        "reference": "Insee RP 2020", "priorite": 0, "fusion_de": [], "historique": []}


def test_votes_count_distinct_voters_and_follow_merges(store: Store, session_code: str) -> None:
    a, b = _item(store, session_code), _item(store, session_code, "Associations actives")
    d.vote(store, session_code, a, "p1")
    d.vote(store, session_code, b, "p2")
    with pytest.raises(InputError, match="déjà voté"):
        d.vote(store, session_code, a, "p1")
    d.merge_items(store, a, [b])
    with pytest.raises(InputError, match="déjà voté"):  # p2 voted for b, now part of a
        d.vote(store, session_code, b, "p2")
    (only,) = d.items(store, session_code)
    assert (only.uid, only.votes, only.merged_from) == (a, 2, (b,))


def test_merge_keeps_provenance_and_refuses_nonsense(store: Store, session_code: str) -> None:
    a, b, c = (_item(store, session_code, t) for t in ("un", "deux", "trois"))
    d.merge_items(store, b, [c])
    d.merge_items(store, a, [b])
    assert store.get_record(c).merged_into == a  # earlier merges follow the new target
    assert store.get_record(a).get("fusion_de") == [b]
    with pytest.raises(InputError):
        d.merge_items(store, a, [a])
    with pytest.raises(InputError, match="fusionné"):
        d.edit_item(store, b, texte="nouveau")


def test_edit_keeps_the_original_text_and_refuses_a_stale_edit(
        store: Store, session_code: str) -> None:
    uid = _item(store, session_code, "Texte d'origine")
    version = store.get_record(uid).version
    d.edit_item(store, uid, texte="Texte reformulé", priorite=1, expected_version=version)
    record = store.get_record(uid)
    assert record.get("texte") == "Texte reformulé" and record.get("priorite") == 1
    (entry,) = record.get("historique")
    assert entry["texte"] == "Texte d'origine" and entry["par"] == TRAINER
    with pytest.raises(InputError, match="modifié entre-temps"):
        d.edit_item(store, uid, texte="Encore", expected_version=version)
    assert d.items(store, session_code)[0].edited


def test_validate_hide_and_order(store: Store, session_code: str) -> None:
    low, high = _item(store, session_code, "bas"), _item(store, session_code, "haut")
    hidden = _item(store, session_code, "caché")
    d.set_status(store, high, True)
    d.hide_item(store, hidden)
    grid = d.items(store, session_code)
    assert [i.text for i in d.by_quadrant(grid)["atouts"]] == ["haut", "bas"]
    frame = d.items_frame(grid)
    assert list(frame["uid"]) == [low, high]
    assert list(frame["statut"]) == ["proposé", "validé en plénière"]


def test_promoting_an_idea_keeps_its_origin_once(store: Store, session_code: str) -> None:
    idea = store.add_record(session_code, "idea", {"text": "Manque de locaux"}, group="C",
                            author="Alice")
    record = d.promote_idea(store, session_code, idea, quadrant="faiblesses",
                            theme="Financements", source="observation de terrain")
    assert (record.get("origine"), record.get("origine_type")) == (idea.uid, "idea")
    assert (record.get("texte"), record.group, record.author) == ("Manque de locaux", "C", "Alice")
    with pytest.raises(InputError, match="déjà dans la grille"):
        d.promote_idea(store, session_code, idea, quadrant="menaces", theme="Financements",
                       source=STAT)
    empty = store.add_record(session_code, "idea", {"text": " "})
    with pytest.raises(InputError, match="pas de texte"):
        d.promote_idea(store, session_code, empty, quadrant="menaces", theme="Financements",
                       source=STAT)


def test_projector_views_escape_user_text(store: Store, session_code: str) -> None:
    _item(store, session_code, HOSTILE, quadrant="menaces")
    grid = d.items(store, session_code)
    html = afom_grid_html(grid)
    assert "<img" not in html and "&lt;img src=x" in html
    assert all(f"cp-afom-{q}" in html for q in d.QUADRANTS)
    figure = afom_figure(grid).to_dict()
    texts = " ".join(a["text"] for a in figure["layout"]["annotations"])
    assert "<img" not in texts and "&lt;img" in texts
    for label in ("Atouts", "Faiblesses", "Opportunités", "Menaces"):
        assert label in texts


def test_default_content_lists() -> None:
    content = diagnostic_content()
    assert len(content.sources) == 5 and d.IDEA_SOURCE in content.sources
    assert "parole d'habitant" in content.sources
    assert "Bailleurs" in content.categories and "État" in content.categories
    assert content.dimensions == ("sociale", "participative", "développement économique",
                                  "inclusion")


@pytest.mark.parametrize(("text", "problem"), [
    ("[afom]\nthemes=['a']\nsources=['b']\n", "section [acteurs] manque"),
    ("[afom]\nthemes=['a','A']\nsources=['b']\n[acteurs]\n[besoins]\n[visite]\n", "deux fois"),
    ("[afom]\nthemes=[]\nsources=['b']\n[acteurs]\n[besoins]\n[visite]\n", "vide"),
    ("[afom\n", "mal formé"),
])
def test_bad_content_file_names_file_and_entry(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "diagnostic.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=r"diagnostic\.toml") as error:
        load_diagnostic(path)
    assert problem in str(error.value)
