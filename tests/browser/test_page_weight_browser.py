"""End to end: a participant page is light on the wire (issue 10, item 4): text responses
gzipped, no plotly JupyterLab extension, hashed static files cached a year, next page small."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import Server, start_server, stop_server, watch

pytestmark = pytest.mark.browser

HOME = "00_accueil.ipynb"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("weight"), pool=1)
    yield running
    stop_server(running)


def _load(context: Any, url: str) -> tuple[list[Any], int]:
    """Open ``url`` in a new tab of ``context``; return its responses and bytes on the wire."""
    page = context.new_page()
    watch(page)
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    wire = [0]
    cdp.on(
        "Network.loadingFinished",
        lambda event: wire.__setitem__(0, wire[0] + int(event["encodedDataLength"])),
    )
    page.goto(url, timeout=150_000)
    page.wait_for_selector(".cp-home", timeout=150_000)
    page.wait_for_load_state("networkidle", timeout=60_000)
    page.close(run_before_unload=True)
    return responses, wire[0]


def test_a_participant_page_is_light_on_the_wire(browser: Any, server: Server) -> None:
    context = browser.new_context(locale="fr-FR")
    first, first_bytes = _load(context, server.url(HOME))
    urls = [r.url for r in first]
    assert not [u for u in urls if "plotly" in u], "no plotly on a participant page"
    texts = [
        r
        for r in first
        if r.status == 200
        and r.request.method == "GET"
        and (r.headers.get("content-type", "").startswith(("text/", "application/javascript")))
        and "/api/" not in r.url
    ]
    assert len(texts) > 20 and all(r.headers.get("content-encoding") == "gzip" for r in texts), [
        r.url for r in texts if r.headers.get("content-encoding") != "gzip"
    ]
    hashed = [r for r in first if "remoteEntry." in r.url]
    assert hashed and all("immutable" in r.headers.get("cache-control", "") for r in hashed)
    _next, next_bytes = _load(context, server.url(HOME))
    assert first_bytes <= 3_000_000, first_bytes
    assert next_bytes <= 300_000, next_bytes
    print(f"\nfirst participant page {first_bytes} B on the wire, next {next_bytes} B")
    context.close()
