"""State-year, dyad-year and state-day panels, built as peacesciencer 1.2.9 builds them.

The state lists are isard's ``cw_system`` (Correlates of War) and ``gw_system``
(Gleditsch-Ward, with microstates). Like peacesciencer with ``mry = TRUE``, states alive at the
end of the list's last update are assumed alive through the last complete calendar year. Dyads
are every ordered pair of states in the system the same year, minus the pairs listed in
``false_cow_dyads`` / ``false_gw_dyads`` (states that never overlapped within that year).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pyarrow as pa

from multipolar import files
from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.dates import parse_years
from multipolar.errors import CoverageError, InputError
from multipolar.panels.panel import Panel

FIRST_YEAR = 1816
_SYSTEMS = {
    # system: (state list, code column, name column, extra columns, false dyads)
    "cow": ("cw_system", "ccode", "cw_name", (), "false_cow_dyads"),
    "gw": ("gw_system", "gwcode", "gw_name", ("microstate",), "false_gw_dyads"),
}


def last_complete_year() -> int:
    """The year before today's: how far ``mry = TRUE`` extends the state lists."""
    return dt.date.today().year - 1


def create_stateyears(system: str = "cow", years: str | tuple[int, int] | None = None) -> Panel:
    """Every state in the system each year, 1816 to the last complete year (or ``years``)."""
    system = str(system).strip().lower()
    states, code, name, extra, _ = _system(system)
    first, last = _years(years)
    con = _connection()
    base = "mp_stateyears"
    extra_sql = "".join(f", s.{c}::TINYINT AS {c}" for c in extra)
    con.execute(f"""
        CREATE TEMP TABLE {base} AS
        SELECT s.{code}::SMALLINT AS {code}, s.{name} AS {name}{extra_sql}, y.year::SMALLINT AS year
        FROM {_spells(states)} s, range({first}, {last} + 1) y(year)
        WHERE y.year BETWEEN s.styear AND s.endyear
        ORDER BY {code}, year
    """)
    columns = (code, name, *extra, "year")
    return Panel(
        con=con,
        base=base,
        base_columns=columns,
        unit="state",
        system=system,
        directed=None,
        years=(first, last),
        keys=(code, "year"),
        column_sources=dict.fromkeys(columns, states),
        notes=_extension_note(states),
    )


def create_dyadyears(
    system: str = "cow", directed: bool = True, years: str | tuple[int, int] | None = None
) -> Panel:
    """Every pair of states in the system each year (``directed=False``: code1 < code2 only)."""
    system = str(system).strip().lower()
    states, code, _, extra, _ = _system(system)
    first, last = _years(years)
    con = _connection()
    base = "mp_dyadyears"
    keys = dyad_keys(system, bool(directed), first, last).as_posix()
    # a view over the cached file (read in a few milliseconds, never copied), its rows numbered
    con.execute(f"""
        CREATE TEMP VIEW {base} AS
        SELECT *, file_row_number AS rowid
        FROM read_parquet('{_sql_string(keys)}', file_row_number = true)""")
    columns = (f"{code}1", f"{code}2", "year", *(f"{c}{i}" for c in extra for i in (1, 2)))
    return Panel(
        con=con,
        base=base,
        base_columns=columns,
        unit="dyad",
        system=system,
        directed=directed,
        years=(first, last),
        keys=(f"{code}1", f"{code}2", "year"),
        column_sources=dict.fromkeys(columns, states),
        notes=_extension_note(states),
    )


def create_statedays(system: str = "cow", years: str | tuple[int, int] | None = None) -> Panel:
    """Every state in the system each day (peacesciencer's ``create_statedays()``), in the state
    list's order and by date within each membership spell.

    As with state-years, spells still open at the list's last update run to 31 December of the last
    complete year. No covariate takes state-days (none does in peacesciencer either)."""
    system = str(system).strip().lower()
    states, code, name, extra, _ = _system(system)
    first, last = _years(years)
    spells = (
        _connection()
        .sql(f"""
        SELECT {code}, {name}{"".join(f", {c}" for c in extra)},
               greatest(start::DATE, make_date({first}, 1, 1)) AS first_day,
               least({_extended_end()}, make_date({last}, 12, 31)) AS last_day
        FROM {store.scan(states, row_numbers=True)} ORDER BY file_row_number""")
        .to_arrow_table()
    )
    rows, days = day_rows(spells.column("first_day"), spells.column("last_day"))
    table = pa.table(
        {
            code: spells.column(code).cast(pa.int16()).take(rows),
            name: pa.DictionaryArray.from_arrays(
                pa.array(rows, pa.int32()), spells.column(name).combine_chunks()
            ),
            **{c: spells.column(c).cast(pa.int8()).take(rows) for c in extra},
            "date": pa.array(days, pa.int32()).cast(pa.date32()),
        }
    )
    return _panel_of(
        table, "mp_statedays", unit="state_day", system=system, years=(first, last), keys=(code, "date"),
        source=states,
    )  # fmt: skip


def state_spells(system: str) -> str:
    """SQL for the system's membership spells as ``code``, ``first_day``, ``last_day`` (dates;
    spells open at the list's last update run to 31 December of the last complete year)."""
    states, code, *_ = _system(system)
    last_day = _extended_end()
    return (
        f"SELECT {code} AS code, start::DATE AS first_day, {last_day} AS last_day FROM {store.scan(states)}"
    )


def day_rows(first_days: pa.ChunkedArray, last_days: pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
    """Each spell's days: for spells from ``first_days`` to ``last_days`` (inclusive; a spell that
    ends before it starts has none), the spell of each day and the day (days since 1970), in
    spell order and by date."""
    starts = first_days.cast(pa.int32()).to_numpy().astype(np.int64)
    lengths = np.maximum(last_days.cast(pa.int32()).to_numpy().astype(np.int64) - starts + 1, 0)
    rows = np.repeat(np.arange(len(starts)), lengths)
    offsets = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return rows, starts[rows] + offsets


def _panel_of(
    rows: pa.Table | str, base: str, unit: str, system: str, years, keys, source: str, directed=None
):
    """A panel whose rows are ``rows`` (an Arrow table, or a query keeping its source's order), every
    column from dataset ``source``."""
    con = _connection()
    if isinstance(rows, str):
        con.execute(f"CREATE TEMP TABLE {base} AS {rows}")
    else:
        con.register("mp_rows", rows)
        con.execute(f"CREATE TEMP TABLE {base} AS SELECT * FROM mp_rows")
        con.unregister("mp_rows")
    columns = tuple(r[0] for r in con.execute(f"DESCRIBE {base}").fetchall())
    return Panel(
        con=con,
        base=base,
        base_columns=columns,
        unit=unit,
        system=system,
        directed=directed,
        years=years,
        keys=keys,
        column_sources=dict.fromkeys(columns, source),
        notes=_extension_note(source) if source in (s[0] for s in _SYSTEMS.values()) else (),
    )


def dyad_keys(system: str, directed: bool, first: int, last: int) -> Path:
    """The system's dyad-years ``first``-``last``, sorted by code1, code2 and year, computed once
    and kept in the cache as Parquet, named after a digest of the query that makes them (its
    years, the year ``mry`` extends the lists to, the state list's and false dyads' files, which
    carry their checksums): new data, a new year or new code compute them afresh."""
    states, code, _, extra, false_dyad_set = _SYSTEMS[system]
    extra_sql = "".join(f", a.{c}::TINYINT AS {c}1, b.{c}::TINYINT AS {c}2" for c in extra)
    pair = "<>" if directed else "<"
    query = f"""
        WITH years AS (
            SELECT s.*, y.year
            FROM {_spells(states)} s, range({first}, {last} + 1) y(year)
            WHERE y.year BETWEEN s.styear AND s.endyear
        )
        SELECT a.{code}::SMALLINT AS {code}1, b.{code}::SMALLINT AS {code}2,
               a.year::SMALLINT AS year{extra_sql}
        FROM years a JOIN years b ON a.year = b.year AND a.{code} {pair} b.{code}
        ANTI JOIN {store.scan(false_dyad_set)} f
            ON f.{code}1 = a.{code} AND f.{code}2 = b.{code} AND f.year = a.year
        ORDER BY {code}1, {code}2, year"""
    kind = "directed" if directed else "nondirected"
    return cached_query(query, f"{system}-{kind}-dyadyears-{first}-{last}")


def cached_query(query: str, kind: str) -> Path:
    """The result of ``query``, computed once and kept in the cache as Parquet, named after a
    digest of the query (which names its source files, and they carry their checksums) and of the
    code behind the store's derived tables (``store.derived_target``): new data or new code
    compute it afresh, and so does a file that does not end as Parquet does (``store.whole``), a
    damaged one never being read. For tables every panel of a system shares (its dyad-years, its
    states' nearest capitals), which take longer to compute than to read."""
    target = store.derived_target(kind, [query], ".parquet")
    if store.whole(target):
        return target
    with files.replacing(target, cache=True) as tmp:
        _connection().execute(f"COPY ({query}) TO '{_sql_string(tmp.as_posix())}' (FORMAT parquet)")
    store.remove_older(target, kind)
    return target


def system_state_years(system: str) -> str:
    """SQL for every state-year of the system, 1816 to the last complete year (``code``, ``year``)."""
    states, code, *_ = _system(system)
    return f"""
        SELECT s.{code} AS code, y.year
        FROM {_spells(states)} s, range({FIRST_YEAR}, {last_complete_year()} + 1) y(year)
        WHERE y.year BETWEEN s.styear AND s.endyear"""


def false_dyads(system: str) -> str:
    """The dataset of the system's false dyads: states in the system the same year that never
    coexisted within it (e.g. South Vietnam and Suriname in 1975)."""
    return _SYSTEMS[system][4]


def _connection():
    """The panel's DuckDB connection. A large streaming buffer lets DuckDB's threads run ahead
    while Python copies finished batches into pandas columns."""
    con = store.connect()
    con.execute("SET streaming_buffer_size = '256MB'")
    con.execute("SET enable_progress_bar = false")  # the CLI shows its own
    return con


def _system(key: str) -> tuple:
    if key not in _SYSTEMS:
        raise InputError(
            f"Unknown state system {key!r}.", "Use 'cow' (Correlates of War) or 'gw' (Gleditsch-Ward)."
        )
    return _SYSTEMS[key]


def _years(years: str | tuple[int, int] | None) -> tuple[int, int]:
    last_year = last_complete_year()
    if years is None:
        return FIRST_YEAR, last_year
    first, last = parse_years(years) if isinstance(years, str | int) else (int(years[0]), int(years[1]))
    if first > last:
        raise InputError(
            f"Year range {first}-{last} runs backwards.", "Write it as FIRST-LAST, e.g. 1816-2022."
        )
    if first < FIRST_YEAR or last > last_year:
        raise CoverageError(
            f"Years {first}-{last} fall outside the state system ({FIRST_YEAR}-{last_year}).",
            f"Choose years between {FIRST_YEAR} and {last_year}.",
        )
    return first, last


def _extended_end() -> str:
    """A state list's ``end`` as a date, the list's last day (31 December) moved to 31 December of
    the last complete year, as peacesciencer's ``mry = TRUE`` does."""
    return f"""CASE WHEN "end" = max("end") OVER () AND month("end"::DATE) = 12 AND day("end"::DATE) = 31
                     THEN make_date({last_complete_year()}, 12, 31) ELSE "end"::DATE END"""


def _spells(states: str) -> str:
    """Membership spells as years; spells open at the list's last update run to the last complete year."""
    return f"""(
        SELECT *, year("start") AS styear,
               CASE WHEN "end" = max("end") OVER () THEN {last_complete_year()}
                    ELSE year("end") END AS endyear
        FROM {store.scan(states)}
    )"""


def _extension_note(states: str) -> tuple[str, ...]:
    last_update = dataset(states).coverage[1]
    return (
        f"{states} ends in {last_update}; states in the system then are assumed to stay members through "
        f"{last_complete_year()} (as peacesciencer does with mry = TRUE).",
    )


def _sql_string(text: str) -> str:
    return text.replace("'", "''")
