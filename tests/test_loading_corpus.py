"""read_table on broken files: each one refused with a French message that says where and why."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from companion.core.errors import DataError
from companion.owndata.loading import MAX_BYTES, read_table


def refused(source: object, **options: object) -> str:
    with pytest.raises(DataError) as caught:
        read_table(source, **options)  # type: ignore[arg-type]
    return str(caught.value)


@pytest.mark.parametrize("content", [b"", b"   \r\n\n", "\ufeff".encode()])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "vide.csv"
    path.write_bytes(content)
    assert refused(path) == "Le fichier « vide.csv » est vide."


def test_missing_file(tmp_path: Path) -> None:
    assert "introuvable" in refused(tmp_path / "absent.csv")


@pytest.mark.parametrize(("content", "words"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image PNG"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "document PDF"),
    (bytes(range(256)) * 4, "fichier binaire"),
    (b"\x01\x02\x03\x04abc\x05\x06", "fichier binaire"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "ancien format (.xls)"),
    (b"<!DOCTYPE html><html><body>Erreur 404</body></html>", "page web"),
])
def test_not_a_table(content: bytes, words: str) -> None:
    message = refused(content, name="telechargement.csv")
    assert "« telechargement.csv »" in message and words in message


def test_zip_that_is_not_a_workbook() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("document.txt", "pas un classeur")
    assert "n'est pas un classeur Excel" in refused(buffer.getvalue(), name="x.xlsx")


def test_mixed_encodings_are_refused_not_guessed() -> None:
    # line 2 in UTF-8 (« é » = C3 A9), line 3 in Windows-1252 (« é » = E9)
    data = "nom;valeur\nCafé;1\n".encode() + "Thé;2\n".encode("cp1252")
    message = refused(data, name="melange.csv")
    assert "mélange deux encodages" in message and "ligne 3" in message


def test_undecodable_bytes() -> None:
    data = b"nom;valeur\nA;1\nB\x81\x8d;2\n"  # 0x81 and 0x8D exist neither in UTF-8 nor cp1252
    message = refused(data, name="illisible.csv")
    assert "ni en UTF-8 ni en Windows-1252" in message and "ligne 3" in message


def test_row_with_too_many_columns() -> None:
    data = b"a;b;c\n1;2;3\n4;5;6;7\n8;9;10\n"
    message = refused(data, name="decale.csv")
    assert message.startswith("Le fichier « decale.csv », ligne 3 : 4 colonnes au lieu de 3")


def test_row_with_too_few_columns_quoted_file() -> None:
    data = b'"a";"b";"c"\n"1";"2";"3"\n"x";"y"\n'
    assert "ligne 3 : 2 colonnes au lieu de 3" in refused(data, name="court.csv")


def test_ragged_line_numbers_count_the_title_line() -> None:
    data = b"Titre du tableau\na;b\n1;2\n3\n"
    assert "ligne 4 : 1 colonne au lieu de 2" in refused(data, name="titre.csv")


def test_extra_empty_separators_are_not_ragged() -> None:
    table = read_table(b"a;b\n1;2;;\n3;4\n")
    assert table.shape == (2, 2)


def test_duplicate_headers_are_named() -> None:
    message = refused(b"code;pop;taux;pop \n1;2;3;4\n", name="doublons.csv")
    assert "« pop » (colonnes 2, 4)" in message


def test_unknown_sheet_lists_the_available_ones(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "2023"
    book.active.append(["a", "b"])
    book.create_sheet("2024").append(["a", "b"])
    path = tmp_path / "annees.xlsx"
    book.save(path)
    message = refused(path, sheet="2025")
    assert "pas de feuille « 2025 »" in message and "« 2023 », « 2024 »" in message


def test_file_over_the_limit_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "enorme.csv"
    line = b"code;valeur\n" + b"QP000000;1\n" * 1000
    with path.open("wb") as handle:
        while handle.tell() <= MAX_BYTES:
            handle.write(line * 400)
    assert path.stat().st_size > MAX_BYTES

    def never(*_args: object, **_kwargs: object) -> bytes:
        raise AssertionError("the file was read although its size is over the limit")

    monkeypatch.setattr(Path, "read_bytes", never)  # refused from its size, not read
    message = refused(path)
    assert "trop volumineux" in message and "limite : 50,0 Mo" in message


def test_limit_applies_to_file_objects_and_can_be_raised() -> None:
    data = b"a;b\n" + b"1;2\n" * 100
    assert "trop volumineux" in refused(io.BytesIO(data), max_bytes=100)
    assert len(read_table(io.BytesIO(data), max_bytes=1000)) == 100


def test_unclosed_quote_swallows_the_line_and_is_reported() -> None:
    message = refused(b'a;b\n"x;1\n2;3\n', name="guillemet.csv")
    assert "ligne 2 : 1 colonne au lieu de 2" in message
