"""Every notebook runs top to bottom (as a trainee would in JupyterLab) against a temporary
store, and is committed clean: no outputs, no function or class definitions."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_notebooks() -> None:
    assert any(nb.name == "00_accueil.ipynb" for nb in NOTEBOOKS)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_notebook_is_committed_clean(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        assert not cell.get("outputs"), f"{path.name}: outputs committed"
        assert cell.get("execution_count") is None, f"{path.name}: execution count committed"
        tree = ast.parse("".join(cell["source"]))
        defined = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        ]
        assert not defined, f"{path.name}: notebooks call the package, they define nothing"


@pytest.mark.notebook
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[nb.stem for nb in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPANION_STORE", f"sqlite:///{tmp_path / 'nb.sqlite3'}")
    monkeypatch.setenv("COMPANION_NOW", "2026-11-28T10:45:00")
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    errors = [
        out
        for cell in notebook.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if out.get("output_type") == "error"
    ]
    assert errors == []
    # The page was shown: some code cell displays a widget.
    widgets = [
        output
        for cell in notebook.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if "application/vnd.jupyter.widget-view+json" in output.get("data", {})
    ]
    assert widgets, f"{path.name}: no widget is shown"


@pytest.mark.notebook
def test_a_companion_error_in_a_page_shows_a_french_message_without_traceback(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "pas-une-base.sqlite3"
    broken.write_bytes(b"ceci n'est pas une base " * 50)
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell("import companion\ncompanion.warm_up()"),
        nbformat.v4.new_code_cell(f"store = companion.open_store({str(broken)!r})"),
    ]
    client = NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=True)
    client.execute()
    outputs = notebook.cells[1].outputs
    shown = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "n&#x27;est pas une base du compagnon" in shown and "cp-message-erreur" in shown
    tracebacks = [line for o in outputs for line in o.get("traceback", [])]
    assert tracebacks == []
