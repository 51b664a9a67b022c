"""Rugged and mountainous terrain (peacesciencer's ``add_rugged_terrain()``)."""

from __future__ import annotations

from multipolar.data import store
from multipolar.panels.panel import YEARLY, Panel

DATASET = "rugged"
COLUMNS = ("rugged", "newlmtnest")


def add_rugged_terrain(panel: Panel) -> Panel:
    """``rugged``, Nunn and Puga's (2012) terrain ruggedness index, and ``newlmtnest``, the log of
    the share of the state that is mountainous (Fearon and Laitin 2003, extended by Gibler and
    Miller 2014). One value per state, the same every year (the data benchmark around 2000)."""
    panel.require(units=YEARLY, what="add_rugged_terrain")
    code = panel.code
    return panel.lookup_sides(
        f"SELECT {code}::SMALLINT AS {code}, rugged, newlmtnest FROM {store.scan(DATASET)} "
        f"WHERE {code} IS NOT NULL",
        {code: code + "{side}"},
        {c: f"{{t}}.{c}" for c in COLUMNS},
        dict.fromkeys(COLUMNS, DATASET),
        [f"{DATASET}: one value per state, not per year (terrain estimates of about 2000)."],
    )
