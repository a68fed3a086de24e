"""The one cleaning rule for text a person typed, before it reaches the store."""

from __future__ import annotations

from companion.core.errors import InputError
from companion.texts import common as tc


def clean_text(value: str | None, *, limit: int, required: bool, field: str) -> str:
    """Return ``value`` stripped; refuse it (French message) when empty or too long.

    Control characters are removed; everything else (emoji, accents, right-to-left text,
    angle brackets) is kept as typed: it is escaped where shown, never here.
    """
    text = "".join(c for c in (value or "") if c.isprintable() or c in "\n\t").strip()
    if required and not text:
        raise InputError(tc.FIELD_EMPTY.format(field=field))
    if len(text) > limit:
        raise InputError(f"{field} : " + tc.TOO_LONG.format(length=len(text), limit=limit))
    return text
