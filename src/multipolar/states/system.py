"""Who is a state on a given day, in the COW or the Gleditsch-Ward system.

Day-precise spells come from ``cow_states`` (to 2016-12-31) and ``gw_states`` (to 2017-12-31;
peacesciencer's list, which leaves out microstates). Later days up to the last year of isard's
state-year panels (``cw_gw_panel``, ``gw_cw_panel``) are answered from those panels at year
precision, with G-W microstates removed by ``gw_system``'s flag so the universe does not change;
the answer's notes say so. COW major powers after 2016 keep the last COW composition (noted).
"""

from __future__ import annotations

import datetime as dt
import functools

from multipolar import lazy
from multipolar.answer import Answer
from multipolar.data import store
from multipolar.dates import FIRST_DAY, parse_date
from multipolar.errors import CoverageError, InputError
from multipolar.states import identity, lists

pd = lazy.load("pandas")

SYSTEMS = {"cow": "Correlates of War", "gw": "Gleditsch-Ward"}
LISTS = {"cow": "cow_states", "gw": "gw_states"}
# the state list's own letter code is cow_abb (COW) or gw_abb (Gleditsch-Ward), as in resolve
COLUMNS = {system: ["cow", "gw", "iso3", f"{system}_abb", "name", "major"] for system in SYSTEMS}


def states(date: str | dt.date | None = None, system: str = "cow") -> Answer:
    """The members of the state system on ``date`` (default: the latest day the data cover)."""
    day, notes = _day(date)
    rows, more, sources = _members(day, _system(system))
    params = {"date": day.isoformat(), "system": system}
    return Answer("states", params, rows.copy(), "states", notes + more, list(sources))


def members_on(date: str | dt.date, system: str = "cow") -> pd.DataFrame:
    """Members on ``date`` as a DataFrame[cow, gw, iso3, cow_abb (gw_abb), name, major]."""
    return _members(_within(parse_date(date)), _system(system))[0].copy()


def major_powers(date: str | dt.date) -> tuple[list[int], list[str]]:
    """COW codes of the major powers on ``date``, and notes (after 2016: the 2016 composition)."""
    day = _within(parse_date(date))
    majors = lists.major_spells()
    last = majors["end"].max()
    notes = []
    if day > last:
        notes.append(
            f"COW major-power status ends {last.isoformat()}; the composition on that day is carried "
            f"forward to {day.isoformat()}."
        )
        day = last
    inside = majors[(majors["start"] <= day) & (majors["end"] >= day)]
    return sorted(int(c) for c in inside["code"].unique()), notes


@functools.cache
def coverage() -> tuple[dt.date, dt.date]:
    """First and last day any membership answer covers (the panels' last year ends it; worked
    out once from the panels, then kept in the cache)."""
    return store.derived("state_system_coverage", _coverage)


def _coverage() -> tuple[dt.date, dt.date]:
    last_year = min(int(lists.panel(s)["year"].max()) for s in SYSTEMS)
    return FIRST_DAY, dt.date(last_year, 12, 31)


def _day(date) -> tuple[dt.date, list[str]]:
    if date is None:
        today = dt.date.today()
        last = coverage()[1]
        if today > last:
            return last, [
                f"No data after {last.isoformat()}; showing that day instead of today ({today.isoformat()})."
            ]
        return today, []
    return _within(parse_date(date)), []


def _within(day: dt.date) -> dt.date:
    first, last = coverage()
    if not first <= day <= last:
        cow_end, gw_end = lists.cow_spells()["end"].max(), lists.gw_spells()["end"].max()
        raise CoverageError(
            f"No state-system data for {day.isoformat()}: COW runs to {cow_end.isoformat()}, "
            f"Gleditsch-Ward to {gw_end.isoformat()}, and the isard panels that extend them to "
            f"{last.isoformat()}.",
            f"Give a date between {first.isoformat()} and {last.isoformat()}.",
        )
    return day


def _system(system: str) -> str:
    if system not in SYSTEMS:
        raise InputError(f"Unknown state system {system!r}.", "Use --system cow or --system gw.")
    return system


@functools.lru_cache(maxsize=256)
def _members(day: dt.date, system: str) -> tuple[pd.DataFrame, list[str], list[str]]:
    spells = lists.cow_spells() if system == "cow" else lists.gw_spells()
    last = spells["end"].max()
    notes: list[str] = []
    if day <= last:
        inside = spells[(spells["start"] <= day) & (spells["end"] >= day)]
        codes = list(zip(inside["code"], inside["abb"], inside["name"], strict=True))
        sources = [LISTS[system]]
    else:
        named = _latest_names(system)
        codes = [(code, *named.get(code, (None, None))) for code in _panel_codes(system, day.year)]
        panel_name = lists.PANELS[system]
        sources = [LISTS[system], panel_name] + (["gw_system"] if system == "gw" else [])
        notes.append(
            f"{SYSTEMS[system]} membership after {last.isoformat()} comes from isard's {panel_name} "
            f"state-year panel: states in the panel for {day.year} (year precision; entries and exits "
            "within the year are not dated)."
        )
    other = "gw" if system == "cow" else "cow"
    entities = identity.by_code_on(day, system)
    majors, major_notes = major_powers(day)
    rows = []
    for code, abb, name in sorted(codes):
        entity = entities.get(code, {})
        rows.append(
            {
                system: code,
                other: entity.get(other),
                "iso3": entity.get("iso3"),
                f"{system}_abb": abb,
                # the entity that day (Soviet Union, Prussia), as power, members and resolve name it
                "name": entity.get("name") or name,
                "major": entity.get("cow") in majors,
            }
        )
    frame = pd.DataFrame(rows, columns=COLUMNS[system]).astype({"cow": "Int64", "gw": "Int64", "major": bool})
    if frame["major"].any():
        notes += major_notes
        sources.append("cow_majors")
    if frame["iso3"].isna().any():
        notes.append("iso3 is NA for states without an ISO 3166 code of their own (ISO 3166 began in 1974).")
    sources.append(identity.CURATED_SOURCE)
    return frame, notes, sources


@functools.cache
def _latest_names(system: str) -> dict[int, tuple[str, str]]:
    spells = lists.cow_spells() if system == "cow" else lists.gw_spells()
    return {row.code: (row.abb, row.name) for row in spells.itertuples()}


@functools.cache
def _panel_codes(system: str, year: int) -> tuple[int, ...]:
    panel = lists.panel(system)
    return tuple(sorted(panel.loc[panel["year"] == year, "code"]))
