"""Correlates of War National Material Capabilities (peacesciencer's ``add_nmc``)."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.covariates._sql import kept
from multipolar.panels.panel import YEARLY, Panel

NMC_COLUMNS = ("milex", "milper", "irst", "pec", "tpop", "upop", "cinc")
# narrower than the source's int64 (largest milex is 8.4e8); a value that no longer fits fails loudly
NARROW = {"milex": "INTEGER", "milper": "INTEGER", "irst": "INTEGER", "pec": "INTEGER"}


def add_nmc(panel: Panel, keep: list[str] | None = None) -> Panel:
    """Military spending and personnel, iron and steel, energy, population and CINC (CoW NMC 7.0).
    ``keep`` limits the columns."""
    panel.require(units=YEARLY, system="cow", what="add_nmc")
    chosen = kept("add_nmc", NMC_COLUMNS, keep)
    first, last = dataset("cow_nmc").coverage
    narrowed = ", ".join(f"{c}::{NARROW[c]} AS {c}" if c in NARROW else c for c in NMC_COLUMNS)
    return panel.lookup_states(
        f"SELECT ccode, year, {narrowed} FROM {store.scan('cow_nmc')}",
        {c: f"{{t}}.{c}" for c in chosen},
        {c: "cow_nmc" for c in chosen},
        [f"NMC (cow_nmc) covers {first}-{last}; NMC columns are NA outside those years."],
    )
