"""Read the tables trainees bring: French CSV exports and Excel workbooks, quirks included.

One public entry point, :func:`read_table`. CSV files are decoded (UTF-8 with or without BOM,
else Windows-1252), their separator sniffed, their rows checked, then every column is converted
in one vectorised pass over the column's text: numbers with a decimal comma and thousands
separators become floats or integers, statistical-secret markers become missing values (never
0), codes keep their leading zeros. Aggregate rows (« Ensemble », « France », « Total ») are moved
to ``df.attrs["aggregats"]``.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from companion.errors import DataError

MAX_BYTES = 50 * 1024 * 1024
#: Cell values meaning "no value" in numeric columns (compared case-insensitively).
SECRET_MARKERS = ("s", "nd", "ns", "n.d.", "n.s.", "nc", "n.c.", "secret", "-", "–", "—",
                  "#n/a", "#div/0!", "#valeur!", "#value!", "#ref!", "#nom?", "#name?")
#: First-text-column values of a row holding an aggregate rather than an observation.
AGGREGATE_LABELS = frozenset({"ensemble", "france", "total", "france entiere",
                              "france metropolitaine", "total general"})
_MAX_AGGREGATE_ROWS = 5
_SEPARATORS = (";", ",", "\t")
_SPACES = " \u202f\u00a0"
# A spaced number, checked only in columns holding spaces: « 1 234,5 », « -12 000 ».
_SPACED = rf"[+-]?\d{{1,3}}+(?:[{_SPACES}]\d{{3}})*+(?:[.,]\d*+)?+(?:[eE][+-]?\d+)?+"
_SPACED_COLUMN = re.compile(rf"(?:{_SPACED})?+(?:\n(?:{_SPACED})?+)*+")
_NUMBER_CHARS = str.maketrans("", "", "0123456789\n.,+-eE" + _SPACES)
_MARKER_LINES = re.compile(
    "(?mi)^(?:" + "|".join(re.escape(m) for m in SECRET_MARKERS) + ")$"
)
_STRIP_LINES = re.compile(rf"(?m)^[\t{_SPACES}]+|[\t{_SPACES}]+$")
_OTHER_CHAR = re.compile(rf"[^0-9\n.,+\-eE{_SPACES}]")
_LEADING_ZERO = re.compile(r"(?m)^[+-]?0\d")
_EXCEL_PROTECTED = re.compile(r'(?m)^="(.*)"$')
_CODE_NAME = re.compile(r"^(?:cod|insee|siren|siret|depcom|iris|(?:cp|dep|reg|com|epci)$)", re.I)
_MOJIBAKE = re.compile(rb"\xc3[\x80-\xbf]")
_BINARY_MAGIC = {b"%PDF": "un document PDF", b"\x89PNG": "une image PNG", b"GIF8": "une image GIF",
                 b"\xff\xd8\xff": "une image JPEG", b"\x1f\x8b": "une archive compressée"}


def fold(text: str) -> str:
    """Return ``text`` lower-cased, without accents, ligatures or repeated spaces, for matching."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.casefold().replace("œ", "oe").replace("æ", "ae").replace("’", "'")
    return " ".join(plain.split())


def read_table(
    source: str | os.PathLike[str] | bytes | IO[bytes] | IO[str],
    sheet: str | int | None = None,
    *,
    name: str | None = None,
    max_bytes: int = MAX_BYTES,
) -> pd.DataFrame:
    """Read a CSV or ``.xlsx`` table into a clean DataFrame.

    Parameters
    ----------
    source : path, bytes or file-like (binary or text)
        The table. Its format is recognised from its content, not its extension.
    sheet : str or int, optional
        Worksheet of an Excel workbook (name or 0-based position); the first one by default.
        Ignored for CSV files.
    name : str, optional
        File name used in messages and in ``df.attrs["source"]``.
    max_bytes : int
        Largest accepted size (50 MB by default).

    Returns
    -------
    pandas.DataFrame
        Numbers as ``float64``/``int64``, codes and labels as strings, missing values as NaN.
        ``attrs``: ``source``, ``aggregats`` (rows removed as aggregates), ``secret``
        (number of masked values per column), ``encodage`` and ``separateur``.

    Raises
    ------
    DataError
        With a French message naming the file and, where known, the line and column.
    """
    label, data = _read_source(source, name, max_bytes)
    if isinstance(data, bytes) and data.startswith(b"PK\x03\x04"):
        names, columns, meta = _read_excel(data, sheet, label)
    else:
        text, encoding = (data, "texte") if isinstance(data, str) else _decode(data, label)
        names, columns, meta = _read_csv(text, label)
        meta["encodage"] = encoding
    return _assemble(names, columns, label, meta)


# --- source and decoding ---------------------------------------------------------------------


def _read_source(source: Any, name: str | None, max_bytes: int) -> tuple[str, bytes | str]:
    data: bytes | str
    if isinstance(source, bytes | bytearray | memoryview):
        label, data = name or "tableau", bytes(source)
    elif isinstance(source, str | os.PathLike):
        path = Path(source)
        label = name or path.name
        if not path.is_file():
            raise DataError(f"Le fichier « {label} » est introuvable ({path}).")
        _check_size(label, path.stat().st_size, max_bytes)
        data = path.read_bytes()
    elif hasattr(source, "read"):
        label = name or Path(str(getattr(source, "name", "") or "tableau")).name
        data = source.read(max_bytes + 1)
    else:
        raise TypeError(f"Source de tableau non reconnue : {type(source).__name__}.")
    _check_size(label, len(data), max_bytes)
    if not data.strip():
        raise DataError(f"Le fichier « {label} » est vide.")
    return label, data


def _check_size(label: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise DataError(
            f"Le fichier « {label} » est trop volumineux ({_megabytes(size)} Mo ; limite : "
            f"{_megabytes(max_bytes)} Mo). Ne gardez que les lignes et colonnes utiles, "
            "ou augmentez la limite (paramètre max_bytes)."
        )


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",")


def _decode(data: bytes, label: str) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise DataError(f"Le fichier « {label} » est un classeur Excel ancien format (.xls) : "
                        "enregistrez-le au format .xlsx ou CSV.")
    for magic, kind in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise DataError(f"Le fichier « {label} » n'est pas un tableau : c'est {kind}.")
    if b"\x00" in data[:8192]:
        raise DataError(f"Le fichier « {label} » n'est pas un tableau (fichier binaire).")
    try:
        return data.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        if _MOJIBAKE.search(data):
            raise DataError(
                f"Le fichier « {label} » mélange deux encodages (UTF-8 et un autre) : caractère "
                f"illisible ligne {line}. Réenregistrez-le en « CSV UTF-8 »."
            ) from None
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise DataError(
            f"Le fichier « {label} » n'est lisible ni en UTF-8 ni en Windows-1252 (ligne {line}). "
            "Réenregistrez-le en « CSV UTF-8 »."
        ) from None


# --- CSV -------------------------------------------------------------------------------------


def _read_csv(text: str, label: str) -> tuple[list[str], list[Sequence[str]], dict[str, Any]]:
    text = text.lstrip("\ufeff")
    if "\r" in text and "\n" not in text:
        text = text.replace("\r", "\n")  # old Macintosh line ends
    if text.lstrip().startswith(("<", "{")):
        raise DataError(f"Le fichier « {label} » n'est pas un tableau (page web ou JSON ?).")
    head = [line.rstrip("\r") for line in text.split("\n", 21)[:20]]
    sep = _sniff(head)
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
    offset = sum(len(line) + 1 for line in lines[: skip + 1])
    if text.find('"', offset) >= 0:
        columns, width = _rows_quoted("\n".join(body), sep, names, label, first)
    else:
        columns, width = _rows_plain(body, sep, names, label, first)
    return names[:width], columns, {"separateur": sep}


def _sniff(head: list[str]) -> str:
    lines = [line for line in head if line.strip()] or [""]
    best, best_score = ";", (0, 0)
    for sep in _SEPARATORS:
        counts = Counter(line.count(sep) for line in lines)
        mode, frequency = max(counts.items(), key=lambda item: (item[1], item[0]))
        score = (mode, frequency) if mode else (0, 0)
        if score > best_score:
            best, best_score = sep, score
    return best


def _title_lines(head: list[str], sep: str) -> int:
    """Count lines above the header: blank lines and one-cell titles before a wider line."""

    def filled(line: str) -> int:
        return sum(1 for cell in line.split(sep) if cell.strip().strip('"'))

    skip = 0
    while skip + 1 < min(len(head), 10) and filled(head[skip]) <= 1 < filled(head[skip + 1]):
        skip += 1
    return skip


def _check_names(names: list[str], label: str) -> None:
    if not any(names):
        raise DataError(f"Le fichier « {label} » n'a pas de ligne d'en-tête (noms de colonnes).")
    seen: dict[str, list[int]] = {}
    for position, column in enumerate(names, start=1):
        if column:
            seen.setdefault(column, []).append(position)
    doubles = {column: where for column, where in seen.items() if len(where) > 1}
    if doubles:
        listed = " ; ".join(
            f"« {column} » (colonnes {', '.join(map(str, where))})"
            for column, where in doubles.items()
        )
        raise DataError(f"Le fichier « {label} » a des noms de colonnes en double : {listed}. "
                        "Renommez-les pour qu'ils soient uniques.")


def _ragged(label: str, line: int, found: int, expected: int) -> DataError:
    return DataError(
        f"Le fichier « {label} », ligne {line} : {found} colonnes au lieu de {expected} "
        "(d'après la ligne d'en-tête). Vérifiez le séparateur et les guillemets de cette ligne."
    )


def _named_width(names: list[str]) -> int:
    return max(i for i, column in enumerate(names) if column) + 1


def _rows_plain(
    lines: list[str], sep: str, names: list[str], label: str, first: int
) -> tuple[list[list[str]], int]:
    expected, named = len(names), _named_width(names)
    end = "\r" if lines and lines[0].endswith("\r") else ""
    if end and not lines[-1].endswith(end):
        lines[-1] += end
    regular, tail = expected - 1, sep * (expected - named) + end
    if all(x.count(sep) == regular for x in lines) and all(x.endswith(tail) for x in lines):
        # Fast path (every well-formed export): cut the empty trailing columns, split once.
        blank, cut = sep * regular + end, len(tail)
        kept = [x[: len(x) - cut] for x in lines if x != blank]
        if not kept:
            return [[] for _ in range(named)], named
        flat = sep.join(kept).split(sep)
        return [flat[j::named] for j in range(named)], named
    cells = [x.rstrip("\r").split(sep) for x in lines]
    return _normalise(cells, expected, named, label, [first + i for i in range(len(cells))])


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
        raise DataError(f"Le fichier « {label} », ligne {first + previous} : guillemets mal "
                        f"fermés ou texte illisible ({error}).") from None
    return _normalise(cells, len(names), _named_width(names), label, numbers)


def _normalise(
    cells: list[list[str]], expected: int, named: int, label: str, numbers: list[int]
) -> tuple[list[list[str]], int]:
    """Check every row's width, then cut or pad all rows to the widest filled column."""
    kept, filled_widths = [], [named]
    for row, line in zip(cells, numbers, strict=True):
        last = len(row)
        while last and not row[last - 1].strip():
            last -= 1
        if not last:
            continue  # blank line or a line of separators only
        if last > expected:
            raise _ragged(label, line, len(row), expected)
        if len(row) < named:
            raise _ragged(label, line, len(row), named)
        kept.append(row)
        filled_widths.append(last)
    width = max(filled_widths)
    rows = [(row + [""] * (width - len(row)))[:width] for row in kept]
    return ([list(column) for column in zip(*rows, strict=True)] if rows
            else [[] for _ in range(width)]), width


# --- Excel -----------------------------------------------------------------------------------


def _read_excel(
    data: bytes, sheet: str | int | None, label: str
) -> tuple[list[str], list[Sequence[Any]], dict[str, Any]]:
    try:
        book = pd.ExcelFile(io.BytesIO(data), engine="openpyxl")
    except Exception as error:  # a zip that is not a workbook (docx, ods, corrupted…)
        raise DataError(f"Le fichier « {label} » n'est pas un classeur Excel (.xlsx) lisible "
                        f"({type(error).__name__}).") from None
    with book:
        available = [str(s) for s in book.sheet_names]
        chosen = _pick_sheet(available, sheet, label)
        grid = book.parse(chosen, header=None, dtype=object)
    grid = grid.dropna(how="all").dropna(axis=1, how="all")
    if grid.empty:
        raise DataError(f"La feuille « {chosen} » du fichier « {label} » est vide.")
    rows = grid.to_numpy(dtype=object).tolist()
    header = _excel_header(rows)
    names = [_cell_text(value) for value in rows[header]]
    _check_names(names, label)
    body = rows[header + 1:]
    columns: list[Sequence[Any]] = list(zip(*body, strict=True)) if body else [()] * len(names)
    return names, columns, {"feuille": chosen}


def _pick_sheet(available: list[str], sheet: str | int | None, label: str) -> str:
    if sheet is None:
        return available[0]
    if isinstance(sheet, int) and 0 <= sheet < len(available):
        return available[sheet]
    wanted = fold(str(sheet))
    for candidate in available:
        if fold(candidate) == wanted:
            return candidate
    raise DataError(f"Le fichier « {label} » n'a pas de feuille « {sheet} ». Feuilles "
                    f"disponibles : {', '.join(f'« {s} »' for s in available)}.")


def _excel_header(rows: list[list[Any]]) -> int:
    """Return the first row whose non-empty cells are mostly text and cover the table width."""

    def filled(row: list[Any]) -> int:
        return sum(1 for value in row if not _missing(value))

    def texts(row: list[Any]) -> int:
        return sum(1 for value in row if isinstance(value, str) and value.strip())

    width = max(filled(row) for row in rows[:20])
    for index, row in enumerate(rows[:20]):
        count = filled(row)
        if count >= max(width / 2, min(width, 2)) and texts(row) >= 0.8 * count:
            return index
    return 0


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT


def _cell_text(value: Any) -> str:
    if _missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# --- conversion ------------------------------------------------------------------------------


def _assemble(
    names: list[str], columns: list[Sequence[Any]], label: str, meta: dict[str, Any]
) -> pd.DataFrame:
    typed = "feuille" in meta
    converted, secret = _convert_all(names, columns, typed)
    frame = pd.DataFrame(converted)
    mask = _aggregate_mask(frame)
    aggregates = frame[mask].reset_index(drop=True)
    if mask.any():
        keep = np.flatnonzero(~mask.to_numpy())
        kept = [[col[i] for i in keep] for col in columns]
        converted, secret = _convert_all(names, kept, typed)
        frame = pd.DataFrame(converted)
    frame.attrs.update(meta, source=label, secret=secret)
    if not aggregates.empty:
        frame.attrs["aggregats"] = aggregates
    return frame


def _convert_all(
    names: list[str], columns: list[Sequence[Any]], typed: bool
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


def _convert(column: str, values: Sequence[Any], typed: bool = False) -> tuple[Any, int]:
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
    if _other_chars(blanked) or "-" in blanked:
        blanked, masked = _MARKER_LINES.subn("", blanked)
    numbers = None
    if not (_CODE_NAME.match(column) or _LEADING_ZERO.search(blanked)):
        numbers = _parse_numbers(blanked, len(values))
    if numbers is None:
        return _text(joined.split("\n") if values else []), 0
    return numbers, masked


def _other_chars(text: str) -> bool:
    """Tell whether ``text`` holds a character that cannot be part of a number."""
    if text.isascii():  # str.translate is fast on one-byte strings only
        return bool(text.translate(_NUMBER_CHARS))
    return _OTHER_CHAR.search(text) is not None


def _parse_numbers(text: str, count: int) -> np.ndarray | None:
    """Parse a column of French or English numbers, one per line; None if one is not a number."""
    if _other_chars(text) or not count:
        return None
    if any(space in text for space in _SPACES):
        if not _SPACED_COLUMN.fullmatch(text):
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


def _aggregate_mask(frame: pd.DataFrame) -> pd.Series:
    """Flag rows whose first filled text cell is « Ensemble », « France » or « Total »."""
    label = pd.Series(np.nan, index=frame.index, dtype=object)
    for column in frame.columns:
        if pd.api.types.is_string_dtype(frame[column]) and label.isna().any():
            label = label.fillna(frame[column].astype(object))
    candidate = label.map(lambda v: isinstance(v, str) and len(v) < 40 and v.strip()[:1] in "EFTeft")
    folded = label[candidate].map(fold)
    mask = folded.isin(AGGREGATE_LABELS).reindex(frame.index, fill_value=False)
    if mask.sum() > min(_MAX_AGGREGATE_ROWS, len(frame) - 1):
        mask[:] = False
    return mask
