"""User text is data, never markup: escaping for HTML and neutralising for spreadsheets."""

from __future__ import annotations

import html
from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def escape(text: Any) -> str:
    """Return ``text`` as inert HTML (``<``, ``>``, ``&`` and quotes escaped)."""
    return html.escape("" if text is None else str(text), quote=True)


def neutralise_cell(value: Any) -> Any:
    """Return a spreadsheet-safe value; numbers and None pass unchanged.

    Text that a spreadsheet would read as a formula is prefixed with an apostrophe (OWASP « CSV
    injection »); control characters (which the XLSX format cannot hold) are removed.
    """
    if isinstance(value, str):
        from companion.core.text import strip_controls

        value = strip_controls(value)
        if value.lstrip(" ").startswith(FORMULA_PREFIXES):
            return "'" + value
    return value
