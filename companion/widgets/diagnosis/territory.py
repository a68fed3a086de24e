"""Territory figures beside the diagnosis: a QPV's key figures from INSEE / SIG Ville files.

Reading files and computing the profile belong to :mod:`companion.owndata.loading` and
:mod:`companion.indicators.territory`; this panel only gathers the files and shows the result
(every figure with its vintage and source, as the indicators module returns them).
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import ipywidgets as w

from companion.core import config
from companion.core.errors import CompanionError, DataError
from companion.core.html import table_html
from companion.core.safety import escape
from companion.texts import diagnosis as td
from companion.widgets.base import Notice, button, guarded

if TYPE_CHECKING:
    import pandas as pd

LABEL = {"description_width": "11em"}


def _module() -> Any:
    try:
        return importlib.import_module("companion.indicators.territory")
    except ImportError:
        raise DataError(td.TERRITORY_UNAVAILABLE) from None


def _profile(tables: Mapping[str, pd.DataFrame], query: str, millesime: str | None = None
             ) -> pd.DataFrame:
    """Call the indicators module's ``qpv_profile`` (imported when first needed)."""
    result: pd.DataFrame = _module().qpv_profile(tables, query, millesime or None)
    return result


def number_fr(value: Any) -> str:
    """Return a number the French way (« 12 345,6 »), « — » when missing."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, int | float):
        text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
        return text.replace(",", "\u202f").replace(".", ",")
    return str(value)


def display_frame(profile: pd.DataFrame) -> pd.DataFrame:
    """Return the profile ready to show: numbers formatted, the internal id left out."""
    import pandas as pd

    shown = profile.drop(columns=[c for c in ("indicateur",) if c in profile.columns])
    for column in shown.columns:
        if pd.api.types.is_numeric_dtype(shown[column]):
            shown[column] = shown[column].map(number_fr)
    return shown.fillna("")


def _read(content: bytes, name: str) -> pd.DataFrame:
    from companion.owndata.loading import read_table

    return read_table(content, name=name)


class TerritoryPanel(w.VBox):
    """Pick a QPV by code or name and see its key figures; load one's own files."""

    def __init__(self, tables: Mapping[str, pd.DataFrame] | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.tables: dict[str, pd.DataFrame] = dict(tables or {})
        self._query = w.Text(description=td.TERRITORY_QUERY, style=LABEL,
                             layout=w.Layout(width="32em"))
        self._query.add_class("cp-territory-query")
        self._show = button(td.TERRITORY_SHOW, "cp-territory-show", "primary")
        self._show.on_click(self._on_show)
        self._upload = w.FileUpload(accept=".csv,.xlsx,.txt", multiple=True,
                                    description=td.TERRITORY_UPLOAD)
        self._upload.add_class("cp-territory-upload")
        self._upload.observe(self._on_upload, names="value")
        self._millesime = w.Text(description=td.TERRITORY_MILLESIME, style=LABEL,
                                 placeholder="2022", tooltip=td.TERRITORY_MILLESIME_HELP,
                                 layout=w.Layout(width="20em"))
        self._millesime.add_class("cp-territory-millesime")
        self._table = w.HTML()
        self._table.add_class("cp-territory-figures")
        self._notice = Notice()
        self.profile: pd.DataFrame | None = None
        self._sample_note = ""
        self.add_class("cp-territory")
        self.children = (w.HTML(f"<h3>{td.TERRITORY_TITLE}</h3><p>{td.TERRITORY_HELP}</p>"),
                         self._upload, self._millesime, w.HBox([self._query, self._show]),
                         self._notice,
                         self._table)

    @property
    def notice(self) -> Notice:
        """The panel's message area."""
        return self._notice

    def load(self, content: bytes, name: str) -> None:
        """Add one file (CSV or XLSX bytes) to the tables (a French notice if unreadable)."""
        self._add({name: content})

    def show(self, query: str) -> None:
        """Type a QPV code or name and press « Afficher »."""
        self._query.value = query
        self._show.click()

    @guarded()
    def _add(self, files: Mapping[str, bytes]) -> None:
        read = {}
        for name, content in files.items():
            read[name] = _read(content, name)  # DataError names the file
        if self._sample_note:  # own files replace the sample, and its vintage
            self._millesime.value = ""
        self.tables = {**self.tables, **read} if not self._sample_note else read
        self._sample_note = ""
        self._notice.show(td.TERRITORY_LOADED.format(count=len(read), names=", ".join(read)),
                          "succes")

    def _on_upload(self, change: dict[str, Any]) -> None:
        files = {f["name"]: bytes(f["content"]) for f in change["new"] or ()}
        if files:
            self._add(files)

    def _load_sample(self) -> None:
        """Read the example extract shipped in ``data/territoire_exemple/`` (on first use)."""
        folder = config.content_dir() / "territoire_exemple"
        files = sorted(folder.glob("*.csv"))
        if not files:
            raise DataError(td.TERRITORY_NO_TABLE)
        self.tables = {path.name: _read(path.read_bytes(), path.name) for path in files}
        self._sample_note = td.TERRITORY_SAMPLE.format(names=", ".join(p.name for p in files))
        self._millesime.value = _module().SAMPLE_MILLESIME  # stated in the extracts' README

    @guarded()
    def _on_show(self, _button: w.Button) -> None:
        query = self._query.value.strip()
        if not self.tables:
            self._load_sample()
        try:
            profile = _profile(self.tables, query, self._millesime.value.strip())
        except CompanionError:
            self.profile = None
            self._table.value = ""
            raise
        self.profile = profile
        if profile.empty:
            self._notice.show(td.TERRITORY_EMPTY.format(query=query), "erreur")
        elif profile.attrs.get("avertissements"):
            self._notice.show(" ".join(profile.attrs["avertissements"]))
        elif self._sample_note:
            self._notice.show(self._sample_note)
        else:
            self._notice.clear()
        where = " — ".join(str(profile.attrs[k]) for k in ("code", "nom", "commune")
                           if profile.attrs.get(k))
        heading = f"<h4>{escape(where)}</h4>" if where else ""
        self._table.value = heading + table_html(display_frame(profile),
                                                 css_class="cp-territory-table",
                                                 empty=td.TERRITORY_EMPTY.format(query=query))
