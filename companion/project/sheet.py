"""The territorial project sheet (« fiche projet »): frozen dataclasses and edits. Pure.

A sheet gathers what a subgroup (or a trainee alone) produced during the course — territory,
difficulties, levers, AFOM grid, stakeholders, needs, visit findings — and what it decides on
day 2: objectives of social and economic viability, an action plan and an impact plan. Every
value is validated when built (a French :class:`InputError` naming the field); edits are
functions returning a new sheet.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from companion.core.errors import InputError
from companion.core.text import strip_controls
from companion.diagnosis.stakeholders import ENGAGE, mendelow
from companion.indicators.catalogue import load_catalogue
from companion.texts import project as tp

T = TypeVar("T")
MAX_TEXT = 500


def _text(value: Any, label: str, *, required: bool = False) -> str:
    text = strip_controls(str(value or "")).strip()  # the one cleaning rule of the store
    if required and not text:
        raise InputError(tp.EMPTY.format(field=label))
    if len(text) > MAX_TEXT:
        raise InputError(tp.TOO_LONG.format(field=label, length=len(text), limit=MAX_TEXT))
    return text


def _number(value: Any, label: str, *, negative: bool = True) -> float | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise InputError(tp.NOT_A_NUMBER.format(field=label, value=value))
    try:
        number = float(str(value).replace("\u202f", "").replace(" ", "").replace(",", "."))
    except ValueError:
        raise InputError(tp.NOT_A_NUMBER.format(field=label, value=value)) from None
    if not math.isfinite(number):
        raise InputError(tp.NOT_A_NUMBER.format(field=label, value=value))
    if not negative and number < 0:
        raise InputError(tp.NEGATIVE.format(field=label, value=value))
    return number


def _fraction(value: Any, label: str) -> float:
    number = _number(value, label) or 0.0
    if not 0 <= number <= 1:
        raise InputError(tp.FRACTION.format(field=label, value=value))
    return number


def parse_date(value: Any, label: str) -> date | None:
    """Return ``value`` (a date or « AAAA-MM-JJ ») as a date, None when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(tp.NOT_A_DATE.format(field=label, value=value)) from None


def _choice(value: Any, allowed: Iterable[str], label: str) -> str:
    options = tuple(allowed)
    if value not in options:
        raise InputError(tp.UNKNOWN_CHOICE.format(field=label, value=value,
                                                  allowed=", ".join(options)))
    return str(value)


def _set(obj: Any, name: str, value: Any) -> None:
    object.__setattr__(obj, name, value)


@dataclass(frozen=True)
class KeyFigure:
    """A figure of the territory with what is needed to quote it (from ``qpv_profile``)."""

    indicator: str
    label: str
    value: float | None
    unit: str
    millesime: str
    source: str
    commune: float | None = None

    def __post_init__(self) -> None:
        _set(self, "value", _number(self.value, self.label or tp.COL_VALUE))
        _set(self, "commune", _number(self.commune, self.label or tp.COL_COMMUNE_VALUE))


@dataclass(frozen=True)
class Territory:
    """The QPV the project is about, its commune and key figures."""

    qpv_code: str = ""
    qpv_name: str = ""
    commune: str = ""
    figures: tuple[KeyFigure, ...] = ()

    def __post_init__(self) -> None:
        _set(self, "qpv_code", _text(self.qpv_code, tp.F_QPV_CODE).upper())
        _set(self, "qpv_name", _text(self.qpv_name, tp.F_QPV_NAME))
        _set(self, "commune", _text(self.commune, tp.F_COMMUNE))
        _set(self, "figures", tuple(self.figures))


@dataclass(frozen=True)
class Difficulty:
    """A difficulty retained from brainstorm 1, with its votes."""

    id: str
    text: str
    theme: str = ""
    votes: int = 0
    group: str = ""

    def __post_init__(self) -> None:
        _set(self, "text", _text(self.text, tp.F_DIFFICULTY, required=True))
        _set(self, "votes", int(_number(self.votes, tp.COL_VOTES, negative=False) or 0))


@dataclass(frozen=True)
class Lever:
    """A lever / préconisation of brainstorm 2 and the difficulties (ids) it answers."""

    id: str
    text: str
    theme: str = ""
    votes: int = 0
    difficulties: tuple[str, ...] = ()
    group: str = ""

    def __post_init__(self) -> None:
        _set(self, "text", _text(self.text, tp.F_LEVER, required=True))
        _set(self, "votes", int(_number(self.votes, tp.COL_VOTES, negative=False) or 0))
        _set(self, "difficulties", tuple(dict.fromkeys(self.difficulties)))


@dataclass(frozen=True)
class AfomEntry:
    """One item of the AFOM grid."""

    quadrant: str
    text: str

    def __post_init__(self) -> None:
        _choice(self.quadrant, tp.QUADRANTS, tp.F_AFOM_QUADRANT)
        _set(self, "text", _text(self.text, tp.F_AFOM_TEXT, required=True))


@dataclass(frozen=True)
class Actor:
    """An actor of the stakeholder map, with power and interest (1–5)."""

    id: str
    name: str
    category: str = ""
    power: int = 1
    interest: int = 1

    def __post_init__(self) -> None:
        _set(self, "name", _text(self.name, tp.F_ACTOR, required=True))
        for name, label in (("power", tp.F_POWER), ("interest", tp.F_INTEREST)):
            value = getattr(self, name)
            if isinstance(value, bool) or value not in range(1, 6):
                raise InputError(tp.LEVEL_RANGE.format(field=f"{label} ({self.name})",
                                                       value=value))

    @property
    def quadrant(self) -> str:
        """Mendelow's quadrant, in French (« associer étroitement »…)."""
        return mendelow(self.power, self.interest)


@dataclass(frozen=True)
class NeedGap:
    """A line of the needs / responses grid: the need, the existing response and the gap."""

    need: str
    response: str = ""
    gap: str = ""
    ess_activity: str = ""

    def __post_init__(self) -> None:
        _set(self, "need", _text(self.need, tp.F_NEED, required=True))
        for name, label in (("response", tp.F_RESPONSE), ("gap", tp.F_GAP),
                            ("ess_activity", tp.F_ESS_ACTIVITY)):
            _set(self, name, _text(getattr(self, name), label))


@dataclass(frozen=True)
class Finding:
    """A finding of the site visit attached to the sheet."""

    item: str
    text: str

    def __post_init__(self) -> None:
        _set(self, "text", _text(self.text, tp.F_FINDING, required=True))


@dataclass(frozen=True)
class Objective:
    """An objective of social or economic viability, on an indicator of the catalogue.

    It has a baseline, a target and a date; ``actual`` is typed at the follow-up (J+90).
    """

    id: str
    label: str
    dimension: str = "sociale"
    indicator: str = ""
    baseline: float | None = None
    target: float | None = None
    due: date | None = None
    actual: float | None = None

    def __post_init__(self) -> None:
        _set(self, "label", _text(self.label, tp.F_OBJECTIVE, required=True))
        _choice(self.dimension, tp.DIMENSIONS, f"{tp.F_DIMENSION} ({self.label})")
        _set(self, "indicator", _text(self.indicator, tp.F_INDICATOR))
        where = f" ({self.label})"
        if self.indicator and self.indicator not in load_catalogue():
            raise InputError(tp.UNKNOWN_INDICATOR.format(field=tp.F_INDICATOR + where,
                                                         value=self.indicator))
        for name, label in (("baseline", tp.F_BASELINE), ("target", tp.F_TARGET),
                            ("actual", tp.F_ACTUAL)):
            _set(self, name, _number(getattr(self, name), label + where))
        _set(self, "due", parse_date(self.due, tp.F_DUE + where))


@dataclass(frozen=True)
class Action:
    """A line of the action plan."""

    id: str
    title: str
    lever: str = ""
    lead: str = ""
    partners: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    cost: float | None = None
    funding: str = ""
    status: str = tp.STATUSES[0]

    def __post_init__(self) -> None:
        _set(self, "title", _text(self.title, tp.F_ACTION, required=True))
        where = f" ({self.title})"
        _set(self, "start", parse_date(self.start, tp.F_START + where))
        _set(self, "end", parse_date(self.end, tp.F_END + where))
        if self.start and self.end and self.end < self.start:
            raise InputError(tp.DATES_ORDER.format(action=self.title, start=self.start,
                                                   end=self.end))
        _set(self, "cost", _number(self.cost, tp.F_COST + where, negative=False))
        _set(self, "funding", _text(self.funding, tp.F_FUNDING + where))
        _set(self, "partners", tuple(dict.fromkeys(p for p in self.partners if p != self.lead)))
        _choice(self.status, tp.STATUSES, tp.F_STATUS + where)


@dataclass(frozen=True)
class SroiOutcome:
    """The inputs of one SROI outcome (see :mod:`companion.indicators.sroi`)."""

    label: str
    quantity: float = 0.0
    proxy: float = 0.0
    deadweight: float = 0.0
    displacement: float = 0.0
    attribution: float = 0.0
    drop_off: float = 0.0
    years: int = 1

    def __post_init__(self) -> None:
        _set(self, "label", _text(self.label, tp.F_OUTCOME, required=True))
        where = f" ({self.label})"
        _set(self, "quantity", _number(self.quantity, tp.F_QUANTITY + where, negative=False)
             or 0.0)
        _set(self, "proxy", _number(self.proxy, tp.F_PROXY + where, negative=False) or 0.0)
        for name, label in (("deadweight", tp.F_DEADWEIGHT), ("displacement", tp.F_DISPLACEMENT),
                            ("attribution", tp.F_ATTRIBUTION), ("drop_off", tp.F_DROP_OFF)):
            _set(self, name, _fraction(getattr(self, name), label + where))
        years = _number(self.years, tp.F_YEARS + where, negative=False)
        if years is None or years < 1 or not float(years).is_integer():
            raise InputError(tp.NOT_A_NUMBER.format(field=tp.F_YEARS + where, value=self.years))
        _set(self, "years", int(years))


@dataclass(frozen=True)
class ImpactPlan:
    """Which indicators are followed, and the SROI inputs."""

    indicators: tuple[str, ...] = ()
    inputs: float | None = None
    discount_rate: float = 0.035
    outcomes: tuple[SroiOutcome, ...] = ()

    def __post_init__(self) -> None:
        catalogue = load_catalogue()
        for ident in self.indicators:
            if ident not in catalogue:
                raise InputError(tp.UNKNOWN_INDICATOR.format(field=tp.F_IMPACT_INDICATORS,
                                                             value=ident))
        _set(self, "indicators", tuple(dict.fromkeys(self.indicators)))
        _set(self, "inputs", _number(self.inputs, tp.F_SROI_INPUTS, negative=False))
        _set(self, "discount_rate", _fraction(self.discount_rate, tp.F_SROI_RATE))
        _set(self, "outcomes", tuple(self.outcomes))


@dataclass(frozen=True)
class ProjectSheet:
    """One project sheet: a territory, what the course produced, objectives, plan, impact."""

    title: str
    session: str = ""
    group: str = ""
    territory: Territory = field(default_factory=Territory)
    difficulties: tuple[Difficulty, ...] = ()
    levers: tuple[Lever, ...] = ()
    afom: tuple[AfomEntry, ...] = ()
    actors: tuple[Actor, ...] = ()
    absent: tuple[str, ...] = ()
    needs: tuple[NeedGap, ...] = ()
    findings: tuple[Finding, ...] = ()
    objectives: tuple[Objective, ...] = ()
    actions: tuple[Action, ...] = ()
    impact: ImpactPlan = field(default_factory=ImpactPlan)
    followup: date | None = None

    def __post_init__(self) -> None:
        _set(self, "title", _text(self.title, tp.F_TITLE, required=True))
        for name in ("difficulties", "levers", "afom", "actors", "absent", "needs", "findings",
                     "objectives", "actions"):
            _set(self, name, tuple(getattr(self, name)))
        _set(self, "followup", parse_date(self.followup, tp.F_FOLLOWUP))
        for items, label in ((self.difficulties, tp.F_DIFFICULTY), (self.levers, tp.F_LEVER),
                             (self.actors, tp.F_ACTOR), (self.objectives, tp.F_OBJECTIVE),
                             (self.actions, tp.F_ACTION)):
            _unique([i.id for i in items], label)
        difficulties = {d.id for d in self.difficulties}
        for lever in self.levers:
            _known(lever.difficulties, difficulties, f"{tp.F_LEVER_DIFFICULTIES} ({lever.text})")
        levers, actors = {lv.id for lv in self.levers}, {a.id for a in self.actors}
        for action in self.actions:
            where = f" ({action.title})"
            _known([action.lever] if action.lever else [], levers, tp.F_ACTION_LEVER + where)
            _known([action.lead] if action.lead else [], actors, tp.F_LEAD + where)
            _known(action.partners, actors, tp.F_PARTNERS + where)

    # --- lookups ------------------------------------------------------------------------
    def actor(self, ident: str) -> Actor | None:
        """Return the actor with this id."""
        return next((a for a in self.actors if a.id == ident), None)

    def lever(self, ident: str) -> Lever | None:
        """Return the lever with this id."""
        return next((lv for lv in self.levers if lv.id == ident), None)

    def difficulty(self, ident: str) -> Difficulty | None:
        """Return the difficulty with this id."""
        return next((d for d in self.difficulties if d.id == ident), None)

    def engaged(self) -> list[Actor]:
        """Return the actors to associate closely (Mendelow: high power, high interest)."""
        return [a for a in self.actors if a.quadrant == ENGAGE]


def _unique(ids: list[str], label: str) -> None:
    seen: set[str] = set()
    for ident in ids:
        if not str(ident).strip():
            raise InputError(tp.EMPTY.format(field=f"{label} : identifiant"))
        if ident in seen:
            raise InputError(tp.DUPLICATE_ID.format(field=label, value=ident))
        seen.add(ident)


def _known(ids: Iterable[str], known: set[str], label: str) -> None:
    for ident in ids:
        if ident not in known:
            raise InputError(tp.UNKNOWN_REFERENCE.format(field=label, value=ident))


# --- edits: each returns a new sheet -----------------------------------------------------------
_PREFIX = {"objectives": "o", "actions": "a", "actors": "p", "levers": "l", "difficulties": "d"}


def next_id(sheet: ProjectSheet, collection: str) -> str:
    """Return a fresh id for a new item of ``collection`` (« o3 », « a12 »…)."""
    prefix = _PREFIX[collection]
    numbers = [int(i.id[len(prefix):]) for i in getattr(sheet, collection)
               if i.id.startswith(prefix) and i.id[len(prefix):].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1}"


def add_objective(sheet: ProjectSheet, label: str, *, dimension: str = "sociale",
                  indicator: str = "", baseline: Any = None, target: Any = None,
                  due: Any = None) -> ProjectSheet:
    """Return the sheet with one more objective."""
    item = Objective(next_id(sheet, "objectives"), label, dimension, indicator,
                     baseline, target, due)
    return dataclasses.replace(sheet, objectives=(*sheet.objectives, item))


def add_action(sheet: ProjectSheet, title: str, *, lever: str = "", lead: str = "",
               partners: Iterable[str] = (), start: Any = None, end: Any = None,
               cost: Any = None, funding: str = "", status: str = tp.STATUSES[0]
               ) -> ProjectSheet:
    """Return the sheet with one more action (lever and actors by id)."""
    item = Action(next_id(sheet, "actions"), title, lever, lead, tuple(partners), start, end,
                  cost, funding, status)
    return dataclasses.replace(sheet, actions=(*sheet.actions, item))


def add_actor(sheet: ProjectSheet, name: str, *, category: str = "", power: int = 1,
              interest: int = 1) -> ProjectSheet:
    """Return the sheet with one more actor (an absent one the subgroup means to approach)."""
    item = Actor(next_id(sheet, "actors"), name, category, power, interest)
    return dataclasses.replace(sheet, actors=(*sheet.actors, item))


def update_item(sheet: ProjectSheet, collection: str, ident: str, **changes: Any
                ) -> ProjectSheet:
    """Return the sheet with one item of ``collection`` changed (validated again)."""
    items = getattr(sheet, collection)
    if not any(i.id == ident for i in items):
        raise InputError(tp.UNKNOWN_ITEM.format(field=collection, value=ident))
    new = tuple(dataclasses.replace(i, **changes) if i.id == ident else i for i in items)
    fields: dict[str, Any] = {collection: new}
    return dataclasses.replace(sheet, **fields)


def remove_item(sheet: ProjectSheet, collection: str, ident: str) -> ProjectSheet:
    """Return the sheet without one item (references to it are removed too)."""
    items = getattr(sheet, collection)
    if not any(i.id == ident for i in items):
        raise InputError(tp.UNKNOWN_ITEM.format(field=collection, value=ident))
    changes: dict[str, Any] = {collection: tuple(i for i in items if i.id != ident)}
    if collection == "difficulties":
        changes["levers"] = tuple(dataclasses.replace(
            lv, difficulties=tuple(d for d in lv.difficulties if d != ident))
            for lv in sheet.levers)
    elif collection == "levers":
        changes["actions"] = tuple(dataclasses.replace(a, lever="") if a.lever == ident else a
                                   for a in sheet.actions)
    elif collection == "actors":
        changes["actions"] = tuple(dataclasses.replace(
            a, lead="" if a.lead == ident else a.lead,
            partners=tuple(p for p in a.partners if p != ident)) for a in sheet.actions)
    return dataclasses.replace(sheet, **changes)


def attach_findings(sheet: ProjectSheet, findings: Iterable[Finding]) -> ProjectSheet:
    """Return the sheet with the visit's findings attached (each once)."""
    merged = tuple(dict.fromkeys((*sheet.findings, *findings)))
    return dataclasses.replace(sheet, findings=merged)


def record_followup(sheet: ProjectSheet, on: Any, *, actuals: dict[str, Any] | None = None,
                    statuses: dict[str, str] | None = None) -> ProjectSheet:
    """Return the sheet at its follow-up, dated ``on``.

    Objectives get their actual values and actions their statuses (by id).
    """
    for ident, value in (actuals or {}).items():
        sheet = update_item(sheet, "objectives", ident, actual=value)
    for ident, value in (statuses or {}).items():
        sheet = update_item(sheet, "actions", ident, status=value)
    return dataclasses.replace(sheet, followup=parse_date(on, tp.F_FOLLOWUP))
