"""Benchmark: the session report for 30 participants and 500 contributions.

Targets (issue 6): generated in ≤ 5 s; HTML ≤ 6 MB. Prints the figures and their ratio to the
target, and the ratio to a baseline measured in the same run (reading the same records).
Usage: .venv/bin/python benchmarks/bench_report.py
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from companion import brainstorm as bs
from companion.content.course import course
from companion.content.diagnosis import diagnostic_content
from companion.core.model import TRAINER
from companion.diagnosis import afom as diagnosis
from companion.diagnosis import needs, stakeholders
from companion.evaluation import survey as ev
from companion.home import icebreaker as ice
from companion.introduction import materials as intro
from companion.report.build import write_report
from companion.roundtable import questions as rt
from companion.store import Store, open_store
from companion.visit import grid as visit

TARGET_S, TARGET_MB = 5.0, 6.0
PARTICIPANTS, CONTRIBUTIONS = 30, 500
R1, R2 = "difficultes", "leviers"


def _diagnosis_or_visit(store: Store, code: str, n: int, group: str, rng: random.Random) -> None:
    """One contribution to the diagnosis or the visit, through the modules' functions."""
    content, items = diagnostic_content(), course().visit_items
    kind = n % 6
    if kind == 0:
        diagnosis.add_item(store, code, group=group, quadrant=rng.choice(diagnosis.QUADRANTS),
                           texte=f"Constat {n}", theme=rng.choice(content.themes),
                           source=rng.choice(content.sources), priorite=rng.randint(0, 3))
    elif kind == 1:
        stakeholders.add_actor(store, code, group=group, nom=f"Acteur {n}",
                               categorie=rng.choice(content.categories[:-2]),
                               pouvoir=rng.randint(1, 5), interet=rng.randint(1, 5),
                               roles={content.steps[0]: rng.choice(content.roles)})
    elif kind == 2:
        needs.add_need(store, code, group=group, besoin=f"Besoin {n}", public="Jeunes",
                       modele=rng.choice(content.models))
    elif kind == 3:
        visit.add_observation(store, code, group, rng.choice(items).id, f"Observation {n}")
    elif kind == 4:
        visit.add_partner(store, code, group, f"Partenaire {n % 12}", "réseau")
    else:
        visit.rate(store, code, group, {d: rng.randint(1, 5) for d in content.dimensions},
                   f"Commentaire {n}")


def fill(store: Store, code: str, rng: random.Random) -> int:
    """Create a session with 30 participants and 500 contributions of every kind, each through
    its module's public functions (brainstorm ideas with links, merges and hidden cards, then
    the dot-votes; AFOM, actors, needs; visit observations, ratings, partners; …)."""
    store.create_session(code, "Session de mesure", actor=TRAINER)
    people = [ice.register(store, code, pseudonym=f"Stagiaire {n}", function=f"Fonction {n % 7}",
                           territory=f"Territoire {n % 9}") for n in range(PARTICIPANTS)]
    who = [bs.Contributor(id=p.id, group="ABC"[n % 3], pseudonym=p.pseudonym or "")
           for n, p in enumerate(people)]
    survey, questions = ev.survey(), intro.quiz()
    for round_id in (R1, R2):
        bs.set_phase(store, code, round_id, "ecriture")
    snaps = {r: bs.snapshot(store, code, r) for r in (R1, R2)}
    written: dict[str, list[bs.Idea]] = {R1: [], R2: []}
    made, votes_to_cast = 0, 0
    while made < CONTRIBUTIONS:
        person = who[made % PARTICIPANTS]
        slot = made % 10
        if slot == 0:
            ice.add_expectation(store, code, f"Attente {made} : comprendre l'ESS",
                                participant=people[made % PARTICIPANTS])
        elif slot in (1, 2, 3):
            round_id = rng.choice([R1, R2]) if written[R1] else R1
            snap = snaps[round_id]
            links = [rng.choice(written[R1]).uid] if round_id == R2 else []
            written[round_id].append(bs.post_idea(
                store, code, snap.round, snap.state, person, f"Idée {made}",
                rng.choice(snap.round.themes), links=links, linkable=written[R1]))
        elif slot in (4, 5):
            votes_to_cast += 1
        elif slot == 6:
            _diagnosis_or_visit(store, code, made, person.group, rng)
        elif slot == 7:
            rt.ask(store, code, f"Question {made} ?", voter=person.id)
        elif slot == 8:
            intro.record_quiz(store, code, questions, {q.id: rng.randrange(len(q.choices))
                                                       for q in questions})
        else:
            ev.submit_response(store, code, survey,
                               satisfaction={i.id: rng.randint(1, 5) for i in survey.rated()},
                               objectives={n: rng.choice(ev.LEVELS) for n in range(1, 8)},
                               before={t.id: rng.randint(1, 3) for t in survey.themes},
                               after={t.id: rng.randint(3, 5) for t in survey.themes},
                               comments={"points_forts": "Très concret " * 5})
        made += 1
    for round_id in (R1, R2):  # a few merges and hidden cards, then the dot-vote
        ideas = written[round_id]
        for n in range(0, 10, 2):
            bs.merge(store, code, [ideas[n].uid, ideas[n + 1].uid], text=f"Fusion {n}")
        bs.set_hidden(store, [ideas[10].uid], True)
        bs.set_phase(store, code, round_id, "vote")
        bs.set_vote_rules(store, code, round_id, budget=10, stacking=True)
    cast: dict[str, list[bs.Vote]] = {R1: [], R2: []}
    for n in range(votes_to_cast):
        round_id = (R1, R2)[n % 2]
        snap = bs.snapshot(store, code, round_id)
        cast[round_id].append(bs.cast(store, code, snap.state, who[n % PARTICIPANTS],
                                      rng.choice(snap.cards).uid, snap.ideas, cast[round_id]))
    for round_id in (R1, R2):
        bs.set_phase(store, code, round_id, "clos")
    return made


def main() -> None:
    rng = random.Random(6)
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.sqlite3")
        count = fill(store, "BENCH", rng)
        start = time.perf_counter()
        records = store.list_records("BENCH")
        baseline = time.perf_counter() - start
        timings, size = [], 0
        for _ in range(3):
            files = write_report(store, "BENCH", Path(tmp) / "out")
            timings.append(files.seconds)
            size = files.html.stat().st_size
        anonymised = write_report(store, "BENCH", Path(tmp) / "out", anonymise=True)
        best = min(timings)
        mb = size / 1_000_000
        print(f"session : {PARTICIPANTS} participants, {count} contributions "
              f"({len(records)} records)")
        print(f"rapport (HTML + XLSX), meilleur de 3 : {best:.2f} s — cible {TARGET_S} s — "
              f"ratio {best / TARGET_S:.2f}")
        print(f"rapport anonymisé : {anonymised.seconds:.2f} s")
        print(f"lecture seule des records (référence) : {baseline * 1000:.0f} ms — "
              f"rapport / référence = {best / baseline:.0f}×")
        print(f"HTML : {mb:.2f} MB — cible {TARGET_MB} MB — ratio {mb / TARGET_MB:.3f}")
        print(f"XLSX : {files.xlsx.stat().st_size / 1000:.0f} kB")
        store.close()


if __name__ == "__main__":
    main()
