"""Benchmark: read_table against pandas.read_csv given the right options by hand.

Target (indicators issue): read_table within 2× of read_csv on REVN_2022.csv (1.6 MB, 1,352
rows, 1,024 columns of which 992 empty). The baseline is what a careful person writes for the
file: separator, decimal mark, encoding, code columns as text, secret markers as missing, and
the U+202F thousands separators removed first (read_csv's ``thousands=`` takes one byte only and
silently leaves such columns as text). Two baselines are timed: reading every column then
dropping the empty ones, and reading only the named columns (``usecols``, the fastest by hand).
Medians and minima of N runs in the same process, the three readers alternating.

Usage: .venv/bin/python benchmarks/bench_read_table.py [path] [--runs N]
(default: the largest file in tests/data/reference; the full file lives in the shared
reference data and may be passed as the path).
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from companion.owndata.loading import SECRET_MARKERS, read_table  # noqa: E402

NNBSP = "\u202f".encode()


def baselines(path: Path) -> tuple[Callable[[], pd.DataFrame], Callable[[], pd.DataFrame]]:
    """Return the two by-hand readers for ``path``, options taken from what the file is."""
    reference = read_table(path)
    sep = reference.attrs["separateur"]
    options = {
        "sep": sep,
        "decimal": "." if sep == "," else ",",
        "encoding": "cp1252" if reference.attrs["encodage"] == "Windows-1252" else "utf-8-sig",
        "dtype": {c: str for c in reference.columns if reference[c].dtype == object
                  or pd.api.types.is_string_dtype(reference[c])},
        "na_values": list(SECRET_MARKERS),
    }
    header = pd.read_csv(path, nrows=0, **options).columns
    named = [i for i, c in enumerate(header) if not str(c).startswith("Unnamed:")]

    def every_column() -> pd.DataFrame:
        data = path.read_bytes().replace(NNBSP, b"")
        return pd.read_csv(io.BytesIO(data), **options).dropna(axis=1, how="all")

    def named_columns() -> pd.DataFrame:
        data = path.read_bytes().replace(NNBSP, b"")
        return pd.read_csv(io.BytesIO(data), usecols=named, **options)

    return every_column, named_columns


def median_ms(runs: list[float]) -> float:
    return statistics.median(runs) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    path = args.path or max((ROOT / "tests/data/reference").glob("*.csv"),
                            key=lambda p: p.stat().st_size)
    every_column, named_columns = baselines(path)
    readers = {"read_table": lambda: read_table(path),
               "read_csv (toutes colonnes)": every_column,
               "read_csv (usecols)": named_columns}
    for reader in readers.values():  # warm up: imports, caches, page cache
        reader()
    timings: dict[str, list[float]] = {name: [] for name in readers}
    for _ in range(args.runs):
        for name, reader in readers.items():
            started = time.perf_counter()
            reader()
            timings[name].append(time.perf_counter() - started)
    size = path.stat().st_size / 1024 / 1024
    shape = read_table(path).shape
    print(f"fichier : {path.name} ({size:.2f} Mo, {shape[0]} lignes × {shape[1]} colonnes "
          f"utiles), {args.runs} passages")
    mine_median, mine_best = median_ms(timings["read_table"]), min(timings["read_table"]) * 1000
    print(f"  {'lecteur':<28} {'médiane':>9} {'minimum':>9}   ratio read_table / ceci "
          "(médiane, minimum)")
    for name in readers:
        median, best = median_ms(timings[name]), min(timings[name]) * 1000
        print(f"  {name:<28} {median:6.1f} ms {best:6.1f} ms   {mine_median / median:5.2f}  "
              f"{mine_best / best:5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
