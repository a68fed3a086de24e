"""The pure layers never import ipywidgets or IPython (checked in a fresh interpreter)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "companion"
UI_PARTS = {"widgets", "page.py", "serve.py", "cli.py"}


def _pure_modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if relative.parts[0] in UI_PARTS:
            continue
        module = ".".join(("companion", *relative.with_suffix("").parts))
        names.append(module.removesuffix(".__init__"))
    return names


@pytest.mark.parametrize("module", _pure_modules())
def test_pure_module_does_not_load_widgets(module: str) -> None:
    code = (
        f"import sys, importlib; importlib.import_module({module!r}); "
        "bad = [m for m in ('ipywidgets', 'IPython') if m in sys.modules]; "
        "print(','.join(bad)); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert result.returncode == 0, f"{module} imports {result.stdout.strip()} {result.stderr}"


def test_importing_companion_is_light() -> None:
    code = (
        "import sys, companion; "
        "print(','.join(m for m in ('ipywidgets', 'plotly', 'IPython') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == ""


def test_public_functions_are_not_shadowed_by_submodules() -> None:
    """``companion.sroi`` must stay the function even after every submodule is imported."""
    code = (
        "import importlib, pkgutil, companion\n"
        "for m in pkgutil.walk_packages(companion.__path__, 'companion.'):\n"
        "    importlib.import_module(m.name)\n"
        "import types\n"
        "bad = [n for n in companion.__all__\n"
        "       if isinstance(getattr(companion, n), types.ModuleType)]\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip() == ""
