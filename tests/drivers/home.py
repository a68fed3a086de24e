"""The course home (:class:`~companion.widgets.home.page.HomePage`): programme, join block,
trainer gate and the trainer's participants board, driven as people use them."""

from __future__ import annotations

from companion.texts import confirm as tconfirm
from companion.texts import home as th
from companion.widgets.base import FigureView
from companion.widgets.home.page import HomePage
from companion.widgets.home.participants import ParticipantsBoard
from tests.drivers.gate import GateDriver
from tests.drivers.widgets import WidgetDriver


class HomeDriver:
    """Read the programme and the join block; open the trainer's space."""

    def __init__(self, page: HomePage) -> None:
        self.page = page
        self.ui = WidgetDriver(page, "accueil")
        self.gate = GateDriver(page.gate, page)

    def timeline_html(self) -> str:
        """The programme's timeline."""
        return str(self.ui.within("cp-programme").html(containing="cp-timeline-block").value)

    def banner_html(self) -> str:
        """The line « En cours » / « À suivre »."""
        return self.ui.html_of("cp-now")

    def join_html(self) -> str:
        """The session code, join address and QR code."""
        return self.ui.html_of("cp-join")

    def board(self) -> ParticipantsDriver:
        """The trainer's participants board (the trainer's space must be open)."""
        assert self.page.board is not None, "no participants board: is the gate open?"
        return ParticipantsDriver(self.page.board)


class ParticipantsDriver:
    """The trainer's live view of the registrations and expectations."""

    def __init__(self, board: ParticipantsBoard) -> None:
        self.board = board
        self.ui = WidgetDriver(board, "participants")

    def count_html(self) -> str:
        """How many registered."""
        return self.ui.html_of("cp-participant-count")

    def expectations_html(self) -> str:
        """The raw list of expectations."""
        return self.ui.html_of("cp-expectation-list")

    def chart_by_function(self) -> FigureView:
        """The chart of registrations by function."""
        return self.ui.chart(th.CHART_BY_FUNCTION)

    def ask_remove(self, registration: str) -> None:
        """Pick a registration (as the list shows it) and press « Retirer l'inscription »
        (the board then asks for confirmation)."""
        self.ui.select(th.REMOVE_PARTICIPANT, registration)
        self.ui.click(th.REMOVE_PARTICIPANT)

    def question(self) -> str:
        """The confirmation asked ('' when none)."""
        return str(self.board.confirmation.question)

    def answer(self, *, confirm: bool) -> None:
        """Press « Confirmer » or « Annuler » under the question."""
        self.ui.click(tconfirm.CONFIRM if confirm else tconfirm.CANCEL)
