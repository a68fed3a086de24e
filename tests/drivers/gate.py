"""The trainer gate (:class:`~companion.widgets.base.TrainerGate`), driven as a trainer types
the code."""

from __future__ import annotations

import ipywidgets as w

from companion.texts import common as tc
from companion.widgets.base import TrainerGate
from tests.drivers.widgets import WidgetDriver


class GateDriver:
    """Unfold « Espace formateur » (on a page), type the trainer code, press
    « Déverrouiller »."""

    def __init__(self, gate: TrainerGate, page: w.Widget | None = None) -> None:
        self.gate = gate
        self.ui = WidgetDriver(gate, "code formateur")
        self.page = WidgetDriver(page, "page") if page is not None else None
        self.code_field = self.ui.field(tc.TRAINER_CODE_PLACEHOLDER) if not gate.unlocked \
            else None  # kept: the open gate takes the field off the page, not out of the kernel

    def unfold(self) -> None:
        """Press the page's discreet « Espace formateur » button if the gate is folded."""
        if self.page is not None and not self.page.shows(self.gate):
            self.page.click(tc.TRAINER_PANEL_TITLE)
            assert self.page.shows(self.gate), "« Espace formateur » did not show the gate"

    def unlock(self, code: str) -> None:
        """Type ``code`` in the code field and press the unlock button."""
        self.unfold()
        self.ui.type(tc.TRAINER_CODE_PLACEHOLDER, code)
        self.ui.click(tc.TRAINER_UNLOCK)

    def typed_code(self) -> str:
        """What the code field holds, on the page or not (a typed code must not stay)."""
        assert self.code_field is not None, "the gate was open from the start: no code field"
        return str(self.code_field.value)

    def notice_text(self) -> str:
        """The gate's message."""
        return self.ui.notice_text()
