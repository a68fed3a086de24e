r"""The one cleaning rule for text that enters the store (typed, in an address, imported).

:func:`strip_controls` removes what no person means to type and what breaks the store or the
exports: NUL, BEL, ESC and the other C0/C1 control characters (line breaks and tabs are kept,
``\r\n`` becomes ``\n``), the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
U+2066–U+2069: they make a name read backwards), lone surrogates and the non-characters
U+FFFE/U+FFFF. Everything else (emoji and their joiners, accents, right-to-left text and its
marks, angle brackets, formula signs) is kept as typed: it is escaped where shown and
neutralised where exported, never altered here.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from companion.core.errors import InputError
from companion.texts import common as tc

BIDI_CONTROLS = frozenset(
    chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))
)
NON_CHARACTERS = frozenset("\ufffe\uffff")


def _kept(c: str) -> bool:
    if c in "\n\r\t":
        return True
    if c in BIDI_CONTROLS or c in NON_CHARACTERS:
        return False
    return unicodedata.category(c) not in ("Cc", "Cs")


def strip_controls(value: str) -> str:
    """Return ``value`` without control characters nor bidi overrides (see the module)."""
    if value.isprintable():  # the common case: nothing to remove
        return value
    return "".join(c for c in value if _kept(c))


def clean_value(value: Any) -> Any:
    """Return ``value`` with :func:`strip_controls` applied to every text inside it.

    Texts are the strings, and the keys and values of dicts and lists, recursively; other
    values are returned as they are.
    """
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_value(v) for v in value]
    return value


def clean_text(value: str | None, *, limit: int, required: bool, field: str) -> str:
    """Return ``value`` stripped; refuse it (French message) when empty or too long.

    Control characters and bidi overrides are removed (:func:`strip_controls`); everything
    else is kept as typed.
    """
    text = strip_controls(value or "").strip()
    if required and not text:
        raise InputError(tc.FIELD_EMPTY.format(field=field))
    if len(text) > limit:
        raise InputError(f"{field} : " + tc.TOO_LONG.format(length=len(text), limit=limit))
    return text
