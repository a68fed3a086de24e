"""What a session report is made of: sections of lines, tables and charts. Pure data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from companion.core.model import TrainingSession


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart, drawn as inline SVG: one value list per series."""

    title: str
    labels: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...], str], ...]
    stacked: bool = False
    xmax: float | None = None


@dataclass
class Table:
    """A captioned table of the report."""

    caption: str
    frame: pd.DataFrame


@dataclass
class Section:
    """One activity of the session: HTML section and XLSX sheet."""

    id: str
    title: str
    sheet: str
    lines: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


@dataclass
class SessionReport:
    """Everything the report shows, built once and written in both formats."""

    session: TrainingSession
    generated_at: datetime
    anonymised: bool
    sections: list[Section]


@dataclass(frozen=True)
class ReportFiles:
    """The files written for a session, and how long it took."""

    html: Path
    xlsx: Path
    seconds: float
