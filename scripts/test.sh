#!/usr/bin/env bash
# Run everything that checks the companion: ruff, mypy, then pytest (pure, store contract on
# SQLite and PostgreSQL, headless widgets, notebooks, and browser tests in a real Chromium
# against a real Voilà server). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-test-tools
export COMPANION_REQUIRE_POSTGRES=1   # the store contract must run on PostgreSQL too
export PYTHONDONTWRITEBYTECODE=1
echo "== ruff"
.venv/bin/ruff check companion tests benchmarks scripts
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
.venv/bin/python -m pytest "$@"
