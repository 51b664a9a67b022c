"""Strategic rivalries (Thompson, Sakuwa and Suhas 2021), as peacesciencer's
``add_strategic_rivalries()``."""

from __future__ import annotations

from multipolar.data import store
from multipolar.panels.panel import Panel

DATASET = "tss_rivalries"
TYPES = ("positional", "spatial", "ideological", "interventionary")
LAST_YEAR = 2020  # the rivalry list's right bound: later years are NA, not "no rivalry"


def _rivalry_years() -> str:
    """One row per rivalry, ordered pair and year since 1816; Austria-Hungary's rivalries pass to
    Austria (305) from 1919, as peacesciencer does for the Austria-Serbia rivalry."""
    types = ", ".join(f'coalesce("{t}", 0) AS "{t}"' for t in TYPES)  # POSITIONAL is an SQL keyword
    pairs = f"""
        SELECT tssr_id, ccode1 AS a, ccode2 AS b, "start", "end", {types} FROM {store.scan(DATASET)}
        UNION ALL
        SELECT tssr_id, ccode2, ccode1, "start", "end", {types} FROM {store.scan(DATASET)}"""
    recode = "CASE WHEN {c} = 300 AND year >= 1919 THEN 305 ELSE {c} END"
    years = f'SELECT *, unnest(range("start", "end" + 1)) AS year FROM ({pairs})'
    return f"""
        SELECT tssr_id, {recode.format(c="a")} AS ccode1, {recode.format(c="b")} AS ccode2, year,
               {", ".join(f'"{t}"' for t in TYPES)}
        FROM ({years})
        WHERE year >= 1816"""


def add_strategic_rivalries(panel: Panel) -> Panel:
    """Dyads get the rivalry's id, its four type dummies and ``ongoingrivalry``; states get the
    number of ongoing rivalries of each type (``n_positional`` ...). 0 up to 2020, NA after."""
    panel.require(system="cow", what="add_strategic_rivalries")
    note = f"{DATASET}: rivalries are listed to {LAST_YEAR}; later years are NA."
    if panel.unit == "dyad":
        sql = f"""
            SELECT p.ccode1, p.ccode2, p.year, r.tssr_id,
                   {
            ", ".join(
                f'coalesce(r."{t}", CASE WHEN p.year <= {LAST_YEAR} THEN 0 END) AS "{t}"' for t in TYPES
            )
        },
                   CASE WHEN r.tssr_id IS NOT NULL THEN 1 WHEN p.year <= {LAST_YEAR} THEN 0 END
                       AS ongoingrivalry
            FROM panel p LEFT JOIN ({_rivalry_years()}) r USING (ccode1, ccode2, year)"""
        new = ["tssr_id", *TYPES, "ongoingrivalry"]
    else:
        counts = ", ".join(
            f"CASE WHEN p.year <= {LAST_YEAR} THEN coalesce(r.n_{t}, 0) END AS n_{t}" for t in TYPES
        )
        sums = ", ".join(f'sum("{t}") AS n_{t}' for t in TYPES)
        sql = f"""
            SELECT p.ccode, p.year, {counts}
            FROM panel p LEFT JOIN (
                SELECT ccode1 AS ccode, year, {sums} FROM ({_rivalry_years()}) GROUP BY ALL
            ) r USING (ccode, year)"""
        new = [f"n_{t}" for t in TYPES]
    return panel.join(sql, dict.fromkeys(new, DATASET), [note])
