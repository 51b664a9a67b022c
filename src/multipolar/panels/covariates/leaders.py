"""Leader attributes on leader-years and leader-dyad-years: LEAD (peacesciencer's ``add_lead()``)
and leaders' willingness to use force (``add_lwuf()``), both keyed by Archigos' ``obsid``."""

from __future__ import annotations

from multipolar.data import store
from multipolar.panels.covariates._sql import kept
from multipolar.panels.panel import Panel

LEADER_UNITS = ("leader", "leader_dyad")


def add_lead(panel: Panel, keep: list[str] | None = None) -> Panel:
    """Leader Experience and Attribute Descriptions (Ellis, Horowitz and Stam 2015): education
    (``leveledu``), military service and combat, rebel experience, war and rebellion outcomes,
    years of political experience (``yrsexper``), physical and mental health. Leader-dyad-years get
    each leader's (suffixes 1 and 2). ``keep`` limits the columns."""
    return _by_leader(panel, "LEAD", "add_lead", keep)


def add_lwuf(panel: Panel) -> Panel:
    """Leaders' willingness to use force (Carter and Smith 2020): the posterior mean and SD of four
    measures (``theta1_mean`` ... ``theta4_sd``; the authors recommend ``theta2_mean``)."""
    return _by_leader(panel, "lwuf", "add_lwuf", None)


def _by_leader(panel: Panel, name: str, what: str, keep: list[str] | None) -> Panel:
    panel.require(units=LEADER_UNITS, what=what)
    available = [c for c in _columns(panel, name) if c != "obsid"]
    chosen = kept(what, available, keep)
    return panel.lookup_sides(
        store.scan(name),
        {"obsid": "obsid{side}"},
        {c: f"{{t}}.{c}" for c in chosen},
        dict.fromkeys(chosen, name),
        [f"{name}: one row per Archigos leader (obsid); NA where it has no estimate for the leader."],
    )


def _columns(panel: Panel, name: str) -> list[str]:
    return [r[0] for r in panel.con.execute(f"DESCRIBE SELECT * FROM {store.scan(name)}").fetchall()]
