"""The trainer's live view of the icebreaker.

Count, charts by function and territory, word cloud and raw list of expectations, removal of
a registration.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from companion.charts import bar_counts
from companion.core.html import bullet_list, word_cloud_html
from companion.core.model import TRAINER, Participant
from companion.home import icebreaker as logic
from companion.store import Store
from companion.texts import confirm as tconfirm
from companion.texts import home as th
from companion.widgets.base import FigureView, Notice, TrainerGate, button, trainer_only
from companion.widgets.confirm import Confirmation


class ParticipantsBoard(w.VBox):
    """The trainer's live view: count, charts by function and territory, expectations."""

    def __init__(self, store: Store, session: str, gate: TrainerGate | None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session, self.gate = store, session, gate
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
        self.confirmation = Confirmation()
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
            self.confirmation,
            self._notice,
        )
        self.participants: list[Participant] = []
        self.refresh()

    def refresh(self) -> None:
        """Re-read participants and expectations from the store."""
        participants = self._store.list_participants(self._session)
        if participants != self.participants or self._by_function.figure is None:
            self.participants = participants
            self._show_participants()  # charts are redrawn only when registrations changed
        self._show_expectations()

    def _show_participants(self) -> None:
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
        self._remove_choice.options = [
            (f"{p.display_name} — {p.function}, {p.territory}", p.id) for p in self.participants
        ]

    def _show_expectations(self) -> None:
        expectations = logic.expectations(self._store, self._session)
        self.expectation_texts = [str(r.get("text", "")) for r in expectations]
        self._cloud.value = word_cloud_html(logic.expectation_words(expectations)) or (
            f"<p>{th.NO_EXPECTATION}</p>"
        )
        self._raw.value = bullet_list(self.expectation_texts)

    @trainer_only()
    def _on_remove(self, _button: w.Button) -> None:
        chosen = self._remove_choice.value
        if chosen:
            name = next((p.display_name for p in self.participants if p.id == chosen), chosen)
            self.confirmation.ask(tconfirm.REMOVE_PARTICIPANT.format(name=name),
                                  lambda: self._remove_participant(chosen))

    @trainer_only()
    def _remove_participant(self, participant_id: str) -> None:
        """Remove a registration (archived, and noted in the store's audit trail)."""
        self._store.remove_participant(participant_id, actor=TRAINER)
        self._notice.show(th.REMOVED, "succes")
        self.refresh()
