"""The shared participatory diagnosis page: AFOM grid, stakeholder map, needs / responses,
territory figures, and the « mon territoire » export / import.

Participants contribute per subgroup (``?groupe=…`` or the field at the top); the trainer's
page, unlocked with the trainer code, validates, merges and exports. With no trainer code
configured (a trainee alone in JupyterLab) everything is open, in a personal session.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

import ipywidgets as w
import pandas as pd

from companion.core import config
from companion.core.errors import InputError
from companion.core.model import TRAINER
from companion.core.safety import escape
from companion.core.text import strip_controls
from companion.report import territory as workbook
from companion.store import Store
from companion.store.sessions import page_session
from companion.texts import common as tc
from companion.texts import diagnosis as td
from companion.widgets.base import LivePage, Notice, TrainerGate, button, guarded
from companion.widgets.diagnosis.actors import (
    NeedsBoard,
    NeedsForm,
    StakeholderBoard,
    StakeholderForm,
)
from companion.widgets.diagnosis.afom import AfomBoard, AfomForm, AfomModeration
from companion.widgets.diagnosis.territory import TerritoryPanel

MIME = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "json": "application/json"}


def resolve_session(store: Store, query: Mapping[str, str],
                    trainer_code: str | None) -> tuple[str | None, bool, str]:
    """Return (session code, solo mode, error message) for a page.

    The ``session`` of the query, else the active session, else — for a trainee alone (no
    trainer code) — the personal session « TERRITOIRE ».
    """
    code = query.get("session", "").strip().upper()
    if code:
        try:
            found = page_session(store, code)
        except InputError as error:  # an archived session
            return None, False, str(error)
        if found is None:
            return None, False, tc.UNKNOWN_SESSION.format(code=code)
        return code, False, ""
    active = store.active_session()
    if active is not None:
        return active.code, False, ""
    if trainer_code is None:
        return workbook.own_session(store), True, ""
    return None, False, tc.NO_SESSION


class GroupField(w.Combobox):
    """The subgroup of this page: from the address, or typed / chosen from known ones."""

    def __init__(self, store: Store, session: str, value: str = "", **kwargs: Any) -> None:
        names = [g.name for g in store.list_groups(session)]
        super().__init__(value=value, options=names, placeholder=td.GROUP_PLACEHOLDER,
                         description=td.GROUP_LABEL, ensure_option=False, **kwargs)
        self._store, self._session = store, session
        self._known: tuple[str, ...] = tuple(names)
        self.add_class("cp-group")

    def name(self) -> str:
        """Return the subgroup as typed (spaces normalised), possibly empty; writes nothing."""
        return " ".join(strip_controls(self.value).split())[:80]

    def current(self) -> str:
        """Return the subgroup (registered in the store), or refuse an empty one."""
        name = self.name()
        if not name:
            raise InputError(td.GROUP_REQUIRED)
        if name not in self._known:
            self._store.add_group(self._session, name)
            self._known = (*self._known, name)
            self.options = self._known
        return name


def download_link(content: bytes, name: str, css_class: str) -> str:
    """Return an HTML link that downloads ``content`` (a data: URI, no server route)."""
    kind = name.rsplit(".", 1)[-1]
    payload = base64.b64encode(content).decode("ascii")
    return (f'<a class="{escape(css_class)}" download="{escape(name)}" '
            f'href="data:{MIME.get(kind, "application/octet-stream")};base64,{payload}">'
            f"{escape(td.EXPORT_LINK.format(name=name))}</a>")


class WorkbookPanel(w.VBox):
    """Export the session's diagnosis and visit to XLSX / JSON; import such a file back."""

    def __init__(self, store: Store, session: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session = store, session
        self._xlsx = button(td.EXPORT_XLSX, "cp-export-xlsx", "primary")
        self._json = button(td.EXPORT_JSON, "cp-export-json")
        self._xlsx.on_click(lambda _b: self._export("xlsx"))
        self._json.on_click(lambda _b: self._export("json"))
        self._link = w.HTML()
        self._link.add_class("cp-export-link")
        self._upload = w.FileUpload(accept=".xlsx,.json", multiple=False,
                                    description=td.IMPORT_UPLOAD)
        self._upload.add_class("cp-import-upload")
        self._upload.observe(self._on_upload, names="value")
        self._notice = Notice()
        self.exported: bytes = b""
        self.add_class("cp-workbook")
        self.children = (w.HTML(f"<h3>{td.WORKBOOK_TITLE}</h3><p>{td.WORKBOOK_HELP}</p>"),
                         w.HBox([self._xlsx, self._json]), self._link, self._upload,
                         self._notice)

    @property
    def notice(self) -> Notice:
        """The panel's message area."""
        return self._notice

    @guarded()
    def _export(self, kind: str) -> None:
        maker = workbook.to_xlsx if kind == "xlsx" else workbook.to_json
        self.exported = maker(self._store, self._session)
        stamp = config.now().strftime("%Y-%m-%d")
        name = f"diagnostic-{self._session}-{stamp}.{kind}"
        self._link.value = download_link(self.exported, name, "cp-export-download")
        self._notice.show(td.EXPORT_READY.format(name=name, size=len(self.exported)), "succes")

    def export(self, kind: str) -> bytes:
        """Press « Exporter en Excel » (``xlsx``) or « … JSON » (``json``); return the bytes."""
        (self._xlsx if kind == "xlsx" else self._json).click()
        return self.exported

    @guarded()
    def import_bytes(self, content: bytes, name: str) -> None:
        """Import a file exported by the companion (French notice on any problem)."""
        report = workbook.import_file(self._store, self._session, content, name, actor=TRAINER)
        self._notice.show(td.IMPORT_DONE.format(added=report.added, skipped=report.skipped),
                          "succes")

    def _on_upload(self, change: dict[str, Any]) -> None:
        for item in change["new"] or ():
            self.import_bytes(bytes(item["content"]), str(item["name"]))


class DiagnosisPage(LivePage):
    """The diagnosis page: forms for the subgroups, shared views, trainer moderation.

    Parameters
    ----------
    store
        Where contributions are written and read.
    query
        The page's query parameters (``session``, ``groupe``).
    trainer_code
        The code that unlocks moderation; default: the one ``companion serve`` gave; None
        (a trainee alone) opens everything.
    tables
        Territory tables already read (name → DataFrame) for the « chiffres » tab.
    """

    def __init__(self, store: Store, query: Mapping[str, str] | None = None, *,
                 trainer_code: str | object | None = ...,
                 tables: Mapping[str, pd.DataFrame] | None = None, **kwargs: Any) -> None:
        super().__init__(store, **kwargs)
        query = dict(query or {})
        code = config.trainer_code() if trainer_code is ... else trainer_code
        code = code if isinstance(code, str) else None
        self._notice = Notice()
        self.session, self.solo, problem = resolve_session(store, query, code)
        self.gate = TrainerGate(code)
        self._trainer_area = w.VBox()
        self.add_class("cp-diagnosis")
        self.territory = TerritoryPanel(tables)
        if self.session is None:
            self._notice.show(problem, "erreur")
            empty: tuple[Any, ...] = (w.HTML(f"<h2>{td.PAGE_TITLE}</h2>"), self._notice,
                                      self.territory)
            self.children = empty
            return
        if self.solo:
            self._notice.show(td.SOLO_MODE.format(code=self.session))
        group = query.get("groupe", "") or (td.SOLO_GROUP if self.solo else "")
        self.group = GroupField(store, self.session, group)
        current = self.group.current
        self.afom_form = AfomForm(store, self.session, current)
        self.afom_board = AfomBoard(store, self.session)
        self.actor_form = StakeholderForm(store, self.session, current)
        self.actor_board = StakeholderBoard(store, self.session)
        self.need_form = NeedsForm(store, self.session, current)
        self.need_board = NeedsBoard(store, self.session)
        self.moderation: AfomModeration | None = None
        self.workbook: WorkbookPanel | None = None
        tabs = w.Tab(children=[
            w.VBox([self.afom_form, self.afom_board]),
            w.VBox([self.actor_form, self.actor_board]),
            w.VBox([self.need_form, self.need_board]),
            self.territory,
        ])
        for index, title in enumerate((td.TAB_AFOM, td.TAB_ACTORS, td.TAB_NEEDS,
                                       td.TAB_TERRITORY)):
            tabs.set_title(index, title)
        tabs.add_class("cp-diagnosis-tabs")
        self.tabs = tabs
        self.gate.observe(lambda _c: self._show_trainer_area(), names="unlocked")
        trainer_box = w.VBox([w.HTML(f"<h2>{tc.TRAINER_PANEL_TITLE}</h2>"), self.gate,
                              self._trainer_area])
        trainer_box.add_class("cp-trainer")
        self.children = (w.HTML(f"<h2>{td.PAGE_TITLE}</h2>"), self._notice, self.group, tabs,
                         trainer_box, self.live_bar())
        self._show_trainer_area()
        self.poller.mark_seen()
        self.start_live()

    def _show_trainer_area(self) -> None:
        if not self.gate.unlocked or self.session is None:
            self._trainer_area.children = ()
            return
        if self.moderation is None:
            self.moderation = AfomModeration(self._store, self.session,
                                             on_change=self._refresh_boards)
            self.workbook = WorkbookPanel(self._store, self.session)
        assert self.workbook is not None
        self._trainer_area.children = (self.moderation, self.workbook)

    def _refresh_boards(self) -> None:
        self.touch()
        self.afom_board.refresh()

    @guarded()
    def refresh(self) -> None:
        """Re-read the store: the grid, the actors, the needs (and moderation lists)."""
        if self.session is None:
            return
        self.afom_board.refresh()
        self.actor_board.refresh()
        self.need_board.refresh()
        if self.moderation is not None:
            self.moderation.refresh()
