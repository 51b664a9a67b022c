"""Correlates of War National Material Capabilities (peacesciencer's ``add_nmc``)."""

from __future__ import annotations

from multipolar.data import store
from multipolar.panels.panel import Panel

NMC_COLUMNS = ("milex", "milper", "irst", "pec", "tpop", "upop", "cinc")


def add_nmc(panel: Panel) -> Panel:
    """Military spending and personnel, iron and steel, energy, population and CINC (CoW NMC 7.0)."""
    panel.require(system="cow", what="add_nmc")
    first, last = _coverage()
    return panel.lookup_states(
        store.scan("cow_nmc"),
        {c: f"{{t}}.{c}" for c in NMC_COLUMNS},
        {c: "cow_nmc" for c in NMC_COLUMNS},
        [f"NMC (cow_nmc) covers {first}-{last}; NMC columns are NA outside those years."],
    )


def _coverage() -> tuple[int, int]:
    from multipolar.data.catalog import dataset

    return dataset("cow_nmc").coverage
