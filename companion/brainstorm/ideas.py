"""Ideas of a brainstorm: post, edit, withdraw, visibility, moderation and merge. Pure.

An idea is a record of kind ``idea``: ``group`` is the subgroup, ``author`` the optional
pseudonym, ``participant_id`` the id of the page that wrote it (its owner), ``data`` holds the
round, theme, text, links to difficulties (round 2) and, for merged cards, their provenance.
Nothing is deleted: a withdrawn or hidden idea is ``hidden``; a merged one points to the card
that replaced it (``merged_into``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from companion.brainstorm.rounds import RoundState, clean
from companion.content.course import Round
from companion.core.errors import InputError
from companion.core.model import TRAINER, Record
from companion.core.text import strip_controls
from companion.store import Store
from companion.texts import brainstorm as tb

IDEA_KIND = "idea"
MAX_IDEA_CHARS = 10_000
MAX_PSEUDONYM = 60
MAX_GROUP = 60
WITHDRAWN = "retiree"
MERGED_CARD = "fusion"
UNMERGED = "defusionnee"


@dataclass(frozen=True)
class Contributor:
    """Who writes from a participant page: an id kept by the page, a subgroup, a pseudonym."""

    id: str
    group: str
    pseudonym: str = ""

    @classmethod
    def new(cls, group: str, pseudonym: str = "") -> Contributor:
        """Return a contributor with a fresh id."""
        return cls(id=uuid.uuid4().hex, group=clean_group(group), pseudonym=pseudonym)


@dataclass(frozen=True)
class Idea:
    """One card as pages show it, derived from its record."""

    uid: str
    round_id: str
    theme: str
    text: str
    group: str | None
    pseudonym: str
    owner: str | None
    created_at: datetime | None
    hidden: bool
    withdrawn: bool
    merged_into: str | None
    sources: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    by_trainer: bool = False
    original_text: str | None = None
    version: int = 1

    @property
    def visible(self) -> bool:
        """Return True when the card is on the wall (not hidden, withdrawn nor merged)."""
        return not self.hidden and not self.merged_into

    @property
    def is_merge(self) -> bool:
        """Return True for a card made by merging others."""
        return bool(self.sources)


def clean_group(name: str | None) -> str:
    """Return a subgroup name cleaned (spaces collapsed), refusing an empty one."""
    text = " ".join(strip_controls(name or "").split())  # controls first: NEL is a space
    return clean(text, limit=MAX_GROUP, field=tb.GROUP_FIELD)


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def to_idea(record: Record) -> Idea:
    """Return the card view of an ``idea`` record."""
    return Idea(
        uid=record.uid, round_id=str(record.get("round", "")), theme=str(record.get("theme", "")),
        text=str(record.get("text", "")), group=record.group, pseudonym=record.author,
        owner=_text_or_none(record.participant_id), created_at=record.created_at,
        hidden=record.hidden,
        withdrawn=record.status == WITHDRAWN, merged_into=record.merged_into or None,
        sources=tuple(record.get("sources", ())), authors=tuple(record.get("authors", ())),
        groups=tuple(record.get("groups", ())), links=tuple(record.get("links", ())),
        by_trainer=bool(record.get("by_trainer", False)),
        original_text=record.get("original_text"), version=record.version,
    )


def ideas(store: Store, session: str, round_id: str) -> list[Idea]:
    """Return every idea of a round (hidden and merged ones included), oldest first."""
    return [to_idea(r) for r in store.list_records(session, IDEA_KIND)
            if r.get("round") == round_id]


def visible_to(all_ideas: Iterable[Idea], state: RoundState, *, group: str | None = None,
               trainer: bool = False) -> list[Idea]:
    """Return the cards a viewer may see.

    The trainer sees all visible cards; a participant nothing before the round opens, and only
    their subgroup's cards during private writing.
    """
    shown = [i for i in all_ideas if i.visible]
    if trainer:
        return shown
    if state.phase == "a_venir":
        return []
    if state.private:
        return [i for i in shown if i.group == group]
    return shown


def _check_theme(round_: Round, theme: str | None) -> str:
    if not theme:
        raise InputError(tb.THEME_REQUIRED)
    if theme not in round_.themes:
        raise InputError(tb.THEME_UNKNOWN.format(theme=theme))
    return theme


def _check_links(links: Sequence[str], linkable: Iterable[Idea] | None) -> list[str]:
    if not links:
        return []
    allowed = {i.uid for i in (linkable or ()) if i.visible}
    if any(uid not in allowed for uid in links):
        raise InputError(tb.LINK_UNKNOWN)
    return list(dict.fromkeys(links))


def post_idea(
    store: Store, session: str, round_: Round, state: RoundState, who: Contributor, text: str,
    theme: str | None, *, links: Sequence[str] = (), linkable: Iterable[Idea] | None = None,
) -> Idea:
    """Validate and store one idea of a participant (one idea per card)."""
    if not state.writing_open:
        raise InputError(tb.WRITING_CLOSED.format(phase=state.label))
    body = clean(text, limit=MAX_IDEA_CHARS, field=tb.IDEA_FIELD_NAME)
    pseudonym = clean(who.pseudonym, limit=MAX_PSEUDONYM, field=tb.PSEUDONYM_FIELD,
                      required=False)
    data = {"round": round_.id, "theme": _check_theme(round_, theme), "text": body,
            "links": _check_links(links, linkable)}
    record = store.add_record(session, IDEA_KIND, data, group=who.group, author=pseudonym,
                              participant_id=who.id)
    return to_idea(record)


def _own(store: Store, uid: str, who: Contributor, state: RoundState) -> Record:
    record = store.get_record(uid)
    if record.kind != IDEA_KIND or record.participant_id != who.id:
        raise InputError(tb.NOT_YOUR_IDEA)
    if record.hidden or record.merged_into:
        raise InputError(tb.IDEA_GONE)
    if not state.writing_open:
        raise InputError(tb.WRITING_CLOSED.format(phase=state.label))
    return record


def edit_own(
    store: Store, uid: str, who: Contributor, state: RoundState, round_: Round, *,
    text: str, theme: str | None, links: Sequence[str] | None = None,
    linkable: Iterable[Idea] | None = None,
) -> Idea:
    """Change the text, theme (the author keeps the last word) or links of one's own idea."""
    record = _own(store, uid, who, state)
    data = dict(record.data)
    data["text"] = clean(text, limit=MAX_IDEA_CHARS, field=tb.IDEA_FIELD_NAME)
    data["theme"] = _check_theme(round_, theme)
    if links is not None:
        data["links"] = _check_links(links, linkable)
    updated = store.update_record(uid, actor=who.pseudonym or who.id, data=data,
                                  expected_version=record.version)
    return to_idea(updated)


def withdraw_own(store: Store, uid: str, who: Contributor, state: RoundState) -> Idea:
    """Withdraw one's own idea (kept, hidden, marked as withdrawn)."""
    record = _own(store, uid, who, state)
    updated = store.update_record(uid, actor=who.pseudonym or who.id, hidden=True,
                                  status=WITHDRAWN, expected_version=record.version)
    return to_idea(updated)


# --- trainer actions --------------------------------------------------------------------
def post_for_group(
    store: Store, session: str, round_: Round, group: str, text: str, theme: str | None, *,
    links: Sequence[str] = (), linkable: Iterable[Idea] | None = None,
) -> Idea:
    """Type in an idea on behalf of a subgroup working on paper (any phase)."""
    data = {"round": round_.id, "theme": _check_theme(round_, theme),
            "text": clean(text, limit=MAX_IDEA_CHARS, field=tb.IDEA_FIELD_NAME),
            "links": _check_links(links, linkable), "by_trainer": True}
    record = store.add_record(session, IDEA_KIND, data, group=clean_group(group),
                              author="", participant_id=None)
    return to_idea(record)


def set_hidden(store: Store, uids: Sequence[str], hidden: bool) -> int:
    """Hide (or show again) cards; return how many changed."""
    if not uids:
        raise InputError(tb.SELECT_NONE)
    for uid in uids:
        store.update_record(uid, actor=TRAINER, hidden=hidden)
    return len(uids)


def edit_text(store: Store, uid: str, text: str) -> Idea:
    """Replace a card's text (trainer), keeping the original text as typed."""
    record = store.get_record(uid)
    data = dict(record.data)
    data.setdefault("original_text", data.get("text", ""))
    data["text"] = clean(text, limit=MAX_IDEA_CHARS, field=tb.IDEA_FIELD_NAME)
    data["edited_by"] = TRAINER
    return to_idea(store.update_record(uid, actor=TRAINER, data=data,
                                       expected_version=record.version))


def move(store: Store, round_: Round, uids: Sequence[str], theme: str | None) -> int:
    """Move cards to another theme of the round; return how many moved."""
    if not uids:
        raise InputError(tb.SELECT_NONE)
    target = _check_theme(round_, theme)
    for uid in uids:
        record = store.get_record(uid)
        store.update_record(uid, actor=TRAINER, data={**record.data, "theme": target},
                            expected_version=record.version)
    return len(uids)


def merge(store: Store, session: str, uids: Sequence[str], *, text: str = "",
          theme: str | None = None, round_: Round | None = None) -> Idea:
    """Merge similar cards into a new one that keeps its sources, authors and subgroups.

    The sources stay in the store, pointing to the new card (``merged_into``); votes given to
    them count for the new card.
    """
    if len(set(uids)) < 2:
        raise InputError(tb.SELECT_TWO)
    sources = [to_idea(store.get_record(uid)) for uid in dict.fromkeys(uids)]
    if len({s.round_id for s in sources}) != 1 or not all(s.visible for s in sources):
        raise InputError(tb.MERGE_MIXED_ROUNDS)
    first = sources[0]
    chosen_theme = theme or first.theme
    if round_ is not None:
        chosen_theme = _check_theme(round_, chosen_theme)
    authors: list[str] = []
    groups: list[str] = []
    links: list[str] = []
    for source in sources:
        for author in (source.authors if source.is_merge else (source.pseudonym,)):
            if author and author not in authors:
                authors.append(author)
        for group in (source.groups if source.is_merge else (source.group or "",)):
            if group and group not in groups:
                groups.append(group)
        links.extend(link for link in source.links if link not in links)
    body = clean(text, limit=MAX_IDEA_CHARS, field=tb.IDEA_FIELD_NAME) if text.strip() \
        else first.text
    data = {
        "round": first.round_id, "theme": chosen_theme, "text": body, "links": links,
        "sources": [s.uid for s in sources], "authors": authors, "groups": groups,
        "source_texts": [{"uid": s.uid, "text": s.text, "group": s.group,
                          "author": s.pseudonym} for s in sources],
    }
    common_group = groups[0] if len(groups) == 1 else None
    card = store.add_merged_record(session, IDEA_KIND, data, [s.uid for s in sources],
                                   actor=TRAINER, group=common_group, status=MERGED_CARD)
    return to_idea(card)


def unmerge(store: Store, uid: str) -> int:
    """Undo a merge: the merged card is hidden, its sources come back; return how many."""
    card = to_idea(store.get_record(uid))
    if not card.is_merge:
        raise InputError(tb.NOT_MERGED)
    for source in card.sources:
        store.update_record(source, actor=TRAINER, merged_into="")
    store.update_record(uid, actor=TRAINER, hidden=True, status=UNMERGED)
    return len(card.sources)


def final_card(uid: str, by_uid: dict[str, Idea]) -> str:
    """Return the card that now stands for ``uid`` (following merges)."""
    seen = set()
    while uid in by_uid and by_uid[uid].merged_into and uid not in seen:
        seen.add(uid)
        uid = by_uid[uid].merged_into or uid
    return uid


def provenance(card: Idea, by_uid: dict[str, Idea]) -> list[Idea]:
    """Return the original cards a (possibly nested) merged card was made from."""
    if not card.is_merge:
        return [card]
    found: list[Idea] = []
    for uid in card.sources:
        if uid in by_uid:
            found.extend(provenance(by_uid[uid], by_uid))
    return found
