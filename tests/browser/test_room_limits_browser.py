"""End to end, over the room's network: one device cannot open pages without end (issue 14
item 5); it gets a French « Trop de pages ouvertes » page instead of a kernel, while the
trainer's laptop (loopback) is not capped."""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from companion.serving.serve import lan_address
from tests.browser.harness import Server, start_server, stop_server

pytestmark = pytest.mark.browser

HOME = "00_accueil.ipynb"
KERNEL_ID = re.compile(r'"kernelId":\s*"([0-9a-f-]{36})"')


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("limits"), pool=0,
                           extra_args=("--lan", "--pages-per-device=2"))
    yield running
    stop_server(running)


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=90) as response:  # noqa: S310 (local)
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_a_device_beyond_its_cap_gets_the_french_page_and_no_kernel(server: Server) -> None:
    address = lan_address()
    if address.startswith("127."):
        pytest.fail("this machine has no address on a network: the test needs one (eth0)")
    room_url = server.url(HOME, premiere_visite="1").replace("127.0.0.1", address)
    served = [_get(room_url) for _ in range(2)]
    assert all(status == 200 and KERNEL_ID.search(page) for status, page in served)
    status, page = _get(room_url)
    assert status == 429
    assert "Trop de pages ouvertes" in page and '<html lang="fr">' in page
    assert not KERNEL_ID.search(page)
    status, page = _get(server.url(HOME, premiere_visite="1"))  # the trainer's laptop
    assert status == 200 and KERNEL_ID.search(page)


def test_the_cap_counts_pages_held_not_pages_ever_opened(server: Server) -> None:
    """The kernels of the two pages above were never connected: freed (≤ 60 s), the device
    opens pages again."""
    address = lan_address()
    room_url = server.url(HOME, premiere_visite="1").replace("127.0.0.1", address)
    deadline = time.monotonic() + 75
    status = 0
    while time.monotonic() < deadline:
        status, _ = _get(room_url)
        if status == 200:
            break
        time.sleep(3)
    assert status == 200


SEND_BIG = """async ([kernel, size]) => {
  const url = `ws://${location.host}/api/kernels/${kernel}/channels`;
  const id = 'big-' + Math.random();
  const message = JSON.stringify({
    header: {msg_id: id, msg_type: 'kernel_info_request', username: '', session: 'test',
             date: new Date().toISOString(), version: '5.3'},
    parent_header: {}, metadata: {padding: 'x'.repeat(size)}, content: {}, channel: 'shell',
    buffers: []});
  return await new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.onopen = () => socket.send(message);
    socket.onmessage = (event) => {
      if (typeof event.data === 'string' && event.data.includes(id)
          && event.data.includes('kernel_info_reply')) { resolve('answered'); socket.close(); }
    };
    socket.onclose = (event) => resolve('closed ' + event.code);
    setTimeout(() => resolve('silent'), 15000);
  });
}"""


def test_large_websocket_messages_only_where_an_upload_is_offered(
    server: Server, browser: Any
) -> None:
    import json

    from tests.browser.harness import open_page

    outcomes = {}
    for notebook, ready in (("00_accueil.ipynb", ".cp-home"),
                            ("07_indicateurs_impact.ipynb", ".cp-ind-cards")):
        page = open_page(browser, server.url(notebook), ready).page
        config = page.evaluate("document.getElementById('jupyter-config-data').textContent")
        kernel = json.loads(config)["kernelId"]
        outcomes[notebook] = page.evaluate(SEND_BIG, [kernel, 3 * 2**20])
        page.context.close()
    assert outcomes["00_accueil.ipynb"].startswith("closed")  # too big: the socket is cut
    assert outcomes["07_indicateurs_impact.ipynb"] == "answered"  # an upload page reads it
