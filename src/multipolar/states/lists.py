"""The state lists as tidy, cached tables: spells with real dates and state-year panels."""

from __future__ import annotations

import datetime as dt
import functools

from multipolar import lazy
from multipolar.data import store

pd = lazy.load("pandas")

PANELS = {"cow": "cw_gw_panel", "gw": "gw_cw_panel"}


@functools.cache
def cow_spells() -> pd.DataFrame:
    """COW membership spells (cow_states): code, abb, name, start, end."""
    raw = store.frame("cow_states")
    return pd.DataFrame(
        {
            "code": raw["ccode"].astype(int),
            "abb": raw["stateabb"],
            "name": raw["statenme"],
            "start": _dates(raw.styear, raw.stmonth, raw.stday),
            "end": _dates(raw.endyear, raw.endmonth, raw.endday),
        }
    )


@functools.cache
def gw_spells() -> pd.DataFrame:
    """G-W membership spells as peacesciencer lists them (gw_states: no microstates)."""
    raw = store.frame("gw_states")
    return pd.DataFrame(
        {
            "code": raw["gwcode"].astype(int),
            "abb": raw["stateabb"],
            "name": raw["statename"],
            "start": raw["startdate"].map(as_date),
            "end": raw["enddate"].map(as_date),
        }
    )


@functools.cache
def gw_system_spells() -> pd.DataFrame:
    """G-W spells including microstates (gw_system), with the microstate flag."""
    raw = store.frame("gw_system")
    return pd.DataFrame(
        {
            "code": raw["gwcode"].astype(int),
            "abb": raw["gw_abb"],
            "name": raw["gw_name"],
            "start": raw["start"].map(as_date),
            "end": raw["end"].map(as_date),
            "microstate": raw["microstate"].astype(bool),
        }
    )


@functools.cache
def major_spells() -> pd.DataFrame:
    """COW major-power spells (cow_majors): code, start, end."""
    raw = store.frame("cow_majors")
    return pd.DataFrame(
        {
            "code": raw["ccode"].astype(int),
            "start": _dates(raw.styear, raw.stmonth, raw.stday),
            "end": _dates(raw.endyear, raw.endmonth, raw.endday),
        }
    )


@functools.cache
def panel(system: str) -> pd.DataFrame:
    """State-years (year, code) from isard; G-W without microstates, the universe of gw_states."""
    column = "ccode" if system == "cow" else "gwcode"
    raw = store.frame(PANELS[system], columns=["year", column]).dropna(subset=[column])
    years = pd.DataFrame({"year": raw["year"].astype(int), "code": raw[column].astype(int)})
    if system == "gw":
        spells = gw_system_spells()
        years = years[~years["code"].isin(set(spells.loc[spells["microstate"], "code"]))]
    return years.drop_duplicates().reset_index(drop=True)


def as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _dates(years, months, days) -> list[dt.date]:
    return [dt.date(y, m, d) for y, m, d in zip(years, months, days, strict=True)]
