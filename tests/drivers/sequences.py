"""The sequence pages (introduction, round table, evaluation, report), read as they show."""

from __future__ import annotations

import ipywidgets as w

from companion.widgets.evaluation import EvaluationPage
from companion.widgets.introduction import IntroductionPage
from companion.widgets.report import ReportPage
from companion.widgets.roundtable import QuestionCard, RoundTablePage
from tests.drivers.widgets import WidgetDriver


class IntroductionDriver:
    """The introduction page: the trainer's quiz results."""

    def __init__(self, page: IntroductionPage) -> None:
        self.ui = WidgetDriver(page, "introduction")

    def quiz_results_html(self) -> str:
        """The quiz results (trainer's space)."""
        return self.ui.html_of("cp-quiz-results")


class RoundTableDriver:
    """The round table: the question under discussion, the cards."""

    def __init__(self, page: RoundTablePage) -> None:
        self.ui = WidgetDriver(page, "table ronde")

    def current_html(self) -> str:
        """The question under discussion (« Question n sur m »)."""
        return self.ui.html_of("cp-rt-current")

    @staticmethod
    def card_html(card: QuestionCard) -> str:
        """A question card's text."""
        return WidgetDriver(card, "question").html_of("cp-rt-text")

    @staticmethod
    def can_upvote(card: QuestionCard) -> bool:
        """True when the card's support button can be pressed."""
        return not WidgetDriver(card, "question").by_class("cp-rt-upvote", w.Button).disabled


class EvaluationDriver:
    """The evaluation's results (trainer's space) and the coverage of expectations."""

    def __init__(self, page: EvaluationPage) -> None:
        self.ui = WidgetDriver(page, "évaluation")

    def count_html(self) -> str:
        """How many answered."""
        return self.ui.html_of("cp-eval-count")

    def results_html(self) -> str:
        """The results' tables."""
        return self.ui.html_of("cp-eval-results")

    def coverage_html(self) -> str:
        """The share of expectations covered."""
        return self.ui.html_of("cp-coverage-share")


class ReportDriver:
    """The report page: its download links."""

    def __init__(self, page: ReportPage) -> None:
        self.ui = WidgetDriver(page, "rapport")

    def links_html(self) -> str:
        """The links to the report's files."""
        return self.ui.html_of("cp-report-links")
