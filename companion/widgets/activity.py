"""The bar that offers a participant the activity the trainer opened for the room."""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any
from urllib.parse import urlencode

import ipywidgets as w

from companion.core import config
from companion.core.join import FOLLOW_PARAMETER
from companion.home.activity import OpenedActivity
from companion.texts import activity as tx

STYLE = (
    "<style>.cp-activity-bar a.cp-activity-go{display:inline-flex;align-items:center;"
    "min-height:44px;padding:0 1em;margin-left:.6em;border-radius:6px;background:#005a9c;"
    "color:#fff;font-weight:bold;text-decoration:none}"
    ".cp-activity-bar .cp-activity-box{position:fixed;left:0;right:0;bottom:0;z-index:9000;"
    "padding:8px 12px;background:#fff8d6;border-top:2px solid #c9a400;font-size:1.05em;"
    "display:flex;flex-wrap:wrap;align-items:center;justify-content:center;gap:.4em}</style>"
)


def activity_link(activity: OpenedActivity, query: Mapping[str, str]) -> str:
    """Return the address of the activity's page, keeping the visitor's session and group."""
    kept = {key: query[key] for key in ("session", "groupe", FOLLOW_PARAMETER) if query.get(key)}
    suffix = f"?{urlencode(kept)}" if kept else ""
    return f"{config.base_url().rstrip('/')}/voila/render/{activity.notebook}{suffix}"


class ActivityBar(w.HTML):
    """« Le formateur a ouvert : … — Y aller », fixed at the bottom of the screen.

    Shown when the trainer has sent the room to another page than this one; empty otherwise.
    A page reached from the join page (``suivre=1``) marks its link ``data-follow``: the page
    guard's script then goes there by itself, unless the visitor is typing
    (:mod:`companion.serving.page_guard`).
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.add_class("cp-activity-bar")

    def show(self, activity: OpenedActivity | None, here: str | None,
             query: Mapping[str, str]) -> None:
        """Show the link to ``activity`` unless this page (``here``) is that activity."""
        if activity is None or here is None or not activity.notebook or activity.notebook == here:
            self.value = ""
            return
        text = tx.OPENED_ELSEWHERE.format(title=activity.title)
        href = activity_link(activity, query)
        follow = ' data-follow="1"' if query.get(FOLLOW_PARAMETER) else ""
        self.value = (
            f'{STYLE}<div class="cp-activity-box" role="status"><span>{escape(text)}</span>'
            f'<a class="cp-activity-go" href="{escape(href)}" target="_top"{follow}>'
            f"{escape(tx.GO)}</a></div>"
        )
