"""State-year and dyad-year panels with peacesciencer's covariates, built lazily in DuckDB."""

from multipolar.panels import covariates
from multipolar.panels.covariates import COVARIATES
from multipolar.panels.create import create_dyadyears, create_stateyears
from multipolar.panels.panel import Panel

__all__ = ["COVARIATES", "Panel", "covariates", "create_dyadyears", "create_stateyears"]
