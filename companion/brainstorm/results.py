"""What a round looks like at one moment, and its restitution as tables. Pure.

:func:`snapshot` reads a round once (state, ideas, votes, the linked round); the functions
below turn it into DataFrames for the wall, the restitution, the charts and the exports.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from companion.brainstorm.ideas import IDEA_KIND, Idea, provenance, to_idea
from companion.brainstorm.rounds import STATE_KIND, RoundState, get_round, state_of
from companion.brainstorm.votes import VOTE_KIND, Vote, tallies, to_vote
from companion.content.course import Course, Round
from companion.core.words import word_frequencies
from companion.store import Store
from companion.texts import brainstorm as tb

if TYPE_CHECKING:  # pandas loads with the first table (the trainer's): participants need none
    import pandas as pd

FRAME_COLUMNS = ("uid", "group", "theme", "text", "votes", "merged_from", "authors", "time",
                 "links", "status")
EXPORT_NAMES = {
    "group": tb.COL_GROUP, "theme": tb.COL_THEME, "text": tb.COL_TEXT, "votes": tb.COL_VOTES,
    "merged_from": tb.COL_MERGED_FROM, "authors": tb.COL_AUTHORS, "time": tb.COL_TIME,
    "links": tb.COL_LINKS, "status": tb.COL_STATUS,
}


@dataclass(frozen=True)
class Snapshot:
    """A round read at one moment: its definition, state, every idea and vote."""

    round: Round
    state: RoundState
    ideas: tuple[Idea, ...]
    votes: tuple[Vote, ...]
    linked_round: Round | None = None
    linked_ideas: tuple[Idea, ...] = ()
    linked_votes: tuple[Vote, ...] = ()
    counts: Counter[str] = field(default_factory=Counter)
    linked_counts: Counter[str] = field(default_factory=Counter)

    @property
    def by_uid(self) -> dict[str, Idea]:
        """Return every idea of the round and of the linked round by uid."""
        return {i.uid: i for i in (*self.ideas, *self.linked_ideas)}

    @property
    def cards(self) -> list[Idea]:
        """Return the visible cards of the round."""
        return [i for i in self.ideas if i.visible]

    @property
    def groups(self) -> list[str]:
        """Return the subgroups that wrote in the round, by name."""
        return sorted({group_label(i.group) for i in self.cards})


def snapshot(store: Store, session: str, round_id: str, content: Course | None = None) -> Snapshot:
    """Read a round (and the round it is linked to) from the store in a few queries."""
    round_ = get_round(store, session, round_id, content)
    state = state_of(store.list_records(session, STATE_KIND), round_id, content)
    wanted = {round_id, *([round_.linked_to] if round_.linked_to else [])}
    all_ideas = [to_idea(r) for r in store.list_records(session, IDEA_KIND)
                 if r.get("round") in wanted]
    all_votes = [to_vote(r) for r in store.list_records(session, VOTE_KIND, include_hidden=False)
                 if r.get("round") in wanted]
    own = tuple(i for i in all_ideas if i.round_id == round_id)
    own_votes = tuple(v for v in all_votes if v.round_id == round_id)
    linked_round = get_round(store, session, round_.linked_to, content) if round_.linked_to \
        else None
    linked = tuple(i for i in all_ideas if i.round_id != round_id)
    linked_votes = tuple(v for v in all_votes if v.round_id != round_id)
    return Snapshot(round=round_, state=state, ideas=own, votes=own_votes,
                    linked_round=linked_round, linked_ideas=linked, linked_votes=linked_votes,
                    counts=tallies(own_votes, own), linked_counts=tallies(linked_votes, linked))


def group_label(group: str | None) -> str:
    """Return the subgroup's name, « Plénière » for a card merged across subgroups."""
    return group or tb.GROUP_PLENARY


def status_label(idea: Idea) -> str:
    """Return the French status of a card."""
    if idea.merged_into:
        return tb.STATUS_MERGED
    if idea.withdrawn:
        return tb.STATUS_WITHDRAWN
    return tb.STATUS_HIDDEN if idea.hidden else tb.STATUS_VISIBLE


def round_frame(snap: Snapshot, *, everything: bool = False) -> pd.DataFrame:
    """Return one row per card, sorted by theme (round order), then votes, then time.

    Columns: subgroup, theme, text, votes, merged-from, authors, time, links (texts of the
    difficulties it answers), status. Visible cards only unless ``everything``.
    """
    import pandas as pd

    by_uid = snap.by_uid
    rows = []
    for idea in snap.ideas if everything else snap.cards:
        origins = provenance(idea, by_uid) if idea.is_merge else []
        authors = idea.authors if idea.is_merge else tuple(a for a in (idea.pseudonym,) if a)
        rows.append({
            "uid": idea.uid, "group": group_label(idea.group), "theme": idea.theme,
            "text": idea.text, "votes": int(snap.counts.get(idea.uid, 0)),
            "merged_from": " | ".join(f"[{group_label(o.group)}] {o.text}" for o in origins),
            "authors": ", ".join(authors),
            "time": idea.created_at.strftime("%Y-%m-%d %H:%M:%S") if idea.created_at else "",
            "links": " | ".join(by_uid[u].text for u in idea.links if u in by_uid),
            "status": status_label(idea),
        })
    frame = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    if frame.empty:
        return frame.astype({"votes": int})
    order = {theme: n for n, theme in enumerate(snap.round.themes)}
    frame["_order"] = frame["theme"].map(order).fillna(len(order))
    frame = frame.sort_values(["_order", "votes", "time"], ascending=[True, False, True])
    return frame.drop(columns="_order").reset_index(drop=True)


def summary_by(frame: pd.DataFrame, column: str, categories: list[str] | tuple[str, ...] = ()
               ) -> pd.DataFrame:
    """Return ``column``, ``ideas`` (number of cards) and ``votes`` per value of ``column``.

    Every category is listed (zeros included), in the given order, then the other values by
    name.
    """
    values = list(dict.fromkeys([*categories, *sorted(frame[column].unique())]))
    grouped = frame.groupby(column).agg(ideas=("uid", "count"), votes=("votes", "sum"))
    result = grouped.reindex(values, fill_value=0).reset_index()
    result.columns = [column, "ideas", "votes"]
    return result.astype({"ideas": int, "votes": int})


def top_ideas(frame: pd.DataFrame, by: str, n: int = 3) -> pd.DataFrame:
    """Return the ``n`` most voted cards of each value of ``by`` (ties: the earliest)."""
    ordered = frame.sort_values([by, "votes", "time"], ascending=[True, False, True])
    return ordered.groupby(by, sort=False).head(n).reset_index(drop=True)


def round_words(snap: Snapshot) -> list[tuple[str, int]]:
    """Return the word cloud of the round's visible cards (normalised, at most 50 terms)."""
    return word_frequencies(i.text for i in snap.cards)


PRECONISATION_COLUMNS = ("lever", "lever_theme", "lever_votes", "difficulty",
                         "difficulty_theme", "difficulty_votes", "group")


def preconisations(snap: Snapshot) -> pd.DataFrame:
    """Return the recommendations table, most voted levers first.

    One row per link between a lever (this round) and a difficulty (linked round) it answers.
    """
    import pandas as pd

    by_uid = snap.by_uid
    rows = []
    for lever in snap.cards:
        for uid in lever.links:
            target = by_uid.get(uid)
            while target is not None and target.merged_into:
                target = by_uid.get(target.merged_into)
            if target is None or not target.visible:
                continue
            rows.append({
                "lever": lever.text, "lever_theme": lever.theme,
                "lever_votes": int(snap.counts.get(lever.uid, 0)),
                "difficulty": target.text, "difficulty_theme": target.theme,
                "difficulty_votes": int(snap.linked_counts.get(target.uid, 0)),
                "group": group_label(lever.group),
            })
    frame = pd.DataFrame(rows, columns=list(PRECONISATION_COLUMNS)).drop_duplicates()
    return frame.sort_values(["lever_votes", "difficulty_votes"], ascending=False,
                             ignore_index=True)


def link_matrix(snap: Snapshot, table: pd.DataFrame | None = None) -> pd.DataFrame:
    """Return how many links go from each difficulty theme (rows) to each lever theme."""
    import pandas as pd

    table = preconisations(snap) if table is None else table
    rows = list(snap.linked_round.themes) if snap.linked_round else []
    columns = list(snap.round.themes)
    if table.empty:
        return pd.DataFrame(0, index=rows, columns=columns)
    matrix = pd.crosstab(table["difficulty_theme"], table["lever_theme"])
    return matrix.reindex(index=rows or list(matrix.index), columns=columns, fill_value=0)


def unanswered(snap: Snapshot, table: pd.DataFrame | None = None) -> list[Idea]:
    """Return the visible difficulties that no lever answers yet, most voted first."""
    table = preconisations(snap) if table is None else table
    answered = set(table["difficulty"])
    left = [i for i in snap.linked_ideas if i.visible and i.text not in answered]
    return sorted(left, key=lambda i: -snap.linked_counts.get(i.uid, 0))
