"""No upload keeps a page's kernel busy for more than ~10 s (issue 14, item 6).

The largest tables the guards accept and the hostile ones (a 100-million-cell zip bomb, a few
hundred kilobytes of styles or shared strings, a sheet without a dimension and too many rows,
rows padded to the last column) each end — read, or refused in French naming the file — well
within :data:`BOUND_S`. The bound is a correctness bound with a wide margin (the parse
deadline is :data:`companion.owndata.guard.READ_SECONDS`), not a micro-benchmark.
"""

from __future__ import annotations

import io
import random
import time
import zipfile
from collections.abc import Callable

import pytest

from companion.core.errors import DataError
from companion.owndata.guard import MAX_CELLS, MAX_PART_BYTES, MAX_SHARED_STRINGS
from companion.owndata.loading import MAX_BYTES, read_table
from tests.workbooks import rewrite, small_workbook

BOUND_S = 10.0
NS = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _sheet(rows: bytes, dimension: bytes = b"") -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="'
            + NS + b'">' + dimension + b"<sheetData>" + rows + b"</sheetData></worksheet>")


def _with_sheet(rows: bytes, dimension: bytes = b"") -> bytes:
    return rewrite(small_workbook(), {"xl/worksheets/sheet1.xml": _sheet(rows, dimension)})


def _grid_rows(rows: int, columns: int, seed: int = 1) -> bytes:
    """A header of texts, then ``rows`` rows of random numbers (compresses like real data)."""
    draw = random.Random(seed).randrange
    head = b"<row>" + b"".join(b'<c t="inlineStr"><is><t>col%d</t></is></c>' % j
                               for j in range(columns)) + b"</row>"
    body = b"".join(b"<row>" + b"".join(b"<c><v>%d</v></c>" % draw(10**6)
                                        for _ in range(columns)) + b"</row>"
                    for _ in range(rows))
    return head + body


def _ends_in_time(make: Callable[[], bytes], name: str) -> tuple[float, object]:
    """Read the file ``make`` builds; return the seconds taken and the frame or the message."""
    data = make()
    started = time.monotonic()
    try:
        outcome: object = read_table(data, name=name)
    except DataError as error:
        outcome = str(error)
        assert f"« {name} »" in outcome, outcome  # French, naming the file
    elapsed = time.monotonic() - started
    print(f"{name}: {elapsed:.1f} s")  # the measure, shown with -s
    assert elapsed < BOUND_S, f"{name}: {elapsed:.1f} s"
    return elapsed, outcome


def _refused(outcome: object, *words: str) -> None:
    assert isinstance(outcome, str), "read instead of refused"
    assert any(word in outcome for word in words), outcome


# --- the largest accepted CSV files ------------------------------------------------------


def _csv_numbers(rows: int, columns: int) -> bytes:
    draw = random.Random(2).randrange
    head = ";".join(f"col{j}" for j in range(columns))
    body = "\n".join(f"{draw(10**6)},{draw(100)};" + ";".join(str(draw(10**6))
                                                             for _ in range(columns - 1))
                     for _ in range(rows))
    return f"{head}\n{body}\n".encode()


@pytest.mark.slow
def test_the_largest_accepted_csv_is_read_in_time() -> None:
    rows = MAX_CELLS // 10 - 2
    _, frame = _ends_in_time(lambda: _csv_numbers(rows, 10), "grand.csv")
    assert not isinstance(frame, str), frame
    assert frame.shape == (rows, 10)  # type: ignore[attr-defined]


@pytest.mark.slow
def test_a_csv_of_short_lines_up_to_the_byte_limit_is_refused_in_time() -> None:
    lines = MAX_BYTES // 2 - 2  # 26 million one-character lines: 45 s to read before
    _, outcome = _ends_in_time(lambda: (b"a\n" + b"1\n" * lines)[:MAX_BYTES], "lignes.csv")
    _refused(outcome, "trop de cellules")


@pytest.mark.slow
def test_csv_shapes_just_under_the_cell_budget_end_in_time() -> None:
    text_rows = MAX_CELLS - 2
    _, frame = _ends_in_time(lambda: b"nom\n" + b"Commune x\n" * text_rows, "texte.csv")
    assert not isinstance(frame, str) and len(frame) == text_rows  # type: ignore[arg-type]
    quoted = MAX_CELLS // 2 - 2
    _, frame = _ends_in_time(lambda: b'nom;n\n' + b'"Saint-\xc3\x89tienne";1\n' * quoted,
                             "guillemets.csv")
    assert not isinstance(frame, str) and len(frame) == quoted  # type: ignore[arg-type]
    ragged = MAX_CELLS // 3 - 2  # every other line short: the row-by-row path
    _, frame = _ends_in_time(lambda: b"a;b;\n" + b"1;2;3\n1;2\n" * (ragged // 2),
                             "inegal.csv")
    assert not isinstance(frame, str) and len(frame) == ragged // 2 * 2  # type: ignore[arg-type]


# --- Excel: the largest accepted and the hostile ones -------------------------------------


@pytest.mark.slow
def test_the_hundred_million_cell_zip_bomb_is_refused_at_once() -> None:
    dimension = b'<dimension ref="A1:CV1000000"/>'
    row = b"<row>" + b"<c><v>1</v></c>" * 100 + b"</row>"
    elapsed, outcome = _ends_in_time(lambda: _with_sheet(row * 20_000, dimension),
                                     "bombe.xlsx")
    _refused(outcome, "déclare une feuille", "trop volumineux")
    assert elapsed < 2


@pytest.mark.slow
def test_a_zip_bomb_without_dimension_is_refused_in_time() -> None:
    row = b"<row>" + b"<c><v>1</v></c>" * 100 + b"</row>"
    _, outcome = _ends_in_time(lambda: _with_sheet(row * 110_000),
                                 "bombe_sans_taille.xlsx")
    _refused(outcome, "trop volumineux", "trop long", "trop de cellules")


@pytest.mark.slow
def test_a_sheet_without_dimension_and_many_rows_ends_in_time() -> None:
    rows = MAX_CELLS // 10 - 10  # under the cell budget: only the deadline can stop it
    _, outcome = _ends_in_time(lambda: _with_sheet(_grid_rows(rows, 10)), "lignes.xlsx")
    if isinstance(outcome, str):
        _refused(outcome, "trop long")
    else:
        assert outcome.shape == (rows, 10)  # type: ignore[attr-defined]


@pytest.mark.slow
def test_rows_padded_to_the_last_column_are_refused_in_time() -> None:
    rows = b'<row><c r="XFD%d"><v>1</v></c></row>'
    data = b"".join(rows % i for i in range(1, 20_001))  # 327 million cells, 700 kB of XML
    _, outcome = _ends_in_time(lambda: _with_sheet(data), "large.xlsx")
    _refused(outcome, "trop de cellules", "trop long")


@pytest.mark.slow
def test_styled_empty_cells_end_in_time() -> None:
    """The shape of the 259 kB workbook that took 45–57 s: a styled sheet, no dimension."""
    draw = random.Random(4).randrange
    rows = b"".join(b"<row>" + b"".join(b'<c s="%d"/>' % draw(50) for _ in range(200))
                    + b"<c><v>%d</v></c></row>" % draw(10**6) for _ in range(4_000))
    _, outcome = _ends_in_time(lambda: _with_sheet(rows), "styles.xlsx")
    if isinstance(outcome, str):  # on a busy machine the deadline comes first
        _refused(outcome, "trop long")
    else:  # 804 000 cells, all empty but one a row: the numbers column
        assert outcome.shape == (3_999, 1)  # type: ignore[attr-defined]


def _styles(count: int) -> bytes:
    with zipfile.ZipFile(io.BytesIO(small_workbook())) as book:
        styles = book.read("xl/styles.xml")
    draw = random.Random(3).choice
    xfs = b"".join(b'<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="%d"/>'
                   % (draw((0, 2, 3, 4, 14)), i % 9) for i in range(count))
    start, end = styles.index(b"<cellXfs"), styles.index(b"</cellXfs>")
    return styles[:start] + b'<cellXfs count="%d">' % count + xfs + styles[end:]


@pytest.mark.slow
def test_the_largest_accepted_styles_and_too_many_end_in_time() -> None:
    under = _styles(MAX_PART_BYTES // 72)
    assert MAX_PART_BYTES * 0.8 < len(under) < MAX_PART_BYTES
    _, frame = _ends_in_time(lambda: rewrite(small_workbook(), {"xl/styles.xml": under}),
                             "styles.xlsx")
    assert not isinstance(frame, str) and len(frame) == 1  # type: ignore[arg-type]
    over = _styles(MAX_PART_BYTES // 10)
    _, outcome = _ends_in_time(lambda: rewrite(small_workbook(), {"xl/styles.xml": over}),
                               "styles_lourds.xlsx")
    _refused(outcome, "trop volumineux")


def _shared_strings(count: int) -> bytes:
    draw = random.Random(6).randrange
    texts = b"".join(b"<si><t>Commune %d</t></si>" % draw(10**9) for _ in range(count))
    with zipfile.ZipFile(io.BytesIO(small_workbook())) as book:
        types, rels = book.read("[Content_Types].xml"), book.read("xl/_rels/workbook.xml.rels")
    types = types.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType='
                          b'"application/vnd.openxmlformats-officedocument.spreadsheetml.'
                          b'sharedStrings+xml"/></Types>')
    rels = rels.replace(b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.'
                        b"openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
                        b'" Target="sharedStrings.xml"/></Relationships>')
    sst = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="' + NS + b'" count="%d" '
           b'uniqueCount="%d">' % (count, count) + texts + b"</sst>")
    return rewrite(small_workbook(), {"[Content_Types].xml": types,
                                      "xl/_rels/workbook.xml.rels": rels,
                                      "xl/sharedStrings.xml": sst})


@pytest.mark.slow
def test_the_largest_accepted_shared_strings_and_too_many_end_in_time() -> None:
    under = _shared_strings(MAX_SHARED_STRINGS // 34)
    _, frame = _ends_in_time(lambda: under, "textes.xlsx")
    if isinstance(frame, str):
        _refused(frame, "trop long")
    else:
        assert len(frame) == 1  # type: ignore[arg-type]
    _, outcome = _ends_in_time(lambda: _shared_strings(MAX_SHARED_STRINGS // 20),
                               "textes_lourds.xlsx")
    _refused(outcome, "trop volumineux")
