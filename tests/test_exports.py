"""Exports: neutralised CSV/XLSX, JSON backup round trip on every backend, restitution docs."""

from __future__ import annotations

import io
import json
import re

import pandas as pd
import pytest
from openpyxl import load_workbook

from companion import brainstorm as bs
from companion.brainstorm import exports
from companion.core.errors import InputError
from companion.core.model import TRAINER
from companion.core.spreadsheet import records_frame, xlsx_bytes
from companion.store import Store, open_store
from companion.store.backup import backup_json, restore_backup

HOSTILE = ["=HYPERLINK(\"http://x\";\"clic\")", "@SUM(A1:A9)", "+1+1", "-2",
           "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]
PART = "Partenariat"


def _fill(store: Store, code: str) -> dict[str, str]:
    store.create_session(code, "Session « test » <b>", actor=TRAINER)
    store.add_participant(code, pseudonym="Alice", function="Élue", territory="Saint-Denis")
    uids = {}
    s = bs.snapshot(store, code, "difficultes")
    for n, text in enumerate(HOSTILE):
        who = bs.Contributor.new(f"G{n % 2 + 1}", "=Pseudo" if n == 0 else "")
        uids[text] = bs.post_idea(store, code, s.round, s.state, who, text, PART).uid
    merged = bs.merge(store, code, [uids["+1+1"], uids["-2"]], text="Fusion ✨")
    uids["merged"] = merged.uid
    bs.set_phase(store, code, "difficultes", "vote")
    s = bs.snapshot(store, code, "difficultes")
    bs.cast(store, code, s.state, bs.Contributor.new("G1"), merged.uid, s.ideas, [])
    bs.set_phase(store, code, "difficultes", "clos")
    bs.set_hidden(store, [uids["@SUM(A1:A9)"]], True)
    return uids


def test_csv_is_neutralised_and_readable(store: Store) -> None:
    _fill(store, "EXP1")
    payload = exports.round_csv(bs.snapshot(store, "EXP1", "difficultes"))
    assert payload.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(payload), sep=";", encoding="utf-8-sig", dtype=str)
    assert list(frame.columns[:4]) == ["Sous-groupe", "Thème", "Idée", "Votes"]
    texts = set(frame["Idée"])
    assert "'=HYPERLINK(\"http://x\";\"clic\")" in texts and "'@SUM(A1:A9)" in texts
    assert "<script>alert(1)</script>" in texts  # inert in a spreadsheet, kept as typed
    for column in frame.columns:
        for value in frame[column].dropna():
            assert not value.lstrip(" ").startswith(("=", "+", "-", "@")), value
    merged = frame[frame["Idée"] == "Fusion ✨"].iloc[0]
    assert merged["Votes"] == "1" and "'+1+1" not in merged["Fusion de"]
    assert set(frame["Statut"]) >= {"visible", "masquée", "fusionnée dans une autre carte"}


def test_xlsx_cells_are_text_never_formulas(store: Store) -> None:
    _fill(store, "EXP2")
    book = load_workbook(io.BytesIO(exports.round_xlsx(bs.snapshot(store, "EXP2",
                                                                   "difficultes"))))
    assert book.sheetnames == ["Mur", "Idées et votes par thème", "Idées et votes par sous-groupe"]
    cells = [c for row in book["Mur"].iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    values = {c.value for c in cells}
    assert "'=HYPERLINK(\"http://x\";\"clic\")" in values and "'=Pseudo" in values


def test_backup_round_trip_into_an_empty_store(any_store: Store, tmp_path: object) -> None:
    _fill(any_store, "EXP3")
    text = backup_json(any_store, "EXP3")
    other = open_store("sqlite:///:memory:")
    restored = restore_backup(other, text)
    assert restored.code == "EXP3"
    again = json.loads(backup_json(other, "EXP3"))
    assert again == json.loads(text)
    original = bs.round_frame(bs.snapshot(any_store, "EXP3", "difficultes"), everything=True)
    copy = bs.round_frame(bs.snapshot(other, "EXP3", "difficultes"), everything=True)
    pd.testing.assert_frame_equal(original, copy)
    with pytest.raises(InputError, match="existe déjà"):
        restore_backup(other, text)
    with pytest.raises(InputError, match="pas une sauvegarde"):
        restore_backup(other, '{"format": "autre"}')
    with pytest.raises(InputError, match="pas une sauvegarde"):
        restore_backup(other, "pas du json")


def test_restitution_documents_escape_user_text(store: Store) -> None:
    _fill(store, "EXP4")
    snap = bs.snapshot(store, "EXP4", "difficultes")
    html = exports.restitution_html(snap, session_title="Session <b>")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "Session &lt;b&gt;" in html
    assert "Fusion ✨" in html and "<a " not in html
    markdown = exports.restitution_markdown(snap)
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    assert "| G1 |" in markdown or "| Plénière |" in markdown


def test_records_frame_is_general(store: Store) -> None:
    _fill(store, "EXP5")
    frame = records_frame(store.list_records("EXP5"))
    assert {"idea", "vote", "brainstorm_state"} <= set(frame["kind"])
    assert "data.text" in frame.columns
    sheet = xlsx_bytes({"Tout": frame, "Tout?": frame, "TOUT": frame})
    assert load_workbook(io.BytesIO(sheet)).sheetnames == ["Tout", "Tout-", "TOUT (2)"]


def test_markdown_restitution_escapes_for_markdown_not_html(store: Store) -> None:
    """Issue « right answers », item 6: « l'économie » stays « l'économie » in Markdown."""
    store.create_session("EXP6", "Session", actor=TRAINER)
    s = bs.snapshot(store, "EXP6", "difficultes")
    who = bs.Contributor.new("G1")
    bs.post_idea(store, "EXP6", s.round, s.state, who, "l'économie <img src=x> & *gras*", PART)
    markdown = exports.restitution_markdown(bs.snapshot(store, "EXP6", "difficultes"))
    assert "l'économie" in markdown and "&#x27;" not in markdown and "&amp;" not in markdown
    assert not re.search(r"(?<!\\)[<&]", markdown)  # no tag, no entity can form
    assert "\\<img src=x\\>" in markdown and "\\*gras\\*" in markdown
