"""Which training session a page serves: one pure rule for every page.

The session named in the page's address (``?session=CODE``, never an archived one under a
server: :func:`page_session`), else the active session, else —
for a trainee alone (solo mode: no trainer code) on a page that offers one — a personal
session, created on first use. No widget here: pages call :func:`resolve_session`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from companion.core import config
from companion.core.errors import InputError
from companion.core.model import TRAINER, TrainingSession
from companion.store.base import Store
from companion.texts import common as tc

ERROR, INFO = "erreur", "info"


@dataclass(frozen=True)
class PersonalSession:
    """The session a trainee alone works in when none is active (code and title)."""

    code: str
    title: str


@dataclass(frozen=True)
class Resolution:
    """The outcome of :func:`resolve_session`.

    ``session`` is None when no session can be served; ``problem`` then says why, in French,
    at ``level`` (``erreur`` for a wrong code in the address, ``info`` when none is active).
    ``personal`` is True when the session is the trainee's personal one.
    """

    session: TrainingSession | None
    personal: bool = False
    problem: str = ""
    level: str = ""


def query_code(query: Mapping[str, str]) -> str:
    """Return the session code of a page's query (upper case, spaces trimmed), or ``""``."""
    return str(query.get("session", "") or "").strip().upper()


def page_session(store: Store, code: str) -> TrainingSession | None:
    """Return the session named ``code`` for a page, None when there is none.

    Under ``companion serve`` (which names the session it serves), a page writes only into
    that session or the active one: any other is archived (an earlier run of the course) and
    refused with a French message, so that an old link or a typed code never writes into it.
    Two servers on one PostgreSQL base each keep their own session. Outside a server (a
    notebook in JupyterLab, scripts) any existing session is accepted.
    """
    found = store.get_session(code)
    served = config.served_session()
    if found is None or served is None or found.active or found.code == served:
        return found
    raise InputError(tc.ARCHIVED_SESSION.format(code=code))


def resolve_session(store: Store, query: Mapping[str, str], *, solo: bool = False,
                    personal: PersonalSession | None = None) -> Resolution:
    """Return the session a page serves, from its query, the store and the solo mode.

    Parameters
    ----------
    store
        Where sessions are read (and a personal session created).
    query
        The page's query parameters; only ``session`` is read.
    solo
        True for a trainee alone (no trainer code configured).
    personal
        The personal session this page falls back to in solo mode when none is active
        (created if needed); None: such a page simply says that no session is active.
    """
    code = query_code(query)
    if code:
        try:
            found = page_session(store, code)
        except InputError as refused:  # archived
            return Resolution(None, problem=str(refused), level=ERROR)
        if found is None:
            return Resolution(None, problem=tc.UNKNOWN_SESSION.format(code=code), level=ERROR)
        return Resolution(found)
    active = store.active_session()
    if active is not None:
        return Resolution(active)
    if solo and personal is not None:
        session = store.get_session(personal.code)
        if session is None:
            session = store.create_session(personal.code, personal.title, actor=TRAINER)
        return Resolution(session, personal=True)
    return Resolution(None, problem=tc.NO_SESSION, level=INFO)
