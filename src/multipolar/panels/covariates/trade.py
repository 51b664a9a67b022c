"""Correlates of War trade (peacesciencer's ``add_cow_trade()``): national totals on state- and
leader-years, dyadic flows on dyad- and leader-dyad-years."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.panel import YEARLY, Panel

STATES = "cow_trade_sy"
DYADS = "cow_trade_ddy"  # the file peacesciencer's download_extdata() fetches
FLOWS = ("flow1", "flow2", "smoothflow1", "smoothflow2")


def add_cow_trade(panel: Panel) -> Panel:
    """CoW Trade 4.0, current million USD. State- and leader-years: the state's total ``imports``
    and ``exports``. Dyad- and leader-dyad-years: ``flow1`` (imports of the first state from the
    second), ``flow2`` (the reverse) and their smoothed versions ``smoothflow1``/``smoothflow2``.

    NA where the trade data have no row (before 1870, after 2014, and pairs they do not list)."""
    panel.require(units=YEARLY, system="cow", what="add_cow_trade")
    if not panel.dyadic:
        first, last = dataset(STATES).coverage
        return panel.lookup_states(
            store.scan(STATES),
            {"imports": "{t}.imports", "exports": "{t}.exports"},
            {"imports": STATES, "exports": STATES},
            [f"{STATES}: CoW trade covers {first}-{last}; imports/exports are NA outside those years."],
        )
    first, last = dataset(DYADS).coverage
    return panel.lookup(
        store.scan(DYADS),
        "{t}.ccode1 = p.ccode1 AND {t}.ccode2 = p.ccode2 AND {t}.year = p.year",
        {c: f"{{t}}.{c}" for c in FLOWS},
        dict.fromkeys(FLOWS, DYADS),
        [
            f"{DYADS}: CoW dyadic trade covers {first}-{last} (values rounded to three decimals, as "
            "peacesciencer distributes them); NA outside those years and for pairs it does not list."
        ],
    )
