"""Take the README's screenshots (docs/*.png) from a real server in headless Chromium.

Usage: .venv/bin/python scripts/screenshots.py — phone pages of a trainee (390 × 844).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.harness import launch_browser, start_server, stop_server  # noqa: E402

PHONE = {"width": 390, "height": 844}
SHOTS = {
    "telephone-accueil.png": ("00_accueil.ipynb", ".cp-register", {}),
    "telephone-remue-meninges.png": ("02_remue_meninges_1.ipynb", ".cp-idea-form",
                                     {"groupe": "G1"}),
    "telephone-table-ronde.png": ("06_table_ronde.ipynb", ".cp-rt-ask", {}),
}


def main() -> None:
    """Write the screenshots into docs/."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        server = start_server(Path(tmp), pool=0, session="QUARTIER")
        try:
            with sync_playwright() as playwright:
                browser = launch_browser(playwright)
                for name, (notebook, ready, query) in SHOTS.items():
                    context = browser.new_context(viewport=PHONE, is_mobile=True,
                                                  has_touch=True, locale="fr-FR")
                    page = context.new_page()
                    page.goto(server.url(notebook, session=server.session, **query),
                              timeout=90_000)
                    page.wait_for_selector(ready, timeout=90_000)
                    time.sleep(1)
                    page.screenshot(path=str(ROOT / "docs" / name))
                    context.close()
                browser.close()
        finally:
            stop_server(server)


if __name__ == "__main__":
    main()
