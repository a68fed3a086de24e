"""Joining a session: session codes, join URLs and their QR code. Pure.

segno loads only where a QR code is drawn: every page reads this module (its links), few draw.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlencode

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud in a room


def new_session_code(length: int = 6) -> str:
    """Return a short session code easy to read aloud."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def new_trainer_code(length: int = 8) -> str:
    """Return a trainer code (random, from the same readable alphabet)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))


def join_url(base_url: str, notebook: str, session: str, group: str | None = None, *,
             follow: bool = False) -> str:
    """Return the URL of a notebook page for a session (and a subgroup).

    With ``follow``, the page follows the activity the trainer opens (:data:`FOLLOW_PARAMETER`).
    """
    query = {"session": session}
    if group:
        query["groupe"] = group
    if follow:
        query[FOLLOW_PARAMETER] = "1"
    return f"{base_url.rstrip('/')}/voila/render/{notebook}?{urlencode(query)}"


def qr_svg(url: str, *, scale: int = 4) -> str:
    """Return the QR code of ``url`` as an inline SVG string (no external resource)."""
    import segno

    return segno.make(url, error="m").svg_inline(scale=scale, dark="#1b2631", light="#ffffff")


def qr_text(url: str) -> str:
    """Return the QR code of ``url`` drawn with block characters, for a terminal."""
    import segno

    qr = segno.make(url, error="m")
    lines = []
    matrix = [list(row) for row in qr.matrix_iter(border=2)]
    for top, bottom in zip(matrix[::2], [*matrix[1::2], [0] * len(matrix[0])], strict=False):
        line = ""
        for a, b in zip(top, bottom, strict=True):
            line += {(1, 1): "█", (1, 0): "▀", (0, 1): "▄", (0, 0): " "}[(a, b)]
        lines.append(line)
    return "\n".join(lines)


JOIN_PATH = "companion/rejoindre"
"""The room's one address (server path): type the session code, land on the activity."""
FOLLOW_PARAMETER = "suivre"
"""In a page's query: the page follows the activity the trainer opens (set by the join page)."""
MAX_CODE = 12


def join_page_url(base_url: str, session: str | None = None) -> str:
    """Return the address of the join page (with the session code when it is known)."""
    suffix = f"?{urlencode({'session': session})}" if session else ""
    return f"{base_url.rstrip('/')}/{JOIN_PATH}{suffix}"


def normalise_code(typed: str | None) -> str:
    """Return a typed session code as stored: letters and digits only, upper case.

    A code read aloud or copied from the board may come with spaces, dashes or in lower case
    (« suivi 1 », « SUI-VI1 »). Anything else is dropped; at most :data:`MAX_CODE` characters.
    """
    kept = "".join(c for c in (typed or "") if c.isascii() and c.isalnum())
    return kept.upper()[:MAX_CODE]
