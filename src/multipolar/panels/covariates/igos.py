"""Correlates of War intergovernmental organisations (peacesciencer's ``add_igos``)."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.panel import Panel

STATE_COLUMNS = ("sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype")


def add_igos(panel: Panel) -> Panel:
    """Dyads: ``dyadigos``, IGOs both states belong to as full members. States: counts of IGO
    memberships by kind. NA after the data's last year."""
    panel.require(system="cow", what="add_igos")
    if panel.unit == "dyad":
        first, last = dataset("cow_igo_ndy").coverage
        covered = f"p.year BETWEEN {first} AND {last}"
        return panel.lookup(
            f"SELECT ccode1, ccode2, year, dyadigos::SMALLINT AS dyadigos FROM {store.scan('cow_igo_ndy')}",
            "{t}.ccode1 = least(p.ccode1, p.ccode2) AND {t}.ccode2 = greatest(p.ccode1, p.ccode2) "
            "AND {t}.year = p.year",
            {"dyadigos": f"CASE WHEN {covered} THEN coalesce({{t}}.dyadigos, 0::SMALLINT) END"},
            {"dyadigos": "cow_igo_ndy"},
            [f"IGOs (cow_igo_ndy) cover {first}-{last}; dyadigos is NA after {last}."],
        )
    first, last = dataset("cow_igo_sy").coverage
    covered = f"p.year BETWEEN {first} AND {last}"
    narrowed = ", ".join(f"{c}::SMALLINT AS {c}" for c in STATE_COLUMNS)
    return panel.lookup_states(
        f"SELECT ccode, year, {narrowed} FROM {store.scan('cow_igo_sy')}",
        {c: f"CASE WHEN {covered} THEN coalesce({{t}}.{c}, 0::SMALLINT) END" for c in STATE_COLUMNS},
        {c: "cow_igo_sy" for c in STATE_COLUMNS},
        [f"IGOs (cow_igo_sy) cover {first}-{last}; IGO counts are NA after {last}."],
    )
