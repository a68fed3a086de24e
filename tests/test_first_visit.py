"""A browser's very first page gets its identity cookie before its kernel reads it."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from companion.serving.server import FIRST_VISIT, has_identity
from tests.browser.harness import Server, start_server, stop_server


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_args: object, **_kwargs: object) -> None:
        return None


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = start_server(tmp_path_factory.mktemp("first-visit"), pool=0)
    yield running
    stop_server(running)


def test_identity_cookie_names() -> None:
    assert has_identity(["_xsrf", "username-127-0-0-1-8866"])
    assert not has_identity(["_xsrf"])


@pytest.mark.slow
def test_a_first_page_without_cookie_is_redirected_once_with_the_cookie(server: Server) -> None:
    opener = urllib.request.build_opener(_NoRedirect)
    url = server.url("00_accueil.ipynb", session=server.session)
    with pytest.raises(urllib.error.HTTPError) as caught:
        opener.open(url, timeout=60)
    answer = caught.value
    assert answer.code == 302
    location = answer.headers["Location"]
    assert f"{FIRST_VISIT}=1" in location and f"session={server.session}" in location
    cookies = answer.headers.get_all("Set-Cookie") or []
    identity = [c.split(";")[0] for c in cookies if c.startswith("username-")]
    assert identity, cookies
    # With the cookie, the same address renders the page (no second redirect).
    request = urllib.request.Request(url, headers={"Cookie": identity[0]})  # noqa: S310
    with opener.open(request, timeout=120) as page:
        assert page.status == 200
    # A browser refusing cookies is not sent round in circles.
    with opener.open(f"{url}&{FIRST_VISIT}=1", timeout=120) as page:
        assert page.status == 200
