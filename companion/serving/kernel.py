"""What a notebook page needs before building its widgets: warm imports, the visitor's query."""

from __future__ import annotations

import json
import os
from typing import Any

from companion.core.config import page_query
from companion.core.errors import CompanionError, log_detail
from companion.core.html import message

ERROR_MIME = "text/html"


def show_companion_errors_in_french() -> bool:
    """Show a companion error raised by a cell as its French message, no traceback.

    Returns False outside an IPython kernel (plain scripts keep normal exceptions).
    """
    try:
        from IPython import get_ipython
        from IPython.display import HTML, display
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False

    def handler(
        _shell: Any, _etype: type, value: BaseException, _tb: Any, tb_offset: Any = None
    ) -> list[str]:
        log_detail(value)  # the server's console gets the detail (a store's path, the reason)
        display(HTML(message(str(value), "erreur")))  # type: ignore[no-untyped-call]  # escaped
        return []

    shell.set_custom_exc((CompanionError,), handler)
    return True


def warm_up(*, charts: bool = False) -> None:
    """Prepare a notebook page: French messages for the companion's errors, and imports.

    A :class:`~companion.core.errors.CompanionError` raised by a cell (a broken content file, a
    store that is not a database…) is shown as its French message, without a traceback.
    The imports are paid for before the visitor arrives in a preheated Voilà kernel.
    Participant pages stay light (widgets and the store only); pages that show charts pass
    ``charts=True`` to also load pandas and plotly and render a tiny figure.
    """
    show_companion_errors_in_french()
    import ipywidgets  # noqa: F401

    import companion.store  # noqa: F401

    if charts:
        import pandas  # noqa: F401
        import plotly.graph_objects as go
        import plotly.io as pio

        json.loads(pio.to_json(go.Figure(go.Bar(x=[1], y=[1])), validate=False))


def page_parameters() -> dict[str, str]:
    """Return the page's query parameters (``session``, ``groupe``…); ``{}`` in JupyterLab.

    In a preheated Voilà kernel, wait for the visitor first.
    """
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        wait_for_request()
    return page_query()


def request_info_url() -> str:
    """Return the websocket where Voilà hands a preheated kernel its visitor's request.

    It is the address ``voila.utils.wait_for_request`` builds from the same variables.
    """
    env = os.environ
    protocol = env.get("VOILA_WS_PROTOCOL", "ws")
    server = f"{env.get('VOILA_APP_IP', '127.0.0.1')}:{env.get('VOILA_APP_PORT', '8866')}"
    base = env.get("VOILA_WS_BASE_URL", env.get("VOILA_SERVER_URL", "/"))
    return f"{protocol}://{server}{base}voila/query/{env.get('VOILA_KERNEL_ID')}"


def wait_for_request() -> None:
    """Wait for the visitor's request in a preheated kernel, and put it in the environment.

    Voilà sends the request (``QUERY_STRING``, the headers…) once the visitor arrives. This is
    ``voila.utils.wait_for_request`` without importing ``voila``, whose package loads Jupyter
    Server, nbconvert and jsonschema (~27 MB and ~0.5 s of CPU) into every participant kernel
    (benchmarks/README.md).
    """
    import asyncio
    import threading
    import warnings

    import websockets

    url = request_info_url()
    received: list[str] = []

    async def receive() -> None:
        try:
            async with websockets.connect(url, open_timeout=5) as websocket:
                payload = await websocket.recv()
        except (TimeoutError, ConnectionRefusedError):
            warnings.warn(f"Failed to connect to {url}", stacklevel=1)
        else:
            received.append(payload if isinstance(payload, str) else payload.decode())

    # the kernel's own event loop is running in this thread: the wait gets a loop of its own
    thread = threading.Thread(target=lambda: asyncio.new_event_loop().run_until_complete(
        receive()))
    thread.start()
    thread.join()
    for payload in received:
        os.environ.update(json.loads(payload))
