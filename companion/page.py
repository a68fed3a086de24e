"""What a notebook page needs before building its widgets: warm imports, the visitor's query."""

from __future__ import annotations

import os

from companion.config import page_query


def warm_up(*, charts: bool = False) -> None:
    """Import what the page needs so that a preheated Voilà kernel has paid for it before the
    visitor arrives. Participant pages stay light (widgets and the store only); pages that
    show charts pass ``charts=True`` to also load pandas and plotly and render a tiny figure."""
    import ipywidgets  # noqa: F401
    import segno  # noqa: F401

    import companion.store  # noqa: F401

    if charts:
        import json

        import pandas  # noqa: F401
        import plotly.graph_objects as go
        import plotly.io as pio

        json.loads(pio.to_json(go.Figure(go.Bar(x=[1], y=[1])), validate=False))


def page_parameters() -> dict[str, str]:
    """Return the page's query parameters (``session``, ``groupe``…), waiting for the visitor
    in a preheated Voilà kernel; ``{}`` in JupyterLab."""
    if os.environ.get("VOILA_PREHEAT", "False") != "False":
        from voila.utils import wait_for_request

        wait_for_request()
    return page_query()
