"""A number field that reads « 0,3 » and « 1 234,5 » and says in French what it refuses."""

from __future__ import annotations

from typing import Any

import ipywidgets as w
import traitlets

from companion.core.errors import InputError
from companion.core.numbers import format_decimal, parse_decimal
from companion.widgets.base import Notice


class DecimalField(w.VBox):
    """A text field holding a number in its ``value`` trait (a float).

    What is typed is read on Enter or when the field is left (:func:`parse_decimal`): a number
    updates ``value``; anything else, or a number out of range, shows a French message under
    the field and keeps the last good value. Setting ``value`` shows it the French way.
    ``name`` names the field in messages when it has no ``description`` (a table's cell).
    """

    value = traitlets.Float(0.0, help="The last number read from the field.")

    def __init__(self, value: float = 0.0, *, description: str = "", name: str = "",
                 minimum: float | None = None, maximum: float | None = None,
                 percent: bool = False, style: dict[str, str] | None = None,
                 layout: w.Layout | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._field = name or description  # the messages name the field
        self._bounds = (minimum, maximum)
        self._percent = percent
        self._text = w.Text(value=format_decimal(value), description=description,
                            continuous_update=False, style=style or {},
                            layout=layout or w.Layout())
        self._error = Notice()
        self._error.add_class("cp-number-error")
        self._reading = False
        self.value = float(value)
        self._text.observe(self._on_text, names="value")
        self.observe(self._on_value, names="value")
        self.add_class("cp-number")
        self.children = (self._text, self._error)

    @property
    def text(self) -> str:
        """What the field shows."""
        return str(self._text.value)

    @property
    def error(self) -> str:
        """The message of the last refused entry ('' when the field is fine)."""
        return str(self._error.text)

    def type(self, text: str) -> None:
        """Put ``text`` in the field, as a person typing then leaving it."""
        self._text.value = text

    def _on_text(self, change: dict[str, Any]) -> None:
        low, high = self._bounds
        try:
            number = parse_decimal(str(change["new"]), field=self._field, minimum=low,
                                   maximum=high, percent=self._percent)
        except InputError as refused:
            self._error.show(str(refused), "erreur")
            return
        self._error.clear()
        self._reading = True
        try:
            self.value = number
        finally:
            self._reading = False

    def _on_value(self, change: dict[str, Any]) -> None:
        if not self._reading:
            self._error.clear()
            self._text.value = format_decimal(float(change["new"]))
