"""``companion report`` runs as a real command and writes both files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl

from companion.store import open_store
from tests.report_fixture import PSEUDONYMS, fill


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "companion.serving.cli", "report", *args],
                          capture_output=True, text=True, timeout=120, check=False)


def test_report_command_writes_html_and_xlsx(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite3"
    with open_store(db) as store:
        fill(store, "CLIRAP")
    out = tmp_path / "sortie"
    done = _run("--session", "clirap", "--out", str(out), "--store", str(db), "--anonymiser")
    assert done.returncode == 0, done.stderr
    html, xlsx = out / "rapport_CLIRAP_anonyme.html", out / "rapport_CLIRAP_anonyme.xlsx"
    assert str(html) in done.stdout and str(xlsx) in done.stdout
    assert PSEUDONYMS[0] not in html.read_text(encoding="utf-8")
    assert "Évaluation" in openpyxl.load_workbook(xlsx).sheetnames


def test_unknown_session_exits_2_with_a_french_message(tmp_path: Path) -> None:
    done = _run("--session", "NOPE", "--out", str(tmp_path), "--store",
                str(tmp_path / "vide.sqlite3"))
    assert done.returncode == 2
    assert "n'existe pas" in done.stderr and "Traceback" not in done.stderr
