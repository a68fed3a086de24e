"""Live brainstorms in subgroups (« remue-méninges »): rounds, ideas, votes, restitution.

Pure logic, no widget: :mod:`rounds` (rounds, phases, timer, voting rules), :mod:`ideas`
(cards, visibility, moderation, merge with provenance), :mod:`votes` (dot-voting),
:mod:`results` (a round read at one moment and its restitution tables).
"""

from __future__ import annotations

from companion.brainstorm.ideas import (
    IDEA_KIND,
    Contributor,
    Idea,
    clean_group,
    edit_own,
    edit_text,
    ideas,
    merge,
    move,
    post_for_group,
    post_idea,
    provenance,
    set_hidden,
    unmerge,
    visible_to,
    withdraw_own,
)
from companion.brainstorm.results import (
    Snapshot,
    link_matrix,
    preconisations,
    round_frame,
    round_words,
    snapshot,
    summary_by,
    top_ideas,
    unanswered,
)
from companion.brainstorm.rounds import (
    PHASES,
    RoundState,
    add_round,
    current_state,
    get_round,
    rounds,
    set_phase,
    set_vote_rules,
    start_timer,
    stop_timer,
)
from companion.brainstorm.votes import (
    VOTE_KIND,
    Vote,
    cast,
    cast_for_group,
    tallies,
    voters,
    votes,
)
from companion.brainstorm.votes import left as votes_left
from companion.brainstorm.votes import mine as votes_mine
from companion.brainstorm.votes import withdraw as withdraw_vote

__all__ = [
    "IDEA_KIND", "PHASES", "VOTE_KIND", "Contributor", "Idea", "RoundState", "Snapshot", "Vote",
    "add_round", "cast", "cast_for_group", "clean_group", "current_state", "edit_own",
    "edit_text", "get_round", "ideas", "link_matrix", "merge", "move", "post_for_group",
    "post_idea", "preconisations", "provenance", "round_frame", "round_words", "rounds",
    "set_hidden", "set_phase", "set_vote_rules", "snapshot", "start_timer", "stop_timer",
    "summary_by", "tallies", "top_ideas", "unanswered", "unmerge", "visible_to", "voters", "votes",
    "votes_left", "votes_mine", "withdraw_own", "withdraw_vote",
]
