"""Which state an event-data country code names on a day, as small tables the engines join.

Event data name countries three ways: CAMEO actor codes (GDELT, PLOVER: ISO 3166-1 alpha-3
codes plus a few of CAMEO's own, ``data/cameo_countries.csv``), FIPS 10-4 codes (GDELT's
geography, ``data/fips_countries.csv``) and country names (ICEWS, read by the resolver, except
the few ICEWS spells otherwise, ``data/icews_countries.csv``). Each becomes an ISO3 code,
and an ISO3 code becomes a state through the resolver's entity spells (``states.identity``) as
of the event's day: the entity holding that ISO3 code that day, else the one holding the same
COW code (so RUS before 1991-12-26 is the Soviet Union and SRB in 1995 is FR Yugoslavia).

The result is one table per code system, ``code, valid_from, valid_to, iso3, cow``, whose spells
never overlap for a code, so a range join gives each event at most one state. A code that names
no state on a day (a region, a territory, an unknown code) has no row there: the query counts
those events and ``why_unmapped`` says why.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pandas as pd

from multipolar.states import identity

DATA = Path(__file__).parent / "data"
CAMEO_FILE = DATA / "cameo_countries.csv"
FIPS_FILE = DATA / "fips_countries.csv"
ICEWS_FILE = DATA / "icews_countries.csv"
CAMEO_SOURCE = "events/data/cameo_countries.csv"
FIPS_SOURCE = "events/data/fips_countries.csv"
ICEWS_SOURCE = "events/data/icews_countries.csv"
OPEN_END = dt.date(9999, 12, 31)  # a spell still open, as a date every engine can compare
COLUMNS = ["code", "valid_from", "valid_to", "iso3", "cow"]


@functools.cache
def cameo_exceptions() -> pd.DataFrame:
    """CAMEO's country codes that are not the ISO3 code of the same country (regions, places,
    retired ISO codes): code, iso3 (empty: no state), kind, name, source."""
    return pd.read_csv(CAMEO_FILE, dtype=str, keep_default_na=False)


@functools.cache
def fips_codes() -> pd.DataFrame:
    """FIPS 10-4 country codes: fips, iso3 (empty: no ISO code), kind (state/territory), name, source."""
    return pd.read_csv(FIPS_FILE, dtype=str, keep_default_na=False)


@functools.cache
def icews_names() -> dict[str, str]:
    """ICEWS country names the resolver reads otherwise ("Congo" is the Republic of the Congo):
    name -> iso3."""
    table = pd.read_csv(ICEWS_FILE, dtype=str, keep_default_na=False)
    return dict(zip(table["name"], table["iso3"], strict=True))


@functools.cache
def iso3_spells() -> pd.DataFrame:
    """ISO3 code -> state spells: the entity with that ISO3 code, and on the days none has it,
    the entity with the COW code of its latest holder."""
    entities = identity.entities().dropna(subset=["cow"])
    entities = entities.assign(valid_to=entities["valid_to"].fillna(OPEN_END))
    rows = []
    for iso3, own in entities.dropna(subset=["iso3"]).groupby("iso3"):
        own_spans = list(zip(own["valid_from"], own["valid_to"], strict=True))
        rows += [(iso3, r.valid_from, r.valid_to, r.iso3, r.cow) for r in own.itertuples()]
        latest_cow = own.sort_values("valid_from")["cow"].iloc[-1]
        kin = entities[(entities["cow"] == latest_cow) & (entities["iso3"] != iso3)]
        for r in kin.itertuples():
            for start, end in _minus(r.valid_from, r.valid_to, own_spans):
                rows.append((iso3, start, end, r.iso3, r.cow))
    table = pd.DataFrame(rows, columns=COLUMNS).astype({"cow": "int64"})
    return table.sort_values(["code", "valid_from"], ignore_index=True)


def _minus(
    start: dt.date, end: dt.date, taken: list[tuple[dt.date, dt.date]]
) -> list[tuple[dt.date, dt.date]]:
    """The days of start..end (inclusive) outside every span in ``taken``, as spans."""
    pieces = [(start, end)]
    for t_start, t_end in taken:
        kept = []
        for p_start, p_end in pieces:
            if t_end < p_start or t_start > p_end:
                kept.append((p_start, p_end))
                continue
            if p_start < t_start:
                kept.append((p_start, t_start - dt.timedelta(days=1)))
            if t_end < p_end:
                kept.append((t_end + dt.timedelta(days=1), p_end))
        pieces = kept
    return pieces


def _via_iso3(codes: pd.DataFrame) -> pd.DataFrame:
    """``codes`` (code, iso3) joined to the ISO3 spells."""
    spells = iso3_spells().rename(columns={"code": "via"})
    joined = codes.merge(spells, left_on="iso3", right_on="via", suffixes=("_code", ""))
    return joined[COLUMNS].sort_values(["code", "valid_from"], ignore_index=True)


@functools.cache
def cameo_spells() -> pd.DataFrame:
    """CAMEO country code -> state spells (ISO3 codes as themselves, CAMEO's own codes as curated)."""
    own = iso3_spells()
    curated = cameo_exceptions()
    mapped = curated[curated["iso3"] != ""][["code", "iso3"]]
    return pd.concat([own, _via_iso3(mapped)], ignore_index=True)


@functools.cache
def fips_spells() -> pd.DataFrame:
    """FIPS 10-4 code -> state spells, through the curated FIPS -> ISO3 table."""
    table = fips_codes()
    return _via_iso3(table[table["iso3"] != ""].rename(columns={"fips": "code"})[["code", "iso3"]])


def name_spells(first_days: dict[str, dt.date]) -> pd.DataFrame:
    """Country names (ICEWS) -> state spells: each name read by the resolver as of the first day
    it occurs, then followed through its ISO3 code. Names the resolver cannot read get none."""
    rows = []
    for name, day in first_days.items():
        iso3 = _name_iso3(name, day)
        if iso3:
            rows.append((name, iso3))
    return _via_iso3(pd.DataFrame(rows, columns=["code", "iso3"]))


@functools.cache
def _name_iso3(name: str, day: dt.date) -> str | None:
    from multipolar.errors import MultipolarError

    if name in icews_names():
        return icews_names()[name]
    try:
        return identity.identify(name, min(day, dt.date.today())).iso3
    except MultipolarError:
        return None


def _name_reason(name: str) -> str:
    """Why the resolver reads no state in an event's country name: a territory or a state outside
    both lists (Hong Kong; the Holy See since 1870), several states, or a name it does not know."""
    from multipolar.errors import AmbiguousNameError, MultipolarError, OutsideListsError

    try:
        identity.identify(name)
    except AmbiguousNameError:
        return "name of several states (ambiguous)"
    except OutsideListsError:
        return "territory, or a state outside the COW and Gleditsch-Ward lists"
    except MultipolarError:
        return "name the resolver does not know"
    return "no state with this name on the event's day"


def spells(system: str) -> pd.DataFrame:
    """The code -> state spells of ``system`` ("cameo" or "fips")."""
    return {"cameo": cameo_spells, "fips": fips_spells}[system]()


def why_unmapped(system: str, code: str | None) -> str:
    """Why events with ``code`` got no state: no code, a region or place, a territory, a code
    that names no state on those days, or a code nobody defines."""
    if code is None or (isinstance(code, float) and pd.isna(code)):
        return "no country code"
    if system == "cameo":
        curated = cameo_exceptions().set_index("code")
        if code in curated.index and curated.at[code, "iso3"] == "":
            return f"{curated.at[code, 'kind']}: {curated.at[code, 'name']}"
        known = set(cameo_spells()["code"])
    elif system == "fips":
        table = fips_codes().set_index("fips")
        if code in table.index and table.at[code, "kind"] != "state":
            return f"territory: {table.at[code, 'name']}"
        known = set(fips_spells()["code"])
    else:
        return _name_reason(code)
    if code in known:
        return "no state with this code on the event's day"
    if system == "cameo" and _is_iso3(code):
        return "territory, or a state outside the COW and Gleditsch-Ward lists (an ISO 3166 code)"
    return "unknown code"


def _is_iso3(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_3=code) is not None
