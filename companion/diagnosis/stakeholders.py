"""The stakeholder map (« cartographie des acteurs »): pure logic.

Each actor is a record of kind ``stakeholder``: name, category (from ``data/diagnostic.toml``),
power and interest from 1 to 5, attitude, links, and a role in each step of the
co-construction. Mendelow's grid names the four quadrants in French.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from companion.content.diagnosis import DiagnosticContent, diagnostic_content
from companion.core.errors import InputError
from companion.core.model import TRAINER, Actor, Record
from companion.core.text import clean_text
from companion.diagnosis.afom import pick
from companion.store import Store
from companion.texts import diagnosis as td

if TYPE_CHECKING:
    import pandas as pd

STAKEHOLDER = "stakeholder"
LEVELS = range(1, 6)
THRESHOLD = 3
"""A power or interest of ``THRESHOLD`` or more is « élevé » (3 is the middle of 1–5)."""
WATCH, INFORM, SATISFY, ENGAGE = tuple(td.MENDELOW)
MAX_NAME, MAX_LINKS = 120, 500


def check_level(value: Any, field: str) -> int:
    """Return ``value`` as an integer from 1 to 5, or raise a French :class:`InputError`."""
    number = 0
    if isinstance(value, float) and value.is_integer():
        number = int(value)
    elif isinstance(value, int | str) and not isinstance(value, bool):
        text = str(value).strip()
        number = int(text) if text.isdigit() else 0
    if number not in LEVELS:
        raise InputError(td.LEVEL_RANGE.format(field=field, value=value))
    return number


def mendelow(power: int, interest: int, threshold: int = THRESHOLD) -> str:
    """Return the Mendelow quadrant, in French, of an actor's power and interest.

    Low power and interest: « surveiller »; high interest only: « tenir informé »; high power
    only: « satisfaire »; both high: « associer étroitement ».
    """
    high_power, high_interest = power >= threshold, interest >= threshold
    if high_power and high_interest:
        return ENGAGE
    if high_power:
        return SATISFY
    if high_interest:
        return INFORM
    return WATCH


def clean_actor(fields: Mapping[str, Any],
                content: DiagnosticContent | None = None) -> dict[str, Any]:
    """Return the validated data of an actor (French :class:`InputError` otherwise)."""
    content = content or diagnostic_content()
    roles_in = fields.get("roles") or {}
    if not isinstance(roles_in, Mapping):
        roles_in = {}
    roles = {}
    for step, role in roles_in.items():
        step_name = pick(step, content.steps, td.F_ROLE.format(step=step))
        role_name = pick(role, content.roles, td.F_ROLE.format(step=step_name), required=False)
        if role_name:
            roles[step_name] = role_name
    return {
        "nom": clean_text(fields.get("nom"), limit=MAX_NAME, required=True, field=td.F_NAME),
        "categorie": pick(fields.get("categorie"), content.categories, td.F_CATEGORY),
        "pouvoir": check_level(fields.get("pouvoir"), td.F_POWER),
        "interet": check_level(fields.get("interet"), td.F_INTEREST),
        "attitude": pick(fields.get("attitude") or content.attitudes[-1], content.attitudes,
                         td.F_ATTITUDE),
        "liens": clean_text(str(fields.get("liens") or ""), limit=MAX_LINKS, required=False,
                            field=td.F_LINKS),
        "roles": roles,
    }


def add_actor(store: Store, session: str, *, group: str | None = None, author: str = "",
              **fields: Any) -> Record:
    """Validate and store an actor."""
    return store.add_record(session, STAKEHOLDER, clean_actor(fields), group=group,
                            author=author)


def update_actor(store: Store, uid: str, *, actor: Actor = TRAINER,
                 expected_version: int | None = None, **changes: Any) -> Record:
    """Change an actor's fields (validated like a new one)."""
    record = store.get_record(uid)
    if record.kind != STAKEHOLDER:
        raise InputError(td.NOT_AN_ACTOR)
    data = clean_actor({**record.data, **{k: v for k, v in changes.items() if v is not None}})
    return store.update_record(uid, actor=actor, data=data,
                               expected_version=expected_version or record.version)


def actors(store: Store, session: str) -> list[Record]:
    """Return the visible actors of a session, in the order they were added."""
    return [r for r in store.list_records(session, STAKEHOLDER)
            if not r.hidden and not r.merged_into]


def actor_rows(records: Iterable[Record], steps: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Return one dict per actor, the rows of :func:`actors_frame` (plain data, no pandas).

    Keys: nom, categorie, pouvoir, interet, attitude, quadrant, liens, sous_groupe, uid, then
    each step's role (or "").
    """
    step_list = list(steps) or list(diagnostic_content().steps)
    rows = []
    for r in records:
        power, interest = int(r.get("pouvoir", 1)), int(r.get("interet", 1))
        roles = r.get("roles") or {}
        rows.append({
            "nom": r.get("nom", ""), "categorie": r.get("categorie", ""), "pouvoir": power,
            "interet": interest, "attitude": r.get("attitude", ""),
            "quadrant": mendelow(power, interest), "liens": r.get("liens", ""),
            "sous_groupe": r.group or "", "uid": r.uid,
            **{step: roles.get(step, "") for step in step_list},
        })
    return rows


def actors_frame(records: Iterable[Record], steps: Iterable[str] = ()) -> pd.DataFrame:
    """Return one row per actor, with one column per co-construction step.

    Columns: nom, categorie, pouvoir, interet, attitude, quadrant, liens, sous_groupe, uid,
    then each step's role (or "").
    """
    import pandas as pd

    step_list = list(steps) or list(diagnostic_content().steps)
    columns = ["nom", "categorie", "pouvoir", "interet", "attitude", "quadrant", "liens",
               "sous_groupe", "uid", *step_list]
    return pd.DataFrame(actor_rows(records, step_list), columns=columns)


def absent_categories(frame: pd.DataFrame, categories: Iterable[str] | None = None) -> list[str]:
    """Return the categories of the list with no actor on the map (« acteurs absents »)."""
    present = list(frame["categorie"]) if not frame.empty else []
    return missing_categories([{"categorie": c} for c in present], categories)


def missing_categories(rows: Iterable[Mapping[str, Any]],
                       categories: Iterable[str] | None = None) -> list[str]:
    """Return the categories of the list with no actor in ``rows`` (:func:`actor_rows`)."""
    expected = list(categories) if categories is not None else list(diagnostic_content().categories)
    present = {row.get("categorie") for row in rows}
    return [c for c in expected if c not in present]


def quadrant_counts(frame: pd.DataFrame) -> dict[str, int]:
    """Return how many actors fall in each Mendelow quadrant (all four keys present)."""
    import pandas as pd

    counts = frame["quadrant"].value_counts() if not frame.empty else pd.Series(dtype=int)
    return {q: int(counts.get(q, 0)) for q in (ENGAGE, SATISFY, INFORM, WATCH)}


def mendelow_groups(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """Return the actors of each Mendelow quadrant (all four keys), by power then interest.

    Plain data (``rows`` from :func:`actor_rows`): the participants' grid, without pandas.
    """
    groups: dict[str, list[Mapping[str, Any]]] = {q: [] for q in (ENGAGE, SATISFY, INFORM,
                                                                   WATCH)}
    for row in rows:
        groups[str(row["quadrant"])].append(row)
    for quadrant, bucket in groups.items():
        groups[quadrant] = sorted(bucket, key=lambda r: (-int(r["pouvoir"]),
                                                         -int(r["interet"])))
    return groups


def coconstruction_matrix(frame: pd.DataFrame, steps: Iterable[str] | None = None) -> pd.DataFrame:
    """Return the actor × step matrix of roles ("" where the actor has none)."""
    import pandas as pd

    step_list = list(steps) if steps is not None else list(diagnostic_content().steps)
    if frame.empty:
        return pd.DataFrame(columns=step_list, index=pd.Index([], name="acteur"))
    matrix = frame.set_index("nom")[step_list].fillna("")
    matrix.index.name = "acteur"
    return matrix


def coconstruction_rows(rows: Iterable[Mapping[str, Any]],
                        steps: Iterable[str] | None = None) -> list[list[str]]:
    """Return the actor × step matrix as plain rows: the actor's name, then each step's role.

    The rows of :func:`coconstruction_matrix` (its index first), without pandas.
    """
    step_list = list(steps) if steps is not None else list(diagnostic_content().steps)
    return [[str(row["nom"]), *(str(row.get(step) or "") for step in step_list)]
            for row in rows]
