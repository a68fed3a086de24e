"""Exports of a session: spreadsheets (CSV, XLSX), a JSON backup, restitution documents. Pure.

Spreadsheet cells all pass through :func:`companion.core.safety.neutralise_cell` (no formula
injection); HTML documents escape every user text; the JSON backup re-imports into an empty
store identically (:func:`restore_backup`). General helpers (:func:`records_frame`,
:func:`csv_bytes`, :func:`xlsx_bytes`, :func:`session_backup`) serve any sequence's report.
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd

from companion.brainstorm.results import (
    EXPORT_NAMES,
    Snapshot,
    group_label,
    preconisations,
    round_frame,
    round_words,
    summary_by,
    top_ideas,
)
from companion.core.errors import InputError
from companion.core.html import word_cloud_html
from companion.core.model import Group, Participant, Record, TrainingSession
from companion.core.safety import escape, neutralise_cell
from companion.store import Store
from companion.texts import brainstorm as tb

BACKUP_FORMAT = "companion-session-backup"
BACKUP_VERSION = 1
CSV_SEPARATOR = ";"  # what a French spreadsheet expects
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- general: records, spreadsheets, downloads ------------------------------------------
def records_frame(records: Sequence[Record]) -> pd.DataFrame:
    """Return one row per record: its fields, then its ``data`` keys prefixed ``data.``."""
    rows = []
    for r in records:
        row: dict[str, Any] = {
            "uid": r.uid, "kind": r.kind, "group": r.group, "author": r.author,
            "participant_id": r.participant_id, "status": r.status, "hidden": r.hidden,
            "merged_into": r.merged_into, "version": r.version, "created_at": r.created_at,
            "updated_at": r.updated_at,
        }
        for key, value in r.data.items():
            row[f"data.{key}"] = (json.dumps(value, ensure_ascii=False)
                                  if isinstance(value, list | dict) else value)
        rows.append(row)
    return pd.DataFrame(rows)


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``frame`` (headers included) safe to open in a spreadsheet."""
    safe = frame.copy()
    safe.columns = [neutralise_cell(str(c)) for c in safe.columns]
    for column in safe.columns:
        if not pd.api.types.is_numeric_dtype(safe[column]):  # object or pandas string dtype
            safe[column] = safe[column].astype(object).map(neutralise_cell)
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """Return ``frame`` as CSV for a French spreadsheet (``;``, UTF-8 with BOM), neutralised."""
    return neutralised(frame).to_csv(index=False, sep=CSV_SEPARATOR).encode("utf-8-sig")


def _sheet_name(name: str, used: set[str]) -> str:
    cleaned = "".join(" " if c in "[]:*?/\\" else c for c in name).strip()[:31] or "Feuille"
    candidate, number = cleaned, 2
    while candidate in used:
        candidate = f"{cleaned[:28]} {number}"
        number += 1
    used.add(candidate)
    return candidate


def xlsx_bytes(sheets: Mapping[str, pd.DataFrame]) -> bytes:
    """Return a workbook with one sheet per frame; text cells neutralised and typed as text."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    book.remove(book.active)
    used: set[str] = set()
    for name, frame in sheets.items():
        sheet = book.create_sheet(_sheet_name(name, used))
        sheet.append([str(neutralise_cell(str(c))) for c in frame.columns])
        for values in frame.itertuples(index=False):
            row: list[Any] = []
            for value in values:
                if value is None or (isinstance(value, float) and pd.isna(value)):
                    row.append(None)
                elif isinstance(value, str):
                    row.append(neutralise_cell(ILLEGAL_CHARACTERS_RE.sub("", value)))
                elif isinstance(value, bool | int | float | datetime | date):
                    row.append(value)
                else:
                    row.append(neutralise_cell(str(value)))
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula, whatever the text
        for column in sheet.columns:
            sheet.column_dimensions[column[0].column_letter].width = 18
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def data_uri(payload: bytes, mime: str) -> str:
    """Return ``payload`` as a ``data:`` URI (for a download link in a page)."""
    return f"data:{mime};base64,{base64.b64encode(payload).decode('ascii')}"


def download_link(payload: bytes, filename: str, mime: str, label: str,
                  css_class: str = "cp-download") -> str:
    """Return an HTML download link (escaped file name and label, our own base64 data)."""
    return (f'<a class="{escape(css_class)}" download="{escape(filename)}" '
            f'href="{data_uri(payload, mime)}">{escape(label)}</a>')


# --- a brainstorm round -----------------------------------------------------------------
def round_table(snap: Snapshot, *, everything: bool = True) -> pd.DataFrame:
    """Return a round as a table with French headers (subgroup, theme, text, votes, merged
    from, authors, time, links, status); every card unless ``everything`` is False."""
    frame = round_frame(snap, everything=everything).drop(columns="uid")
    if snap.linked_round is None:
        frame = frame.drop(columns="links")
    return frame.rename(columns=EXPORT_NAMES)


def _summary(frame: pd.DataFrame, column: str, label: str, categories: Sequence[str]
             ) -> pd.DataFrame:
    return summary_by(frame, column, tuple(categories)).rename(
        columns={column: label, "ideas": tb.AXIS_IDEAS, "votes": tb.AXIS_VOTES})


def preconisations_table(snap: Snapshot) -> pd.DataFrame:
    """Return the recommendations (round linked to another) with French headers."""
    return preconisations(snap).rename(columns={
        "lever": tb.COL_LEVER, "lever_theme": tb.COL_LEVER_THEME,
        "lever_votes": tb.COL_LEVER_VOTES, "difficulty": tb.COL_DIFFICULTY,
        "difficulty_theme": tb.COL_DIFFICULTY_THEME,
        "difficulty_votes": tb.COL_DIFFICULTY_VOTES, "group": tb.COL_GROUP})


def round_sheets(snap: Snapshot) -> dict[str, pd.DataFrame]:
    """Return the sheets of a round's workbook: ideas, by theme, by subgroup (+ links)."""
    frame = round_frame(snap)
    sheets = {
        tb.SECTION_WALL: round_table(snap),
        tb.CHART_BY_THEME: _summary(frame, "theme", tb.AXIS_THEME, snap.round.themes),
        tb.CHART_BY_GROUP: _summary(frame, "group", tb.AXIS_GROUP, ()),
    }
    if snap.linked_round is not None:
        sheets[tb.COL_LINKS] = preconisations_table(snap)
    return sheets


def round_csv(snap: Snapshot) -> bytes:
    """Return the round's cards as a neutralised CSV file."""
    return csv_bytes(round_table(snap))


def round_xlsx(snap: Snapshot) -> bytes:
    """Return the round's workbook (neutralised)."""
    return xlsx_bytes(round_sheets(snap))


# --- JSON backup ------------------------------------------------------------------------
def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def session_backup(store: Store, code: str) -> dict[str, Any]:
    """Return a whole session (groups, participants, every contribution) as JSON-able data."""
    session = store.get_session(code)
    if session is None:
        raise InputError(f"La session « {code} » n'existe pas.")
    return {
        "format": BACKUP_FORMAT, "version": BACKUP_VERSION,
        "session": {"code": session.code, "title": session.title, "start": _iso(session.start),
                    "end": _iso(session.end), "place": session.place,
                    "created_at": _iso(session.created_at)},
        "groups": [g.name for g in store.list_groups(code)],
        "participants": [
            {"id": p.id, "pseudonym": p.pseudonym, "function": p.function,
             "territory": p.territory, "group": p.group, "removed": p.removed,
             "created_at": _iso(p.created_at)}
            for p in store.list_participants(code, include_removed=True)
        ],
        "records": [
            {"uid": r.uid, "kind": r.kind, "data": dict(r.data), "group": r.group,
             "author": r.author, "participant_id": r.participant_id, "status": r.status,
             "hidden": r.hidden, "merged_into": r.merged_into, "version": r.version,
             "created_at": _iso(r.created_at), "updated_at": _iso(r.updated_at)}
            for r in store.list_records(code)
        ],
    }


def backup_json(store: Store, code: str) -> str:
    """Return the session backup as JSON text (UTF-8, indented)."""
    return json.dumps(session_backup(store, code), ensure_ascii=False, indent=1)


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def restore_backup(store: Store, backup: str | bytes | Mapping[str, Any]) -> TrainingSession:
    """Re-import a session backup into a store where that session does not exist."""
    try:
        data = json.loads(backup) if isinstance(backup, str | bytes) else backup
        if data.get("format") != BACKUP_FORMAT:
            raise ValueError("format inconnu")
        s = data["session"]
        session = TrainingSession(code=s["code"], title=s["title"], start=_day(s["start"]),
                                  end=_day(s["end"]), place=s["place"],
                                  created_at=_when(s["created_at"]))
        groups = [Group(session=session.code, name=name) for name in data["groups"]]
        participants = [
            Participant(id=p["id"], session=session.code, pseudonym=p["pseudonym"],
                        function=p["function"], territory=p["territory"], group=p["group"],
                        removed=p["removed"], created_at=_when(p["created_at"]))
            for p in data["participants"]
        ]
        records = [
            Record(uid=r["uid"], session=session.code, kind=r["kind"], data=r["data"],
                   group=r["group"], author=r["author"], participant_id=r["participant_id"],
                   status=r["status"], hidden=r["hidden"], merged_into=r["merged_into"],
                   version=r["version"], created_at=_when(r["created_at"]),
                   updated_at=_when(r["updated_at"]))
            for r in data["records"]
        ]
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise InputError(tb.IMPORT_BAD.format(reason=error)) from None
    store.restore_session(session, groups, participants, records)
    return session


# --- restitution documents --------------------------------------------------------------
_STYLE = ("body{font-family:system-ui,sans-serif;max-width:60em;margin:2em auto;color:#1b2631}"
          "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccd;padding:.3em;"
          "text-align:left;vertical-align:top}.cp-doc-idea{white-space:pre-wrap;"
          "overflow-wrap:anywhere}")


def _votes(snap: Snapshot, count: int) -> str:
    return str(count) if snap.state.revealed else "—"


def restitution_html(snap: Snapshot, *, session_title: str = "") -> str:
    """Return a self-contained HTML restitution (no script, no external resource)."""
    frame = round_frame(snap)
    parts = [f"<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'><title>"
             f"{escape(snap.round.title)}</title><style>{_STYLE}</style></head><body>",
             f"<h1>{escape(tb.RESTITUTION_TITLE.format(title=snap.round.title))}</h1>"]
    if session_title:
        parts.append(f"<p>{escape(session_title)}</p>")
    parts.append(f"<p><em>{escape(snap.round.question)}</em></p>")
    if not snap.state.revealed:
        parts.append(f"<p>{escape(tb.VOTES_NOT_REVEALED)}</p>")
    header = (f"<tr><th>{tb.COL_GROUP}</th><th>{tb.COL_TEXT}</th><th>{tb.COL_VOTES}</th>"
              f"<th>{tb.COL_MERGED_FROM}</th></tr>")
    for theme in snap.round.themes:
        rows = frame[frame["theme"] == theme]
        parts.append(f"<h2>{escape(theme)} ({len(rows)})</h2>")
        if rows.empty:
            parts.append(f"<p>{escape(tb.NO_IDEA)}</p>")
            continue
        body = "".join(
            f"<tr><td>{escape(r.group)}</td><td class='cp-doc-idea' dir='auto'>"
            f"{escape(r.text)}</td><td>{_votes(snap, r.votes)}</td>"
            f"<td>{escape(r.merged_from)}</td></tr>" for r in rows.itertuples())
        parts.append(f"<table>{header}{body}</table>")
    if snap.state.revealed and not frame.empty:
        parts.append(f"<h2>{escape(tb.TOP_BY_GROUP)}</h2><ul>")
        for r in top_ideas(frame, "group").itertuples():
            parts.append(f"<li><strong>{escape(r.group)}</strong> — {escape(r.text)} "
                         f"({r.votes})</li>")
        parts.append("</ul>")
    if snap.linked_round is not None:
        table = preconisations(snap)
        parts.append(f"<h2>{escape(tb.PRECONISATIONS)}</h2>")
        if table.empty:
            parts.append(f"<p>{escape(tb.NO_PRECONISATION)}</p>")
        else:
            parts.append(f"<table><tr><th>{tb.COL_LEVER}</th><th>{tb.COL_DIFFICULTY}</th>"
                         f"<th>{tb.COL_GROUP}</th><th>{tb.COL_VOTES}</th></tr>")
            parts.extend(
                f"<tr><td>{escape(r.lever)}</td><td>{escape(r.difficulty)}</td>"
                f"<td>{escape(r.group)}</td><td>{_votes(snap, r.lever_votes)}</td></tr>"
                for r in table.itertuples())
            parts.append("</table>")
    parts.append(f"<h2>{escape(tb.WORD_CLOUD)}</h2>{word_cloud_html(round_words(snap))}")
    parts.append("</body></html>")
    return "".join(parts)


_MD_SPECIAL = frozenset("\\`*_{}[]()#+-.!|~<>&")


def _md(text: str) -> str:
    """Return ``text`` inert in Markdown: every markup character (``<``, ``&`` included, so no
    HTML tag or entity is formed) backslashed; no HTML entities (« l'économie » stays so)."""
    flat = " ".join(str(text).split())
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in flat)


def restitution_markdown(snap: Snapshot, *, session_title: str = "") -> str:
    """Return the restitution as Markdown (user text escaped, one table per theme)."""
    frame = round_frame(snap)
    lines = [f"# {_md(tb.RESTITUTION_TITLE.format(title=snap.round.title))}", ""]
    if session_title:
        lines += [_md(session_title), ""]
    lines += [f"*{_md(snap.round.question)}*", ""]
    for theme in snap.round.themes:
        rows = frame[frame["theme"] == theme]
        lines += [f"## {_md(theme)} ({len(rows)})", ""]
        if rows.empty:
            lines += [_md(tb.NO_IDEA), ""]
            continue
        lines += [f"| {tb.COL_GROUP} | {tb.COL_TEXT} | {tb.COL_VOTES} |", "|---|---|---|"]
        lines += [f"| {_md(group_label(r.group))} | {_md(r.text)} | {_votes(snap, r.votes)} |"
                  for r in rows.itertuples()]
        lines.append("")
    if snap.linked_round is not None:
        table = preconisations(snap)
        lines += [f"## {_md(tb.PRECONISATIONS)}", ""]
        lines += [f"- {_md(r.lever)} → {_md(r.difficulty)} ({_md(r.group)})"
                  for r in table.itertuples()] or [_md(tb.NO_PRECONISATION)]
    return "\n".join(lines) + "\n"
