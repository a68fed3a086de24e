"""The territorial project sheet: from the workshop to objectives, an action plan, a follow-up.

Model, builder, checks, JSON, HTML and XLSX exports. Pure.
"""

from __future__ import annotations

from companion.project.build import build_sheet, stored_sheet, visit_findings
from companion.project.checks import check_sheet
from companion.project.codec import from_json as sheet_from_json
from companion.project.codec import to_json as sheet_to_json
from companion.project.export import render_html as sheet_html
from companion.project.export import sheets_folder
from companion.project.export import write_workbook as sheet_workbook
from companion.project.followup import progress as sheet_progress
from companion.project.sheet import (
    ProjectSheet,
    add_action,
    add_objective,
    attach_findings,
    record_followup,
)

__all__ = [
    "ProjectSheet", "add_action", "add_objective", "attach_findings", "build_sheet",
    "check_sheet", "record_followup", "sheet_from_json", "sheet_html", "sheet_progress",
    "sheet_to_json", "sheet_workbook", "sheets_folder", "stored_sheet", "visit_findings",
]
