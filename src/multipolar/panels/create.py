"""State-year and dyad-year panels, built as peacesciencer 1.2.9 builds them.

The state lists are isard's ``cw_system`` (Correlates of War) and ``gw_system``
(Gleditsch-Ward, with microstates). Like peacesciencer with ``mry = TRUE``, states alive at the
end of the list's last update are assumed alive through the last complete calendar year. Dyads
are every ordered pair of states in the system the same year, minus the pairs listed in
``false_cow_dyads`` / ``false_gw_dyads`` (states that never overlapped within that year).
"""

from __future__ import annotations

import datetime as dt
import functools

import pyarrow as pa

from multipolar.data import store
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
    con.register("mp_dyad_keys", _dyad_keys(system, directed, first, last, last_complete_year()))
    con.execute(f"CREATE TEMP TABLE {base} AS SELECT * FROM mp_dyad_keys")
    con.unregister("mp_dyad_keys")
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


@functools.lru_cache(maxsize=8)
def _dyad_keys(system: str, directed: bool, first: int, last: int, through: int) -> pa.Table:
    """The dyad-years as Arrow, built once per process (``through``: the mry year it assumed)."""
    states, code, _, extra, false_dyad_set = _SYSTEMS[system]
    extra_sql = "".join(f", a.{c}::TINYINT AS {c}1, b.{c}::TINYINT AS {c}2" for c in extra)
    pair = "<>" if directed else "<"
    return (
        store.connect()
        .sql(f"""
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
        ORDER BY {code}1, {code}2, year
    """)
        .to_arrow_table()
    )


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


def _spells(states: str) -> str:
    """Membership spells as years; spells open at the list's last update run to the last complete year."""
    return f"""(
        SELECT *, year("start") AS styear,
               CASE WHEN "end" = max("end") OVER () THEN {last_complete_year()}
                    ELSE year("end") END AS endyear
        FROM {store.scan(states)}
    )"""


def _extension_note(states: str) -> tuple[str, ...]:
    from multipolar.data.catalog import dataset

    last_update = dataset(states).coverage[1]
    return (
        f"{states} ends in {last_update}; states in the system then are assumed to stay members through "
        f"{last_complete_year()} (as peacesciencer does with mry = TRUE).",
    )
