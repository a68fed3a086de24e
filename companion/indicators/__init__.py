"""Indicators of insertion, economic viability, territory and their targets (pure functions).

The definitions (labels, units, formulas, sources) live in the catalogue
(``data/indicators.toml``, see :mod:`companion.indicators.catalogue`); the modules below compute
the values from tables.
"""

from __future__ import annotations

from companion.indicators.aide import aide_au_poste, rate_on
from companion.indicators.catalogue import Indicator, by_family, indicator, load_catalogue
from companion.indicators.economics import economic_indicators, sales_by_client_type
from companion.indicators.insertion import etp, exit_rates
from companion.indicators.objectives import Target, compare_to_targets
from companion.indicators.territory import key_figures, qpv_profile, weighted_mean

__all__ = [
    "Indicator",
    "Target",
    "aide_au_poste",
    "by_family",
    "compare_to_targets",
    "economic_indicators",
    "etp",
    "exit_rates",
    "indicator",
    "key_figures",
    "load_catalogue",
    "qpv_profile",
    "rate_on",
    "sales_by_client_type",
    "weighted_mean",
]
