"""Needs / responses grid."""

from __future__ import annotations

import pytest

from companion.core.errors import InputError
from companion.diagnosis import needs as n
from companion.store import Store


def test_a_line_keeps_every_field(store: Store, session_code: str) -> None:
    fields = {"besoin": "Garde d'enfants en horaires décalés", "public": "Familles monoparentales",
              "evidence": "Parole d'habitantes", "reponse_existante": "", "porteur": "",
              "ecart": "Aucune offre avant 7h", "activite_ess": "Crèche coopérative",
              "modele": "Mixte", "partenaires": "CAF, Ville"}
    record = n.add_need(store, session_code, group="A", **fields)
    assert dict(record.data) == {**fields, "modele": "mixte"}
    frame = n.needs_frame(n.needs(store, session_code))
    assert list(frame.columns[:9]) == list(n.FIELDS)
    assert frame.loc[0, "sous_groupe"] == "A"


def test_need_required_and_model_checked(store: Store, session_code: str) -> None:
    with pytest.raises(InputError, match="Besoin social"):
        n.add_need(store, session_code, besoin="  ", public="Jeunes")
    with pytest.raises(InputError, match="Modèle économique : « troc »"):
        n.add_need(store, session_code, besoin="Mobilité", modele="troc")
    assert n.needs(store, session_code) == []


def test_gaps_and_models(store: Store, session_code: str) -> None:
    n.add_need(store, session_code, besoin="Mobilité", reponse_existante="Bus", modele="marché")
    n.add_need(store, session_code, besoin="Alimentation", modele="subvention")
    n.add_need(store, session_code, besoin="Numérique", reponse_existante="Médiathèque",
               ecart="Pas d'accompagnement", modele="subvention")
    frame = n.needs_frame(n.needs(store, session_code))
    assert list(n.gaps(frame)["besoin"]) == ["Alimentation", "Numérique"]
    assert n.by_model(frame) == {"subvention": 2, "marché": 1}
