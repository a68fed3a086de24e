"""The brainstorm page (:class:`~companion.widgets.brainstorm.page.BrainstormPage`): a
participant's board and cards, the round banner, the trainer's space."""

from __future__ import annotations

from typing import Any

from companion.texts import brainstorm as tb
from companion.widgets.brainstorm.cards import IdeaCard, PhaseBanner
from companion.widgets.brainstorm.page import ParticipantBoard
from tests.drivers.widgets import WidgetDriver


class BoardDriver:
    """A participant's form and list of ideas (its ``post`` and cards' ``press`` are public;
    this drives what they do not: one field at a time)."""

    def __init__(self, board: ParticipantBoard | None) -> None:
        assert board is not None, "no participant board: has the page joined a subgroup?"
        self.board = board
        self.ui = WidgetDriver(board, "tableau du participant")

    def type_idea(self, text: str) -> None:
        """Type in the idea field."""
        self.ui.type(tb.IDEA_FIELD, text)

    def idea_text(self) -> str:
        """What the idea field holds."""
        return str(self.ui.value_of(tb.IDEA_FIELD))

    def no_theme(self) -> None:
        """Leave the theme unchosen."""
        self.ui.unselect(tb.THEME_FIELD)

    def type_pseudonym(self, text: str) -> None:
        """Type a pseudonym."""
        self.ui.type(tb.PSEUDONYM_FIELD, text)

    def publish(self) -> None:
        """Press « Publier l'idée »."""
        self.ui.click(tb.IDEA_SUBMIT)

    def save_edit(self) -> None:
        """Press « Enregistrer la modification » (the same button, while editing a card)."""
        self.ui.click(tb.IDEA_SAVE)

    def form_shown(self) -> bool:
        """True when the idea form is on screen (writing is open)."""
        return self.ui.shows(self.ui.by_class("cp-idea-form", hidden=True))

    def budget_html(self) -> str:
        """The votes left (or why one cannot vote)."""
        return self.ui.html_of("cp-vote-budget")

    @staticmethod
    def votes_html(card: IdeaCard) -> str:
        """The votes a card shows once the round is closed."""
        return WidgetDriver(card, "carte").html_of("cp-idea-votes")


def phase_html(banner: PhaseBanner) -> str:
    """The round banner's phase and its help."""
    return WidgetDriver(banner, "bandeau").html_of("cp-phase")


class TrainerSpaceDriver:
    """The trainer's space: each panel read as it shows once its section is open."""

    def __init__(self, space: Any) -> None:
        assert space is not None, "no trainer space: is the gate open?"
        self.space = space

    def wall_count_html(self) -> str:
        """The wall's count of cards (and of votes, while voting)."""
        return WidgetDriver(self.space.wall, "mur").html_of("cp-wall-count")

    def provenance_html(self) -> str:
        """Where the merged card chosen in the moderation comes from."""
        return WidgetDriver(self.space.moderation, "modération").html_of("cp-provenance")

    def group_links_html(self) -> str:
        """The subgroups' join links and QR codes."""
        return WidgetDriver(self.space.animation, "animation").html_of("cp-group-links")

    def export_links_html(self) -> str:
        """The download links of the exports."""
        return WidgetDriver(self.space.export, "exports").html_of("cp-export-links")
