"""The shared participatory diagnosis page.

AFOM grid, stakeholder map, needs / responses, territory figures, and the « mon territoire »
export / import.

Participants contribute per subgroup (``?groupe=…`` or the field at the top); the trainer's
page, unlocked with the trainer code, validates, merges and exports. With no trainer code
configured (a trainee alone in JupyterLab) everything is open, in a personal session.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import ipywidgets as w
import traitlets

from companion.core import config
from companion.core.errors import InputError
from companion.core.model import TRAINER, TrainingSession
from companion.core.safety import escape
from companion.core.text import strip_controls
from companion.report import territory as workbook
from companion.store import Store
from companion.store.sessions import PersonalSession
from companion.texts import diagnosis as td
from companion.widgets.base import Notice, TrainerGate, button, guarded, trainer_only
from companion.widgets.diagnosis.actors import (
    NeedsBoard,
    NeedsForm,
    StakeholderBoard,
    StakeholderForm,
)
from companion.widgets.diagnosis.afom import AfomBoard, AfomForm, AfomModeration
from companion.widgets.diagnosis.territory import TerritoryPanel
from companion.widgets.page import SessionPage

if TYPE_CHECKING:
    import pandas as pd

    from companion.widgets.diagnosis.projection import ProjectionPanel

MIME = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "json": "application/json"}


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

    def __init__(self, store: Store, session: str, gate: TrainerGate | None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._store, self._session, self.gate = store, session, gate
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

    @trainer_only()
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

    @trainer_only()
    def import_bytes(self, content: bytes, name: str) -> None:
        """Import a file exported by the companion (French notice on any problem)."""
        report = workbook.import_file(self._store, self._session, content, name, actor=TRAINER)
        self._notice.show(td.IMPORT_DONE.format(added=report.added, skipped=report.skipped),
                          "succes")

    def _on_upload(self, change: dict[str, Any]) -> None:
        for item in change["new"] or ():
            self.import_bytes(bytes(item["content"]), str(item["name"]))


#: The personal session of a trainee alone on the diagnosis, visit and indicators pages.
TERRITORY_SESSION = PersonalSession(workbook.OWN_SESSION, td.SOLO_GROUP)


class SubgroupPage(SessionPage):
    """A page where participants contribute per subgroup (the diagnosis, the visit).

    The subgroup comes from the address (``?groupe=…``) or the field at the top; the
    :attr:`group` trait and the field follow each other. A trainee alone works in the
    personal session « TERRITOIRE ».
    """

    group = traitlets.Unicode("", help="The subgroup this page writes for (empty: none yet).")
    personal_session = TERRITORY_SESSION

    def __init__(self, store: Store, query: Mapping[str, str] | None = None, *,
                 trainer_code: str | object | None = ..., **kwargs: Any) -> None:
        super().__init__(store, query, trainer_code=trainer_code, **kwargs)
        self.group_field: GroupField | None = None
        self.observe(self._on_group, names="group")

    def bind_group(self, session: TrainingSession) -> GroupField:
        """Build the subgroup field of ``session`` (the address's, or the solo default)."""
        if self.personal:
            self._notice.show(td.SOLO_MODE.format(code=session.code))
        name = self._query.get("groupe", "") or (td.SOLO_GROUP if self.personal else "")
        field = GroupField(self._store, session.code, name)
        field.observe(lambda _c: self._follow_field(), names="value")
        self.group_field = field
        self.group = field.name()
        return field

    def current_group(self) -> str:
        """Return the subgroup (registered in the store), or refuse an empty one."""
        if self.group_field is None:
            raise InputError(td.GROUP_REQUIRED)
        return self.group_field.current()

    def _follow_field(self) -> None:
        if self.group_field is not None:
            self.group = self.group_field.name()

    def _on_group(self, change: dict[str, Any]) -> None:
        field = self.group_field
        if field is not None and field.name() != change["new"]:
            field.value = change["new"]


class DiagnosisPage(SubgroupPage):
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
        super().__init__(store, query, trainer_code=trainer_code, **kwargs)
        self.territory = TerritoryPanel(tables)
        self._title = w.HTML(f"<h2>{td.PAGE_TITLE}</h2>")
        self.moderation: AfomModeration | None = None
        self.projection: ProjectionPanel | None = None
        self.workbook: WorkbookPanel | None = None
        self.add_class("cp-diagnosis")
        self.open_page()

    def bind(self, session: TrainingSession | None) -> None:
        """Build the subgroup's forms and the shared boards of ``session``."""
        if session is None:
            empty: tuple[Any, ...] = (self._title, self._notice, self.territory)
            self.children = empty
            return
        store, code, current = self._store, session.code, self.current_group
        group = self.bind_group(session)
        self.afom_form = AfomForm(store, code, current)
        self.afom_board = AfomBoard(store, code)
        self.actor_form = StakeholderForm(store, code, current)
        self.actor_board = StakeholderBoard(store, code)
        self.need_form = NeedsForm(store, code, current)
        self.need_board = NeedsBoard(store, code)
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
        self.children = (self._title, self._notice, group, tabs, self.trainer_area,
                         self.live_bar())

    def build_trainer(self) -> list[w.Widget]:
        """AFOM moderation, the projector charts and the « mon territoire » export / import.

        The charts (pandas, plotly) are imported here: a participant's page shows the same
        data as HTML and loads neither.
        """
        from companion.widgets.diagnosis.projection import ProjectionPanel

        assert self.session is not None
        self.moderation = AfomModeration(self._store, self.session.code,
                                         on_change=self._refresh_boards, gate=self.gate)
        self.projection = ProjectionPanel(self._store, self.session.code)
        self.workbook = WorkbookPanel(self._store, self.session.code, self.gate)
        return [self.moderation, self.projection, self.workbook]

    def _refresh_boards(self) -> None:
        self.touch()
        self.afom_board.refresh()
        if self.projection is not None:
            self.projection.refresh()

    @guarded()
    def refresh(self) -> None:
        """Re-read the store: the grid, the actors, the needs (and moderation lists)."""
        if self.session is None:
            return
        self.afom_board.refresh()
        self.actor_board.refresh()
        self.need_board.refresh()
        if self.moderation is not None and self.trainer_area.built:
            self.moderation.refresh()
        if self.projection is not None and self.trainer_area.built:
            self.projection.refresh()
