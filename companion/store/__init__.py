"""The store behind every page: one interface, a SQL implementation (SQLite or PostgreSQL)."""

from __future__ import annotations

import os
from pathlib import Path

from companion.core.config import default_store_url
from companion.core.errors import StoreError
from companion.store.base import Store
from companion.store.sql import SQLStore
from companion.texts import common as t

__all__ = ["SQLStore", "Store", "open_store", "store_url"]


def store_url(url_or_path: str | Path | None = None) -> str:
    """Return a database URL from a URL, a plain file path, or the configured default."""
    if url_or_path is None:
        return default_store_url()
    value = str(url_or_path)
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def open_store(url: str | Path | None = None) -> Store:
    """Open (and create or migrate) the store at ``url``.

    Parameters
    ----------
    url
        A SQLAlchemy URL (``sqlite:///chemin.sqlite3``, ``postgresql+psycopg://…``), a plain
        file path, or None for ``$COMPANION_STORE`` or the per-user default file.

    Raises
    ------
    StoreError
        With a French message when the file is not a store, is read-only or too recent.
        Not while a Voilà kernel is preheated: a page prepared while the database is down
        gets a store that opens on first use once it is back (:mod:`companion.store.deferred`).
    """
    try:
        return _open(store_url(url))
    except StoreError as error:
        if os.environ.get("VOILA_PREHEAT", "False") == "False":
            raise
        from companion.store.deferred import deferred_store

        return deferred_store(store_url(url), _open, error)


def _open(resolved: str) -> Store:
    if resolved.startswith("sqlite:///") and resolved != "sqlite:///:memory:":
        path = Path(resolved.removeprefix("sqlite:///"))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(t.STORE_UNREACHABLE_SHORT,
                             t.STORE_UNREACHABLE.format(path=path, reason=error)) from None
    return SQLStore(resolved)
