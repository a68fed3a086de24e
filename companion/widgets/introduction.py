"""The introduction page: searchable glossary, timeline, Régies values, figures and quiz."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import ipywidgets as w
from typing_extensions import override

from companion.core.safety import escape
from companion.evaluation.survey import percent
from companion.introduction import materials as logic
from companion.store import Store
from companion.texts import introduction as tx
from companion.widgets.base import Notice, button, guarded
from companion.widgets.page import SequencePage


def _source(text: str) -> str:
    return f"<span class='cp-source' style='color:#566573;font-size:.9em'>{tx.SOURCE} : " \
           f"{escape(text)}</span>"


def glossary_html(entries: list[logic.GlossaryEntry]) -> str:
    """Return the glossary entries as escaped HTML."""
    items = []
    for e in entries:
        see = (f"<br><em>{tx.SEE_ALSO} : {escape(', '.join(e.see_also))}</em>"
               if e.see_also else "")
        items.append(f"<div class='cp-glossary-entry' style='margin:.5em 0'><strong>"
                     f"{escape(e.term)}</strong> <small>({escape(e.category)})</small><br>"
                     f"{escape(e.definition)}{see}<br>{_source(e.source)}</div>")
    return "".join(items)


def timeline_html(history: logic.History) -> str:
    """Return the timeline as an escaped HTML list, each date with its source."""
    rows = []
    for m in history.milestones:
        details = "".join(f"<li>{escape(d)}</li>" for d in m.details)
        rows.append(f"<li class='cp-timeline-item'><strong>{escape(m.date_label)}</strong> — "
                    f"{escape(m.title)}<br>{escape(m.text)}"
                    f"{f'<ol>{details}</ol>' if details else ''}<br>{_source(m.source)}</li>")
    return f"<ul class='cp-timeline-list'>{''.join(rows)}</ul>"


def regies_html(history: logic.History) -> str:
    """Return the Régies' values, governance and activities with their source."""
    r = history.regies
    values = "".join(f"<li>{escape(v)}</li>" for v in r.values)
    colleges = " · ".join(escape(c) for c in r.colleges)
    return (f"<h3>{escape(r.title)}</h3><ul>{values}</ul><h3>{tx.GOVERNANCE_TITLE}</h3>"
            f"<p>{escape(r.governance)}</p><p><strong>{colleges}</strong></p>"
            f"<p>{tx.ACTIVITIES} : {escape(', '.join(r.activities))}.</p>{_source(r.source)}")


def figures_html(history: logic.History) -> str:
    """Return the context figures as cards: value, unit, vintage and source together."""
    cards = "".join(
        f"<div class='cp-figure-card' style='border:1px solid #d6eaf8;border-radius:6px;"
        f"padding:.5em;margin:.3em;width:16em;display:inline-block;vertical-align:top'>"
        f"<div>{escape(f.title)}</div><div style='font-size:1.6em;color:#1b4f72'>"
        f"{escape(f.value)}</div><div>{escape(f.unit)}</div>"
        f"<div><small>{tx.MILLESIME} {escape(f.vintage)} — {tx.SOURCE} : {escape(f.source)}"
        f"</small></div></div>" for f in history.figures)
    return f"<h3>{tx.FIGURES_TITLE}</h3><div class='cp-figures'>{cards}</div>"


class GlossaryView(w.VBox):
    """Search box, category filter and the matching key words."""

    def __init__(self, entries: tuple[logic.GlossaryEntry, ...], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._entries = entries
        self._search = w.Text(placeholder=tx.GLOSSARY_PLACEHOLDER, description=tx.GLOSSARY_SEARCH,
                              style={"description_width": "10em"}, continuous_update=True)
        self._search.add_class("cp-glossary-search")
        categories = sorted({e.category for e in entries})
        self._category = w.Dropdown(options=[(tx.GLOSSARY_ALL_CATEGORIES, "")] +
                                    [(c, c) for c in categories], value="",
                                    description=tx.GLOSSARY_CATEGORY,
                                    style={"description_width": "10em"})
        self._category.add_class("cp-glossary-category")
        self._count = w.HTML()
        self._results = w.HTML()
        self._results.add_class("cp-glossary-results")
        self._search.observe(lambda _c: self.update(), names="value")
        self._category.observe(lambda _c: self.update(), names="value")
        self.add_class("cp-glossary")
        self.children = (w.HTML(f"<h2>{tx.GLOSSARY_TITLE}</h2>"),
                         w.HBox([self._search, self._category]), self._count, self._results)
        self.shown: list[logic.GlossaryEntry] = []
        self.update()

    def search(self, query: str, category: str = "") -> list[logic.GlossaryEntry]:
        """Type ``query`` in the box (and pick ``category``); return what is shown."""
        self._category.value = category
        self._search.value = query
        return self.shown

    def update(self) -> None:
        """Show the entries matching the box and the category."""
        self.shown = logic.search_glossary(self._entries, self._search.value,
                                           self._category.value or None)
        if not self.shown:
            none = tx.GLOSSARY_NONE.format(query=self._search.value)
            self._count.value = f"<p>{escape(none)}</p>"
        else:
            count = tx.GLOSSARY_COUNT.format(count=len(self.shown), total=len(self._entries))
            self._count.value = f"<p>{count}</p>"
        self._results.value = glossary_html(self.shown)


class QuizForm(w.VBox):
    """The self-check quiz: anonymous unless the participant ticks the box and gives a name."""

    def __init__(self, store: Store, session: str, questions: tuple[logic.QuizQuestion, ...],
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session, self._questions = store, session, questions
        self._choices: dict[str, w.RadioButtons] = {}
        rows: list[w.Widget] = []
        for number, q in enumerate(questions, start=1):
            radio = w.RadioButtons(options=[(c, i) for i, c in enumerate(q.choices)], value=None,
                                   layout=w.Layout(width="auto"))
            radio.add_class(f"cp-quiz-q-{q.id}")
            self._choices[q.id] = radio
            rows += [w.HTML(f"<p><strong>{number}. {escape(q.question)}</strong></p>"), radio]
        self._share = w.Checkbox(description=tx.QUIZ_SHARE, value=False, indent=False)
        self._share.add_class("cp-quiz-share")
        self._pseudonym = w.Text(description=tx.QUIZ_PSEUDONYM, layout=w.Layout(display="none"))
        self._pseudonym.add_class("cp-quiz-pseudonym")
        self._share.observe(self._on_share, names="value")
        self._submit = button(tx.QUIZ_SUBMIT, "cp-quiz-submit", "primary")
        self._submit.on_click(self._on_submit)
        self._result = w.HTML()
        self._result.add_class("cp-quiz-result")
        self._notice = Notice()
        self.add_class("cp-quiz")
        self.children = (w.HTML(f"<h2>{tx.QUIZ_TITLE}</h2><p>{tx.QUIZ_HELP}</p>"), *rows,
                         self._share, self._pseudonym, self._submit, self._notice, self._result)
        self.result: logic.QuizResult | None = None

    def _on_share(self, change: dict[str, Any]) -> None:
        self._pseudonym.layout.display = "" if change["new"] else "none"

    def answer(self, answers: Mapping[str, int], *, pseudonym: str | None = None) -> None:
        """Pick answers (question id → choice index) as a person would, then validate."""
        for qid, choice in answers.items():
            self._choices[qid].value = choice
        self._share.value = pseudonym is not None
        self._pseudonym.value = pseudonym or ""
        self._submit.click()

    @property
    def notice(self) -> Notice:
        """The quiz's message area."""
        return self._notice

    @guarded()
    def _on_submit(self, _button: w.Button) -> None:
        answers = {qid: radio.value for qid, radio in self._choices.items()}
        pseudonym = self._pseudonym.value if self._share.value else None
        self.result = logic.record_quiz(self._store, self._session, self._questions, answers,
                                        pseudonym=pseudonym)
        saved = (tx.QUIZ_SAVED_NAMED.format(name=" ".join(pseudonym.split()))
                 if pseudonym is not None else tx.QUIZ_SAVED_ANONYMOUS)
        self._notice.show(saved, "succes")
        self._submit.disabled = True
        score = tx.QUIZ_SCORE.format(correct=self.result.correct, total=self.result.total)
        lines = [f"<p><strong>{score}</strong></p><ol>"]
        for q in self._questions:
            given = self.result.answers[q.id]
            verdict = (tx.QUIZ_RIGHT if self.result.right[q.id] else
                       tx.QUIZ_SKIPPED if given is None else tx.QUIZ_WRONG)
            lines.append(f"<li>{escape(verdict.format(answer=q.choices[q.answer]))} "
                         f"{escape(q.explanation)} {_source(q.source)}</li>")
        self._result.value = "".join(lines) + "</ol>"


class IntroductionPage(SequencePage):
    """Glossary, timeline, Régies values, figures and quiz; the trainer sees the quiz results."""

    css_class = "cp-introduction"

    def __init__(self, store: Store, query: Mapping[str, str] | None = None,
                 **kwargs: Any) -> None:
        self.quiz: QuizForm | None = None
        self.glossary: GlossaryView | None = None
        self._results = w.HTML()
        self._results.add_class("cp-quiz-results")
        super().__init__(store, query, title=tx.PAGE_TITLE, **kwargs)

    @override
    def build_participant(self, session: str) -> list[w.Widget]:
        history = logic.history()
        self.glossary = GlossaryView(logic.glossary())
        timeline = w.HTML(f"<h2>{tx.TIMELINE_TITLE}</h2>{timeline_html(history)}")
        timeline.add_class("cp-timeline")
        regies = w.HTML(regies_html(history))
        regies.add_class("cp-regies-values")
        figures = w.HTML(figures_html(history))
        self.quiz = QuizForm(self._store, session, logic.quiz())
        return [self.glossary, timeline, regies, figures, self.quiz]

    @override
    def build_trainer(self) -> list[w.Widget]:
        self.refresh()
        return [w.HTML(f"<h3>{tx.QUIZ_RESULTS_TITLE}</h3>"), self._results]

    @guarded()
    def refresh(self) -> None:
        """Re-read the quiz answers for the trainer."""
        if self.session is None or not self.gate.unlocked:
            return
        records = logic.quiz_records(self._store, self.session.code)
        if not records:
            self._results.value = f"<p>{tx.QUIZ_RESULTS_NONE}</p>"
            return
        frame = logic.quiz_summary(records, logic.quiz())
        rows = "".join(
            f"<tr><td>{escape(r[tx.COL_QUESTION])}</td><td>{int(r[tx.COL_ANSWERS])}</td>"
            f"<td>{percent(r[tx.COL_SHARE])}</td></tr>"
            for _, r in frame.iterrows())
        named = sum(bool(r.author) for r in records)
        self._results.value = (
            f"<p>{tx.QUIZ_RESULTS_COUNT.format(count=len(records), named=named)}</p>"
            f"<table><tr><th>{tx.COL_QUESTION}</th><th>{tx.COL_ANSWERS}</th>"
            f"<th>{tx.COL_SHARE}</th></tr>{rows}</table>")
