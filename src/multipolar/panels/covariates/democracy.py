"""Democracy estimates: Xavier Marquez's extended UDS, Polity and V-Dem polyarchy (``add_democracy``).

peacesciencer 1.2.9 takes these from isard's ``cw_democracy`` / ``gw_democracy``.
"""

from __future__ import annotations

from multipolar.data import store
from multipolar.panels.covariates._sql import kept
from multipolar.panels.panel import YEARLY, Panel

DEMOCRACY_COLUMNS = ("euds", "aeuds", "polity2", "v2x_polyarchy")


def add_democracy(panel: Panel, keep: list[str] | None = None) -> Panel:
    """``euds``, ``aeuds`` (extended UDS), ``polity2`` and ``v2x_polyarchy`` for each state-year.
    ``keep`` limits the columns."""
    panel.require(units=YEARLY, what="add_democracy")
    chosen = kept("add_democracy", DEMOCRACY_COLUMNS, keep)
    source = "cw_democracy" if panel.system == "cow" else "gw_democracy"
    note = (
        f"Democracy ({source}): NA where a measure has no estimate for the state-year "
        "(Polity and V-Dem do not cover every state or year)."
    )
    return panel.lookup_states(
        f"SELECT * REPLACE (polity2::TINYINT AS polity2) FROM {store.scan(source)}",
        {c: f"{{t}}.{c}" for c in chosen},
        {c: source for c in chosen},
        [note],
    )
