"""A stand-in for Voilà's request-info websocket, for kernels run outside a server.

A preheated kernel waits for its visitor's request on this websocket
(``companion.serving.kernel.wait_for_request``); the tests and the kernel benchmark hand it one.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import Iterator, Mapping
from typing import Any


@contextlib.contextmanager
def request_info_server(request: Mapping[str, str]) -> Iterator[tuple[int, list[str]]]:
    """Serve ``request`` (as JSON) to every kernel that connects; yield the port and the paths
    that connected, and stop the server on exit."""
    import websockets.asyncio.server as ws

    payload = json.dumps(dict(request))
    paths: list[str] = []
    ready = threading.Event()
    port: list[int] = []
    loop = asyncio.new_event_loop()
    stop = loop.create_future()

    async def hand_over(connection: Any) -> None:
        paths.append(connection.request.path)
        await connection.send(payload)
        await connection.wait_closed()

    async def serve() -> None:
        async with ws.serve(hand_over, "127.0.0.1", 0) as server:
            port.append(next(iter(server.sockets)).getsockname()[1])
            ready.set()
            await stop

    thread = threading.Thread(target=lambda: loop.run_until_complete(serve()))
    thread.start()
    try:
        if not ready.wait(10):
            raise RuntimeError("the request-info websocket did not start")
        yield port[0], paths
    finally:
        loop.call_soon_threadsafe(stop.set_result, None)
        thread.join(10)
