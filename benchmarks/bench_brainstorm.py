"""Benchmark of the brainstorm (« remue-méninges »).

1. Idea posted → visible on the trainer's wall, with 30 participant PROCESSES posting into one
   SQLite store, measured through the store + poller path: the trainer's page is a real
   ``BrainstormPage`` (headless widgets) whose poller checks the change token every 0.5 s and
   redraws the wall; latency = time the idea's text appears in the wall's HTML − time its
   participant got the store's acknowledgement. Browser rendering is not included (the browser
   test measures ≤ 2 s end to end for single posts).
2. A class opening the participant page: a real Voilà (the ``companion serve`` command line)
   with the brainstorm notebook preheated (pool = class size), then N plain-HTTP page loads at
   once; time until every page is served, and resident memory of one preheated kernel. The
   browser side (~4.5 s of JavaScript per page, see voila-notes.md) is not included: 30
   Chromium instances do not fit on 2 cores.

Run: ``.venv/bin/python benchmarks/bench_brainstorm.py [--participants 30] [--class-size 10]``
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.processes import kernel_pids, rss_mb  # noqa: E402
from companion import brainstorm as bs  # noqa: E402
from companion.core.model import TRAINER  # noqa: E402
from companion.store import open_store  # noqa: E402

SESSION = "BENCH1"


def _participant(url: str, number: int, ideas: int, start: Any, out: Any) -> None:
    store = open_store(url)
    who = bs.Contributor.new(f"G{number % 5 + 1}")
    rng = random.Random(number)
    start.wait()
    for n in range(ideas):
        time.sleep(rng.uniform(0.2, 2.0))  # people type; 30 of them post ~20 ideas a second
        snap = bs.snapshot(store, SESSION, "difficultes")
        text = f"idée-{number}-{n} sur les financements croisés"
        bs.post_idea(store, SESSION, snap.round, snap.state, who, text,
                     snap.round.themes[n % len(snap.round.themes)])
        out.put((text, time.time()))
    store.close()


def wall_latency(participants: int, ideas: int) -> list[float]:
    """Return the post → wall latencies (s) of every idea."""
    from companion.widgets.brainstorm.page import BrainstormPage

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite3"
        store = open_store(url)
        store.create_session(SESSION, "Banc d'essai", actor=TRAINER)
        store.activate_session(SESSION, actor=TRAINER)
        store.close()
        ctx = mp.get_context("fork")
        start, out = ctx.Event(), ctx.Queue()
        workers = [ctx.Process(target=_participant, args=(url, n, ideas, start, out))
                   for n in range(participants)]
        for worker in workers:
            worker.start()
        store = open_store(url)
        page = BrainstormPage(store, {}, trainer_code="X", base_url="")
        page.gate.check("X")
        posted: dict[str, float] = {}
        seen: dict[str, float] = {}
        start.set()
        total = participants * ideas
        deadline = time.monotonic() + 300
        while len(seen) < total and time.monotonic() < deadline:
            time.sleep(page.poller.interval)
            page.poller.poll_once()
            now = time.time()
            html = page.trainer.wall.html
            while not out.empty():
                text, at = out.get()
                posted[text] = at
            for text in posted:
                if text not in seen and text in html:
                    seen[text] = now
        for worker in workers:
            worker.join()
        while not out.empty():
            text, at = out.get()
            posted[text] = at
        store.close()
    return [seen[t] - posted[t] for t in seen if t in posted]


def class_arrival(size: int) -> tuple[float, list[float], list[float]]:
    """Return (time until all ``size`` pages are served, per-page times, kernel RSS in MB)."""
    from companion.serving import serve
    from tests.browser.harness import free_port

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        url = f"sqlite:///{tmp / 'class.sqlite3'}"
        store = open_store(url)
        store.create_session(SESSION, "Classe", actor=TRAINER)
        store.activate_session(SESSION, actor=TRAINER)
        store.close()
        options = serve.ServeOptions(store_url=url, trainer_code="X", session=SESSION,
                                     port=free_port(), pool_size=size,
                                     live_notebooks=("02_remue_meninges_1.ipynb",),
                                     secondary_notebooks=(),
                                     extra_env={"COMPANION_DATA_DIR": str(tmp / "data")})
        serve.write_voila_config(options, tmp / "config")
        env = serve.voila_environment(options, serve.offline_template(tmp / "tpl"),
                                      tmp / "config", serve.skip_slow_imports(tmp / "shims"))
        log = (tmp / "voila.log").open("wb")
        before = set(kernel_pids())
        process = subprocess.Popen(serve.voila_command(options), env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
        try:
            base = serve.base_url(options)
            deadline = time.monotonic() + 600
            while time.monotonic() < deadline:  # the pool fills before the class arrives
                if len(set(kernel_pids()) - before) >= size:
                    break
                time.sleep(1)
            time.sleep(15 + 2 * size)  # let every preheated kernel run the notebook
            rss = sorted(rss_mb(pid) for pid in set(kernel_pids()) - before)

            def load(n: int) -> float:
                began = time.perf_counter()
                page = f"{base}/voila/render/02_remue_meninges_1.ipynb?groupe=G{n % 5 + 1}"
                with urllib.request.urlopen(page, timeout=600) as answer:  # noqa: S310 (local)
                    body = answer.read()
                assert b"cp-" in body or len(body) > 10_000
                return time.perf_counter() - began

            began = time.perf_counter()
            with ThreadPoolExecutor(size) as pool:
                times = list(pool.map(load, range(size)))
            everything = time.perf_counter() - began
        finally:
            process.terminate()
            process.wait(timeout=60)
            log.close()
    return everything, times, rss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--ideas", type=int, default=5)
    parser.add_argument("--class-size", type=int, default=10)
    args = parser.parse_args()
    latencies = sorted(wall_latency(args.participants, args.ideas))
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"post → wall, {args.participants} processes × {args.ideas} ideas "
          f"({len(latencies)} measured): median {statistics.median(latencies):.2f} s, "
          f"p95 {p95:.2f} s, max {latencies[-1]:.2f} s (target p95 ≤ 1 s, ratio {p95:.2f})")
    if args.class_size:
        everything, times, rss = class_arrival(args.class_size)
        print(f"class of {args.class_size} opening the page at once (plain HTTP, preheated "
              f"pool of {args.class_size}): all served in {everything:.1f} s; per page median "
              f"{statistics.median(times):.1f} s, max {max(times):.1f} s")
        print(f"preheated kernel RSS (MB): median {statistics.median(rss):.0f}, "
              f"max {max(rss):.0f}; {args.class_size} kernels ≈ {sum(rss) / 1024:.2f} GiB")
    os._exit(0)


if __name__ == "__main__":
    main()
