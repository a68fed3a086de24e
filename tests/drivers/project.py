"""The project-sheet page (:class:`~companion.widgets.project.ProjectSheetPage`), driven as a
subgroup and the trainer use it."""

from __future__ import annotations

from companion.texts import project as tp
from companion.widgets.project import ProjectSheetPage
from tests.drivers.widgets import WidgetDriver

DATE = " (AAAA-MM-JJ)"  # the date fields say the format they expect


class ProjectSheetDriver:
    """Fill the sheet's forms and press its buttons; read the sheet, the notice, the links."""

    def __init__(self, page: ProjectSheetPage) -> None:
        self.page = page
        self.ui = WidgetDriver(page, "fiche projet")

    # --- actions ---------------------------------------------------------------------------
    def build(self, *, replace: bool | None = None) -> None:
        """Take the session's productions into the sheet (ticking « Remplacer » if asked)."""
        if replace is not None:
            self.ui.tick(tp.REPLACE, replace)
        self.ui.click(tp.BUILD)

    def attach_findings(self) -> None:
        """Join the site visit's findings."""
        self.ui.click(tp.ATTACH)

    def add_territory(self, qpv: str) -> None:
        """Type a neighbourhood (code or name) and add its key figures."""
        self.ui.type(tp.TERRITORY_FIELD, qpv)
        self.ui.click(tp.TERRITORY_ADD)

    def add_objective(self, label: str, *, indicator: str | None = None, baseline: str = "",
                      target: str = "", due: str = "") -> None:
        """Fill the objective form (``indicator``: its catalogue id) and add it."""
        self.ui.type(tp.F_OBJECTIVE, label)
        if indicator is not None:
            self.ui.select_value(tp.F_INDICATOR, indicator)
        self.ui.type(tp.F_BASELINE, baseline)
        self.ui.type(tp.F_TARGET, target)
        self.ui.type(tp.F_DUE + DATE, due)
        self.ui.click(tp.OBJECTIVE_ADD)

    def add_action(self, title: str, *, lever: str | None = None, lead: str | None = None,
                   start: str = "", end: str = "") -> None:
        """Fill the action form (``lever`` and ``lead`` as the lists show them) and add it."""
        self.ui.type(tp.F_ACTION, title)
        if lever is not None:
            self.ui.select(tp.F_ACTION_LEVER, lever)
        if lead is not None:
            self.ui.select(tp.F_LEAD, lead)
        self.ui.type(tp.F_START + DATE, start)
        self.ui.type(tp.F_END + DATE, end)
        self.ui.click(tp.ACTION_ADD)

    def download(self) -> None:
        """Ask for the sheet's files."""
        self.ui.click(tp.DOWNLOAD)

    # --- what is shown ---------------------------------------------------------------------
    def value(self, label: str) -> object:
        """What the field ``label`` holds (what was typed stays after a refusal)."""
        return self.ui.value_of(label)

    def notice_level(self) -> str:
        """The level of the subgroup's message (``succes``, ``erreur``…)."""
        return self.page.form_notice.level

    def notice_text(self) -> str:
        """The subgroup's message."""
        return self.page.form_notice.text

    def sheet_html(self) -> str:
        """The subgroup's sheet as it stands."""
        return self.ui.html_of("cp-project-view")

    def all_sheets_html(self) -> str:
        """The trainer's view of every subgroup's sheet."""
        return self.ui.html_of("cp-project-all")

    def links_html(self) -> str:
        """The download links."""
        return self.ui.html_of("cp-project-links")
