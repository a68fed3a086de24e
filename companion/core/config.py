"""Where things live: the store URL, the data directory, the trainer code, the page's query.

Read from the environment so that ``companion serve`` can pass them to every Voilà kernel, and
overridable by arguments in scripts and tests. No module-level state.
"""

from __future__ import annotations

import os
from datetime import datetime
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs

import platformdirs

ENV_STORE = "COMPANION_STORE"
ENV_DATA_DIR = "COMPANION_DATA_DIR"
ENV_TRAINER_CODE = "COMPANION_TRAINER_CODE"
ENV_SESSION = "COMPANION_SESSION"
ENV_NOW = "COMPANION_NOW"
ENV_JOIN_URL = "COMPANION_JOIN_URL"
ENV_PLOTLY_JS = "COMPANION_PLOTLY_JS"
"""URL of plotly.js on the server (set by `companion serve`, whose pages omit plotly's
JupyterLab extension)."""

def user_data_dir() -> Path:
    """Return the per-user directory for the store and uploads (outside the served tree)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir("companion", appauthor=False))


def default_store_url() -> str:
    """Return the store URL: ``$COMPANION_STORE`` or a SQLite file in the user data directory."""
    url = os.environ.get(ENV_STORE)
    if url:
        return url
    return f"sqlite:///{user_data_dir() / 'companion.sqlite3'}"


def _package_folder(package: str) -> Path:
    """Return the folder of a data package of the companion, installed or in a checkout.

    The repository keeps ``data/`` and ``notebooks/`` at its top level; the build maps them to
    the packages ``companion.data`` and ``companion.notebooks`` (``pyproject.toml``), so one
    lookup finds them in a wheel and in an editable install alike.
    """
    return Path(str(resources.files(package)))


def content_dir() -> Path:
    """Return the course content directory (package ``companion.data``: ``data/``)."""
    return _package_folder("companion.data")


def notebooks_dir() -> Path:
    """Return the notebooks directory served by Voilà (package ``companion.notebooks``)."""
    return _package_folder("companion.notebooks")


def trainer_code() -> str | None:
    """Return the trainer code given to this kernel, or None when none was configured."""
    code = os.environ.get(ENV_TRAINER_CODE, "").strip()
    return code or None


def served_session() -> str | None:
    """Return the code of the session ``companion serve`` was started for, if any."""
    return os.environ.get(ENV_SESSION, "").strip().upper() or None


def join_url() -> str | None:
    """Return the join URL printed by ``companion serve`` (for the QR code), if any."""
    return os.environ.get(ENV_JOIN_URL) or None


def page_query() -> dict[str, str]:
    """Return the page's query parameters (``?session=…&groupe=…``) in Voilà, else ``{}``.

    Values are cleaned by the one rule for text (:func:`companion.core.text.strip_controls`).
    In a preheated Voilà kernel, wait for the visitor first (see
    :func:`companion.serving.kernel.page_parameters`).
    """
    from companion.core.text import strip_controls

    raw = os.environ.get("QUERY_STRING", "")
    return {strip_controls(key): strip_controls(values[0])
            for key, values in parse_qs(raw).items() if values}


def served_notebook() -> str | None:
    """Return the file name of the notebook Voilà serves this page for, or None (JupyterLab)."""
    script = os.environ.get("SCRIPT_NAME", "")
    marker = "/voila/render/"
    if marker not in script:
        return None
    return script.split(marker, 1)[1] or None


def base_url() -> str:
    """Return Voilà's base URL for links between pages (``/`` by default)."""
    return os.environ.get("VOILA_BASE_URL", "/") or "/"


def now() -> datetime:
    """Return ``$COMPANION_NOW`` (ISO, for tests and rehearsals) or the real local time."""
    injected = os.environ.get(ENV_NOW)
    if injected:
        return datetime.fromisoformat(injected)
    return datetime.now()
