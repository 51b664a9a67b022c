"""Correlates of War direct contiguity (peacesciencer's ``add_contiguity``)."""

from __future__ import annotations

from multipolar.data.catalog import dataset
from multipolar.panels.covariates._sql import in_file_order
from multipolar.panels.panel import YEARLY, Panel


def add_contiguity(panel: Panel) -> Panel:
    """Dyads: ``conttype`` (1 land ... 5 up to 400 miles of water, 0 not contiguous).
    States: ``land`` and ``sea``, how many states border it by land and by water.

    Where a dyad's relationship changed during a year, the spell that began first counts (the
    relationship at the start of the year, as peacesciencer 1.2.9's outputs have it; a dyad that
    becomes contiguous during a year counts as contiguous). NA after the data's last year.
    """
    panel.require(units=YEARLY, system="cow", what="add_contiguity")
    first, last = dataset("cow_contdir").coverage
    # the earliest spell of the year; spells starting the same day (none in 3.2) in file order
    contiguity_years = f"""
        SELECT c.ccode1, c.ccode2, y.year,
               arg_min(c.conttype, (c.stdate, c.file_row_number))::TINYINT AS conttype
        FROM ({in_file_order("cow_contdir")}) c, range(year(c.stdate), year(c.enddate) + 1) y(year)
        GROUP BY ALL"""
    note = f"Contiguity (cow_contdir) covers {first}-{last}; NA after {last}."
    covered = f"p.year BETWEEN {first} AND {last}"
    if panel.dyadic:
        return panel.lookup(
            contiguity_years,
            "{t}.ccode1 = p.ccode1 AND {t}.ccode2 = p.ccode2 AND {t}.year = p.year",
            {"conttype": f"CASE WHEN {covered} THEN coalesce({{t}}.conttype, 0::TINYINT) END"},
            {"conttype": "cow_contdir"},
            [note],
        )
    counts = f"""
        SELECT ccode1 AS ccode, year, count(*) FILTER (conttype = 1)::SMALLINT AS land,
               count(*) FILTER (conttype BETWEEN 2 AND 5)::SMALLINT AS sea
        FROM ({contiguity_years}) GROUP BY ALL"""
    return panel.lookup_states(
        counts,
        {c: f"CASE WHEN {covered} THEN coalesce({{t}}.{c}, 0::SMALLINT) END" for c in ("land", "sea")},
        {"land": "cow_contdir", "sea": "cow_contdir"},
        [note],
    )
