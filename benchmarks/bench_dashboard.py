"""Benchmark: the indicators dashboard's refresh after a change, headless, against ≤ 300 ms.

Run: ``.venv/bin/python benchmarks/bench_dashboard.py [--repeat N]``.
Refresh = from setting a control's value (year, structure, an SROI assumption) to the return
of the callback: every widget's state updated (cards, five figures serialised for the plotly
renderer, targets table), no browser. A structure's years are all computed when it is added
(the trend needs them), so year and structure changes only redraw; the upload row measures
that first computation (read the file, recognise it, compute every year, redraw). Baseline,
measured in the same run: the pandas computation alone, charts skipped —
:func:`~companion.indicators.overview.year_view` of the year (plus radar scores and targets
table) for a
change, reading the file and computing its years for the upload,
:func:`~companion.indicators.sroi.sroi`
for the SROI.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from companion.indicators import overview as logic  # noqa: E402
from companion.indicators.sroi import sroi  # noqa: E402
from companion.owndata.sample import load_sample  # noqa: E402
from companion.texts import indicators as ti  # noqa: E402
from companion.widgets.indicators.dashboard import IndicatorsDashboard  # noqa: E402

TARGET_S = 0.300
OWN = ("annee;salarie;type_sortie;duree_mois\n"
       + "".join(f"{2020 + i % 5};S{i:03d};{('CDI', 'Intérim', 'Formation qualifiante')[i % 3]};"
                 f"{(i % 12) + 1}\n" for i in range(300)))


def _timed(action: Callable[[], object], repeat: int,
           setup: Callable[[], object] | None = None) -> list[float]:
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def _fr(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    board = IndicatorsDashboard()
    sample = load_sample()
    now = {"year": 2024}

    def change_year() -> None:
        now["year"] = 2023 if now["year"] == 2024 else 2024
        board.choose(year=now["year"])

    def baseline() -> None:
        view = logic.year_view(sample, now["year"])
        logic.radar_scores(view.values)
        logic.targets_table(view.values, {})

    board.upload.load(({"name": "sorties.csv", "size": len(OWN), "content": OWN.encode()},))
    own = board._structure.value
    labels = {"now": own}

    def change_structure() -> None:
        labels["now"] = ti.SAMPLE_LABEL if labels["now"] == own else own
        board.choose(labels["now"])

    upload = {"name": "sorties.csv", "size": len(OWN), "content": OWN.encode()}

    def load_file() -> None:
        board.upload.load((upload,))

    def read_and_compute() -> None:
        _, frame = logic.read_own_file(OWN.encode(), "sorties.csv")
        for year in logic.years({"sorties": frame}):
            logic.year_view({"sorties": frame}, year)

    cell = board.sroi.rows[0].numbers["deadweight"]

    def change_assumption() -> None:
        cell.value = 0.30 if cell.value != 0.30 else 0.25

    def sroi_alone() -> None:
        sroi(board.sroi.outcomes(), board.sroi.inputs_field.value, board.sroi.discount_field.value)

    board.choose(ti.SAMPLE_LABEL, 2024)
    rows = [
        ("changement d'année", _timed(change_year, args.repeat),
         _timed(baseline, args.repeat)),
        ("changement de structure (exemple ↔ mes données)",
         _timed(change_structure, args.repeat), _timed(baseline, args.repeat)),
        ("chargement d'un fichier (300 sorties, 5 années calculées)",
         _timed(load_file, args.repeat), _timed(read_and_compute, args.repeat)),
        ("hypothèse SROI modifiée", _timed(change_assumption, args.repeat),
         _timed(sroi_alone, args.repeat)),
    ]
    print(f"Rafraîchissement du tableau de bord, {args.repeat} changements chacun, "
          f"cible ≤ {_fr(TARGET_S)}")
    print("| changement | médiane | max | cible | référence (calcul seul, médiane) | ratio |")
    print("|---|---|---|---|---|---|")
    worst = 0.0
    for label, times, base in rows:
        median, top, ref = statistics.median(times), max(times), statistics.median(base)
        worst = max(worst, median)
        print(f"| {label} | {_fr(median)} | {_fr(top)} | ≤ {_fr(TARGET_S)} | {_fr(ref)} | "
              f"{median / ref:.1f}× |")
    print(f"Cible {'tenue' if worst <= TARGET_S else 'MANQUÉE'} : pire médiane {_fr(worst)} "
          f"pour {_fr(TARGET_S)} ({worst / TARGET_S:.2f} de la cible).")


if __name__ == "__main__":
    main()
