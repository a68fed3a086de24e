"""Dot-voting: a budget of votes per participant, optional stacking, hidden results. Pure.

A vote is a record of kind ``vote`` (one record per dot): ``data`` holds the round and the
idea, ``participant_id`` the voter's page id, ``group`` the voter's subgroup. Withdrawing a dot
hides its record. Votes typed in by the trainer for a paper group have no voter and
``by_trainer`` set. Votes given to a card later merged count for the merged card.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from companion.brainstorm.ideas import Contributor, Idea, clean_group, final_card
from companion.brainstorm.rounds import RoundState
from companion.core.errors import InputError
from companion.core.model import TRAINER, Record
from companion.store import Store
from companion.texts import brainstorm as tb

VOTE_KIND = "vote"
MAX_PAPER_VOTES = 200


@dataclass(frozen=True)
class Vote:
    """One dot given to an idea."""

    uid: str
    round_id: str
    idea: str
    voter: str | None
    group: str | None
    by_trainer: bool


def to_vote(record: Record) -> Vote:
    """Return the vote view of a ``vote`` record."""
    return Vote(uid=record.uid, round_id=str(record.get("round", "")),
                idea=str(record.get("idea", "")),
                voter=None if record.participant_id is None else str(record.participant_id),
                group=record.group, by_trainer=bool(record.get("by_trainer", False)))


def votes(store: Store, session: str, round_id: str) -> list[Vote]:
    """Return the votes of a round still standing (withdrawn ones left out)."""
    return [to_vote(r) for r in store.list_records(session, VOTE_KIND, include_hidden=False)
            if r.get("round") == round_id]


def tallies(all_votes: Iterable[Vote], all_ideas: Iterable[Idea]) -> Counter[str]:
    """Return the number of votes of each visible card (votes on merged cards follow them)."""
    by_uid = {i.uid: i for i in all_ideas}
    counts: Counter[str] = Counter()
    for vote in all_votes:
        target = final_card(vote.idea, by_uid)
        if target in by_uid and by_uid[target].visible:
            counts[target] += 1
    return counts


def mine(all_votes: Iterable[Vote], who: Contributor) -> Counter[str]:
    """Return how many dots this participant gave to each idea (as voted, before merges)."""
    return Counter(v.idea for v in all_votes if v.voter == who.id)


def left(all_votes: Iterable[Vote], who: Contributor, state: RoundState) -> int:
    """Return how many votes this participant may still give."""
    return max(state.budget - sum(mine(all_votes, who).values()), 0)


def voters(all_votes: Iterable[Vote]) -> int:
    """Return how many distinct participants voted (paper votes left out)."""
    return len({v.voter for v in all_votes if v.voter})


def cast(store: Store, session: str, state: RoundState, who: Contributor, idea_uid: str,
         all_ideas: Iterable[Idea], all_votes: list[Vote]) -> Vote:
    """Give one vote to a visible idea, within the budget and the stacking rule."""
    if not state.voting_open:
        raise InputError(tb.VOTE_CLOSED.format(phase=state.label))
    by_uid = {i.uid: i for i in all_ideas}
    if idea_uid not in by_uid or not by_uid[idea_uid].visible:
        raise InputError(tb.VOTE_IDEA_GONE)
    _within_rules(all_votes, who, state, idea_uid)  # the page's view: a quick answer

    def check(standing: list[Record]) -> None:  # the store's view, in the write's transaction
        current = [to_vote(r) for r in standing if r.get("round") == state.round_id]
        _within_rules(current, who, state, idea_uid)

    record = store.add_record_checked(session, VOTE_KIND,
                                      {"round": state.round_id, "idea": idea_uid}, check,
                                      group=who.group, author=who.pseudonym,
                                      participant_id=who.id)
    return to_vote(record)


def _within_rules(all_votes: Iterable[Vote], who: Contributor, state: RoundState,
                  idea_uid: str) -> None:
    """Refuse one more vote of ``who`` on ``idea_uid`` beyond the budget or stacking rule."""
    given = mine(all_votes, who)
    if sum(given.values()) >= state.budget:
        raise InputError(tb.VOTE_NO_BUDGET.format(budget=state.budget))
    if not state.stacking and given[idea_uid] > 0:
        raise InputError(tb.VOTE_NO_STACK)


def withdraw(store: Store, state: RoundState, who: Contributor, idea_uid: str,
             all_votes: list[Vote]) -> None:
    """Take back one of one's votes on an idea (while the vote is open)."""
    if not state.voting_open:
        raise InputError(tb.VOTE_CLOSED.format(phase=state.label))
    for vote in reversed(all_votes):
        if vote.voter == who.id and vote.idea == idea_uid:
            store.update_record(vote.uid, actor=who.pseudonym or who.id, hidden=True,
                                status="retire")
            return
    raise InputError(tb.VOTE_NONE_TO_REMOVE)


def cast_for_group(store: Store, session: str, state: RoundState, group: str, idea_uid: str,
                   count: int, all_ideas: Iterable[Idea]) -> int:
    """Type in ``count`` votes a paper group gave to an idea (trainer; no budget applies)."""
    if not 1 <= int(count) <= MAX_PAPER_VOTES:
        raise InputError(tb.PAPER_VOTES_RANGE.format(limit=MAX_PAPER_VOTES))
    by_uid = {i.uid: i for i in all_ideas}
    if idea_uid not in by_uid or not by_uid[idea_uid].visible:
        raise InputError(tb.VOTE_IDEA_GONE)
    name = clean_group(group)
    for _ in range(int(count)):
        store.add_record(session, VOTE_KIND, {"round": state.round_id, "idea": idea_uid,
                                              "by_trainer": True},
                         group=name, author=TRAINER)
    return int(count)
