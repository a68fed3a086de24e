"""The participants' views of the diagnosis (plain data → escaped HTML, no pandas): they agree
with the DataFrame functions the trainer's charts and the report use, and typed text stays
inert."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from companion.core.html import rows_html, table_html
from companion.diagnosis import afom as d
from companion.diagnosis import needs as n
from companion.diagnosis import stakeholders as s
from companion.diagnosis import views as v
from companion.store import Store
from companion.widgets.diagnosis.page import DiagnosisPage
from tests.drivers.diagnosis import actors_grid_html, afom_grid_html

HOSTILE = "<img src=x onerror=alert(1)>"
STEPS = ("Diagnostic", "Mise en œuvre")


def _actors(store: Store, session: str) -> list[dict[str, object]]:
    s.add_actor(store, session, nom="Ville", categorie="Collectivité", pouvoir=5, interet=4,
                attitude="favorable", roles={"Diagnostic": "concertation"})
    s.add_actor(store, session, nom=HOSTILE, categorie="Habitants", pouvoir=1, interet=5,
                group="B", roles={"Mise en œuvre": "co-portage"})
    s.add_actor(store, session, nom="Préfecture", categorie="État", pouvoir=4, interet=1)
    s.add_actor(store, session, nom="Bailleur", categorie="Bailleurs", pouvoir=5, interet=5)
    return s.actor_rows(s.actors(store, session), STEPS)


def test_plain_rows_agree_with_the_frames(store: Store, session_code: str) -> None:
    rows = _actors(store, session_code)
    frame = s.actors_frame(s.actors(store, session_code), STEPS)
    assert frame.to_dict("records") == rows
    assert s.missing_categories(rows) == s.absent_categories(frame)
    assert {q: len(a) for q, a in s.mendelow_groups(rows).items()} == s.quadrant_counts(frame)
    matrix = s.coconstruction_matrix(frame, STEPS).reset_index()
    assert s.coconstruction_rows(rows, STEPS) == matrix.values.tolist()
    n.add_need(store, session_code, group="A", besoin="Mobilité", modele="mixte")
    records = n.needs(store, session_code)
    assert n.needs_frame(records).to_dict("records") == n.need_rows(records)
    assert s.missing_categories([]) == s.absent_categories(s.actors_frame([], STEPS))


def test_mendelow_groups_sort_by_power_then_interest(store: Store, session_code: str) -> None:
    groups = s.mendelow_groups(_actors(store, session_code))
    assert [a["nom"] for a in groups[s.ENGAGE]] == ["Bailleur", "Ville"]
    assert [a["nom"] for a in groups[s.SATISFY]] == ["Préfecture"]
    assert [a["nom"] for a in groups[s.INFORM]] == [HOSTILE]
    assert groups[s.WATCH] == []


def _cell(html: str, css: str) -> str:
    found = re.search(rf'<td class="cp-mendelow-{css}"[^>]*>(.*?)</td>', html)
    assert found, css
    return found.group(1)


def test_the_mendelow_grid_puts_each_actor_in_its_quadrant(store: Store,
                                                           session_code: str) -> None:
    html = v.mendelow_grid_html(_actors(store, session_code))
    assert "<img" not in html and "&lt;img src=x" in html
    assert "Bailleur" in _cell(html, "engage") and "Ville" in _cell(html, "engage")
    assert "Préfecture — État, attitude : inconnue" in _cell(html, "satisfy")
    assert "pouvoir 4, intérêt 1" in _cell(html, "satisfy")
    assert "&lt;img" in _cell(html, "inform")
    assert "(aucun acteur)" in _cell(html, "watch")
    # high power on the first row, high interest in the second column (as on the chart)
    first, second = re.findall(r"<tr><th scope=\"row\".*?</tr>", html)
    assert "Pouvoir élevé (3 à 5)" in first and "satisfy" in first.split("engage")[0]
    assert "Pouvoir faible (1 à 2)" in second and "watch" in second.split("inform")[0]
    assert html.index("Intérêt faible (1 à 2)") < html.index("Intérêt élevé (3 à 5)")


@pytest.mark.parametrize("power, interest", [(p, i) for p in range(1, 6) for i in range(1, 6)])
def test_the_grid_agrees_with_mendelow(power: int, interest: int) -> None:
    row = {"nom": "X", "categorie": "Habitants", "attitude": "neutre", "pouvoir": power,
           "interet": interest, "quadrant": s.mendelow(power, interest)}
    html = v.mendelow_grid_html([row])
    css = v.MENDELOW_CLASSES[s.mendelow(power, interest)]
    assert "X — Habitants" in _cell(html, css)
    assert sum("X — Habitants" in _cell(html, c) for c in v.MENDELOW_CLASSES.values()) == 1


def test_matrix_and_needs_tables_are_escaped_and_scroll_on_a_phone(
    store: Store, session_code: str
) -> None:
    rows = _actors(store, session_code)
    matrix = v.coconstruction_html(rows, STEPS)
    assert "<img" not in matrix and "&lt;img" in matrix and "co-portage" in matrix
    assert 'role="region" aria-label="Matrice de coconstruction' in matrix
    assert 'tabindex="0"' in matrix
    n.add_need(store, session_code, group="A", besoin=HOSTILE, partenaires="CAF & Ville")
    table = v.needs_table_html(n.need_rows(n.needs(store, session_code)))
    assert "<img" not in table and "&lt;img" in table and "CAF &amp; Ville" in table
    assert "Besoin social" in table and "Sous-groupe" in table and 'role="region"' in table
    assert v.needs_table_html([]) == ('<p class="cp-needs-grid"><em>Aucune ligne pour le '
                                      "moment.</em></p>")
    assert "Aucun acteur" in v.coconstruction_html([], STEPS)


def test_the_afom_grid_lists_every_quadrant_and_escapes(store: Store, session_code: str) -> None:
    d.add_item(store, session_code, group="A", quadrant="menaces", texte=HOSTILE,
               theme="Financements", source="parole d'habitant", reference="Conseil & co")
    html = v.afom_grid_html(d.items(store, session_code))
    assert "<img" not in html and "&lt;img src=x" in html and "Conseil &amp; co" in html
    for quadrant in d.QUADRANTS:
        assert f"cp-afom-{quadrant}" in html
    assert html.count("<section") == 4 and 'aria-label="Menaces (externe, négatif)"' in html
    assert html.count("(aucun constat)") == 3


def test_rows_html_is_table_html_without_pandas() -> None:
    frame = pd.DataFrame({"nom": [HOSTILE, "B"], "note": [4.25, 3], "ok": [True, None]})
    labels = {"nom": "Nom"}
    plain = rows_html(list(frame.columns), frame.itertuples(index=False, name=None), labels,
                      caption="Titre", css_class="cp-x")
    assert plain == table_html(frame, labels, caption="Titre", css_class="cp-x")
    assert "&lt;img" in plain and "4,25" in plain
    assert rows_html(["a"], [], empty="Rien") == table_html(pd.DataFrame(columns=["a"]),
                                                          empty="Rien")


def test_a_participant_sees_html_and_the_trainer_gets_the_charts(
    store: Store, session_code: str
) -> None:
    _actors(store, session_code)
    d.add_item(store, session_code, group="A", quadrant="atouts", texte="Régie implantée",
               theme="Financements", source="parole d'habitant")
    page = DiagnosisPage(store, {"groupe": "A"}, trainer_code="CODE")
    assert page.projection is None
    assert "Régie implantée" in afom_grid_html(page.afom_board)
    assert "Bailleur" in actors_grid_html(page.actor_board)
    assert [a["nom"] for a in page.actor_board.rows][:1] == ["Ville"]
    assert page.gate.check("CODE") and page.projection is not None
    afom_texts = " ".join(a["text"] for a in
                          page.projection.afom.figure.to_dict()["layout"]["annotations"])
    assert "Régie implantée" in afom_texts
    names = [t for trace in page.projection.actors.figure.to_dict()["data"] for t in trace["text"]]
    assert "Bailleur" in names and "&lt;img src=x onerror=alert(1)&gt;" in names
    d.add_item(store, session_code, group="B", quadrant="menaces", texte="Fin des aides",
               theme="Financements", source="parole d'habitant")
    page.refresh()
    afom_texts = " ".join(a["text"] for a in
                          page.projection.afom.figure.to_dict()["layout"]["annotations"])
    assert "Fin des aides" in afom_texts
