"""Minimum distance between states' borders (CShapes 2.0 via peacesciencer), as peacesciencer's
``add_minimum_distance()``: its own yearly data, or the extended data ``download_extdata()``
fetches, which record the distance on every day it changed."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.errors import InputError
from multipolar.panels.panel import YEARLY, Panel

EXTENDED = {"cow": "cow_mindist_plus"}  # the catalog holds the CoW file only (not gw_mindist_plus)
# slice -> the month and day of the recorded distance it takes (first and last: the earliest and
# latest recorded in the year)
SLICES = {"first": None, "last": None, "jan1": (1, 1), "june30": (6, 30), "dec31": (12, 31)}


def add_minimum_distance(
    panel: Panel,
    use_extdata: bool | None = None,
    slice: str = "first",  # noqa: A002 - peacesciencer's argument name
) -> Panel:
    """Minimum distance between borders, km: dyads ``mindist``; states ``minmindist``, the distance
    to the nearest state that year. 0 means contiguous.

    ``use_extdata`` (default: where the catalog holds the extended data, i.e. on CoW panels, as
    peacesciencer does by default) reads the distances recorded on 1 January, 30 June, 31 December
    and every day they changed; ``slice`` picks the year's value: "first" (the earliest recorded, default),
    "jan1", "june30", "dec31" or "last". Without them, the 1 January distances."""
    panel.require(units=YEARLY, what="add_minimum_distance")
    if slice not in SLICES:
        raise InputError(f"Unknown slice {slice!r}.", f"Use one of: {', '.join(SLICES)}.")
    extended = panel.system in EXTENDED if use_extdata is None else bool(use_extdata)
    if extended and panel.system not in EXTENDED:
        raise InputError(
            "The data catalog holds peacesciencer's extended minimum distances for CoW codes only.",
            "Use use_extdata=False on Gleditsch-Ward panels.",
        )
    if not extended and slice != "first":
        raise InputError(
            "slice applies to the extended data only.", "Use use_extdata=True, or leave slice out."
        )
    name = EXTENDED[panel.system] if extended else f"{panel.system}_mindist"
    distances = _sliced(name, slice) if extended else f"SELECT * FROM {store.scan(name)}"
    code = panel.code
    first, last = dataset(name).coverage
    taken = f"the {slice} distance recorded each year" if extended else "distances on 1 January"
    note = (
        f"{{column}}: CShapes minimum distances ({name}, {taken}) cover {first}-{last}; other years are NA."
    )
    both_orders = f"""
        SELECT {code}1 AS a, {code}2 AS b, year, mindist FROM ({distances})
        UNION ALL
        SELECT {code}2, {code}1, year, mindist FROM ({distances})"""
    if panel.dyadic:
        return panel.lookup(
            f"SELECT a AS {code}1, b AS {code}2, year::SMALLINT AS year, mindist FROM ({both_orders})",
            f"{{t}}.{code}1 = p.{code}1 AND {{t}}.{code}2 = p.{code}2 AND {{t}}.year = p.year",
            {"mindist": "{t}.mindist"},
            {"mindist": name},
            [note.format(column="mindist")],
        )
    nearest = f"SELECT a AS {code}, year, min(mindist) AS minmindist FROM ({both_orders}) GROUP BY a, year"
    return panel.lookup_states(
        nearest, {"minmindist": "{t}.minmindist"}, {"minmindist": name}, [note.format(column="minmindist")]
    )


def _sliced(name: str, slice: str) -> str:  # noqa: A002
    """One distance per non-directed dyad-year of the extended data, as ``slice`` picks it: the
    earliest or latest recorded (days without a distance skipped), or the one of a fixed day."""
    if slice in ("first", "last"):
        pick = "arg_min(mindist, file_row_number)" if slice == "first" else "arg_max(mindist, date)"
        return f"""
            SELECT ccode1, ccode2, year, {pick} AS mindist
            FROM {store.scan(name, row_numbers=True)} WHERE mindist IS NOT NULL GROUP BY ALL"""
    month, day = SLICES[slice]
    return f"""
        SELECT ccode1, ccode2, year, mindist FROM {store.scan(name)}
        WHERE month(date) = {month} AND day(date) = {day}"""
