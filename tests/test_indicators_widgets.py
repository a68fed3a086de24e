"""The indicators dashboard, headless: choose, upload (good, broken, oversized), targets, SROI."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pandas as pd
import pytest

from companion.indicators.overview import TARGET_KIND
from companion.owndata.sample import load_sample
from companion.store import Store
from companion.texts import indicators as ti
from companion.widgets.indicators.dashboard import IndicatorsDashboard
from companion.widgets.indicators.sroi import SroiCalculator
from tests.drivers.indicators import CHARTS, IndicatorsDriver, SroiDriver

HOSTILE = "<img src=x onerror=alert(1)>"
GOOD = ("annee;salarie;type_sortie;duree_mois\n2025;A;CDI;\n2025;B;Formation qualifiante;\n"
        "2025;C;Demandeur d'emploi;\n")


def upload_item(name: str, content: bytes, size: int | None = None) -> dict[str, Any]:
    """One file as ipywidgets 8 gives it in FileUpload.value."""
    return {"name": name, "type": "text/csv", "size": len(content) if size is None else size,
            "last_modified": datetime(2025, 1, 1, tzinfo=UTC), "content": memoryview(content)}


@pytest.fixture(scope="module")
def sample_dashboard() -> IndicatorsDashboard:
    return IndicatorsDashboard()


def test_cards_show_the_year_with_definition_and_source(
        sample_dashboard: IndicatorsDashboard) -> None:
    board = sample_dashboard
    ui = IndicatorsDriver(board)
    board.choose(ti.SAMPLE_LABEL, 2021)
    exits = load_sample()["sorties"].query("annee == 2021")
    dynamic = exits["type_sortie"].str.lower().isin(["demandeur d'emploi", "sans nouvelles",
                                                     "inactivité", "autre"])
    rate = round(100 * (~dynamic).sum() / len(exits))
    html = ui.cards_html()
    assert board.view is not None and board.view.year == 2021
    assert f"{rate}\u00a0%" in html and "année 2021" in html
    assert "Définition et source" in html and "<details" in html and "Formule" in html
    chart = ui.chart("exits").figure
    assert chart is not None
    assert sum(chart.data[0].x) == len(exits)


def test_the_sample_has_every_section(sample_dashboard: IndicatorsDashboard) -> None:
    board = sample_dashboard
    ui = IndicatorsDriver(board)
    board.choose(year=2024)
    for name in CHARTS:
        assert ui.chart(name).figure is not None and ui.chart_shown(name), name
    ui.choose_trend("chiffre_affaires")
    trend = ui.chart("trend").figure
    assert trend is not None and list(trend.data[0].y)[-1] == 744_000
    assert board.view is not None and board.view.missing == ()
    assert "objectif non paramétré" in ui.targets_html()


def test_a_good_upload_replaces_the_sample() -> None:
    board = IndicatorsDashboard()
    ui = IndicatorsDriver(board)
    assert ui.missing_html() == "" and ui.chart_shown("sales")  # the sample has them all
    board.upload.upload.value = (upload_item("mes_sorties.csv", GOOD.encode("utf-8")),)
    assert board.upload.notice.level == "succes"
    assert ui.structure() == ti.OWN_LABEL.format(name="mes_sorties.csv")
    assert ui.years() == [2025] and ui.year() == 2025
    assert "67\u00a0%" in ui.cards_html()  # 3 exits, 2 dynamic
    assert "ventes" in ui.missing_html()
    assert not ui.chart_shown("sales")
    assert board.upload.upload.value == ()  # ready for the next file


def test_broken_and_oversized_uploads_give_french_messages_and_change_nothing() -> None:
    board = IndicatorsDashboard()
    ui = IndicatorsDriver(board)
    before = ui.structure()
    board.upload.upload.value = (upload_item(f"{HOSTILE}.csv", b"\x00\x01\x02" * 100),)
    assert board.upload.notice.level == "erreur" and "fichier binaire" in board.upload.notice.text
    assert "&lt;img" in board.upload.notice.value and "<img" not in board.upload.notice.value
    big = b"annee;type_sortie\n" + b"2025;CDI\n" * (21 * 1024 * 1024 // 9)
    board.upload.upload.value = (upload_item("enorme.csv", big),)
    assert "trop volumineux" in board.upload.notice.text and "20 Mo" in board.upload.notice.text
    bad = GOOD.replace("Demandeur d'emploi", "Voyage sur la Lune").encode()
    board.upload.upload.value = (upload_item("sorties.csv", bad),)
    # every cell is checked when the file is read: refused, naming the line, and the sample
    # (labelled « exemple fictif ») stays shown, never under « Mes données »
    assert board.upload.notice.level == "erreur"
    assert "Voyage sur la Lune" in board.upload.notice.text
    assert "ligne 4" in board.upload.notice.text
    assert ui.structure() == before
    board.upload.upload.value = (upload_item("sorties.csv", GOOD.encode()),)  # corrected
    assert board.notice.text == "" and "67\u00a0%" in ui.cards_html()
    board.choose(ti.SAMPLE_LABEL)
    assert board.notice.text == "" and board.view is not None


def test_targets_without_store_stay_in_the_page(sample_dashboard: IndicatorsDashboard) -> None:
    board = sample_dashboard
    ui = IndicatorsDriver(board)
    board.choose(ti.SAMPLE_LABEL, 2024)
    ui.save_target("taux_sorties_dynamiques", "60")
    assert "enregistré" in ui.targets_notice().text and board.targets() == {
        "taux_sorties_dynamiques": 60.0}
    assert "atteint" in ui.targets_html() and "+2\u00a0points" in ui.targets_html()
    ui.remove_target()
    assert board.targets() == {}


def test_targets_go_to_the_store_and_other_pages_see_them(store: Store,
                                                          session_code: str) -> None:
    query = {"session": session_code, "groupe": "Groupe A"}
    board = IndicatorsDashboard(store, query, trainer_code="CODE")
    IndicatorsDriver(board).save_target("dependance_financements_publics", "40")
    records = store.list_records(session_code, TARGET_KIND)
    assert [(r.group, dict(r.data)) for r in records] == [
        ("Groupe A", {"indicator": "dependance_financements_publics", "value": 40.0})]
    other = IndicatorsDashboard(store, query, trainer_code="CODE")
    assert other.targets() == {"dependance_financements_publics": 40.0}
    assert "non atteint" in IndicatorsDriver(other).targets_html()  # 43 % > 40 %: lower is better
    assert IndicatorsDashboard(store, {"session": session_code}, trainer_code="CODE"
                               ).targets() == {}


def test_sroi_follows_an_edited_assumption() -> None:
    outcomes = pd.DataFrame({"outcome": ["emploi"], "quantity": [10.0], "proxy": [1000.0],
                             "duration": [2.0], "deadweight": [0.2], "displacement": [0.0],
                             "attribution": [0.0], "drop_off": [0.5]})
    calc = SroiCalculator(outcomes, inputs=10_000)
    ui = SroiDriver(calc)
    assert calc.result is not None
    assert calc.result.ratio == pytest.approx((8000 / 1.035 + 4000 / 1.035**2) / 10_000)
    calc.rows[0].numbers["deadweight"].value = 0.0
    assert calc.result.ratio == pytest.approx((10000 / 1.035 + 5000 / 1.035**2) / 10_000)
    assert "Ratio SROI" in ui.result_html() and "SROI net" in ui.result_html()
    assert ui.chart().figure is not None
    calc.add_row({"outcome": HOSTILE, "quantity": 1, "proxy": 100, "duration": 1})
    assert len(calc.rows) == 2 and "&lt;img" in ui.result_html()
    assert "<img" not in ui.result_html()
    calc.rows[1].remove.click()
    calc.rows[0].remove.click()
    assert len(calc.rows) == 1 and calc.notice.text == ti.SROI_LAST_ROW


def test_sroi_bad_input_is_a_french_message_not_a_crash() -> None:
    calc = SroiCalculator()
    calc.inputs_field.value = 0
    assert calc.result is None and calc.notice.level == "erreur"
    assert "investissement" in calc.notice.text
    calc.inputs_field.value = 50_000
    assert calc.result is not None and calc.notice.text == ""


def test_an_uploaded_file_name_stays_text_in_the_charts() -> None:
    board = IndicatorsDashboard()
    board.upload.upload.value = (upload_item(f"{HOSTILE}.csv", GOOD.encode()),)
    chart = IndicatorsDriver(board).chart("exits").figure
    assert chart is not None
    notes = " ".join(a.text for a in chart.layout.annotations)
    assert "&lt;img src=x" in notes and "<img" not in notes
