"""Benchmark: a class of 30 arriving together on the default command (issue 10, item 5).

Run: ``.venv/bin/python benchmarks/bench_arrival.py [--class-size 30] [--browsers 5]``.

In the same run, on the same machine:

1. **stock Voilà** (``voila bare.ipynb``, no flag) serves a bare one-button notebook to
   ``class-size`` HTTP clients at once: the baseline;
2. **``companion serve``** with no pool flag — the pools follow the programme, the clock set to
   the first brainstorm and the session holding ``class-size`` registrations — serves the
   brainstorm page (``?groupe=…``) to as many HTTP clients at once, once its pools are filled
   as they are before a class arrives;
3. ``browsers`` real headless Chromium pages open the brainstorm page together: the time until
   each one's idea box is shown (interactive).

Prints each figure and the ratio companion / stock (target ≤ 1.5) and the worst browser time
(target ≤ 5 s). Page loads count from the request to the last byte of the page (server side).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.processes import kernel_pids  # noqa: E402
from companion.core.model import TRAINER  # noqa: E402
from companion.store import open_store  # noqa: E402
from tests.browser.harness import (  # noqa: E402
    free_port,
    launch_browser,
    start_server,
    stop_server,
)

BRAINSTORM = "02_remue_meninges_1.ipynb"
FIRST_BRAINSTORM = "2026-11-28T10:40:00"  # day 1, « Remue-méninges » 1
BARE = {
    "cells": [{"cell_type": "code", "execution_count": None, "id": "bare", "metadata": {},
               "outputs": [],
               "source": ["import ipywidgets as w\n", "w.Button(description='Envoyer')"]}],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                "language": "python"}},
    "nbformat": 4, "nbformat_minor": 5,
}


def _get(url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=300) as response:  # noqa: S310 (local)
        response.read()
    return time.perf_counter() - start


def _arrive(urls: list[str]) -> tuple[float, list[float]]:
    """Open every URL at once; return the time until all are served, and each time."""
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(len(urls)) as pool:
        times = list(pool.map(_get, urls))
    return time.perf_counter() - start, times


def _cpu_s(pids: set[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _wait_for_kernels(count: int, others: set[int], within_s: float = 900) -> int:
    """Wait until ``count`` kernels of ours run and have finished rendering their page (they
    used less than 0.2 s of CPU together in the last 3 s), as before a class arrives."""
    deadline = time.monotonic() + within_s
    seen = 0
    while time.monotonic() < deadline:
        ours = set(kernel_pids()) - others
        seen = len(ours)
        if seen >= count:
            before = _cpu_s(ours)
            time.sleep(3)
            if _cpu_s(ours) - before < 0.2:
                return seen
        else:
            time.sleep(2)
    return seen


def stock_voila(tmp: Path, size: int) -> tuple[float, list[float]]:
    """Serve the bare notebook with stock Voilà and let ``size`` clients arrive at once."""
    (tmp / "bare.ipynb").write_text(json.dumps(BARE), encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "voila", str(tmp / "bare.ipynb"), "--no-browser",
         f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "voila/static/", timeout=2)  # noqa: S310
                break
            except OSError as error:
                if getattr(error, "code", None):
                    break
                time.sleep(0.3)
        _get(base)  # one page first: imports warmed, as for the companion
        time.sleep(5)
        return _arrive([base] * size)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        time.sleep(3)
        os.killpg(process.pid, signal.SIGKILL) if process.poll() is None else None


def companion(tmp: Path, size: int, browsers: int) -> tuple[float, list[float], list[float]]:
    """Serve the brainstorm with the default command; ``size`` HTTP arrivals, then browsers."""
    from playwright.sync_api import sync_playwright

    with open_store(f"sqlite:///{tmp / 'browser-store.sqlite3'}") as store:
        store.create_session("ARRIVE", "ESS", actor=TRAINER)
        for number in range(size - 1):  # the pool rule adds one for the trainer
            store.add_participant("ARRIVE", pseudonym=f"P{number}")
    others = set(kernel_pids())
    server = start_server(tmp, session="ARRIVE", now=FIRST_BRAINSTORM, pool=None)
    try:
        _wait_for_kernels(size, others)
        groups = [f"G{1 + n % 3}" for n in range(size)]
        urls = [server.url(BRAINSTORM, session="ARRIVE", groupe=g, premiere_visite="1")
                for g in groups]
        total, times = _arrive(urls)
        time.sleep(75)  # the HTTP pages never connect: their kernels are freed; pools refill
        _wait_for_kernels(size, others, 300)
        with sync_playwright() as playwright:
            browser = launch_browser(playwright)
            contexts = [browser.new_context(locale="fr-FR") for _ in range(browsers)]
            pages = [c.new_page() for c in contexts]
            url = server.url(BRAINSTORM, session="ARRIVE", groupe="G1")
            start = time.perf_counter()
            for page in pages:
                page.goto(url, wait_until="commit", timeout=120_000)
            shown = []
            for page in pages:
                try:
                    page.wait_for_selector(".cp-idea-text textarea", timeout=120_000)
                    shown.append(time.perf_counter() - start)
                except Exception:  # say what the page showed instead of a traceback
                    shown.append(float("inf"))
                    print("not interactive after 120 s; the page shows:",
                          page.inner_text("body")[:300].replace("\n", " "))
            browser.close()
        return total, times, shown
    finally:
        stop_server(server)


def main() -> None:
    """Run both arrivals and print the figures and ratios."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--class-size", type=int, default=30)
    parser.add_argument("--browsers", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as stock_dir, tempfile.TemporaryDirectory() as ours:
        stock_total, stock_times = stock_voila(Path(stock_dir), args.class_size)
        total, times, shown = companion(Path(ours), args.class_size, args.browsers)
        shutil.rmtree(ours, ignore_errors=True)
    size = args.class_size
    print(f"stock Voilà, {size} bare pages at once: all served in {stock_total:.1f} s "
          f"(median {statistics.median(stock_times):.1f} s)")
    print(f"companion serve (default), {size} brainstorm pages at once: all served in "
          f"{total:.1f} s (median {statistics.median(times):.1f} s)")
    print(f"ratio companion / stock: {total / stock_total:.2f} (target ≤ 1.5)")
    print(f"{args.browsers} Chromium pages opened together, idea box shown after (s): "
          f"{[round(s, 1) for s in shown]}; worst {max(shown):.1f} s (target ≤ 5 s)")


if __name__ == "__main__":
    main()
