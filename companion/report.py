"""The session report: one section per activity, written as offline HTML and as XLSX. Pure.

Each section comes from a small function reading the store; activities whose logic lives in
other modules (brainstorm, diagnosis, visit grid) are read generically from their records
(kind, group, author, data fields, hidden, merged_into, votes) so the report shows them all.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from companion import evaluation as ev
from companion import icebreaker as ice
from companion import introduction as intro
from companion import roundtable as rt
from companion.content import course
from companion.errors import InputError
from companion.model import Participant, Record, TrainingSession
from companion.store import Store
from companion.texts import evaluation as tev
from companion.texts import report as tx

OWN_KINDS = {ice.EXPECTATION, intro.QUIZ, rt.QUESTION, rt.UPVOTE, rt.NOTE, rt.STATE,
             ev.EVALUATION}
IDEA, VOTE = "idea", "vote"
DIAGNOSIS_PREFIXES = ("afom", "swot", "stakeholder", "actor", "acteur", "problem", "tree",
                      "arbre", "need", "besoin", "diagnos")
VISIT_PREFIXES = ("visit", "observation", "grille", "grid")
TEXT_KEYS = ("text", "texte", "idea", "titre", "title", "label", "contenu")
ROUND_KEYS = ("round", "manche", "round_id")
TARGET_KEYS = ("idea", "idea_uid", "target", "record", "uid", "item")
WEIGHT_KEYS = ("points", "weight", "count", "poids")


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart, drawn as inline SVG: one value list per series."""

    title: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...], str], ...]
    stacked: bool = False
    xmax: float | None = None


@dataclass
class Table:
    """A captioned table of the report."""

    caption: str
    frame: pd.DataFrame


@dataclass
class Section:
    """One activity of the session: HTML section and XLSX sheet."""

    id: str
    title: str
    sheet: str
    lines: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


@dataclass
class SessionReport:
    """Everything the report shows, built once and written in both formats."""

    session: TrainingSession
    generated_at: datetime
    anonymised: bool
    sections: list[Section]


@dataclass
class _Context:
    store: Store
    session: TrainingSession
    participants: list[Participant]
    records: dict[str, list[Record]]

    def kind(self, kind: str, *, visible: bool = True) -> list[Record]:
        return [r for r in self.records.get(kind, []) if not (visible and r.hidden)]


def _first(data: Mapping[str, Any], keys: tuple[str, ...], default: Any = "") -> Any:
    for key in keys:
        if data.get(key) not in (None, ""):
            return data[key]
    return default


def _flat(value: Any) -> Any:
    if isinstance(value, Mapping):
        return "; ".join(f"{k} : {_flat(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(str(_flat(v)) for v in value)
    return value


def _counts(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    return ice.counts_by(frame, column).rename(columns={"effectif": tx.COL_COUNT})


def _bars(title: str, frame: pd.DataFrame, label: str, value: str, color: str = "#1b4f72",
          xmax: float | None = None) -> Chart:
    return Chart(title, tuple(str(v) for v in frame[label]),
                 ((value, tuple(_num(v) for v in frame[value]), color),), xmax=xmax)


def _num(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number


# --- one function per activity ---------------------------------------------------------------
def section_participants(ctx: _Context) -> Section:
    """Participants by function and territory."""
    frame = ice.participants_frame(ctx.participants).rename(columns={
        "pseudonyme": tx.COL_PSEUDONYM, "fonction": tx.COL_FUNCTION,
        "territoire": tx.COL_TERRITORY})
    frame = frame[[tx.COL_PSEUDONYM, tx.COL_FUNCTION, tx.COL_TERRITORY]]
    by_function = _counts(frame, tx.COL_FUNCTION)
    by_territory = _counts(frame, tx.COL_TERRITORY)
    section = Section("participants", tx.SECTION_PARTICIPANTS, tx.SHEET_PARTICIPANTS,
                      [tx.PARTICIPANTS_COUNT.format(count=len(frame))])
    section.tables = [Table(tx.TABLE_BY_FUNCTION, by_function),
                      Table(tx.TABLE_BY_TERRITORY, by_territory),
                      Table(tx.TABLE_PARTICIPANTS, frame)]
    if len(frame):
        section.charts = [_bars(tx.TABLE_BY_FUNCTION, by_function, tx.COL_FUNCTION, tx.COL_COUNT),
                          _bars(tx.TABLE_BY_TERRITORY, by_territory, tx.COL_TERRITORY,
                                tx.COL_COUNT)]
    return section


def section_expectations(ctx: _Context) -> Section:
    """Expectations of the icebreaker and whether the training covered them."""
    records = ctx.kind(ice.EXPECTATION)
    cover = ev.coverage(records)
    return Section("attentes", tx.SECTION_EXPECTATIONS, tx.SHEET_EXPECTATIONS,
                   [cover.sentence()], [Table(tx.TABLE_EXPECTATIONS, ev.coverage_table(records))])


def section_introduction(ctx: _Context) -> Section:
    """The quiz of the introduction: share of right answers per question."""
    records = ctx.kind(intro.QUIZ)
    frame = intro.quiz_summary(records, intro.quiz())
    section = Section("introduction", tx.SECTION_INTRODUCTION, tx.SHEET_INTRODUCTION,
                      [tx.QUIZ_COUNT.format(count=len(records))], [Table(tx.TABLE_QUIZ, frame)])
    if records:
        section.charts = [_bars(tx.TABLE_QUIZ, frame, "question", frame.columns[-1], xmax=100)]
    return section


def sections_brainstorm(ctx: _Context) -> list[Section]:
    """One section per brainstorm round: ideas with their votes and merges (read generically)."""
    ideas = ctx.kind(IDEA, visible=False)
    votes: dict[str, int] = defaultdict(int)
    for vote in ctx.kind(VOTE):
        votes[str(_first(vote.data, TARGET_KEYS))] += int(_num(_first(vote.data, WEIGHT_KEYS,
                                                                     1)) or 1)
    texts = {r.uid: str(_first(r.data, TEXT_KEYS)) for r in ideas}
    rounds = {r.id: r.title for r in course().rounds}
    for extra in ctx.kind("brainstorm_round"):  # rounds the trainer added during the session
        rounds.setdefault(str(extra.get("id")), str(extra.get("title") or extra.get("id")))
    by_round: dict[str, list[Record]] = {key: [] for key in rounds}
    for idea in ideas:
        by_round.setdefault(str(_first(idea.data, ROUND_KEYS, "—")), []).append(idea)
    sections = []
    for key, items in by_round.items():
        title = rounds.get(key) or tx.SECTION_BRAINSTORM.format(round=key)
        rows = [{tx.COL_IDEA: texts[r.uid], tx.COL_THEME: _first(r.data, ("theme", "category",
                                                                          "categorie")),
                 tx.COL_GROUP: r.group or "", tx.COL_AUTHOR: r.author or tx.ANONYMOUS,
                 tx.COL_VOTES: votes.get(r.uid, 0),
                 tx.COL_MERGED_INTO: texts.get(r.merged_into or "", ""), tx.COL_STATUS: r.status,
                 tx.COL_HIDDEN: tx.YES if r.hidden else tx.NO} for r in items]
        frame = pd.DataFrame(rows, columns=[tx.COL_IDEA, tx.COL_THEME, tx.COL_GROUP,
                                            tx.COL_AUTHOR, tx.COL_VOTES, tx.COL_MERGED_INTO,
                                            tx.COL_STATUS, tx.COL_HIDDEN])
        frame = frame.sort_values(tx.COL_VOTES, ascending=False, kind="stable")
        section = Section(f"rm-{key}", title,
                          tx.SHEET_BRAINSTORM.format(round=key),
                          [tx.IDEAS_COUNT.format(ideas=len(items),
                                                 votes=int(frame[tx.COL_VOTES].sum()),
                                                 merged=sum(bool(r.merged_into) for r in items))])
        visible = frame[frame[tx.COL_HIDDEN] == tx.NO]
        if len(visible):
            themes = visible.groupby(tx.COL_THEME, sort=True).agg(
                **{tx.COL_IDEAS: (tx.COL_IDEA, "size"), tx.COL_VOTES: (tx.COL_VOTES, "sum")}
            ).reset_index()
            section.tables.append(Table(tx.TABLE_BY_THEME, themes))
            top = visible[visible[tx.COL_VOTES] > 0].head(10)
            if len(top):
                section.charts.append(_bars(tx.CHART_VOTES, top, tx.COL_IDEA, tx.COL_VOTES))
        section.tables.append(Table(tx.TABLE_IDEAS, frame))
        sections.append(section)
    return sections


def _generic_frame(records: list[Record]) -> pd.DataFrame:
    keys: list[str] = []
    for r in records:
        keys += [k for k in r.data if k not in keys]
    rows = [{tx.COL_KIND: r.kind, tx.COL_GROUP: r.group or "",
             tx.COL_AUTHOR: r.author or tx.ANONYMOUS, **{k: _flat(r.data.get(k)) for k in keys},
             tx.COL_STATUS: r.status, tx.COL_HIDDEN: tx.YES if r.hidden else tx.NO,
             tx.COL_MERGED_INTO: r.merged_into or "",
             tx.COL_DATE: f"{r.created_at:%Y-%m-%d %H:%M}" if r.created_at else ""}
            for r in records]
    return pd.DataFrame(rows)


def _generic_section(ctx: _Context, kinds: list[str], sid: str, title: str,
                     sheet: str) -> Section:
    section = Section(sid, title, sheet)
    for kind in kinds:
        section.tables.append(Table(tx.TABLE_RECORDS.format(kind=kind),
                                    _generic_frame(ctx.kind(kind, visible=False))))
    if not kinds:
        section.lines.append(tx.NO_DATA)
    return section


def _claimed(kind: str) -> bool:
    return (kind in OWN_KINDS or kind in (IDEA, VOTE) or kind.endswith("state")
            or kind.startswith("brainstorm_"))


def section_diagnosis(ctx: _Context) -> Section:
    """The shared diagnosis (AFOM, stakeholders, problem tree, needs), read generically."""
    kinds = [k for k in ctx.records if k.startswith(DIAGNOSIS_PREFIXES) and not _claimed(k)]
    return _generic_section(ctx, kinds, "diagnostic", tx.SECTION_DIAGNOSIS, tx.SHEET_DIAGNOSIS)


def section_visit(ctx: _Context) -> Section:
    """The site-visit observation grid, read generically."""
    kinds = [k for k in ctx.records if k.startswith(VISIT_PREFIXES) and not _claimed(k)]
    return _generic_section(ctx, kinds, "visite", tx.SECTION_VISIT, tx.SHEET_VISIT)


def section_roundtable(ctx: _Context) -> Section:
    """The round table: programme questions with notes, questions from the room."""
    table = rt.round_table()
    questions = rt.room_questions(ctx.store, ctx.session.code, include_hidden=True)
    return Section("table-ronde", tx.SECTION_ROUNDTABLE, tx.SHEET_ROUNDTABLE, [], [
        Table(tx.TABLE_TOPICS, rt.notes_frame(ctx.store, ctx.session.code, table)),
        Table(tx.TABLE_ROOM, rt.questions_frame(questions, table))])


def section_evaluation(ctx: _Context) -> Section:
    """The evaluation survey: satisfaction, objectives, before/after, comments."""
    survey = ev.survey()
    answers = [r.data for r in ctx.kind(ev.EVALUATION)]
    sat = ev.satisfaction_table(answers, survey)
    obj = ev.objectives_table(answers, survey)
    prog = ev.progress_table(answers, survey)
    section = Section("evaluation", tx.SECTION_EVALUATION, tx.SHEET_EVALUATION,
                      [tx.RESPONSES.format(count=len(answers))],
                      [Table(tx.TABLE_SATISFACTION, sat), Table(tx.TABLE_OBJECTIVES, obj),
                       Table(tx.TABLE_PROGRESS, prog),
                       Table(tx.TABLE_COMMENTS, ev.comments_table(answers, survey))])
    if answers:
        section.charts = [
            _bars(tx.TABLE_SATISFACTION, sat, tev.COL_ITEM, tev.COL_MEAN, xmax=5),
            Chart(tx.TABLE_OBJECTIVES, tuple(obj[tev.COL_OBJECTIVE]), tuple(
                (col, tuple(float(v) for v in obj[col]), color) for col, color in
                ((tev.COL_REACHED, "#1e7e34"), (tev.COL_PARTIAL, "#d4ac0d"),
                 (tev.COL_NOT, "#c0392b"))), stacked=True),
            Chart(tx.TABLE_PROGRESS, tuple(prog[tev.COL_THEME]), (
                (tev.BEFORE, tuple(_num(v) for v in prog[tev.COL_BEFORE]), "#aab7c4"),
                (tev.AFTER, tuple(_num(v) for v in prog[tev.COL_AFTER]), "#1b4f72")), xmax=5),
        ]
    return section


def section_quality(ctx: _Context) -> Section:
    """What the quality file needs: satisfaction, objectives, expectations covered."""
    answers = [r.data for r in ctx.kind(ev.EVALUATION)]
    lines = [tx.RESPONSES.format(count=len(answers)),
             tx.PARTICIPANTS_COUNT.format(count=len(ctx.participants)),
             ev.coverage(ctx.kind(ice.EXPECTATION)).sentence()]
    return Section("qualite", tx.SECTION_QUALITY, tx.SHEET_QUALITY, lines,
                   [Table(tx.TABLE_QUALITY, ev.quality_summary(answers, ev.survey()))])


def section_other(ctx: _Context) -> Section | None:
    """Contributions of kinds no section claims, so that nothing is left out."""
    claimed = {k for k in ctx.records if _claimed(k) or k.startswith(DIAGNOSIS_PREFIXES)
               or k.startswith(VISIT_PREFIXES)}
    kinds = [k for k in ctx.records if k not in claimed]
    if not kinds:
        return None
    return _generic_section(ctx, kinds, "autres", tx.SECTION_OTHER, tx.SHEET_OTHER)


SECTIONS: tuple[Callable[[_Context], Section | list[Section] | None], ...] = (
    section_quality, section_participants, section_expectations, section_introduction,
    sections_brainstorm, section_diagnosis, section_visit, section_roundtable,
    section_evaluation, section_other,
)


# --- building and anonymising ----------------------------------------------------------------
def build_report(store: Store, session: str, *, anonymise: bool = False,
                 now: datetime | None = None) -> SessionReport:
    """Read the session from the store and return its report (pseudonyms removed if asked)."""
    found = store.get_session(session.strip().upper())
    if found is None:
        raise InputError(tx.UNKNOWN_SESSION.format(code=session))
    records: dict[str, list[Record]] = defaultdict(list)
    for record in store.list_records(found.code):
        records[record.kind].append(record)
    ctx = _Context(store, found, store.list_participants(found.code), dict(records))
    sections: list[Section] = []
    for build in SECTIONS:
        made = build(ctx)
        if isinstance(made, list):
            sections += made
        elif made is not None:
            sections.append(made)
    report = SessionReport(found, now or datetime.now(), anonymise, sections)
    if anonymise:
        names = {p.pseudonym for p in ctx.participants if p.pseudonym}
        names |= {r.author for rs in records.values() for r in rs if r.author}
        _anonymise(report, names - {"formateur", "anonyme", tx.ANONYMOUS})
    return report


def pseudonym_pattern(names: set[str]) -> re.Pattern[str] | None:
    """Return a pattern matching any of ``names`` as whole words, case-insensitively."""
    kept = sorted((n.strip() for n in names if len(n.strip()) >= 2), key=len, reverse=True)
    if not kept:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, kept)) + r")(?!\w)", re.IGNORECASE)


def _anonymise(report: SessionReport, names: set[str]) -> None:
    pattern = pseudonym_pattern(names)
    for section in report.sections:
        for table in section.tables:
            frame = table.frame.drop(columns=[tx.COL_PSEUDONYM], errors="ignore").copy()
            if tx.COL_AUTHOR in frame:
                frame[tx.COL_AUTHOR] = ""
            if pattern is not None:
                for column in frame.columns:
                    frame[column] = frame[column].map(
                        lambda v: pattern.sub(tx.REMOVED_NAME, v) if isinstance(v, str) else v)
            table.frame = frame
        if pattern is not None:
            section.lines = [pattern.sub(tx.REMOVED_NAME, line) for line in section.lines]
            section.charts = [Chart(c.title, tuple(pattern.sub(tx.REMOVED_NAME, label)
                                                   for label in c.labels), c.series, c.stacked,
                                    c.xmax) for c in section.charts]


@dataclass(frozen=True)
class ReportFiles:
    """The files written for a session, and how long it took."""

    html: Path
    xlsx: Path
    seconds: float


def write_report(store: Store, session: str, out_dir: str | Path, *, anonymise: bool = False,
                 now: datetime | None = None) -> ReportFiles:
    """Build the report and write ``rapport_<CODE>[_anonyme].html`` and ``.xlsx`` in
    ``out_dir``."""
    from companion.report_html import render_html, write_workbook

    start = time.perf_counter()
    report = build_report(store, session, anonymise=anonymise, now=now)
    folder = Path(out_dir).expanduser()
    stem = f"rapport_{report.session.code}" + ("_anonyme" if anonymise else "")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        html_path, xlsx_path = folder / f"{stem}.html", folder / f"{stem}.xlsx"
        html_path.write_text(render_html(report), encoding="utf-8")
        write_workbook(report, xlsx_path)
    except OSError as error:
        raise InputError(tx.OUT_NOT_WRITABLE.format(folder=folder, reason=error)) from None
    return ReportFiles(html_path, xlsx_path, time.perf_counter() - start)
