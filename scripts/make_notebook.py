"""Write a notebook from a list of (kind, source) cells, without outputs.

Used to (re)generate the course notebooks from readable sources; the notebooks themselves are
committed and served. Usage: python scripts/make_notebook.py [NAME …] (default: every source in
scripts/notebook_sources/, written to notebooks/NAME.ipynb)
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import nbformat


def build(cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    """Return a notebook whose cells are ``cells`` (``"md"`` or ``"code"``, source)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    for number, (kind, source) in enumerate(cells):
        new = nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell
        cell = new(source)
        cell["id"] = f"cell-{number:02d}"  # stable ids: regenerating gives the same file
        nb.cells.append(cell)
    return nb


def main(names: list[str]) -> None:
    """Regenerate the named notebooks (all when none is named)."""
    sources = Path(__file__).parent / "notebook_sources"
    targets = Path(__file__).parent.parent / "notebooks"
    for source in sorted(sources.glob("*.py")):
        if names and source.stem not in names:
            continue
        spec = runpy.run_path(str(source))
        nbformat.write(build(spec["CELLS"]), targets / f"{source.stem}.ipynb")


if __name__ == "__main__":
    main(sys.argv[1:])
