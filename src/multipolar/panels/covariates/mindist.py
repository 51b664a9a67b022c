"""Minimum distance between states' borders (CShapes via peacesciencer), as peacesciencer's
``add_minimum_distance(use_extdata = FALSE)``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from multipolar.data import store

if TYPE_CHECKING:
    from multipolar.panels.panel import Panel

COVERAGE_NOTE = "mindist: CShapes minimum distances cover 1886-2019; other years are NA."


def add_minimum_distance(panel: Panel) -> Panel:
    """Dyads get ``mindist`` (km, 0 = contiguous); states get ``minmindist``, their distance to
    the nearest state that year. The source is non-directed, so both orders are matched."""
    dataset = "cow_mindist" if panel.system == "cow" else "gw_mindist"
    code = "ccode" if panel.system == "cow" else "gwcode"
    both_orders = f"""
        SELECT {code}1 AS a, {code}2 AS b, year, mindist FROM {store.scan(dataset)}
        UNION ALL
        SELECT {code}2, {code}1, year, mindist FROM {store.scan(dataset)}"""
    if panel.unit == "dyad":
        sql = f"SELECT a AS {code}1, b AS {code}2, year, mindist FROM ({both_orders})"
        return panel.join(sql, {"mindist": dataset}, [COVERAGE_NOTE])
    sql = f"SELECT a AS {code}, year, min(mindist) AS minmindist FROM ({both_orders}) GROUP BY a, year"
    return panel.join(sql, {"minmindist": dataset}, [COVERAGE_NOTE.replace("mindist", "minmindist", 1)])
