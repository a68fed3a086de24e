"""Icebreaker widgets: the participant's registration and expectations, the trainer's board."""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import traitlets

from companion import icebreaker as logic
from companion.charts import bar_counts
from companion.model import TRAINER, Participant
from companion.render import bullet_list, word_cloud_html
from companion.store import Store
from companion.texts import home as th
from companion.widgets.common import FigureView, Notice, button, guarded


class RegistrationForm(w.VBox):
    """A participant registers: pseudonym (optional), function (list or free), territory."""

    participant = traitlets.Instance(Participant, allow_none=True, help="Who registered here.")

    def __init__(self, store: Store, session: str, functions: tuple[str, ...], **kwargs: Any):
        super().__init__(**kwargs)
        self._store, self._session = store, session
        self._pseudonym = w.Text(
            description=th.FIELD_PSEUDONYM, style={"description_width": "12em"}
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


class ParticipantsBoard(w.VBox):
    """The trainer's live view: count, charts by function and territory, expectations."""

    def __init__(self, store: Store, session: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session = store, session
        self._count = w.HTML()
        self._count.add_class("cp-participant-count")
        self._by_function = FigureView()
        self._by_territory = FigureView()
        self._cloud = w.HTML()
        self._cloud.add_class("cp-expectation-cloud")
        self._raw = w.HTML()
        self._raw.add_class("cp-expectation-list")
        self._remove_choice = w.Dropdown(
            description=th.REMOVE_PARTICIPANT, style={"description_width": "12em"}
        )
        self._remove = button(th.REMOVE_PARTICIPANT, "cp-remove-participant", "warning")
        self._remove.on_click(self._on_remove)
        self._notice = Notice()
        self.add_class("cp-participants-board")
        self.children = (
            w.HTML(f"<h3>{th.PARTICIPANTS_TITLE}</h3>"),
            self._count,
            w.HBox([self._by_function, self._by_territory]),
            w.HTML(f"<h3>{th.WORD_CLOUD_TITLE}</h3>"),
            self._cloud,
            w.HTML(f"<h4>{th.RAW_LIST_TITLE}</h4>"),
            self._raw,
            w.HBox([self._remove_choice, self._remove]),
            self._notice,
        )
        self.participants: list[Participant] = []
        self.refresh()

    def refresh(self) -> None:
        """Re-read participants and expectations from the store."""
        self.participants = self._store.list_participants(self._session)
        frame = logic.participants_frame(self.participants)
        count = len(self.participants)
        self._count.value = (
            f"<p><strong>{th.PARTICIPANTS_COUNT.format(count=count)}</strong></p>"
            if count
            else f"<p>{th.NO_PARTICIPANT}</p>"
        )
        self._by_function.show(
            bar_counts(
                logic.counts_by(frame, "fonction"),
                "fonction",
                title=th.CHART_BY_FUNCTION,
                category_label=th.AXIS_FUNCTION,
                count_label=th.AXIS_COUNT,
            )
        )
        self._by_territory.show(
            bar_counts(
                logic.counts_by(frame, "territoire"),
                "territoire",
                title=th.CHART_BY_TERRITORY,
                category_label=th.AXIS_TERRITORY,
                count_label=th.AXIS_COUNT,
            )
        )
        expectations = logic.expectations(self._store, self._session)
        self.expectation_texts = [str(r.get("text", "")) for r in expectations]
        self._cloud.value = word_cloud_html(logic.expectation_words(expectations)) or (
            f"<p>{th.NO_EXPECTATION}</p>"
        )
        self._raw.value = bullet_list(self.expectation_texts)
        self._remove_choice.options = [
            (f"{p.display_name} — {p.function}, {p.territory}", p.id) for p in self.participants
        ]

    @guarded()
    def _on_remove(self, _button: w.Button) -> None:
        if self._remove_choice.value:
            self._store.remove_participant(self._remove_choice.value, actor=TRAINER)
            self._notice.show(th.REMOVED, "succes")
            self.refresh()
