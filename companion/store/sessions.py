"""Which session a page may write into when its address names one (``?session=CODE``)."""

from __future__ import annotations

from companion.core import config
from companion.core.errors import InputError
from companion.core.model import TrainingSession
from companion.store.base import Store
from companion.texts import common as tc


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
