"""Synthetic event files in each published format, with aggregates known in advance.

For tests and benchmarks only: the events are made up and never stand in for real data in
anything that reports results. Event ``i`` is a pure function of ``i`` (a multiplicative hash
picks its day, countries and event code), so a file of any size is written by DuckDB without
holding it in memory, and ``expected`` computes its dyad-month aggregates independently, with
numpy, from the same rules.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd

from multipolar import files
from multipolar.answer import Answer
from multipolar.data import layouts
from multipolar.errors import InputError
from multipolar.events import formats

# countries whose ISO3 code names one state throughout FIRST_DAY..FIRST_DAY+DAYS, two codes
# that name no state (a CAMEO region, and no code at all), as (CAMEO code, FIPS code, name)
COUNTRIES = [
    ("USA", "US", "United States"),
    ("RUS", "RS", "Russia"),
    ("CHN", "CH", "China"),
    ("GBR", "UK", "United Kingdom"),
    ("FRA", "FR", "France"),
    ("DEU", "GM", "Germany"),
    ("IND", "IN", "India"),
    ("JPN", "JA", "Japan"),
    ("BRA", "BR", "Brazil"),
    ("TUR", "TU", "Turkey"),
    ("IRN", "IR", "Iran"),
    ("PAK", "PK", "Pakistan"),
    ("KAZ", "KZ", "Kazakhstan"),
    ("KGZ", "KG", "Kyrgyzstan"),
    ("TJK", "TI", "Tajikistan"),
    ("UZB", "UZ", "Uzbekistan"),
    ("POL", "PL", "Poland"),
    ("ITA", "IT", "Italy"),
    ("CAN", "CA", "Canada"),
    ("EUR", None, None),
    (None, None, None),
]
FIRST_DAY = dt.date(2016, 1, 1)
DAYS = 3 * 365
HASH = 2654435761  # Knuth's multiplicative hash constant
MODULUS = 2**32
PLOVER_BY_QUAD = {1: "CONSULT", 2: "AID", 3: "ACCUSE", 4: "ASSAULT"}
FORMAT_NAMES = ("gdelt1", "gdelt2", "icews", "plover", "polecat")


def _quad(root: int) -> int:
    return formats.cameo_quads()[f"{root:02d}"]


def fields(i: np.ndarray) -> pd.DataFrame:
    """The defining fields of events ``i`` (numpy): day, source, target, root, goldstein, ..."""
    h = (i * HASH) % MODULUS
    n = len(COUNTRIES)
    root = (h >> 8) % 20 + 1
    mentions = 1 + (h >> 16) % 10
    return pd.DataFrame(
        {
            "i": i,
            "day": pd.Timestamp(FIRST_DAY) + pd.to_timedelta((i * 7919) % DAYS, unit="D"),
            "source": h % n,
            "target": (h // n) % n,
            "root": root,
            "quad": np.array([_quad(r) for r in range(1, 21)])[root - 1],
            "goldstein_tenths": 100 - 10 * root,
            "mentions": mentions,
            "sources": 1 + mentions % 3,
            "articles": mentions,
            "tone_hundredths": (h >> 4) % 2001 - 1000,
            "is_root": (h % 3) != 0,
        }
    )


def expected(events: int, period: str = "month") -> pd.DataFrame:
    """The aggregates a synthetic file of ``events`` events must give: one row per period,
    source ISO3, target ISO3 and quad for events between two different states (all weights 1):
    events, goldstein_sum, tone_mean, mentions."""
    f = fields(np.arange(events, dtype=np.int64))
    codes = np.array([c[0] for c in COUNTRIES], dtype=object)
    states = len(COUNTRIES) - 2
    f = f[(f["source"] < states) & (f["target"] < states) & (f["source"] != f["target"])]
    f = f.assign(
        period=f["day"].dt.to_period({"month": "M", "year": "Y", "day": "D"}[period]).dt.start_time.dt.date,
        a_iso3=codes[f["source"]],
        b_iso3=codes[f["target"]],
    )
    grouped = f.groupby(["period", "a_iso3", "b_iso3", "quad"])
    out = grouped.agg(
        events=("i", "size"),
        goldstein_tenths=("goldstein_tenths", "sum"),
        tone_hundredths=("tone_hundredths", "sum"),
        mentions=("mentions", "sum"),
    ).reset_index()
    out["goldstein_sum"] = out.pop("goldstein_tenths") / 10
    out["tone_mean"] = out.pop("tone_hundredths") / 100 / out["events"]
    return out


def _columns_sql(fmt: str) -> str:
    """A DuckDB SELECT over range(n) AS r(i) giving the format's columns for event i."""
    n = len(COUNTRIES)
    cameo = "[" + ", ".join("NULL" if c[0] is None else f"'{c[0]}'" for c in COUNTRIES) + "]"
    fips = "[" + ", ".join("NULL" if c[1] is None else f"'{c[1]}'" for c in COUNTRIES) + "]"
    names = "[" + ", ".join("NULL" if c[2] is None else f"'{c[2]}'" for c in COUNTRIES) + "]"
    quads = "[" + ", ".join(str(_quad(r)) for r in range(1, 21)) + "]"
    plover = "[" + ", ".join(f"'{PLOVER_BY_QUAD[_quad(r)]}'" for r in range(1, 21)) + "]"
    spelled = {quad: name for name, quad in formats.quad_names().items() if not name.isdigit()}
    quad_names = "[" + ", ".join(f"'{spelled[_quad(r)]}'" for r in range(1, 21)) + "]"
    base = f"""
        SELECT i, h,
          DATE '{FIRST_DAY}' + CAST((i * 7919) % {DAYS} AS INTEGER) AS day,
          {cameo}[1 + h % {n}] AS a_code, {cameo}[1 + (h // {n}) % {n}] AS b_code,
          {fips}[1 + h % {n}] AS a_fips, {fips}[1 + (h // {n}) % {n}] AS b_fips,
          {names}[1 + h % {n}] AS a_name, {names}[1 + (h // {n}) % {n}] AS b_name,
          (h >> 8) % 20 + 1 AS root, 1 + (h >> 16) % 10 AS mentions,
          ((h >> 4) % 2001 - 1000) / 100 AS tone
        FROM (SELECT i, (i * {HASH}) % {MODULUS} AS h FROM range(?) r(i))
    """
    code = "lpad(CAST(root AS VARCHAR), 2, '0') || '0'"
    root_code = "lpad(CAST(root AS VARCHAR), 2, '0')"
    goldstein = "(100 - 10 * root) / 10"
    if fmt.startswith("gdelt"):
        values = {
            "GLOBALEVENTID": "1000000000 + i",
            "SQLDATE": "CAST(strftime(day, '%Y%m%d') AS BIGINT)",
            "MonthYear": "CAST(strftime(day, '%Y%m') AS BIGINT)",
            "Year": "year(day)",
            "FractionDate": "round(year(day) + (dayofyear(day) - 1) / 365, 4)",
            "Actor1Code": "a_code",
            "Actor1Name": "upper(a_name)",
            "Actor1CountryCode": "a_code",
            "Actor2Code": "b_code",
            "Actor2Name": "upper(b_name)",
            "Actor2CountryCode": "b_code",
            "IsRootEvent": "CAST(h % 3 <> 0 AS INTEGER)",
            "EventCode": code,
            "EventBaseCode": code,
            "EventRootCode": root_code,
            "QuadClass": f"{quads}[root]",
            "GoldsteinScale": goldstein,
            "NumMentions": "mentions",
            "NumSources": "1 + mentions % 3",
            "NumArticles": "mentions",
            "AvgTone": "tone",
            "Actor1Geo_Type": "1",
            "Actor1Geo_FullName": "a_name",
            "Actor1Geo_CountryCode": "a_fips",
            "Actor2Geo_Type": "1",
            "Actor2Geo_FullName": "b_name",
            "Actor2Geo_CountryCode": "b_fips",
            "ActionGeo_Type": "1",
            "ActionGeo_FullName": "b_name",
            "ActionGeo_CountryCode": "b_fips",
            "DATEADDED": "CAST(strftime(day, '%Y%m%d') AS BIGINT) * 1000000",
            "SOURCEURL": "'https://example.org/synthetic/' || i",
        }
        layout = layouts.GDELT2_EVENTS if fmt == "gdelt2" else layouts.GDELT1_DAILY
        select = ", ".join(f'{values.get(c, "NULL")} AS "{c}"' for c in layout)
    elif fmt == "polecat":
        values = {
            "Event ID": "'SYN' || i || '_' || " + f"{plover}[root]",
            "Event Date": "day",
            "Event Type": f"lower({plover}[root])",
            "Event Intensity": goldstein,
            "Quad Code": f"{quad_names}[root]",
            "Actor Name": "a_name",
            "Actor Country": "a_code",
            "Recipient Name": "b_name",
            "Recipient Country": "b_code",
            "Publication Date": "day",
            "Language": "'en'",
            "Version": "'synthetic'",
        }
        select = ", ".join(f'{values.get(c, "NULL")} AS "{c}"' for c in layouts.POLECAT_EVENTS)
    else:  # icews
        values = {
            "Event ID": "i",
            "Event Date": "day",
            "Source Name": "a_name",
            "Source Country": "a_name",
            "Event Text": "'synthetic'",
            "CAMEO Code": code,
            "Intensity": goldstein,
            "Target Name": "b_name",
            "Target Country": "b_name",
            "Story ID": "i",
            "Sentence Number": "1",
            "Publisher": "'synthetic'",
        }
        select = ", ".join(f'{values.get(c, "NULL")} AS "{c}"' for c in layouts.ICEWS_EVENTS)
    return f"SELECT {select} FROM ({base})"


def write(output: str | Path, fmt: str = "gdelt2", events: int = 10_000, seed: int = 1) -> Answer:
    """Write ``events`` synthetic events in format ``fmt`` (.parquet: the imported form)."""
    import duckdb

    if fmt not in FORMAT_NAMES:
        raise InputError(f"Unknown event-data format {fmt!r}.", f"Use one of: {', '.join(FORMAT_NAMES)}.")
    if events < 1:
        raise InputError("Give at least one event.", "Use --events N with N >= 1.")
    if seed != 1:
        raise InputError("Only seed 1 is defined.", "The events are a fixed function of their number.")
    target = Path(output).expanduser()
    with files.replacing(target) as tmp:
        if fmt == "plover":
            _write_plover(tmp, events)
        else:
            con = duckdb.connect()
            con.execute("SET preserve_insertion_order = false")
            if target.suffix == ".parquet":
                options = "FORMAT parquet, COMPRESSION zstd"
            else:
                header = "true" if fmt in ("icews", "polecat") else "false"
                null = {"icews": "'NA'", "polecat": "'None'"}.get(fmt, "''")
                options = f"FORMAT csv, DELIMITER '\\t', HEADER {header}, QUOTE '', NULLSTR {null}"
            con.execute(f"COPY ({_columns_sql(fmt)}) TO '{tmp.as_posix()}' ({options})", [events])
    frame = pd.DataFrame([{"output": str(target), "format": fmt, "events": events}])
    return Answer(
        "events_synthetic",
        {"format": fmt, "events": events},
        frame,
        "written",
        ["Synthetic events for tests and benchmarks: not real data."],
        [],
    )


def _write_plover(path: Path, events: int) -> None:
    f = fields(np.arange(events, dtype=np.int64))
    records = []
    for r in f.itertuples(index=False):
        record = {"id": f"SYN-{r.i}", "date": r.day.date().isoformat(), "event": PLOVER_BY_QUAD[r.quad]}
        for side, index in (("source", r.source), ("target", r.target)):
            code = COUNTRIES[index][0]
            if code is not None:
                record[side] = [{"actorText": COUNTRIES[index][2] or code, "code": code}]
        records.append(record)
    path.write_text(json.dumps(records), encoding="utf-8")
