"""Correlates of War intergovernmental organisations (peacesciencer's ``add_igos``)."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.panel import Panel

STATE_COLUMNS = ("sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype")


def add_igos(panel: Panel) -> Panel:
    """Dyads: ``dyadigos``, IGOs both states belong to as full members. States: counts of IGO
    memberships by kind.

    A state-year or dyad-year the IGO data have no row for is NA, never 0: the data list every
    state and dyad with their counts (0 included), except a few that lapse, such as West and
    East Germany and North and South Yemen in 1990, the year they merged. NA after the data's
    last year."""
    panel.require(units=("state", "dyad"), system="cow", what="add_igos")
    if panel.unit == "dyad":
        first, last = dataset("cow_igo_ndy").coverage
        return panel.lookup(
            f"SELECT ccode1, ccode2, year, dyadigos::SMALLINT AS dyadigos FROM {store.scan('cow_igo_ndy')}",
            "{t}.ccode1 = least(p.ccode1, p.ccode2) AND {t}.ccode2 = greatest(p.ccode1, p.ccode2) "
            "AND {t}.year = p.year",
            {"dyadigos": "{t}.dyadigos"},
            {"dyadigos": "cow_igo_ndy"},
            [
                f"IGOs (cow_igo_ndy) cover {first}-{last}; dyadigos is NA after {last} and where the data "
                "have no row for the dyad-year (e.g. either Germany or Yemen in 1990)."
            ],
        )
    first, last = dataset("cow_igo_sy").coverage
    narrowed = ", ".join(f"{c}::SMALLINT AS {c}" for c in STATE_COLUMNS)
    return panel.lookup_states(
        f"SELECT ccode, year, {narrowed} FROM {store.scan('cow_igo_sy')}",
        {c: f"{{t}}.{c}" for c in STATE_COLUMNS},
        {c: "cow_igo_sy" for c in STATE_COLUMNS},
        [
            f"IGOs (cow_igo_sy) cover {first}-{last}; IGO counts are NA after {last} and where the data "
            "have no row for the state-year (e.g. West and East Germany, North and South Yemen in 1990)."
        ],
    )
