"""Project sheets built from what a session (or one subgroup) produced, kept in the store.

Pure: reads the activities through their public functions, as the session report does
(:mod:`companion.report.build`).

A subgroup's sheet takes its own cards, items and actors plus those of the plenary (merged
across subgroups, or entered without a subgroup). Sheets are records of kind
``project_sheet`` (one live record per subgroup, updated with ``expected_version``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace

import pandas as pd

from companion import brainstorm as bs
from companion.content.course import course
from companion.core.errors import InputError, StoreError
from companion.core.model import TRAINER, Record
from companion.diagnosis import afom, needs, stakeholders
from companion.indicators.territory import qpv_profile
from companion.project.codec import envelope, from_data
from companion.project.sheet import (
    Actor,
    AfomEntry,
    Difficulty,
    Finding,
    KeyFigure,
    Lever,
    NeedGap,
    ProjectSheet,
    Territory,
)
from companion.store import Store
from companion.texts import project as tp
from companion.visit import grid as visit

SHEET_KIND = "project_sheet"


def _mine(group: str | None, wanted: str) -> bool:
    return not wanted or not group or group == wanted


def _rounds(store: Store, session: str) -> tuple[str | None, str | None]:
    for round_ in bs.rounds(store, session):
        if round_.linked_to:
            return round_.linked_to, round_.id
    return None, None


def territory_from_profile(profile: pd.DataFrame) -> Territory:
    """Return the territory described by :func:`companion.indicators.territory.qpv_profile`."""
    figures = tuple(KeyFigure(
        str(row["indicateur"]), str(row["libellé"]),
        None if pd.isna(row["valeur"]) else float(row["valeur"]), str(row["unité"]),
        str(row["millésime"]), str(row["source"]),
        None if pd.isna(row["valeur commune"]) else float(row["valeur commune"]))
        for _, row in profile.iterrows())
    attrs = profile.attrs
    return Territory(str(attrs.get("code", "")), str(attrs.get("nom", "")),
                     str(attrs.get("commune", "")), figures)


def build_sheet(store: Store, session: str, group: str = "", *, title: str = "",
                tables: Mapping[str, pd.DataFrame] | Sequence[pd.DataFrame] | None = None,
                qpv: str = "", millesime: str | None = None) -> ProjectSheet:
    """Return a new sheet from the session's productions (``group`` empty: the whole session).

    ``tables`` and ``qpv`` (code or name): INSEE / SIG Ville tables giving the territory's key
    figures through :func:`~companion.indicators.territory.qpv_profile`.
    """
    found = store.get_session(session.strip().upper())
    if found is None:
        raise InputError(tp.UNKNOWN_REFERENCE.format(field="session", value=session))
    code = found.code
    hard_id, lever_id = _rounds(store, code)
    difficulties: list[Difficulty] = []
    levers: list[Lever] = []
    if lever_id:
        snap = bs.snapshot(store, code, lever_id)
        kept = sorted((i for i in snap.linked_ideas if i.visible and _mine(i.group, group)),
                      key=lambda i: -snap.linked_counts.get(i.uid, 0))
        difficulties = [Difficulty(i.uid, i.text, i.theme, int(snap.linked_counts.get(i.uid, 0)),
                                   i.group or "") for i in kept]
        known, by_uid = {d.id for d in difficulties}, snap.by_uid
        for card in sorted((c for c in snap.cards if _mine(c.group, group)),
                           key=lambda c: -snap.counts.get(c.uid, 0)):
            links = []
            for uid in card.links:
                target = by_uid.get(uid)
                while target is not None and target.merged_into:
                    target = by_uid.get(target.merged_into)
                if target is not None and target.uid in known:
                    links.append(target.uid)
            levers.append(Lever(card.uid, card.text, card.theme,
                                int(snap.counts.get(card.uid, 0)), tuple(links),
                                card.group or ""))
    elif hard_id:
        snap = bs.snapshot(store, code, hard_id)
        difficulties = [Difficulty(i.uid, i.text, i.theme, int(snap.counts.get(i.uid, 0)),
                                   i.group or "") for i in snap.cards if _mine(i.group, group)]
    grid = [AfomEntry(i.quadrant, i.text) for i in afom.items(store, code)
            if _mine(i.group, group) or i.status == afom.VALIDATED]
    actor_records = [r for r in stakeholders.actors(store, code) if _mine(r.group, group)]
    actors = [Actor(r.uid, str(r.get("nom", "")), str(r.get("categorie", "")),
                    int(r.get("pouvoir", 1)), int(r.get("interet", 1))) for r in actor_records]
    absent = stakeholders.absent_categories(stakeholders.actors_frame(actor_records))
    gaps = needs.gaps(needs.needs_frame(r for r in needs.needs(store, code)
                                        if _mine(r.group, group)))
    need_gaps = [NeedGap(row["besoin"], row["reponse_existante"], row["ecart"],
                         row["activite_ess"]) for _, row in gaps.iterrows()]
    territory = Territory()
    if tables is not None and qpv:
        territory = territory_from_profile(qpv_profile(tables, qpv, millesime))
    name = title or (f"{tp.TITLE} — {group}" if group else tp.TITLE)
    return ProjectSheet(name, code, group, territory, tuple(difficulties), tuple(levers),
                        tuple(grid), tuple(actors), tuple(absent), tuple(need_gaps))


def visit_findings(store: Store, session: str, group: str = "") -> list[Finding]:
    """Return the site-visit observations of ``group`` (every subgroup's when empty)."""
    titles = {i.id: i.title for i in course().visit_items}
    return [Finding(titles.get(str(r.get("item")), str(r.get("item", ""))), str(r.get("texte")))
            for r in store.list_records(session, visit.OBSERVATION)
            if not r.hidden and not r.merged_into and r.get("texte")
            and (not group or r.group == group)]


# --- the sheet in the store ---------------------------------------------------------------------
def stored_sheets(store: Store, session: str) -> list[tuple[ProjectSheet, Record]]:
    """Return every visible sheet of the session with its record, by subgroup."""
    found = []
    for record in store.list_records(session, SHEET_KIND):
        if not record.hidden and not record.merged_into:
            found.append((from_data(json.loads(json.dumps(dict(record.data))), tp.TITLE), record))
    return sorted(found, key=lambda pair: pair[0].group.casefold())


def stored_sheet(store: Store, session: str, group: str
                 ) -> tuple[ProjectSheet, Record] | None:
    """Return the sheet of ``group`` and its record, None if there is none yet."""
    for sheet, record in stored_sheets(store, session):
        if (record.group or "") == group:
            return sheet, record
    return None


def save_sheet(store: Store, sheet: ProjectSheet, *, expected_version: int | None = None,
               author: str = "", replace_existing: bool = False) -> Record:
    """Write the sheet: a new record, or an update of its subgroup's record.

    An update must name the version it started from (``expected_version``) or say
    ``replace_existing`` (an import the person confirmed): a sheet is never overwritten
    silently. A stale version raises a French :class:`InputError`.
    """
    data = envelope(sheet)
    current = stored_sheet(store, sheet.session, sheet.group)
    if current is None:
        return store.add_record(sheet.session, SHEET_KIND, data, group=sheet.group or None,
                                author=author)
    record = current[1]
    if expected_version is None and not replace_existing:
        raise InputError(tp.OVERWRITE.format(group=sheet.group or tp.NO_GROUP,
                                             date=_when(record)))
    try:
        return store.update_record(record.uid, actor=author or TRAINER, data=data,
                                   expected_version=expected_version or record.version)
    except (StoreError, InputError):
        raise InputError(tp.STALE) from None


def _when(record: Record) -> str:
    moment = record.updated_at or record.created_at
    return f"{moment:%d/%m/%Y %H:%M}" if moment else tp.UNDEFINED


def import_into_session(store: Store, sheet: ProjectSheet, session: str, group: str, *,
                        confirm: bool = False, author: str = "") -> Record:
    """Store an imported sheet as ``group``'s sheet; refuses to replace one unless ``confirm``."""
    moved = replace(sheet, session=session, group=group)
    return save_sheet(store, moved, author=author, replace_existing=confirm)
