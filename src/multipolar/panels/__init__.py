"""State-, dyad-, leader- and leader-dyad-year (and state- and leader-day) panels with
peacesciencer's covariates, built lazily in DuckDB."""

from multipolar.panels import covariates
from multipolar.panels.covariates import COVARIATES
from multipolar.panels.create import create_dyadyears, create_statedays, create_stateyears
from multipolar.panels.leaders import create_leaderdays, create_leaderdyadyears, create_leaderyears
from multipolar.panels.panel import Panel

__all__ = [
    "COVARIATES",
    "Panel",
    "covariates",
    "create_dyadyears",
    "create_leaderdays",
    "create_leaderdyadyears",
    "create_leaderyears",
    "create_statedays",
    "create_stateyears",
]
