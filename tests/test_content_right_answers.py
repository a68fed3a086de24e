"""Course content checked against published sources (issue « right answers », items 17–18)."""

from __future__ import annotations

import tomllib
from pathlib import Path

DATA = Path(__file__).parent.parent / "data"


def load(name: str) -> dict:
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))


def test_avise_three_steps_end_with_deliberation() -> None:
    (entry,) = [e for e in load("glossaire.toml")["entree"] if "Avise" in e.get("source", "")]
    assert "délibération" in entry["definition"] and "appropriation" not in entry["definition"]
    assert "La Fonda" in entry["source"] and "Labo de l'ESS" in entry["source"]


def test_qualiopi_indicators_decree_and_criteria() -> None:
    sources = {q["id"]: q["source"] for q in load("evaluation.toml")["qualite"]
               if q["id"].startswith("qualiopi")}
    assert "critère 3" in sources["qualiopi_11"] and "critère 7" in sources["qualiopi_30"]
    assert all("2019-565" in s for s in sources.values())


def test_direccte_93_is_named_as_today_s_ddets() -> None:
    speakers = load("table_ronde.toml")["intervenants"]
    assert any("DDETS" in s and "Direccte" in s for s in speakers)


def test_ess_history_has_cooperative_and_mutual_milestones() -> None:
    dates = {r["date"][:4]: r for r in load("histoire.toml")["repere"]}
    for year in ("1844", "1898", "1947", "1988", "2001"):
        assert year in dates, year
    assert "Rochdale" in dates["1844"]["titre"] and "SCIC" in dates["2001"]["texte"]


def test_every_context_figure_names_its_document_and_dates_its_data() -> None:
    figures = {f["titre"]: f for f in load("histoire.toml")["chiffre"]}
    for figure in figures.values():
        assert figure["source"] not in ("Dares", "CNLRQ", "CNCRESS"), figure["titre"]
        assert figure["valeur"] and figure["unite"] and figure["millesime"]
    ess = figures["ESS dans les QPV"]
    assert ess["millesime"] == "publié en 2019"


def test_sroi_principles_and_no_unsourced_ratio() -> None:
    from companion.indicators.sroi import LABELS

    assert "6:1" not in " ".join(LABELS.values())
    (entry,) = [e for e in load("glossaire.toml")["entree"] if e["terme"] == "SROI"]
    assert "7 principes" in entry["definition"]


def test_minimum_stay_rule_for_exits_is_stated() -> None:
    rates = {e["id"]: e for e in load("indicators.toml")["indicator"]}
    definition = rates["taux_sorties_dynamiques"]["definition"]
    assert "durée minimale" in definition and "plateforme de l'inclusion" in definition
