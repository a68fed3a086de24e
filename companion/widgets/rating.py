"""A rating as a row of buttons (1 … 5): each a named, 44-pixel touch target.

A slider's handle has no accessible name (axe-core: ``aria-input-field-name``) and is fiddly
on a phone; a row of toggle buttons says its number, works with the keyboard and a finger.
"""

from __future__ import annotations

from typing import Any

import ipywidgets as w

TOUCH = "44px"


def rating_buttons(low: int, high: int, value: int, description: str,
                   **kwargs: Any) -> w.ToggleButtons:
    """Return toggle buttons for the whole numbers ``low`` … ``high``; ``value`` is the rating."""
    buttons = w.ToggleButtons(
        options=[(str(n), n) for n in range(low, high + 1)],
        value=value,
        description=description,
        tooltips=[f"{description} : {n}" for n in range(low, high + 1)],
        style={"button_width": TOUCH, "description_width": "initial"},
        **kwargs,
    )
    buttons.add_class("cp-rating")
    return buttons
