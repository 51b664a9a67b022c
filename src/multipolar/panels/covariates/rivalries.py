"""Strategic rivalries (Thompson, Sakuwa and Suhas 2021), as peacesciencer's
``add_strategic_rivalries()``."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.panel import STATES_AND_DYADS, Panel

DATASET = "tss_rivalries"
TYPES = ("positional", "spatial", "ideological", "interventionary")


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
    """Strategic rivalries: the dyad's rivalry and its types, or the state's rivalries by type.

    Dyads get the rivalry's id, its four type dummies and ``ongoingrivalry``; states get the
    number of ongoing rivalries of each type (``n_positional`` ...). 0 up to 2020, NA after."""
    panel.require(units=STATES_AND_DYADS, system="cow", what="add_strategic_rivalries")
    last = dataset(DATASET).coverage[1]  # the list's right bound: later years are NA, not "no rivalry"
    note = f"{DATASET}: rivalries are listed to {last}; later years are NA."
    within = f"CASE WHEN p.year <= {last} THEN 0 END"
    if panel.unit == "dyad":
        columns = {
            "tssr_id": "{t}.tssr_id",
            **{t: f"coalesce({{t}}.{t}, {within})" for t in TYPES},  # unquoted: the engine rewrites t.col
            "ongoingrivalry": f"CASE WHEN {{t}}.tssr_id IS NOT NULL THEN 1 ELSE {within} END",
        }
        return panel.lookup(
            _rivalry_years(),
            "{t}.ccode1 = p.ccode1 AND {t}.ccode2 = p.ccode2 AND {t}.year = p.year",
            columns,
            dict.fromkeys(columns, DATASET),
            [note],
        )
    sums = ", ".join(f'sum("{t}") AS n_{t}' for t in TYPES)
    counts = f"SELECT ccode1 AS ccode, year, {sums} FROM ({_rivalry_years()}) GROUP BY ALL"
    # peacesciencer's order of the counts: alphabetical
    columns = {f"n_{t}": f"coalesce({{t}}.n_{t}, {within})" for t in sorted(TYPES)}
    return panel.lookup_states(counts, columns, dict.fromkeys(columns, DATASET), [note])
