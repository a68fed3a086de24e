"""The site-visit grid of a Régie de quartier (day 2): pure logic.

The trainer assigns items of the grid (``data/cours.toml``) to subgroups (one record of kind
``visit_assignment`` per subgroup); each subgroup writes observations (``visit_observation``),
rates the Régie's ambitions on the four dimensions (one ``visit_rating`` per subgroup, the last
saving wins) and lists the partners met (``visit_partner``). :func:`consolidate` brings all
subgroups together for the debrief.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from companion.content.course import VisitItem, course
from companion.content.diagnosis import DiagnosticContent, diagnostic_content, fold
from companion.core.errors import InputError
from companion.core.model import TRAINER, Actor, Record
from companion.core.text import clean_text
from companion.store import Store
from companion.texts import visit as tv

if TYPE_CHECKING:
    import pandas as pd

ASSIGNMENT = "visit_assignment"
OBSERVATION = "visit_observation"
RATING = "visit_rating"
PARTNER = "visit_partner"
MAX_OBSERVATION, MAX_FIELD = 2000, 200


def check_group(group: str | None) -> str:
    """Return the subgroup name, refusing an empty one."""
    return clean_text(group, limit=80, required=True, field=tv.F_GROUP)


def _item_ids(items: Iterable[VisitItem] | None) -> dict[str, VisitItem]:
    return {i.id: i for i in (items if items is not None else course().visit_items)}


def clean_assignment(fields: Mapping[str, Any], items: Iterable[VisitItem] | None = None
                     ) -> dict[str, Any]:
    """Return validated assignment data: ``items`` known ids, in grid order."""
    known = _item_ids(items)
    chosen = [str(i) for i in fields.get("items") or []]
    unknown = [i for i in chosen if i not in known]
    if unknown:
        raise InputError(tv.UNKNOWN_ITEM.format(item=unknown[0]))
    return {"items": [i for i in known if i in chosen]}


def assign(store: Store, session: str, group: str, item_ids: Iterable[str], *,
           actor: Actor = TRAINER) -> Record:
    """Give ``group`` these items of the grid (replacing its previous assignment)."""
    group = check_group(group)
    data = clean_assignment({"items": list(item_ids)})
    store.add_group(session, group)
    for record in store.list_records(session, ASSIGNMENT, group=group):
        return store.update_record(record.uid, actor=actor, data=data)
    return store.add_record(session, ASSIGNMENT, data, group=group, author=actor)


def assignments(store: Store, session: str) -> dict[str, tuple[str, ...]]:
    """Return each subgroup's assigned item ids."""
    records = store.list_records(session, ASSIGNMENT)
    return {r.group or "": tuple(r.get("items", ())) for r in records}


def items_for(store: Store, session: str, group: str | None,
              items: Iterable[VisitItem] | None = None) -> tuple[VisitItem, ...]:
    """Return the items a subgroup observes: its assignment, or the whole grid if none."""
    known = _item_ids(items)
    chosen = assignments(store, session).get(group or "")
    if not chosen:
        return tuple(known.values())
    return tuple(known[i] for i in chosen if i in known)


def clean_observation(fields: Mapping[str, Any], items: Iterable[VisitItem] | None = None
                      ) -> dict[str, str]:
    """Return validated observation data (known item, non-empty text)."""
    known = _item_ids(items)
    item = str(fields.get("item") or "")
    if item not in known:
        raise InputError(tv.UNKNOWN_ITEM.format(item=item))
    return {"item": item, "texte": clean_text(fields.get("texte"), limit=MAX_OBSERVATION,
                                              required=True, field=tv.F_OBSERVATION)}


def add_observation(store: Store, session: str, group: str, item: str, text: str, *,
                    author: str = "") -> Record:
    """Store one observation of a subgroup on an item."""
    data = clean_observation({"item": item, "texte": text})
    return store.add_record(session, OBSERVATION, data, group=check_group(group), author=author)


def clean_rating(fields: Mapping[str, Any], content: DiagnosticContent | None = None
                 ) -> dict[str, Any]:
    """Return validated ratings: every dimension rated in the content's scale, a comment."""
    content = content or diagnostic_content()
    given = fields.get("notes") or {}
    if not isinstance(given, Mapping):
        given = {}
    notes = {}
    for dimension in content.dimensions:
        value: Any = given.get(dimension)
        ok = (isinstance(value, int | float) and not isinstance(value, bool)
              and float(value).is_integer())
        if not ok or not content.rating_min <= int(value) <= content.rating_max:
            raise InputError(tv.RATING_RANGE.format(
                dimension=dimension, value=value, low=content.rating_min,
                high=content.rating_max))
        notes[dimension] = int(value)
    extra = [d for d in given if d not in content.dimensions]
    if extra:
        raise InputError(tv.UNKNOWN_DIMENSION.format(dimension=extra[0]))
    comment = clean_text(str(fields.get("commentaire") or ""), limit=MAX_OBSERVATION,
                         required=False, field=tv.F_COMMENT)
    return {"notes": notes, "commentaire": comment}


def rate(store: Store, session: str, group: str, notes: Mapping[str, Any], comment: str = "",
         *, author: str = "") -> Record:
    """Save a subgroup's ratings of the four dimensions (replacing its previous ones)."""
    group = check_group(group)
    data = clean_rating({"notes": dict(notes), "commentaire": comment})
    for record in store.list_records(session, RATING, group=group):
        return store.update_record(record.uid, actor=author or group, data=data)
    return store.add_record(session, RATING, data, group=group, author=author)


def clean_partner(fields: Mapping[str, Any]) -> dict[str, str]:
    """Return validated partner data (name required, category and role free)."""
    return {
        "nom": clean_text(fields.get("nom"), limit=MAX_FIELD, required=True, field=tv.F_PARTNER),
        "categorie": clean_text(str(fields.get("categorie") or ""), limit=MAX_FIELD,
                                required=False, field=tv.F_PARTNER_CATEGORY),
        "role": clean_text(str(fields.get("role") or ""), limit=MAX_FIELD, required=False,
                           field=tv.F_PARTNER_ROLE),
    }


def add_partner(store: Store, session: str, group: str, name: str, category: str = "",
                role: str = "", *, author: str = "") -> Record:
    """Store a partner met by a subgroup."""
    data = clean_partner({"nom": name, "categorie": category, "role": role})
    return store.add_record(session, PARTNER, data, group=check_group(group), author=author)


@dataclass(frozen=True)
class Debrief:
    """All subgroups together: observations, coverage, ratings, mean ratings, partners."""

    observations: pd.DataFrame
    coverage: pd.DataFrame
    ratings: pd.DataFrame
    means: pd.DataFrame
    partners: pd.DataFrame
    comments: pd.DataFrame


def _visible(store: Store, session: str, kind: str) -> list[Record]:
    return [r for r in store.list_records(session, kind) if not r.hidden and not r.merged_into]


def consolidate(store: Store, session: str, items: Iterable[VisitItem] | None = None,
                content: DiagnosticContent | None = None) -> Debrief:
    """Consolidate every subgroup's observations, ratings and partners."""
    import pandas as pd

    known = _item_ids(items)
    content = content or diagnostic_content()
    obs = pd.DataFrame(
        [{"item": r.get("item"), "titre": known[r.get("item")].title if r.get("item") in known
          else r.get("item"), "sous_groupe": r.group or "", "observation": r.get("texte", "")}
         for r in _visible(store, session, OBSERVATION)],
        columns=["item", "titre", "sous_groupe", "observation"])
    groups = sorted(set(obs["sous_groupe"]) | set(assignments(store, session)), key=fold)
    coverage = pd.DataFrame(0, index=pd.Index([i.title for i in known.values()], name="item"),
                            columns=groups, dtype=int)
    for _, row in obs.iterrows():
        if row["titre"] in coverage.index:
            coverage.loc[row["titre"], row["sous_groupe"]] += 1
    rating_records = _visible(store, session, RATING)
    ratings = pd.DataFrame(
        [{"sous_groupe": r.group or "", "dimension": d, "note": int(n)}
         for r in rating_records for d, n in (r.get("notes") or {}).items()
         if d in content.dimensions],
        columns=["sous_groupe", "dimension", "note"])
    means = (ratings.groupby("dimension")["note"].agg(["mean", "count"])
             .reindex(content.dimensions).reset_index()
             .rename(columns={"mean": "moyenne", "count": "nb_sous_groupes"}))
    means["nb_sous_groupes"] = means["nb_sous_groupes"].fillna(0).astype(int)
    comments = pd.DataFrame([{"sous_groupe": r.group or "", "commentaire": r.get("commentaire")}
                             for r in rating_records if r.get("commentaire")],
                            columns=["sous_groupe", "commentaire"])
    return Debrief(obs, coverage, ratings, means, partners_met(store, session), comments)


def partners_met(store: Store, session: str) -> pd.DataFrame:
    """Return the partners met, one row per name, with the subgroups that met them.

    Names are compared ignoring case and accents.
    """
    import pandas as pd

    merged: dict[str, dict[str, Any]] = {}
    for r in _visible(store, session, PARTNER):
        key = fold(r.get("nom", ""))
        row = merged.setdefault(key, {"nom": r.get("nom", ""), "categorie": "", "role": "",
                                      "sous_groupes": []})
        row["categorie"] = row["categorie"] or r.get("categorie", "")
        row["role"] = row["role"] or r.get("role", "")
        if (r.group or "") not in row["sous_groupes"]:
            row["sous_groupes"].append(r.group or "")
    rows = [{**row, "sous_groupes": ", ".join(row["sous_groupes"])} for row in merged.values()]
    frame = pd.DataFrame(rows, columns=["nom", "categorie", "role", "sous_groupes"])
    return frame.sort_values("nom", key=lambda s: s.map(fold)).reset_index(drop=True)
