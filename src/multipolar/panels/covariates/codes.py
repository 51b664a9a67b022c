"""Crosswalks between the Correlates of War and Gleditsch-Ward state codes, as peacesciencer's
``add_ccode_to_gw()`` and ``add_gwcode_to_cow()`` (isard's year-by-year panels)."""

from __future__ import annotations

from multipolar.data import store
from multipolar.panels.panel import YEARLY, Panel

NOTE = (
    "{new}: matched year by year from {dataset}; the two systems differ (German and Yemeni "
    "unification, Serbia/Yugoslavia), so some codes repeat across states or are NA."
)


def add_ccode_to_gw(panel: Panel) -> Panel:
    """The CoW code (``ccode``, or ``ccode1``/``ccode2``) of each G-W state that year."""
    return _crosswalk(panel, "add_ccode_to_gw", from_system="gw", new="ccode", dataset="gw_cw_panel")


def add_gwcode_to_cow(panel: Panel) -> Panel:
    """The G-W code (``gwcode``, or ``gwcode1``/``gwcode2``) of each CoW state that year."""
    return _crosswalk(panel, "add_gwcode_to_cow", from_system="cow", new="gwcode", dataset="cw_gw_panel")


def _crosswalk(panel: Panel, what: str, from_system: str, new: str, dataset: str) -> Panel:
    panel.require(units=YEARLY, system=from_system, what=what)
    return panel.lookup_states(
        f"SELECT {panel.code}, year, {new} FROM {store.scan(dataset)} WHERE {panel.code} IS NOT NULL",
        {new: f"{{t}}.{new}"},
        {new: dataset},
        [NOTE.format(new=new, dataset=dataset)],
    )
