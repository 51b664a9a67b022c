"""Leader-year, leader-day and leader-dyad-year panels from Archigos 4.1, as peacesciencer 1.2.9
builds them (``create_leaderyears()``, ``create_leaderdays()``, ``create_leaderdyadyears()``).

A leader holds office from ``startdate`` to ``enddate``; each year (or day) of that tenure is a row.
``standardize`` keeps only the days the leader's state was in a state system: ``"none"`` keeps
them all (Archigos' own Gleditsch-Ward codes, some tenures before independence), ``"gw"`` the days
the G-W state existed, ``"cow"`` the days the matching Correlates of War state existed (the CoW
code of the leader's G-W state that year, from isard's ``gw_cw_panel``). Tenure (``yrinoffice``)
counts calendar years from the first, before any standardizing, as peacesciencer does.
"""

from __future__ import annotations

from dataclasses import replace

import pyarrow as pa

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.errors import InputError
from multipolar.panels.create import _connection, _panel_of, _system, _years, day_rows, state_spells
from multipolar.panels.panel import Panel

LEADERS = "archigos"
CROSSWALK = "gw_cw_panel"
STANDARDS = ("none", "gw", "cow")
# G-W has Morocco leave in 1904 and Saudi Arabia enter in 1932, CoW in 1912 and 1927: in those years
# Archigos' G-W code has no CoW match through the crosswalk, so peacesciencer names it directly
CROSSWALK_GAPS = ((600, 1905, 1912), (670, 1927, 1932))
LEADER_DYADS = {"cow": "cow_dir_leader_dyad_years", "gw": "gw_dir_leader_dyad_years"}


def create_leaderyears(standardize: str = "none", years: str | tuple[int, int] | None = None) -> Panel:
    """Every year of every Archigos leader's tenure: ``obsid``, ``leader``, the state code
    (``gwcode``, or ``ccode`` with ``standardize="cow"``), ``gender``, ``leaderage`` (the year
    minus the year of birth) and ``yrinoffice`` (1 in the first calendar year in office)."""
    standardize = _standard(standardize)
    first, last = _within(LEADERS, years)
    segments = _segments(standardize, first, last)
    code = "ccode" if standardize == "cow" else "gwcode"
    rows = f"""
        SELECT obsid, leader, code::SMALLINT AS {code}, gender, (year - yrborn)::SMALLINT AS leaderage,
               year::SMALLINT AS year, yrinoffice::SMALLINT AS yrinoffice
        FROM ({segments})
        GROUP BY ALL
        ORDER BY min(leader_row), year"""
    return _leader_panel(rows, "leader", standardize, (first, last), ("obsid", "year"))


def create_leaderdays(standardize: str = "none", years: str | tuple[int, int] | None = None) -> Panel:
    """Every day of every Archigos leader's tenure: ``obsid``, the state code, ``leader``, ``date``
    and ``yrinoffice``. peacesciencer 1.2.9 cannot build ``standardize="cow"`` (it reads a
    crosswalk it no longer ships); here it keeps the days of the matching CoW state, as
    ``create_leaderyears(standardize="cow")`` does."""
    standardize = _standard(standardize)
    first, last = _within(LEADERS, years)
    code = "ccode" if standardize == "cow" else "gwcode"
    spans = (
        _connection()
        .sql(f"""
        SELECT obsid, code::SMALLINT AS {code}, leader, yrinoffice::SMALLINT AS yrinoffice,
               first_day, last_day
        FROM ({_segments(standardize, first, last)})
        ORDER BY leader_row, first_day""")
        .to_arrow_table()
    )
    rows, days = day_rows(spans.column("first_day"), spans.column("last_day"))
    taken = spans.select(["obsid", code, "leader"]).take(rows)
    table = taken.append_column("date", pa.array(days, pa.int32()).cast(pa.date32())).append_column(
        "yrinoffice", spans.column("yrinoffice").take(rows)
    )
    return _leader_panel(table, "leader_day", standardize, (first, last), ("obsid", "date"))


def create_leaderdyadyears(
    system: str = "gw", directed: bool = True, years: str | tuple[int, int] | None = None
) -> Panel:
    """Every pair of leaders in office the same year, 1870-2015: peacesciencer's pre-built leader
    dyad-years (``download_extdata()``), standardized to the system's state dates. Columns:
    ``year``, ``obsid1``, ``obsid2``, the two state codes and each leader's ``gender``,
    ``leaderage`` and ``yrinoffice``. ``directed=False`` keeps the pairs with code1 < code2.

    A leader whose state changed code during a year (Kohl's West Germany, 260, became Germany,
    255, in 1990) pairs twice that year, so a row is known by both leaders, both codes and the year."""
    system = str(system).strip().lower()
    _system(system)
    name = LEADER_DYADS[system]
    first, last = _within(name, years)
    code = "ccode" if system == "cow" else "gwcode"
    pair = "" if directed else f"AND {code}1 < {code}2"
    # a plain scan keeps the file's order (year, then the leaders' ids)
    rows = f"""
        SELECT year::SMALLINT AS year, obsid1, obsid2, {code}1::SMALLINT AS {code}1,
               {code}2::SMALLINT AS {code}2, gender1, gender2, leaderage1::SMALLINT AS leaderage1,
               leaderage2::SMALLINT AS leaderage2, yrinoffice1::SMALLINT AS yrinoffice1,
               yrinoffice2::SMALLINT AS yrinoffice2
        FROM {store.scan(name)}
        WHERE year BETWEEN {first} AND {last} {pair}"""
    return _panel_of(
        rows, "mp_leaderdyadyears", unit="leader_dyad", system=system, years=(first, last),
        keys=("obsid1", "obsid2", f"{code}1", f"{code}2", "year"), source=name, directed=bool(directed),
    )  # fmt: skip


def _within(name: str, years) -> tuple[int, int]:
    """``years`` (default: all) within dataset ``name``'s years."""
    first, last = _years(years)
    covered = dataset(name).coverage
    return max(first, covered[0]), min(last, covered[1])


def _standard(standardize: str) -> str:
    key = str(standardize).strip().lower()
    if key not in STANDARDS:
        raise InputError(
            f"Unknown standardize {standardize!r}.",
            "Use 'none' (every day Archigos lists), 'gw' (Gleditsch-Ward state dates) or 'cow' "
            "(Correlates of War state dates).",
        )
    return key


def _segments(standardize: str, first: int, last: int) -> str:
    """SQL for each leader's tenure cut into calendar years within ``first``-``last``, each cut
    further to the days its state was in the system (``standardize``): ``leader_row`` (Archigos'
    order), obsid, leader, gender, yrborn, year, yrinoffice, ``code`` (the state's code in that
    system) and ``first_day``/``last_day`` of the segment."""
    tenures = f"""
        SELECT file_row_number AS leader_row, obsid, leader, gwcode, gender, yrborn,
               startdate::DATE AS took_office, enddate::DATE AS left_office
        FROM {store.scan(LEADERS, row_numbers=True)}"""
    leader_years = f"""
        SELECT t.*, y.year, y.year - year(t.took_office) + 1 AS yrinoffice,
               greatest(t.took_office, make_date(y.year, 1, 1)) AS year_start,
               least(t.left_office, make_date(y.year, 12, 31)) AS year_end
        FROM ({tenures}) t, range(year(t.took_office), year(t.left_office) + 1) y(year)
        WHERE y.year BETWEEN {first} AND {last}"""
    if standardize == "none":
        return (
            f"SELECT *, gwcode AS code, year_start AS first_day, year_end AS last_day FROM ({leader_years})"
        )
    if standardize == "gw":
        coded = f"SELECT *, gwcode AS code FROM ({leader_years})"
    else:
        gaps = " ".join(
            f"WHEN l.gwcode = {gw} AND l.year BETWEEN {start} AND {end} THEN {gw}"
            for gw, start, end in CROSSWALK_GAPS
        )
        coded = f"""
            SELECT l.*, CASE {gaps} ELSE c.ccode END AS code
            FROM ({leader_years}) l
            LEFT JOIN {store.scan(CROSSWALK)} c ON c.gwcode = l.gwcode AND c.year = l.year"""
    spells = state_spells(standardize)
    return f"""
        SELECT l.*, greatest(l.year_start, s.first_day) AS first_day,
               least(l.year_end, s.last_day) AS last_day
        FROM ({coded}) l JOIN ({spells}) s
          ON s.code = l.code AND s.first_day <= l.year_end AND s.last_day >= l.year_start"""


def _leader_panel(rows: pa.Table | str, unit: str, standardize: str, years, keys) -> Panel:
    system = "cow" if standardize == "cow" else "gw"
    panel = _panel_of(rows, f"mp_{unit}s", unit=unit, system=system, years=years, keys=keys, source=LEADERS)
    notes = [
        "Leaders are Archigos 4.1 (1840-2015); leaderage is the year minus the year of birth and "
        "yrinoffice counts calendar years in office from the first."
    ]
    if standardize == "cow":
        panel.column_sources["ccode"] = CROSSWALK
        notes.append(
            "ccode: the CoW state matched to the leader's G-W state that year (gw_cw_panel); only days "
            "that state was in the CoW system are kept."
        )
    elif standardize == "gw":
        notes.append("Only days the leader's state was in the Gleditsch-Ward system are kept.")
    return replace(panel, notes=(*panel.notes, *notes))
