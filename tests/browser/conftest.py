"""Fixtures for end-to-end tests: Playwright with the system Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.harness import CHROMIUM, launch_browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless system Chromium (the test command installs the Debian package).

    Module-scoped: Playwright's sync API keeps an event loop running while it is open, which
    would leak into the tests that follow (asyncio.run, pollers, another Playwright).
    """
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium introuvable ({CHROMIUM}) : lancez « make test », qui l'installe.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_browser(playwright)
        yield chromium
        chromium.close()
