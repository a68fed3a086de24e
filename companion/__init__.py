"""The companion of module 2.5 « Favoriser des formes alternatives de développement de l'ESS
dans les quartiers »: widgets for the live workshops and functions to reuse on one's own data.

Importing ``companion`` is light: widgets (and ipywidgets) load on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

from companion.errors import CompanionError, ContentError, DataError, InputError, StoreError
from companion.store import Store, open_store

__version__ = "0.1.0"

# Public names provided lazily: name -> module that defines it.
_LAZY = {
    # foundation: course home, content, pages
    "HomePage": "companion.widgets.home",
    "page_parameters": "companion.page",
    "warm_up": "companion.page",
    "programme": "companion.content",
    "course": "companion.content",
    "word_frequencies": "companion.words",
    # brainstorm (remue-méninges)
    "BrainstormPage": "companion.widgets.brainstorm",
    "backup_json": "companion.exports",
    "restore_backup": "companion.exports",
    # diagnosis and site visit
    "DiagnosisPage": "companion.widgets.diagnosis",
    "VisitPage": "companion.widgets.visit",
    "mendelow": "companion.stakeholders",
    "absent_categories": "companion.stakeholders",
    "coconstruction_matrix": "companion.stakeholders",
    "consolidate": "companion.visit",
    # indicators, SROI, own data
    "IndicatorsDashboard": "companion.widgets.indicators",
    "SroiCalculator": "companion.widgets.sroi_calculator",
    "read_table": "companion.loading",
    "exit_rates": "companion.indicators.insertion",
    "aide_au_poste": "companion.indicators.aide",
    "sroi": "companion.social_return",
    "qpv_profile": "companion.indicators.territory",
    "load_sample": "companion.sample",
    "load_catalogue": "companion.indicators.catalogue",
    "compare_to_targets": "companion.indicators.objectives",
    "economic_indicators": "companion.indicators.economics",
    "year_view": "companion.dashboard",
    "radar_scores": "companion.dashboard",
    "own_or_sample": "companion.dashboard",
    # introduction, round table, evaluation, report
    "IntroductionPage": "companion.widgets.introduction",
    "RoundTablePage": "companion.widgets.roundtable",
    "EvaluationPage": "companion.widgets.evaluation",
    "ReportPage": "companion.widgets.report",
    "ReportPanel": "companion.widgets.report",
    "build_report": "companion.report",
    "write_report": "companion.report",
    "search_glossary": "companion.introduction",
    "glossary": "companion.introduction",
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
