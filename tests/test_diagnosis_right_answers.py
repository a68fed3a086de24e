"""Diagnosis and restitution give right answers (issue « right answers », items 1–8)."""

from __future__ import annotations

import pandas as pd
import pytest

from companion.charts.diagnosis import mendelow_figure
from companion.core.errors import InputError
from companion.diagnosis import afom
from companion.diagnosis.stakeholders import THRESHOLD, mendelow
from companion.store import Store

# --- item 3: the power × interest chart agrees with mendelow() ---------------------------------

@pytest.mark.parametrize(("power", "interest"), [(1, 1), (1, 5), (5, 1), (5, 5)])
def test_chart_quadrant_labels_agree_with_mendelow(power: int, interest: int) -> None:
    frame = pd.DataFrame({"nom": ["X"], "categorie": ["habitants"], "pouvoir": [power],
                          "interet": [interest], "attitude": ["favorable"]})
    layout = mendelow_figure(frame, threshold=THRESHOLD).to_dict()["layout"]
    inside = []
    for shape in layout["shapes"]:
        if shape["x0"] <= interest <= shape["x1"] and shape["y0"] <= power <= shape["y1"]:
            inside.append(shape)
    assert len(inside) == 1
    zone = inside[0]
    labels = [a["text"] for a in layout["annotations"]
              if zone["x0"] <= a["x"] <= zone["x1"] and zone["y0"] <= a["y"] <= zone["y1"]]
    assert labels == [f"<b>{mendelow(power, interest)}</b>"]


# --- item 1: AFOM merge joins items of the chosen target's card only, in one transaction ----------

def _afom(store: Store, session: str, quadrant: str, text: str, group: str = "A") -> str:
    return afom.add_item(store, session, group=group, quadrant=quadrant, texte=text,
                         theme="Cohésion sociale", source="parole d'habitant").uid


def test_merge_refuses_items_of_another_card_and_writes_nothing(store: Store,
                                                               session_code: str) -> None:
    target = _afom(store, session_code, "opportunites", "Nouveau contrat de ville")
    atouts = [_afom(store, session_code, "atouts", t) for t in ("Tissu associatif", "Régie")]
    before = store.change_token()
    with pytest.raises(InputError, match="Atouts"):
        afom.merge_items(store, target, atouts)
    assert store.change_token() == before
    assert all(not store.get_record(u).merged_into for u in atouts)
    assert {i.uid for i in afom.items(store, session_code)} == {target, *atouts}


def test_merge_is_one_transaction_and_keeps_provenance(store: Store, session_code: str) -> None:
    a = _afom(store, session_code, "atouts", "Tissu associatif dense", "A")
    b = _afom(store, session_code, "atouts", "Associations actives", "B")
    c = _afom(store, session_code, "atouts", "Bénévoles nombreux", "B")
    afom.merge_items(store, b, [c])
    before = store.change_token()
    merged = afom.merge_items(store, a, [b])
    assert store.change_token() == before + 1  # one write, not a sequence of updates
    assert merged.get("fusion_de") == [b]
    assert store.get_record(b).merged_into == a and store.get_record(c).merged_into == a
    assert store.get_record(b).get("texte") == "Associations actives"  # sources kept


def test_moderation_offers_only_items_of_the_chosen_card(store: Store, session_code: str) -> None:
    from companion.widgets.base import TrainerGate
    from companion.widgets.diagnosis.afom import AfomModeration
    from tests.drivers.diagnosis import AfomModerationDriver

    target = _afom(store, session_code, "opportunites", "Nouveau contrat de ville")
    same = _afom(store, session_code, "opportunites", "Appel à projets ESS", "B")
    atouts = [_afom(store, session_code, "atouts", t) for t in ("Tissu associatif", "Régie")]
    moderation = AfomModeration(store, session_code, gate=TrainerGate(None))  # trainee alone
    moderation.select(target)
    sources = AfomModerationDriver(moderation).merge_sources()
    assert [uid for _label, uid in sources.options] == [same]
    forged = [*sources.options, ("x", atouts[0]), ("y", atouts[1])]
    sources.options = forged  # as a stale page could still offer them
    moderation.merge(target, [atouts[0], atouts[1]])
    assert moderation.notice.level == "erreur" and "Atouts" in moderation.notice.text
    assert all(not store.get_record(u).merged_into for u in atouts)
    moderation.merge(target, [same])
    assert store.get_record(same).merged_into == target


# --- item 2: « Verser une idée du remue-méninges » takes theme and source from the idea --------

def test_a_promoted_idea_keeps_its_own_theme_and_source(store: Store, session_code: str) -> None:
    from companion.widgets.base import TrainerGate
    from companion.widgets.diagnosis.afom import AfomModeration
    from tests.drivers.diagnosis import AfomModerationDriver

    idea = store.add_record(session_code, "idea", {
        "text": "Manque de financements pérennes", "theme": "Financements spécifiques et croisés",
        "round": "difficultes"}, group="C")
    moderation = AfomModeration(store, session_code, gate=TrainerGate(None))  # trainee alone
    AfomModerationDriver(moderation).edit_form(  # the edit form's values
        theme="Cadre de vie et renouvellement urbain", source="acteur institutionnel")
    moderation.promote(idea.uid, "menaces")
    (item,) = afom.items(store, session_code)
    assert item.theme == "Financements" and item.source == afom.IDEA_SOURCE
    assert item.origin == idea.uid


# --- item 4: the actor form starts blank for the next actor ---------------------------------------

def test_actor_form_resets_coconstruction_stages(store: Store, session_code: str) -> None:
    from companion.content.diagnosis import diagnostic_content
    from companion.diagnosis import stakeholders
    from companion.widgets.diagnosis.actors import StakeholderForm

    content = diagnostic_content()
    step, role = content.steps[-1], content.roles[-1]
    form = StakeholderForm(store, session_code, lambda: "A")
    form.fill("Ville", content.categories[2], 5, 5, roles={step: role})
    form.submit()
    form.fill("Bailleur social", content.categories[1], 4, 2)  # no stage entered
    form.submit()
    actors = {r.get("nom"): r for r in store.list_records(session_code, stakeholders.STAKEHOLDER)}
    assert actors["Ville"].get("roles") == {step: role}
    assert not actors["Bailleur social"].get("roles")


# --- item 5: every label of the charts readable ------------------------------------------------

THEMES = ["Projet endogène de territoire", "Transversalité et coopération",
          "Financements spécifiques et croisés",
          "Cadre contractuel, dispositifs spécifiques et thématiques",
          "Participation des habitants", "Mise en réseau des acteurs", "Partenariat"]


def test_round_two_heatmap_shows_every_row_label_and_its_title_clear() -> None:
    from companion.charts.brainstorm import links_heatmap

    matrix = pd.DataFrame([[i + j for j in range(7)] for i in range(7)], index=THEMES,
                          columns=THEMES)
    layout = links_heatmap(matrix).to_dict()["layout"]
    assert layout["yaxis"]["tickmode"] == "array"
    assert list(layout["yaxis"]["tickvals"]) == THEMES  # 7 of 7, none thinned out
    assert all(len(line) <= 30 for t in layout["yaxis"]["ticktext"] for line in t.split("<br>"))
    assert layout["margin"]["t"] >= 80 and layout["title"]["yref"] == "container"
    assert layout["height"] >= 7 * 48


def test_radars_leave_room_for_their_labels() -> None:
    from companion.charts.diagnosis import radar_figure
    from companion.charts.indicators import radar_chart

    scores = pd.DataFrame({"dimension": ["sociale", "participative", "développement économique",
                                         "inclusion"], "score": [50.0, float("nan"), 70, 20],
                           "indicateurs": [2, 0, 2, 2]})
    for figure in (radar_chart(scores, 2024, source="x").to_dict()["layout"],
                   radar_figure(pd.DataFrame({"sous_groupe": ["A"], "dimension": ["sociale"],
                                                  "note": [3]}),
                                    ["sociale", "participative", "développement économique",
                                     "inclusion"]).to_dict()["layout"]):
        assert figure["margin"]["l"] >= 80 and figure["margin"]["r"] >= 80


def test_home_timeline_text_is_readable() -> None:
    import re

    from companion.content.course import load_programme
    from companion.core.html import programme_timeline_html

    html = programme_timeline_html(load_programme().sequences)
    sizes = [float(s) for s in re.findall(r"font-size:\s*([0-9.]+)em", html)]
    assert sizes and min(sizes) >= 0.85
