"""Read the tables trainees bring: French CSV exports and Excel workbooks, quirks included.

One public entry point, :func:`read_table`. CSV files are decoded (UTF-8 with or without BOM,
else Windows-1252), their separator sniffed and their rows checked; then every column is
converted in one vectorised pass over the column's text: numbers with a decimal comma and
thousands separators become floats or integers, statistical-secret markers become missing values
(never 0), codes keep their leading zeros. Aggregate rows (« Ensemble », « France », « Total »)
are moved to ``df.attrs["aggregats"]``.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from companion.core.errors import DataError
from companion.owndata import guard
from companion.texts import indicators as ti
from companion.texts import owndata as tl

MAX_BYTES = 50 * 1024 * 1024
#: Cell values meaning "no value" in numeric columns (compared case-insensitively).
SECRET_MARKERS = ("s", "nd", "ns", "n.d.", "n.s.", "nc", "n.c.", "secret", "-", "–", "—",
                  "#n/a", "#div/0!", "#valeur!", "#value!", "#ref!", "#nom?", "#name?")
#: First-text-column values (folded) of a row holding an aggregate, not an observation.
AGGREGATE_LABELS = frozenset({"ensemble", "france", "total", "france entiere",
                              "france metropolitaine", "total general"})
_MAX_AGGREGATE_ROWS = 5
_SEPARATORS = (";", ",", "\t")
_SPACES = " \u202f\u00a0"
# Thousands separators must be followed by three digits and preceded by at most three.
_BAD_SPACE = re.compile(rf"[{_SPACES}](?!\d{{3}}(?!\d))")
_BAD_GROUP = re.compile(rf"(?:\d{{4}}|[^\d\n])[{_SPACES}]")
_NUMBER_CHARS = str.maketrans("", "", "0123456789\n.,+-eE" + _SPACES)
_OTHER_CHAR = re.compile(rf"[^0-9\n.,+\-eE{_SPACES}]")
_MARKER_LINES = re.compile("(?mi)^(?:" + "|".join(map(re.escape, SECRET_MARKERS)) + ")$")
_STRIP_LINES = re.compile(rf"(?m)^[\t{_SPACES}]+|[\t{_SPACES}]+$")
_LEADING_ZERO = re.compile(r"(?m)^[+-]?0\d")
_EXCEL_PROTECTED = re.compile(r'(?m)^="(.*)"$')
_CODE_NAME = re.compile(r"^(?:cod|insee|siren|siret|depcom|iris|(?:cp|dep|reg|com|epci)$)", re.I)
# Excel saving « 6\u202f056 » as Windows-1252, which has no U+202F, writes « 6?056 ».
_QUESTION_GROUP = re.compile(r"(?<=\d)\?(?=\d{3}(?!\d))")
_WORKBOOK_NAME = re.compile(r"\.xls[xm]$", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_MOJIBAKE = re.compile(rb"\xc3[\x80-\xbf]")
_MAGIC = {b"%PDF": tl.KIND_PDF, b"\x89PNG": tl.KIND_PNG, b"GIF8": tl.KIND_GIF,
          b"\xff\xd8\xff": tl.KIND_JPEG, b"\x1f\x8b": tl.KIND_ARCHIVE}
Columns = Sequence[Sequence[Any]]


def fold(text: str) -> str:
    """Return ``text`` lower-cased, without accents, ligatures or repeated spaces, for matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.casefold().replace("œ", "oe").replace("æ", "ae").replace("’", "'")
    return " ".join(plain.split())


def read_table(
    source: str | os.PathLike[str] | bytes | bytearray | IO[bytes] | IO[str],
    sheet: str | int | None = None,
    *,
    name: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> pd.DataFrame:
    """Read a CSV or ``.xlsx`` table into a clean DataFrame.

    Parameters
    ----------
    source : path, bytes or file-like (binary or text)
        The table; its format is recognised from its content, not from its extension.
    sheet : str or int, optional
        Worksheet of a workbook (name or 0-based position), the first one by default.
        Ignored for CSV files.
    name : str, optional
        File name used in messages and in ``df.attrs["source"]``.
    max_bytes : int
        Largest accepted size (50 MB by default).

    Returns
    -------
    pandas.DataFrame
        Numbers as ``float64``/``int64``, codes and labels as strings, missing values as NaN.
        ``attrs``: ``source``; ``secret`` (count of masked values per column); ``encodage``
        and ``separateur`` (CSV) or ``feuille`` (Excel); ``aggregats`` (DataFrame of the
        aggregate rows removed), only when there were some; ``titre`` (the title lines above
        the header, where a file may state its vintage), only when there were some.

    Raises
    ------
    DataError
        French message naming the file and, where known, the line and the column.

    Notes
    -----
    ``pandas.concat`` compares the ``attrs`` of its inputs and fails on two DataFrames in
    ``attrs["aggregats"]``: ``df.attrs.pop("aggregats")`` first when concatenating such tables.
    """
    deadline = time.monotonic() + guard.READ_SECONDS
    label, data = _read_source(source, name, max_bytes)
    if isinstance(data, bytes) and data.startswith(b"PK\x03\x04"):
        guard.check_workbook(data, label)
        names, columns, meta = _read_excel(data, sheet, label, deadline)
    elif _WORKBOOK_NAME.search(label):  # a text file renamed: never read as an empty table
        raise DataError(ti.NOT_A_WORKBOOK.format(name=label))
    else:
        text, encoding = (data, "texte") if isinstance(data, str) else _decode(data, label)
        if _CONTROL.search(text, 0, 8192):
            raise DataError(tl.NOT_A_TABLE_BINARY.format(label=label))
        names, columns, meta = _read_csv(text, label)
        meta["encodage"] = encoding
    return _assemble(names, columns, label, meta)


# --- source and decoding ---------------------------------------------------------------------


def _read_source(source: Any, name: str | None, max_bytes: int) -> tuple[str, bytes | str]:
    data: bytes | str
    if isinstance(source, bytes | bytearray | memoryview):
        label, data = name or "tableau", bytes(source)
    elif isinstance(source, str | os.PathLike):
        path = Path(source).expanduser()
        label = name or path.name
        if not path.is_file():
            raise DataError(tl.FILE_NOT_FOUND.format(label=label, path=path))
        _check_size(label, path.stat().st_size, max_bytes)
        data = path.read_bytes()
    elif hasattr(source, "read"):
        label = name or Path(str(getattr(source, "name", "") or "tableau")).name
        data = source.read(max_bytes + 1)
    else:
        raise TypeError(tl.UNKNOWN_SOURCE.format(kind=type(source).__name__))
    _check_size(label, len(data), max_bytes)
    if not data.strip():
        raise DataError(tl.FILE_EMPTY.format(label=label))
    return label, data


def _check_size(label: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        mo = [f"{n / 1024 / 1024:.1f}".replace(".", ",") for n in (size, max_bytes)]
        raise DataError(tl.FILE_TOO_BIG.format(label=label, mo=mo[0], mo2=mo[1]))


def _decode(data: bytes, label: str) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's « texte Unicode »
        try:
            return data.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            raise DataError(tl.UTF16_BROKEN.format(label=label)) from None
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise DataError(tl.OLD_EXCEL.format(label=label))
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise DataError(tl.NOT_A_TABLE_KIND.format(label=label, kind=kind))
    if b"\x00" in data[:8192]:
        raise DataError(tl.NOT_A_TABLE_BINARY.format(label=label))
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        if _MOJIBAKE.search(data):  # valid UTF-8 accents beside invalid bytes: never guess
            raise DataError(tl.MIXED_ENCODINGS.format(label=label, line=line)) from None
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise DataError(tl.UNKNOWN_ENCODING.format(label=label, line=line)) from None


# --- CSV -------------------------------------------------------------------------------------


def _read_csv(text: str, label: str) -> tuple[list[str], Columns, dict[str, Any]]:
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise DataError(tl.FILE_EMPTY.format(label=label))
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")  # old Macintosh line ends
    if text.lstrip().startswith(("<", "{")):
        raise DataError(tl.NOT_A_TABLE_WEB.format(label=label))
    head = [line.rstrip("\r") for line in text.split("\n", 21)[:20]]
    sep = _sniff(head)
    guard.check_text_cells(text, head, sep, label)  # rows × columns, before splitting the rows
    if '="' in text:  # Excel-protected cells written raw: ="13055;13070" → "13055;13070"
        s = re.escape(sep)
        text = re.sub(rf'(?m)(^|{s})="([^"\n]*)"(?=[{s}\r]|$)', r'\1"\2"', text)
    skip = _title_lines(head, sep)
    lines = text.split("\n")
    names = [h.strip() for h in next(csv.reader([lines[skip].rstrip("\r")], delimiter=sep))]
    _check_names(names, label)
    body = lines[skip + 1:]
    if body and not body[-1]:
        body.pop()
    first = skip + 2  # 1-based number of the first data line
    if text.find('"', sum(len(line) + 1 for line in lines[: skip + 1])) >= 0:
        columns, width = _rows_quoted("\n".join(body), sep, names, label, first)
    else:
        columns, width = _rows_plain(body, sep, names, label, first)
    meta: dict[str, Any] = {"separateur": sep}
    title = " ".join(c.strip().strip('"') for line in head[:skip] for c in line.split(sep)
                     if c.strip().strip('"'))
    if title:
        meta["titre"] = title  # the file's own title: may give the vintage
    return names[:width], columns, meta


def _sniff(head: list[str]) -> str:
    """Return the separator whose count is the same on most of the first lines."""
    lines = [line for line in head if line.strip()] or [""]
    best, best_score = ";", (0, 0)
    for sep in _SEPARATORS:
        counts = Counter(line.count(sep) for line in lines)
        mode, frequency = max(counts.items(), key=lambda item: (item[1], item[0]))
        if mode and (mode, frequency) > best_score:
            best, best_score = sep, (mode, frequency)
    return best


def _title_lines(head: list[str], sep: str) -> int:
    """Count the lines above the header: blank lines and one-cell titles before a wider line."""

    def filled(line: str) -> int:
        return sum(1 for cell in line.split(sep) if cell.strip().strip('"'))

    skip = 0
    while skip + 1 < min(len(head), 10) and filled(head[skip]) <= 1 < filled(head[skip + 1]):
        skip += 1
    return skip


def _check_names(names: list[str], label: str) -> None:
    if not any(names):
        raise DataError(tl.NO_HEADER.format(label=label))
    seen: dict[str, list[int]] = {}
    for position, column in enumerate(names, start=1):
        if column:
            seen.setdefault(column, []).append(position)
    doubles = [tl.DOUBLE_COLUMN.format(name=c, positions=", ".join(map(str, w)))
               for c, w in seen.items() if len(w) > 1]
    if doubles:
        raise DataError(tl.DUPLICATE_COLUMNS.format(label=label, doubles=' ; '.join(doubles)))


def _rows_plain(
    lines: list[str], sep: str, names: list[str], label: str, first: int
) -> tuple[list[list[str]], int]:
    expected = len(names)
    named = max(i for i, column in enumerate(names) if column) + 1
    end = "\r" if lines and lines[0].endswith("\r") else ""
    if end and not lines[-1].endswith(end):
        lines[-1] += end
    regular, tail = expected - 1, sep * (expected - named) + end
    if all(x.count(sep) == regular for x in lines) and all(x.endswith(tail) for x in lines):
        # Fast path, every well-formed export: cut the empty trailing columns, split once.
        blank, cut = sep * regular + end, len(tail)
        kept = [x[: len(x) - cut] for x in lines if x != blank]
        if not kept:
            return [[] for _ in range(named)], named
        flat = sep.join(kept).split(sep)
        return [flat[j::named] for j in range(named)], named
    cells = [x.rstrip("\r").split(sep) for x in lines]
    return _normalise(cells, expected, named, label, range(first, first + len(cells)))


def _rows_quoted(
    body: str, sep: str, names: list[str], label: str, first: int
) -> tuple[list[list[str]], int]:
    reader = csv.reader(io.StringIO(body), delimiter=sep)
    cells, numbers, previous = [], [], 0
    try:
        for row in reader:
            cells.append(row)
            numbers.append(first + previous)
            previous = reader.line_num
    except csv.Error as error:
        raise DataError(tl.BAD_QUOTES.format(label=label, first=first + previous,
                                             error=error)) from None
    named = max(i for i, column in enumerate(names) if column) + 1
    return _normalise(cells, len(names), named, label, numbers)


def _normalise(
    cells: list[list[str]], expected: int, named: int, label: str, numbers: Sequence[int]
) -> tuple[list[list[str]], int]:
    """Check every row's width, then return the columns up to the last filled one."""
    kept, width = [], named
    for row, line in zip(cells, numbers, strict=True):
        last = len(row)
        while last and not row[last - 1].strip():
            last -= 1
        if not last:
            continue  # blank line, or a line of separators only
        if last > expected or len(row) < named:
            found = (tl.COLUMNS_MANY if len(row) > 1 else tl.COLUMNS_ONE).format(count=len(row))
            raise DataError(
                tl.WRONG_FIELD_COUNT.format(label=label, line=line, found=found,
                                            expected=expected if last > expected else named)
            )
        kept.append(row)
        width = max(width, last)
    rows = [(row + [""] * (width - len(row)))[:width] for row in kept]
    return [list(column) for column in zip(*rows, strict=True)] or [[]] * width, width


# --- Excel -----------------------------------------------------------------------------------


def _read_excel(
    data: bytes, sheet: str | int | None, label: str, deadline: float
) -> tuple[list[str], Columns, dict[str, Any]]:
    import openpyxl
    from pandas.errors import EmptyDataError
    from pandas.io.parsers import TextParser

    try:  # the settings of pandas.read_excel; the parse bounded (guard.timed_source)
        book = openpyxl.load_workbook(guard.timed_source(data, label, deadline), read_only=True,
                                      data_only=True, keep_links=False)
    except Exception as error:  # a zip that is not a workbook: docx, ods, corrupted…
        refused = guard.refusal_in(error)  # or the deadline, wrapped by openpyxl
        if refused is not None:
            raise refused from None
        raise DataError(tl.NOT_XLSX.format(label=label, reason=type(error).__name__)) from None
    try:
        available = [str(s) for s in book.sheetnames]
        chosen = _pick_sheet(available, sheet, label)
        cells = guard.sheet_rows(book[chosen], label, deadline)
    finally:
        book.close()
    try:  # as pandas.read_excel(header=None, dtype=object) reads the cells
        grid = TextParser(cells, header=None, dtype=object, skip_blank_lines=False).read()
    except EmptyDataError:
        grid = pd.DataFrame()
    grid = grid.dropna(how="all").dropna(axis=1, how="all")
    if grid.empty:
        raise DataError(tl.SHEET_EMPTY.format(chosen=chosen, label=label))
    rows = grid.to_numpy(dtype=object).tolist()
    header = _excel_header(rows)
    names = [_cell_text(value) for value in rows[header]]
    _check_names(names, label)
    body = rows[header + 1:]
    columns = [list(c) for c in zip(*body, strict=True)] or [[]] * len(names)
    meta: dict[str, Any] = {"feuille": chosen}
    title = " ".join(_cell_text(v) for row in rows[:header] for v in row if not _missing(v))
    if title:
        meta["titre"] = title
    return names, columns, meta


def _pick_sheet(available: list[str], sheet: str | int | None, label: str) -> str:
    if sheet is None:
        return available[0]
    if isinstance(sheet, int) and 0 <= sheet < len(available):
        return available[sheet]
    for candidate in available:
        if fold(candidate) == fold(str(sheet)):
            return candidate
    raise DataError(tl.NO_SUCH_SHEET.format(
        label=label, sheet=sheet, available=", ".join(tl.QUOTED.format(name=s) for s in available)))


def _excel_header(rows: list[list[Any]]) -> int:
    """Return the first row whose cells are mostly filled with text (title rows are skipped)."""
    filled = [sum(1 for v in row if not _missing(v)) for row in rows[:20]]
    width = max(filled)
    for index, row in enumerate(rows[:20]):
        texts = sum(1 for v in row if isinstance(v, str) and v.strip())
        if filled[index] >= max(width / 2, min(width, 2)) and texts >= 0.8 * filled[index]:
            return index
    return 0


def _missing(value: Any) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value))


def _cell_text(value: Any) -> str:
    if _missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --- conversion ------------------------------------------------------------------------------


def _assemble(names: list[str], columns: Columns, label: str, meta: dict[str, Any]) -> pd.DataFrame:
    typed = "feuille" in meta
    converted, secret = _convert_all(names, columns, typed)
    frame = pd.DataFrame(converted)
    mask = _aggregate_mask(frame)
    aggregates = frame[mask].reset_index(drop=True)
    if mask.any():  # convert again without them: « Total » must not make a column text
        keep = np.flatnonzero(~mask).tolist()
        converted, secret = _convert_all(names, [[c[i] for i in keep] for c in columns], typed)
        frame = pd.DataFrame(converted)
        aggregates.attrs["source"] = label
        meta["aggregats"] = aggregates
    frame.attrs.update(meta, source=label, secret=secret)
    return frame


def _convert_all(
    names: list[str], columns: Columns, typed: bool
) -> tuple[dict[str, Any], dict[str, int]]:
    converted: dict[str, Any] = {}
    secret: dict[str, int] = {}
    for position, (column, values) in enumerate(zip(names, columns, strict=True), start=1):
        data, masked = _convert(column, values, typed)
        if not column:
            if pd.isna(data).all():
                continue  # unnamed and empty: an artefact of the export
            column = f"colonne {position}"
        converted[column] = data
        if masked:
            secret[column] = masked
    return converted, secret


def _convert(column: str, values: Sequence[Any], typed: bool) -> tuple[Any, int]:
    """Convert one column of cells; return the data and the number of secret markers."""
    if typed:  # Excel cells: numbers and dates are already typed
        kinds = [v for v in values if not _missing(v)]
        numeric = all(isinstance(v, int | float) and not isinstance(v, bool) for v in kinds)
        if kinds and numeric and not _CODE_NAME.match(column):
            return pd.to_numeric(pd.Series(values, dtype=object)).to_numpy(), 0
        if kinds and all(isinstance(v, datetime.date | np.datetime64) for v in kinds):
            return pd.to_datetime(pd.Series(values, dtype=object)).to_numpy(), 0
        values = [_cell_text(v) for v in values]
    joined = "\n".join(values)
    if joined.count("\n") != len(values) - 1:  # cells holding line breaks: plain text
        return _text(values), 0
    edges = [c for c in "\t" + _SPACES if c in joined]
    if edges and (joined[:1] in edges or joined[-1:] in edges
                  or any(f"\n{c}" in joined or f"{c}\n" in joined for c in edges)):
        joined = _STRIP_LINES.sub("", joined)
    if '="' in joined:
        joined = _EXCEL_PROTECTED.sub(r"\1", joined)
    # U+202F makes a two-byte string, on which str.translate is ten times slower.
    blanked, masked = joined.replace("\u202f", " ") if "\u202f" in joined else joined, 0
    if "?" in blanked:
        blanked = _QUESTION_GROUP.sub(" ", blanked)
    other = _other_chars(blanked)
    if other or ("-" in blanked and "\n-\n" in f"\n{blanked}\n"):
        blanked, masked = _MARKER_LINES.subn("", blanked)
        other = other and _other_chars(blanked)
    numbers = None
    if not (other or _CODE_NAME.match(column) or _leading_zero(blanked)):
        numbers = _parse_numbers(blanked, len(values))
    if numbers is None:
        return _text(joined.split("\n") if values else []), 0
    return numbers, masked


def _leading_zero(text: str) -> bool:
    """Tell whether a value looks like a code with a leading zero (« 01053 », not « 0,5 »)."""
    starts = ("0", "-0", "+0")
    quick = text.startswith(starts) or any(f"\n{s}" in text for s in starts)
    return quick and _LEADING_ZERO.search(text) is not None


def _other_chars(text: str) -> bool:
    """Tell whether ``text`` holds a character that cannot be part of a number."""
    if text.isascii():  # str.translate is fast on one-byte strings only
        return bool(text.translate(_NUMBER_CHARS))
    return _OTHER_CHAR.search(text) is not None


def _parse_numbers(text: str, count: int) -> np.ndarray | None:
    """Parse a column of numbers, one per line; None if one is not a number.

    The column holds no other character than digits, signs, decimal marks, exponents and
    spaces.
    """
    if not count:
        return None
    if any(space in text for space in _SPACES):
        if _BAD_SPACE.search(text) or _BAD_GROUP.search(text):
            return None
        for space in _SPACES:
            text = text.replace(space, "")
    text = text.replace(",", ".")
    integer = not any(c in text for c in ".eE")
    filled = f"\n{text}\n".replace("\n\n", "\nnan\n").replace("\n\n", "\nnan\n")[1:-1]
    try:
        numbers = np.array(list(map(float, filled.split("\n"))), dtype=np.float64)
    except ValueError:
        return None
    if integer and "nan" not in filled and np.all(np.abs(numbers) < 2**53):
        return numbers.astype(np.int64)
    return numbers


def _text(values: Sequence[str]) -> pd.Series:
    cells = np.array([v.strip() for v in values], dtype=object)
    cells[cells == ""] = np.nan
    return pd.Series(cells, dtype="str")


def _aggregate_mask(frame: pd.DataFrame) -> np.ndarray:
    """Flag rows whose first filled text cell is « Ensemble », « France » or « Total »."""
    mask = np.zeros(len(frame), dtype=bool)
    labels: np.ndarray | None = None
    for column in frame.columns:
        if pd.api.types.is_string_dtype(frame[column]):
            values = frame[column].to_numpy(dtype=object)
            labels = values if labels is None else np.where(pd.isna(labels), values, labels)
            if not pd.isna(labels).any():
                break
    found: list[str] = []
    for i, value in enumerate(labels if labels is not None else []):
        if isinstance(value, str) and len(value) < 40 and value.lstrip()[:1] in "EFTeft":
            mask[i] = fold(value) in AGGREGATE_LABELS
            found += [fold(value)] if mask[i] else []
    # Aggregates head or close a table, once each: « France » twice, or in the middle, means
    # that the column lists countries and that none of its rows is an aggregate.
    head = int(np.argmin(mask)) if not mask.all() else len(mask)
    tail = int(np.argmin(mask[::-1])) if not mask.all() else 0
    if (mask[head: len(mask) - tail].any() or len(set(found)) < len(found)
            or mask.sum() > min(_MAX_AGGREGATE_ROWS, len(frame) - 1)):
        mask[:] = False
    return mask
