"""Start standalone Voilà on the course notebooks with safe settings for a class.

Standalone Voilà (not the JupyterLab extension) refuses code execution from the browser.
Sources are stripped, tracebacks hidden, idle kernels culled, the live notebooks preheated,
and the page template is Voilà's ``lab`` one without its CDN links, so that a room without
internet loads every page from this machine only.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from companion.core import config
from companion.serving.admission import PAGES_PER_DEVICE
from companion.texts import cli as tx

TEMPLATE = "companion"
SERVER_MODULE = "companion.serving.server"
"""Voilà's application with the class-room changes (kernels of left pages freed, gzip…)."""
PAGE_LANGUAGE = "fr"
"""Every page says it is French: screen readers, the browser's date and number inputs."""
LIVE_NOTEBOOKS = ("00_accueil.ipynb", "02_remue_meninges_1.ipynb", "03_remue_meninges_2.ipynb")
# Each of these builds its page before the visitor arrives (``apply_query`` on arrival).
"""Notebooks the whole class opens at once (welcome, brainstorms): a full pool each."""
SECONDARY_NOTEBOOKS = (
    "01_introduction_ess.ipynb",
    "04_diagnostic_partage.ipynb",
    "05_visite_de_site.ipynb",
    "06_table_ronde.ipynb",
    "08_evaluation.ipynb",
)
"""Other notebooks participants open live: half a pool each (``pool // 2``)."""


@dataclass(frozen=True)
class ServeOptions:
    """Everything ``companion serve`` needs to start Voilà."""

    store_url: str
    trainer_code: str
    session: str
    port: int = 8866
    lan: bool = False
    host: str | None = None
    """The address trainees type, when the trainer gives it (``--host``)."""
    pool_size: int = 2
    pool_plan: dict[str, int] | None = None
    """Pool per notebook from the pool rule (``pools.plan_pools``); ``pool_size`` otherwise."""
    cull_idle_timeout: int = 20 * 60
    pages_per_device: int = PAGES_PER_DEVICE
    """Pages one device of the room may hold at once (``admission``; not the trainer's)."""
    replan_every_s: float = 60.0
    """Seconds between two plans of the pools, when they follow the programme."""
    live_notebooks: tuple[str, ...] = LIVE_NOTEBOOKS
    secondary_notebooks: tuple[str, ...] = SECONDARY_NOTEBOOKS
    notebooks: Path = field(default_factory=config.notebooks_dir)
    extra_env: dict[str, str] = field(default_factory=dict)
    certfile: Path | None = None
    """HTTPS: the certificate (PEM) the server answers with (``--https``, ``--certfile``)."""
    keyfile: Path | None = None
    """Its private key, when it is not in ``certfile``."""

    @property
    def https(self) -> bool:
        """Whether the server answers over HTTPS."""
        return self.certfile is not None


ROUTE_TABLE = Path("/proc/net/route")
RTF_UP = 0x1


def default_route_interface(route_table: str) -> str | None:
    """Return the interface of the default route in a ``/proc/net/route`` text, if any.

    When there are several, the one with the lowest metric.
    """
    best: tuple[int, str] | None = None
    for line in route_table.splitlines()[1:]:
        fields = line.split()
        if len(fields) < 8:
            continue
        try:
            destination, flags, metric, mask = (int(fields[1], 16), int(fields[3], 16),
                                                 int(fields[6]), int(fields[7], 16))
        except ValueError:
            continue
        if destination == 0 and mask == 0 and flags & RTF_UP and (best is None
                                                                  or metric < best[0]):
            best = (metric, fields[0])
    return best[1] if best else None


def interface_address(interface: str) -> str | None:
    """Return the IPv4 address of ``interface`` (asked to the kernel: nothing is sent)."""
    import fcntl
    import struct

    siocgifaddr = 0x8915
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            answer = fcntl.ioctl(sock.fileno(), siocgifaddr,
                                 struct.pack("256s", interface.encode()[:15]))
    except OSError:
        return None
    return socket.inet_ntoa(answer[20:24])


def lan_address(route_table: Path = ROUTE_TABLE) -> str:
    """Return this machine's address on the room network.

    The address of the interface that has the default route, else a non-loopback address of
    the host name (127.0.0.1 when none is found: the trainer then gives ``--host``).
    """
    try:
        interface = default_route_interface(route_table.read_text(encoding="ascii"))
    except OSError:
        interface = None
    address = interface_address(interface) if interface else None
    if address and not address.startswith("127."):
        return address
    try:
        candidates = socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        candidates = []
    for address in candidates:
        if not address.startswith("127."):
            return address
    return "127.0.0.1"


def _open_to_room(options: ServeOptions) -> bool:
    return options.lan or (options.host is not None and not options.host.startswith("127."))


def public_host(options: ServeOptions) -> str:
    """Return the host part of the address trainees type."""
    return options.host or (lan_address() if options.lan else "127.0.0.1")


def base_url(options: ServeOptions) -> str:
    """Return the address trainees type (or scan) to reach the server."""
    scheme = "https" if options.https else "http"
    return f"{scheme}://{public_host(options)}:{options.port}"


def offline_template(target_root: Path) -> Path:
    """Write the ``companion`` Voilà template under ``target_root``; return its directory.

    The template is ``lab`` minus its CDN links; the directory is to add to ``JUPYTER_PATH``.
    """
    import voila

    voila_share = Path(sys.prefix) / "share" / "jupyter" / "voila" / "templates" / "lab"
    if not voila_share.exists():  # installed elsewhere (user site, conda…)
        voila_share = (
            Path(voila.__file__).resolve().parents[3] / "share/jupyter/voila/templates/lab"
        )
    source = voila_share / "index.html.j2"
    folder = target_root / "voila" / "templates" / TEMPLATE
    folder.mkdir(parents=True, exist_ok=True)
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if "cdn.jsdelivr.net" not in line]
    (folder / "index.html.j2").write_text(with_page_guard("".join(kept)), encoding="utf-8")
    (folder / "conf.json").write_text(json.dumps({"base_template": "lab"}), encoding="utf-8")
    install_plotly_js(folder / "static")
    return target_root


GUARD_ANCHOR = "{{ voila_setup_helper_functions() }}\n"
"""The line of Voilà's ``lab`` template after which the page guard goes (in ``<body>``, before
Voilà's code opens the kernel's websocket)."""


def with_page_guard(template: str) -> str:
    """Return Voilà's page template with the connection guard after :data:`GUARD_ANCHOR`.

    The guard is :func:`~companion.serving.page_guard.connection_guard_html`; raise if Voilà's
    template changed.
    """
    from companion.serving.page_guard import connection_guard_html

    if template.count(GUARD_ANCHOR) != 1:
        raise RuntimeError(f"Voilà's page template no longer has {GUARD_ANCHOR.strip()!r}")
    guard = f"{{% raw %}}{connection_guard_html()}{{% endraw %}}\n"
    return template.replace(GUARD_ANCHOR, GUARD_ANCHOR + guard)


def install_plotly_js(static: Path) -> str:
    """Copy plotly.js into the template's static folder; return the name it is given.

    The name carries the file's content hash, so browsers cache it for a year.

    Pages do not load plotly's JupyterLab extension (4.8 MB on every page, server.py): a page
    that shows a chart loads this file on first use (``companion.core.html.plotly_html``).
    """
    import hashlib

    import plotly

    source = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:20]
    name = f"plotly.min.{digest}.js"
    static.mkdir(parents=True, exist_ok=True)
    for old in static.glob("plotly.min.*.js"):
        if old.name != name:
            old.unlink()
    if not (static / name).exists():
        shutil.copyfile(source, static / name)
    return name


def plotly_js_url(template_root: Path) -> str | None:
    """Return the URL path of the plotly.js copy in the template, if there is one."""
    static = template_root / "voila" / "templates" / TEMPLATE / "static"
    found = sorted(static.glob("plotly.min.*.js"))
    return f"/voila/templates/{TEMPLATE}/static/{found[0].name}" if found else None


def voila_config(options: ServeOptions) -> dict[str, Any]:
    """Return the Voilà settings that are dictionaries (written to ``voila.json``)."""
    pools: dict[str, dict[str, int]] = {"default": {"pool_size": 0}}
    if options.pool_plan is not None:
        pools.update({name: {"pool_size": size} for name, size in options.pool_plan.items()})
    for name in () if options.pool_plan is not None else options.live_notebooks:
        pools[name] = {"pool_size": options.pool_size}
    for name in () if options.pool_plan is not None else options.secondary_notebooks:
        if name not in pools:
            pools[name] = {"pool_size": options.pool_size // 2}
    tornado_settings: dict[str, Any] = {
        "websocket_max_message_size": UPLOAD_MESSAGE_BYTES,
        "compress_response": True,
    }
    companion: dict[str, Any] = {}
    if options.certfile is not None:  # HTTPS: the server listens with the certificate
        companion["certfile"] = str(options.certfile)
        companion["keyfile"] = str(options.keyfile) if options.keyfile else ""
        tornado_settings["xsrf_cookie_kwargs"] = {"secure": True}  # cookies over HTTPS only
    return {
        # A kernel taken from a pool is replaced after REFILL_DELAY_S, not at once: a class
        # arriving together is served first, the pools refill after (benchmarks/README.md).
        "VoilaKernelManager": {"kernel_pools_config": pools, "fill_delay": REFILL_DELAY_S},
        # A cell's output (a page's widget) may come late when a class-sized pool preheats at
        # once: nbclient's 4 s default dropped it, leaving pages with text and no form.
        "VoilaExecutor": {"iopub_timeout": IOPUB_TIMEOUT_S},
        # uploads of a trainee's own files (FileUpload goes through the websocket)
        # gzip on every text response: applied because server.py hands these to Tornado
        "Voila": {"tornado_settings": tornado_settings},
        # the page request's cookies reach the kernel: companion.core.visitor.visitor_id()
        "VoilaConfiguration": {"http_header_envs": ["Cookie"]},
        # the room's limits (server.py, admission.py)
        "CompanionVoila": {
            "pages_per_device": options.pages_per_device,
            # pools re-planned as the day goes (follow.py) unless --pool fixed them
            "follow_programme": options.pool_plan is not None,
            "replan_every_s": options.replan_every_s,
            **companion,
        },
    }


def write_voila_config(options: ServeOptions, config_root: Path) -> Path:
    """Write ``voila.json`` into ``config_root`` (added to ``JUPYTER_CONFIG_PATH``)."""
    config_root.mkdir(parents=True, exist_ok=True)
    path = config_root / "voila.json"
    path.write_text(json.dumps(voila_config(options), indent=2), encoding="utf-8")
    return path


def write_cookie_secret_config(config_root: Path) -> Path:
    """Give the server the companion's cookie secret (``voila.py`` in ``config_root``).

    The secret lives in the data directory (mode 0600, created once:
    :func:`companion.core.visitor.ensure_cookie_secret`), not in Jupyter's runtime directory,
    so a browser keeps its identity across restarts and environments; the config file holds
    only its path (the secret is not on the command line either), and the kernels read the
    same file to check the cookies' signatures.
    """
    from companion.core.visitor import ensure_cookie_secret

    secret_file = ensure_cookie_secret()
    config_root.mkdir(parents=True, exist_ok=True)
    path = config_root / "voila.py"
    path.write_text(
        "# Written by `companion serve`: the secret that signs the identity cookies.\n"
        "from pathlib import Path\n"
        f"c.Voila.cookie_secret = Path({str(secret_file)!r}).read_bytes().strip()\n",
        encoding="utf-8",
    )
    return path


REFILL_DELAY_S = 20.0
IOPUB_TIMEOUT_S = 60
"""Seconds a page's build waits for a cell's output after the cell ran (nbclient's default: 4;
measured by ``benchmarks/bench_day.py``: 27 of 31 kernels preheated together lost theirs)."""
UPLOAD_MESSAGE_BYTES = 64 * 1024 * 1024
"""Largest websocket message of a page that offers an upload (``server.UPLOAD_NOTEBOOKS``);
the page guard refuses larger files in the browser, before they are sent."""

SLOW_IMPORTS = ("rfc3987_syntax",)
"""Optional imports that cost the server about a second of CPU per page and serve nothing
here: jsonschema loads ``rfc3987_syntax`` (a Lark grammar) only to check the ``iri`` string
format, which no notebook or event schema of ours uses. Measured with the class benchmark
(10 pages at once, 2 cores): 22.3 s with it, 11.7 s without."""


def skip_slow_imports(target_root: Path) -> Path:
    """Make the :data:`SLOW_IMPORTS` unavailable to the served processes; return the folder.

    Stand-ins are written in the folder to put first on ``PYTHONPATH`` (libraries treat these
    imports as optional).
    """
    target_root.mkdir(parents=True, exist_ok=True)
    for name in SLOW_IMPORTS:
        (target_root / f"{name}.py").write_text(
            f'"""Stand-in written by `companion serve`: see serve.SLOW_IMPORTS."""\n'
            f'raise ImportError("{name} is left out of the served processes")\n',
            encoding="utf-8",
        )
    return target_root


def voila_command(options: ServeOptions) -> list[str]:
    """Return the Voilà command line for ``options`` (dictionaries go to ``voila.json``)."""
    return [
        sys.executable,
        "-m",
        SERVER_MODULE,
        str(options.notebooks),
        "--no-browser",
        f"--port={options.port}",
        f"--Voila.ip={'0.0.0.0' if _open_to_room(options) else '127.0.0.1'}",  # noqa: S104 (--lan / --host)
        f"--template={TEMPLATE}",
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--theme=light",
        f"--preheat_kernel={_preheats(options)}",
        "--MappingKernelManager.cull_interval=60",
        f"--MappingKernelManager.cull_idle_timeout={options.cull_idle_timeout}",
        f"--VoilaExecutor.cell_error_instruction={tx.CELL_ERROR}",
        f"--VoilaExporter.language_code={PAGE_LANGUAGE}",  # <html lang="fr">
    ]


def _preheats(options: ServeOptions) -> bool:
    if options.pool_plan is not None:
        return True  # the pools follow the day (follow.py): empty now, filled later
    return options.pool_size > 0


def voila_environment(
    options: ServeOptions,
    template_root: Path,
    config_root: Path | None = None,
    shim_root: Path | None = None,
) -> dict[str, str]:
    """Return the environment of the Voilà server, inherited by every kernel it starts."""
    env = dict(os.environ)
    env.update(options.extra_env)
    env[config.ENV_STORE] = options.store_url
    env[config.ENV_TRAINER_CODE] = options.trainer_code
    env[config.ENV_SESSION] = options.session
    env[config.ENV_JOIN_URL] = base_url(options)
    plotly_url = plotly_js_url(template_root)
    if plotly_url:
        env[config.ENV_PLOTLY_JS] = plotly_url
    env["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(template_root), env.get("JUPYTER_PATH", "")) if p
    )
    if config_root is not None:
        env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
            p for p in (str(config_root), env.get("JUPYTER_CONFIG_PATH", "")) if p
        )
    if shim_root is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            p for p in (str(shim_root), env.get("PYTHONPATH", "")) if p
        )
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def voila_available() -> bool:
    """Return True when Voilà can be started from this Python."""
    return shutil.which("voila") is not None or _has_module("voila")


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None
