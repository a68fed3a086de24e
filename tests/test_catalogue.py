"""The indicator catalogue (data/indicators.toml) and the comparison with targets."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from companion.core.errors import ContentError, DataError
from companion.core.numbers import format_number
from companion.indicators import economics
from companion.indicators.catalogue import (
    FAMILIES,
    Indicator,
    by_family,
    indicator,
    load_catalogue,
)
from companion.indicators.objectives import Target, compare_to_targets, status
from companion.owndata.sample import load_sample

ENTRY = """
[[indicator]]
id = "{id}"
label = "Taux"
definition = "Définition."
formula = "a / b × 100"
unit = "%"
source = "Source"
millesime = "2024"
family = "{family}"
zero_denominator = "—"
"""


def test_every_family_and_required_field() -> None:
    catalogue = load_catalogue()
    assert {i.family for i in catalogue.values()} == set(FAMILIES)
    assert len(catalogue) >= 40
    for ident, entry in catalogue.items():
        assert ident == entry.id
        for field in ("label", "definition", "formula", "unit", "source", "millesime",
                      "zero_denominator"):
            assert getattr(entry, field).strip(), (ident, field)


def test_the_domain_list_is_covered() -> None:
    catalogue = load_catalogue()
    for ident in ("sortants", "taux_sorties_dynamiques", "taux_sorties_durables",
                  "taux_sorties_transition", "taux_sorties_positives", "etp_insertion",
                  "chiffre_affaires", "taux_autofinancement", "concentration_clients",
                  "cout_par_sortie_dynamique", "part_habitants_ca", "taux_pauvrete",
                  "revenu_median", "satisfaction_moyenne", "part_satisfaits"):
        assert ident in catalogue
    economic = set(economics.economic_indicators(load_sample(), 2024))
    assert economic <= set(catalogue)


def test_rates_show_a_dash_when_undefined() -> None:
    rate = indicator("taux_sorties_dynamiques")
    assert rate.unit == "%" and rate.zero_denominator.startswith("—")
    assert rate.format(200 / 3) == "67\u00a0%"
    assert rate.format(None) == "—" and rate.format(math.nan) == "—"
    assert indicator("chiffre_affaires").format(930000) == "930\u202f000\u00a0€"
    assert indicator("concentration_clients").format(0.1523) == "0,15"
    assert format_number(-1234.5, 1) == "−1\u202f234,5"


def test_directions() -> None:
    assert indicator("dependance_financements_publics").direction == "baisse"
    assert indicator("taux_sorties_dynamiques").direction == "hausse"
    assert next(i.id for i in by_family("territoire")) == "population_qpv"
    with pytest.raises(KeyError, match="inconnu_x"):
        indicator("inconnu_x")


@pytest.mark.parametrize(("text", "problem"), [
    (ENTRY.format(id="taux", family="météo"), "famille « météo » est inconnue"),
    (ENTRY.format(id="Taux-X", family="insertion"), "minuscules"),
    (ENTRY.format(id="taux", family="insertion").replace('unit = "%"\n', ""),
     "le champ « unit » manque"),
    (ENTRY.format(id="taux", family="insertion") * 2, "identifiant « taux »"),
    ("indicator = 3", "aucune entrée"),
    ("[[indicator]\n", "mal formé"),
])
def test_invalid_catalogue_is_refused(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "indicators.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=problem):
        load_catalogue(path)


def test_a_custom_catalogue_is_read(tmp_path: Path) -> None:
    path = tmp_path / "indicators.toml"
    path.write_text(ENTRY.format(id="taux", family="insertion"), encoding="utf-8")
    assert load_catalogue(path) == {"taux": Indicator("taux", "Taux", "Définition.",
                                                      "a / b × 100", "%", "Source", "2024",
                                                      "insertion", "—")}


def test_compare_to_targets() -> None:
    values = {"taux_sorties_dynamiques": 61.5, "dependance_financements_publics": 43.0,
              "marge_nette": 1.4, "taux_sorties_durables": None}
    targets: dict[str, float | Target] = {
        "taux_sorties_dynamiques": 60, "dependance_financements_publics": 40,
        "taux_sorties_durables": Target(25)}
    table = compare_to_targets(values, targets).set_index("indicateur")
    assert table.loc["taux_sorties_dynamiques", "statut"] == "atteint"
    assert table.loc["taux_sorties_dynamiques", "écart"] == pytest.approx(1.5)
    # lower is better for the dependence on public funding: 43 % > 40 % is not reached
    assert table.loc["dependance_financements_publics", "statut"] == "non atteint"
    assert table.loc["marge_nette", "statut"] == "objectif non paramétré"
    assert math.isnan(table.loc["marge_nette", "objectif"])
    assert table.loc["taux_sorties_durables", "statut"] == "valeur non disponible"
    assert table.loc["taux_sorties_dynamiques", "libellé"] == "Taux de sorties dynamiques"
    assert table.loc["taux_sorties_dynamiques", "unité"] == "%"


def test_target_edges() -> None:
    assert status(60.0, Target(60)) == "atteint"  # reaching the target exactly counts
    assert status(40.0, Target(40), "baisse") == "atteint"
    assert status(39.0, Target(40, "baisse"), "hausse") == "atteint"  # the target's own sense
    with pytest.raises(DataError, match="nombre"):
        Target("soixante")  # type: ignore[arg-type]
    with pytest.raises(DataError, match="hausse"):
        Target(3, "haut")
    with pytest.raises(DataError, match="absent"):
        compare_to_targets({"inconnu": 3.0}, {})
