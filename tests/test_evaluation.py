"""Evaluation: survey validation, aggregates (mean, % ≥ 4, distribution), objectives,
before/after, expectations covered, quality summary."""

from __future__ import annotations

import math

import pytest

from companion.charts.evaluation import objectives_reached, satisfaction_means
from companion.core.errors import InputError
from companion.evaluation import survey as ev
from companion.home import icebreaker as ice
from companion.store import Store


@pytest.fixture
def survey() -> ev.Survey:
    return ev.survey()


def test_survey_uses_the_seven_objectives_and_overall(survey: ev.Survey) -> None:
    assert len(survey.objectives) == 7
    assert survey.rated()[-1].id == "globale"
    assert len(survey.themes) >= 5 and len(survey.comments) >= 2


def test_invalid_answers_are_refused_in_french(survey: ev.Survey) -> None:
    with pytest.raises(InputError, match="satisfaction globale"):
        ev.validate_response(survey, satisfaction={"visite": 4})
    with pytest.raises(InputError, match="1 à 5"):
        ev.validate_response(survey, satisfaction={"globale": 6})
    with pytest.raises(InputError, match="Objectif 8"):
        ev.validate_response(survey, satisfaction={"globale": 4}, objectives={8: "atteint"})
    with pytest.raises(InputError, match="inconnue"):
        ev.validate_response(survey, satisfaction={"globale": 4, "inconnue": 3})


def test_responses_are_anonymous(store: Store, session_code: str, survey: ev.Survey) -> None:
    record = ev.submit_response(store, session_code, survey, satisfaction={"globale": 5})
    assert record.author == "" and record.participant_id is None


def test_satisfaction_mean_share_and_distribution(survey: ev.Survey) -> None:
    answers = [ev.validate_response(survey, satisfaction={"globale": g, "visite": v})
               for g, v in [(5, 4), (4, 2), (3, 5), (2, 5)]]
    table = ev.satisfaction_table(answers, survey).set_index("rubrique")
    overall = table.loc["Satisfaction globale sur la formation"]
    assert overall["moyenne (sur 5)"] == 3.5
    assert overall["part ≥ 4 (%)"] == 50.0
    assert [overall[str(n)] for n in range(1, 6)] == [0, 1, 1, 1, 1]
    visit = table.loc["Visite d'une Régie de quartier"]
    assert visit["moyenne (sur 5)"] == 4.0 and visit["part ≥ 4 (%)"] == 75.0
    unrated = table.loc["Table ronde et débrief de la visite"]
    assert unrated["réponses"] == 0 and math.isnan(unrated["moyenne (sur 5)"])
    fig = satisfaction_means(ev.satisfaction_table(answers, survey))
    assert len(fig.data[0].y) == 2  # unanswered sequences are not drawn as zero


def test_objectives_and_before_after(survey: ev.Survey) -> None:
    answers = [
        ev.validate_response(survey, satisfaction={"globale": 4},
                             objectives={1: "atteint", 2: "partiellement"},
                             before={"regies": 1}, after={"regies": 4}),
        ev.validate_response(survey, satisfaction={"globale": 4}, objectives={1: "non"},
                             before={"regies": 3}, after={"regies": 4, "impact": 2}),
    ]
    obj = ev.objectives_table(answers, survey)
    assert obj.iloc[0][["atteint", "partiellement", "non"]].tolist() == [1, 0, 1]
    assert obj.iloc[0]["part « atteint » (%)"] == 50.0
    assert obj.iloc[1]["partiellement"] == 1 and obj.iloc[2]["réponses"] == 0
    prog = ev.progress_table(answers, survey).set_index("thème")
    regies = prog.loc["Valeurs et fonctionnement des Régies de quartier"]
    assert (regies["moyenne avant"], regies["moyenne après"], regies["progression"]) == (2, 4, 2)
    impact = prog.loc["Évaluer l'impact économique et social"]
    assert impact["réponses avant et après"] == 0 and math.isnan(impact["progression"])
    assert [t.name for t in objectives_reached(obj).data] == ["atteint", "partiellement", "non"]


def test_expectations_covered_share(store: Store, session_code: str) -> None:
    texts = ["Comprendre l'ESS", "Monter une Régie", "Financer", "Évaluer"]
    records = [ice.add_expectation(store, session_code, t) for t in texts]
    assert ev.session_coverage(store, session_code).share is None  # none judged: undefined
    assert "—" in ev.session_coverage(store, session_code).sentence()
    ev.mark_expectation(store, records[0].uid, True)
    ev.mark_expectation(store, records[1].uid, True)
    ev.mark_expectation(store, records[2].uid, False)
    cover = ev.session_coverage(store, session_code)
    assert (cover.covered, cover.marked, cover.unmarked) == (2, 3, 1)
    assert round(cover.share or 0, 1) == 66.7
    assert "66,7 %" in cover.sentence()
    ev.mark_expectation(store, records[2].uid, None)
    assert ev.session_coverage(store, session_code).share == 100.0
    other = store.add_record(session_code, "idea", {"text": "x"})
    with pytest.raises(InputError, match="attente"):
        ev.mark_expectation(store, other.uid, True)


def test_quality_summary_names_qualiopi_and_kirkpatrick(survey: ev.Survey) -> None:
    answers = [ev.validate_response(survey, satisfaction={"globale": 5},
                                    objectives={1: "atteint"})]
    frame = ev.quality_summary(answers, survey)
    assert "Qualiopi, indicateur 11" in frame["critère"].tolist()
    assert "Qualiopi, indicateur 30" in frame["critère"].tolist()
    assert any("niveau 2" in c for c in frame["critère"])
    assert any("moyenne 5 sur 5, 100 %" in c for c in frame["constat de la session"])
    empty = ev.quality_summary([], survey)
    assert all("—" in c for c in empty["constat de la session"])
