"""The shared AFOM grid (atouts, faiblesses, opportunités, menaces): pure logic.

Each item (« constat ») is a record of kind ``afom_item`` with its quadrant, theme, source kind
and reference, its subgroup, a priority and a status (proposé / validé en plénière). Votes are
records of kind ``afom_vote`` (one per voter and item), so that many pages can vote at once.
Trainer actions (validate, edit, merge, hide) keep provenance: the original text, the merged
items and the brainstorm idea an item came from.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from companion.content.diagnosis import DiagnosticContent, diagnostic_content, fold
from companion.core.config import now
from companion.core.errors import InputError
from companion.core.model import TRAINER, Actor, Record
from companion.core.text import clean_text
from companion.store import Store
from companion.texts import diagnosis as td

if TYPE_CHECKING:
    import pandas as pd

AFOM = "afom_item"
AFOM_VOTE = "afom_vote"
QUADRANTS = ("atouts", "faiblesses", "opportunites", "menaces")
PROPOSED, VALIDATED = "propose", "valide"
MAX_TEXT, MAX_REFERENCE = 500, 300


@dataclass(frozen=True)
class AfomItem:
    """One visible item of the grid, with its vote count."""

    uid: str
    quadrant: str
    text: str
    theme: str
    source: str
    reference: str
    group: str
    status: str
    priority: int
    votes: int
    origin: str | None
    merged_from: tuple[str, ...]
    edited: bool
    version: int


def quadrant_id(value: str) -> str:
    """Return the quadrant id of ``value`` (an id or a French label, any case or accents)."""
    key = fold(str(value or ""))
    for quadrant, label in td.QUADRANT_LABELS.items():
        if key in (quadrant, fold(label)):
            return quadrant
    raise InputError(td.UNKNOWN_QUADRANT.format(value=value))


def pick(value: Any, allowed: Iterable[str], field: str, *, required: bool = True) -> str:
    """Return the entry of ``allowed`` matching ``value`` (case and accents ignored)."""
    text = str(value or "").strip()
    if not text and not required:
        return ""
    options = list(allowed)
    for option in options:
        if fold(option) == fold(text):
            return option
    raise InputError(td.UNKNOWN_VALUE.format(field=field, value=text, allowed=", ".join(options)))


def check_priority(value: Any) -> int:
    """Return a priority 0 (none) to 3, refusing anything else."""
    try:
        number = int(str(value).strip() or 0)
    except ValueError:
        number = -1
    if isinstance(value, bool) or number not in td.PRIORITY_LABELS:
        raise InputError(td.PRIORITY_RANGE.format(value=value))
    return number


def clean_item(fields: Mapping[str, Any],
               content: DiagnosticContent | None = None) -> dict[str, Any]:
    """Return the validated data of an AFOM item (French :class:`InputError` otherwise)."""
    content = content or diagnostic_content()
    data: dict[str, Any] = {
        "quadrant": quadrant_id(fields.get("quadrant", "")),
        "texte": clean_text(fields.get("texte"), limit=MAX_TEXT, required=True, field=td.F_TEXT),
        "theme": pick(fields.get("theme"), content.themes, td.F_THEME),
        "source": pick(fields.get("source"), content.sources, td.F_SOURCE),
        "reference": clean_text(str(fields.get("reference") or ""), limit=MAX_REFERENCE,
                                required=False, field=td.F_REFERENCE),
        "priorite": check_priority(fields.get("priorite", 0)),
    }
    for key in ("origine", "origine_type"):
        if fields.get(key):
            data[key] = str(fields[key])[:64]
    data["fusion_de"] = [str(u) for u in fields.get("fusion_de") or []]
    data["historique"] = [dict(h) for h in fields.get("historique") or [] if isinstance(h, Mapping)]
    return data


def add_item(store: Store, session: str, *, group: str | None = None, author: str = "",
             participant_id: str | None = None, **fields: Any) -> Record:
    """Validate and store a new item, status « proposé »."""
    data = clean_item(fields)
    return store.add_record(session, AFOM, data, group=group, author=author,
                            participant_id=participant_id, status=PROPOSED)


IDEA_SOURCE = "remue-méninges"
"""Source of an item copied from a brainstorm idea (one of ``data/diagnostic.toml``'s sources)."""


def idea_theme(theme: str, content: DiagnosticContent | None = None) -> str:
    """Return the AFOM theme of a brainstorm theme.

    The same one, else the AFOM theme sharing the most significant words (« Financements
    spécifiques et croisés » → « Financements »), else « Autre » (the last theme).
    """
    content = content or diagnostic_content()
    folded = _fold(theme)
    for candidate in content.themes:
        if _fold(candidate) == folded:
            return candidate
    words = {w for w in folded.split() if len(w) >= 6}
    shared = [(len(words & {w for w in _fold(c).split() if len(w) >= 6}), c)
              for c in content.themes]
    best = max(shared, key=lambda pair: pair[0], default=(0, ""))
    return best[1] if best[0] else content.themes[-1]


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(c if c.isalnum() else " " for c in plain if not unicodedata.combining(c))


def promote_idea(store: Store, session: str, idea: Record, *, quadrant: str,
                 theme: str | None = None, source: str | None = None,
                 reference: str = "") -> Record:
    """Copy a brainstorm idea into the grid, keeping its uid as origin (once per idea).

    Theme and source come from the idea (its brainstorm theme, mapped by :func:`idea_theme`;
    the source « remue-méninges ») unless given.
    """
    for record in store.list_records(session, AFOM):
        if record.get("origine") == idea.uid and not record.merged_into:
            raise InputError(td.ALREADY_PROMOTED.format(
                quadrant=td.QUADRANT_LABELS[record.get("quadrant", "atouts")]))
    text = str(idea.get("texte") or idea.get("text") or "")
    if not text.strip():
        raise InputError(td.IDEA_WITHOUT_TEXT)
    content = diagnostic_content()
    if theme is None:
        theme = idea_theme(str(idea.get("theme") or ""), content)
    if source is None:
        source = IDEA_SOURCE if IDEA_SOURCE in content.sources else content.sources[0]
    return add_item(store, session, group=idea.group, author=idea.author, quadrant=quadrant,
                    texte=text, theme=theme, source=source, reference=reference,
                    origine=idea.uid, origine_type=idea.kind)


def vote(store: Store, session: str, item_uid: str, voter: str) -> Record:
    """Record one vote of ``voter`` (a participant id or a page token) for an item."""
    item = _item(store, item_uid)
    target = item.merged_into or item.uid
    for existing in store.list_records(session, AFOM_VOTE):
        if existing.get("voter") == voter and existing.get("item") in (item.uid, target):
            raise InputError(td.ALREADY_VOTED)
    return store.add_record(session, AFOM_VOTE, {"item": target, "voter": voter},
                            group=item.group)


def _item(store: Store, uid: str) -> Record:
    record = store.get_record(uid)
    if record.kind != AFOM:
        raise InputError(td.NOT_AN_ITEM)
    return record


def set_status(store: Store, uid: str, validated: bool = True, *, actor: Actor = TRAINER) -> Record:
    """Mark an item « validé en plénière » (or back to « proposé »)."""
    _item(store, uid)
    return store.update_record(uid, actor=actor, status=VALIDATED if validated else PROPOSED)


def edit_item(store: Store, uid: str, *, actor: Actor = TRAINER,
              expected_version: int | None = None, **changes: Any) -> Record:
    """Change an item's fields; the previous values go to its ``historique``."""
    record = _item(store, uid)
    if record.merged_into:
        raise InputError(td.MERGED_ITEM)
    before = dict(record.data)
    data = clean_item({**before, **{k: v for k, v in changes.items() if v is not None}})
    changed = {k: before.get(k) for k in ("quadrant", "texte", "theme", "source", "reference",
                                          "priorite") if before.get(k) != data[k]}
    if changed:
        data["historique"] = [*data["historique"],
                              {**changed, "par": actor, "le": now().isoformat(timespec="seconds")}]
    return store.update_record(uid, actor=actor, data=data,
                               expected_version=expected_version or record.version)


def hide_item(store: Store, uid: str, *, actor: Actor = TRAINER) -> Record:
    """Hide an item from the grid (kept in the store and the audit trail)."""
    _item(store, uid)
    return store.update_record(uid, actor=actor, hidden=True)


def merge_items(store: Store, target_uid: str, source_uids: Iterable[str], *,
                actor: Actor = TRAINER) -> Record:
    """Merge items of the target's card into ``target_uid``, in one store transaction.

    Sources must sit in the same quadrant as the target (an Atout never disappears into an
    Opportunité); they are kept, pointing to the target (provenance), the target lists them
    in ``fusion_de``, earlier merges and votes follow. Nothing is written on refusal.
    """
    sources = [u for u in dict.fromkeys(source_uids) if u != target_uid]
    if not sources:
        raise InputError(td.MERGE_NOTHING)
    target = _item(store, target_uid)
    if target.merged_into:
        raise InputError(td.MERGED_ITEM)
    records = [_item(store, uid) for uid in sources]
    quadrant = target.get("quadrant")
    for record in records:
        if record.merged_into or record.session != target.session:
            raise InputError(td.MERGED_ITEM)
        if record.get("quadrant") != quadrant:
            raise InputError(td.MERGE_OTHER_CARD.format(
                text=str(record.get("texte", ""))[:60],
                quadrant=td.QUADRANT_LABELS.get(record.get("quadrant"), ""),
                target=td.QUADRANT_LABELS.get(quadrant, "")))
    data = dict(target.data)
    data["fusion_de"] = list(dict.fromkeys([*data.get("fusion_de", []), *sources]))
    return store.merge_into(target_uid, sources, data, actor=actor,
                            expected_version=target.version)


def items(store: Store, session: str) -> list[AfomItem]:
    """Return the visible, unmerged items of a session, with their votes (distinct voters)."""
    records = store.list_records(session, AFOM)
    final = {r.uid: r.merged_into or r.uid for r in records}
    voters: dict[str, set[str]] = {}
    for ballot in store.list_records(session, AFOM_VOTE):
        target = final.get(str(ballot.get("item")), str(ballot.get("item")))
        target = final.get(target, target)
        voters.setdefault(target, set()).add(str(ballot.get("voter")))
    return [
        AfomItem(
            uid=r.uid, quadrant=r.get("quadrant", "atouts"), text=r.get("texte", ""),
            theme=r.get("theme", ""), source=r.get("source", ""),
            reference=r.get("reference", ""), group=r.group or "", status=r.status or PROPOSED,
            priority=int(r.get("priorite", 0) or 0), votes=len(voters.get(r.uid, ())),
            origin=r.get("origine"), merged_from=tuple(r.get("fusion_de", ())),
            edited=bool(r.get("historique")), version=r.version,
        )
        for r in records if not r.hidden and not r.merged_into
    ]


def items_frame(grid: list[AfomItem]) -> pd.DataFrame:
    """Return one row per item (French columns), by quadrant, priority and votes."""
    import pandas as pd

    columns = ["case", "constat", "theme", "source", "reference", "sous_groupe", "statut",
               "priorite", "votes", "origine", "uid"]
    rows = [[td.QUADRANT_LABELS[i.quadrant], i.text, i.theme, i.source, i.reference, i.group,
             td.STATUS_LABELS.get(i.status, i.status), i.priority, i.votes, i.origin or "", i.uid]
            for i in grid]
    frame = pd.DataFrame(rows, columns=columns)
    order = {td.QUADRANT_LABELS[q]: n for n, q in enumerate(QUADRANTS)}
    frame["_q"] = frame["case"].map(order)
    frame["_p"] = frame["priorite"].replace(0, 9)
    frame = frame.sort_values(["_q", "_p", "votes"], ascending=[True, True, False], kind="stable")
    return frame.drop(columns=["_q", "_p"]).reset_index(drop=True)


def by_quadrant(grid: list[AfomItem]) -> dict[str, list[AfomItem]]:
    """Return the items of each quadrant, validated first, then by priority and votes."""
    result: dict[str, list[AfomItem]] = {q: [] for q in QUADRANTS}
    for item in grid:
        result.setdefault(item.quadrant, []).append(item)
    for quadrant, bucket in result.items():
        result[quadrant] = sorted(bucket, key=lambda i: (i.status != VALIDATED,
                                                         i.priority or 9, -i.votes))
    return result
