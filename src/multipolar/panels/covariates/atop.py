"""ATOP alliance pledges between the states of a dyad (peacesciencer's ``add_atop_alliance``)."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.panel import Panel

PLEDGES = ("atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul")


def add_atop_alliance(panel: Panel) -> Panel:
    """``atop_alliance`` (any pledge) and one 0/1 column per kind of pledge (ATOP 5.1).

    ATOP's dyad-years are directed (a pledge of the first state to the second); a non-directed
    dyad has a pledge when either state made it. 0 inside ATOP's years when the dyad has no
    alliance, NA after ATOP's last year.
    """
    panel.require(units=("dyad", "leader_dyad"), system="cow", what="add_atop_alliance")
    first, last = dataset("atop_alliance").coverage
    covered = f"p.year BETWEEN {first} AND {last}"
    pledges = {c: f"CASE WHEN {covered} THEN coalesce({{t}}.{c}, 0::TINYINT) END" for c in PLEDGES}
    any_pledge = f"CASE WHEN {covered} THEN coalesce({{t}}.pledged, 0::TINYINT) END"
    columns = {"atop_alliance": any_pledge, **pledges}
    pledges_by_dyad = f"""
        SELECT ccode1, ccode2, year, {", ".join(f"{c}::TINYINT AS {c}" for c in PLEDGES)},
               1::TINYINT AS pledged
        FROM {store.scan("atop_alliance")}"""
    if not panel.directed:
        # a non-directed dyad has a pledge if either state made it to the other
        pledges_by_dyad = f"""
            SELECT least(ccode1, ccode2) AS ccode1, greatest(ccode1, ccode2) AS ccode2, year,
                   {", ".join(f"max({c})::TINYINT AS {c}" for c in PLEDGES)}, 1::TINYINT AS pledged
            FROM {store.scan("atop_alliance")} GROUP BY ALL"""
    return panel.lookup(
        pledges_by_dyad,
        "{t}.ccode1 = p.ccode1 AND {t}.ccode2 = p.ccode2 AND {t}.year = p.year",
        columns,
        {c: "atop_alliance" for c in columns},
        [f"ATOP (atop_alliance) covers {first}-{last}; ATOP columns are NA after {last}."],
    )
