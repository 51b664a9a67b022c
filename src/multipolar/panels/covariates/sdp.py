"""Surplus and gross domestic product and population simulations on the deprecated data
(peacesciencer's ``add_sdp_gdp()``; ``add_sim_gdp_pop()`` supersedes them)."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.panel import STATES_AND_DYADS, Panel

COLUMNS = ("wbgdp2011est", "wbpopest", "sdpest", "wbgdppc2011est")


def add_sdp_gdp(panel: Panel) -> Panel:
    """Anders, Fariss and Markowitz's (2020) simulated GDP (``wbgdp2011est``), population
    (``wbpopest``), surplus domestic product (``sdpest``) and GDP per capita (``wbgdppc2011est``),
    logged, from the data peacesciencer has deprecated (``add_sim_gdp_pop()`` is their successor)."""
    panel.require(units=STATES_AND_DYADS, what="add_sdp_gdp")
    name = "cow_sdp_gdp" if panel.system == "cow" else "gw_sdp_gdp"
    first, last = dataset(name).coverage
    return panel.lookup_states(
        store.scan(name),
        {c: f"{{t}}.{c}" for c in COLUMNS},
        dict.fromkeys(COLUMNS, name),
        [f"{name} (deprecated by peacesciencer) covers {first}-{last}; NA outside those years."],
    )
