"""« Mon territoire »: a session's diagnosis and visit, exported to XLSX or JSON and back.

Pure: bytes in, bytes out, records through the store.

The files carry a format name and version. Reading validates the whole file first (every
element through the same checks as a new contribution); any problem raises a French
:class:`DataError` naming the file and the place, and nothing is written.
"""

from __future__ import annotations

import json
import time
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from companion.core.config import now
from companion.core.errors import CompanionError, DataError
from companion.core.model import TRAINER, Actor, Record
from companion.core.safety import FORMULA_PREFIXES
from companion.diagnosis import afom as diagnosis
from companion.diagnosis import needs, stakeholders
from companion.store import Store
from companion.texts import diagnosis as td
from companion.visit import grid as visit

if TYPE_CHECKING:
    from companion.core.spreadsheet import Part, SheetContent

FORMAT = "compagnon-diagnostic"
VERSION = 1
OWN_SESSION = "TERRITOIRE"
MAX_BYTES = 20 * 1024 * 1024
META = ("uid", "sous_groupe", "auteur", "statut", "masque", "fusionne_dans")
LIST_KEYS = ("fusion_de", "historique", "items")


def _clean_vote(data: Mapping[str, Any]) -> dict[str, str]:
    if not data.get("item") or not data.get("voter"):
        raise DataError(td.IMPORT_BAD_SHAPE.format(detail="item, voter"))
    return {"item": str(data["item"]), "voter": str(data["voter"])[:64]}


CLEANERS: dict[str, Callable[[Mapping[str, Any]], dict[str, Any]]] = {
    diagnosis.AFOM: diagnosis.clean_item,
    diagnosis.AFOM_VOTE: _clean_vote,
    stakeholders.STAKEHOLDER: stakeholders.clean_actor,
    needs.NEED: needs.clean_need,
    visit.ASSIGNMENT: visit.clean_assignment,
    visit.OBSERVATION: visit.clean_observation,
    visit.RATING: visit.clean_rating,
    visit.PARTNER: visit.clean_partner,
}
KINDS = tuple(CLEANERS)


@dataclass(frozen=True)
class Element:
    """One record read from a file, validated, not yet written."""

    uid: str
    kind: str
    data: dict[str, Any]
    group: str | None = None
    author: str = ""
    status: str = ""
    hidden: bool = False
    merged_into: str | None = None


@dataclass(frozen=True)
class ImportReport:
    """What an import did: how many elements were added and skipped (already present)."""

    added: int
    skipped: int
    uids: dict[str, str] = field(default_factory=dict)


def own_session(store: Store) -> str:
    """Return the personal session « TERRITOIRE » of a trainee alone, creating it if needed."""
    if store.get_session(OWN_SESSION) is None:
        store.create_session(OWN_SESSION, td.SOLO_GROUP, actor=TRAINER)
    return OWN_SESSION


def records(store: Store, session: str) -> list[Record]:
    """Return every diagnosis and visit record of a session (hidden and merged ones too)."""
    return [r for kind in KINDS for r in store.list_records(session, kind)]


def to_json(store: Store, session: str) -> bytes:
    """Return the session's diagnosis and visit as a versioned JSON document."""
    elements = [{"uid": r.uid, "type": r.kind, "sous_groupe": r.group, "auteur": r.author,
                 "statut": r.status, "masque": r.hidden, "fusionne_dans": r.merged_into,
                 "donnees": dict(r.data)} for r in records(store, session)]
    document = {"format": FORMAT, "version": VERSION, "session": session,
                "exporte_le": now().isoformat(timespec="seconds"), "elements": elements}
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _flatten(data: Mapping[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, Mapping):
            flat.update({f"{key}: {sub}": v for sub, v in value.items()})
        elif isinstance(value, list | tuple):
            flat[key] = json.dumps(list(value), ensure_ascii=False)
        else:
            flat[key] = value
    return flat


def to_xlsx(store: Store, session: str) -> bytes:
    """Return the session's diagnosis and visit as a workbook, one sheet per kind.

    Every cell is spreadsheet-safe; a « Format » sheet holds the format version.
    """
    from companion.core.spreadsheet import xlsx_bytes

    meta: list[Part] = [["format", FORMAT], ["version", VERSION], ["session", session],
                        ["exporte_le", now().isoformat(timespec="seconds")]]
    sheets: list[tuple[str, SheetContent]] = [(td.SHEET_FORMAT, meta)]
    by_kind: dict[str, list[Record]] = {kind: [] for kind in KINDS}
    for record in records(store, session):
        by_kind[record.kind].append(record)
    for kind, items in by_kind.items():
        rows = [{"uid": r.uid, "sous_groupe": r.group or "", "auteur": r.author,
                 "statut": r.status, "masque": r.hidden, "fusionne_dans": r.merged_into or "",
                 **_flatten(r.data)} for r in items]
        header = list(dict.fromkeys([*META, *(k for row in rows for k in row)]))
        sheets.append((td.SHEET_NAMES[kind],
                       [header, *([row.get(column, "") for column in header] for row in rows)]))
    return xlsx_bytes(sheets)


def _restore_cell(value: Any) -> Any:
    """Undo :func:`neutralise_cell` on a text read back from our own workbook."""
    if isinstance(value, str) and value.startswith("'") and \
            value[1:].lstrip(" ").startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def _element(name: str, where: str, kind: Any, data: Any, meta: Mapping[str, Any]) -> Element:
    def fail(problem: str) -> DataError:
        return DataError(td.IMPORT_BAD_ROW.format(name=name, where=where, problem=problem))

    if kind not in CLEANERS:
        raise fail(td.IMPORT_UNKNOWN_KIND.format(kind=kind))
    if not isinstance(data, Mapping) or not meta.get("uid"):
        raise fail(td.IMPORT_BAD_SHAPE.format(detail="uid, donnees"))
    try:
        cleaned = CLEANERS[kind](data)
    except CompanionError as error:
        raise fail(str(error)) from None
    return Element(uid=str(meta["uid"]), kind=kind, data=cleaned,
                   group=str(meta.get("sous_groupe") or "") or None,
                   author=str(meta.get("auteur") or ""), status=str(meta.get("statut") or ""),
                   hidden=meta.get("masque") in (True, 1, "1", "True", "VRAI", "true"),
                   merged_into=str(meta.get("fusionne_dans") or "") or None)


def _check_header(name: str, found_format: Any, found_version: Any) -> None:
    if found_format != FORMAT:
        raise DataError(td.IMPORT_NOT_OURS.format(name=name, found=found_format or "?"))
    if found_version != VERSION:
        raise DataError(td.IMPORT_VERSION.format(name=name, found=found_version, known=VERSION))


def _read_json(content: bytes, name: str) -> list[Element]:
    try:
        document = json.loads(content.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataError(td.IMPORT_TRUNCATED.format(name=name, reason=str(error))) from None
    if not isinstance(document, dict):
        raise DataError(td.IMPORT_NOT_OURS.format(name=name, found="?"))
    _check_header(name, document.get("format"), document.get("version"))
    elements = document.get("elements")
    if not isinstance(elements, list):
        raise DataError(td.IMPORT_TRUNCATED.format(name=name, reason=td.IMPORT_NO_ELEMENTS))
    result = []
    for number, entry in enumerate(elements, start=1):
        where = td.IMPORT_WHERE_ELEMENT.format(number=number)
        entry = entry if isinstance(entry, dict) else {}
        result.append(_element(name, where, entry.get("type"), entry.get("donnees"), entry))
    return result


def _unflatten(row: Mapping[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in row.items():
        if key in META or value is None or value == "":
            continue
        value = _restore_cell(value)
        if ": " in key:
            top, sub = key.split(": ", 1)
            data.setdefault(top, {})[sub] = value
        elif key in LIST_KEYS:
            try:
                data[key] = json.loads(value) if isinstance(value, str) else []
            except json.JSONDecodeError:
                data[key] = None
        else:
            data[key] = value
    return data


def _read_xlsx(content: bytes, name: str) -> list[Element]:
    import openpyxl

    from companion.owndata import guard

    guard.check_workbook(content, name)  # a « zip bomb » is refused before it is opened
    deadline = time.monotonic() + guard.READ_SECONDS
    try:
        book = openpyxl.load_workbook(guard.timed_source(content, name, deadline),
                                      read_only=True, data_only=True)
        sheets = {s.title: guard.value_rows(s, name, deadline) for s in book}
        book.close()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError) as error:
        refused = guard.refusal_in(error)  # too long to read, too many cells: said as such
        if refused is not None:
            raise refused from None
        raise DataError(td.IMPORT_TRUNCATED.format(name=name, reason=type(error).__name__)) \
            from None
    header = {str(r[0]): r[1] for r in sheets.get(td.SHEET_FORMAT, []) if len(r) >= 2}
    _check_header(name, header.get("format"), header.get("version"))
    result = []
    for kind in KINDS:
        rows = sheets.get(td.SHEET_NAMES[kind], [])
        if not rows:
            continue
        columns = [str(c or "") for c in rows[0]]
        for number, values in enumerate(rows[1:], start=2):
            row = dict(zip(columns, values, strict=False))
            if all(v in (None, "") for v in values):
                continue
            meta = {k: _restore_cell(row.get(k)) for k in META}
            where = td.IMPORT_WHERE_SHEET.format(sheet=td.SHEET_NAMES[kind], row=number)
            result.append(_element(name, where, kind, _unflatten(row), meta))
    return result


def read_file(content: bytes, name: str = "fichier") -> list[Element]:
    """Read and validate a file exported by :func:`to_xlsx` or :func:`to_json`."""
    if len(content) > MAX_BYTES:
        raise DataError(td.IMPORT_TOO_BIG.format(name=name, size=len(content) // 2**20,
                                                 limit=MAX_BYTES // 2**20))
    if content[:2] == b"PK":
        return _read_xlsx(content, name)
    if content.lstrip()[:1] in (b"{", b"\xef"):
        return _read_json(content, name)
    raise DataError(td.IMPORT_UNKNOWN_FORMAT.format(name=name))


def _fingerprint(kind: str, group: str | None, data: Mapping[str, Any],
                 mapping: Mapping[str, str]) -> str:
    """Return what identifies an element's content (links and history left out)."""
    content = {k: v for k, v in data.items() if k not in ("fusion_de", "historique")}
    if "item" in content and kind == diagnosis.AFOM_VOTE:
        content["item"] = mapping.get(str(content["item"]), content["item"])
    return json.dumps([kind, group or "", content], sort_keys=True, ensure_ascii=False)


def import_elements(store: Store, session: str, elements: list[Element], *,
                    actor: Actor = TRAINER) -> ImportReport:
    """Write validated elements into ``session``, skipping those already there.

    An element is already there with the same identifier, or the same kind, subgroup and
    content: importing twice adds nothing. New identifiers are given; links between elements
    (merges, votes) follow them.
    """
    existing = records(store, session)
    present = {r.uid for r in existing}
    seen = {_fingerprint(r.kind, r.group, r.data, {}): r.uid for r in existing}
    mapping: dict[str, str] = {}
    fresh = []
    for element in elements:
        key = _fingerprint(element.kind, element.group, element.data, mapping)
        if element.uid in present or key in seen:
            mapping[element.uid] = element.uid if element.uid in present else seen[key]
            continue
        if element.group:
            store.add_group(session, element.group)
        added = store.add_record(session, element.kind, element.data, group=element.group,
                                 author=element.author, status=element.status)
        mapping[element.uid] = seen[key] = added.uid
        fresh.append(element)
    for element in fresh:
        data = dict(element.data)
        if element.kind == diagnosis.AFOM_VOTE:
            data["item"] = mapping.get(data["item"], data["item"])
        if data.get("fusion_de"):
            data["fusion_de"] = [mapping.get(u, u) for u in data["fusion_de"]]
        target = mapping.get(element.merged_into or "", element.merged_into)
        if data != element.data or element.hidden or target:
            store.update_record(mapping[element.uid], actor=actor, data=data,
                                hidden=element.hidden or None, merged_into=target)
    return ImportReport(added=len(fresh), skipped=len(elements) - len(fresh), uids=mapping)


def import_file(store: Store, session: str, content: bytes, name: str = "fichier", *,
                actor: Actor = TRAINER) -> ImportReport:
    """Read, validate and import a file; nothing is written if any element is refused."""
    return import_elements(store, session, read_file(content, name), actor=actor)
