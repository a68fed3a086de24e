"""The Voilà server of ``companion serve``: stock standalone Voilà plus what a class needs.

Started as ``python -m companion.serving.server`` (``serve.voila_command``), it is Voilà's own
application with four changes, each in one class or function below:

- kernels of pages that were left are shut down (:class:`PageKernels`): a page's websocket
  closed for :data:`LEFT_GRACE_S`, or a page that never connected within
  :data:`NEVER_CONNECTED_S` (a plain HTTP request, a tab closed while loading);
- the page sets the ``_xsrf`` cookie, so that the shutdown Voilà's page sends when it is closed
  (``beforeunload``) passes the XSRF check (voila#1458) — the check itself stays on;
- ``tornado_settings`` reach Tornado when the application is built (``compress_response``
  is read by ``tornado.web.Application.__init__`` only: Voilà adds its settings after);
- static files whose name carries a content hash are cached by browsers for a year;
- pages do not load plotly's lab extension (:func:`light_page_config`);
- a page request that would start a kernel is admitted by the room's limits
  (:mod:`companion.serving.admission`): pages per device, pages being built, free memory;
  the others get a French page (« Trop de pages ouvertes », « La page arrive… »);
- the trainer's sign-in page (:mod:`companion.serving.signin`): the code once, for the day;
- the room's join page (:mod:`companion.serving.joining`): the session code typed once, then
  the activity the trainer opened;
- a page's websocket takes large messages only where the page offers an upload
  (:data:`UPLOAD_NOTEBOOKS`), 2 MiB elsewhere (:func:`message_limit`);
- ``--https``: the server listens with the certificate (:mod:`companion.serving.tls`).
"""

from __future__ import annotations

import asyncio
import contextvars
import os
import random
import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import tornado.web
import tornado.websocket
from jupyter_server.utils import url_path_join
from tornado.ioloop import PeriodicCallback
from traitlets import Bool, Float, Int, Unicode
from typing_extensions import override
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from companion.core.config import ENV_SESSION, ENV_STORE
from companion.serving import admission, joining, signin, tls
from companion.serving.pools import KERNEL_BYTES

LEFT_GRACE_S = 40.0
"""A page's websocket may drop and come back (Wi-Fi, laptop lid, a phone locked a moment):
its kernel waits this long. A tab closed properly frees it at once (Voilà's shutdown); this
backstop plus :data:`CHECK_EVERY_S` stays under the minute the room issue allows."""
NEVER_CONNECTED_S = 45.0
"""A page kernel whose page never opened its websocket, idle this long, is shut down."""
CHECK_EVERY_S = 5.0

HASHED_NAME = re.compile(r"[.-][0-9a-f]{16,}\.(js|css|woff2?|ttf|svg|png)$")
"""``remoteEntry.9a1b….js``, ``496.ad76….js``: webpack names a file after its content."""
IMMUTABLE = "public, max-age=31536000, immutable"
STABLE = "public, max-age=86400"
"""Voilà's own static files change only with Voilà's version (``?v=`` or not): a day."""


@dataclass
class PageKernel:
    """What the server knows about the kernel of one page view."""

    handed_at: float
    client: str | None = None
    notebook: str = ""
    connected: bool = False
    alone_since: float | None = None


class PageKernels:
    """Kernels handed to pages, and the rule that frees those whose page is gone.

    Pooled (preheated, not yet handed out) kernels are not tracked: they wait for a visitor.
    A page left open keeps its websocket, so its kernel and its state stay, idle or not.
    """

    def __init__(
        self,
        *,
        grace_s: float = LEFT_GRACE_S,
        never_connected_s: float = NEVER_CONNECTED_S,
    ) -> None:
        self.grace_s = grace_s
        self.never_connected_s = never_connected_s
        self.pages: dict[str, PageKernel] = {}

    def handed(self, kernel_id: str, now: float, client: str | None = None,
               notebook: str = "") -> None:
        """Record that ``kernel_id`` now serves a page of ``notebook`` opened by ``client``."""
        self.pages[kernel_id] = PageKernel(handed_at=now, client=client, notebook=notebook)

    def held_by(self, client: str) -> int:
        """Return how many page kernels ``client`` holds."""
        return sum(1 for page in self.pages.values() if page.client == client)

    def to_free(
        self,
        connections: dict[str, int],
        last_activity: dict[str, float],
        now: float,
    ) -> list[str]:
        """Return the page kernels to shut down, and forget kernels that are gone.

        ``connections`` and ``last_activity`` give each live kernel's websocket count and last
        activity (epoch seconds).
        """
        for gone in set(self.pages) - set(connections):
            del self.pages[gone]
        doomed = []
        for kernel_id, page in self.pages.items():
            if connections.get(kernel_id, 0) > 0:
                page.connected, page.alone_since = True, None
                continue
            if page.connected:
                page.alone_since = page.alone_since or now
                if now - page.alone_since >= self.grace_s:
                    doomed.append(kernel_id)
            else:
                # still rendering (busy) or its page never came back for the websocket
                quiet_since = max(page.handed_at, last_activity.get(kernel_id, 0.0))
                if now - quiet_since >= self.never_connected_s:
                    doomed.append(kernel_id)
        return doomed


@dataclass
class Visit:
    """One page request being served: who asked, and whether it got its kernel yet."""

    client: str
    notebook: str = ""
    handed: bool = False


VISIT: contextvars.ContextVar[Visit | None] = contextvars.ContextVar("visit", default=None)
"""The request a kernel start belongs to (set by the page handler, read where kernels are
handed out: the same asyncio task)."""


@dataclass
class Room:
    """What the server counts to admit page requests (:func:`admission.admit`)."""

    limits: admission.Limits
    page_kernels: PageKernels = field(default_factory=PageKernels)
    building: int = 0
    """Page requests being served (a kernel starting or the notebook rendering)."""
    waiting: Counter[str] = field(default_factory=Counter)
    """Per client, page requests that have not got their kernel yet."""

    def verdict(self, client: str, *, pooled: bool) -> admission.Verdict:
        """Return the verdict for a page request of ``client``."""
        return admission.admit(
            device_pages=self.device_pages(client),
            trainer_machine=admission.is_trainer_machine(client),
            starting=self.building,
            pooled=pooled,
            free_memory=admission.available_memory(),
            limits=self.limits,
        )

    def device_pages(self, client: str) -> int:
        """Return the pages ``client`` holds or is opening."""
        return self.page_kernels.held_by(client) + self.waiting[client]

    def enter(self, client: str, notebook: str = "") -> Visit:
        """Count a page request (of ``notebook``) that is admitted."""
        self.building += 1
        self.waiting[client] += 1
        return Visit(client, notebook)

    def handed(self, kernel_id: str, now: float) -> None:
        """Record a kernel handed to a page, for the request being served if any."""
        visit = VISIT.get()
        client = visit.client if visit is not None else None
        notebook = visit.notebook if visit is not None else ""
        self.page_kernels.handed(kernel_id, now, client, notebook)
        if visit is not None and not visit.handed:
            visit.handed = True
            self.waiting[visit.client] -= 1

    def leave(self, visit: Visit) -> None:
        """Count a page request that is over (served, failed or cut)."""
        self.building -= 1
        if not visit.handed:
            self.waiting[visit.client] -= 1
        if self.waiting[visit.client] <= 0:
            del self.waiting[visit.client]


UPLOAD_NOTEBOOKS = frozenset({
    "02_remue_meninges_1.ipynb", "03_remue_meninges_2.ipynb",  # the trainer's JSON import
    "04_diagnostic_partage.ipynb", "07_indicateurs_impact.ipynb",  # files of a territory
    "10_reutiliser_sur_vos_donnees.ipynb", "11_fiche_projet.ipynb",
})
"""Pages that offer a file upload: their websocket takes messages up to the upload limit."""
PAGE_MESSAGE_BYTES = 2 * 2**20
"""Largest websocket message of the other pages (a widget message is a few kilobytes)."""


def message_limit(page: PageKernel | None, upload_bytes: int) -> int:
    """Return the largest websocket message the page of a kernel may send."""
    if page is not None and page.notebook in UPLOAD_NOTEBOOKS:
        return upload_bytes
    return PAGE_MESSAGE_BYTES


def limited(handler_class: type) -> type:
    """Return a subclass of the kernel websocket handler with :func:`message_limit`."""

    class Limited(handler_class):
        @property
        def max_message_size(self) -> int:
            room: Room | None = self.settings.get("companion_room")
            upload = int(self.settings.get("websocket_max_message_size", PAGE_MESSAGE_BYTES))
            if room is None:
                return upload
            kernel_id = getattr(self, "kernel_id", None) or ""
            return message_limit(room.page_kernels.pages.get(kernel_id), upload)

    Limited.__name__ = f"Limited{handler_class.__name__}"
    return Limited


FIRST_VISIT = "premiere_visite"
"""Query parameter marking the one redirect of a browser's very first page (no loop)."""


def has_identity(cookie_names: Iterable[str]) -> bool:
    """Return True when the request carries Jupyter's anonymous identity cookie."""
    return any(name.startswith("username-") for name in cookie_names)


class CompanionVoilaHandler(TornadoVoilaHandler):
    """Voilà's page handler; the response also sets the ``_xsrf`` cookie (see module doc).

    A browser's very first page carries no identity cookie yet, so its kernel could not know
    who votes or posts: that one request is answered with a redirect to the same address,
    which sets the cookie; the page then opens with its identity (a reload keeps one's ideas
    and vote budget from the first page on).
    """

    @override
    async def prepare(self) -> None:
        await super().prepare()  # the user is known from here on (the cookie is set)
        _ = self.xsrf_token  # tornado sets the cookie on first access
        if (self.request.method == "GET" and not has_identity(self.request.cookies)
                and self.get_query_argument(FIRST_VISIT, None) is None):
            separator = "&" if self.request.query else "?"
            self.redirect(f"{self.request.uri}{separator}{FIRST_VISIT}=1")

    async def get(self, path: str | None = None) -> None:
        """Serve the page if the room's limits admit it, else a French page that says why."""
        room: Room = self.settings["companion_room"]
        client = self.request.remote_ip or ""
        verdict = room.verdict(client, pooled=self._pooled(path))
        if verdict is not admission.Verdict.SERVE:
            self._refuse(verdict, room.device_pages(client))
            return
        visit = room.enter(client, str(self.notebook_path or path or ""))
        token = VISIT.set(visit)
        try:
            await super().get(path)
        finally:
            VISIT.reset(token)
            room.leave(visit)

    def _pooled(self, path: str | None) -> bool:
        notebook = self.notebook_path or path
        get_pool_size = getattr(self.kernel_manager, "get_pool_size", None)
        return bool(notebook and get_pool_size and get_pool_size(notebook) > 0)

    def _refuse(self, verdict: admission.Verdict, device_pages: int) -> None:
        retry_s = admission.RETRY_S + random.randint(0, 3)  # a spread, not a secret
        self.set_status(admission.STATUS[verdict])
        self.set_header("Content-Type", "text/html; charset=UTF-8")
        self.set_header("Cache-Control", "no-store")
        self.set_header("Retry-After", str(retry_s))
        self.log.info("Page %s refused (%s) for %s", self.request.path, verdict.value,
                      self.request.remote_ip)
        self.finish(admission.waiting_page(verdict, device_pages=device_pages, retry_s=retry_s))


def _cache_headers(handler: tornado.web.StaticFileHandler) -> None:
    path = handler.request.path
    if HASHED_NAME.search(path):
        handler.set_header("Cache-Control", IMMUTABLE)
    elif "/voila/static/" in path or "/voila/templates/" in path:
        handler.set_header("Cache-Control", STABLE)


def cached(handler_class: type) -> type:
    """Return a subclass of a static file handler that sets :func:`_cache_headers`."""

    class Cached(handler_class):
        def set_extra_headers(self, path: str) -> None:
            super().set_extra_headers(path)
            _cache_headers(self)

        def set_headers(self) -> None:
            super().set_headers()
            _cache_headers(self)

    Cached.__name__ = f"Cached{handler_class.__name__}"
    return Cached


LAZY_EXTENSIONS = ("jupyterlab-plotly", "jupyterlab_pygments")
"""Lab extensions no page loads at start: charts bring plotly.js when they show
(``companion.core.html.plotly_html``); the pages show no code, so no syntax-colouring styles."""


def light_page_config(page_config: dict[str, Any], **_kwargs: Any) -> dict[str, Any]:
    """Voilà's ``page_config_hook``: the page config without the :data:`LAZY_EXTENSIONS`."""
    extensions = page_config.get("federated_extensions", [])
    return {
        **page_config,
        "federated_extensions": [e for e in extensions if e.get("name") not in LAZY_EXTENSIONS],
    }


class CompanionVoila(Voila):
    """Voilà with the class-room changes listed in the module docstring."""

    pages_per_device = Int(
        admission.PAGES_PER_DEVICE, config=True,
        help="Pages one device of the room may hold at once (the trainer's machine: no cap).",
    )
    max_starting = Int(
        0, config=True,
        help="Pages built at once before visitors wait (0: 8 per core of this machine).",
    )
    follow_programme = Bool(
        False, config=True,
        help="Re-plan the pools from the programme, the clock and the registrations.",
    )
    replan_every_s = Float(60.0, config=True, help="Seconds between two pool plans.")
    certfile = Unicode("", config=True, help="TLS certificate (PEM): answer over HTTPS.")
    keyfile = Unicode("", config=True, help="Private key of certfile, if not in it (PEM).")

    @override
    def initialize(self, argv: Any = None) -> None:
        super().initialize(argv)
        self.voila_configuration.page_config_hook = light_page_config

    @override
    def init_handlers(self) -> list[Any]:
        handlers = []
        for spec in super().init_handlers():
            pattern, handler_class, *rest = spec
            if handler_class is TornadoVoilaHandler:
                handler_class = CompanionVoilaHandler
            elif isinstance(handler_class, type) and issubclass(handler_class,
                                                                tornado.websocket.WebSocketHandler):
                handler_class = limited(handler_class)
            elif isinstance(handler_class, type) and issubclass(
                handler_class, tornado.web.StaticFileHandler
            ):
                handler_class = cached(handler_class)
            handlers.append((pattern, handler_class, *rest))
        handlers.append((url_path_join(self.server_url, signin.PATH), signin.TrainerSignInHandler))
        handlers.append((url_path_join(self.server_url, joining.PATH), joining.JoinHandler))
        return handlers

    @override
    def start(self) -> None:
        import tempfile

        self.connection_dir = tempfile.mkdtemp(prefix="voila_", dir=self.connection_dir_root)
        settings = {**self.init_settings(), **self.tornado_settings}
        self.room = Room(admission.Limits(
            pages_per_device=self.pages_per_device,
            max_starting=self.max_starting or admission.STARTS_PER_CORE * (os.cpu_count() or 1),
        ))
        self.page_kernels = self.room.page_kernels
        settings["companion_room"] = self.room
        self.app = tornado.web.Application(**settings)  # compress_response is read here
        self.app.add_handlers(".*$", self.init_handlers())
        self._track_page_kernels()
        PeriodicCallback(self._free_left_kernels, CHECK_EVERY_S * 1000).start()
        if self.follow_programme:
            PeriodicCallback(self._replan_pools, self.replan_every_s * 1000).start()
        if self.certfile:  # companion serve --https (tls.py)
            tls.listen_over_tls(self.app, self.certfile, self.keyfile or None)
        self.listen()

    def _track_page_kernels(self) -> None:
        """Record every kernel handed to a page: preheated (taken from a pool) or started."""
        manager = self.kernel_manager
        start_kernel = manager.start_kernel
        get_rendered = getattr(manager, "get_rendered_notebook", None)

        async def start_page_kernel(*args: Any, **kwargs: Any) -> str:
            kernel_id = str(await start_kernel(*args, **kwargs))
            self.room.handed(kernel_id, time.time())
            return kernel_id

        manager.start_kernel = start_page_kernel
        if get_rendered is not None:

            async def get_rendered_page(*args: Any, **kwargs: Any) -> Any:
                result = await get_rendered(*args, **kwargs)
                self.room.handed(result[2], time.time())
                return result

            manager.get_rendered_notebook = get_rendered_page

    async def _replan_pools(self) -> None:
        """Apply the pool rule again (:mod:`companion.serving.follow`).

        Grow the pools of the notebooks the day reaches, take preheated kernels out of those it
        has left.
        """
        from companion.serving import follow

        manager = self.kernel_manager
        pools_config: dict[str, Any] = dict(manager.kernel_pools_config)
        current = {name: int(cfg.get("pool_size", 0)) for name, cfg in pools_config.items()
                   if name != "default"}
        store_url, session = os.environ.get(ENV_STORE, ""), os.environ.get(ENV_SESSION, "")
        pooled = sum(len(pool) for pool in manager._pools.values())
        try:
            wanted = await asyncio.get_running_loop().run_in_executor(
                None, lambda: follow.planned_sizes(
                    store_url, session, pooled_bytes=pooled * KERNEL_BYTES))
        except Exception:  # a store briefly down: keep the pools as they are
            self.log.warning("Pools not re-planned (store unavailable)", exc_info=True)
            return
        plan = follow.changes(current, wanted)
        if plan:
            manager.kernel_pools_config = {
                **pools_config,
                **{name: {**pools_config.get(name, {}), "pool_size": size}
                   for name, size in wanted.items()},
            }
            self.log.info("Pools follow the programme: %s", ", ".join(
                f"{name} × {size}" for name, size in sorted(wanted.items()) if size) or "none")
            for name in plan.grow:
                manager.fill_if_needed(delay=0, notebook_name=name)
        await self._trim_pools(wanted)

    async def _trim_pools(self, wanted: dict[str, int]) -> None:
        """Take out of each pool what it holds beyond its planned size (:func:`follow.trim`)."""
        from companion.serving import follow

        manager = self.kernel_manager
        for name, excess in (await follow.trim(manager._pools, wanted,
                                               manager.shutdown_kernel)).items():
            self.log.info("Pool of %s trimmed by %d kernel(s)", name, excess)

    async def _free_left_kernels(self) -> None:
        manager = self.kernel_manager
        connections = {k: manager._kernel_connections.get(k, 0) for k in manager.list_kernel_ids()}
        activity = {}
        for kernel_id in connections:
            last = getattr(manager.get_kernel(kernel_id), "last_activity", None)
            if last is not None:
                activity[kernel_id] = last.timestamp()
        for kernel_id in self.page_kernels.to_free(connections, activity, time.time()):
            self.page_kernels.pages.pop(kernel_id, None)
            self.log.info("Page left: shutting down kernel %s", kernel_id)
            try:
                await manager.shutdown_kernel(kernel_id)
            except Exception:  # already gone (the page's own shutdown won)
                self.log.debug("kernel %s was already gone", kernel_id)


main = CompanionVoila.launch_instance

if __name__ == "__main__":
    main()
