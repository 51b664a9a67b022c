"""Correlates of War direct contiguity (peacesciencer's ``add_contiguity``)."""

from __future__ import annotations

from multipolar.data.catalog import dataset
from multipolar.errors import InputError
from multipolar.panels.covariates._sql import in_file_order
from multipolar.panels.panel import YEARLY, Panel


def add_contiguity(panel: Panel, slice: str = "first") -> Panel:  # noqa: A002 - peacesciencer's name
    """Dyads: ``conttype`` (1 land ... 5 up to 400 miles of water, 0 not contiguous).
    States: ``land`` and ``sea``, how many states border it by land and by water.

    Where a dyad's relationship changed during a year, ``slice="first"`` (default) takes the
    spell that began first (the relationship at the start of the year, as peacesciencer 1.2.9
    does; a dyad that becomes contiguous during a year counts as contiguous), "last" the one
    that began last. NA after the data's last year.
    """
    panel.require(units=YEARLY, system="cow", what="add_contiguity")
    if slice not in ("first", "last"):
        raise InputError(f"Unknown slice {slice!r}.", "Use 'first' (default) or 'last'.")
    first, last = dataset("cow_contdir").coverage
    # the year's first (or last) spell; spells starting the same day (none in 3.2) in file order
    pick = "arg_min" if slice == "first" else "arg_max"
    contiguity_years = f"""
        SELECT c.ccode1, c.ccode2, y.year,
               {pick}(c.conttype, (c.stdate, c.file_row_number))::TINYINT AS conttype
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
