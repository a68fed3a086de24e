"""Benchmark: a day in the room, simulated (issue 10, item 6).

Run: ``.venv/bin/python benchmarks/bench_day.py [--participants 30] [--batch 5] [--steps N]``
(``--quick``: 6 participants, the first 3 steps).

The real default ``companion serve`` (no pool flag: the pools follow the programme) serves a
session with ``participants`` registrations in three subgroups. The day is the programme
(``data/programme.toml``) walked in order: each sequence's participant notebooks (trainer-only
pages and pauses left out, a page that follows itself — a restitution — counted once) are the
steps. At each step the trainer sends the room to the notebook (the home's « Envoyer la salle
ici », written to the store: the pools follow it), the pools get a moment to preheat (as during
the previous sequence of a real day), then the participants — one headless Chromium context
each, kept all day — open the page ``batch`` at a time, do the page's participant action
(an expectation, an idea, an AFOM item, an observation, a question), keep it open while the
rest of the room arrives (brainstorms: then everybody votes once), and close their tab.

A sampler thread reads every second the server's process tree (``companion serve``, Voilà and
its kernels): the kernel count, the resident memory (RSS) of the tree, of the kernels and of the
server alone, the pages open and the pool sizes the server last planned (its log).

Prints the pages opened, the time to interactive per notebook (median, p90, max; from the
navigation to the page's participant control shown, measured in the page), the peak and final
kernel count, the RSS at start / peak / end and per kernel, and checks

1. at every sample, kernels ≤ open pages + pools + pages closed in the last 60 s;
2. RSS max ≤ (max open pages + max pools) × per-kernel RSS + server base;
3. server RSS (kernels aside) after the last step ≤ after the first step + margin, and the RSS
   of the tree after the last step ≤ after the first step + margin + pool growth: memory does
   not grow with the pages visited;
4. within 60 s of the last page closed, the kernel count is back to the pool sizes.

Exits with status 1 when a page was not served or a check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from companion.brainstorm.rounds import set_phase  # noqa: E402
from companion.content.course import programme  # noqa: E402
from companion.core.model import TRAINER  # noqa: E402
from companion.home.activity import open_activity  # noqa: E402
from companion.store import open_store  # noqa: E402
from tests.browser.harness import (  # noqa: E402
    Server,
    launch_browser,
    post_idea,
    start_server,
    stop_server,
    watch,
)

SESSION = "JOURNEE"
NOW = "2026-11-28T09:05:00"  # day 1, « Accueil des stagiaires »: the clock stays here, the
# trainer's openings move the pools (they lead over the clock on the day they are made)
GROUPS = ("G1", "G2", "G3")
TRAINER_ONLY = frozenset({"09_rapport_de_session.ipynb", "12_projection.ipynb"})
READY_TIMEOUT_MS = 120_000
RELEASE_S = 60.0
MARGIN_MB = 150.0
"""Allowed growth of the server between the first and the last step (allocator noise)."""
POOL_LINE = re.compile(r"(?:Pools follow the programme|Pages préchauffées) ?: ?(.*)")
POOL_ITEM = re.compile(r"(\S+\.ipynb) × (\d+)")
TRACE = bool(os.environ.get("BENCH_TRACE"))
READY_SCRIPT = """
(() => {
  const selector = %s;
  const id = setInterval(() => {
    if (document.querySelector(selector)) {
      window.__cpReady = performance.now();
      clearInterval(id);
    }
  }, 50);
})();
"""


# --- what a participant does on each page --------------------------------------------------
def _fill_and_send(text_field: str, button: str, done: str) -> Callable[[Any, int], None]:
    def act(page: Any, number: int) -> None:
        page.fill(text_field, f"Contribution {number} de la journée")
        page.click(button)
        page.wait_for_selector(done, timeout=30_000)

    return act


def _idea(page: Any, number: int) -> None:
    post_idea(page, f"Idée {number} : coopération entre services", 1,
              ".cp-idea-form .cp-message-succes", timeout_ms=30_000)


@dataclass(frozen=True)
class PageVisit:
    """How a participant uses a notebook: the control that says it is interactive, the action
    (None: open and read), whether the address names a subgroup, whether the room votes."""

    ready: str
    act: Callable[[Any, int], None] | None = None
    grouped: bool = False
    vote_round: str | None = None


PAGES: dict[str, PageVisit] = {
    "00_accueil.ipynb": PageVisit(".cp-expectation-text textarea", _fill_and_send(
        ".cp-expectation-text textarea", "button.cp-expectation-submit",
        ".cp-expectations .cp-message-succes")),
    "01_introduction_ess.ipynb": PageVisit(".cp-introduction"),
    "02_remue_meninges_1.ipynb": PageVisit(".cp-idea-text textarea", _idea, True, "difficultes"),
    "03_remue_meninges_2.ipynb": PageVisit(".cp-idea-text textarea", _idea, True, "leviers"),
    "04_diagnostic_partage.ipynb": PageVisit(".cp-afom-submit", _fill_and_send(
        ".cp-afom-text textarea", "button.cp-afom-submit", ".cp-message-succes"), True),
    "05_visite_de_site.ipynb": PageVisit(".cp-visit-submit", _fill_and_send(
        ".cp-visit-observation textarea", "button.cp-visit-submit", ".cp-message-succes"), True),
    "06_table_ronde.ipynb": PageVisit(".cp-rt-ask textarea", _fill_and_send(
        ".cp-rt-ask textarea", "button.cp-rt-ask-submit", ".cp-rt-ask-form .cp-message-succes")),
    "07_indicateurs_impact.ipynb": PageVisit(".cp-ind-cards"),
    "08_evaluation.ipynb": PageVisit(".cp-eval-form"),
    "11_fiche_projet.ipynb": PageVisit(".cp-project-all"),
}


def day_steps() -> list[str]:
    """The notebooks a participant opens over the day, in the programme's order."""
    steps: list[str] = []
    for sequence in sorted(programme().sequences, key=lambda s: (s.day, s.start)):
        for name in sequence.notebooks:
            if name in TRAINER_ONLY or (steps and steps[-1] == name):
                continue
            if name not in PAGES:
                print(f"(no participant visit defined for {name}: left out)")
                continue
            steps.append(name)
    return steps


# --- the sampler ---------------------------------------------------------------------------
@dataclass
class Sample:
    """One reading of the server's process tree."""

    at: float
    kernels: int
    tree_mb: float
    kernels_mb: float
    largest_kernel_mb: float
    open_pages: int
    pools: int
    closed_recently: int


@dataclass
class Room:
    """What the benchmark knows and the sampler reads: pages open, pages closed (when)."""

    open_pages: int = 0
    closed_at: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def closed_within(self, now: float, seconds: float) -> int:
        with self.lock:
            return sum(1 for t in self.closed_at if now - t <= seconds)


def planned_pools(server: Server) -> int:
    """The total of the pool sizes the server last planned (its log)."""
    total = 0
    for line in server.log().splitlines():
        match = POOL_LINE.search(line)
        if match:
            total = sum(int(size) for _name, size in POOL_ITEM.findall(match.group(1)))
    return total


def read_tree(server: Server) -> tuple[int, float, float, float]:
    """Return (kernels, RSS of the tree, RSS of the kernels, largest kernel) in MB."""
    import psutil

    root = psutil.Process(server.process.pid)
    tree = kernels = largest = 0.0
    count = 0
    for process in [root, *root.children(recursive=True)]:
        try:
            if process.status() == psutil.STATUS_ZOMBIE:
                continue
            rss = process.memory_info().rss / 2**20
            is_kernel = "ipykernel_launcher" in " ".join(process.cmdline())
        except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
            continue
        tree += rss
        if is_kernel:
            count += 1
            kernels += rss
            largest = max(largest, rss)
    return count, tree, kernels, largest


class Sampler(threading.Thread):
    """Read the tree every ``every_s`` seconds until stopped."""

    def __init__(self, server: Server, room: Room, every_s: float = 1.0) -> None:
        super().__init__(daemon=True)
        self.server, self.room, self.every_s = server, room, every_s
        self.samples: list[Sample] = []
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            self.samples.append(self.sample())
            self.stopped.wait(self.every_s)

    def sample(self) -> Sample:
        now = time.monotonic()
        kernels, tree, kernels_mb, largest = read_tree(self.server)
        return Sample(now, kernels, tree, kernels_mb, largest, self.room.open_pages,
                      planned_pools(self.server), self.room.closed_within(now, RELEASE_S))


def _cpu_s(server: Server) -> float:
    import psutil

    total = 0.0
    root = psutil.Process(server.process.pid)
    for process in [root, *root.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
            continue
        total += times.user + times.system
    return total


def plans(server: Server) -> int:
    """How many pool plans the server logged so far."""
    return sum(1 for line in server.log().splitlines() if POOL_LINE.search(line))


def settle(server: Server, within_s: float, plans_before: int | None = None) -> None:
    """Wait for the server's next plan (when ``plans_before`` is given: at most 10 s, the
    plan does not change when the room stays in the same sequences), then until the pools are
    filled and quiet (the tree used < 0.3 s of CPU in 3 s, and the kernel count reached the
    planned pools), at most ``within_s`` in all."""
    deadline = time.monotonic() + within_s
    if plans_before is not None:
        replanned = time.monotonic() + 10
        while plans(server) == plans_before and time.monotonic() < replanned:
            time.sleep(0.5)
    while time.monotonic() < deadline:
        before = _cpu_s(server)
        time.sleep(3)
        if _cpu_s(server) - before < 0.3 and read_tree(server)[0] >= planned_pools(server):
            return


# --- the day -------------------------------------------------------------------------------
@dataclass
class Visit:
    """One page a participant opened."""

    notebook: str
    participant: int
    watched: Any
    tti_s: float = float("inf")
    acted: bool = False
    voted: bool = False


def _open_batch(server: Server, contexts: list[Any], numbers: list[int],
                notebook: str) -> list[Visit]:
    """Open ``notebook`` for the participants ``numbers`` together; wait until interactive."""
    spec = PAGES[notebook]
    visits = []
    for number in numbers:
        _trace(f"new page {number} {notebook}")
        page = contexts[number].new_page()
        page.add_init_script(script=READY_SCRIPT % json.dumps(spec.ready))
        query = {"session": SESSION}
        if spec.grouped:
            query["groupe"] = GROUPS[number % len(GROUPS)]
        try:
            page.goto(server.url(notebook, **query), wait_until="commit",
                      timeout=READY_TIMEOUT_MS)
        except Exception as error:  # no answer at all: counted, the day goes on
            print(f"  {notebook}, participant {number}: no answer within "
                  f"{READY_TIMEOUT_MS // 1000} s ({type(error).__name__})", flush=True)
        visits.append(Visit(notebook, number, watch(page)))
    for visit in visits:
        page = visit.watched.page
        _trace(f"wait {visit.participant}")
        try:
            page.wait_for_function("() => window.__cpReady !== undefined",
                                   timeout=READY_TIMEOUT_MS, polling=100)
            visit.tti_s = float(page.evaluate("window.__cpReady")) / 1000
        except Exception:  # say what the page showed instead of a traceback
            print(f"  {notebook}, participant {visit.participant}: not interactive after "
                  f"{READY_TIMEOUT_MS // 1000} s; the page shows:",
                  _shown(page))
    for visit in visits:
        if spec.act is not None and visit.tti_s != float("inf"):
            _trace(f"act {visit.participant}")
            try:
                spec.act(visit.watched.page, visit.participant)
                visit.acted = True
            except Exception as error:
                print(f"  {notebook}, participant {visit.participant}: action failed "
                      f"({type(error).__name__}); the page shows:", _shown(visit.watched.page))
    return visits


def _trace(what: str) -> None:
    if TRACE:
        print(f"  [{time.strftime('%H:%M:%S')}] {what}", flush=True)


def _shown(page: Any) -> str:
    try:
        return str(page.inner_text("body"))[:300].replace("\n", " ")
    except Exception:  # the page itself is gone
        return "(page closed)"


def _vote(visits: list[Visit]) -> None:
    """Every open brainstorm page votes for the first card it is offered."""
    for visit in visits:
        if visit.tti_s == float("inf"):
            continue  # a page that never came cannot vote (counted as not interactive)
        page = visit.watched.page
        try:
            page.wait_for_selector(".cp-participant button.cp-vote:not([disabled])",
                                   timeout=60_000)
            before = page.inner_text(".cp-vote-budget")
            page.locator(".cp-participant button.cp-vote:not([disabled])").first.click()
            page.wait_for_function(
                "(before) => { const e = document.querySelector('.cp-vote-budget');"
                " return e !== null && e.innerText !== before; }", arg=before, timeout=30_000)
            visit.voted = True
        except Exception as error:
            print(f"  {visit.notebook}, participant {visit.participant}: vote failed "
                  f"({type(error).__name__}); the page shows:", _shown(page))


def play_step(server: Server, contexts: list[Any], room: Room, notebook: str,
              batch: int) -> list[Visit]:
    """The room on ``notebook``: arrive ``batch`` at a time, act, (vote,) leave."""
    spec = PAGES[notebook]
    visits: list[Visit] = []
    numbers = list(range(len(contexts)))
    for first in range(0, len(numbers), batch):
        chunk = numbers[first:first + batch]
        with room.lock:
            room.open_pages += len(chunk)
        visits += _open_batch(server, contexts, chunk, notebook)
    if spec.vote_round is not None:
        with open_store(server.store_url) as store:
            set_phase(store, SESSION, spec.vote_round, "vote")
        _vote(visits)
        with open_store(server.store_url) as store:
            set_phase(store, SESSION, spec.vote_round, "clos")
    _trace("close")
    for visit in visits:  # the tab is closed: its kernel is given back
        visit.watched.page.close(run_before_unload=True)
        with room.lock:
            room.open_pages -= 1
            room.closed_at.append(time.monotonic())
    return visits


def send_room(server: Server, notebook: str) -> None:
    """The trainer sends the room to ``notebook``; a brainstorm's round opens for writing."""
    with open_store(server.store_url) as store:
        sequence = next(s for s in programme().sequences if notebook in s.notebooks)
        open_activity(store, SESSION, notebook, sequence.title, datetime.fromisoformat(NOW))
        spec = PAGES[notebook]
        if spec.vote_round is not None:
            set_phase(store, SESSION, spec.vote_round, "ecriture")


@dataclass
class Day:
    """What the day gave."""

    visits: list[Visit]
    samples: list[Sample]
    step_ends: list[int]  # index of the sample taken at the end of each step
    released_s: float | None
    final_kernels: int
    final_pools: int


def play_day(tmp: Path, participants: int, batch: int, steps: list[str],
             settle_s: float) -> Day:
    """Start the server, play the day, return what was measured."""
    from playwright.sync_api import sync_playwright

    with open_store(f"sqlite:///{tmp / 'browser-store.sqlite3'}") as store:
        store.create_session(SESSION, "Journée simulée", start=date.fromisoformat(NOW[:10]),
                             actor=TRAINER)
        for group in GROUPS:
            store.add_group(SESSION, group)
        for number in range(participants):
            store.add_participant(SESSION, pseudonym=f"P{number}",
                                  group=GROUPS[number % len(GROUPS)])
    server = start_server(tmp, session=SESSION, now=NOW, pool=None,
                          extra_args=("--replan-every=3",))
    room = Room()
    sampler = Sampler(server, room)
    visits: list[Visit] = []
    step_ends: list[int] = []
    try:
        settle(server, 300)  # the pools of the first sequence, filled before anyone arrives
        sampler.start()
        with sync_playwright() as playwright:
            browser = launch_browser(playwright)
            contexts = [browser.new_context(viewport={"width": 1280, "height": 900},
                                            locale="fr-FR") for _ in range(participants)]
            for index, notebook in enumerate(steps, 1):
                before = plans(server)
                send_room(server, notebook)
                _trace("settle")
                settle(server, settle_s, before)  # the previous sequence's time: the pools preheat
                started = time.monotonic()
                done = play_step(server, contexts, room, notebook, batch)
                visits += done
                step_ends.append(len(sampler.samples) - 1)
                ready = [v.tti_s for v in done if v.tti_s != float("inf")]
                print(f"step {index}/{len(steps)} {notebook}: {len(done)} pages in "
                      f"{time.monotonic() - started:.0f} s, interactive median "
                      f"{statistics.median(ready) if ready else float('nan'):.1f} s, "
                      f"kernels {sampler.samples[-1].kernels if sampler.samples else '?'}",
                      flush=True)
            last_closed = time.monotonic()
            for context in contexts:
                context.close()
            browser.close()
        released_s = None
        final = read_tree(server)[0]
        while time.monotonic() - last_closed < RELEASE_S + 30:
            final = read_tree(server)[0]
            if final <= planned_pools(server):
                released_s = time.monotonic() - last_closed
                break
            time.sleep(1)
        time.sleep(3)
        sampler.stopped.set()
        sampler.join()
        return Day(visits, sampler.samples, step_ends, released_s, final, planned_pools(server))
    finally:
        sampler.stopped.set()
        stop_server(server)


# --- the figures ---------------------------------------------------------------------------
def _quantile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(day: Day) -> bool:
    """Print the figures and the checks; return True when every check holds."""
    ok = True
    visits, samples = day.visits, day.samples
    failed = [v for v in visits if v.tti_s == float("inf")]
    acted = sum(v.acted for v in visits)
    with_action = sum(PAGES[v.notebook].act is not None for v in visits)
    voted = sum(v.voted for v in visits)
    to_vote = sum(PAGES[v.notebook].vote_round is not None for v in visits
                  if v.tti_s != float("inf"))
    print(f"pages opened: {len(visits)} ({len(failed)} not interactive), actions done "
          f"{acted}/{with_action}, votes {voted}/{to_vote}")
    ok &= not failed and acted == with_action and voted == to_vote
    print("time to interactive per notebook (s): median / p90 / max (pages)")
    for notebook in dict.fromkeys(v.notebook for v in visits):
        times = [v.tti_s for v in visits if v.notebook == notebook and v.tti_s != float("inf")]
        if times:
            print(f"  {notebook:30} {statistics.median(times):5.1f} / "
                  f"{_quantile(times, 0.9):5.1f} / {max(times):5.1f}  ({len(times)})")
    every = [v.tti_s for v in visits if v.tti_s != float("inf")]
    if every:
        print(f"  {'all pages':30} {statistics.median(every):5.1f} / "
              f"{_quantile(every, 0.9):5.1f} / {max(every):5.1f}  ({len(every)})")
    if not samples:
        print("no sample taken")
        return False
    first, peak = samples[0], max(samples, key=lambda s: s.tree_mb)
    end = samples[-1]
    per_kernel = max(s.largest_kernel_mb for s in samples)
    kernel_means = [s.kernels_mb / s.kernels for s in samples if s.kernels]
    base = first.tree_mb - first.kernels_mb
    print(f"kernels: at start {first.kernels}, peak {max(s.kernels for s in samples)}, "
          f"final {day.final_kernels} (pools planned: {day.final_pools})")
    print(f"RSS of the server tree (MB): start {first.tree_mb:.0f}, peak {peak.tree_mb:.0f} "
          f"({peak.kernels} kernels, {peak.open_pages} pages open), end {end.tree_mb:.0f}")
    print(f"RSS per kernel (MB): mean {statistics.mean(kernel_means):.0f}, largest "
          f"{per_kernel:.0f}; server alone (kernels aside): start {base:.0f}, "
          f"end {end.tree_mb - end.kernels_mb:.0f}")
    excess = [s for s in samples if s.kernels > s.open_pages + s.pools + s.closed_recently]
    print(f"check 1, kernels ≤ open pages + pools + closed in the last 60 s at every sample: "
          f"{'met' if not excess else f'NOT MET ({len(excess)} of {len(samples)} samples)'}")
    if excess:
        worst = max(excess, key=lambda s: s.kernels - s.open_pages - s.pools)
        print(f"  worst: {worst.kernels} kernels for {worst.open_pages} open, {worst.pools} "
              f"pooled, {worst.closed_recently} just closed")
    ok &= not excess
    max_open = max(s.open_pages for s in samples)
    max_pools = max(s.pools for s in samples)
    bound = (max_open + max_pools) * per_kernel + base
    print(f"check 2, RSS max {peak.tree_mb:.0f} MB ≤ ({max_open} open + {max_pools} pooled) × "
          f"{per_kernel:.0f} MB + base {base:.0f} MB = {bound:.0f} MB: "
          f"{'met' if peak.tree_mb <= bound else 'NOT MET'}")
    ok &= peak.tree_mb <= bound
    if len(day.step_ends) >= 2:
        after_first, after_last = samples[day.step_ends[0]], samples[day.step_ends[-1]]
        server_first = after_first.tree_mb - after_first.kernels_mb
        server_last = after_last.tree_mb - after_last.kernels_mb
        pool_growth = max(0, after_last.pools - after_first.pools) * per_kernel
        tree_bound = after_first.tree_mb + MARGIN_MB + pool_growth
        grows = server_last > server_first + MARGIN_MB or after_last.tree_mb > tree_bound
        print(f"check 3, after the first / last step: server alone {server_first:.0f} / "
              f"{server_last:.0f} MB (margin {MARGIN_MB:.0f}), tree {after_first.tree_mb:.0f} / "
              f"{after_last.tree_mb:.0f} MB (≤ {tree_bound:.0f}, pools {after_first.pools} → "
              f"{after_last.pools}): {'NOT MET' if grows else 'met'}")
        ok &= not grows
    released = day.released_s is not None and day.released_s <= RELEASE_S
    print(f"check 4, kernels back to the pools ({day.final_pools}) after the last page closed: "
          + (f"in {day.released_s:.0f} s" if day.released_s is not None else "not within 90 s")
          + f" (target ≤ {RELEASE_S:.0f} s): {'met' if released else 'NOT MET'}")
    ok &= released
    print("RSS over time (MB, every 30 s): " + ", ".join(
        f"{s.at - first.at:.0f}s:{s.tree_mb:.0f}/{s.kernels}k" for s in samples[::30]))
    return ok


def main() -> None:
    """Play the day and print the figures; exit 1 when a check fails."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--batch", type=int, default=5, help="pages opened together")
    parser.add_argument("--steps", type=int, default=0, help="only the first N steps")
    parser.add_argument("--settle", type=float, default=90.0,
                        help="at most this long for the pools to preheat between steps (s)")
    parser.add_argument("--iopub-timeout", type=int, default=0,
                        help="give Voilà's executor this iopub_timeout (s) through a voila.json "
                             "on JUPYTER_CONFIG_PATH (default: the server as shipped)")
    parser.add_argument("--quick", action="store_true",
                        help="6 participants, the first 3 steps (a smoke test)")
    args = parser.parse_args()
    if args.quick:
        args.participants, args.steps = 6, args.steps or 3
    steps = day_steps()
    steps = steps[:args.steps] if args.steps else steps
    print(f"{args.participants} participants, {args.batch} at a time; the day: "
          + " → ".join(s.removesuffix(".ipynb") for s in steps), flush=True)
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        if args.iopub_timeout:
            config = Path(tmp) / "jupyter-config"
            config.mkdir()
            (config / "voila.json").write_text(json.dumps(
                {"VoilaExecutor": {"iopub_timeout": args.iopub_timeout}}), encoding="utf-8")
            os.environ["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
                p for p in (str(config), os.environ.get("JUPYTER_CONFIG_PATH", "")) if p)
        day = play_day(Path(tmp), args.participants, args.batch, steps, args.settle)
    print(f"day played in {time.monotonic() - started:.0f} s")
    sys.exit(0 if report(day) else 1)


if __name__ == "__main__":
    main()
