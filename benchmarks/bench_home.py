"""Benchmark: the course home's time-to-interactive against a bare one-cell notebook served by
the same Voilà in the same run, and the resident memory of one participant kernel.

Run: ``.venv/bin/python benchmarks/bench_home.py [--loads N]`` (``make bench`` runs them all).
Time-to-interactive = from navigation start to the page's last widget shown (home: the
registration form and the programme timeline; bare: the cell's output), in headless Chromium.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.processes import kernel_pids, rss_mb  # noqa: E402
from tests.browser.harness import launch_browser, start_server, stop_server  # noqa: E402

BARE = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "bare",
            "metadata": {},
            "outputs": [],
            "source": ["print('prêt')"],
        }
    ],
    "metadata": {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}
    },
    "nbformat": 4,
    "nbformat_minor": 5,
}


def _load(browser, url: str, selectors: list[str]) -> float:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    start = time.perf_counter()
    page.goto(url, timeout=120_000)
    for selector in selectors:
        page.wait_for_selector(selector, timeout=120_000)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--loads", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        served = tmp / "notebooks"  # the home page and the bare one only: their kernels alone
        served.mkdir()
        shutil.copy(ROOT / "notebooks" / "00_accueil.ipynb", served)
        (served / "bare.ipynb").write_text(json.dumps(BARE), encoding="utf-8")
        others = set(kernel_pids())  # kernels of anything else running on the machine
        server = start_server(tmp, extra_args=(f"--notebooks={served}",), pool=2)
        home_times: list[float] = []
        bare_times: list[float] = []
        try:
            time.sleep(60)  # let the preheated pools fill, as they have before a class arrives
            with sync_playwright() as playwright:
                browser = launch_browser(playwright)
                _load(browser, server.url("bare.ipynb"), ["text=prêt"])  # warm the browser cache
                for _ in range(args.loads):
                    bare_times.append(_load(browser, server.url("bare.ipynb"), ["text=prêt"]))
                    time.sleep(3)
                    home_times.append(
                        _load(
                            browser,
                            server.url("00_accueil.ipynb"),
                            [".cp-register", ".cp-timeline"],
                        )
                    )
                    time.sleep(12)  # the pool refills in the background
                browser.close()
            rss = sorted(rss_mb(pid) for pid in kernel_pids() if pid not in others)
        finally:
            stop_server(server)
    home, bare = statistics.median(home_times), statistics.median(bare_times)
    loads = args.loads
    print(f"bare notebook TTI, median of {loads}: {bare:.2f} s  {_rounded(bare_times)}")
    print(f"home page TTI,     median of {loads}: {home:.2f} s  {_rounded(home_times)}")
    print(f"ratio home / bare: {home / bare:.2f} (target ≤ 1.5)")
    print(f"resident memory of this server's kernels (MB): {_rounded(rss, 0)}")
    print("(the smallest are the bare page's; the others ran the home page)")
    print(f"largest kernel: {max(rss):.0f} MB (target ≤ 120 MB per participant kernel)")


def _rounded(values: list[float], digits: int = 2) -> list[float]:
    return [round(v, digits) for v in values]


if __name__ == "__main__":
    main()
