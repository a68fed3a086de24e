"""Course content as data: the shipped files load, and broken ones give French errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.content.course import load_course, load_programme
from companion.core.errors import ContentError

ROOT = Path(__file__).resolve().parent.parent


def test_programme_has_both_days_and_seven_objectives() -> None:
    programme = load_programme()
    assert len(programme.objectives) == 7
    assert {s.day for s in programme.sequences} == {1, 2}
    titles = " ".join(s.title for s in programme.sequences)
    for expected in (
        "brise-glace",
        "Remue-méninges » 1",
        "Remue-méninges » 2",
        "Visite de site",
        "Table ronde",
        "Bilan et évaluation",
    ):
        assert expected in titles


def test_every_sequence_except_breaks_has_an_existing_notebook_or_is_listed() -> None:
    programme = load_programme()
    for sequence in programme.sequences:
        if sequence.kind == "pause":
            continue
        assert sequence.notebooks, sequence.title


def test_course_has_the_seven_themes_and_eight_visit_items() -> None:
    course = load_course()
    assert len(course.round("difficultes").themes) == 7
    assert "Participation des habitants" in course.round("difficultes").themes
    assert course.round("leviers").linked_to == "difficultes"
    assert len(course.visit_items) == 8


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "programme.toml"
    path.write_text(text, encoding="utf-8")
    return path


HEADER = 'titre = "T"\nobjectifs = ["a", "b"]\n'


def test_missing_field_names_file_and_entry(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        HEADER + '[[sequence]]\njour = 1\ndebut = "09:00"\ntitre = "Accueil"\ntype = "accueil"\n',
    )
    with pytest.raises(ContentError) as caught:
        load_programme(path)
    message = str(caught.value)
    assert "programme.toml" in message and "séquence n° 1" in message
    assert "« Accueil »" in message and "« fin » manque" in message


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ('jour = 3\ndebut = "09:00"\nfin = "10:00"\ntitre = "X"\ntype = "accueil"', "1 ou 2"),
        ('jour = 1\ndebut = "9h"\nfin = "10:00"\ntitre = "X"\ntype = "accueil"', "HH:MM"),
        ('jour = 1\ndebut = "10:00"\nfin = "09:00"\ntitre = "X"\ntype = "accueil"', "fin"),
        ('jour = 1\ndebut = "09:00"\nfin = "10:00"\ntitre = "X"\ntype = "fete"', "inconnu"),
        ('jour = 1\ndebut = "09:00"\nfin = "10:00"\ntitre = ""\ntype = "accueil"', "vide"),
        (
            'jour = 1\ndebut = "09:00"\nfin = "10:00"\ntitre = "X"\ntype = "accueil"\n'
            "objectifs = [9]",
            "numéros",
        ),
    ],
)
def test_wrong_values_are_named(tmp_path: Path, body: str, problem: str) -> None:
    with pytest.raises(ContentError, match=problem):
        load_programme(_write(tmp_path, HEADER + "[[sequence]]\n" + body + "\n"))


def test_malformed_toml_and_missing_file_are_french_errors(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="mal formé"):
        load_programme(_write(tmp_path, "titre = \n"))
    with pytest.raises(ContentError, match="introuvable"):
        load_programme(tmp_path / "absent.toml")


def test_round_linked_to_unknown_round_is_refused(tmp_path: Path) -> None:
    source = (ROOT / "data" / "cours.toml").read_text(encoding="utf-8")
    broken = tmp_path / "cours.toml"
    broken.write_text(
        source.replace('relie_a = "difficultes"', 'relie_a = "inconnue"'), encoding="utf-8"
    )
    with pytest.raises(ContentError, match="inconnue"):
        load_course(broken)
