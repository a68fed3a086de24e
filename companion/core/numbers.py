"""Numbers typed the French way: « 0,3 », « 1 234,5 », « 3,5 % » (and the English « 0.3 »).

Browsers read ``<input type="number">`` by the page's language and lose a decimal comma (« 0,3 »
became 1 in an SROI field); the number fields of the companion are text fields read by
:func:`parse_decimal`, which refuses anything else with a French message naming the field.
"""

from __future__ import annotations

import math
import re

from companion.core.errors import InputError
from companion.texts import numbers as tx

SPACES = re.compile(r"[\s\u00a0\u202f']")
PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
MINUS = "\u2212"


def format_number(value: float, decimals: int = 0) -> str:
    """Return ``value`` to show, the French way: « 4 760 250 », « 66,7 », « −1 234,5 ».

    Fixed ``decimals``, narrow no-break spaces between thousands and a true minus sign; for the
    value of a field, which the visitor edits, see :func:`format_decimal`.
    """
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u202f").replace(".", ",").replace("-", "\u2212")


def format_decimal(value: float, decimals: int = 6) -> str:
    """Return ``value`` the French way, without trailing zeros: « 1 234,5 », « 0,035 »."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(",", "\u202f").replace(".", ",")


def parse_decimal(
    text: str,
    *,
    field: str,
    minimum: float | None = None,
    maximum: float | None = None,
    percent: bool = False,
) -> float:
    """Return the number typed in ``text``, or raise :class:`InputError` naming ``field``.

    Accepts a decimal comma or point, spaces (also no-break) or a dot as thousands separators
    when a comma is the decimal mark, a leading ``−``, a trailing « € »; with ``percent``, a
    trailing « % » divides by 100 (« 3,5 % » is 0.035).
    """
    shown = text.strip()
    raw = SPACES.sub("", shown).replace(MINUS, "-").removesuffix("€")
    if not raw:
        raise InputError(tx.EMPTY.format(field=field))
    scale = 1.0
    if percent and raw.endswith("%"):
        raw, scale = raw[:-1], 0.01
    if "," in raw and "." in raw:  # the last mark is the decimal one: « 1.234,5 », « 1,234.5 »
        decimal = "," if raw.rfind(",") > raw.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        raw = raw.replace(thousands, "").replace(decimal, ".")
    else:
        raw = raw.replace(",", ".")
    if not PLAIN.fullmatch(raw):
        raise InputError(tx.NOT_A_NUMBER.format(field=field, text=shown[:40]))
    value = float(raw) * scale
    if not math.isfinite(value):
        raise InputError(tx.NOT_A_NUMBER.format(field=field, text=shown[:40]))
    low, high = minimum, maximum
    if (low is not None and value < low) or (high is not None and value > high):
        typed = format_decimal(value)
        if low is not None and high is not None:
            message = tx.OUT_OF_RANGE.format(field=field, low=format_decimal(low),
                                             high=format_decimal(high), value=typed)
        elif low is not None:
            message = tx.TOO_LOW.format(field=field, low=format_decimal(low), value=typed)
        else:
            message = tx.TOO_HIGH.format(field=field, high=format_decimal(high or 0), value=typed)
        raise InputError(message)
    return value
