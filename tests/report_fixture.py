"""A session filled with every activity, for the report tests and the CLI test.

Every activity is filled through its module's public functions (as its pages do), so the
report is checked against the records those modules really write.
"""

from __future__ import annotations

from companion import brainstorm as bs
from companion.core.model import TRAINER
from companion.diagnosis import afom as diagnosis
from companion.diagnosis import needs, stakeholders
from companion.evaluation import survey as ev
from companion.home import icebreaker as ice
from companion.introduction import materials as intro
from companion.roundtable import questions as rt
from companion.store import Store
from companion.visit import grid as visit

PSEUDONYMS = ("Zéphyrine", "Barnabé")
HOSTILE = '=HYPERLINK("http://evil.example","clic")'
SCRIPT = "<script>alert('x')</script><img src=https://evil.example/x.png>"
R1, R2 = "difficultes", "leviers"
PART, COOP = "Partenariat", "Transversalité et coopération"
FIN = "Financements spécifiques et croisés"
MERGED_TEXT = "Manque de coopération entre acteurs"
LEVER = "Créer un comité local de coopération"
HIDDEN_IDEA = "Idée hors sujet, masquée"
ADDED_ROUND = "Remue-méninges 3 : atouts du quartier"
VALIDATED_ITEM = "Tissu associatif dense"
MERGED_ITEM = "Beaucoup d'associations"
PROMOTED_IDEA = "Financements annuels trop courts"


def _post(store: Store, code: str, round_id: str, who: bs.Contributor, text: str, theme: str,
          links: tuple[str, ...] = ()) -> bs.Idea:
    snap = bs.snapshot(store, code, round_id)
    return bs.post_idea(store, code, snap.round, snap.state, who, text, theme, links=links,
                        linkable=snap.linked_ideas)


def _vote(store: Store, code: str, round_id: str, who: bs.Contributor, idea: bs.Idea) -> None:
    snap = bs.snapshot(store, code, round_id)
    bs.cast(store, code, snap.state, who, idea.uid, snap.ideas, list(snap.votes))


def fill_brainstorm(store: Store, code: str) -> None:
    """Round 1 in two subgroups with votes, a merge and a hidden idea; round 2 with a lever
    linked to the merged difficulty; a round the trainer added."""
    zep = bs.Contributor.new("A", PSEUDONYMS[0])
    bar = bs.Contributor.new("B", PSEUDONYMS[1])
    anon = bs.Contributor.new("B")
    coop = _post(store, code, R1, zep, "Manque de coopération", PART)
    hostile = _post(store, code, R1, bar, HOSTILE, PART)
    money = _post(store, code, R1, anon, PROMOTED_IDEA, FIN)
    off = _post(store, code, R1, zep, HIDDEN_IDEA, PART)
    bs.set_hidden(store, [off.uid], True)
    bs.set_phase(store, code, R1, "vote")
    bs.set_vote_rules(store, code, R1, budget=3, stacking=False)
    for who, idea in ((zep, coop), (bar, hostile), (anon, coop), (anon, money)):
        _vote(store, code, R1, who, idea)
    merged = bs.merge(store, code, [coop.uid, hostile.uid], text=MERGED_TEXT)  # 3 votes follow
    snap = bs.snapshot(store, code, R1)
    bs.cast_for_group(store, code, snap.state, "C papier", merged.uid, 2, snap.ideas)  # 5 votes
    bs.set_phase(store, code, R1, "clos")

    bs.set_phase(store, code, R2, "ecriture")
    lever = _post(store, code, R2, zep, LEVER, COOP, links=(merged.uid,))
    _post(store, code, R2, bar, "Fonds de dotation local", FIN)
    bs.set_phase(store, code, R2, "vote")
    for who in (zep, bar):
        _vote(store, code, R2, who, lever)
    bs.set_phase(store, code, R2, "clos")

    added = bs.add_round(store, code, title=ADDED_ROUND, question="Quels atouts ?",
                         themes=["Habitants", "Économie"])
    bs.set_phase(store, code, added.id, "ecriture")
    _post(store, code, added.id, bs.Contributor.new("C"), "Marché solidaire", "Économie")


def fill_diagnosis(store: Store, code: str) -> None:
    """AFOM items (one validated with another merged into it, one promoted from the
    brainstorm, one hidden, votes),
    stakeholders (categories left absent), a needs / responses line."""
    dense = diagnosis.add_item(store, code, group="A", author=PSEUDONYMS[1], quadrant="atouts",
                               texte=VALIDATED_ITEM, theme="Cohésion sociale",
                               source="observation de terrain", reference="Visite du 12 mars")
    diagnosis.set_status(store, dense.uid, True)
    diagnosis.vote(store, code, dense.uid, "v1")
    diagnosis.vote(store, code, dense.uid, "v2")
    twin = diagnosis.add_item(store, code, group="B", quadrant="atouts", texte=MERGED_ITEM,
                              theme="Cohésion sociale", source="parole d'habitant")
    diagnosis.vote(store, code, twin.uid, "v3")
    diagnosis.merge_items(store, dense.uid, [twin.uid])  # its vote follows: 3 votes
    diagnosis.add_item(store, code, group="B", quadrant="menaces", texte=HOSTILE,
                       theme="Financements", source="donnée statistique", priorite=1)
    gone = diagnosis.add_item(store, code, group="B", quadrant="faiblesses", texte="Doublon",
                              theme="Autre", source="parole d'habitant")
    diagnosis.hide_item(store, gone.uid)
    idea = next(r for r in store.list_records(code, bs.IDEA_KIND)
                if r.get("text") == PROMOTED_IDEA)
    diagnosis.promote_idea(store, code, idea, quadrant="faiblesses", theme="Financements",
                           source="acteur institutionnel")
    stakeholders.add_actor(store, code, group="A", nom="Plaine Habitat", categorie="Bailleurs",
                           pouvoir=4, interet=2, attitude="favorable",
                           roles={"Diagnostic": "consulté", "Mise en œuvre": "co-portage"})
    stakeholders.add_actor(store, code, group="B", nom="Conseil citoyen", categorie="Habitants",
                           pouvoir=2, interet=5, attitude="réservé", liens=SCRIPT)
    prefecture = stakeholders.add_actor(store, code, group="B", nom="Délégué du préfet",
                                        categorie="État", pouvoir=5, interet=4)
    # Moved to another category: « État » has no actor left and is flagged absent.
    stakeholders.update_actor(store, prefecture.uid, categorie="Collectivité")
    needs.add_need(store, code, group="B", besoin="Garde d'enfants en horaires décalés",
                   public="Familles monoparentales", evidence="CAF 2023", ecart="Rien après 19 h",
                   activite_ess="Crèche associative", modele="mixte", partenaires="CAF, commune")


def fill_visit(store: Store, code: str) -> None:
    """Assignments, observations, ratings of the four dimensions and partners of two
    subgroups."""
    visit.assign(store, code, "A", ["gouvernance", "partenaires"])
    visit.assign(store, code, "B", ["modele_economique"])
    visit.add_observation(store, code, "A", "gouvernance", "CA tripartite",
                          author=PSEUDONYMS[0])
    visit.add_observation(store, code, "B", "modele_economique", HOSTILE)
    visit.rate(store, code, "A", {"sociale": 5, "participative": 4,
                                  "développement économique": 3, "inclusion": 4}, "Ancrage fort")
    visit.rate(store, code, "B", {"sociale": 4, "participative": 2,
                                  "développement économique": 4, "inclusion": 5})
    visit.add_partner(store, code, "A", "CNLRQ", "réseau", "label Régie")
    visit.add_partner(store, code, "B", "cnlrq")
    visit.add_partner(store, code, "B", "Mairie de Saint-Denis", "collectivité")


def fill(store: Store, code: str = "RAPPORT") -> str:
    """Create session ``code`` with participants, expectations, quiz, brainstorm, diagnosis,
    visit, round table and evaluation records; return the code."""
    store.create_session(code, "Session de Saint-Denis", place="Saint-Denis", actor=TRAINER)
    z = ice.register(store, code, pseudonym=PSEUDONYMS[0], function="Élu·e local·e",
                     territory="Saint-Denis")
    b = ice.register(store, code, pseudonym=PSEUDONYMS[1], function=HOSTILE,
                     territory="Blanc-Mesnil")
    ice.register(store, code, function="Élu·e local·e", territory="saint-denis ")
    e1 = ice.add_expectation(store, code, f"Je suis {PSEUDONYMS[0]} et je veux comprendre l'ESS",
                             participant=z)
    e2 = ice.add_expectation(store, code, SCRIPT, participant=b)
    ev.mark_expectation(store, e1.uid, True)
    ev.mark_expectation(store, e2.uid, False)
    questions = intro.quiz()
    intro.record_quiz(store, code, questions, {q.id: q.answer for q in questions},
                      pseudonym=PSEUDONYMS[0])
    intro.record_quiz(store, code, questions, {questions[0].id: 0})
    fill_brainstorm(store, code)
    fill_diagnosis(store, code)
    fill_visit(store, code)
    q1 = rt.ask(store, code, "Comment financer une Régie ?", author=PSEUDONYMS[1], voter="v1")
    rt.upvote(store, code, q1.uid, "v2")
    rt.save_note(store, code, "pourquoi", "Plus-value : emploi local")
    survey = ev.survey()
    for overall, level in ((5, "atteint"), (4, "partiellement"), (2, "non")):
        ev.submit_response(store, code, survey, satisfaction={"globale": overall, "visite": 5},
                           objectives={1: level}, before={"regies": 2}, after={"regies": 4},
                           comments={"points_forts": HOSTILE})
    return code
