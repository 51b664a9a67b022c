"""The panel engine: state-, dyad-, leader- and leader-dyad-years (and state- and leader-days) as
one lazy DuckDB query.

A Panel is a small table of keys (materialised once inside DuckDB) plus a list of additions, each
a table looked up from the panel's rows (or a query returning the keys and new columns). Nothing
is computed until the panel is read: one query LEFT JOINs every addition onto the keys, so DuckDB
plans all joins together and no intermediate panel is ever copied. Reading as pandas evaluates
most looked-up columns on their small tables instead and gathers them onto the rows with numpy
(``Panel._gathered_lookups``), the same values for far less work. Adding a covariate returns a
new Panel sharing the connection; the old one still reads as it was.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import re
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from multipolar import files
from multipolar.answer import Answer
from multipolar.errors import InputError

_names = itertools.count(1)

# unit -> (what its rows are called, the function that builds it)
UNITS = {
    "state": ("state-years", "create_stateyears()"),
    "dyad": ("dyad-years", "create_dyadyears()"),
    "leader": ("leader-years", "create_leaderyears()"),
    "leader_dyad": ("leader-dyad-years", "create_leaderdyadyears()"),
    "state_day": ("state-days", "create_statedays()"),
    "leader_day": ("leader-days", "create_leaderdays()"),
}
STATES_AND_DYADS = ("state", "dyad")
YEARLY = ("state", "dyad", "leader", "leader_dyad")  # what most covariates take (the day units: none)


@dataclass(frozen=True)
class _Addition:
    """LEFT JOINs of the final query and the columns they add."""

    joins: tuple[tuple[str, str, str], ...]  # (view, alias, condition over ``p`` and alias)
    selected: tuple[tuple[str, str], ...]  # (SQL expression, column name)

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(name for _, name in self.selected)


@dataclass(frozen=True)
class Panel:
    """Rows of one kind (``unit``, see UNITS) in one state system; add covariates with ``add_*``
    methods. Its rows come in the base table's order (peacesciencer's)."""

    con: duckdb.DuckDBPyConnection = field(repr=False)
    base: str  # DuckDB table (or view with a rowid column) of the keys and base columns, in row order
    base_columns: tuple[str, ...]
    unit: str  # a key of UNITS
    system: str  # "cow" | "gw": the state codes of the rows
    directed: bool | None
    years: tuple[int, int]
    keys: tuple[str, ...]
    additions: tuple[_Addition, ...] = ()
    column_sources: dict[str, str] = field(default_factory=dict)  # column -> catalog dataset
    notes: tuple[str, ...] = ()

    # ---- building -------------------------------------------------------------------------

    @property
    def columns(self) -> list[str]:
        return [*self.base_columns, *(c for a in self.additions for c in a.columns)]

    @property
    def dyadic(self) -> bool:
        """Whether each row pairs two states (dyad-years, leader-dyad-years)."""
        return self.unit in ("dyad", "leader_dyad")

    def require(
        self, units: tuple[str, ...], system: str | None = None, what: str = "this covariate"
    ) -> None:
        """Raise a one-line InputError when ``what`` does not apply to this panel: ``units`` are
        the panel units it takes (those peacesciencer allows), ``system`` the codes it needs."""
        if self.unit not in units:
            names = [UNITS[u][0] for u in units]
            listed = ", ".join(names[:-1]) + (" or " if len(names) > 1 else "") + names[-1]
            raise InputError(
                f"{what} applies to {listed}, not {UNITS[self.unit][0]}.",
                f"Build the panel with {' or '.join(UNITS[u][1] for u in units)} instead.",
            )
        if system is not None and self.system != system:
            raise InputError(
                f"{what} needs the {system.upper()} state system, but this panel uses {self.system.upper()}.",
                f"Build the panel with system={system!r}.",
            )

    def join(
        self, select_sql: str, sources: dict[str, str], notes: list[str] | tuple[str, ...] = ()
    ) -> Panel:
        """LEFT JOIN a query's new columns onto the panel by its keys.

        ``select_sql`` returns the key columns plus new columns; inside it, ``panel`` names the
        current panel. Queries that read only the base columns (keys, names) see the small key
        table, so a chain of covariates stays one flat join instead of nesting.
        """
        view = self._view(select_sql)
        returned = [r[0] for r in self.con.execute(f"DESCRIBE {view}").fetchall()]
        missing = [k for k in self.keys if k not in returned]
        if missing:
            raise InputError(f"The added query does not return the panel keys {missing}.")
        alias = f"t{next(_names)}"
        on = " AND ".join(f"p.{k} = {alias}.{k}" for k in self.keys)
        selected = tuple((f"{alias}.{_quote(c)}", c) for c in returned if c not in self.keys)
        return self._add(_Addition(((view, alias, on),), selected), sources, notes)

    def lookup(
        self,
        table_sql: str,
        on: str | list[str],
        columns: dict[str, str],
        sources: dict[str, str],
        notes: list[str] | tuple[str, ...] = (),
    ) -> Panel:
        """LEFT JOIN a table straight onto the panel rows, without a keyed intermediate result.

        The fast path for covariates that look values up by code and year: ``on`` and the
        ``columns`` expressions (new name -> SQL) refer to the panel row as ``p`` and to the
        table row as ``{t}``, e.g. ``on="{t}.ccode = p.ccode1 AND {t}.year = p.year"``.
        Expressions may use ``p`` too, e.g. to give 0 inside a source's years and NA outside.
        With a list of conditions the table is joined once per condition, as ``{t1}``, ``{t2}``...
        (each condition still says ``{t}``), so one expression can combine both states of a dyad.
        ``table_sql`` is a query or a table expression such as ``store.scan(name)``; it must
        hold at most one row per condition and panel row.
        """
        is_query = table_sql.lstrip().lower().startswith(("select", "with", "from", "("))
        view = self._view(table_sql if is_query else f"SELECT * FROM {table_sql}")
        conditions = [on] if isinstance(on, str) else list(on)
        aliases = [f"t{next(_names)}" for _ in conditions]
        names = {"t": aliases[0], **{f"t{i}": a for i, a in enumerate(aliases, 1)}}
        joins = tuple((view, a, c.format(t=a)) for a, c in zip(aliases, conditions, strict=True))
        selected = tuple((expr.format(**names), name) for name, expr in columns.items())
        return self._add(_Addition(joins, selected), sources, notes)

    def lookup_states(
        self,
        table_sql: str,
        columns: dict[str, str],
        sources: dict[str, str],
        notes: list[str] | tuple[str, ...] = (),
        code: str | None = None,
    ) -> Panel:
        """Attach state-year values: once on state- and leader-years, twice (suffixes 1 and 2) on
        dyad- and leader-dyad-years.

        ``table_sql`` has a state code column (``code``, default the panel's: ccode or gwcode),
        ``year`` and at most one row per state-year; ``columns`` maps each new column's stem to
        its SQL expression over ``{t}`` (and ``p.year``).
        """
        return self.lookup_sides(
            table_sql, {code or self.code: self.code + "{side}", "year": "year"}, columns, sources, notes
        )

    def lookup_sides(
        self,
        table_sql: str,
        match: dict[str, str],
        columns: dict[str, str],
        sources: dict[str, str],
        notes: list[str] | tuple[str, ...] = (),
    ) -> Panel:
        """Attach values of one state (or leader): once on single units, once per side (suffixes 1
        and 2, all of the first side's columns, then the second's) on dyadic ones.

        ``match`` maps each table column to the panel column it equals, ``{side}`` standing for
        the side's suffix (``{"obsid": "obsid{side}"}``, ``{"ccode": "ccode{side}", "year": "year"}``);
        ``columns`` maps each new column's stem to its SQL expression over ``{t}``.
        """
        sides = ("1", "2") if self.dyadic else ("",)
        conditions = [
            " AND ".join(f"{{t}}.{c} = p.{panel.format(side=side)}" for c, panel in match.items())
            for side in sides
        ]
        if not self.dyadic:
            return self.lookup(table_sql, conditions[0], columns, sources, notes)
        return self.lookup(
            table_sql,
            conditions,
            {
                name + side: expr.replace("{t}", f"{{t{side}}}")
                for side in sides
                for name, expr in columns.items()
            },
            {name + side: sources[name] for side in sides for name in columns if name in sources},
            notes,
        )

    @property
    def code(self) -> str:
        """The state code column stem: ccode (CoW) or gwcode (Gleditsch-Ward)."""
        return "ccode" if self.system == "cow" else "gwcode"

    def _add(self, addition: _Addition, sources: dict[str, str], notes) -> Panel:
        new = addition.columns
        clash = sorted(set(new) & set(self.columns))
        if clash:
            raise InputError(
                f"The panel already has column(s) {', '.join(clash)}.",
                "Add each covariate once (or rename the earlier columns).",
            )
        unknown_sources = set(sources) - set(new)
        if unknown_sources:
            raise InputError(
                f"Sources given for columns the query does not return: {sorted(unknown_sources)}."
            )
        return replace(
            self,
            additions=(*self.additions, addition),
            column_sources={**self.column_sources, **sources},
            notes=tuple(dict.fromkeys((*self.notes, *notes))),
        )

    def _view(self, select_sql: str) -> str:
        """A view of ``select_sql`` with ``panel`` bound to the key table when that suffices."""
        view = f"mp_add_{next(_names)}"
        bound = (
            self._base_query()
            if self._reads_only_base(select_sql)
            else f"SELECT * FROM {self._current_view()}"
        )
        self.con.execute(f"CREATE TEMP VIEW {view} AS {_bind_panel(bound, select_sql)}")
        return view

    def _reads_only_base(self, select_sql: str) -> bool:
        probe = f"mp_probe_{next(_names)}"
        try:
            self.con.execute(f"CREATE TEMP VIEW {probe} AS {_bind_panel(self._base_query(), select_sql)}")
        except duckdb.BinderException:
            return False
        self.con.execute(f"DROP VIEW {probe}")
        return True

    def _base_query(self) -> str:
        """The key table's columns (a base that is a view over a cached file carries its ``rowid``
        as a column, which ``panel`` must not show)."""
        return f"SELECT {', '.join(map(_quote, self.base_columns))} FROM {self.base}"

    def _current_view(self) -> str:
        view = f"mp_panel_{next(_names)}"
        self.con.execute(f"CREATE TEMP VIEW {view} AS {self.sql(ordered=False)}")
        return view

    def where(self, condition: str, notes: list[str] | tuple[str, ...] = ()) -> Panel:
        """The rows for which ``condition`` (SQL over the panel's columns) holds, in the same order.

        The kept rows become the new key table; columns already added keep the values they had on
        the whole panel (as a filter in R keeps them), later ones see only the kept rows."""
        base = f"mp_base_{next(_names)}"
        names = ", ".join(map(_quote, self.base_columns))
        self.con.execute(f"""
            CREATE TEMP TABLE {base} AS
            SELECT {names} FROM ({self.sql(ordered=False, row_numbers=True)})
            WHERE {condition} ORDER BY __row""")
        return replace(self, base=base, notes=tuple(dict.fromkeys((*self.notes, *notes))))

    def add(self, *names: str) -> Panel:
        """Add covariates by name (``"nmc"`` or ``"add_nmc"``), in order, with default options."""
        from multipolar.panels.covariates import covariate

        panel = self
        for name in names:
            panel = covariate(name)(panel)
        return panel

    # ---- reading --------------------------------------------------------------------------

    def sql(self, ordered: bool = True, row_numbers: bool = False, columns: list[str] | None = None) -> str:
        """The one query that reads the whole panel, in the base table's row order (peacesciencer's).

        Lookups keyed on the same panel columns (every state-year table on ``p.ccode1, p.year``,
        say) are first merged into one small table holding just the columns the expressions
        use, so a dyad-year panel with many state covariates costs two hash joins, not two per
        covariate. ``row_numbers`` adds ``__row``, the key table's row number, from which an
        unordered read restores the order without sorting. ``columns`` limits the added columns
        read (the base columns always come); lookups no read column uses are not joined.
        """
        selected = [f"p.{_quote(c)}" for c in self.base_columns]
        if row_numbers:
            selected.append("p.rowid AS __row")
        wanted = [
            (expr, name)
            for addition in self.additions
            for expr, name in addition.selected
            if columns is None or name in columns
        ]
        joins, aliases = self._planned_joins([expr for expr, _ in wanted])
        selected += [f"{_substitute(expr, aliases)} AS {_quote(name)}" for expr, name in wanted]
        order = " ORDER BY p.rowid" if ordered else ""
        return f"SELECT {', '.join(selected)} FROM {self.base} p {' '.join(joins)}{order}"

    def _lookup_groups(self) -> tuple[dict[tuple[str, ...], list[_Lookup]], list[tuple[str, str, str]]]:
        """Equality lookups grouped by the panel expressions they match on, and the other joins."""
        groups: dict[tuple[str, ...], list[_Lookup]] = {}
        others = []
        for addition in self.additions:
            for view, alias, on in addition.joins:
                keys = _equi_keys(on, alias)
                if keys is None:
                    others.append((view, alias, on))
                    continue
                panel_side = tuple(sorted(keys.values()))
                table_side = tuple(next(c for c, e in keys.items() if e == x) for x in panel_side)
                groups.setdefault(panel_side, []).append(_Lookup(view, alias, table_side, on))
        return groups, others

    def _planned_joins(self, expressions: list[str]) -> tuple[list[str], dict[str, str]]:
        """LEFT JOIN clauses for ``expressions``, and how each lookup alias is reached in them.

        Equality lookups on the panel's small-integer columns join on one packed 64-bit key
        (16 bits per column), which DuckDB hashes and compares far faster than several keys.
        Lookups that no expression uses are left out.
        """
        text = " ".join(expressions)
        used = {alias for alias in re.findall(r"\b(t\d+)\.", text)}
        groups, others = self._lookup_groups()
        joins = [f"LEFT JOIN {view} {alias} ON {on}" for view, alias, on in others if alias in used]
        aliases = {}
        packable = set(self._packable_columns())
        for n, (panel_side, members) in enumerate(groups.items()):
            members = [m for m in members if m.alias in used]
            if not members:
                continue
            if not all(set(re.findall(r"p\.(\w+)", expr)) <= packable for expr in panel_side):
                joins += [f"LEFT JOIN {m.view} {m.alias} ON {m.on}" for m in members]
                continue
            panel_key = _packed(panel_side)
            if len(members) == 1:
                (m,) = members
                joins.append(
                    f"LEFT JOIN (SELECT {_packed(m.table_side)} AS __key, * FROM {m.view} "
                    f"WHERE {_in_packing_range(m.table_side)}) {m.alias} ON {m.alias}.__key = {panel_key}"
                )
                continue
            group = f"g{n}"
            aliases.update({m.alias: f"{group}.{m.alias}__" for m in members})
            joins.append(f"LEFT JOIN ({_merged(members, text)}) {group} ON {group}.__key = {panel_key}")
        return joins, aliases

    def _packable_columns(self) -> dict[str, str]:
        """Base columns whose values fit 16 unsigned bits (codes and years are small and positive),
        with their SQL types."""
        types = self.con.execute(f"DESCRIBE {self.base}").fetchall()
        return {
            name: kind for name, kind, *_ in types if kind in ("SMALLINT", "USMALLINT", "TINYINT", "UTINYINT")
        }

    def to_arrow(self) -> pa.Table:
        """The panel as an Arrow table, in row order.

        DuckDB's parallel joins return rows in long runs of key-table order; the runs are put
        back in order by zero-copy slicing (a gather only if the rows come back scattered),
        which is much cheaper than sorting every column.
        """
        table = self.con.sql(self.sql(ordered=False, row_numbers=True)).to_arrow_table()
        return _in_row_order(table).drop_columns("__row")

    def to_pandas(self, dtype_backend: str = "numpy_nullable") -> pd.DataFrame:
        """A pandas DataFrame, with pandas' own choice of ``dtype_backend``.

        ``"numpy_nullable"`` (default): integers stay integers (nullable Int dtypes), floats are
        float64 with NaN for NA. Looked-up columns are computed on their small tables and
        gathered onto the panel rows with numpy (see ``_gathered_lookups``); the rest streams from
        DuckDB in Arrow batches, each copied straight to its rows' positions in preallocated
        columns and then dropped, so rows need no sort and peak memory stays near one copy of the
        panel. ``"pyarrow"``: pyarrow-backed columns that wrap the panel query's Arrow result.
        """
        if dtype_backend == "pyarrow":
            return self.to_arrow().to_pandas(types_mapper=pd.ArrowDtype, ignore_metadata=True)
        if dtype_backend != "numpy_nullable":
            raise InputError(
                f"Unknown dtype_backend {dtype_backend!r}.", "Use 'numpy_nullable' (default) or 'pyarrow'."
            )
        n = len(self)
        # the gathers (numpy, which releases the GIL) run beside DuckDB's threads and this thread
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            pending, gathered = [], set()
            for names, job in self._gathered_lookups():  # each starts once its table is read
                pending.append(pool.submit(job))
                gathered.update(names)
            rest = [c for c in self.columns if c not in gathered]
            reader = self.con.sql(self.sql(ordered=False, row_numbers=True, columns=rest)).to_arrow_reader(
                _BATCH_ROWS
            )
            names = [name for name in reader.schema.names if name != "__row"]
            columns = {name: _Column(reader.schema.field(name).type, n) for name in names}
            for batch in reader:
                rows = batch.column("__row").to_numpy()
                place = slice(int(rows[0]), int(rows[-1]) + 1) if _is_run(rows) else rows
                for name in names:
                    columns[name].put(place, batch.column(name))
            taken = {name: column.finish() for name, column in columns.items()}
            for done in pending:
                taken.update(done.result())
        return pd.DataFrame({name: taken[name] for name in self.columns}, copy=False)

    def _gathered_lookups(self) -> Iterator[tuple[list[str], Callable[[], dict[str, object]]]]:
        """Looked-up columns computed on their small tables and gathered onto the panel rows.

        A column whose expression reads only lookups keyed on the same panel columns, and of the
        panel row only key columns matched as they are (``p.year``), is evaluated once per table
        row (a matching panel row has the same keys) and once per value of those key columns
        with every looked-up column NA (for panel rows without a match): the values the panel
        query gives, from a table-sized query and one array ``take`` per column instead of a
        join over every panel row. Yields (column names, function making their pandas arrays) per
        group of lookups; the functions run no DuckDB query, so they can run in other threads.
        """
        groups, _ = self._lookup_groups()
        types = self._packable_columns()
        base = {}
        for panel_side, members in groups.items():
            sides = [_side_columns(expr) for expr in panel_side]
            if not all(side and set(side) <= set(types) for side in sides):
                continue
            plain = {expr[2:]: i for i, expr in enumerate(panel_side) if re.fullmatch(r"p\.\w+", expr)}
            aliases = {m.alias for m in members}
            picked = [
                (expr, name)
                for addition in self.additions
                for expr, name in addition.selected
                if (refs := set(re.findall(r"\b(t\d+)\.", expr)))
                and refs <= aliases
                and set(re.findall(r"\bp\.(\w+)", expr)) <= set(plain)
            ]
            if not picked:
                continue
            text = " ".join(expr for expr, _ in picked)
            referenced = [c for c in plain if re.search(rf"\bp\.{c}\b", text)]
            needed = {c for side in sides for c in side} | set(referenced)
            base.update(self._base_values(sorted(needed - set(base))))
            lows = [int(base[c].min()) for c in referenced]
            spans = [int(base[c].max()) - low + 1 for c, low in zip(referenced, lows, strict=True)]
            if np.prod(spans, dtype=np.float64) > 1 << 16:
                continue
            used = [m for m in members if m.alias in set(re.findall(r"\b(t\d+)\.", text))]
            by_alias = {m.alias: f"g.{m.alias}__" for m in used}
            shift = {c: 16 * (len(panel_side) - 1 - i) for c, i in plain.items()}
            parts = {
                "matched": {c: f"((g.__key >> {shift[c]}) & 65535)::{types[c]}" for c in referenced},
                "unmatched": {c: f"n{j}.v::{types[c]}" for j, c in enumerate(referenced)},
            }
            values = {
                part: ", ".join(
                    f"{_with_panel_values(_substitute(expr, by_alias), given)} AS {_quote(name)}"
                    for expr, name in picked
                )
                for part, given in parts.items()
            }
            ranges = ", ".join(
                f"range({low}, {low + span}) n{j}(v)"
                for j, (low, span) in enumerate(zip(lows, spans, strict=True))
            )
            dense = "0"
            for j, (low, span) in enumerate(zip(lows, spans, strict=True)):
                dense = f"({dense}) * {span} + (n{j}.v - {low})"
            table = self.con.sql(f"""
                WITH g AS ({_merged(used, text)})
                SELECT 0 AS __part, g.__key AS __at, {values["matched"]} FROM g
                UNION ALL
                SELECT 1, {dense}, {values["unmatched"]}
                FROM {ranges or "(SELECT 1)"} LEFT JOIN g ON FALSE""").to_arrow_table()
            part = table.column("__part").to_numpy()
            at = table.column("__at").to_numpy()
            matched = np.flatnonzero(part == 0)
            order = np.argsort(at[matched], kind="stable")
            keys, matched = at[matched][order], matched[order]
            if (np.diff(keys) == 0).any():
                continue  # more than one row per key: left to the panel query (which repeats rows)
            unmatched = np.empty(int(np.prod(spans)), dtype=np.intp)
            unmatched[at[part == 1]] = np.flatnonzero(part == 1)
            small = {}
            for _, name in picked:
                small[name] = _Column(table.schema.field(name).type, table.num_rows)
                small[name].put(slice(0, table.num_rows), table.column(name).combine_chunks())
            dense_by = [(base[c], low, span) for c, low, span in zip(referenced, lows, spans, strict=True)]
            sides = [(expr, {c: base[c] for c in _side_columns(expr)}) for expr in panel_side]
            yield list(small), functools.partial(_gather, small, keys, matched, unmatched, sides, dense_by)

    def _base_values(self, names: list[str]) -> dict[str, np.ndarray]:
        """Base columns in key-table order (a plain scan keeps it), as numpy arrays."""
        if not names:
            return {}
        table = self.con.sql(f"SELECT {', '.join(map(_quote, names))} FROM {self.base}").to_arrow_table()
        return {name: table.column(name).to_numpy() for name in names}

    def to_polars(self):
        import polars as pl

        return pl.from_arrow(self.to_arrow())

    def write(self, path: str | Path) -> Path:
        """Write the panel to .parquet or .csv (chosen by suffix), atomically, streamed: each batch
        of rows is written as the query makes it, so the panel is never held in memory.

        The query runs on one thread with DuckDB's join reordering off, so that its rows come in
        the key table's order without a sort; every batch's row numbers are checked, and should
        they ever come out of order the panel is written again through a sort."""
        target = Path(path)
        suffix = file_type(target)
        with files.replacing(target) as tmp:
            with self._streaming_in_order():
                written = _write_batches(
                    self.con.sql(self.sql(ordered=False, row_numbers=True)).to_arrow_reader(_BATCH_ROWS),
                    tmp,
                    suffix,
                )
            if not written:  # out of order: sort instead
                _write_batches(
                    self.con.sql(self.sql(ordered=True, row_numbers=True)).to_arrow_reader(_BATCH_ROWS),
                    tmp,
                    suffix,
                )
        return target

    @contextlib.contextmanager
    def _streaming_in_order(self) -> Iterator[None]:
        settings = {
            name: self.con.execute(f"SELECT current_setting('{name}')").fetchall()[0][0]
            for name in ("threads", "disabled_optimizers")
        }
        self.con.execute("SET threads = 1")
        self.con.execute("SET disabled_optimizers = 'join_order,build_side_probe_side'")
        try:
            yield
        finally:
            self.con.execute(f"SET threads = {settings['threads']}")
            self.con.execute(f"SET disabled_optimizers = '{_sql_string(settings['disabled_optimizers'])}'")

    def __len__(self) -> int:
        return self.con.execute(f"SELECT count(*) FROM {self.base}").fetchall()[0][0]

    # ---- provenance -----------------------------------------------------------------------

    def sources(self) -> pd.DataFrame:
        """Each column's dataset and version (key and name columns come from the state list)."""
        from multipolar.data.catalog import catalog

        known = catalog()
        rows = [
            {"column": c, "dataset": d, "version": known[d].version if d in known else "multipolar"}
            for c in self.columns
            if (d := self.column_sources.get(c))
        ]
        return pd.DataFrame(rows, columns=["column", "dataset", "version"])

    def summary(self, output: str | Path | None = None) -> Answer:
        """What the panel holds: its size and each column with its dataset and version."""
        described = self.sources()
        rows = pd.DataFrame({"column": self.columns}).merge(described, on="column", how="left")
        params = {
            "unit": self.unit,
            "system": self.system,
            "years": f"{self.years[0]}-{self.years[1]}",
        }
        if self.dyadic:
            params["directed"] = self.directed
        extra = {"rows": len(self), "n_columns": len(self.columns)}
        if output is not None:
            extra["output"] = str(output)
        return Answer("panel", params, rows, "columns", list(self.notes), self.datasets(), extra)

    def datasets(self) -> list[str]:
        return list(dict.fromkeys(self.column_sources.values()))

    def cite(self) -> str:
        """Citations of every dataset the panel uses, one per line."""
        from multipolar.data.catalog import catalog

        known = catalog()
        return "\n".join(f"{known[d].label()}: {known[d].citation}" for d in self.datasets() if d in known)

    def __repr__(self) -> str:
        kind = UNITS[self.unit][0]
        if self.dyadic:
            kind = f"{'directed' if self.directed else 'non-directed'} {kind}"
        return (
            f"<Panel {self.system.upper()} {kind} {self.years[0]}-{self.years[1]}: "
            f"{len(self.columns)} columns, sources {', '.join(self.datasets())}>"
        )


_nullable_ints = {
    pa.int8(): pd.Int8Dtype(),
    pa.int16(): pd.Int16Dtype(),
    pa.int32(): pd.Int32Dtype(),
    pa.int64(): pd.Int64Dtype(),
    pa.uint8(): pd.UInt8Dtype(),
    pa.uint16(): pd.UInt16Dtype(),
    pa.uint32(): pd.UInt32Dtype(),
    pa.uint64(): pd.UInt64Dtype(),
}


def _equi_keys(on: str, alias: str) -> dict[str, str] | None:
    """``{table column: panel expression}`` if ``on`` is a conjunction of ``alias.col = expr``."""
    keys = {}
    for part in re.split(r"\s+AND\s+", on.strip(), flags=re.IGNORECASE):
        match = re.fullmatch(
            rf"{alias}\.(\w+)\s*=\s*(p\.\w+|(?:least|greatest)\(p\.\w+, p\.\w+\))", part.strip()
        )
        if match is None:
            return None
        keys[match.group(1)] = match.group(2)
    return keys


@dataclass(frozen=True)
class _Lookup:
    """One equality lookup: its view and alias, and the table columns matched to the panel's."""

    view: str
    alias: str
    table_side: tuple[str, ...]
    on: str


def _merged(members: list[_Lookup], expressions: str) -> str:
    """Lookups keyed alike merged into one table on their packed key, with just the columns
    ``expressions`` use, named ``alias__column``."""
    parts = []
    for m in members:
        used = sorted(set(re.findall(rf"\b{m.alias}\.(\w+)", expressions)))
        picked = "".join(f", r.{c} AS {m.alias}__{c}" for c in used)
        parts.append(
            f"(SELECT {_packed(m.table_side)} AS __key{picked} FROM {m.view} r "
            f"WHERE {_in_packing_range(m.table_side)})"
        )
    return "SELECT * FROM " + parts[0] + "".join(f" FULL JOIN {part} USING (__key)" for part in parts[1:])


def _gather(columns, keys, matched, unmatched, sides, dense_by) -> dict[str, object]:
    """Small-table ``columns`` taken at each panel row: the ``matched`` row whose key (``keys``,
    sorted) the row's panel-side values (``sides``) have, else the ``unmatched`` row for its
    values of the key columns the expressions read (``dense_by``: values, lowest, span)."""
    rows = _rows(keys, matched, unmatched, sides, dense_by)
    return {name: column.finish(rows) for name, column in columns.items()}


def _rows(keys, matched, unmatched, sides, dense_by) -> np.ndarray:
    """The small-table row of each panel row, for ``_gather`` (its temporaries go on return)."""
    rows = _match(keys, [_side_values(expr, base) for expr, base in sides])
    missing = rows == len(keys)
    rows[~missing] = matched.take(rows[~missing])
    dense = np.zeros(int(missing.sum()), dtype=np.intp)
    for values, low, span in dense_by:
        dense *= span
        dense += values[missing]
        dense -= low
    rows[missing] = unmatched.take(dense)
    return rows


def _side_columns(expr: str) -> list[str] | None:
    """The panel columns of a lookup's panel-side expression (``p.year``, ``least(p.a, p.b)``)."""
    match = re.fullmatch(r"p\.(\w+)|(?:least|greatest)\(p\.(\w+), p\.(\w+)\)", expr)
    return None if match is None else [c for c in match.groups() if c]


def _side_values(expr: str, base: dict[str, np.ndarray]) -> np.ndarray:
    """A panel-side expression evaluated on the panel's base columns."""
    columns = [base[c] for c in _side_columns(expr)]
    if expr.startswith("least("):
        return np.minimum(*columns)
    if expr.startswith("greatest("):
        return np.maximum(*columns)
    return columns[0]


def _with_panel_values(expr: str, values: dict[str, str]) -> str:
    """``expr`` with each ``p.column`` in ``values`` replaced by the SQL given for it."""
    for column, sql in values.items():
        expr = re.sub(rf"\bp\.{column}\b", sql, expr)
    return expr


def _match(keys: np.ndarray, columns: list[np.ndarray]) -> np.ndarray:
    """For each panel row (``columns``, packed as ``_packed`` packs them), the position of its key
    in the sorted ``keys``, or ``len(keys)`` (the all-NA row) where it has none.

    Keys over a small range of values (state code and year) go through a dense lookup table;
    others (dyads) through a binary search."""
    lows = [int(c.min()) if len(c) else 0 for c in columns]
    spans = [int(c.max()) - low + 1 if len(c) else 1 for c, low in zip(columns, lows, strict=True)]
    if int(np.prod(spans, dtype=np.float64)) <= max(len(columns[0]), 1 << 16):
        dense_panel = np.zeros(len(columns[0]), dtype=np.int32)  # the product fits: at most len()
        dense_keys = np.zeros(len(keys), dtype=np.int64)
        inside = np.ones(len(keys), dtype=bool)
        for i, (low, span) in enumerate(zip(lows, spans, strict=True)):
            shift = 16 * (len(columns) - 1 - i)
            part = (keys >> shift) & 0xFFFF
            inside &= (part >= low) & (part < low + span)
            dense_keys = dense_keys * span + (part - low)
            dense_panel *= span
            dense_panel += columns[i]
            dense_panel -= low
        table = np.full(int(np.prod(spans)), len(keys), dtype=np.intp)
        table[dense_keys[inside]] = np.flatnonzero(inside)
        return table.take(dense_panel)
    packed = np.zeros(len(columns[0]), dtype=np.int64)
    for i, column in enumerate(reversed(columns)):
        packed |= column.astype(np.int64) << (16 * i)
    if not len(keys):
        return np.zeros(len(packed), dtype=np.intp)
    at = np.searchsorted(keys, packed)
    np.clip(at, 0, len(keys) - 1, out=at)
    at[keys.take(at) != packed] = len(keys)
    return at


def _packed(columns: tuple[str, ...]) -> str:
    """SQL packing up to four small non-negative integers into one BIGINT."""
    return " | ".join(f"({c}::BIGINT << {16 * i})" for i, c in enumerate(reversed(columns)))


def _in_packing_range(columns: tuple[str, ...]) -> str:
    return " AND ".join(f"{c} BETWEEN 0 AND 65535" for c in columns)


def _substitute(expr: str, aliases: dict[str, str]) -> str:
    """Point ``alias.column`` references at merged lookups (``g0.alias__column``)."""
    if not aliases:
        return expr
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, aliases)) + r")\.(\w+)")
    return pattern.sub(lambda m: aliases[m.group(1)] + m.group(2), expr)


_BATCH_ROWS = 1 << 17


def _is_run(rows: np.ndarray) -> bool:
    return (
        len(rows) > 0 and int(rows[-1]) - int(rows[0]) == len(rows) - 1 and bool((np.diff(rows) == 1).all())
    )


class _Column:
    """One output column filled batch by batch at given row positions.

    Integers become pandas nullable integers (as do whole-number decimals, such as DuckDB's sums),
    booleans nullable booleans, floats float64 (NA as NaN), dates datetime64[s] (NA as NaT), text
    object arrays (each distinct string one Python object); anything else is gathered as Arrow and
    converted at the end.
    """

    def __init__(self, kind: pa.DataType, n: int):
        self.cast = None
        if pa.types.is_decimal(kind):
            # a value too large for int64 fails the cast loudly rather than losing digits
            kind = self.cast = pa.int64() if kind.scale == 0 else pa.float64()
        self.kind, self.n = kind, n
        if pa.types.is_integer(kind) or pa.types.is_boolean(kind):
            self.values = np.zeros(n, dtype=kind.to_pandas_dtype())
            self.mask = np.zeros(n, dtype=bool)
        elif pa.types.is_date32(kind):  # days since 1970
            self.values, self.mask = np.zeros(n, dtype=np.int32), np.zeros(n, dtype=bool)
        elif pa.types.is_floating(kind):
            self.values, self.mask = np.empty(n, dtype=kind.to_pandas_dtype()), None
        elif pa.types.is_string(kind) or pa.types.is_large_string(kind):
            self.values, self.mask = np.empty(n, dtype=object), None
        else:
            self.values, self.mask, self.parts = None, None, []

    def put(self, place, array: pa.Array) -> None:
        if self.cast is not None:
            array = array.cast(self.cast)
        if self.values is None:
            self.parts.append((place, array))
            return
        numeric = pa.types.is_integer(self.kind) or pa.types.is_floating(self.kind)
        if numeric or pa.types.is_date32(self.kind):
            # the data buffer as it is (whatever sits under NA slots is masked or set to NaN below)
            data = np.frombuffer(array.buffers()[1], dtype=self.values.dtype, count=len(array) + array.offset)
            self.values[place] = data[array.offset :]
        elif self.mask is not None:  # booleans are bit-packed
            self.values[place] = array.fill_null(False).to_numpy(zero_copy_only=False)
        else:
            self.values[place] = array.to_pandas().to_numpy()  # pandas shares repeated strings
        if array.null_count:
            missing = array.is_null().to_numpy(zero_copy_only=False)
            if self.mask is not None:
                self.mask[place] = missing
            else:
                positions = (
                    np.arange(place.start, place.stop)[missing]
                    if isinstance(place, slice)
                    else place[missing]
                )
                self.values[positions] = np.nan if numeric else None

    def finish(self, rows: np.ndarray | None = None):
        """The filled column as a pandas array; with ``rows``, its values at those positions."""
        if self.values is None:
            positions = np.concatenate(
                [np.arange(p.start, p.stop) if isinstance(p, slice) else p for p, _ in self.parts]
            )
            gathered = pa.chunked_array([a for _, a in self.parts], type=self.kind)
            order = np.argsort(positions)
            return gathered.take(order if rows is None else order[rows]).to_pandas().array
        values, mask = self.values, self.mask
        if rows is not None:
            values = values.take(rows)
            mask = None if mask is None else mask.take(rows)
        if pa.types.is_integer(self.kind):
            return _nullable_ints[self.kind].construct_array_type()(values, mask)
        if pa.types.is_date32(self.kind):
            days = values.astype("datetime64[D]").astype("datetime64[s]")
            days[mask] = np.datetime64("NaT")
            return days
        if pa.types.is_boolean(self.kind):
            return pd.arrays.BooleanArray(values, mask)
        return values


_CSV = pacsv.WriteOptions(null_string="NA", quoting_header="none")  # text quoted, as R's write.csv


def _writer(path: Path, schema: pa.Schema, suffix: str):
    if suffix == ".parquet":
        return pq.ParquetWriter(path, schema, compression="zstd")
    return pacsv.CSVWriter(path, schema, write_options=_CSV)


def _write_batches(reader: pa.RecordBatchReader, path: Path, suffix: str) -> bool:
    """Write ``reader``'s batches (with ``__row``, left out) to ``path`` as Parquet or CSV (NA for
    missing); False, leaving the file incomplete, as soon as a batch's rows are out of order."""
    writer, expected = None, 0
    try:
        for batch in reader:
            rows = batch.column("__row").to_numpy()
            if len(rows) and not (rows[0] == expected and _is_run(rows)):
                return False
            expected += len(rows)
            batch = batch.drop_columns(["__row"])
            writer = writer or _writer(path, batch.schema, suffix)
            writer.write_batch(batch)
        if writer is None:  # no rows: still a file with the columns
            writer = _writer(path, pa.schema([f for f in reader.schema if f.name != "__row"]), suffix)
    finally:
        if writer is not None:
            writer.close()
    return True


def _in_row_order(table: pa.Table) -> pa.Table:
    """``table`` with its rows sorted by ``__row`` (a permutation of 0..n-1)."""
    rows = table.column("__row").to_numpy()
    if len(rows) < 2:
        return table
    breaks = np.flatnonzero(np.diff(rows) != 1) + 1
    if len(breaks) == 0 and rows[0] == 0:
        return table
    starts = np.concatenate(([0], breaks))
    lengths = np.diff(np.concatenate((starts, [len(rows)])))
    runs = np.argsort(rows[starts], kind="stable")
    contiguous = np.array_equal(rows[starts[runs]], np.concatenate(([0], np.cumsum(lengths[runs])[:-1])))
    if contiguous and len(starts) <= len(rows) // 256:
        return pa.concat_tables([table.slice(starts[r], lengths[r]) for r in runs])
    order = np.empty(len(rows), dtype=np.int64)
    order[rows] = np.arange(len(rows))
    return table.take(order)


def _bind_panel(panel_query: str, select_sql: str) -> str:
    return f"WITH panel AS ({panel_query}) SELECT * FROM ({select_sql})"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_string(text: str) -> str:
    return text.replace("'", "''")


FILE_TYPES = (".parquet", ".csv")


def file_type(path: str | Path) -> str:
    """The suffix of a panel file (.parquet or .csv); any other is refused, which the command line
    asks before building the panel."""
    target = Path(path)
    if target.suffix.lower() not in FILE_TYPES:
        raise InputError(
            f"Cannot write {target.name!r}: unknown file type.", "Use a .parquet or .csv file name."
        )
    return target.suffix.lower()
