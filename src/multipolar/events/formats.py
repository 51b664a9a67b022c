"""The published event-data formats: how to tell them apart, read them, and put them in one shape.

GDELT 1.0 (57 or 58 tab-separated columns, no header), GDELT 2.0 event exports (61), ICEWS
Dataverse tab files (a header), POLECAT's weekly and yearly files (a header of 40 columns) and
PLOVER event records (JSON), or any of them as the Parquet that ``multipolar events import``
writes. Files are checked against their codebook's layout before a query runs (width, header,
columns), so a wrong file is one clear error.

``normalise`` turns each into the same Ibis table, one row per event record:
event_id, day, source_code, target_code (country codes, or names for ICEWS), event_code,
root_code, quad (1-4: verbal/material cooperation, verbal/material conflict), category (the
PLOVER event), goldstein, mentions, sources, articles, tone, is_root. In PLOVER and POLECAT a
side is a list of actors ("USA; FRA"): ``query.actor_pairs`` turns a record into its pairs.
"""

from __future__ import annotations

import functools
import glob
import gzip
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from multipolar.data import layouts
from multipolar.errors import DataError, InputError

DATA = Path(__file__).parent / "data"
CAMEO_QUADS_FILE = DATA / "cameo_quads.csv"
PLOVER_EVENTS_FILE = DATA / "plover_events.csv"
QUAD_CLASSES_FILE = DATA / "quad_classes.csv"


@dataclass(frozen=True)
class Format:
    name: str
    title: str
    columns: tuple[str, ...]  # the codebook's columns, in order
    required: tuple[str, ...]  # those a query reads
    code_system: str  # how source_code/target_code name countries: cameo, fips or names
    id_key: tuple[str, ...]  # what identifies one event record (for de-duplication)
    source: str  # the catalog dataset whose codebook this is, for an Answer's sources
    actor_lists: bool = False  # a side lists several actors ("USA; FRA"), as PLOVER allows


_GDELT_REQUIRED = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1CountryCode",
    "Actor2CountryCode",
    "IsRootEvent",
    "EventCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
)
FORMATS = {
    "gdelt1": Format(
        "gdelt1",
        "GDELT 1.0 event file (57 or 58 columns)",
        tuple(layouts.GDELT1_DAILY),
        _GDELT_REQUIRED,
        "cameo",
        ("event_id",),
        "gdelt1_events_mixed_sample",
    ),
    "gdelt2": Format(
        "gdelt2",
        "GDELT 2.0 event export (61 columns)",
        tuple(layouts.GDELT2_EVENTS),
        _GDELT_REQUIRED,
        "cameo",
        ("event_id",),
        "gdelt2_events_sample",
    ),
    "icews": Format(
        "icews",
        "ICEWS coded event file (tab-separated with a header)",
        tuple(layouts.ICEWS_EVENTS),
        ("Event ID", "Event Date", "Source Country", "CAMEO Code", "Intensity", "Target Country"),
        "names",
        ("event_id", "day"),
        "icews_events_2018_sample",
    ),
    "plover": Format(
        "plover",
        "PLOVER event records (JSON)",
        tuple(layouts.PLOVER_EVENTS),
        tuple(layouts.PLOVER_EVENTS),
        "cameo",
        ("event_id", "source_code", "target_code"),
        "plover_gold_standard",
        actor_lists=True,
    ),
    "polecat": Format(
        "polecat",
        "POLECAT event file (tab-separated with a header)",
        tuple(layouts.POLECAT_EVENTS),
        ("Event ID", "Event Date", "Event Type", "Quad Code", "Actor Country", "Recipient Country"),
        "cameo",
        ("event_id", "source_code", "target_code"),
        "plover_gold_standard",  # POLECAT is coded in PLOVER, whose categories the query uses
        actor_lists=True,
    ),
}
GEO_COLUMNS = ("Actor1Geo_CountryCode", "Actor2Geo_CountryCode")


def expand(source: str | list[str]) -> list[str]:
    """Paths, globs and URLs as a list of files (URLs and remote globs are left to the engine)."""
    items = [source] if isinstance(source, str | Path) else list(source)
    out: list[str] = []
    for item in items:
        item = str(item)
        if "://" in item:
            out.append(item)
            continue
        found = sorted(glob.glob(str(Path(item).expanduser())))
        if not found:
            raise InputError(
                f"No file matches {item!r}.", "Give a path, a glob (quoted) or an s3:// or gs:// URL."
            )
        out += found
    return out


def local(path: str) -> bool:
    return "://" not in path or path.startswith("file://")


def detect(paths: list[str], given: str | None = None) -> str:
    """The format of the files: sniffed from each local file's first line, checked against
    ``given`` when the user named one. Remote files need ``given`` or a .parquet suffix."""
    if given is not None and given not in FORMATS:
        raise InputError(f"Unknown event-data format {given!r}.", f"Use one of: {', '.join(FORMATS)}.")
    found = {}
    for path in paths:
        if not local(path):
            if path.endswith(".parquet"):
                continue
            if given is None:
                raise InputError(
                    f"Cannot tell the format of {path} without reading it here.",
                    f"Give --format ({', '.join(FORMATS)}).",
                )
            continue
        found[path] = sniff(path)
    kinds = set(found.values())
    if given is not None:
        wrong = {p: k for p, k in found.items() if k != given}
        if wrong:
            path, kind = next(iter(wrong.items()))
            raise DataError(
                f"{path} is a {FORMATS[kind].title}, not a {FORMATS[given].title}.",
                f"Use --format {kind} (or leave --format out to detect it).",
            )
        return given
    if len(kinds) > 1:
        raise DataError(f"The files mix formats ({', '.join(sorted(kinds))}).", "Query one format at a time.")
    if not kinds:
        raise InputError("Cannot tell the format of remote Parquet files.", "Give --format.")
    return kinds.pop()


def sniff(path: str) -> str:
    """The format of one local file, from its first line (or its Parquet schema)."""
    if path.endswith(".parquet") or Path(path).is_dir():
        return _parquet_format(path)
    if path.endswith(".zip"):
        raise DataError(f"{path} is a zip archive.", "Unzip it first (GDELT publishes zips of one CSV file).")
    opener = gzip.open if path.endswith(".gz") else open
    try:
        with opener(path, "rt", encoding="utf-8", newline="") as handle:
            first = handle.readline().rstrip("\r\n")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(
            f"Cannot read {path} as text: {error}.", "Give a GDELT, ICEWS or PLOVER file."
        ) from error
    if first.lstrip().startswith(("[", "{")):
        return "plover"
    fields = first.split("\t")
    if fields[0] == "Event ID":
        if "Quad Code" in fields or "Actor Country" in fields:
            name, needed = "polecat", FORMATS["polecat"].required
        else:
            name, needed = "icews", layouts.ICEWS_EVENTS
        missing = [c for c in needed if c not in fields]
        if missing:
            raise DataError(
                f"{path} lacks the {name.upper()} column(s) {', '.join(repr(m) for m in missing)}.",
                "Give the file as published on Dataverse (tab-separated, with its header).",
            )
        return name
    widths = {len(layouts.GDELT2_EVENTS): "gdelt2", len(layouts.GDELT1_DAILY): "gdelt1"}
    widths[len(layouts.GDELT1_HISTORICAL)] = "gdelt1"
    if len(fields) in widths:
        return widths[len(fields)]
    raise DataError(
        f"{path} is no event file multipolar knows: its first line has {len(fields)} tab-separated fields.",
        "GDELT 1.0 has 57 or 58, GDELT 2.0 61, ICEWS and POLECAT a header starting 'Event ID', "
        "PLOVER is JSON.",
    )


def _parquet_format(path: str) -> str:
    import pyarrow.parquet as pq

    target = next(iter(sorted(Path(path).glob("*.parquet"))), None) if Path(path).is_dir() else path
    try:
        columns = set(pq.read_schema(target).names)
    except Exception as error:
        raise DataError(
            f"{path} is not a readable Parquet file: {error}.", "Give the file `events import` wrote."
        ) from error
    return parquet_format(columns, path)


def parquet_format(columns: set[str], where: str) -> str:
    """The format whose columns a Parquet file holds; a missing column is named."""
    if "ActionGeo_ADM2Code" in columns:
        name = "gdelt2"
    elif "GLOBALEVENTID" in columns:
        name = "gdelt1"
    elif "Quad Code" in columns:
        name = "polecat"
    elif "Event ID" in columns:
        name = "icews"
    else:
        name = "plover"
    missing = [c for c in FORMATS[name].required if c not in columns]
    if missing:
        raise DataError(
            f"{where} lacks the {FORMATS[name].title} column(s) {', '.join(repr(m) for m in missing)}.",
            "Convert the published file with `multipolar events import`.",
        )
    return name


# ---------------------------------------------------------------------------------------------
# Reading, per engine: the published columns with their codebook types.


def _gdelt_type(column: str) -> str:
    if column in layouts.GDELT_TEXT:
        return "string"
    return "int64" if column in layouts.GDELT_INTEGER else "float64"


def _icews_type(column: str) -> str:
    if column in layouts.ICEWS_INTEGER:
        return "int64"
    if column in layouts.ICEWS_REAL:
        return "float64"
    return "date" if column in layouts.ICEWS_DATE else "string"


def _polecat_type(column: str) -> str:
    if column in layouts.POLECAT_DATE:
        return "date"
    return "float64" if column in layouts.POLECAT_REAL else "string"


def schema(fmt: str) -> dict[str, str]:
    """The columns of ``fmt`` and their types (Ibis type names)."""
    if fmt.startswith("gdelt"):
        return {c: _gdelt_type(c) for c in FORMATS[fmt].columns}
    if fmt == "icews":
        return {c: _icews_type(c) for c in FORMATS[fmt].columns}
    if fmt == "polecat":
        return {c: _polecat_type(c) for c in FORMATS[fmt].columns}
    return {
        "id": "string",
        "date": "date",
        "event": "string",
        "source_code": "string",
        "target_code": "string",
    }


def read(engine, paths: list[str], fmt: str):
    """The files as an Ibis table of their published columns."""
    if all(p.endswith(".parquet") or (local(p) and Path(p).is_dir()) for p in paths):
        return _read_parquet(engine, paths, fmt)
    if fmt == "plover":
        return _read_plover(engine, paths)
    try:
        if fmt == "polecat":
            return _read_polecat(engine, paths)
        if engine.name == "duckdb":
            return _read_text_duckdb(engine, paths, fmt)
        return _read_text_spark(engine, paths, fmt)
    except DataError:
        raise
    except Exception as error:  # the engine's own words, on one line
        raise _read_error(error, paths, fmt) from error


def _read_error(error: Exception, paths: list[str], fmt: str) -> DataError:
    # the engine's words on one line, without its own advice (DuckDB's "Possible fixes: ...")
    text = " ".join(str(error).split()).split(" Possible fixes")[0][:300]
    return DataError(
        f"Could not read {', '.join(paths[:3])} as a {FORMATS[fmt].title}: {text}",
        "Check that every file is in that format (`multipolar events import` names the bad row).",
    )


def _sql_list(paths: list[str]) -> str:
    return "[" + ", ".join("'" + p.replace("'", "''") + "'" for p in paths) + "]"


_DUCKDB_TYPES = {"string": "VARCHAR", "int64": "BIGINT", "float64": "DOUBLE", "date": "DATE"}


def _read_text_duckdb(engine, paths: list[str], fmt: str, names: tuple[str, ...] | None = None):
    types = schema(fmt)
    columns = ", ".join(f"'{c}': '{_DUCKDB_TYPES[types.get(c, 'string')]}'" for c in names or types)
    options = [
        "delim = '\\t'",
        "quote = '\"'" if fmt == "polecat" else "quote = ''",
        "escape = '\"'" if fmt == "polecat" else "escape = ''",
        "auto_detect = false",
        f"columns = {{{columns}}}",
        f"header = {'true' if fmt in ('icews', 'polecat') else 'false'}",
    ]
    if fmt == "icews":
        options.append("nullstr = 'NA'")
    if fmt == "polecat":
        options.append("nullstr = ['None', '']")
    if fmt == "gdelt1":
        options.append("null_padding = true")  # the 57-column historical rows lack SOURCEURL
    name = _fresh_name("raw")
    engine.con.raw_sql(
        f"CREATE VIEW {name} AS SELECT * FROM read_csv({_sql_list(paths)}, {', '.join(options)})"
    )
    table = engine.table(name)
    table.limit(1).execute()  # a malformed file fails here, before any output is written
    return table


def _spark_schema(fmt: str, names: tuple[str, ...] | None = None):
    from pyspark.sql import types as T

    kinds = {
        "string": T.StringType(),
        "int64": T.LongType(),
        "float64": T.DoubleType(),
        "date": T.DateType(),
    }
    types = schema(fmt)
    return T.StructType([T.StructField(c, kinds[types.get(c, "string")], True) for c in names or types])


_SPARK_NULLS = {"icews": "NA", "polecat": "None"}


def _read_text_spark(engine, paths: list[str], fmt: str, names: tuple[str, ...] | None = None):
    reader = engine.session.read.options(
        sep="\t",
        header=str(fmt in ("icews", "polecat")).lower(),
        quote='"' if fmt == "polecat" else "",
        escape='"',
        nullValue=_SPARK_NULLS.get(fmt, ""),
        dateFormat="yyyy-MM-dd",
        mode="PERMISSIVE" if fmt == "gdelt1" else "FAILFAST",
    )
    frame = reader.schema(_spark_schema(fmt, names)).csv(paths)
    return _spark_view(engine, frame)


def polecat_layout(path: str) -> tuple[str, ...]:
    """The columns of one POLECAT file's rows. Two published faults are read as their readers
    report them: a header naming more columns than the rows hold (extra names such as
    "Headline": the rows then follow the usual 40 columns), and rows with trailing tabs (empty
    columns past the header's, kept as extra_1, extra_2, ...)."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        header = handle.readline().rstrip("\r\n").split("\t")
        first = handle.readline().rstrip("\r\n")
    names = [layouts.POLECAT_INTENSITY_ALIASES.get(n, n) for n in header]
    width = len(first.split("\t")) if first else len(names)
    if width == len(names):
        return tuple(names)
    if width == len(layouts.POLECAT_EVENTS):
        return tuple(layouts.POLECAT_EVENTS)
    if width > len(names):
        return (*names, *(f"extra_{k}" for k in range(1, width - len(names) + 1)))
    raise DataError(
        f"{path} names {len(names)} columns in its header but its first row has {width} fields.",
        "Give the POLECAT file as published on Dataverse (40 tab-separated columns).",
    )


def _read_polecat(engine, paths: list[str]):
    """POLECAT files, read in groups of one layout each and put in the published 40 columns."""
    import ibis

    groups: dict[tuple[str, ...], list[str]] = {}
    for path in paths:
        groups.setdefault(polecat_layout(path) if local(path) else tuple(layouts.POLECAT_EVENTS), []).append(
            path
        )
    types = schema("polecat")
    parts = []
    for names, group in groups.items():
        if engine.name == "duckdb":
            table = _read_text_duckdb(engine, group, "polecat", names)
        else:
            table = _read_text_spark(engine, group, "polecat", names)
        parts.append(
            table.select(
                **{c: table[c] if c in table.columns else ibis.null(types[c]) for c in layouts.POLECAT_EVENTS}
            )
        )
    return parts[0] if len(parts) == 1 else ibis.union(*parts)


def _spark_view(engine, frame):
    name = _fresh_name("raw")
    frame.createOrReplaceTempView(name)
    return engine.table(name)


def _read_parquet(engine, paths: list[str], fmt: str):
    if engine.name == "duckdb":
        name = _fresh_name("raw")
        engine.con.raw_sql(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({_sql_list(paths)})")
        table = engine.table(name)
    else:
        table = _spark_view(engine, engine.session.read.parquet(*paths))
    parquet_format(set(table.columns), ", ".join(paths[:3]))
    return table


def _read_plover(engine, paths: list[str]):
    from multipolar.data.readers import plover_records

    frames = []
    for path in paths:
        try:
            records = plover_records(Path(path))
        except (OSError, ValueError, json.JSONDecodeError) as error:
            raise DataError(
                f"{path} is not PLOVER JSON: {error}.", "Give PLOVER event records (a JSON array)."
            ) from error
        missing = [c for c in ("id", "date", "event") if c not in records.columns]
        if missing:
            raise DataError(
                f"{path} lacks the PLOVER field(s) {', '.join(missing)}.", "Give PLOVER event records."
            )
        frames.append(records)
    records = pd.concat(frames, ignore_index=True)
    for column in ("source_code", "target_code"):
        if column not in records:
            records[column] = None
    table = records[["id", "date", "event", "source_code", "target_code"]].copy()
    table["date"] = pd.to_datetime(table["date"]).dt.date
    table = table.astype(
        {"id": "string", "event": "string", "source_code": "string", "target_code": "string"}
    )
    if engine.name == "duckdb":
        import ibis

        return ibis.memtable(table)
    return _spark_view(
        engine, engine.session.createDataFrame(table.astype(object).where(table.notna(), None))
    )


_counter = iter(range(1, 10**9))


def _fresh_name(prefix: str) -> str:
    return f"mp_{prefix}_{next(_counter)}"


# ---------------------------------------------------------------------------------------------
# One shape for every format.


@functools.cache
def cameo_quads() -> dict[str, int]:
    table = pd.read_csv(CAMEO_QUADS_FILE, dtype=str)
    return dict(zip(table["root_code"], table["quad"].astype(int), strict=True))


@functools.cache
def plover_quads() -> dict[str, int]:
    table = pd.read_csv(PLOVER_EVENTS_FILE, dtype=str)
    return dict(zip(table["event"], table["quad"].astype(int), strict=True))


@functools.cache
def quad_names() -> dict[str, int]:
    """How files spell the four quad classes: "VERBAL COOPERATION" ... and "1" ... "4"."""
    table = pd.read_csv(QUAD_CLASSES_FILE, dtype=str)
    spelled = dict(zip(table["name"], table["quad"].astype(int), strict=True))
    return {**spelled, **{str(quad): quad for quad in spelled.values()}}


def _lookup(value, mapping: dict[str, int]):
    """A CASE expression mapping text to numbers: rules kept as data, no join needed."""
    import ibis

    return ibis.cases(*((value == key, number) for key, number in mapping.items()), else_=ibis.null("int64"))


def _one_report_each() -> dict:
    """The GDELT-only fields for formats whose records stand for one report each: one mention,
    source and article, no tone, every event a root event."""
    import ibis

    one = ibis.literal(1, "int64")
    return {
        "mentions": one,
        "sources": one,
        "articles": one,
        "tone": ibis.null("float64"),
        "is_root": ibis.literal(True),
    }


def normalise(table, fmt: str, codes: str = "actor"):
    """The raw table as one row per event in the common shape (see the module's docstring)."""
    import ibis

    t = table
    if fmt.startswith("gdelt"):
        source, target = (t.Actor1CountryCode, t.Actor2CountryCode)
        if codes == "geo":
            source, target = (t.Actor1Geo_CountryCode, t.Actor2Geo_CountryCode)
        day = ibis.date(t.SQLDATE // 10000, (t.SQLDATE // 100) % 100, t.SQLDATE % 100)
        return t.select(
            event_id=t.GLOBALEVENTID.cast("string"),
            day=day,
            source_code=source,
            target_code=target,
            event_code=t.EventCode,
            root_code=t.EventRootCode,
            quad=t.QuadClass.cast("int64"),
            category=ibis.null("string"),
            goldstein=t.GoldsteinScale,
            mentions=t.NumMentions.cast("int64"),
            sources=t.NumSources.cast("int64"),
            articles=t.NumArticles.cast("int64"),
            tone=t.AvgTone,
            is_root=t.IsRootEvent == 1,
        )
    if fmt == "icews":
        code = t["CAMEO Code"]
        root = code.substr(0, 2)
        return t.select(
            event_id=t["Event ID"].cast("string"),
            day=t["Event Date"].cast("date"),
            source_code=t["Source Country"],
            target_code=t["Target Country"],
            event_code=code,
            root_code=root,
            quad=_lookup(root, cameo_quads()),
            category=ibis.null("string"),
            goldstein=t["Intensity"].cast("float64"),
            **_one_report_each(),
        )
    if fmt == "polecat":
        event = t["Event Type"].strip().upper()
        return t.select(
            event_id=t["Event ID"],
            day=t["Event Date"].cast("date"),
            source_code=t["Actor Country"],
            target_code=t["Recipient Country"],
            event_code=event,
            root_code=ibis.null("string"),
            quad=_lookup(t["Quad Code"].strip().upper(), quad_names()).fill_null(
                _lookup(event, plover_quads())
            ),
            category=event,
            goldstein=t["Event Intensity"].cast("float64"),
            **_one_report_each(),
        )
    return t.select(
        event_id=t.id,
        day=t.date.cast("date"),
        source_code=t.source_code,
        target_code=t.target_code,
        event_code=t.event,
        root_code=ibis.null("string"),
        quad=_lookup(t.event, plover_quads()),
        category=t.event,
        goldstein=ibis.null("float64"),
        **_one_report_each(),
    )


def code_system(fmt: str, codes: str) -> str:
    if codes not in ("actor", "geo"):
        raise InputError(
            f"Unknown --codes {codes!r}.", "Use actor (the actors' countries) or geo (where they were)."
        )
    if codes == "geo":
        if not fmt.startswith("gdelt"):
            raise InputError(
                f"--codes geo needs GDELT's geography; {FORMATS[fmt].title} has none.", "Use --codes actor."
            )
        return "fips"
    return FORMATS[fmt].code_system
