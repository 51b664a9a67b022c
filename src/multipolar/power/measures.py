"""Power measures: which source each measure reads, its values for a year and its shares.

Each measure is one source over its own years; no measure splices two sources, because their
units differ (the long-run GDP estimates are in 2017 international dollars, the World Bank's in
2015 US dollars; NMC military spending is in current dollars, SIPRI's in constant 2023
dollars). A year a source does not cover is NA with a note that names the measure that does
(e.g. ``gdp_longrun`` before 1960). ``nowcast=True`` carries each state's last value forward
past the end of a source, flagged in a ``nowcast`` column and in the notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from functools import cache

import pandas as pd

from multipolar.answer import Answer
from multipolar.data import store
from multipolar.data.catalog import catalog
from multipolar.dates import parse_year
from multipolar.errors import CoverageError, InputError, unknown
from multipolar.power import capabilities as caps
from multipolar.power.choices import INSTEAD, MEASURES

FIRST_YEAR = 1816


def _net_resources(gdp: caps.Series, pop: caps.Series, unit: str) -> caps.Series:
    """Beckley (2018): GDP × GDP per capita, so that size without wealth counts for less."""
    both = gdp.rows.merge(pop.rows, on=["cow", "year"], suffixes=("_gdp", "_pop"))
    both["value"] = both["value_gdp"] ** 2 / both["value_pop"]
    note = f"net_resources = GDP × GDP per capita (Beckley 2018), from {gdp.dataset} and {pop.dataset}."
    datasets = " + ".join(dict.fromkeys([gdp.dataset, pop.dataset]))
    return caps.Series(datasets, unit, both[["cow", "year", "value"]], (note, *gdp.notes, *pop.notes))


WB_GDP = "worldbank_wdi_gdp_constant_2015_usd"
WB_POP = "worldbank_population"

# measure -> how its cow-year table is loaded (names and descriptions: choices.py)
_LOADERS: dict[str, Callable[[], caps.Series]] = {
    "cinc": lambda: caps.nmc_series("cinc", "share of system capabilities"),
    "gdp": lambda: caps.world_bank(WB_GDP, "constant 2015 US$"),
    "gdp_current": lambda: caps.world_bank("worldbank_gdp_current_usd", "current US$"),
    "gdp_ppp": lambda: caps.world_bank(
        "worldbank_wdi_gdp_ppp_constant_2021_intl", "constant 2021 international $"
    ),
    "gdp_longrun": lambda: caps.fariss_series("pwtrgdp", "millions of 2017 international $"),
    "milex": lambda: caps.sipri("constant_2023_usd_m", "millions of constant 2023 US$"),
    "milex_nmc": lambda: caps.nmc_series("milex", "thousands of current US$"),
    "pop": lambda: caps.world_bank(WB_POP, "people"),
    "pop_nmc": lambda: caps.nmc_series("tpop", "thousands of people"),
    "net_resources": lambda: _net_resources(
        caps.world_bank(WB_GDP, "constant 2015 US$"), caps.world_bank(WB_POP, "people"), "US$² per person"
    ),
    "net_resources_longrun": lambda: _net_resources(
        caps.fariss_series("pwtrgdp", "millions of 2017 international $"),
        caps.fariss_series("pwtpop", "millions of people"),
        "2017 int$ × millions of 2017 int$ per million people",
    ),
}


def measure_name(name: str) -> str:
    """The canonical measure name, or an error listing the closest ones."""
    key = str(name).strip().lower()
    if key not in MEASURES:
        raise unknown("measure", name, MEASURES, f"Choose one of: {', '.join(MEASURES)}.")
    return key


def parse_weights(weights: Mapping[str, float] | str | None) -> tuple[tuple[str, float], ...]:
    """Composite weights from a mapping or 'gdp=.5,milex=.5', checked and normalised to sum 1."""
    if weights is None:
        raise InputError("The composite measure needs weights.", "Give them as e.g. gdp=0.5,milex=0.5.")
    if isinstance(weights, str):
        pairs = {}
        for part in filter(None, (p.strip() for p in weights.split(","))):
            name, sep, number = part.partition("=")
            try:
                pairs[name.strip()] = float(number)
            except ValueError:
                pairs[name.strip()] = number.strip()  # shown as typed in the error below
        weights = pairs
    checked = {}
    for name, weight in weights.items():
        key = measure_name(name)
        if key == "composite":
            raise InputError(
                "A composite cannot contain itself.", "Weight other measures, e.g. gdp=0.5,milex=0.5."
            )
        if not (isinstance(weight, int | float) and weight >= 0 and weight == weight):
            raise InputError(
                f"Bad weight for {name!r}: {weight!r}.", "Weights are numbers ≥ 0, e.g. gdp=0.5."
            )
        checked[key] = float(weight)
    total = sum(checked.values())
    if not checked or total <= 0:
        raise InputError(
            "Composite weights must add up to more than 0.", "Give them as e.g. gdp=0.5,milex=0.5."
        )
    return tuple(sorted((k, w / total) for k, w in checked.items()))


def series(measure: str, weights: Mapping[str, float] | str | None = None) -> caps.Series:
    """The whole cow-year table of a measure (cached)."""
    name = measure_name(measure)
    if name == "composite":
        return _composite(parse_weights(weights))
    return _series(name)


@cache
def _series(name: str) -> caps.Series:
    """A measure's state-years, built from its source once and then kept in the cache."""
    return store.derived(f"measure_{name}", _LOADERS[name])


@cache
def _composite(weights: tuple[tuple[str, float], ...]) -> caps.Series:
    parts = []
    for name, weight in weights:
        part = _series(name).rows.copy()
        part["value"] = weight * part["value"] / part.groupby("year")["value"].transform("sum")
        parts.append(part.set_index(["cow", "year"])["value"].rename(name))
    # a state-year needs every weighted component; a missing one leaves the composite NA
    table = pd.concat(parts, axis=1, join="outer")
    rows = table.sum(axis=1, min_count=len(parts)).where(table.notna().all(axis=1)).rename("value")
    datasets = " + ".join(dict.fromkeys(_series(n).dataset for n, _ in weights))
    label = ", ".join(f"{n} {w:.3g}" for n, w in weights)
    notes = (f"composite = weighted mean of world shares ({label}); NA where a component is missing.",)
    return caps.Series(datasets, "weighted share of world", rows.reset_index(), notes)


def sources_of(measure: str, weights=None) -> list[str]:
    return series(measure, weights).dataset.split(" + ")


def check_year(year: int | str) -> int:
    value = parse_year(year, allow_future=False)
    if value < FIRST_YEAR:
        raise CoverageError(
            f"Year {value} is before 1816.", "The state system data start in 1816; give a later year."
        )
    return value


def latest_year(measure: str, year: int | str, weights=None) -> int | None:
    """The last year ≤ ``year`` with data under ``measure``."""
    rows = series(measure, weights).rows
    years = rows.loc[rows["value"].notna() & (rows["year"] <= parse_year(year)), "year"]
    return int(years.max()) if len(years) else None


def instead_of(measure: str) -> str | None:
    """The measure that covers the years this one lacks (e.g. milex_nmc for milex)."""
    return INSTEAD.get(measure_name(measure))


def coverage_note(measure: str, year: int, weights=None) -> str | None:
    """Why ``year`` has no values under ``measure``, and what to use instead; None if covered."""
    data = series(measure, weights)
    if data.first <= year <= data.last:
        return None
    name = measure_name(measure)
    note = f"{name} ({data.dataset}) covers {data.first}-{data.last}; {year} is outside it, so values are NA."
    instead = instead_of(name)
    if instead and series(instead).first <= year <= series(instead).last:
        note += f" Use measure {instead} for {year}."
    if year > data.last:
        note += " nowcast=True (--nowcast) carries each state's last value forward."
    return note


def year_rows(measure: str, year: int, weights=None, nowcast: bool = False) -> tuple[pd.DataFrame, list[str]]:
    """cow, year, value (and nowcast flag) for every state the source lists in ``year``."""
    data = series(measure, weights)
    notes = list(data.notes) + [n for n in [counted_note(year)] if n]
    rows = data.rows[data.rows["year"] == year][["cow", "year", "value"]]
    if year > data.last and nowcast:
        rows = carried_forward(data.rows, year)
        notes.append(
            f"nowcast: {year} is past the end of {data.dataset} ({data.last}); each state's last value is "
            "carried forward unchanged (flagged in the nowcast column). This is not an estimate."
        )
        return rows, notes
    note = coverage_note(measure, year, weights)
    if note:
        notes.append(note)
        from multipolar.states.system import members_on

        states = members_on(year_end(year), "cow")
        rows = pd.DataFrame({"cow": states["cow"].astype("int64"), "year": year, "value": float("nan")})
        notes += [n for n in [system_note(year)] if n]
    if nowcast:
        rows = rows.assign(nowcast=False)
    return rows, notes


def carried_forward(rows: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each state's last non-missing value before ``year``, restamped with ``year``."""
    known = rows[rows["value"].notna() & (rows["year"] < year)]
    last = known.sort_values("year").groupby("cow").tail(1)
    return last.assign(from_year=last["year"], year=year, nowcast=True)[
        ["cow", "year", "value", "nowcast", "from_year"]
    ]


def year_end(year: int) -> dt.date:
    """The day whose composition stands for a year: 31 December, today for this year, or the
    state system's last day for years after its data end (said in a note by the callers)."""
    from multipolar.states.system import coverage

    return min(dt.date(year, 12, 31), dt.date.today(), coverage()[1])


def counted_note(year: int) -> str | None:
    """Which states' rows of ``year`` are left out because a successor's row holds them."""
    table = caps.absorbed()
    table = table[table["year"] == year]
    if table.empty:
        return None
    held = []
    for successor, part in table.groupby("successor", sort=False):
        names = " and ".join(f"{n} (COW {c})" for n, c in zip(part["name"], part["cow"], strict=True))
        label = caps.with_labels(pd.DataFrame({"cow": [successor], "year": [year]}))["name"].iloc[0]
        held.append(f"{names} ({part['event'].iloc[0]}): {label}'s row holds them")
    return (
        f"Each state counts once in the world of {year}: " + "; ".join(held) + f", so their own {year} "
        "rows are left out (power/data/absorbed.csv)."
    )


def system_note(year: int) -> str | None:
    """Why the states of another day stand for ``year``, if they do."""
    day = year_end(year)
    if day.year < year:
        return f"The state-system data end {day.isoformat()}; for {year} the states of that day are used."
    return None


@cache
def _majors() -> tuple[pd.DataFrame, dict[str, list[tuple[int, str]]]]:
    """Major powers at every year's end over the state system's coverage, and each year's notes
    (worked out once, then kept in the cache)."""
    return store.derived("major_powers", _find_majors, [dt.date.today().isoformat()])


def _find_majors() -> tuple[pd.DataFrame, dict[str, list[tuple[int, str]]]]:
    from multipolar.states.system import coverage, major_powers

    rows, said_in = [], {}
    for year in range(FIRST_YEAR, coverage()[1].year + 1):
        cows, said = major_powers(year_end(year))
        rows.extend((year, int(c)) for c in cows)
        for note in said:  # the same note for each year, differing only in the day it names
            said_in.setdefault(note.replace(year_end(year).isoformat(), "{day}"), []).append((year, note))
    return pd.DataFrame(rows, columns=["year", "cow"]), said_in


def majors_by_year(first: int, last: int) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """COW major powers at each year's end (year, cow), and the notes that come with them."""
    table, said_in = _majors()
    part = table[(table["year"] >= first) & (table["year"] <= last)]
    notes = []
    for said in said_in.values():
        inside = [(year, note) for year, note in said if first <= year <= last]
        if len(inside) == 1:
            notes.append(inside[0][1])
        elif inside:
            span = f"{inside[0][0]}-{inside[-1][0]}"
            notes.append(f"{inside[0][1].rstrip('.')} (likewise for each year {span}).")
    end = int(table["year"].max())
    if last > end:  # past the state-system data: its last composition, said in a note
        years = range(max(first, end + 1), last + 1)
        final = table.loc[table["year"] == end, "cow"]
        part = pd.concat(
            [part, pd.DataFrame([(y, c) for y in years for c in final], columns=["year", "cow"])]
        )
        notes += [n for n in [system_note(last)] if n]
    return part.reset_index(drop=True), tuple(notes)


def share_set(share_of: str | Iterable[str], year: int) -> tuple[str, set[int] | None, list[str]]:
    """What shares are taken of: ('world', None), ('majors', cows) or a named set of states."""
    if isinstance(share_of, str) and share_of.strip().lower() == "world":
        return "world", None, []
    if isinstance(share_of, str) and share_of.strip().lower() == "majors":
        majors, notes = majors_by_year(year, year)
        return "majors", set(majors["cow"]), list(notes)
    if isinstance(share_of, str):
        if "," not in share_of:
            raise InputError(
                f"Unknown share base {share_of!r}.", "Use world, majors, or a comma-separated list of states."
            )
        share_of = [s for s in share_of.split(",") if s.strip()]
    from multipolar.states.identity import identify

    cows = set()
    for text in share_of:
        country = identify(text.strip(), year_end(year))
        if country.cow is None:
            raise InputError(f"{country.name} has no COW code.", "Name states of the COW system.")
        cows.add(int(country.cow))
    return "states", cows, []


def values(
    measure: str = "cinc",
    year: int | str | None = None,
    share_of: str | Iterable[str] = "world",
    nowcast: bool = False,
    weights: Mapping[str, float] | str | None = None,
) -> Answer:
    """Every state's value under ``measure`` in ``year``, with its share of the chosen base."""
    name = measure_name(measure)
    data = series(name, weights)
    year = check_year(year) if year is not None else data.last
    rows, notes = year_rows(name, year, weights, nowcast)
    base, cows, base_notes = share_set(share_of, year)
    notes += base_notes
    # a share base without some of its states (or, for the world, without a major power) misleads
    watched = cows if cows is not None else set(majors_by_year(year, year)[0]["cow"])
    lacking = watched - set(rows.loc[rows["value"].notna(), "cow"])
    if cows is not None:
        rows = rows[rows["cow"].isin(cows)]
    total = rows["value"].sum(min_count=1)
    if lacking and rows["value"].notna().any():
        names = ", ".join(
            caps.with_labels(pd.DataFrame({"cow": sorted(lacking), "year": year}))["name"].fillna("?")
        )
        if cows is None:
            notes.append(f"No {name} value in {year} for {names}; shares leave them out.")
        else:  # a share of a named group without one of its members would count that member as 0
            total = float("nan")
            group = "major powers" if base == "majors" else "states chosen"
            notes.append(f"No {name} value in {year} for {names}; shares of the {group} are NA.")
    versions = " + ".join(catalog()[d].version for d in sources_of(name, weights))
    rows = rows.assign(share=rows["value"] / total, source=data.dataset, version=versions)
    rows = caps.with_labels(rows).sort_values(["value", "cow"], ascending=[False, True], na_position="last")
    params = {"measure": name, "year": year, "share_of": base}
    if name == "composite":
        params["weights"] = dict(parse_weights(weights))
    if base == "states":
        params["states"] = sorted(cows)
    return Answer(
        "values",
        params,
        rows.drop(columns="year").reset_index(drop=True),
        "values",
        notes,
        sources_of(name, weights),
        {"unit": data.unit},
    )


def power(
    year: int | str | None = None,
    measure: str = "cinc",
    top: int | None = 10,
    share_of: str | Iterable[str] = "world",
    nowcast: bool = False,
    weights: Mapping[str, float] | str | None = None,
) -> Answer:
    """The ``top`` states by ``measure`` in ``year``, ranked, with values and shares."""
    if top is not None and top < 1:
        raise InputError(f"--top must be at least 1, not {top}.", "Give a positive number, e.g. --top 10.")
    answer = values(measure, year, share_of, nowcast, weights)
    rows = answer.rows.head(top) if top else answer.rows
    rank = pd.Series(range(1, len(rows) + 1), index=rows.index, dtype="Int64")
    rows = rows.assign(rank=rank.mask(rows["value"].isna()))
    rows = rows[["rank", *[c for c in rows.columns if c != "rank"]]]
    params = {**answer.params, "top": top}
    return Answer("power", params, rows, "power", answer.notes, answer.sources, answer.extra)
