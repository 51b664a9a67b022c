"""Correlates of War militarized interstate disputes (MID 5.0), as peacesciencer's
``add_cow_mids()``."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.errors import InputError
from multipolar.panels.panel import Panel

DATASET = "cow_mid_ddydisps"
FLAGS = ("cowmidongoing", "cowmidonset")
SAME_DYAD_YEAR = "{t}.ccode1 = p.ccode1 AND {t}.ccode2 = p.ccode2 AND {t}.year = p.year"
COLUMNS = (
    "dispnum", "cowmidongoing", "cowmidonset", "sidea1", "sidea2", "fatality1", "fatality2", "fatalpre1",
    "fatalpre2", "hiact1", "hiact2", "hostlev1", "hostlev2", "orig1", "orig2", "fatality", "hostlev",
    "mindur", "maxdur", "recip", "stmon",
)  # fmt: skip


def add_cow_mids(panel: Panel, keep: list[str] | None = None) -> Panel:
    """CoW-MID 5.0 dispute of the dyad-year: onset, ongoing, sides, fatality, hostility, duration.

    One dispute per dyad-year (peacesciencer's whittled ``cow_mid_ddydisps``: unique onsets
    first, then the most severe). ``cowmidongoing``/``cowmidonset`` are 0 in the data's years
    (the catalog's coverage, 1816-2014) when no dispute, NA after; ``keep`` limits the other
    columns (default: all; ``keep=[]`` is R's ``keep = NULL``)."""
    panel.require(units=("dyad",), system="cow", what="add_cow_mids")
    if keep is not None:
        wrong = [c for c in keep if c not in COLUMNS]
        if wrong:
            raise InputError(
                f"add_cow_mids cannot keep {', '.join(wrong)}.", f"Choose among: {', '.join(COLUMNS)}."
            )
    # peacesciencer's order: every column as in the data, or onset and ongoing, then the kept ones
    chosen = list(COLUMNS) if keep is None else list(dict.fromkeys(["cowmidonset", "cowmidongoing", *keep]))
    first, last = dataset(DATASET).coverage
    columns = {
        c: f"coalesce({{t}}.{c}, CASE WHEN p.year BETWEEN {first} AND {last} THEN 0 END)"
        if c in FLAGS
        else f"{{t}}.{c}"
        for c in chosen
    }
    note = f"{DATASET}: CoW-MID 5.0 covers {first}-{last}; later years are NA."
    return panel.lookup(store.scan(DATASET), SAME_DYAD_YEAR, columns, dict.fromkeys(chosen, DATASET), [note])
