"""Simulated GDP and population (Anders, Fariss and Markowitz 2020; ``add_sim_gdp_pop``)."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.covariates._sql import kept
from multipolar.panels.panel import YEARLY, Panel

GDP_POP_COLUMNS = ("mrgdppc", "sd_mrgdppc", "pwtrgdp", "sd_pwtrgdp", "pwtpop", "sd_pwtpop")


def add_sim_gdp_pop(panel: Panel, keep: list[str] | None = None) -> Panel:
    """GDP per capita (Maddison-anchored), real GDP and population (PWT-anchored), with their SDs.
    ``keep`` limits the columns."""
    panel.require(units=YEARLY, what="add_sim_gdp_pop")
    chosen = kept("add_sim_gdp_pop", GDP_POP_COLUMNS, keep)
    source = "cw_gdppop" if panel.system == "cow" else "gw_gdppop"
    first, last = dataset(source).coverage
    note = f"GDP and population ({source}) cover {first}-{last}; NA outside those years."
    return panel.lookup_states(
        store.scan(source),
        {c: f"{{t}}.{c}" for c in chosen},
        {c: source for c in chosen},
        [note],
    )
