"""Correlates of War trade totals on state-years, as peacesciencer's ``add_cow_trade()``."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.panel import Panel

DATASET = "cow_trade_sy"


def add_cow_trade(panel: Panel) -> Panel:
    """The state's total ``imports`` and ``exports`` (current million USD, CoW Trade 4.0).

    Dyad-year trade is not offered: peacesciencer downloads it from its author's website at run
    time, and it is not a catalogued dataset here."""
    panel.require(unit="state", system="cow", what="add_cow_trade")
    first, last = dataset(DATASET).coverage
    return panel.lookup_states(
        store.scan(DATASET),
        {"imports": "{t}.imports", "exports": "{t}.exports"},
        {"imports": DATASET, "exports": DATASET},
        [f"{DATASET}: CoW trade covers {first}-{last}; imports/exports are NA outside those years."],
    )
