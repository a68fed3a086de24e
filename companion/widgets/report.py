"""The trainer's report button: writes the HTML and XLSX files and offers them as downloads."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as w
from typing_extensions import override

from companion.core import config
from companion.core.safety import escape
from companion.report.build import write_report
from companion.report.model import ReportFiles
from companion.store import Store
from companion.texts import report as tx
from companion.widgets.base import Notice, TrainerGate, button, trainer_only
from companion.widgets.page import SequencePage

MIME = {".html": "text/html", ".xlsx":
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def download_link(path: Path, label: str, css_class: str) -> str:
    """Return an anchor that downloads ``path`` from a data URI (no server route needed)."""
    payload = base64.b64encode(path.read_bytes()).decode("ascii")
    mime = MIME.get(path.suffix, "application/octet-stream")
    return (f"<a class='{css_class}' download='{escape(path.name)}' "
            f"href='data:{mime};base64,{payload}'>{escape(label)}</a>")


def default_out_dir() -> Path:
    """Return where reports are written: ``rapports/`` in the user data directory.

    It lies outside the served notebooks.
    """
    return config.user_data_dir() / "rapports"


class ReportPanel(w.VBox):
    """« Anonymiser » box, « Produire le rapport » button, download links."""

    def __init__(self, store: Store, session: str, gate: TrainerGate | None,
                 out_dir: Path | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session, self.gate = store, session, gate
        self._out_dir = out_dir or default_out_dir()
        self._anonymise = w.Checkbox(description=tx.ANONYMISE, value=False, indent=False)
        self._anonymise.add_class("cp-report-anonymise")
        self._build = button(tx.BUTTON, "cp-report-build", "primary")
        self._build.on_click(self._on_build)
        self._links = w.HTML()
        self._links.add_class("cp-report-links")
        self._notice = Notice()
        self.add_class("cp-report-panel")
        self.children = (w.HTML(f"<h3>{tx.PANEL_TITLE}</h3><p>{tx.PANEL_HELP}</p>"),
                         self._anonymise, self._build, self._notice, self._links)
        self.files: ReportFiles | None = None

    @property
    def notice(self) -> Notice:
        """The panel's message area."""
        return self._notice

    def produce(self, anonymise: bool = False) -> ReportFiles | None:
        """Tick or untick « Anonymiser » and press the button (tests)."""
        self._anonymise.value = anonymise
        self._build.click()
        return self.files

    @trainer_only()
    def _on_build(self, _button: w.Button) -> None:
        self._notice.show(tx.BUILDING)
        self.files = write_report(self._store, self._session, self._out_dir,
                                  anonymise=self._anonymise.value)
        self._notice.show(tx.DONE.format(seconds=f"{self.files.seconds:.1f}".replace(".", ","),
                                         html=self.files.html.name, xlsx=self.files.xlsx.name),
                          "succes")
        self._links.value = (
            f"<p>{download_link(self.files.html, tx.DOWNLOAD_HTML, 'cp-report-html')}</p>"
            f"<p>{download_link(self.files.xlsx, tx.DOWNLOAD_XLSX, 'cp-report-xlsx')}</p>"
            f"<p><small>{escape(tx.SAVED_IN.format(folder=self._out_dir))}</small></p>")


class ReportPage(SequencePage):
    """The session report page: everything is behind the trainer code."""

    css_class = "cp-report-page"

    def __init__(self, store: Store, query: Mapping[str, str] | None = None, *,
                 out_dir: Path | None = None, **kwargs: Any) -> None:
        self._out = out_dir
        self.panel: ReportPanel | None = None
        super().__init__(store, query, title=tx.TITLE, start=False, **kwargs)

    @override
    def build_trainer(self) -> list[w.Widget]:
        assert self.session is not None
        self.panel = ReportPanel(self._store, self.session.code, self.gate, self._out)
        return [self.panel]
