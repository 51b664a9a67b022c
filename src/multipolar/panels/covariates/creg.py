"""Ethnic and religious fractionalization and polarization (CREG), as peacesciencer's
``add_creg_fractionalization()``."""

from __future__ import annotations

from multipolar.data.catalog import dataset
from multipolar.panels.covariates._sql import in_file_order
from multipolar.panels.panel import YEARLY, Panel

DATASET = "creg"
COLUMNS = ("ethfrac", "ethpol", "relfrac", "relpol")


def add_creg_fractionalization(panel: Panel) -> Panel:
    """``ethfrac``, ``ethpol``, ``relfrac``, ``relpol`` for the state (or both states of a dyad).

    CREG repeats a few state-years once its rows are put on CoW or G-W codes (Russia/USSR 1991,
    Serbia/Yugoslavia 1991-92); like peacesciencer, a missing value there takes the group's
    maximum and the more fractionalized row is kept (pre-dissolution estimates)."""
    panel.require(units=YEARLY, what="add_creg_fractionalization")
    code = panel.code
    first, last = dataset(DATASET).coverage
    filled = ", ".join(
        f"coalesce({c}, CASE WHEN count(*) OVER g > 1 THEN max({c}) OVER g END) AS {c}" for c in COLUMNS
    )
    one_per_state_year = f"""
        SELECT {code}, year, {", ".join(COLUMNS)}
        FROM (SELECT {code}, year, {filled}, file_row_number
              FROM ({in_file_order(DATASET)}) WINDOW g AS (PARTITION BY {code}, year))
        QUALIFY row_number() OVER (
            PARTITION BY {code}, year
            ORDER BY ethfrac DESC NULLS LAST, relfrac DESC NULLS LAST, file_row_number) = 1"""
    return panel.lookup_states(
        one_per_state_year,
        {c: f"{{t}}.{c}" for c in COLUMNS},
        dict.fromkeys(COLUMNS, DATASET),
        [f"{DATASET}: CREG covers {first}-{last}; its columns are NA outside those years."],
    )
