"""Escaping, spreadsheet neutralisation, session codes and QR codes."""

from __future__ import annotations

import pytest

from companion.core import join
from companion.core.html import bullet_list, message, word_cloud_html
from companion.core.safety import escape, neutralise_cell


def test_escape_makes_markup_inert() -> None:
    assert escape('<img src=x onerror="alert(1)">') == (
        "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    )
    assert escape(None) == ""


@pytest.mark.parametrize(
    "payload", ['=HYPERLINK("http://x")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "  =1+1", "＝1"]
)
def test_formula_like_cells_are_neutralised(payload: str) -> None:
    assert neutralise_cell(payload) == "'" + payload


@pytest.mark.parametrize("value", ["Partenariat", "", 3, 2.5, None, "a=b"])
def test_ordinary_values_pass_unchanged(value: object) -> None:
    assert neutralise_cell(value) == value


def test_rendered_fragments_escape_user_text() -> None:
    hostile = "<script>alert(1)</script>"
    for html in (
        word_cloud_html([(hostile, 2), ("réseau", 1)]),
        bullet_list([hostile]),
        message(hostile, "erreur"),
    ):
        assert "<script>" not in html and "&lt;script&gt;" in html


def test_session_codes_are_readable_and_unique_enough() -> None:
    codes = {join.new_session_code() for _ in range(200)}
    assert len(codes) > 190
    assert all(len(c) == 6 and set(c) <= set(join.CODE_ALPHABET) for c in codes)
    assert not set("01OI") & set(join.CODE_ALPHABET)


def test_join_url_and_qr_code() -> None:
    url = join.join_url(
        "http://192.168.1.20:8866/", "02_remue_meninges_1.ipynb", "ABC234", "Groupe 1"
    )
    assert url == (
        "http://192.168.1.20:8866/voila/render/02_remue_meninges_1.ipynb"
        "?session=ABC234&groupe=Groupe+1"
    )
    svg = join.qr_svg(url)
    assert svg.startswith("<svg") and "http" not in svg.split(">", 1)[0].replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )
    text = join.qr_text(url)
    assert len(text.splitlines()) > 10 and "█" in text


def test_timeline_html_places_every_sequence_and_escapes_titles() -> None:
    from datetime import time as clock

    from companion.content.course import Sequence
    from companion.core.html import programme_timeline_html

    hostile = Sequence(1, clock(9, 0), clock(10, 0), "<script>x</script>", "accueil")
    overlap = Sequence(1, clock(9, 30), clock(10, 30), "Introduction", "apport")
    day2 = Sequence(2, clock(14, 0), clock(16, 0), "Table ronde", "table_ronde")
    html = programme_timeline_html([hostile, overlap, day2], highlight=day2)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert html.count("cp-timeline-block") == 3 and "Jour 1" in html and "Jour 2" in html
    # The overlapping sequence goes on a second lane; 14h is 5/8 of the 9h–17h scale.
    assert "top:2.8em" in html and "left:62.50%" in html
