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

from companion import evaluation as ev
from companion import icebreaker as ice
from companion import introduction as intro
from companion import roundtable as rt
from companion.model import TRAINER
from companion.report import write_report
from companion.store import open_store

TARGET_S, TARGET_MB = 5.0, 6.0
PARTICIPANTS, CONTRIBUTIONS = 30, 500


def fill(store, code: str, rng: random.Random) -> int:  # type: ignore[no-untyped-def]
    """Create a session with 30 participants and 500 contributions of every kind."""
    store.create_session(code, "Session de mesure", actor=TRAINER)
    people = [ice.register(store, code, pseudonym=f"Stagiaire {n}", function=f"Fonction {n % 7}",
                           territory=f"Territoire {n % 9}") for n in range(PARTICIPANTS)]
    survey, questions = ev.survey(), intro.quiz()
    themes = ["Partenariat", "Participation des habitants", "Mise en réseau des acteurs"]
    made, ideas, asked = 0, [], []
    while made < CONTRIBUTIONS:
        p = people[made % PARTICIPANTS]
        slot = made % 10
        if slot == 0:
            ice.add_expectation(store, code, f"Attente {made} : comprendre l'ESS", participant=p)
        elif slot in (1, 2, 3):
            ideas.append(store.add_record(
                code, "idea", {"round": rng.choice(["difficultes", "leviers"]),
                               "theme": rng.choice(themes), "text": f"Idée {made}"},
                group=rng.choice("ABC"), author=p.pseudonym))
        elif slot in (4, 5):
            store.add_record(code, "vote", {"round": "difficultes",
                                            "idea": rng.choice(ideas).uid})
        elif slot == 6:
            store.add_record(code, rng.choice(["afom_item", "visit_observation"]),
                             {"text": f"Observation {made}", "quadrant": "atouts"}, group="A")
        elif slot == 7:
            asked.append(rt.ask(store, code, f"Question {made} ?", voter=p.id))
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
