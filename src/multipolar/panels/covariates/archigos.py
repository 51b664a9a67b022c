"""Archigos leader summaries on state- and dyad-years (peacesciencer's ``add_archigos()``)."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.panel import STATES_AND_DYADS, Panel

SUMMARIES = "archigossums"
COLUMNS = ("leadertransition", "irregular", "n_leaders", "jan1obsid", "dec31obsid")


def add_archigos(panel: Panel) -> Panel:
    """Each state-year's leaders (Archigos 4.1): ``leadertransition`` (the leader on 31 December
    is not the one of 1 January), ``irregular`` (a transition with an irregular exit),
    ``n_leaders`` and the ``jan1obsid`` and ``dec31obsid`` leaders.

    Archigos uses Gleditsch-Ward codes; on CoW panels each G-W state-year takes the CoW code
    isard's ``gw_cw_panel`` gives it, except that in 2006 Serbia is CoW's Yugoslavia, which starts
    the year with the Yugoslav leader and ends it with the Serbian one, as in peacesciencer."""
    panel.require(units=STATES_AND_DYADS, what="add_archigos")
    first, last = dataset(SUMMARIES).coverage
    summaries = f"SELECT gwcode, year, {', '.join(COLUMNS)} FROM {store.scan(SUMMARIES)}"
    if panel.system == "cow":
        summaries = f"""
            SELECT c.ccode::SMALLINT AS ccode, s.year, s.* EXCLUDE (gwcode, year, dec31obsid),
                   CASE WHEN s.gwcode = 345 AND s.year = 2006 THEN 'SER-2006' ELSE s.dec31obsid END
                       AS dec31obsid
            FROM ({summaries}) s JOIN {store.scan("gw_cw_panel")} c ON c.gwcode = s.gwcode AND c.year = s.year
            WHERE NOT (s.gwcode = 340 AND s.year = 2006)"""
    return panel.lookup_states(
        summaries,
        {c: f"{{t}}.{c}" for c in COLUMNS},
        dict.fromkeys(COLUMNS, SUMMARIES),
        [f"{SUMMARIES}: Archigos leader summaries cover {first}-{last}; NA outside those years."],
    )
