"""Datasets with their row numbers, for covariates that copy peacesciencer's tie-breaking.

peacesciencer often keeps "the first row" of a group (``slice(1)``, ``distinct()``), which in R
means the data's own order; ``file_row_number`` carries that order into SQL.
"""

from __future__ import annotations

from multipolar.data import store


def in_file_order(name: str) -> str:
    """A query over dataset ``name`` with a ``file_row_number`` column (0 = first row)."""
    return f"SELECT * FROM read_parquet('{store.path(name).as_posix()}', file_row_number = true)"
