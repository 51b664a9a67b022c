"""Correlates of War major powers (peacesciencer's ``add_cow_majors``)."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.create import last_complete_year
from multipolar.panels.panel import YEARLY, Panel


def add_cow_majors(panel: Panel) -> Panel:
    """``cowmaj`` (dyads: ``cowmaj1``, ``cowmaj2``): 1 if the state was a CoW major power that year.

    The CoW list ends in 2016; like the state system, its last composition is carried to the
    last complete year, as peacesciencer 1.2.9 does, and a note says so.
    """
    panel.require(units=YEARLY, system="cow", what="add_cow_majors")
    last_update = dataset("cow_majors").coverage[1]
    major_years = f"""
        SELECT DISTINCT m.ccode, y.year, 1::TINYINT AS major
        FROM (SELECT ccode, styear,
                     CASE WHEN endyear = max(endyear) OVER () THEN {last_complete_year()} ELSE endyear END
                         AS endyear
              FROM {store.scan("cow_majors")}) m,
             range(m.styear, m.endyear + 1) y(year)"""
    note = (
        f"cowmaj: the CoW major-power list ends in {last_update}; its last composition is carried "
        f"through {last_complete_year()}."
    )
    return panel.lookup_states(
        major_years, {"cowmaj": "coalesce({t}.major, 0::TINYINT)"}, {"cowmaj": "cow_majors"}, [note]
    )
