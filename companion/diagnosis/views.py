"""The participants' views of the diagnosis: escaped HTML built from plain data (pure).

The AFOM grid as a 2×2 grid of lists, the Mendelow grid and the co-construction matrix of the
actors, the needs / responses grid: what a participant's page shows, readable on a phone
(390 px: the AFOM grid goes to one column, wide tables scroll sideways in a labelled,
focusable region), without pandas or plotly in the participant's kernel. The trainer's
projector charts (:mod:`companion.charts.diagnosis`) draw the same data with plotly.
Everything typed by a person goes through :func:`companion.core.safety.escape` or
:func:`companion.core.html.rows_html`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from companion.core.html import rows_html
from companion.core.safety import escape
from companion.diagnosis.afom import QUADRANTS, VALIDATED, AfomItem, by_quadrant
from companion.diagnosis.needs import FIELDS
from companion.diagnosis.stakeholders import (
    ENGAGE,
    INFORM,
    LEVELS,
    SATISFY,
    THRESHOLD,
    WATCH,
    coconstruction_rows,
    mendelow_groups,
)
from companion.texts import diagnosis as td

QUADRANT_COLORS = {"atouts": "#1e7e34", "faiblesses": "#a04000", "opportunites": "#1b4f72",
                   "menaces": "#b03a2e"}
QUADRANT_BACKGROUNDS = {"atouts": "#eaf5ec", "faiblesses": "#fbeee6", "opportunites": "#e8f0f7",
                        "menaces": "#f9e9e8"}
MENDELOW_SHADES = {ENGAGE: "#f9e9e8", SATISFY: "#fbeee6", INFORM: "#e8f0f7", WATCH: "#f4f6f7"}
"""Background of each Mendelow quadrant, in the grid and in the trainer's chart."""
MENDELOW_CLASSES = {ENGAGE: "engage", SATISFY: "satisfy", INFORM: "inform", WATCH: "watch"}
INK, MUTED_INK = "#1c2833", "#566573"  # contrast ≥ 4.5 on every background above (axe-core)
LINE = "1.35"  # an HTML widget's text is spaced for one-line labels (28 px) otherwise
# Two columns where there is room for them, one on a phone: each cell is at least 18em wide
# and more than a third of the row.
_AFOM_COLUMNS = "repeat(auto-fit,minmax(min(100%,max(18em,40%)),1fr))"


def afom_grid_html(grid: Sequence[AfomItem]) -> str:
    """Return the 2×2 AFOM grid as HTML lists (escaped), validated items in bold.

    Each item with its theme, source, subgroup, votes, priority, provenance and status; one
    column on a phone.
    """
    buckets = by_quadrant(list(grid))
    cells = []
    for quadrant in QUADRANTS:
        cards = []
        for item in buckets[quadrant]:
            badges = [item.theme, item.source]
            if item.reference:
                badges.append(item.reference)
            badges.append(item.group or "—")
            if item.votes:
                badges.append(td.VOTES.format(count=item.votes))
            if item.priority:
                badges.append(td.PRIORITY_LABELS[item.priority])
            if item.origin:
                badges.append(td.ORIGIN_IDEA)
            if item.merged_from:
                badges.append(td.MERGED_FROM.format(count=len(item.merged_from)))
            if item.edited:
                badges.append(td.EDITED)
            badges.append(td.STATUS_LABELS.get(item.status, ""))
            status = "cp-afom-validated" if item.status == VALIDATED else "cp-afom-proposed"
            weight = "700" if item.status == VALIDATED else "400"
            cards.append(
                f'<li class="cp-afom-card {status}" style="margin:.3em 0;font-weight:{weight}">'
                f'{escape(item.text)}<br><small style="font-weight:400;color:{MUTED_INK}">'
                f'{" · ".join(escape(b) for b in badges)}</small></li>')
        body = "".join(cards) or f"<li><em>{escape(td.AFOM_EMPTY_QUADRANT)}</em></li>"
        label = f"{td.QUADRANT_LABELS[quadrant]} ({td.QUADRANT_HINTS[quadrant]})"
        cells.append(
            f'<section class="cp-afom-cell cp-afom-{quadrant}" aria-label="{escape(label)}" '
            f'style="background:{QUADRANT_BACKGROUNDS[quadrant]};padding:.6em;'
            f'border-radius:6px;min-width:0;overflow-wrap:anywhere">'
            f'<h4 style="color:{QUADRANT_COLORS[quadrant]};margin:.2em 0;font-size:1.15em">'
            f"{escape(td.QUADRANT_LABELS[quadrant])} <small>"
            f"({escape(td.QUADRANT_HINTS[quadrant])})</small></h4>"
            f'<ul style="font-size:1.05em;padding-left:1.2em;margin:.3em 0;color:{INK}">'
            f"{body}</ul></section>")
    return (f'<div class="cp-afom-grid" style="display:grid;grid-template-columns:'
            f'{_AFOM_COLUMNS};gap:.6em;line-height:{LINE}">{"".join(cells)}</div>')


def _range(low: int, high: int) -> dict[str, int]:
    return {"low": low, "high": high}


def mendelow_grid_html(rows: Iterable[Mapping[str, Any]], *, threshold: int = THRESHOLD) -> str:
    """Return the power × interest grid as an HTML table of the four Mendelow quadrants.

    Each quadrant lists its actors (name, category, attitude, scores); high power on top,
    high interest on the right, as on the trainer's chart. ``rows`` are
    :func:`stakeholders.actor_rows`.
    """
    groups = mendelow_groups(rows)
    low, high = min(LEVELS), max(LEVELS)
    below, above = _range(low, threshold - 1), _range(threshold, high)

    def cell(quadrant: str) -> str:
        actors = groups[quadrant]
        lines = []
        for a in actors:
            who = td.HOVER_ACTOR.format(name=a["nom"], category=a["categorie"],
                                        attitude=a["attitude"])
            scores = td.ACTOR_SCORES.format(power=a["pouvoir"], interest=a["interet"])
            lines.append(f'<li>{escape(who)} <small style="color:{MUTED_INK}">'
                         f"({escape(scores)})</small></li>")
        items = "".join(lines)
        body = (f'<ul style="padding-left:1.1em;margin:.3em 0">{items}</ul>' if items
                else f"<p style='margin:.3em 0'><em>{escape(td.MENDELOW_EMPTY)}</em></p>")
        return (f'<td class="cp-mendelow-{MENDELOW_CLASSES[quadrant]}" '
                f'style="background:{MENDELOW_SHADES[quadrant]};vertical-align:top;'
                f'padding:.4em;border:2px solid #fff;overflow-wrap:anywhere">'
                f"<strong>{escape(quadrant)}</strong> ({len(actors)}){body}</td>")

    head = ' style="text-align:left;padding:.4em;vertical-align:bottom"'
    side = ' style="text-align:left;padding:.4em;vertical-align:top;font-weight:600"'
    return (
        f'<table class="cp-mendelow" style="border-collapse:collapse;width:100%;'
        f'table-layout:fixed;color:{INK};line-height:{LINE}">'
        f'<caption style="text-align:left;font-weight:600">'
        f"{escape(td.CHART_ACTORS_TITLE)}</caption>"
        f'<colgroup><col style="width:26%"><col><col></colgroup>'
        f'<thead><tr><td{head}><small>{escape(td.MENDELOW_CORNER)}</small></td>'
        f'<th scope="col"{head}>{escape(td.INTEREST_LOW.format(**below))}</th>'
        f'<th scope="col"{head}>{escape(td.INTEREST_HIGH.format(**above))}</th></tr></thead>'
        f'<tbody><tr><th scope="row"{side}>{escape(td.POWER_HIGH.format(**above))}</th>'
        f"{cell(SATISFY)}{cell(ENGAGE)}</tr>"
        f'<tr><th scope="row"{side}>{escape(td.POWER_LOW.format(**below))}</th>'
        f"{cell(WATCH)}{cell(INFORM)}</tr></tbody></table>")


def scroll_region(html: str, label: str) -> str:
    """Return ``html`` in a region that scrolls sideways on a narrow screen.

    Labelled and focusable, so that it can be scrolled with the keyboard too (axe-core's
    ``scrollable-region-focusable``).
    """
    return (f'<div class="cp-scroll" role="region" aria-label="{escape(label)}" tabindex="0" '
            f'style="overflow-x:auto;max-width:100%;line-height:{LINE}">{html}</div>')


def coconstruction_html(rows: Iterable[Mapping[str, Any]], steps: Sequence[str]) -> str:
    """Return the actor × step matrix of roles as an HTML table (escaped), in a scroll region.

    ``rows`` are :func:`stakeholders.actor_rows`.
    """
    matrix = coconstruction_rows(rows, steps)
    table = rows_html(["acteur", *steps], matrix, {"acteur": td.MATRIX_ACTOR},
                      css_class="cp-coconstruction", empty=td.NO_ACTOR)
    return scroll_region(table, td.MATRIX_TITLE) if matrix else table


NEEDS_COLUMNS = (*FIELDS, "sous_groupe")
_NEEDS_STYLE = "<style>.cp-needs-grid th,.cp-needs-grid td{min-width:8em}</style>"


def needs_table_html(rows: Iterable[Mapping[str, Any]]) -> str:
    """Return the needs / responses grid as an HTML table (escaped), in a scroll region.

    ``rows`` are :func:`needs.need_rows`; every field in grid order, then the subgroup.
    """
    lines = [[row.get(key, "") for key in NEEDS_COLUMNS] for row in rows]
    labels = {**td.NEEDS_FIELDS, "sous_groupe": td.F_GROUP}
    table = rows_html(NEEDS_COLUMNS, lines, labels, css_class="cp-needs-grid", empty=td.NO_NEED)
    return _NEEDS_STYLE + scroll_region(table, td.NEEDS_TITLE) if lines else table
