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


def page_title(cells: list[tuple[str, str]], title: str | None = None) -> str:
    """Return the page's title: ``title`` when the source gives one (``TITLE``), else the first
    Markdown heading (the sequence's name), never the file name."""
    if title:
        return title
    for kind, source in cells:
        for line in source.splitlines() if kind == "md" else ():
            if line.startswith("# "):
                return line[2:].strip()
    raise ValueError("a notebook source needs a TITLE or a '# ' heading")


def build(cells: list[tuple[str, str]], title: str | None = None) -> nbformat.NotebookNode:
    """Return a notebook whose cells are ``cells`` (``"md"`` or ``"code"``, source), titled
    :func:`page_title` (Voilà puts it in the page's ``<title>``: the browser tab)."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["title"] = page_title(cells, title)
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
        nbformat.write(build(spec["CELLS"], spec.get("TITLE")), targets / f"{source.stem}.ipynb")


if __name__ == "__main__":
    main(sys.argv[1:])
