"""The round-table page: programme questions, questions from the room, the trainer's notes.

Programme questions come one by one; questions from the room get upvotes (ordered live) and
answered marks.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as w
from typing_extensions import override

from companion.core.safety import escape
from companion.core.visitor import chosen_pseudonym, visitor_id
from companion.roundtable import questions as logic
from companion.store import Store
from companion.texts import roundtable as tx
from companion.widgets.base import Notice, button, guarded, trainer_only
from companion.widgets.page import SequencePage


class QuestionCard(w.HBox):
    """One question from the room: text, supports, upvote; answered/hide for the trainer."""

    def __init__(self, uid: str, on_action: Callable[[str, str], None], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.uid = uid
        self._text = w.HTML(layout=w.Layout(flex="1 1 auto"))
        self._text.add_class("cp-rt-text")
        self._votes = w.HTML()
        self._votes.add_class("cp-rt-votes")
        self._upvote = button(tx.UPVOTE, "cp-rt-upvote")
        self._answered = button(tx.MARK_ANSWERED, "cp-rt-answered", "success")
        self._hide = button(tx.HIDE, "cp-rt-hide", "warning")
        self._upvote.on_click(lambda _b: on_action("upvote", uid))
        self._answered.on_click(lambda _b: on_action("answered", uid))
        self._hide.on_click(lambda _b: on_action("hide", uid))
        self.add_class("cp-rt-card")
        self.layout = w.Layout(border="1px solid #d6eaf8", padding="4px", margin="3px 0",
                               align_items="center")
        self.children = (self._votes, self._text, self._upvote)
        self.question: logic.RoomQuestion | None = None

    def update(self, q: logic.RoomQuestion, *, voter: str, trainer: bool, topic: str) -> None:
        """Show ``q``; the upvote is disabled once this page supported it or wrote it."""
        self.question = q
        author = q.author or tx.ANONYMOUS
        about = f" <small>({escape(tx.ABOUT.format(topic=topic))})</small>" if topic else ""
        state = f" <strong>[{tx.ANSWERED}]</strong>" if q.answered else ""
        self._text.value = (f"<span class='cp-rt-question'>{escape(q.text)}</span>{state}"
                            f"<br><small>— {escape(author)}</small>{about}")
        self._votes.value = (f"<span style='font-size:1.3em;padding:0 .5em'>{q.votes}</span>"
                             f"<span style='display:none'>{tx.VOTES.format(count=q.votes)}</span>")
        mine = voter in q.voters or voter == q.asker
        self._upvote.disabled = mine or q.answered
        self._upvote.description = tx.UPVOTED if voter in q.voters else tx.UPVOTE
        self._answered.description = tx.MARK_OPEN if q.answered else tx.MARK_ANSWERED
        if q.answered:
            self.add_class("cp-rt-card-answered")
        else:
            self.remove_class("cp-rt-card-answered")
        children = [self._votes, self._text, self._upvote]
        if trainer:
            children += [self._answered, self._hide]
        if tuple(children) != self.children:
            self.children = tuple(children)

    def click(self, action: str) -> None:
        """Press « upvote », « answered » or « hide » (tests)."""
        {"upvote": self._upvote, "answered": self._answered, "hide": self._hide}[action].click()


class RoundTablePage(SequencePage):
    """Everyone sees the current question and the room's questions, ordered live by support."""

    css_class = "cp-roundtable"

    def visitor_arrived(self) -> None:
        """Upvote as this browser (the same after a reload), not as the preheated page."""
        self.voter: str = visitor_id() or self.voter

    def __init__(self, store: Store, query: Mapping[str, str] | None = None, *,
                 table: logic.RoundTable | None = None, **kwargs: Any) -> None:
        self.table = table or logic.round_table()
        self.voter = visitor_id() or uuid.uuid4().hex  # the browser, else this page
        self.cards: dict[str, QuestionCard] = {}
        self.order: list[str] = []
        self._current = w.HTML()
        self._current.add_class("cp-rt-current")
        self._list = w.VBox()
        self._list.add_class("cp-rt-list")
        self._ask = w.Textarea(placeholder=tx.ASK_PLACEHOLDER,
                               layout=w.Layout(width="100%", height="4em"))
        self._ask.add_class("cp-rt-ask")
        self._pseudonym = w.Text(value=chosen_pseudonym(), description=tx.ASK_PSEUDONYM,
                                 style={"description_width": "12em"})
        self._pseudonym.add_class("cp-rt-pseudonym")
        self._pseudonym.add_class("cp-keep")  # stays filled: a page may follow the trainer
        self._ask_submit = button(tx.ASK_SUBMIT, "cp-rt-ask-submit", "primary")
        self._ask_submit.on_click(self._on_ask)
        self._ask_notice = Notice()
        self._note = w.Textarea(placeholder=tx.NOTE_PLACEHOLDER,
                                layout=w.Layout(width="100%", height="8em"))
        self._note.add_class("cp-rt-note")
        self._notes_all = w.HTML()
        self._trainer_notice = Notice()
        self._index = 0
        self._note_topic = ""
        super().__init__(store, query, title=tx.PAGE_TITLE, **kwargs)
        self.refresh()

    # --- building ---------------------------------------------------------------------------
    @override
    def build_participant(self, session: str) -> list[w.Widget]:
        speakers = "".join(f"<li>{escape(s)}</li>" for s in self.table.speakers)
        ask = w.VBox([w.HTML(f"<h3>{tx.ASK_TITLE}</h3>"), self._ask, self._pseudonym,
                      self._ask_submit, self._ask_notice])
        ask.add_class("cp-rt-ask-form")
        return [w.HTML(f"<details><summary>{tx.SPEAKERS}</summary><ul>{speakers}</ul>"
                       f"<small>{escape(self.table.source)}</small></details>"),
                self._current, ask, w.HTML(f"<h3>{tx.LIST_TITLE}</h3>"), self._list]

    @override
    def build_trainer(self) -> list[w.Widget]:
        previous = button(tx.PREVIOUS, "cp-rt-prev")
        following = button(tx.NEXT, "cp-rt-next", "info")
        save = button(tx.NOTE_SAVE, "cp-rt-note-save", "primary")
        previous.on_click(lambda _b: self.move(-1))
        following.on_click(lambda _b: self.move(+1))
        save.on_click(self._on_save_note)
        self._load_note(force=True)
        return [w.HBox([previous, following]), w.HTML(f"<h3>{tx.NOTE_TITLE}</h3>"), self._note,
                save, self._trainer_notice, w.HTML(f"<h3>{tx.NOTES_ALL}</h3>"), self._notes_all]

    # --- actions ----------------------------------------------------------------------------
    def ask(self, text: str, pseudonym: str = "") -> None:
        """Type a question and send it (tests)."""
        self._ask.value, self._pseudonym.value = text, pseudonym
        self._ask_submit.click()

    @property
    def ask_notice(self) -> Notice:
        """The message area under the question form."""
        return self._ask_notice

    @guarded("_ask_notice")
    def _on_ask(self, _button: w.Button) -> None:
        if self.session is None:
            return
        topic = self.table.topics[self._index].id
        logic.ask(self._store, self.session.code, self._ask.value, topic=topic,
                  author=self._pseudonym.value, voter=self.voter)
        self._ask.value = ""
        self._ask_notice.show(tx.ASK_SAVED, "succes")
        self.touch()
        self.refresh()

    @guarded("_ask_notice")
    def _on_card(self, action: str, uid: str) -> None:
        if self.session is None:
            return
        self.touch()
        if action == "upvote":
            logic.upvote(self._store, self.session.code, uid, self.voter)
        elif action in ("answered", "hide"):
            self.gate.require()  # checked here too: the buttons are only hidden from others
        if action == "answered":
            card = self.cards[uid]
            answered = not (card.question is not None and card.question.answered)
            logic.mark_answered(self._store, uid, answered)
            self._ask_notice.show(tx.ANSWERED_DONE if answered else tx.REOPENED, "succes")
        elif action == "hide":
            logic.hide(self._store, uid)
            self._ask_notice.show(tx.HIDDEN_DONE, "succes")
        self.refresh()

    @trainer_only("_trainer_notice")
    def move(self, step: int) -> None:
        """Show the previous (-1) or next (+1) programme question on every page."""
        if self.session is None:
            return
        self.touch()
        self._index = logic.set_current(self._store, self.session.code, self.table,
                                        self._index + step)
        self.refresh()

    @trainer_only("_trainer_notice")
    def _on_save_note(self, _button: w.Button) -> None:
        if self.session is None:
            return
        self.touch()
        topic = self.table.topics[self._index].id
        logic.save_note(self._store, self.session.code, topic, self._note.value)
        self._trainer_notice.show(tx.NOTE_SAVED, "succes")
        self.refresh()

    def save_note(self, text: str) -> None:
        """Type a note on the current question and save it (tests)."""
        self._note.value = text
        self._on_save_note(None)

    # --- live view --------------------------------------------------------------------------
    def _load_note(self, force: bool = False) -> None:
        topic = self.table.topics[self._index].id
        if self.session is None or (topic == self._note_topic and not force):
            return
        self._note_topic = topic
        saved = logic.notes(self._store, self.session.code).get(topic)
        self._note.value = str(saved.get("text", "")) if saved else ""

    def refresh(self) -> None:
        """Re-read the current question and the room's questions; reorder the cards."""
        if self.session is None:
            return
        code = self.session.code
        self._index = logic.current_index(self._store, code, self.table)
        topic = self.table.topics[self._index]
        self._current.value = (
            f"<div style='font-size:1.25em;border-left:5px solid #1b4f72;padding:.4em .8em'>"
            f"<small>{tx.CURRENT.format(number=self._index + 1, total=len(self.table.topics))}"
            f" — {escape(topic.title)}</small><br><strong>{escape(topic.question)}</strong></div>")
        titles = {t.id: t.title for t in self.table.topics}
        trainer = self.gate.unlocked
        questions = logic.room_questions(self._store, code)
        for q in questions:
            card = self.cards.get(q.uid)
            if card is None:
                card = self.cards[q.uid] = QuestionCard(q.uid, self._on_card)
            card.update(q, voter=self.voter, trainer=trainer, topic=titles.get(q.topic, ""))
        self.order = [q.uid for q in questions]
        children = tuple(self.cards[uid] for uid in self.order) or (
            w.HTML(f"<p>{tx.NO_QUESTION}</p>"),)
        if children != self._list.children:
            self._list.children = children
        if trainer:
            self._load_note()
            saved = logic.notes(self._store, code)
            self._notes_all.value = "<ul>" + "".join(
                f"<li><strong>{escape(t.title)}</strong> : "
                f"{escape(saved[t.id].get('text', '')) if t.id in saved else tx.NO_NOTE}</li>"
                for t in self.table.topics) + "</ul>"
