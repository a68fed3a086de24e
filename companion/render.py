"""Small HTML fragments built from user text, always escaped. Pure: returns strings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from companion.safety import escape

CLOUD_MIN_EM, CLOUD_MAX_EM = 0.9, 2.6
PALETTE = ("#1b4f72", "#7d3c98", "#117864", "#a04000", "#2e4053", "#b03a2e")


def word_cloud_html(frequencies: Sequence[tuple[str, int]], *, css_class: str = "cp-cloud") -> str:
    """Return a word cloud as inline-sized spans (no script, no external resource)."""
    if not frequencies:
        return ""
    top = max(count for _, count in frequencies)
    low = min(count for _, count in frequencies)
    spread = max(top - low, 1)
    spans = []
    for index, (word, count) in enumerate(sorted(frequencies, key=lambda wc: wc[0].casefold())):
        size = CLOUD_MIN_EM + (CLOUD_MAX_EM - CLOUD_MIN_EM) * (count - low) / spread
        color = PALETTE[index % len(PALETTE)]
        spans.append(
            f'<span class="cp-cloud-word" title="{count}" '
            f'style="font-size:{size:.2f}em;color:{color};margin:0 .35em;'
            f'display:inline-block">{escape(word)}</span>'
        )
    return f'<div class="{css_class}" style="line-height:1.6">{"".join(spans)}</div>'


def bullet_list(items: Iterable[str], *, css_class: str = "") -> str:
    """Return an HTML list of escaped items."""
    rows = "".join(f"<li>{escape(item)}</li>" for item in items)
    return f'<ul class="{escape(css_class)}">{rows}</ul>'


def message(text: str, level: str = "info") -> str:
    """Return an escaped, coloured one-line message (info, succes, erreur)."""
    colors = {"info": "#1b4f72", "succes": "#1e7e34", "erreur": "#b03a2e"}
    color = colors.get(level, colors["info"])
    css = f"cp-message cp-message-{escape(level)}"
    return f'<div class="{css}" style="color:{color}">{escape(text)}</div>'
