"""The evaluation page: the anonymous survey for everyone, live results for the trainer.

The trainer also sees the expectations covered and the quality summary.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as w
from typing_extensions import override

from companion.core.errors import InputError
from companion.core.html import table_html
from companion.core.model import Record
from companion.core.safety import escape
from companion.core.visitor import purpose_id, served_page, visitor_id
from companion.evaluation import survey as logic
from companion.home.icebreaker import expectations
from companion.store import Store
from companion.texts import evaluation as tx
from companion.texts import report as tr
from companion.widgets.base import FigureView, Notice, TrainerGate, button, guarded, trainer_only
from companion.widgets.page import SequencePage

SCORES = [(str(n), n) for n in range(1, 6)]
LABEL = {"description_width": "28em"}


def _toggles(options: list[tuple[str, Any]], css: str, description: str = "") -> w.ToggleButtons:
    toggles = w.ToggleButtons(options=options, value=None, description=description, style=LABEL)
    toggles.style.button_width = "auto"
    toggles.add_class(css)
    return toggles


class SurveyForm(w.VBox):
    """The anonymous questionnaire; one sending per page."""

    def __init__(self, store: Store, session: str, survey: logic.Survey, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session, self._survey = store, session, survey
        self._sat = {i.id: _toggles(SCORES, f"cp-eval-sat-{i.id}", i.title) for i in survey.rated()}
        levels = [(tx.LEVEL_LABELS[level], level) for level in logic.LEVELS]
        self._obj = {n: _toggles(levels, f"cp-eval-obj-{n}")
                     for n in range(1, len(survey.objectives) + 1)}
        self._before = {t.id: _toggles(SCORES, f"cp-eval-before-{t.id}", tx.BEFORE)
                        for t in survey.themes}
        self._after = {t.id: _toggles(SCORES, f"cp-eval-after-{t.id}", tx.AFTER)
                       for t in survey.themes}
        self._comments = {c.id: w.Textarea(layout=w.Layout(width="100%", height="4em"))
                          for c in survey.comments}
        for cid, area in self._comments.items():
            area.add_class(f"cp-eval-comment-{cid}")
        self._submit = button(tx.SUBMIT, "cp-eval-submit", "primary")
        self._submit.on_click(self._on_submit)
        self._notice = Notice()
        objectives: list[w.Widget] = []
        for n, objective in enumerate(survey.objectives, start=1):
            objectives += [w.HTML(f"<p>{n}. {escape(objective)}</p>"), self._obj[n]]
        themes: list[w.Widget] = []
        for t in survey.themes:
            themes += [w.HTML(f"<p><strong>{escape(t.title)}</strong></p>"),
                       w.HBox([self._before[t.id], self._after[t.id]])]
        comments: list[w.Widget] = []
        for c in survey.comments:
            comments += [w.HTML(f"<p>{escape(c.title)}</p>"), self._comments[c.id]]
        self.add_class("cp-eval-form")
        self.children = (
            w.HTML(f"<p><em>{tx.FORM_HELP}</em></p><h3>{tx.SATISFACTION_TITLE}</h3>"
                   f"<p><small>{escape(' · '.join(survey.scale))}</small></p>"),
            *self._sat.values(), w.HTML(f"<h3>{tx.OBJECTIVES_TITLE}</h3>"), *objectives,
            w.HTML(f"<h3>{tx.SELF_TITLE}</h3><p><small>{escape(survey.self_scale)}</small></p>"),
            *themes, w.HTML(f"<h3>{tx.COMMENTS_TITLE}</h3>"), *comments, self._submit,
            self._notice,
        )
        self.sent = False

    @property
    def notice(self) -> Notice:
        """The form's message area."""
        return self._notice

    def fill(self, *, satisfaction: Mapping[str, int] | None = None,
             objectives: Mapping[int, str] | None = None,
             before: Mapping[str, int] | None = None, after: Mapping[str, int] | None = None,
             comments: Mapping[str, str] | None = None) -> None:
        """Answer as a person would (tests); then call :meth:`submit`."""
        for key, value in (satisfaction or {}).items():
            self._sat[key].value = value
        for number, level in (objectives or {}).items():
            self._obj[number].value = level
        for key, value in (before or {}).items():
            self._before[key].value = value
        for key, value in (after or {}).items():
            self._after[key].value = value
        for key, text in (comments or {}).items():
            self._comments[key].value = text

    def submit(self) -> None:
        """Press the sending button."""
        self._submit.click()

    @guarded()
    def _on_submit(self, _button: w.Button) -> None:
        if self.sent:
            self._notice.show(tx.ALREADY_SENT)
            return
        visitor = visitor_id()
        if visitor is None and served_page():  # a page without (valid) identity cookie
            raise InputError(tx.RELOAD_TO_ANSWER)
        logic.submit_response(
            self._store, self._session, self._survey,
            respondent=purpose_id(visitor, "evaluation") if visitor else None,
            satisfaction={k: t.value for k, t in self._sat.items()},
            objectives={k: t.value for k, t in self._obj.items()},
            before={k: t.value for k, t in self._before.items()},
            after={k: t.value for k, t in self._after.items()},
            comments={k: a.value for k, a in self._comments.items()},
        )
        self.sent = True
        self._submit.disabled = True
        self._notice.show(tx.SAVED, "succes")


class CoverageBoard(w.VBox):
    """The trainer marks each expectation covered or not; the share updates."""

    def __init__(self, store: Store, session: str, gate: TrainerGate | None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session, self.gate = store, session, gate
        self._share = w.HTML()
        self._share.add_class("cp-coverage-share")
        self._rows = w.VBox()
        self._notice = Notice()
        self._toggles: dict[str, w.ToggleButtons] = {}
        self._updating = False
        self.add_class("cp-coverage")
        self.children = (w.HTML(f"<h3>{tx.COVERAGE_TITLE}</h3><p>{tx.COVERAGE_HELP}</p>"),
                         self._share, self._rows, self._notice)
        self.coverage = logic.Coverage(0, 0, 0)
        self.refresh()

    def mark(self, uid: str, covered: bool | None) -> None:
        """Set one expectation's toggle as the trainer would (tests)."""
        self._toggles[uid].value = covered

    def refresh(self) -> None:
        """Re-read the expectations and their marks."""
        records = expectations(self._store, self._session)
        self._updating = True
        try:
            if [r.uid for r in records] != list(self._toggles):
                self._rebuild(records)
            for r in records:
                self._toggles[r.uid].value = {logic.COVERED: True,
                                              logic.NOT_COVERED: False}.get(r.status)
        finally:
            self._updating = False
        self.coverage = logic.coverage(records)
        self._share.value = f"<p><strong>{escape(self.coverage.sentence())}</strong></p>"

    def _rebuild(self, records: list[Record]) -> None:
        self._toggles = {}
        rows = []
        for r in records:
            toggle = _toggles([(tx.COVERED, True), (tx.NOT_COVERED, False)], "cp-coverage-toggle")
            toggle.observe(lambda change, uid=r.uid: self._on_toggle(uid, change["new"]),
                           names="value")
            self._toggles[r.uid] = toggle
            row = w.HBox([w.HTML(f"<span>{escape(r.get('text', ''))}</span>",
                                 layout=w.Layout(width="60%")), toggle])
            row.add_class("cp-coverage-item")
            rows.append(row)
        self._rows.children = tuple(rows)

    @trainer_only()
    def _on_toggle(self, uid: str, covered: bool | None) -> None:
        if self._updating:
            return
        logic.mark_expectation(self._store, uid, covered)
        state = tx.UNMARKED if covered is None else tx.COVERED if covered else tx.NOT_COVERED
        self._notice.show(tx.COVERAGE_SAVED.format(state=state), "succes")
        self.refresh()


class EvaluationPage(SequencePage):
    """The survey for everyone; results, coverage and quality summary for the trainer."""

    css_class = "cp-evaluation"

    def __init__(self, store: Store, query: Mapping[str, str] | None = None,
                 **kwargs: Any) -> None:
        self.survey = logic.survey()
        self.form: SurveyForm | None = None
        self.coverage: CoverageBoard | None = None
        self._count = w.HTML()
        self._count.add_class("cp-eval-count")
        self._tables = w.HTML()
        self._tables.add_class("cp-eval-results")
        self._quality = w.HTML()
        self._quality.add_class("cp-quality")
        self.charts = {name: FigureView() for name in ("means", "distribution", "objectives",
                                                       "progress")}
        super().__init__(store, query, title=tx.PAGE_TITLE, **kwargs)

    @override
    def build_participant(self, session: str) -> list[w.Widget]:
        self.form = SurveyForm(self._store, session, self.survey)
        return [self.form]

    @override
    def build_trainer(self) -> list[w.Widget]:
        assert self.session is not None
        self.coverage = CoverageBoard(self._store, self.session.code, self.gate)
        self.refresh()
        return [w.HTML(f"<h3>{tx.RESULTS_TITLE}</h3>"), self._count, *self.charts.values(),
                self._tables, self.coverage,
                w.HTML(f"<h3>{tx.QUALITY_TITLE}</h3>"), self._quality]

    @guarded()
    def refresh(self) -> None:
        """Re-read the responses and the expectations for the trainer."""
        if self.session is None or not self.gate.unlocked:
            return
        from companion.charts.evaluation import (  # the trainer's: participants load no chart
            before_after,
            objectives_reached,
            satisfaction_distribution,
            satisfaction_means,
        )

        answers = logic.responses(self._store, self.session.code)
        self._count.value = (f"<p><strong>{tx.RESPONSES.format(count=len(answers))}</strong></p>"
                             if answers else f"<p>{tx.NO_RESPONSE}</p>")
        sat = logic.satisfaction_table(answers, self.survey)
        obj = logic.objectives_table(answers, self.survey)
        prog = logic.progress_table(answers, self.survey)
        self.charts["means"].show(satisfaction_means(sat))
        self.charts["distribution"].show(satisfaction_distribution(sat))
        self.charts["objectives"].show(objectives_reached(obj))
        self.charts["progress"].show(before_after(prog))
        self._tables.value = "".join([
            table_html(frame, caption=title, empty=tr.NO_DATA) for title, frame in (
                (tx.SATISFACTION_TITLE, sat), (tx.OBJECTIVES_TITLE, obj), (tx.SELF_TITLE, prog),
                (tx.COMMENTS_TITLE, logic.comments_table(answers, self.survey)))])
        self._quality.value = table_html(logic.quality_summary(answers, self.survey),
                                         caption=tx.QUALITY_TITLE, empty=tr.NO_DATA)
        if self.coverage is not None:
            self.coverage.refresh()
