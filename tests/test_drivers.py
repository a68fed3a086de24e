"""Tests drive pages through ``tests/drivers`` and never reach into a widget's private parts.

Two checks. A static one reads every test module (``ast``) and names each ``x._name`` whose
``_name`` the module does not define itself: a private attribute of the companion's objects
belongs inside a driver (with a comment saying why), never in a test. The other checks the
generic driver: it finds what a person sees and says clearly what it did not find.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import ipywidgets as w
import pytest

from companion.widgets.base import Notice
from tests.drivers.widgets import WidgetDriver

TESTS = Path(__file__).resolve().parent
DRIVERS = TESTS / "drivers"
PRIVATE = re.compile(r"^_(?!_)")


def _defined_here(tree: ast.AST) -> set[str]:
    """The private names a module defines: its functions, classes, and the names and
    attributes it assigns (its own helpers may keep private state)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and \
                isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
            names.add(node.attr)
    return {n for n in names if PRIVATE.match(n)}


def private_reaches(source: str, name: str = "<test>") -> list[str]:
    """Each ``x._name`` in ``source`` that reaches a private attribute the module does not
    define, as ``name:line: x._name``; and each private name imported from the companion."""
    tree = ast.parse(source)
    own = _defined_here(tree)
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and PRIVATE.match(node.attr) and node.attr not in own:
            found.append((node.lineno, ast.unparse(node)))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("companion"):
            found += [(node.lineno, f"from {node.module} import {a.name}")
                      for a in node.names if PRIVATE.match(a.name)]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in ("getattr", "setattr", "hasattr") and len(node.args) > 1 and \
                isinstance(node.args[1], ast.Constant) and \
                PRIVATE.match(str(node.args[1].value)) and node.args[1].value not in own:
            found.append((node.lineno, ast.unparse(node)))
    return [f"{name}:{line}: {text}" for line, text in sorted(found)]


def test_no_test_reaches_a_private_attribute_outside_the_drivers() -> None:
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        if DRIVERS in path.parents:
            continue
        found += private_reaches(path.read_text(encoding="utf-8"),
                                 str(path.relative_to(TESTS.parent)))
    assert found == [], "drive the page through tests/drivers instead:\n" + "\n".join(found)


def test_the_check_names_a_reach_into_a_page_and_spares_a_tests_own_helper() -> None:
    source = """
class _Parser:
    def __init__(self):
        self._in_style = False
def test(page, theme):
    assert page._notice.text and _Parser()._in_style is False
    getattr(page.board, "_budget").value
    theme._register()
from companion.charts.theme import _register
"""
    found = private_reaches(source, "t.py")
    assert found == ["t.py:6: page._notice", "t.py:7: getattr(page.board, '_budget')",
                     "t.py:8: theme._register", "t.py:9: from companion.charts.theme import "
                     "_register"]


# --- the generic driver ---------------------------------------------------------------------

def _form() -> tuple[w.VBox, dict[str, w.Widget]]:
    parts: dict[str, w.Widget] = {
        "name": w.Text(description="Nom"),
        "remark": w.Textarea(placeholder="Une remarque"),
        "kind": w.Dropdown(options=[("Atouts", "a"), ("Faiblesses", "f")], description="Case"),
        "plain": w.Dropdown(options=["Lundi", "Mardi"]),
        "many": w.SelectMultiple(options=[("Un", 1), ("Deux", 2)], description="Choix"),
        "send": w.Button(description="Envoyer"),
        "send_all": w.Button(description="Envoyer tout"),
        "notice": Notice(),
        "hidden": w.Button(description="Caché", layout=w.Layout(display="none")),
        "view": w.HTML("<p>Deux constats</p>"),
    }
    parts["view"].add_class("cp-view")
    box = w.VBox([parts["name"], w.HBox([parts["remark"], parts["kind"], parts["plain"]]),
                  parts["many"], w.HBox([parts["send"], parts["send_all"]]), parts["notice"],
                  w.VBox([parts["hidden"]]), parts["view"]])
    parts["send"].on_click(lambda _b: parts["notice"].show("Envoyé.", "succes"))
    return box, parts


def test_the_driver_finds_what_a_person_sees_and_works_it() -> None:
    box, parts = _form()
    ui = WidgetDriver(box, "formulaire")
    ui.type("Nom", "Zoé")
    ui.type("remarque", "Bien")  # a part of the placeholder
    ui.select("Case", "Faiblesses")
    ui.select("Lundi", "Mardi")  # a list without description, by an option it offers
    ui.select("Choix", "Un", "Deux")
    assert (parts["name"].value, parts["remark"].value) == ("Zoé", "Bien")
    assert (parts["kind"].value, parts["plain"].value, parts["many"].value) == \
        ("f", "Mardi", (1, 2))
    assert ui.option_labels("Case") == ["Atouts", "Faiblesses"]
    ui.click("Envoyer")  # the exact description wins over « Envoyer tout »
    assert ui.notice_text() == "Envoyé." and ui.notice_after("Envoyer") is parts["notice"]
    assert "Deux constats" in ui.html_of("cp-view") and ui.html("Deux constats") is parts["view"]
    assert not ui.shows(parts["hidden"]) and ui.button("Caché", hidden=True) is parts["hidden"]


@pytest.mark.parametrize(("act", "message"), [
    (lambda ui: ui.click("Valider"), "formulaire: no button « Valider »; seen: ['Envoyer'"),
    (lambda ui: ui.click("Env"), "formulaire: 2 match button « Env »"),
    (lambda ui: ui.click("Caché"), "no button « Caché »"),
    (lambda ui: ui.type("Prénom", "x"), "no field « Prénom »; seen: ['Nom', 'Une remarque']"),
    (lambda ui: ui.select("Case", "Menaces"), "no option « Menaces » in « Case »"),
    (lambda ui: ui.html_of("cp-grid"), "no HTML .cp-grid"),
])
def test_the_driver_says_what_it_looked_for(act: object, message: str) -> None:
    box, _parts = _form()
    with pytest.raises(AssertionError) as caught:
        act(WidgetDriver(box, "formulaire"))  # type: ignore[operator]
    assert message in str(caught.value)


def test_a_disabled_button_cannot_be_pressed() -> None:
    box, parts = _form()
    parts["send"].disabled = True
    with pytest.raises(AssertionError, match="« Envoyer » is disabled"):
        WidgetDriver(box).click("Envoyer")
    assert parts["notice"].text == ""
