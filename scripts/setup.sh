#!/usr/bin/env bash
# Prepare everything the companion needs on a fresh machine: a virtual environment with the
# package and its test extras, and (for the tests) the system Chromium and a PostgreSQL server.
# Idempotent: a second run only checks. Usage: scripts/setup.sh [--with-test-tools]
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${COMPANION_VENV:-.venv}"
PY="${PYTHON:-python3}"
with_test_tools=0
[ "${1:-}" = "--with-test-tools" ] && with_test_tools=1

if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
    echo "Python ≥ 3.11 est nécessaire (trouvé : $("$PY" --version 2>&1))." >&2
    exit 1
fi

hash=$(sha1sum pyproject.toml | cut -c1-12)
stamp="$VENV/.installed-$hash-$with_test_tools"
# An environment with the test tools also serves the dashboard.
if [ ! -f "$stamp" ] && [ ! -f "$VENV/.installed-$hash-1" ]; then
    [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    if [ "$with_test_tools" = 1 ]; then
        "$VENV/bin/python" -m pip install --quiet -e '.[test,postgres]'
    else
        "$VENV/bin/python" -m pip install --quiet -e .
    fi
    rm -f "$VENV"/.installed-*
    touch "$stamp"
fi

apt_install() {
    # Installs Debian packages when we are root and apt is there; otherwise says what to do.
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        if [ ! -f /tmp/.companion-apt-updated ]; then
            apt-get update -qq >/dev/null && touch /tmp/.companion-apt-updated
        fi
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
    else
        echo "Installez les paquets système : $* (par exemple « sudo apt-get install $* »)." >&2
        return 1
    fi
}

if [ "$with_test_tools" = 1 ]; then
    command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || apt_install chromium
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || apt_install postgresql
fi
