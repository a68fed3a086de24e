"""A store that could not be opened yet: every use tries again.

A page built while the database was down (a preheated Voilà kernel) works as soon as it is
back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from typing_extensions import override

from companion.core.errors import StoreError
from companion.store.base import Store

log = logging.getLogger(__name__)


class DeferredStore(Store):
    """Stands for the store at ``url`` until it opens.

    Each call opens it or raises the French :class:`StoreError` of the failure (built with
    :func:`deferred_store`).
    """

    def __init__(self, url: str, opener: Callable[[str], Store], error: StoreError) -> None:
        self.url = url
        self._opener = opener
        self._opened: Store | None = None
        self.last_error: StoreError | None = error

    @property
    def opened(self) -> bool:
        """True once the real store is open."""
        return self._opened is not None

    def target(self) -> Store:
        """Return the real store, opening it now (StoreError while it still cannot be)."""
        if self._opened is None:
            try:
                self._opened = self._opener(self.url)
            except StoreError as error:
                self.last_error = error
                raise
            self.last_error = None
            log.warning("store reachable again: %s", self._opened)
        return self._opened

    @override
    def close(self) -> None:
        if self._opened is not None:
            self._opened.close()

    def __repr__(self) -> str:
        return f"DeferredStore({self._opened!r})" if self._opened else "DeferredStore(closed)"


def _delegate(name: str) -> Callable[..., Any]:
    def method(self: DeferredStore, *args: Any, **kwargs: Any) -> Any:
        return getattr(self.target(), name)(*args, **kwargs)

    method.__name__ = name
    method.__doc__ = getattr(Store, name).__doc__
    return method


for _name in sorted(Store.__abstractmethods__ - {"close"}):
    setattr(DeferredStore, _name, _delegate(_name))
DeferredStore.__abstractmethods__ = frozenset()


def deferred_store(url: str, opener: Callable[[str], Store], error: StoreError) -> Store:
    """Return a :class:`DeferredStore` for ``url`` that failed to open with ``error``."""
    log.warning("store not reachable while the page is prepared, will retry: %s", error)
    return DeferredStore(url, opener, error)  # type: ignore[abstract]  # methods set above
