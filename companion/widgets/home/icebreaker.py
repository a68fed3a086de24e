"""Icebreaker widgets: a participant registers and gives expectations (light: no charts)."""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import traitlets

from companion.core.model import Participant
from companion.core.visitor import chosen_pseudonym
from companion.home import icebreaker as logic
from companion.store import Store
from companion.texts import home as th
from companion.widgets.base import Notice, button, guarded


class RegistrationForm(w.VBox):
    """A participant registers: pseudonym (optional), function (list or free), territory."""

    participant = traitlets.Instance(Participant, allow_none=True, help="Who registered here.")

    def __init__(self, store: Store, session: str, functions: tuple[str, ...], **kwargs: Any):
        super().__init__(**kwargs)
        self._store, self._session = store, session
        self._pseudonym = w.Text(  # the pseudonym chosen on the join page, if any
            value=chosen_pseudonym(), description=th.FIELD_PSEUDONYM,
            style={"description_width": "12em"},
        )
        self._function = w.Dropdown(
            options=[*functions, th.FUNCTION_OTHER],
            value=None,
            description=th.FIELD_FUNCTION,
            style={"description_width": "12em"},
        )
        self._function_other = w.Text(
            description=th.FIELD_FUNCTION_OTHER,
            style={"description_width": "12em"},
            layout=w.Layout(display="none"),
        )
        self._territory = w.Text(
            description=th.FIELD_TERRITORY, style={"description_width": "12em"}
        )
        self._submit = button(th.REGISTER_BUTTON, "cp-register-submit", "primary")
        self._notice = Notice()
        self._pseudonym.add_class("cp-register-pseudonym")
        self._pseudonym.add_class("cp-keep")  # stays filled: a page may follow the trainer
        self._function.add_class("cp-register-function")
        self._function_other.add_class("cp-register-function-other")
        self._territory.add_class("cp-register-territory")
        self._function.observe(self._on_function, names="value")
        self._submit.on_click(self._on_submit)
        self.add_class("cp-register")
        self.children = (
            w.HTML(f"<h3>{th.REGISTER_TITLE}</h3>"),
            self._pseudonym,
            self._function,
            self._function_other,
            self._territory,
            self._submit,
            self._notice,
        )

    def _on_function(self, change: dict[str, Any]) -> None:
        other = change["new"] == th.FUNCTION_OTHER
        self._function_other.layout.display = "" if other else "none"

    def fill(self, pseudonym: str = "", function: str = "", territory: str = "") -> None:
        """Fill the form as a person would (free-text function when not in the list)."""
        self._pseudonym.value = pseudonym
        if function in self._function.options:
            self._function.value = function
        else:
            self._function.value = th.FUNCTION_OTHER
            self._function_other.value = function
        self._territory.value = territory

    def submit(self) -> None:
        """Press the registration button."""
        self._submit.click()

    @property
    def notice(self) -> Notice:
        """The form's message area."""
        return self._notice

    @guarded()
    def _on_submit(self, _button: w.Button) -> None:
        function = self._function.value or ""
        if function == th.FUNCTION_OTHER:
            function = self._function_other.value
        participant = logic.register(
            self._store,
            self._session,
            pseudonym=self._pseudonym.value,
            function=function,
            territory=self._territory.value,
        )
        self.participant = participant
        self._notice.show(th.REGISTERED.format(name=participant.display_name), "succes")
        self._submit.disabled = True
        for field in (self._pseudonym, self._function, self._function_other, self._territory):
            field.disabled = True


class ExpectationsForm(w.VBox):
    """A participant gives expectations, one per sending."""

    participant = traitlets.Instance(Participant, allow_none=True)

    def __init__(self, store: Store, session: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session = store, session
        self._text = w.Textarea(
            placeholder=th.EXPECTATIONS_HELP, layout=w.Layout(width="100%", height="5em")
        )
        self._text.add_class("cp-expectation-text")
        self._submit = button(th.EXPECTATION_BUTTON, "cp-expectation-submit", "primary")
        self._submit.on_click(self._on_submit)
        self._notice = Notice()
        self.add_class("cp-expectations")
        self.children = (
            w.HTML(f"<h3>{th.EXPECTATIONS_TITLE}</h3>"),
            self._text,
            self._submit,
            self._notice,
        )

    def send(self, text: str) -> None:
        """Type ``text`` and press the button."""
        self._text.value = text
        self._submit.click()

    @property
    def notice(self) -> Notice:
        """The form's message area."""
        return self._notice

    @guarded()
    def _on_submit(self, _button: w.Button) -> None:
        logic.add_expectation(
            self._store, self._session, self._text.value, participant=self.participant
        )
        self._text.value = ""
        self._notice.show(th.EXPECTATION_SAVED, "succes")
