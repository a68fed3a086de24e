"""The session report: one section per activity, written as offline HTML and as XLSX. Pure.

Each section comes from a small function reading the store through the public functions of the
activity's module, so the report shows what the pages show: brainstorm rounds
(:mod:`companion.brainstorm`, :mod:`companion.brainstorm.exports`), the shared diagnosis
(:mod:`companion.diagnosis`: AFOM grid, stakeholders, needs), the site
visit (:mod:`companion.visit.grid`). Contributions no section shows are listed generically.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from companion import brainstorm as bs
from companion.brainstorm import exports
from companion.brainstorm.ideas import IDEA_KIND
from companion.brainstorm.results import EXPORT_NAMES, group_label
from companion.brainstorm.rounds import ROUND_KIND, STATE_KIND
from companion.brainstorm.votes import VOTE_KIND
from companion.content.course import Round, course
from companion.content.diagnosis import diagnostic_content
from companion.core.colors import ACCENT, BASE, MUTED, SUCCESS, WARNING
from companion.core.errors import InputError
from companion.core.model import Participant, Record, TrainingSession
from companion.diagnosis import afom as diagnosis
from companion.diagnosis import needs, stakeholders
from companion.evaluation import survey as ev
from companion.home import icebreaker as ice
from companion.introduction import materials as intro
from companion.project import build as project
from companion.report.html import render_html
from companion.report.model import Chart, ReportFiles, Section, SessionReport, Table
from companion.report.xlsx import write_workbook
from companion.roundtable import questions as rt
from companion.store import Store
from companion.texts import brainstorm as tb
from companion.texts import diagnosis as td
from companion.texts import evaluation as tev
from companion.texts import report as tx
from companion.texts import visit as tv
from companion.visit import grid as visit

OWN_KINDS = {ice.EXPECTATION, intro.QUIZ, rt.QUESTION, rt.UPVOTE, rt.NOTE, rt.STATE,
             ev.EVALUATION}
CLAIMED_KINDS = OWN_KINDS | {
    IDEA_KIND, VOTE_KIND, ROUND_KIND, STATE_KIND,
    diagnosis.AFOM, diagnosis.AFOM_VOTE, stakeholders.STAKEHOLDER, needs.NEED,
    visit.ASSIGNMENT, visit.OBSERVATION, visit.RATING, visit.PARTNER, project.SHEET_KIND,
}
"""Record kinds a section shows; any other kind goes to « Autres contributions »."""
AUTHOR_COLUMNS = (tx.COL_AUTHOR, tb.COL_AUTHORS)
"""Columns emptied by « anonymiser » (pseudonyms typed inside texts are replaced too)."""
STATUS_PROPOSED, STATUS_VALIDATED = td.STATUS_LABELS["propose"], td.STATUS_LABELS["valide"]
AFOM_NAMES = {"constat": td.F_TEXT, "theme": td.F_THEME, "source": td.F_SOURCE,
              "reference": td.F_REFERENCE, "sous_groupe": td.F_GROUP, "statut": tb.COL_STATUS,
              "priorite": td.F_PRIORITY, "votes": tb.COL_VOTES, "origine": tx.COL_ORIGIN}
ACTOR_NAMES = {"nom": td.F_NAME, "categorie": td.F_CATEGORY, "pouvoir": td.F_POWER,
               "interet": td.F_INTEREST, "quadrant": tx.COL_QUADRANT, "attitude": td.F_ATTITUDE,
               "liens": td.F_LINKS, "sous_groupe": td.F_GROUP}


@dataclass
class _Context:
    store: Store
    session: TrainingSession
    participants: list[Participant]
    records: dict[str, list[Record]]
    rounds: list[Round]

    @property
    def code(self) -> str:
        return self.session.code

    def kind(self, kind: str, *, visible: bool = True) -> list[Record]:
        return [r for r in self.records.get(kind, []) if not (visible and r.hidden)]


def _flat(value: Any) -> Any:
    if isinstance(value, Mapping):
        return "; ".join(f"{k} : {_flat(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(str(_flat(v)) for v in value)
    return value


def _counts(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    return ice.counts_by(frame, column).rename(columns={"effectif": tx.COL_COUNT})


def _bars(title: str, frame: pd.DataFrame, label: str, value: str, color: str = BASE,
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
    """Return the expectations of the icebreaker and whether the training covered them."""
    records = ctx.kind(ice.EXPECTATION)
    cover = ev.coverage(records)
    return Section("attentes", tx.SECTION_EXPECTATIONS, tx.SHEET_EXPECTATIONS,
                   [cover.sentence()], [Table(tx.TABLE_EXPECTATIONS, ev.coverage_table(records))])


def section_introduction(ctx: _Context) -> Section:
    """Return the quiz of the introduction: share of right answers per question."""
    records = ctx.kind(intro.QUIZ)
    frame = intro.quiz_summary(records, intro.quiz())
    section = Section("introduction", tx.SECTION_INTRODUCTION, tx.SHEET_INTRODUCTION,
                      [tx.QUIZ_COUNT.format(count=len(records))], [Table(tx.TABLE_QUIZ, frame)])
    if records:
        section.charts = [_bars(tx.TABLE_QUIZ, frame, "question", frame.columns[-1], xmax=100)]
    return section


def _field_label(key: str) -> str:
    return tx.FIELD_LABELS.get(key, key)


def _field_value(key: str, value: Any) -> Any:
    """Return a stored value as people read it: an indicator's id becomes its label."""
    if key == "indicator" and isinstance(value, str):
        from companion.indicators.catalogue import load_catalogue

        entry = load_catalogue().get(value)
        return entry.label if entry else value
    return _flat(value)


def _kind_label(kind: str, plural: bool = False) -> str:
    labels = tx.KIND_LABELS.get(kind)
    return labels[plural] if labels else kind


def _generic_frame(records: list[Record]) -> pd.DataFrame:
    keys: list[str] = []
    for r in records:
        keys += [k for k in r.data if k not in keys]
    rows = [{tx.COL_KIND: _kind_label(r.kind), tx.COL_GROUP: r.group or "",
             tx.COL_AUTHOR: r.author or tx.ANONYMOUS,
             **{_field_label(k): _field_value(k, r.data.get(k)) for k in keys},
             tx.COL_STATUS: r.status, tx.COL_HIDDEN: tx.YES if r.hidden else tx.NO,
             tx.COL_MERGED_INTO: r.merged_into or "",
             tx.COL_DATE: f"{r.created_at:%Y-%m-%d %H:%M}" if r.created_at else ""}
            for r in records]
    return pd.DataFrame(rows)


def _generic_section(ctx: _Context, kinds: list[str], sid: str, title: str,
                     sheet: str) -> Section:
    section = Section(sid, title, sheet)
    for kind in kinds:
        section.tables.append(Table(tx.TABLE_RECORDS.format(kind=_kind_label(kind, True)),
                                    _generic_frame(ctx.kind(kind, visible=False))))
    if not kinds:
        section.lines.append(tx.NO_DATA)
    return section


def _top(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    other = "group" if by == "theme" else "theme"
    columns = [by, "text", "votes", other]
    if frame.empty:
        return pd.DataFrame(columns=[EXPORT_NAMES[c] for c in columns])
    return bs.top_ideas(frame, by)[columns].rename(columns=EXPORT_NAMES)


def _round_section(ctx: _Context, round_: Round) -> Section:
    """One brainstorm round as its pages and exports show it (brainstorm exports)."""
    snap = bs.snapshot(ctx.store, ctx.code, round_.id)
    wall = bs.round_frame(snap)  # the visible cards, as on the wall and in the restitution
    sheets = exports.round_sheets(snap)
    merged = sum(bool(i.merged_into) for i in snap.ideas)
    hidden = sum(i.hidden and not i.merged_into for i in snap.ideas)
    lines = [tx.ROUND_QUESTION.format(question=round_.question),
             tx.ROUND_COUNT.format(cards=len(snap.cards), merged=merged, hidden=hidden,
                                   votes=tb.VOTES_CAST.format(count=len(snap.votes),
                                                              voters=bs.voters(snap.votes))),
             tx.ROUND_PHASE.format(phase=snap.state.label)]
    if snap.votes and not snap.state.revealed:
        lines.append(tx.ROUND_NOT_CLOSED)
    section = Section(f"rm-{round_.id}", round_.title,
                      tx.SHEET_BRAINSTORM.format(round=round_.id), lines)
    by_theme = sheets[tb.CHART_BY_THEME]
    section.tables = [Table(tb.CHART_BY_THEME, by_theme),
                      Table(tb.CHART_BY_GROUP, sheets[tb.CHART_BY_GROUP]),
                      Table(tb.TOP_BY_THEME, _top(wall, "theme")),
                      Table(tb.TOP_BY_GROUP, _top(wall, "group"))]
    if snap.linked_round is not None:
        raw = bs.preconisations(snap)
        if raw.empty:
            section.lines.append(tb.NO_PRECONISATION)
        left = bs.unanswered(snap, raw)
        section.tables += [
            Table(tb.PRECONISATIONS, sheets[tb.COL_LINKS]),
            Table(tb.CHART_LINKS, bs.link_matrix(snap, raw).rename_axis(
                tb.AXIS_DIFFICULTY_THEME).reset_index()),
            Table(tb.UNANSWERED, pd.DataFrame(
                [[i.text, i.theme, group_label(i.group), int(snap.linked_counts.get(i.uid, 0))]
                 for i in left],
                columns=[tb.COL_DIFFICULTY, tb.COL_THEME, tb.COL_GROUP, tb.COL_VOTES]))]
    section.tables.append(Table(tx.TABLE_ROUND_IDEAS, sheets[tb.SECTION_WALL]))
    if not wall.empty:
        section.charts.append(Chart(tb.CHART_BY_THEME, tuple(by_theme[tb.AXIS_THEME]), (
            (tb.AXIS_IDEAS, tuple(float(v) for v in by_theme[tb.AXIS_IDEAS]), MUTED),
            (tb.AXIS_VOTES, tuple(float(v) for v in by_theme[tb.AXIS_VOTES]), BASE))))
        voted = wall[wall["votes"] > 0].sort_values("votes", ascending=False, kind="stable")
        if len(voted):
            section.charts.append(_bars(tx.CHART_VOTES, voted.head(10), "text", "votes"))
    return section


def sections_brainstorm(ctx: _Context) -> list[Section]:
    """One section per brainstorm round (content rounds, then those the trainer added)."""
    return [_round_section(ctx, round_) for round_ in ctx.rounds]


def _afom_tables(ctx: _Context) -> tuple[list[str], list[Table], list[Chart]]:
    grid = diagnosis.items(ctx.store, ctx.code)
    by_uid = {r.uid: r for kind in (diagnosis.AFOM, IDEA_KIND)
              for r in ctx.kind(kind, visible=False)}
    merged_from = {i.uid: " | ".join(str(by_uid[u].get("texte", "")) for u in i.merged_from
                                     if u in by_uid) for i in grid}

    def origin(uid: str) -> str:
        source = by_uid.get(uid)
        if source is None:
            return uid
        return f"{td.ORIGIN_IDEA} : {source.get('texte') or source.get('text') or ''}"

    tables, counts = [], []
    buckets = diagnosis.by_quadrant(grid)
    for quadrant in diagnosis.QUADRANTS:
        bucket = buckets.get(quadrant, [])
        frame = diagnosis.items_frame(bucket)
        frame["priorite"] = frame["priorite"].map(lambda p: td.PRIORITY_LABELS.get(p, p))
        frame["origine"] = frame["origine"].map(lambda u: origin(u) if u else "")
        frame[tb.COL_MERGED_FROM] = frame["uid"].map(merged_from)
        frame = frame.drop(columns=["case", "uid"]).rename(columns=AFOM_NAMES)
        label = td.QUADRANT_LABELS[quadrant]
        tables.append(Table(tx.TABLE_AFOM.format(quadrant=label), frame))
        validated = sum(i.status == diagnosis.VALIDATED for i in bucket)
        counts.append({td.F_QUADRANT: label, STATUS_PROPOSED: len(bucket) - validated,
                       STATUS_VALIDATED: validated})
    count_frame = pd.DataFrame(counts)
    tables.insert(0, Table(tx.TABLE_AFOM_COUNTS, count_frame))
    lines = [td.AFOM_COUNT.format(count=len(grid), validated=sum(
        i.status == diagnosis.VALIDATED for i in grid))]
    charts = [Chart(td.CHART_AFOM_TITLE, tuple(count_frame[td.F_QUADRANT]), tuple(
        (name, tuple(float(v) for v in count_frame[name]), color)
        for name, color in ((STATUS_PROPOSED, MUTED), (STATUS_VALIDATED, SUCCESS))),
        stacked=True)] if grid else []
    return lines, tables, charts


def _actor_tables(ctx: _Context) -> tuple[list[str], list[Table], list[Chart]]:
    content = diagnostic_content()
    frame = stakeholders.actors_frame(stakeholders.actors(ctx.store, ctx.code), content.steps)
    absent = stakeholders.absent_categories(frame, content.categories)
    line = td.ABSENT_TEXT.format(names=", ".join(absent)) if absent else td.ABSENT_NONE
    counts = pd.DataFrame(list(stakeholders.quadrant_counts(frame).items()),
                          columns=[tx.COL_QUADRANT, tx.COL_ACTORS])
    matrix = stakeholders.coconstruction_matrix(frame, content.steps).reset_index().rename(
        columns={"acteur": td.MATRIX_ACTOR})
    table = frame[list(ACTOR_NAMES)].rename(columns=ACTOR_NAMES)
    charts = [_bars(tx.TABLE_MENDELOW, counts, tx.COL_QUADRANT, tx.COL_ACTORS)] if len(frame) \
        else []
    return ([f"{td.ABSENT_TITLE} : {line}"],
            [Table(tx.TABLE_ACTORS, table), Table(tx.TABLE_MENDELOW, counts),
             Table(td.ABSENT_TITLE, pd.DataFrame({td.F_CATEGORY: absent}, dtype=object)),
             Table(td.MATRIX_TITLE, matrix)], charts)


def section_diagnosis(ctx: _Context) -> Section:
    """Return the shared diagnosis as its pages show it.

    AFOM grid by quadrant (proposé / validé), stakeholders with their Mendelow quadrant and the
    absent categories, needs / responses.
    """
    afom_lines, afom, afom_charts = _afom_tables(ctx)
    actor_lines, actors, actor_charts = _actor_tables(ctx)
    grid = needs.needs_frame(needs.needs(ctx.store, ctx.code)).drop(columns="uid").rename(
        columns={**td.NEEDS_FIELDS, "sous_groupe": td.F_GROUP})
    return Section("diagnostic", tx.SECTION_DIAGNOSIS, tx.SHEET_DIAGNOSIS,
                   [*afom_lines, *actor_lines], [*afom, *actors, Table(tx.TABLE_NEEDS, grid)],
                   [*afom_charts, *actor_charts])


def section_visit(ctx: _Context) -> Section:
    """Return the site-visit debrief (:func:`companion.visit.grid.consolidate`).

    Assignments, observations per item and subgroup, ratings of the four dimensions and their
    means, partners met.
    """
    content = diagnostic_content()
    items = course().visit_items
    titles = {i.id: i.title for i in items}
    debrief = visit.consolidate(ctx.store, ctx.code, items, content)
    obs = debrief.observations
    assigned = pd.DataFrame([[g, ", ".join(titles.get(i, i) for i in ids)]
                             for g, ids in visit.assignments(ctx.store, ctx.code).items()],
                            columns=[tv.COLUMN_GROUP, tx.COL_ITEMS])
    observations = obs[["titre", "sous_groupe", "observation"]].sort_values(
        ["titre", "sous_groupe"], kind="stable").rename(columns={
            "titre": tv.COLUMN_ITEM, "sous_groupe": tv.COLUMN_GROUP,
            "observation": tv.COLUMN_OBSERVATION})
    ratings = debrief.ratings.pivot_table(index="sous_groupe", columns="dimension",
                                          values="note", aggfunc="last")
    ratings = ratings.reindex(columns=[d for d in content.dimensions if d in ratings.columns])
    ratings = ratings.rename_axis(index=tv.COLUMN_GROUP, columns=None).reset_index()
    means = debrief.means.rename(columns={"dimension": tx.COL_DIMENSION, "moyenne": tx.COL_MEAN,
                                          "nb_sous_groupes": tx.COL_GROUPS_COUNT})
    means[tx.COL_MEAN] = means[tx.COL_MEAN].astype(float).round(2)
    section = Section("visite", tx.SECTION_VISIT, tx.SHEET_VISIT, [tv.DEBRIEF_COUNT.format(
        observations=len(obs), groups=obs["sous_groupe"].nunique())], [
        Table(tx.VISIT_ASSIGNMENTS, assigned),
        Table(tx.VISIT_OBSERVATIONS, observations),
        Table(tv.COVERAGE_TITLE, debrief.coverage.reset_index().rename(
            columns={"item": tv.COLUMN_ITEM})),
        Table(tx.VISIT_MEANS, means),
        Table(tx.VISIT_RATINGS, ratings),
        Table(tv.COMMENTS_TITLE, debrief.comments.rename(
            columns={"sous_groupe": tv.COLUMN_GROUP, "commentaire": tv.F_COMMENT})),
        Table(tv.PARTNERS_TITLE, debrief.partners.rename(columns={
            "nom": tv.COLUMN_PARTNER, "categorie": tv.COLUMN_CATEGORY, "role": tv.COLUMN_ROLE,
            "sous_groupes": tv.COLUMN_GROUPS}))])
    if len(debrief.ratings):
        section.charts.append(_bars(tx.VISIT_MEANS, means, tx.COL_DIMENSION, tx.COL_MEAN,
                                    xmax=content.rating_max))
    return section


def section_roundtable(ctx: _Context) -> Section:
    """Return the round table: programme questions with notes, questions from the room."""
    table = rt.round_table()
    questions = rt.room_questions(ctx.store, ctx.session.code, include_hidden=True)
    return Section("table-ronde", tx.SECTION_ROUNDTABLE, tx.SHEET_ROUNDTABLE, [], [
        Table(tx.TABLE_TOPICS, rt.notes_frame(ctx.store, ctx.session.code, table)),
        Table(tx.TABLE_ROOM, rt.questions_frame(questions, table))])


def section_evaluation(ctx: _Context) -> Section:
    """Return the evaluation survey: satisfaction, objectives, before/after, comments."""
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
                ((tev.COL_REACHED, SUCCESS), (tev.COL_PARTIAL, WARNING),
                 (tev.COL_NOT, ACCENT))), stacked=True),
            Chart(tx.TABLE_PROGRESS, tuple(prog[tev.COL_THEME]), (
                (tev.BEFORE, tuple(_num(v) for v in prog[tev.COL_BEFORE]), MUTED),
                (tev.AFTER, tuple(_num(v) for v in prog[tev.COL_AFTER]), BASE)), xmax=5),
        ]
    return section


def section_quality(ctx: _Context) -> Section:
    """Return what the quality file needs: satisfaction, objectives, expectations covered."""
    answers = [r.data for r in ctx.kind(ev.EVALUATION)]
    lines = [tx.RESPONSES.format(count=len(answers)),
             tx.PARTICIPANTS_COUNT.format(count=len(ctx.participants)),
             ev.coverage(ctx.kind(ice.EXPECTATION)).sentence()]
    return Section("qualite", tx.SECTION_QUALITY, tx.SHEET_QUALITY, lines,
                   [Table(tx.TABLE_QUALITY, ev.quality_summary(answers, ev.survey()))])


def section_project(ctx: _Context) -> Section:
    """Every subgroup's project sheet: objectives, action plan and consistency checks."""
    from companion.project import checks, export
    from companion.texts import project as tp

    sheets = project.stored_sheets(ctx.store, ctx.code)
    section = Section("fiches-projet", tp.REPORT_SECTION, tp.REPORT_SHEET,
                      [tp.REPORT_COUNT.format(count=len(sheets))])
    for sheet, _record in sheets:
        group = sheet.group or tp.NO_GROUP
        parts = {part.key: part for part in export.parts(sheet)}
        problems = [p.message for p in checks.check_sheet(sheet)] or [tp.CHECKS_OK]
        section.tables += [
            Table(tp.REPORT_TABLE_OBJECTIVES.format(group=group), parts["objectifs"].frame),
            Table(tp.REPORT_TABLE_ACTIONS.format(group=group), parts["actions"].frame),
            Table(tp.REPORT_TABLE_CHECKS.format(group=group),
                  pd.DataFrame({tp.CHECKS_TITLE: problems}))]
    return section


def _claimed(kind: str) -> bool:
    return kind in CLAIMED_KINDS or kind.endswith("state")


def section_other(ctx: _Context) -> Section | None:
    """Return the contributions no section shows, so that nothing is left out.

    Kinds no section claims, and ideas and votes of a round that is unknown or was hidden.
    """
    kinds = [k for k in ctx.records if not _claimed(k)]
    known = {r.id for r in ctx.rounds}
    orphans = {kind: [r for r in ctx.kind(kind, visible=False)
                      if str(r.get("round", "")) not in known] for kind in (IDEA_KIND, VOTE_KIND)}
    if not kinds and not any(orphans.values()):
        return None
    section = _generic_section(ctx, kinds, "autres", tx.SECTION_OTHER, tx.SHEET_OTHER)
    section.lines = []
    section.tables += [Table(tx.ORPHAN_IDEAS.format(kind=kind), _generic_frame(records))
                       for kind, records in orphans.items() if records]
    return section


SECTIONS: tuple[Callable[[_Context], Section | list[Section] | None], ...] = (
    section_quality, section_participants, section_expectations, section_introduction,
    sections_brainstorm, section_diagnosis, section_visit, section_roundtable,
    section_evaluation, section_project, section_other,
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
    ctx = _Context(store, found, store.list_participants(found.code), dict(records),
                   bs.rounds(store, found.code))
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

    def clean(value: Any) -> Any:
        return pattern.sub(tx.REMOVED_NAME, value) if pattern and isinstance(value, str) \
            else value

    for section in report.sections:
        section.title = clean(section.title)
        for table in section.tables:
            frame = table.frame.drop(columns=[tx.COL_PSEUDONYM], errors="ignore").copy()
            for column in AUTHOR_COLUMNS:
                if column in frame:
                    frame[column] = ""
            if pattern is not None:
                for column in frame.columns:
                    frame[column] = frame[column].map(clean)
                frame.columns = [clean(c) for c in frame.columns]
            table.frame = frame
        section.lines = [clean(line) for line in section.lines]
        section.charts = [Chart(clean(c.title), tuple(clean(label) for label in c.labels),
                                c.series, c.stacked, c.xmax) for c in section.charts]


def write_report(store: Store, session: str, out_dir: str | Path, *, anonymise: bool = False,
                 now: datetime | None = None) -> ReportFiles:
    """Build the report and write it in ``out_dir``, as HTML and XLSX.

    The files are ``rapport_<CODE>[_anonyme].html`` and ``.xlsx``.
    """
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
