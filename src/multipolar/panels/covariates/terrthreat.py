"""Latent external territorial threat (Miller 2022), peacesciencer's
``add_latent_territorial_threat()``."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.errors import InputError
from multipolar.panels.covariates._sql import kept
from multipolar.panels.panel import YEARLY, Panel

DATASET = "terrthreat"
COLUMNS = ("lterrthreat", "sd", "lwr", "upr", "m_lterrthreat", "m_sd", "m_lwr", "m_upr")


def add_latent_territorial_threat(panel: Panel, keep: list[str] | None = None) -> Panel:
    """The state's latent territorial threat (``lterrthreat``, with its ``sd`` and 90% interval
    ``lwr``-``upr``) and the ``m_`` estimates of the model that includes major powers; dyads and
    leader-dyads get both states' (the state's threat, not the threat between the two).

    The estimates are keyed by CoW codes: G-W panels need ``ccode`` first
    (``add_ccode_to_gw()``), as in peacesciencer. ``keep`` limits the columns."""
    panel.require(units=YEARLY, what="add_latent_territorial_threat")
    chosen = kept("add_latent_territorial_threat", COLUMNS, keep)
    first, last = dataset(DATASET).coverage
    columns = {c: f"{{t}}.{c}" for c in chosen}
    sources = dict.fromkeys(chosen, DATASET)
    notes = [f"{DATASET}: latent territorial threat covers {first}-{last}; NA outside those years."]
    if panel.system == "cow":
        return panel.lookup_states(store.scan(DATASET), columns, sources, notes)
    sides = ("1", "2") if panel.dyadic else ("",)
    needed = [f"ccode{side}" for side in sides]
    if not set(needed) <= set(panel.columns):
        raise InputError(
            "add_latent_territorial_threat reads CoW codes, which this Gleditsch-Ward panel does not have.",
            "Run add_ccode_to_gw() first, or build the panel with system='cow'.",
        )
    joins = " ".join(
        f"LEFT JOIN {store.scan(DATASET)} t{side} ON t{side}.ccode = p.ccode{side} AND t{side}.year = p.year"
        for side in sides
    )
    picks = ", ".join(
        f"{expr.format(t=f't{side}')} AS {name}{side}" for side in sides for name, expr in columns.items()
    )
    sql = f"SELECT {', '.join(f'p.{k}' for k in panel.keys)}, {picks} FROM panel p {joins}"
    return panel.join(sql, {f"{c}{side}": DATASET for side in sides for c in chosen}, notes)
