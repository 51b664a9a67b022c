"""Conventional arms races during strategic rivalries (Gibler, Rider and Hutchison 2005), from the
data peacesciencer ships (``grh_arms_races``) but offers no ``add_*`` function for."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.panel import YEARLY, Panel

DATASET = "grh_arms_races"


def add_arms_races(panel: Panel) -> Panel:
    """Dyads (and leader-dyads): ``armsrace`` (1 while the two states are in an arms race) and
    ``armsrace_id`` (GRH's race number). States (and leaders): ``n_armsraces``, how many arms races
    the state was in that year.

    The study looked for arms races among strategic rivals, 1816-1993: 0 inside those years means
    none was found (for a pair that was no rival, none was looked for); later years are NA."""
    panel.require(units=YEARLY, system="cow", what="add_arms_races")
    # the study's years (the catalog's coverage): it searched the strategic rivals of 1816-1993
    first, last = dataset(DATASET).coverage
    covered = f"p.year BETWEEN {first} AND {last}"
    note = (
        f"{DATASET}: arms races among the strategic rivals of {first}-{last} (Gibler, Rider and "
        f"Hutchison 2005); 0 is no race found (only rivals were searched), NA after {last}."
    )
    years = f"{store.scan(DATASET)}, range(styear, endyear + 1) y(year)"
    race_years = f"""
        SELECT race_id, ccode1 AS a, ccode2 AS b, y.year FROM {years}
        UNION ALL
        SELECT race_id, ccode2, ccode1, y.year FROM {years}"""
    if panel.dyadic:
        return panel.lookup(
            f"SELECT a AS ccode1, b AS ccode2, year::SMALLINT AS year, race_id::SMALLINT AS race_id "
            f"FROM ({race_years})",
            "{t}.ccode1 = p.ccode1 AND {t}.ccode2 = p.ccode2 AND {t}.year = p.year",
            {
                "armsrace": (
                    f"CASE WHEN {{t}}.race_id IS NOT NULL THEN 1::TINYINT WHEN {covered} THEN 0::TINYINT END"
                ),
                "armsrace_id": "{t}.race_id",
            },
            {"armsrace": DATASET, "armsrace_id": DATASET},
            [note],
        )
    return panel.lookup_states(
        f"SELECT a AS ccode, year::SMALLINT AS year, count(*)::TINYINT AS n FROM ({race_years}) GROUP BY ALL",
        {"n_armsraces": f"CASE WHEN {covered} THEN coalesce({{t}}.n, 0::TINYINT) END"},
        {"n_armsraces": DATASET},
        [note],
    )
