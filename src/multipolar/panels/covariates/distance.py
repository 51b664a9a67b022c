"""Capital-to-capital distance (peacesciencer's ``add_capital_distance``)."""

from __future__ import annotations

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.panels.covariates._sql import in_file_order
from multipolar.panels.create import cached_query, false_dyads, system_state_years
from multipolar.panels.panel import STATES_AND_DYADS, Panel

EARTH_RADIUS_KM = 6378.137  # geosphere's default sphere, which peacesciencer uses


def add_capital_distance(panel: Panel) -> Panel:
    """Dyads: ``capdist``, the great-circle distance (km) between the capitals.
    States: ``mincapdist``, the distance to the nearest other capital in the system.

    A state that moved its capital during a year counts with its 1 January capital.
    """
    panel.require(units=STATES_AND_DYADS, what="add_capital_distance")
    source = "cow_capitals" if panel.system == "cow" else "gw_capitals"
    code = panel.code
    first, last = dataset(source).coverage
    # each capital-year carries the trigonometry of its position, computed once per state-year;
    # the 1 January capital is the one whose spell began first (same day, none so far: file order)
    capital_years = f"""
        SELECT {code}, year, sin(radians(place.lat)) AS sin_lat, cos(radians(place.lat)) AS cos_lat,
               sin(radians(place.lng)) AS sin_lng, cos(radians(place.lng)) AS cos_lng
        FROM (SELECT {code}, year, arg_min({{'lat': lat, 'lng': lng}}, (stdate, file_row_number)) AS place
              FROM ({in_file_order(source)}) c, range(year(c.stdate), year(c.enddate) + 1) y(year)
              GROUP BY ALL)"""
    note = f"Capital distance ({source}) covers {first}-{last}; NA outside those years."
    if panel.dyadic:
        return panel.lookup(
            capital_years,
            [f"{{t}}.{code} = p.{code}{side} AND {{t}}.year = p.year" for side in ("1", "2")],
            {"capdist": great_circle_km("{t1}", "{t2}")},
            {"capdist": source},
            [note],
        )
    # the system's dyads each year: pairs of its states that coexisted (not in the false dyads,
    # which list both orders); each pair's distance computed once, then counted for both states.
    # The same for every state-year panel of the system, so computed once and cached.
    nearest = f"""
        WITH caps AS (SELECT c.* FROM ({capital_years}) c
                      JOIN ({system_state_years(panel.system)}) s ON s.code = c.{code} AND s.year = c.year),
        pairs AS MATERIALIZED (
            SELECT a.{code} AS a, b.{code} AS b, a.year, {great_circle_km("a", "b")} AS km
            FROM caps a JOIN caps b ON a.year = b.year AND a.{code} < b.{code}
            ANTI JOIN {store.scan(false_dyads(panel.system))} f
                ON f.{code}1 = a.{code} AND f.{code}2 = b.{code} AND f.year = a.year)
        SELECT {code}, year, min(km) AS mincapdist
        FROM (SELECT a AS {code}, year, km FROM pairs UNION ALL SELECT b, year, km FROM pairs)
        GROUP BY ALL"""
    cached = cached_query(nearest, f"{panel.system}-mincapdist")
    return panel.lookup_states(
        f"read_parquet('{cached.as_posix()}')",
        {"mincapdist": "{t}.mincapdist"},
        {"mincapdist": source},
        [note],
    )


def great_circle_km(a: str, b: str) -> str:
    """SQL for the Vincenty formula on a sphere (geosphere's distVincentySphere), in km, between
    capital-years ``a`` and ``b`` (each with the sines and cosines of its latitude and longitude,
    so no trigonometric function runs per dyad-year)."""
    sin_dl = f"({b}.sin_lng * {a}.cos_lng - {b}.cos_lng * {a}.sin_lng)"
    cos_dl = f"({b}.cos_lng * {a}.cos_lng + {b}.sin_lng * {a}.sin_lng)"
    east = f"({b}.cos_lat * {sin_dl})"
    north = f"({a}.cos_lat * {b}.sin_lat - {a}.sin_lat * {b}.cos_lat * {cos_dl})"
    y = f"{a}.sin_lat * {b}.sin_lat + {a}.cos_lat * {b}.cos_lat * {cos_dl}"
    return f"({EARTH_RADIUS_KM} * atan2(sqrt({east} * {east} + {north} * {north}), {y}))"
