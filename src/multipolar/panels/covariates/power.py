"""Each state's share of world power under a multipolar power measure. Not in peacesciencer."""

from __future__ import annotations

from collections.abc import Mapping

from multipolar.panels.covariates._sql import on_panel_codes, registered
from multipolar.panels.panel import YEARLY, Panel
from multipolar.power import measures


def add_power_shares(
    panel: Panel, measure: str = "cinc", weights: Mapping[str, float] | str | None = None
) -> Panel:
    """``<measure>_share`` (dyads ``..._share1``, ``..._share2``): the state's share of world power.

    The state's value over the total of the year's world (each state counted once), as
    ``multipolar.power.measures.values`` computes it (``weights`` for the composite measure).
    NA where the source has no value for the state-year."""
    panel.require(units=YEARLY, what="add_power_shares")
    name = measures.measure_name(measure)
    series = measures.series(name, weights)
    column = f"{name}_share"
    weighted = measures.parse_weights(weights) if name == "composite" else None
    table = registered(panel, "power", series.rows[["cow", "year", "value"]], name, weighted)
    shares = f"SELECT cow, year, value / sum(value) OVER (PARTITION BY year) AS share FROM {table}"
    return panel.lookup_states(
        on_panel_codes(shares, panel),
        {column: "{t}.share"},
        {column: series.dataset},
        [
            f"{column}: share of the world total of {name} ({series.dataset}, {series.first}-"
            f"{series.last}) over the year's world, each state counted once; NA outside those years, "
            "where a state has no value, or for a state-year its successor's row holds (West Germany 1990).",
            *series.notes,
        ],
        code="code",
    )
