"""The project sheet as a self-contained HTML document and as an XLSX workbook. Pure.

Both are written from one list of parts (title, lines, table). The HTML has no script and no
external resource — styles inline, the progress chart as inline SVG — so it opens offline and
prints to PDF; every user string is escaped. Every workbook cell goes through
:func:`companion.core.safety.neutralise_cell`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from companion.core.config import user_data_dir
from companion.core.html import missing
from companion.core.numbers import format_number
from companion.core.safety import escape
from companion.indicators.catalogue import load_catalogue
from companion.project.checks import check_sheet
from companion.project.followup import progress
from companion.project.sheet import ProjectSheet
from companion.texts import project as tp

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:2em auto;
max-width:1100px;color:#1c2833;line-height:1.45;padding:0 1em}
h1,h2{color:#1b4f72}h2{border-bottom:2px solid #d6eaf8;padding-top:.6em}
table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.92em;width:100%}
th,td{border:1px solid #d5dbdb;padding:.3em .5em;text-align:left;vertical-align:top}
th{background:#eaf2f8}.cp-project-meta{color:#566573}
@media print{section{page-break-inside:avoid}}
"""


def sheets_folder() -> Path:
    """Return the folder where a trainee keeps the sheets (in the companion's user data)."""
    folder = user_data_dir() / "fiches_projet"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def file_stem(sheet: ProjectSheet) -> str:
    """Return a file name stem for the sheet's documents: session, subgroup, plain letters."""
    import unicodedata

    raw = "-".join(p for p in ("fiche", sheet.session, sheet.group) if p)
    plain = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "_", plain).strip("_")[:60] or "fiche"


@dataclass
class Part:
    """One part of the sheet's documents: an HTML section and a workbook sheet."""

    key: str
    title: str
    lines: list[str] = field(default_factory=list)
    frame: pd.DataFrame | None = None


def _fmt(value: Any) -> str:
    if missing(value):
        return tp.UNDEFINED
    if isinstance(value, float):
        return format_number(value, 0 if value.is_integer() else 2)
    return str(value)


def _label(sheet: ProjectSheet, collection: str, ident: str) -> str:
    for item in getattr(sheet, collection):
        if item.id == ident:
            return str(getattr(item, "text", None) or getattr(item, "name", ""))
    return ident


def parts(sheet: ProjectSheet) -> list[Part]:
    """Return the parts of the sheet, in reading order (no internal id shown)."""
    catalogue = load_catalogue()
    t = sheet.territory
    territory = Part("territoire", tp.SECTION_TERRITORY, [
        tp.TERRITORY_LINE.format(name=t.qpv_name or tp.UNDEFINED, code=t.qpv_code or
                                 tp.UNDEFINED, commune=t.commune or tp.UNDEFINED)
        if t.qpv_code or t.qpv_name else tp.TERRITORY_NONE],
        pd.DataFrame([[f.label, f.value, f.unit, f.commune, f.millesime, f.source]
                      for f in t.figures], columns=[tp.COL_LABEL, tp.COL_VALUE, tp.COL_UNIT,
                                                    tp.COL_COMMUNE_VALUE, tp.COL_MILLESIME,
                                                    tp.COL_SOURCE]))
    difficulties = Part("difficultes", tp.SECTION_DIFFICULTIES, frame=pd.DataFrame(
        [[d.text, d.theme, d.votes, d.group] for d in sheet.difficulties],
        columns=[tp.F_DIFFICULTY, tp.COL_THEME, tp.COL_VOTES, tp.COL_GROUP]))
    levers = Part("leviers", tp.SECTION_LEVERS, frame=pd.DataFrame(
        [[lv.text, lv.theme, lv.votes,
          " | ".join(_label(sheet, "difficulties", d) for d in lv.difficulties)]
         for lv in sheet.levers],
        columns=[tp.F_LEVER, tp.COL_THEME, tp.COL_VOTES, tp.F_LEVER_DIFFICULTIES]))
    grid = Part("afom", tp.SECTION_AFOM, frame=pd.DataFrame(
        [[tp.QUADRANTS[a.quadrant], a.text] for a in sheet.afom],
        columns=[tp.F_AFOM_QUADRANT, tp.F_AFOM_TEXT]))
    actors = Part("acteurs", tp.SECTION_ACTORS, [
        tp.ABSENT_LINE.format(names=", ".join(sheet.absent)) if sheet.absent
        else tp.ABSENT_NONE], pd.DataFrame(
        [[a.name, a.category, a.power, a.interest, a.quadrant] for a in sheet.actors],
        columns=[tp.F_ACTOR, tp.F_ACTOR_CATEGORY, tp.F_POWER, tp.F_INTEREST, tp.COL_QUADRANT]))
    needs = Part("besoins", tp.SECTION_NEEDS, frame=pd.DataFrame(
        [[n.need, n.response, n.gap, n.ess_activity] for n in sheet.needs],
        columns=[tp.F_NEED, tp.F_RESPONSE, tp.F_GAP, tp.F_ESS_ACTIVITY]))
    findings = Part("visite", tp.SECTION_FINDINGS, frame=pd.DataFrame(
        [[f.item, f.text] for f in sheet.findings], columns=[tp.COL_ITEM, tp.F_FINDING]))
    objectives = Part("objectifs", tp.SECTION_OBJECTIVES, frame=pd.DataFrame(
        [[o.label, o.dimension, catalogue[o.indicator].label if o.indicator else "",
          catalogue[o.indicator].unit if o.indicator else "", o.baseline, o.target,
          o.due.isoformat() if o.due else "", o.actual] for o in sheet.objectives],
        columns=[tp.F_OBJECTIVE, tp.F_DIMENSION, tp.F_INDICATOR, tp.COL_UNIT, tp.F_BASELINE,
                 tp.F_TARGET, tp.F_DUE, tp.F_ACTUAL]))
    actions = Part("actions", tp.SECTION_ACTIONS, frame=pd.DataFrame(
        [[a.title, _label(sheet, "levers", a.lever) if a.lever else "",
          _label(sheet, "actors", a.lead) if a.lead else "",
          ", ".join(_label(sheet, "actors", p) for p in a.partners),
          a.start.isoformat() if a.start else "", a.end.isoformat() if a.end else "",
          a.cost, a.funding, a.status] for a in sheet.actions],
        columns=[tp.F_ACTION, tp.F_ACTION_LEVER, tp.F_LEAD, tp.F_PARTNERS, tp.F_START,
                 tp.F_END, tp.F_COST, tp.F_FUNDING, tp.F_STATUS]))
    impact = sheet.impact
    plan = Part("impact", tp.SECTION_IMPACT, [
        tp.F_IMPACT_INDICATORS + " : " + (", ".join(catalogue[i].label for i in
                                                    impact.indicators) or tp.UNDEFINED),
        tp.SROI_LINE.format(inputs=_fmt(impact.inputs),
                            rate=f"{_fmt(impact.discount_rate * 100)} %")], pd.DataFrame(
        [[o.label, o.quantity, o.proxy, o.deadweight, o.displacement, o.attribution,
          o.drop_off, o.years] for o in impact.outcomes],
        columns=[tp.F_OUTCOME, tp.F_QUANTITY, tp.F_PROXY, tp.F_DEADWEIGHT, tp.F_DISPLACEMENT,
                 tp.F_ATTRIBUTION, tp.F_DROP_OFF, tp.F_YEARS]))
    done = progress(sheet)
    follow = Part("suivi", tp.SECTION_PROGRESS, [
        tp.FOLLOWUP_LINE.format(date=sheet.followup.isoformat()) if sheet.followup
        else tp.FOLLOWUP_NONE], done[["libellé objectif", "libellé", "départ", "valeur",
                                      "objectif", "écart", "unité", "statut",
                                      "avancement"]].rename(columns={
            "libellé objectif": tp.F_OBJECTIVE, "libellé": tp.F_INDICATOR,
            "départ": tp.F_BASELINE, "valeur": tp.F_ACTUAL, "objectif": tp.F_TARGET,
            "écart": tp.COL_GAP_TO_TARGET, "unité": tp.COL_UNIT,
            "statut": tp.COL_TARGET_STATUS, "avancement": tp.COL_PROGRESS}))
    problems = check_sheet(sheet)
    checks = Part("verifications", tp.CHECKS_TITLE,
                  [p.message for p in problems] or [tp.CHECKS_OK])
    return [territory, difficulties, levers, grid, actors, needs, findings, objectives,
            actions, plan, follow, checks]


def progress_svg(frame: pd.DataFrame, width: int = 760) -> str:
    """Return the progress of the objectives (``progress(sheet)``) as an inline SVG, no script.

    Bars go from 0 to 100 % of the way to the target (clipped to −20…150 %).
    """
    rows = frame[frame["avancement"].notna()]
    if rows.empty:
        return f"<p>{escape(tp.CHART_NO_DATA)}</p>"
    left, top, bar, gap = 300, 34, 16, 10
    plot = width - left - 70
    height = top + (bar + gap) * len(rows) + 20

    def x(percent: float) -> float:
        return left + plot * (min(max(percent, -20.0), 150.0) + 20) / 170

    parts = [f"<svg role='img' width='{width}' height='{height}' viewBox='0 0 {width} "
             f"{height}' class='cp-project-chart'><title>{escape(tp.CHART_PROGRESS)}</title>",
             f"<text x='0' y='18' font-size='15' font-weight='600'>"
             f"{escape(tp.CHART_PROGRESS)}</text>"]
    for i, (_, row) in enumerate(rows.iterrows()):
        y = top + i * (bar + gap)
        label = str(row["libellé objectif"])
        label = label if len(label) <= 44 else label[:43] + "…"
        value = float(row["avancement"])
        color = "#1e7e34" if row["statut"] == "atteint" else "#d4ac0d"
        start, end = sorted((x(0), x(value)))
        parts.append(f"<text x='{left - 8}' y='{y + 12}' font-size='12' text-anchor='end'>"
                     f"{escape(label)}</text><rect x='{start:.1f}' y='{y}' "
                     f"width='{end - start:.1f}' height='{bar - 2}' fill='{color}'><title>"
                     f"{escape(_fmt(value))} %</title></rect><text x='{end + 4:.1f}' "
                     f"y='{y + 12}' font-size='11'>{escape(_fmt(round(value)))} %</text>")
    for mark in (0, 100):
        parts.append(f"<line x1='{x(mark):.1f}' x2='{x(mark):.1f}' y1='{top - 6}' "
                     f"y2='{height - 16}' stroke='#566573' stroke-dasharray='4 3'/>"
                     f"<text x='{x(mark):.1f}' y='{height - 4}' font-size='11' "
                     f"text-anchor='middle'>{mark} %</text>")
    parts.append("</svg>")
    return "".join(parts)


def _table(frame: pd.DataFrame) -> str:
    if frame.empty:
        return f"<p>{escape(tp.NO_DATA)}</p>"
    head = "".join(f"<th>{escape(c)}</th>" for c in frame.columns)
    body = "".join("<tr>" + "".join(f"<td>{escape(_fmt(v))}</td>" for v in row) + "</tr>"
                   for row in frame.itertuples(index=False, name=None))
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def body_html(sheet: ProjectSheet) -> str:
    """Return the sections of the sheet as escaped HTML (shown in the page, and in the file)."""
    sections = []
    for part in parts(sheet):
        body = [f"<section id='{part.key}'><h2>{escape(part.title)}</h2>"]
        body += [f"<p>{escape(line)}</p>" for line in part.lines]
        if part.key == "suivi":
            body.append(progress_svg(progress(sheet)))
        if part.frame is not None:
            body.append(_table(part.frame))
        sections.append("".join(body) + "</section>")
    return "".join(sections)


def render_html(sheet: ProjectSheet, now: datetime | None = None) -> str:
    """Return the sheet as one self-contained HTML page (escaped, no script, inline SVG)."""
    moment = now or datetime.now()
    subtitle = tp.SUBTITLE.format(title=sheet.title, group=sheet.group or tp.NO_GROUP)
    return ("<!DOCTYPE html><html lang='fr'><head><meta charset='utf-8'>"
            f"<title>{escape(sheet.title)}</title>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<style>{CSS}</style></head><body class='cp-project'>"
            f"<h1>{escape(tp.TITLE)}</h1><p><strong>{escape(subtitle)}</strong></p>"
            f"<p class='cp-project-meta'>"
            f"{escape(tp.GENERATED.format(date=moment.strftime(tp.DATE_TIME)))}</p>"
            + body_html(sheet) + "</body></html>")


def workbook_bytes(sheet: ProjectSheet) -> bytes:
    """Return the sheet as an XLSX workbook, one worksheet per part.

    Written by the one XLSX writer: every cell neutralised, text typed as text.
    """
    from companion.core.spreadsheet import Heading, xlsx_bytes

    sheets: list[tuple[str, list[Any]]] = [
        (tp.SHEET_SUMMARY, [Heading(sheet.title), sheet.group or tp.NO_GROUP])]
    for part in parts(sheet):
        content: list[Any] = [Heading(part.title), *part.lines]
        if part.frame is not None and not part.frame.empty:
            content.append(("", part.frame))
        sheets.append((tp.SHEET_NAMES[part.key], content))
    return xlsx_bytes(sheets)


def write_workbook(sheet: ProjectSheet, path: str | Path) -> Path:
    """Write :func:`workbook_bytes` to ``path``."""
    target = Path(path)
    target.write_bytes(workbook_bytes(sheet))
    return target
