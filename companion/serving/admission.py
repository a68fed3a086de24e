"""Who gets a new page kernel, and the French page for those who wait (issues 10 and 14).

Every page view costs a kernel (about 70 MB for a participant, 150 MB unlocked). A loop of
requests from one phone on the room's Wi-Fi, or a burst beyond what the laptop can start, must
neither exhaust its memory nor leave people on a blank page. :func:`admit` decides, per
request, from what the server counts:

- a device (an address of the room's network) holds at most ``pages_per_device`` pages;
  the trainer's own laptop (loopback) is not capped, it projects and drives many pages;
- when ``max_starting`` pages are already being built, or the machine's available memory would
  fall under the reserve, the visitor gets « La page arrive… », which reloads by itself.

A preheated kernel waiting in a pool costs nothing more: it is always served (within the cap).
"""

from __future__ import annotations

import enum
import html
import ipaddress
from dataclasses import dataclass
from pathlib import Path

from companion.serving.pools import KERNEL_BYTES, RESERVE_BYTES
from companion.texts import room as tx

PAGES_PER_DEVICE = 6
"""Pages one phone or computer of the room may hold at once (tabs closed are freed ≤ 60 s)."""
STARTS_PER_CORE = 8
"""Pages being built at once, per core, before visitors are asked to wait."""
RETRY_S = 4
"""« La page arrive… » reloads after this many seconds (plus a spread: not all at once)."""


class Verdict(enum.Enum):
    """What the server does with a page request."""

    SERVE = "serve"
    TOO_MANY = "too_many"
    ARRIVING = "arriving"


@dataclass(frozen=True)
class Limits:
    """The room's limits (``companion serve`` options)."""

    pages_per_device: int = PAGES_PER_DEVICE
    max_starting: int = 2 * STARTS_PER_CORE
    reserve_bytes: int = RESERVE_BYTES
    kernel_bytes: int = KERNEL_BYTES


def is_trainer_machine(address: str) -> bool:
    """Return True for the machine the server runs on (a loopback address)."""
    try:
        return ipaddress.ip_address(address.split("%")[0]).is_loopback
    except ValueError:
        return False


def admit(
    *,
    device_pages: int,
    trainer_machine: bool,
    starting: int,
    pooled: bool,
    free_memory: int,
    limits: Limits,
) -> Verdict:
    """Return the verdict for a page request.

    ``device_pages`` counts the pages the device holds and those it is opening; ``starting``
    the pages being built for everyone; ``pooled`` says a preheated kernel waits for this page.
    """
    if not trainer_machine and device_pages >= limits.pages_per_device:
        return Verdict.TOO_MANY
    if pooled:
        return Verdict.SERVE
    if starting >= limits.max_starting:
        return Verdict.ARRIVING
    if free_memory - limits.kernel_bytes < limits.reserve_bytes:
        return Verdict.ARRIVING
    return Verdict.SERVE


def available_memory(meminfo: Path = Path("/proc/meminfo")) -> int:
    """Return the memory available to new processes (``MemAvailable``; 4 GiB if unknown)."""
    try:
        for line in meminfo.read_text(encoding="ascii").splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 4 * 2**30


STATUS = {Verdict.TOO_MANY: 429, Verdict.ARRIVING: 503}


def waiting_page(verdict: Verdict, *, device_pages: int = 0, retry_s: int = RETRY_S) -> str:
    """Return the French HTML page of a request that is not served now."""
    if verdict is Verdict.TOO_MANY:
        title, text, refresh = tx.TOO_MANY_TITLE, tx.TOO_MANY_CLIENT.format(count=device_pages), ""
    else:
        title, text = tx.ARRIVING_TITLE, tx.ARRIVING
        refresh = f'<meta http-equiv="refresh" content="{int(retry_s)}">'
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{refresh}<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em;"
        "font-size:1.2em;line-height:1.5;color:#1d1d1b}h1{font-size:1.5em}</style></head>"
        f'<body><main><h1>{html.escape(title)}</h1><p role="status">{html.escape(text)}</p>'
        "</main></body></html>\n"
    )
