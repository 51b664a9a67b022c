"""The public event-data queries: ``events``, ``event_blocs``, ``import_events``, ``events_sql``.

Each reads the published files where they lie (paths, globs, s3:// or gs:// URLs), on DuckDB by
default or on Spark (``engine="spark"`` or a ``spark`` session), and returns an Answer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from multipolar import files, progress
from multipolar.answer import Answer
from multipolar.dates import parse_date
from multipolar.errors import InputError, MultipolarError
from multipolar.events import codes as codebook
from multipolar.events import engines, formats, query, relations

CODE_SOURCES = {
    "cameo": [codebook.CAMEO_SOURCE],
    "fips": [codebook.FIPS_SOURCE],
    "names": [codebook.ICEWS_SOURCE],
}
KEY_COLUMNS = (
    "period",
    "a_iso3",
    "a_cow",
    "b_iso3",
    "b_cow",
    "same_alliance",
    "same_bloc",
    "quad",
    "root",
    "category",
    "kind",
    "bloc",
    "relation",
)
REGISTRY_SOURCES = ["atop5_1m", "orgs/data/memberships.csv", "cow_states", "states/data/entities.csv"]


def _options(
    period, by, directed, weight, root_only, dedup, start, end, blocs, codes, domestic
) -> query.Options:
    options = query.Options(
        period=period,
        by=by,
        directed=directed,
        weight=weight,
        root_only=root_only,
        dedup=dedup,
        start=parse_date(start, default_today=False) if start else None,
        end=parse_date(end, default_today=False) if end else None,
        blocs=tuple(relations.organisation_ids(_names(blocs))),
        codes=codes,
        domestic=domestic,
    )
    options.check()
    return options


def _names(value: str | list[str] | None) -> list[str] | None:
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    return [item.strip() for item in items if item.strip()] or None


def _open(source, format: str | None, engine: str, spark: Any):
    paths = formats.expand(source)
    fmt = formats.detect(paths, format)
    con = engines.connect(engine, spark)
    return paths, fmt, con


def events(
    source: str | list[str],
    format: str | None = None,
    engine: str = "duckdb",
    spark: Any = None,
    period: str = "month",
    by: str = "quad",
    directed: bool = True,
    weight: str = "events",
    root_only: bool = False,
    dedup: str = "auto",
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
    blocs: str | list[str] | None = None,
    codes: str = "actor",
    domestic: bool = False,
    output: str | Path | None = None,
) -> Answer:
    """Dyad-period event counts, Goldstein and tone from GDELT, ICEWS, POLECAT or PLOVER files.

    One row per period, pair of states and class (QuadClass, root code or PLOVER category),
    saying whether the pair shared an ATOP alliance or one of ``blocs`` (organisations; all
    curated ones by default) that day. Codes that name no state are counted in ``unmapped``.
    With ``output`` (.parquet) the rows go to that file and the answer holds a summary.
    """
    options = _options(period, by, directed, weight, root_only, dedup, start, end, blocs, codes, domestic)
    output = _parquet_target(output)
    with progress.bar("aggregating events", total=4) as shown:
        paths, fmt, con = _open(source, format, engine, spark)
        system = formats.code_system(fmt, options.codes)
        normal = formats.normalise(formats.read(con, paths, fmt), fmt, options.codes)
        spells = query.code_spells(system, normal)
        shown.advance()
        tables = query.Tables(con)
        agg = con.materialise(query.aggregate(normal, fmt, spells, options, tables), "mp_event_cells")
        shown.advance()
        counts = dict(query.kind_counts(agg).execute().itertuples(index=False))
        unmapped = query.unmapped_rows(agg).execute()
        rows = query.dyad_rows(agg, options)
        shown.advance()
        if output is not None:
            con.write_parquet(rows, output)
            frame = pd.DataFrame()
        else:
            frame = _tidy(rows.execute())
        shown.advance()
    return _answer(
        "events",
        paths,
        fmt,
        con.name,
        options,
        system,
        frame,
        counts,
        unmapped,
        output,
        extra_params={"by": options.by, "weight": options.weight, "directed": options.directed},
    )


def event_blocs(
    source: str | list[str],
    bloc: str | list[str],
    other: str | list[str] | None = None,
    format: str | None = None,
    engine: str = "duckdb",
    spark: Any = None,
    period: str = "month",
    root_only: bool = False,
    dedup: str = "auto",
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
    codes: str = "actor",
) -> Answer:
    """How a bloc's members treat each other, another bloc and the rest, period by period.

    ``bloc`` and ``other`` are organisations (NATO, SCO, ...) or states separated by commas;
    membership is taken on each event's day. Rows: period, bloc, relation ("within SCO",
    "SCO towards NATO", "SCO towards the rest"), events, cooperative and conflictual counts
    (QuadClass 1-2 and 3-4, or PLOVER's classes) and their shares, mean Goldstein.
    """
    options = _options(period, "quad", True, "events", root_only, dedup, start, end, None, codes, False)
    labels = [_label(bloc)] + ([_label(other)] if other is not None else [])
    if len(set(labels)) < len(labels):
        raise InputError(
            "The two blocs are the same.", "Give two different organisations or lists of states."
        )
    members, sources = relations.member_spells(bloc, labels[0])
    if other is not None:
        more, other_sources = relations.member_spells(other, labels[1])
        members, sources = pd.concat([members, more], ignore_index=True), sources + other_sources
    with progress.bar("bloc behaviour", total=2) as shown:
        paths, fmt, con = _open(source, format, engine, spark)
        system = formats.code_system(fmt, options.codes)
        normal = formats.normalise(formats.read(con, paths, fmt), fmt, options.codes)
        spells = query.code_spells(system, normal)
        shown.advance()
        rows = query.bloc_relations(normal, fmt, spells, members, labels, options, query.Tables(con))
        frame = _tidy(rows.execute())
        shown.advance()
    answer = Answer(
        "event_blocs",
        {
            "source": paths,
            "format": fmt,
            "engine": con.name,
            "bloc": labels[0],
            "other": labels[1:] or None,
            "period": options.period,
            "dedup": _dedup(fmt, options),
        },
        frame,
        "relations",
        [
            "Cooperative: QuadClass 1-2 (verbal and material cooperation); conflictual: 3-4. "
            "Membership is taken on each event's day.",
        ],
        [formats.FORMATS[fmt].source, *CODE_SOURCES[system], *sources],
    )
    return answer


def _label(bloc: str | list[str]) -> str:
    if isinstance(bloc, str) and "," not in bloc:
        from multipolar.orgs import registry

        return registry.organisation(bloc).id
    return ", ".join(_names(bloc) or [])


def _dedup(fmt: str, options: query.Options) -> str:
    return query.AUTO_DEDUP[fmt] if options.dedup == "auto" else options.dedup


def _parquet_target(output) -> str | None:
    """Where to write Parquet: a path (a folder of part files on Spark) or a URL Spark writes."""
    if output is None:
        return None
    if not str(output).endswith(".parquet"):
        raise InputError(
            f"Cannot write {output}: only .parquet output is supported.", "Name the file NAME.parquet."
        )
    return str(output)


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """Engine output as plain pandas: dates as dates, exact sums as floats at the very end."""
    if "period" in frame:
        frame["period"] = pd.to_datetime(frame["period"]).dt.date
    for column in frame.columns:
        if (
            frame[column].dtype == object
            and len(frame)
            and frame[column].map(type).eq(__import__("decimal").Decimal).any()
        ):
            frame[column] = frame[column].astype("float64")
    for column in ("a_cow", "b_cow"):
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    for column in ("same_alliance", "same_bloc"):
        if column in frame:
            frame[column] = frame[column].astype("boolean")
    # one order on every engine (engines place NULLs differently): by every key column
    keys = [c for c in frame.columns if c in KEY_COLUMNS]
    return frame.sort_values(keys, na_position="last", kind="mergesort").reset_index(drop=True)


def unmapped_codes(system: str, unmapped: pd.DataFrame) -> list[dict]:
    """Each code that named no state, with its side, events and why (``codes.why_unmapped``)."""
    return [
        {
            "side": r.side,
            "code": None if r.code == "(none)" else r.code,
            "events": int(r.events),
            "reason": codebook.why_unmapped(system, None if r.code == "(none)" else r.code),
        }
        for r in unmapped.itertuples()
    ]


def _answer(
    kind, paths, fmt, engine, options, system, frame, counts, unmapped, output, extra_params
) -> Answer:
    total = int(sum(counts.values()))
    unmapped_list = unmapped_codes(system, unmapped)
    pairs = formats.FORMATS[fmt].actor_lists
    notes = [
        f"{total:,} {'event pairs' if pairs else 'events'} read: "
        f"{counts.get('dyad', 0):,} between two states, "
        f"{counts.get('domestic', 0):,} within one state{' (kept)' if options.domestic else ' (left out)'}, "
        f"{counts.get('unmapped', 0):,} with a side that names no state (listed under unmapped)."
    ]
    if unmapped_list:
        top = ", ".join(
            f"{r['code'] or 'no code'} ({r['side']}, {r['events']:,}: {r['reason']})"
            for r in unmapped_list[:5]
        )
        notes.append(f"Most frequent codes naming no state: {top}.")
    if pairs:
        notes.append(
            "A record naming several countries counts once for each pair: each source with each "
            "recipient, or, with no recipient, the sources with each other (PLOVER's actor lists)."
        )
    notes.append(
        "same_alliance is NA outside ATOP 5.1's coverage (1815-2018); same_bloc counts full membership "
        f"of {', '.join(options.blocs) if len(options.blocs) < 8 else 'any curated organisation'}."
    )
    if options.weight != "events":
        notes.append(f"Means are weighted by {options.weight}; goldstein_sum is the weighted sum.")
    params = {
        "source": paths,
        "format": fmt,
        "engine": engine,
        "period": options.period,
        **extra_params,
        "root_only": options.root_only,
        "dedup": _dedup(fmt, options),
        "codes": options.codes,
        "start": options.start,
        "end": options.end,
    }
    extra = {"events_read": total, "kinds": {k: int(v) for k, v in counts.items()}, "unmapped": unmapped_list}
    if output is not None:
        extra["output"] = str(output)
        notes.append(f"Rows written to {output}.")
    sources = [formats.FORMATS[fmt].source, *CODE_SOURCES[system], *REGISTRY_SOURCES]
    return Answer(kind, params, frame, "rows", notes, sources, extra)


def import_events(
    source: str | list[str],
    output: str | Path,
    format: str | None = None,
    engine: str = "duckdb",
    spark: Any = None,
) -> Answer:
    """Convert published event files once to Parquet with the codebook's column types, checked on
    the way: a wrong file leaves nothing behind. DuckDB writes one file; Spark (``engine="spark"``
    or a ``spark`` session) writes a folder of part files wherever the cluster writes (a path,
    s3a://, gs://), which every query here reads like a file."""
    with progress.bar("importing events", total=2) as shown:
        paths, fmt, con = _open(source, format, engine, spark)
        table = formats.read(con, paths, fmt)
        shown.advance()
        target = _parquet_target(output)
        try:
            rows = con.write_parquet(table, target)
        except MultipolarError:
            raise
        except Exception as error:  # engines read lazily: a bad row further on fails the write
            raise formats._read_error(error, paths, fmt) from error
        shown.advance()
    frame = pd.DataFrame([{"output": str(target), "format": fmt, "rows": rows, "files": len(paths)}])
    return Answer(
        "events_import",
        {"source": paths, "format": fmt, "engine": con.name},
        frame,
        "imported",
        [],
        [formats.FORMATS[fmt].source],
    )


def events_sql(
    dialect: str = "bigquery",
    table: str = "gdelt-bq.gdeltv2.events",
    format: str = "gdelt2",
    registry: str = "multipolar",
    period: str = "month",
    by: str = "quad",
    directed: bool = True,
    weight: str = "events",
    root_only: bool = False,
    dedup: str = "auto",
    start: str | dt.date | None = None,
    end: str | dt.date | None = None,
    blocs: str | list[str] | None = None,
    codes: str = "actor",
    domestic: bool = False,
    tables_dir: str | Path | None = None,
) -> Answer:
    """The dyad aggregation as SQL for ``dialect`` (BigQuery by default) over ``table``.

    The registry's small tables (code -> state spells, shared alliances and blocs) are named
    ``REGISTRY.NAME``; ``tables_dir`` writes them as CSV files to load there (docs/scale.md).
    """
    import ibis

    if format not in formats.FORMATS or format == "icews":
        raise InputError(
            f"SQL is compiled for GDELT, POLECAT and PLOVER tables, not {format!r}.",
            "Use --format gdelt2, gdelt1, polecat or plover (ICEWS names need the data to be read).",
        )
    options = _options(period, by, directed, weight, root_only, dedup, start, end, blocs, codes, domestic)
    system = formats.code_system(format, options.codes)
    raw = ibis.table(formats.schema(format), name=table)
    tables = query.Tables(dataset=registry)
    agg = query.aggregate(
        formats.normalise(raw, format, options.codes), format, codebook.spells(system), options, tables
    )
    try:
        sql = ibis.to_sql(query.dyad_rows(agg, options), dialect=dialect)
    except Exception as error:
        raise InputError(
            f"Cannot compile to SQL dialect {dialect!r}: {error}.", "Try bigquery, duckdb, spark or postgres."
        ) from error
    written = []
    if tables_dir is not None:
        folder = Path(tables_dir).expanduser()
        for name, frame in tables.used.items():
            target = folder / f"{name}.csv"
            with files.replacing(target) as tmp:
                frame.to_csv(tmp, index=False)
            written.append(str(target))
    frame = pd.DataFrame({"table": list(tables.used), "rows": [len(f) for f in tables.used.values()]})
    return Answer(
        "events_sql",
        {
            "dialect": dialect,
            "table": table,
            "format": format,
            "registry": registry,
            "period": options.period,
            "by": options.by,
        },
        frame,
        "registry_tables",
        [f"Load the registry tables as {registry}.NAME before running the query (docs/scale.md)."],
        [formats.FORMATS[format].source, *CODE_SOURCES[system], *REGISTRY_SOURCES],
        {"sql": str(sql), "written": written},
    )
