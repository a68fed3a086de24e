"""A session filled with every activity, for the report tests and the CLI test."""

from __future__ import annotations

from companion import evaluation as ev
from companion import icebreaker as ice
from companion import introduction as intro
from companion import roundtable as rt
from companion.model import TRAINER
from companion.store import Store

PSEUDONYMS = ("Zéphyrine", "Barnabé")
HOSTILE = '=HYPERLINK("http://evil.example","clic")'
SCRIPT = "<script>alert('x')</script><img src=https://evil.example/x.png>"


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
    i1 = store.add_record(code, "idea", {"round": "difficultes", "theme": "Partenariat",
                                         "text": "Manque de coopération"}, group="A",
                          author=PSEUDONYMS[0])
    i2 = store.add_record(code, "idea", {"round": "difficultes", "theme": "Partenariat",
                                         "text": HOSTILE}, group="B", author=PSEUDONYMS[1])
    i3 = store.add_record(code, "idea", {"round": "leviers", "theme": "Participation des habitants",
                                         "text": "Conseils citoyens"}, group="A")
    store.update_record(i2.uid, actor=TRAINER, merged_into=i1.uid)
    for idea, n in ((i1, 3), (i3, 1)):
        for _ in range(n):
            store.add_record(code, "vote", {"round": "difficultes", "idea": idea.uid})
    store.add_record(code, "afom_item", {"quadrant": "atouts", "text": "Tissu associatif dense"},
                     group="A", author=PSEUDONYMS[1])
    store.add_record(code, "visit_observation", {"item": "gouvernance", "text": "CA tripartite"},
                     group="B")
    q1 = rt.ask(store, code, "Comment financer une Régie ?", author=PSEUDONYMS[1], voter="v1")
    rt.upvote(store, code, q1.uid, "v2")
    rt.save_note(store, code, "pourquoi", "Plus-value : emploi local")
    survey = ev.survey()
    for overall, level in ((5, "atteint"), (4, "partiellement"), (2, "non")):
        ev.submit_response(store, code, survey, satisfaction={"globale": overall, "visite": 5},
                           objectives={1: level}, before={"regies": 2}, after={"regies": 4},
                           comments={"points_forts": HOSTILE})
    return code
