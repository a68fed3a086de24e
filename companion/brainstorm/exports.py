"""Exports of a brainstorm round: spreadsheets (CSV, XLSX) and restitution documents. Pure.

Spreadsheets are written by :mod:`companion.core.spreadsheet` (every cell neutralised, no
formula injection); HTML and Markdown documents escape every user text. The session backup is
:mod:`companion.store.backup`.
"""

from __future__ import annotations

from collections.abc import Sequence

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
from companion.core.html import word_cloud_html
from companion.core.safety import escape
from companion.core.spreadsheet import csv_bytes, xlsx_bytes
from companion.texts import brainstorm as tb


# --- a brainstorm round -----------------------------------------------------------------
def round_table(snap: Snapshot, *, everything: bool = True) -> pd.DataFrame:
    """Return a round as a table with French headers; every card unless ``everything`` is False.

    Columns: subgroup, theme, text, votes, merged from, authors, time, links, status.
    """
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
    """Return ``text`` inert in Markdown.

    Every markup character (``<``, ``&`` included, so no HTML tag or entity is formed) is
    backslashed; no HTML entities are used (« l'économie » stays so).
    """
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
