#!/usr/bin/env bash
# Run every benchmark in this folder; each prints its figures and ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
for bench in benchmarks/bench_*.py; do
    echo "== $bench"
    .venv/bin/python "$bench"
done
