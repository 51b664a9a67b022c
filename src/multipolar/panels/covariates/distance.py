"""Capital-to-capital distance (peacesciencer's ``add_capital_distance``)."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.panel import Panel

EARTH_RADIUS_KM = 6378.137  # geosphere's default sphere, which peacesciencer uses


def add_capital_distance(panel: Panel) -> Panel:
    """Dyads: ``capdist``, the great-circle distance (km) between the capitals.
    States: ``mincapdist``, the distance to the nearest other capital in the system.

    A state that moved its capital during a year counts with its 1 January capital.
    """
    source = "cow_capitals" if panel.system == "cow" else "gw_capitals"
    code = panel.code
    first, last = dataset(source).coverage
    # each capital-year carries the trigonometry of its position, computed once per state-year
    capital_years = f"""
        SELECT {code}, year, sin(radians(lat)) AS sin_lat, cos(radians(lat)) AS cos_lat,
               radians(lng) AS lng_rad
        FROM (SELECT {code}, year, arg_min(lat, stdate) AS lat, arg_min(lng, stdate) AS lng
              FROM {store.scan(source)} c, range(year(c.stdate), year(c.enddate) + 1) y(year)
              GROUP BY ALL)"""
    note = f"Capital distance ({source}) covers {first}-{last}; NA outside those years."
    if panel.unit == "dyad":
        return panel.lookup(
            capital_years,
            [f"{{t}}.{code} = p.{code}{side} AND {{t}}.year = p.year" for side in ("1", "2")],
            {"capdist": great_circle_km("{t1}", "{t2}")},
            {"capdist": source},
            [note],
        )
    states = f"SELECT DISTINCT {code}, year FROM panel"
    nearest = f"""
        WITH caps AS (SELECT c.* FROM ({capital_years}) c JOIN ({states}) s USING ({code}, year))
        SELECT a.{code}, a.year,
               min({great_circle_km("a", "b")}) AS mincapdist
        FROM caps a JOIN caps b ON a.year = b.year AND a.{code} <> b.{code}
        GROUP BY ALL"""
    return panel.join(nearest, {"mincapdist": source}, [note])


def great_circle_km(a: str, b: str) -> str:
    """SQL for the Vincenty formula on a sphere (geosphere's distVincentySphere), in km, between
    capital-years ``a`` and ``b`` (with ``sin_lat``, ``cos_lat`` and ``lng_rad``)."""
    dl = f"({b}.lng_rad - {a}.lng_rad)"
    across = f"{a}.cos_lat * {b}.sin_lat - {a}.sin_lat * {b}.cos_lat * cos({dl})"
    x = f"sqrt(pow({b}.cos_lat * sin({dl}), 2) + pow({across}, 2))"
    y = f"{a}.sin_lat * {b}.sin_lat + {a}.cos_lat * {b}.cos_lat * cos({dl})"
    return f"({EARTH_RADIUS_KM} * atan2({x}, {y}))"
