"""Test harness for end-to-end tests: a real ``companion serve`` and a real headless Chromium.

Every page records the requests it makes to other hosts and the dialogs it opens, so tests
can assert that nothing leaves the machine and that hostile text never ran as script.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("COMPANION_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOCAL_PREFIXES = ("http://127.0.0.1", "ws://127.0.0.1", "https://127.0.0.1", "wss://127.0.0.1",
                  "data:", "blob:", "about:")


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A running ``companion serve``."""

    process: subprocess.Popen[bytes]
    base_url: str
    store_url: str
    session: str
    trainer_code: str
    log_path: Path

    def url(self, notebook: str, **query: str) -> str:
        """Return the page URL of ``notebook`` with ``query`` parameters."""
        from urllib.parse import urlencode

        suffix = f"?{urlencode(query)}" if query else ""
        return f"{self.base_url}/voila/render/{notebook}{suffix}"

    def log(self) -> str:
        """Return what the server printed so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def start_server(
    tmp: Path,
    *,
    session: str = "NAVIG1",
    trainer_code: str = "FORMA7EUR",
    now: str | None = None,
    pool: int | None = 1,
    extra_args: tuple[str, ...] = (),
    port: int | None = None,
) -> Server:
    """Start ``companion serve`` on ``port`` (default: a free one) with a temporary store;
    wait until it answers."""
    port = port or free_port()
    store_url = f"sqlite:///{tmp / 'browser-store.sqlite3'}"
    env = dict(os.environ)
    env["COMPANION_DATA_DIR"] = str(tmp / "data")
    env.pop("COMPANION_TRAINER_CODE", None)
    if now:
        env["COMPANION_NOW"] = now
    log_path = tmp / "serve.log"
    command = [
        sys.executable,
        "-m",
        "companion.serving.cli",
        "serve",
        f"--port={port}",
        f"--store={store_url}",
        f"--session={session}",
        f"--trainer-code={trainer_code}",
        *([f"--pool={pool}"] if pool is not None else []),  # None: the pools follow the day
        *extra_args,
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            command, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True
        )
    https = any(arg.startswith(("--https", "--certfile")) for arg in extra_args)
    scheme = "https" if https else "http"
    server = Server(process, f"{scheme}://127.0.0.1:{port}", store_url, session, trainer_code,
                    log_path)
    # Waiting only: the HTTPS tests check the certificate themselves.
    context = ssl.create_default_context() if https else None
    if context is not None:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"companion serve stopped:\n{server.log()}")
        try:
            with urllib.request.urlopen(f"{server.base_url}/", timeout=2,  # noqa: S310 (local)
                                        context=context):
                return server
        except OSError:
            time.sleep(0.3)
    stop_server(server)
    raise RuntimeError(f"companion serve did not answer:\n{server.log()}")


def stop_server(server: Server) -> None:
    """Stop the server, then anything of its process group still alive (kernels)."""
    server.process.terminate()  # companion serve forwards it to Voilà, which stops its kernels
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.process.pid, signal.SIGKILL)


def kernel_processes(server: Server) -> list[tuple[Any, str]]:
    """Return ``(process, command line)`` for each live kernel of ``server``.

    A kernel that was just stopped can stay a zombie until its parent reaps it, or be gone
    between the listing and the read: neither is a live kernel, so both are skipped.
    """
    import psutil

    found = []
    for process in psutil.Process(server.process.pid).children(recursive=True):
        try:
            if process.status() == psutil.STATUS_ZOMBIE:
                continue
            command = " ".join(process.cmdline())
        except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
            continue
        if "ipykernel_launcher" in command:
            found.append((process, command))
    return found


@dataclass
class Watched:
    """A page with what it did that a test checks: external requests, dialogs, errors."""

    page: Any
    external_requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def watch(page: Any) -> Watched:
    """Record the page's requests to other hosts and its dialogs (dismissed at once)."""
    watched = Watched(page)

    def on_request(request: Any) -> None:
        if not request.url.startswith(LOCAL_PREFIXES):
            watched.external_requests.append(request.url)

    def on_dialog(dialog: Any) -> None:
        watched.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("request", on_request)
    page.on("dialog", on_dialog)
    return watched


def launch_browser(playwright: Any) -> Any:
    """Launch the system Chromium, headless, without any network chatter of its own."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def open_page(browser: Any, url: str, ready_selector: str, *, timeout_ms: int = 90_000) -> Watched:
    """Open ``url`` in a new browser context and wait for ``ready_selector`` to show."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    watched = watch(page)
    page.goto(url, timeout=timeout_ms)
    page.wait_for_selector(ready_selector, timeout=timeout_ms)
    return watched


def iter_pages(*pages: Watched) -> Iterator[Watched]:
    """Iterate over pages (for the final checks)."""
    yield from pages


def unlock_trainer(page: Any, code: str) -> None:
    """Unfold the discreet « Espace formateur » of a page and type the trainer code."""
    page.click("button.cp-trainer-open")
    page.fill(".cp-trainer-code input", code)
    page.click("button.cp-trainer-unlock")


def post_idea(page: Any, text: str, theme: str | int, done: str, *,
              timeout_ms: int = 15_000) -> None:
    """Type an idea on a brainstorm page, pick its theme (its label, or its index in the
    list), publish it and wait for ``done`` to show."""
    page.fill(".cp-idea-text textarea", text)
    if isinstance(theme, str):
        page.select_option(".cp-idea-theme select", label=theme)
    else:
        page.select_option(".cp-idea-theme select", index=theme)
    page.click("button.cp-idea-submit")
    page.wait_for_selector(done, timeout=timeout_ms)
