"""Minimum distance between states' borders (CShapes via peacesciencer), as peacesciencer's
``add_minimum_distance(use_extdata = FALSE)``."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.panel import Panel


def add_minimum_distance(panel: Panel) -> Panel:
    """Minimum distance between borders, km: dyads ``mindist``, states ``minmindist`` (nearest state).

    0 means contiguous. The source is non-directed, so both orders are matched."""
    name = f"{panel.system}_mindist"
    code = panel.code
    first, last = dataset(name).coverage
    note = f"{{column}}: CShapes minimum distances ({name}) cover {first}-{last}; other years are NA."
    both_orders = f"""
        SELECT {code}1 AS a, {code}2 AS b, year, mindist FROM {store.scan(name)}
        UNION ALL
        SELECT {code}2, {code}1, year, mindist FROM {store.scan(name)}"""
    if panel.dyadic:
        return panel.lookup(
            f"SELECT a AS {code}1, b AS {code}2, year, mindist FROM ({both_orders})",
            f"{{t}}.{code}1 = p.{code}1 AND {{t}}.{code}2 = p.{code}2 AND {{t}}.year = p.year",
            {"mindist": "{t}.mindist"},
            {"mindist": name},
            [note.format(column="mindist")],
        )
    nearest = f"SELECT a AS {code}, year, min(mindist) AS minmindist FROM ({both_orders}) GROUP BY a, year"
    return panel.lookup_states(
        nearest, {"minmindist": "{t}.minmindist"}, {"minmindist": name}, [note.format(column="minmindist")]
    )
