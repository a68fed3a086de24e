"""A question and « Confirmer » / « Annuler » before a trainer action that is hard to undo."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w
import traitlets

from companion.core.safety import escape
from companion.texts import confirm as tx
from companion.widgets.base import button


class Confirmation(w.VBox):
    """Asks before an action; runs it only on « Confirmer » (the action re-checks the gate).

    Empty while nothing is asked. ``question`` is the pending question ('' when none).
    """

    question = traitlets.Unicode("", help="The question waiting for an answer ('' when none).")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._action: Callable[[], Any] | None = None
        self._text = w.HTML()
        self._yes = button(tx.CONFIRM, "cp-confirm-yes", "danger")
        self._no = button(tx.CANCEL, "cp-confirm-no")
        self._yes.on_click(lambda _b: self.confirm())
        self._no.on_click(lambda _b: self.cancel())
        self.add_class("cp-confirm")
        self._close()

    def ask(self, question: str, action: Callable[[], Any]) -> None:
        """Show ``question``; ``action`` runs if the trainer confirms."""
        self._action, self.question = action, question
        self._text.value = f'<p role="alert"><strong>{escape(question)}</strong></p>'
        self.children = (self._text, w.HBox([self._yes, self._no]))

    def confirm(self) -> Any:
        """Run the pending action (nothing pending: nothing happens) and close the question."""
        action, self._action = self._action, None
        self._close()
        return action() if action is not None else None

    def cancel(self) -> None:
        """Drop the pending action."""
        self._action = None
        self._close()

    def _close(self) -> None:
        self.question = ""
        self.children = tuple[w.Widget, ...]()
