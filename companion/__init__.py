"""The companion of module 2.5: widgets for the live workshops, functions for one's own data.

The module is « Favoriser des formes alternatives de développement de l'ESS dans les
quartiers ». Importing ``companion`` is light: widgets (and ipywidgets) load on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

from companion.core.errors import CompanionError, ContentError, DataError, InputError, StoreError
from companion.store import Store, open_store

__version__ = "0.1.0"

# Public names provided lazily: name -> module that defines it.
_LAZY = {
    # foundation: course home, content, pages
    "HomePage": "companion.widgets.home.page",
    "ProjectionPage": "companion.widgets.projection",
    "page_parameters": "companion.serving.kernel",
    "warm_up": "companion.serving.kernel",
    "programme": "companion.content.course",
    "course": "companion.content.course",
    "word_frequencies": "companion.core.words",
    # brainstorm (remue-méninges)
    "BrainstormPage": "companion.widgets.brainstorm.page",
    "backup_json": "companion.store.backup",
    "restore_backup": "companion.store.backup",
    # diagnosis and site visit
    "DiagnosisPage": "companion.widgets.diagnosis.page",
    "VisitPage": "companion.widgets.visit",
    "mendelow": "companion.diagnosis.stakeholders",
    "absent_categories": "companion.diagnosis.stakeholders",
    "coconstruction_matrix": "companion.diagnosis.stakeholders",
    "consolidate": "companion.visit.grid",
    # indicators, SROI, own data
    "IndicatorsDashboard": "companion.widgets.indicators.dashboard",
    "SroiCalculator": "companion.widgets.indicators.sroi",
    "read_table": "companion.owndata.loading",
    "exit_rates": "companion.indicators.insertion",
    "aide_au_poste": "companion.indicators.aide",
    "yearly_aid": "companion.indicators.aide",
    "sroi": "companion.indicators.sroi",
    "qpv_profile": "companion.indicators.territory",
    "load_sample": "companion.owndata.sample",
    "load_catalogue": "companion.indicators.catalogue",
    "compare_to_targets": "companion.indicators.objectives",
    "economic_indicators": "companion.indicators.economics",
    "year_view": "companion.indicators.overview",
    "radar_scores": "companion.indicators.overview",
    "own_or_sample": "companion.indicators.overview",
    "load_tables": "companion.indicators.overview",
    "figures_table": "companion.indicators.overview",
    # introduction, round table, evaluation, report
    "IntroductionPage": "companion.widgets.introduction",
    "RoundTablePage": "companion.widgets.roundtable",
    "EvaluationPage": "companion.widgets.evaluation",
    "ReportPage": "companion.widgets.report",
    "ReportPanel": "companion.widgets.report",
    "build_report": "companion.report.build",
    "write_report": "companion.report.build",
    "search_glossary": "companion.introduction.materials",
    # project sheet (fiche projet): objectives, action plan, follow-up
    "ProjectSheetPage": "companion.widgets.project",
    "progress_figure": "companion.charts.project",
    "ProjectSheet": "companion.project",
    "add_action": "companion.project",
    "add_objective": "companion.project",
    "attach_findings": "companion.project",
    "build_sheet": "companion.project",
    "check_sheet": "companion.project",
    "record_followup": "companion.project",
    "sheet_from_json": "companion.project",
    "sheet_html": "companion.project",
    "sheet_progress": "companion.project",
    "sheet_to_json": "companion.project",
    "sheet_workbook": "companion.project",
    "stored_sheet": "companion.project",
    "sheets_folder": "companion.project",
    "visit_findings": "companion.project",
    "glossary": "companion.introduction.materials",
}

__all__ = [
    "CompanionError",
    "ContentError",
    "DataError",
    "InputError",
    "Store",
    "StoreError",
    "open_store",
    *_LAZY,
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'companion' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
