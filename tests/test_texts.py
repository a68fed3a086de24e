"""Every user-facing string lives in companion/texts/, and every constant there is used.

Two static checks (``ast``). The first lists the constants defined in ``companion/texts/*.py``
and looks for each name in the rest of the package (as ``module.NAME`` or imported by name).
The second reads every string literal of every module outside ``companion/texts`` (the pure
modules, the widgets and the serving code alike) that is not a docstring and flags those that
look French: an accented letter, French quotation marks, or two common French words. The few
literals that are data rather than messages (column names, stop words, matching keys) are
allow-listed below, module by module, with the reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "companion"
TEXTS = PACKAGE / "texts"
EXEMPT = ("texts",)  # the one place French messages live

ACCENTS = re.compile(r"[àâçéèêëîïôûùüÿœæ«»]", re.IGNORECASE)
WORDS = re.compile(r"\b(le|la|les|des|une|est|pas|aucun|aucune|pour|dans|avec|doit|être|"
                   r"fichier|colonne|ligne|valeur|vérifiez|saisissez)\b", re.IGNORECASE)

COLUMNS = {"année", "libellé", "écart", "unité", "millésime", "résultat", "impact actualisé",
           "hypothèse", "écart au ratio de base", "critère", "constat de la session"}
# Literals that are data, not messages: {module: {literal, …}}. Column names of the frames the
# pages rename or show as such, keys matched in the files trainees bring, stop words, the
# vocabularies of the content files, the sample data set, the audit log's action names.
ALLOWED: dict[str, set[str]] = {
    "charts/indicators.py": COLUMNS,
    "indicators/objectives.py": COLUMNS,
    "indicators/overview.py": COLUMNS | {  # radar dimension key, sample SROI outcomes
        "développement économique", "Retour à l'emploi durable",
        "Accès à une formation qualifiante", "Lien social et tranquillité du quartier"},
    "indicators/sroi.py": COLUMNS | {  # French column aliases accepted in an outcomes table
        "résultat", "quantité", "durée", "déplacement", "décroissance", "hypothèses de base"},
    "indicators/territory.py": COLUMNS,
    "evaluation/survey.py": COLUMNS,
    "indicators/insertion.py": {"entree dans la fonction publique",  # exit types, folded
                                "embauche dans une autre siae"},
    "indicators/catalogue.py": {"viabilité économique", "évaluation de la formation"},
    "indicators/aide.py": {"association intermédiaire",  # the structures' legal names
                            "entreprise d'insertion par le travail indépendant"},
    "indicators/economics.py": {"collectivité"},  # client types in the sales tables
    "core/words.py": {"à", "été", "être", "même", "où", "ça", "très", "là", "était", "déjà"},
    # ^ stop words
    "content/diagnosis.py": {"œ"},  # folding for matching
    "owndata/loading.py": {"œ", "æ"},
    # column names of the sheet's frames (objectives, progress), and the brainstorm source kind
    "project/build.py": COLUMNS | {"millésime"},
    "project/export.py": COLUMNS | {"libellé objectif", "départ"},
    "project/followup.py": COLUMNS | {"libellé objectif", "départ", "échéance"},
    "charts/project.py": COLUMNS | {"libellé objectif"},
    "diagnosis/afom.py": {"remue-méninges"},  # a source kind of data/diagnostic.toml
    "store/sql.py": {"créer session", "réinitialiser session", "{} archivés"},  # audit log
    # the targets and SROI frames' columns, read by name before they are shown
    "widgets/indicators/dashboard.py": COLUMNS,
    "widgets/indicators/sroi.py": COLUMNS,
    # an English error for the developer when Voilà's template changes (the accent is Voilà's)
    "serving/serve.py": {"Voilà's page template no longer has {}"},
}


def _constants(path: Path) -> list[str]:
    names = []
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) else [])
        for target in targets:
            elements = target.elts if isinstance(target, ast.Tuple) else [target]
            names += [e.id for e in elements if isinstance(e, ast.Name) and e.id.isupper()]
    return names


def _names_used(path: Path) -> set[str]:
    used = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute):
            used.add(node.attr)
        elif isinstance(node, ast.Name):
            used.add(node.id)
        elif isinstance(node, ast.ImportFrom):
            used.update(alias.name for alias in node.names)
    return used


def _loaded_in_own_file(path: Path) -> set[str]:
    """Names a texts module reads itself (a constant built from another of the same file)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}


def test_every_text_constant_is_used() -> None:
    used_by = {path: _names_used(path) for path in PACKAGE.rglob("*.py")}
    unused = []
    for path in sorted(TEXTS.glob("*.py")):
        elsewhere = set().union(*(names for other, names in used_by.items() if other != path))
        elsewhere |= _loaded_in_own_file(path)
        unused += [f"{path.relative_to(ROOT)}: {name}" for name in _constants(path)
                   if name not in elsewhere]
    assert not unused, "constants of companion/texts used nowhere:\n" + "\n".join(unused)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for statement in body:  # docstrings, and attribute docstrings after an assignment
            if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) \
                    and isinstance(statement.value.value, str):
                found.add(id(statement.value))
    return found


FRENCH_COLON = re.compile(r"[A-Za-z]{2,} [:;](\s|$)")
"""French typography: a space before « : » and « ; » (« base : », « URL : {url} »)."""


def looks_french(text: str) -> bool:
    """Return True for a literal that reads as French (accents, « », two French words, a
    space before a colon or a semicolon)."""
    return (bool(ACCENTS.search(text)) or len(WORDS.findall(text)) >= 2
            or bool(FRENCH_COLON.search(text)))


def french_literals(package: Path = PACKAGE) -> list[str]:
    """Return ``path:line: literal`` for every French-looking literal outside the texts."""
    found = []
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] in EXEMPT:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _docstrings(tree)
        allowed = ALLOWED.get(str(relative), set())
        inside = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)
                  for part in node.values}
        for node in ast.walk(tree):
            if id(node) in skip or id(node) in inside:
                continue
            if isinstance(node, ast.JoinedStr):  # an f-string, read with {} for its fields
                text = "".join(v.value if isinstance(v, ast.Constant) else "{}"
                               for v in node.values)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
            else:
                continue
            if text not in allowed and looks_french(text):
                found.append(f"companion/{relative}:{node.lineno}: {text!r}")
    return found


def test_the_heuristic_sees_french_and_ignores_code() -> None:
    assert looks_french("Le fichier « x » est vide.")
    assert looks_french("la colonne manque dans le fichier")
    assert not looks_french("data.text") and not looks_french("%{y} : %{x}<extra></extra>")
    assert not looks_french("utf-8-sig")


def test_the_scan_reads_widgets_and_serving_but_not_texts(tmp_path: Path) -> None:
    for folder in ("widgets", "serving", "texts"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.py").write_text(
            '"""Docstring: à ignorer."""\nLABEL = "Valider la réponse"\n', encoding="utf-8")
    assert french_literals(tmp_path) == [
        "companion/serving/page.py:2: 'Valider la réponse'",
        "companion/widgets/page.py:2: 'Valider la réponse'"]


def test_no_module_outside_texts_holds_a_french_message() -> None:
    found = french_literals()
    assert not found, "French literals outside companion/texts:\n" + "\n".join(found)
