"""State-year capabilities from each source, keyed by COW code: one tidy table per series.

Every series is a DataFrame[cow, year, value] plus the catalog dataset it came from, so that
each figure can name its dataset and version. Sources keyed by ISO3 (World Bank) or by country
name (SIPRI) are mapped to COW codes through the identity layer, on each year's last day:
SIPRI's "USSR" and "Russia" both become COW 365, "Germany" before 1990 is West Germany (260),
in 1990 Germany (255). Rows that name no COW state (World Bank aggregates such as "WLD" or
"EUU", territories, SIPRI's "European Union") are left out, and counted in the series' notes.

A year's world counts each state once. NMC (and the long-run GDP estimates keyed like it) list
every state that was in the system on any day of the year, and in some years a successor's row
already holds a state that left during that year: Germany's 1990 row holds West and East
Germany, whose 1990 rows are there too. Those state-years (``data/absorbed.csv``, each with the
successor's figures that show it) are left out of every source, and CINC is recomputed without
them. States that left without such a successor (occupied in 1940-45, South Vietnam in 1975,
whose people Vietnam's row holds only from 1976) stay in their last year. Tables are cached in
memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

import pandas as pd

from multipolar.data import store
from multipolar.errors import InputError, UnknownNameError

NMC_COMPONENTS = ("milex", "milper", "irst", "pec", "tpop", "upop")
ABSORBED = Path(__file__).parent / "data" / "absorbed.csv"
ABSORBED_SOURCE = "multipolar curated: state-years held by a successor (power/data/absorbed.csv)"


@dataclass(frozen=True)
class Series:
    """One source's values for every state-year it covers."""

    dataset: str
    unit: str
    rows: pd.DataFrame  # cow, year, value (NA where the source has the state-year but no value)
    notes: tuple[str, ...] = field(default=())

    @cached_property
    def valued(self) -> pd.DataFrame:
        """The rows with a value, sorted by year (cow, year, value)."""
        rows = self.rows[self.rows["value"].notna()][["cow", "year", "value"]]
        return rows.sort_values(["year", "cow"], kind="stable").reset_index(drop=True)

    @property
    def first(self) -> int:
        """The first year with at least one value."""
        return int(self.valued["year"].iloc[0])

    @property
    def last(self) -> int:
        """The last year with at least one value."""
        return int(self.valued["year"].iloc[-1])


@cache
def nmc() -> pd.DataFrame:
    """NMC v7 with CINC recomputed beside the published one (``cinc_published``) over the states
    counted in each year's world (``counted``); NA for the state-years that are not."""
    frame = store.frame("cow_nmc").rename(columns={"ccode": "cow", "cinc": "cinc_published"})
    frame["counted"] = counted(frame)
    components = list(NMC_COMPONENTS)
    within = frame[components].where(frame["counted"], axis=0)
    shares = within / within.groupby(frame["year"]).transform("sum")
    # COW's rule: the mean over the components a state-year has; missing ones are skipped, not 0
    frame["cinc"] = shares.mean(axis=1, skipna=True)
    return frame


def nmc_series(column: str, unit: str) -> Series:
    frame = nmc()
    notes = left_out_note("cow_nmc", frame[~frame["counted"]])
    rows = frame.loc[frame["counted"], ["cow", "year", column]].rename(columns={column: "value"})
    rows = rows.astype({"cow": "int64", "year": "int64", "value": "float64"}).reset_index(drop=True)
    return Series("cow_nmc", unit, rows, notes)


def counted(rows: pd.DataFrame) -> pd.Series:
    """Whether each (cow, year) row is counted in its year's world: a state-year of the COW
    system (isard's COW panel, as NMC's rows are) that no successor's row already holds."""
    from multipolar.states.lists import panel

    members = panel("cow").rename(columns={"code": "cow"})
    keys = pd.MultiIndex.from_frame(members[["cow", "year"]].astype("int64"))
    absorbed_keys = pd.MultiIndex.from_frame(absorbed()[["cow", "year"]].astype("int64"))
    at = pd.MultiIndex.from_frame(rows[["cow", "year"]].astype("int64"))
    return pd.Series(at.isin(keys) & ~at.isin(absorbed_keys), index=rows.index)


@cache
def absorbed() -> pd.DataFrame:
    """State-years a successor's row already holds (year, cow, name, successor, event, ...)."""
    return pd.read_csv(ABSORBED, dtype={"year": "int64", "cow": "int64", "successor": "int64"})


def left_out_note(source: str, outside: pd.DataFrame) -> tuple[str, ...]:
    """The note that counts the state-years a source lists but a year's world does not count."""
    if outside.empty:
        return ()
    example = outside.sort_values("year").iloc[-1]
    return (
        f"{source}: {len(outside)} state-years outside the COW state system (before entry or after "
        f"exit) or already held by a successor's row (e.g. COW {int(example['cow'])} in "
        f"{int(example['year'])}) are left out, so that each year's world counts a state once.",
    )


@cache
def fariss() -> pd.DataFrame:
    """Fariss et al. (2022) estimates: real GDP (millions 2017 int$) and population (millions)."""
    frame = store.frame("cw_gdppop", columns=["ccode", "year", "pwtrgdp", "pwtpop"])
    return frame.rename(columns={"ccode": "cow"}).astype({"cow": "int64", "year": "int64"})


def fariss_series(column: str, unit: str) -> Series:
    frame = fariss()[["cow", "year", column]].rename(columns={column: "value"})
    rows, outside = in_system(frame.astype({"value": "float64"}), "cw_gdppop")
    return Series("cw_gdppop", unit, rows, outside)


@cache
def world_bank(dataset: str, unit: str) -> Series:
    """A World Bank indicator by COW state-year; aggregates and territories are dropped.

    World Bank codes are ISO3, so they are matched exactly against the identity layer's entity
    spells on 31 December of each year: "DEU" in 1985 is West Germany (260), in 1990 Germany
    (255); "RUS" before 1991 is the Russian republic, not the USSR, so it is left out.
    """
    from multipolar.states.identity import entities

    con = store.connect()
    names = [r[0] for r in con.sql(f"DESCRIBE SELECT * FROM {store.scan(dataset)}").fetchall()]
    columns = {n.lower().replace(" ", "_"): n for n in names}
    spells = entities()
    spells = spells[spells["cow"].notna()].assign(
        valid_from=pd.to_datetime(spells["valid_from"]),
        valid_to=pd.to_datetime(spells["valid_to"]).fillna(pd.Timestamp("2262-01-01")),
    )
    con.register("spells", spells[["iso3", "cow", "valid_from", "valid_to"]])
    frame = con.sql(
        f'''
        WITH wb AS (
            SELECT "{columns["country_code"]}" AS code, CAST("{columns["year"]}" AS BIGINT) AS year,
                   CAST("{columns["value"]}" AS DOUBLE) AS value
            FROM {store.scan(dataset)} WHERE "{columns["value"]}" IS NOT NULL)
        SELECT wb.code, wb.year, wb.value, CAST(spells.cow AS BIGINT) AS cow
        FROM wb LEFT JOIN spells ON spells.iso3 = wb.code
            AND make_date(wb.year, 12, 31) BETWEEN spells.valid_from AND spells.valid_to
        '''
    ).df()
    mapped = frame[frame["cow"].notna()]
    dropped = set(frame["code"]) - set(mapped["code"])
    notes = ()
    if dropped:
        notes = (
            f"{dataset}: {len(dropped)} codes are aggregates, territories or states outside the COW "
            f"system and are left out (e.g. {', '.join(sorted(dropped)[:8])}).",
        )
    rows, outside = in_system(mapped[["cow", "year", "value"]].astype({"cow": "int64"}), dataset)
    return Series(dataset, unit, rows, notes + outside)


@cache
def sipri(unit: str, label: str) -> Series:
    """One SIPRI sheet (``unit``: the store's key for it) by COW state-year, its unit described as
    ``label``; names are read date by date ("USSR", "Yemen, North")."""
    con = store.connect()
    frame = con.sql(
        f"SELECT country, year, value FROM {store.scan('SIPRI-Milex-data-1949-2024_2')} WHERE unit = '{unit}'"
    ).df()
    mapped, dropped = to_cow(frame[frame["value"].notna()], "country")
    notes = ()
    if dropped:
        notes = (f"SIPRI rows that name no COW state are left out: {', '.join(sorted(dropped))}.",)
    rows, outside = in_system(mapped[["cow", "year", "value"]], "SIPRI")
    return Series("SIPRI-Milex-data-1949-2024_2", label, rows, notes + outside)


def in_system(rows: pd.DataFrame, source: str) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Only the state-years counted in their year's world (see the module's docstring).

    A source may list a state before its COW entry or while it was part of another state (the
    World Bank's Algeria in 1960, SIPRI's West Germany in 1953); those rows are left out, counted
    in a note, so that shares are shares of the state system.
    """
    inside = counted(rows)
    return rows[inside].reset_index(drop=True), left_out_note(source, rows[~inside])


def to_cow(frame: pd.DataFrame, key: str) -> tuple[pd.DataFrame, set[str]]:
    """Attach COW codes to (key, year) rows through the identity layer, one spell at a time.

    Returns the mapped rows (cow, year, value, key) and the keys that never named a COW state.
    One identity lookup serves every year inside the spell it returns, so a name costs a few
    lookups, not one per year.
    """
    from multipolar.states.identity import identify

    pairs = frame[[key, "year"]].drop_duplicates().sort_values([key, "year"])
    found: list[tuple[str, int, int]] = []
    dropped: set[str] = set()
    for name, years in pairs.groupby(key)["year"]:
        spell = None
        for year in years:
            if spell is None or not _inside(spell, year):
                try:
                    spell = identify(str(name), last_day(int(year)))
                except UnknownNameError:
                    if not _known_at_all(identify, str(name)):
                        break
                    spell = None
                    continue
                except InputError:
                    spell = None
                    continue
            if spell.cow is not None:
                exact = str(name).casefold() in {str(spell.name).casefold(), str(spell.iso3).casefold()}
                found.append((name, int(year), int(spell.cow), exact))
    mapped = pd.DataFrame(found, columns=["key", "year", "cow", "exact"])
    # two names for one state-year (e.g. "USSR" and "Russia" in 1990): the exact name wins
    mapped = mapped.sort_values("exact", ascending=False).drop_duplicates(["cow", "year"])
    dropped = set(pairs[key]) - set(mapped["key"])
    out = frame.merge(mapped.drop(columns="exact"), left_on=[key, "year"], right_on=["key", "year"])
    if key != "key":
        out = out.drop(columns=[key])
    rows = out[["cow", "year", "value", "key"]].astype({"cow": "int64", "year": "int64", "value": "float64"})
    return rows.reset_index(drop=True), dropped


def last_day(year: int) -> dt.date:
    """The day a source's annual figure is read on: 31 December (today, for this year)."""
    return min(dt.date(year, 12, 31), dt.date.today())


def _inside(country, year: int) -> bool:
    """Whether a spell found for an earlier year still holds on the last day of ``year``."""
    return country.valid_to is None or country.valid_to >= last_day(year)


def _known_at_all(identify, name: str) -> bool:
    try:
        identify(name)
    except InputError:
        return False
    return True


@cache
def labels() -> pd.DataFrame:
    """COW code and year → iso3 and name of the state at the year's end (or last in the year);
    worked out once, then kept in the cache."""
    return store.derived("state_year_labels", _labels, [str(dt.date.today().year)])


def _labels() -> pd.DataFrame:
    from multipolar.states.identity import entities

    spells = entities()
    spells = spells[spells["cow"].notna()].copy()
    spells["first"] = pd.to_datetime(spells["valid_from"]).dt.year.fillna(1816).astype(int)
    spells["final"] = pd.to_datetime(spells["valid_to"]).dt.year.fillna(dt.date.today().year + 1).astype(int)
    spells["start"] = pd.to_datetime(spells["valid_from"]).fillna(pd.Timestamp("1800-01-01"))
    con = store.connect()
    con.register("spells", spells[["cow", "iso3", "name", "first", "final", "start"]])
    return con.sql(
        "SELECT CAST(cow AS BIGINT) AS cow, year, arg_max(iso3, start) AS iso3, arg_max(name, start) AS name "
        "FROM spells, range(1816, (SELECT max(final) FROM spells) + 1) AS years(year) "
        "WHERE year BETWEEN first AND final GROUP BY cow, year"
    ).df()


@cache
def _labels_by_key() -> pd.DataFrame:
    table = labels()
    return table.set_index(table["cow"] * 10000 + table["year"])[["iso3", "name"]]


def with_labels(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (cow, year, ...) with iso3 and name columns after cow."""
    keys = frame["cow"].to_numpy(dtype="int64") * 10000 + frame["year"].to_numpy(dtype="int64")
    found = _labels_by_key().reindex(keys)
    out = frame.assign(iso3=found["iso3"].to_numpy(), name=found["name"].to_numpy())
    first = ["cow", "iso3", "name"]
    return out[first + [c for c in out.columns if c not in first]]
