"""The layers of CONTRIBUTING.md hold: imports point down, and the pure layers stay pure.

Two checks. A static one reads every module's imports (``ast``) and holds them against the
layer rules. A dynamic one imports every pure module, one after the other, in a single fresh
interpreter, and names the first after which ipywidgets or IPython is loaded.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "companion"

# Layer of each top-level part of the package, lowest first. A module may import only from
# its own part or from a lower layer. Activities (one folder each) sit side by side on one
# layer and may not import each other, except through the exceptions listed below.
ACTIVITIES = ("home", "introduction", "brainstorm", "diagnosis", "visit", "roundtable",
              "evaluation", "indicators", "owndata", "project")
LAYERS: dict[str, int] = {
    "texts": 0,
    "core": 1,
    "store": 2,
    "content": 3,
    **dict.fromkeys(ACTIVITIES, 4),
    "charts": 5,
    "report": 6,
    "widgets": 7,
    "__init__": 8,  # the public API
    "serving": 9,
}
# Activity → activity imports that are part of the design (shared pure logic).
ALLOWED_ACROSS = {
    ("indicators", "owndata"),  # indicators read the tables trainees bring
    ("evaluation", "home"),  # the evaluation tells which expectations of the welcome were met
    # The project sheet gathers what the other activities produced (brainstorm 1 and 2, the
    # shared diagnosis, the site visit) and sets targets on catalogue indicators.
    ("project", "brainstorm"),
    ("project", "diagnosis"),
    ("project", "visit"),
    ("project", "indicators"),
}
UI_PARTS = {"widgets", "serving", "__init__"}
UI_LIBRARIES = ("ipywidgets", "IPython", "voila")


def _module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE).with_suffix("")
    return ".".join(("companion", *relative.parts)).removesuffix(".__init__")


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            if node.module == "companion":  # from companion import texts
                found += [(node.lineno, f"companion.{alias.name}") for alias in node.names]
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_part_of_the_package_has_a_layer() -> None:
    parts = {_part(_module_name(path)) for path in _modules()}
    assert parts <= set(LAYERS), parts - set(LAYERS)


def test_imports_point_down_the_layers() -> None:
    wrong = []
    for path in _modules():
        here = _module_name(path)
        mine = _part(here)
        for line, target in _imports(path):
            if not target.startswith("companion.") or target in {"companion.__version__"}:
                continue
            theirs = _part(target)
            if theirs not in LAYERS or theirs == mine:
                continue
            across = LAYERS[theirs] == LAYERS[mine] and (mine, theirs) not in ALLOWED_ACROSS
            if LAYERS[theirs] > LAYERS[mine] or across:
                wrong.append(f"{path.relative_to(ROOT)}:{line} {here} → {target}")
    assert not wrong, "imports against the layers:\n" + "\n".join(wrong)


def test_pure_layers_never_name_a_widget_library() -> None:
    wrong = []
    for path in _modules():
        if _part(_module_name(path)) in UI_PARTS:
            continue
        for line, target in _imports(path):
            if target.split(".")[0] in UI_LIBRARIES:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_pure_modules_do_not_load_widgets_at_run_time() -> None:
    """One interpreter imports every pure module in turn: the first that pulls ipywidgets or
    IPython in (directly or through a chain) is named."""
    pure = [_module_name(p) for p in _modules() if _part(_module_name(p)) not in UI_PARTS]
    assert len(pure) > 40
    code = (
        "import importlib, sys\n"
        f"for name in {pure!r}:\n"
        "    importlib.import_module(name)\n"
        f"    bad = [m for m in {UI_LIBRARIES!r} if m in sys.modules]\n"
        "    if bad:\n"
        "        print(name, bad); sys.exit(1)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


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
