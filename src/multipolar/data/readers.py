"""Turn a verified raw file into one tidy table (pandas), ready to be stored as Parquet.

One reader per file shape: R data (.rda, .rds), plain CSV, World Bank bulk CSV (wide, four lines
of preamble), the SIPRI workbook (one sheet per unit, regions interleaved with countries), the
COW IGO tables (wide: one column per organisation or per state), event-data exports (GDELT
1.0/2.0 without a header, ICEWS with one), PLOVER's JSON records and the CAMEO lookups. Every
reader returns a single long table so that the store holds one Parquet file per dataset.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd

from multipolar.data import layouts
from multipolar.data.catalog import Dataset
from multipolar.errors import DataError

# SIPRI sheets worth storing, and the unit each is in.
SIPRI_SHEETS = {
    "Constant (2023) US$": "constant_2023_usd_m",
    "Current US$": "current_usd_m",
    "Share of GDP": "share_of_gdp",
    "Per capita": "per_capita_current_usd",
}

# COW IGO v3 membership codes, as its codebook defines them.
IGO_CODES = {
    0: "no membership",
    1: "full member",
    2: "associate member",
    3: "observer",
    -9: "missing",
    -1: "organisation not in existence",
}


def read(ds: Dataset, path: Path) -> pd.DataFrame:
    """The dataset as one tidy DataFrame; a file that will not parse is a DataError."""
    try:
        if ds.name in SHAPED:
            return SHAPED[ds.name](ds, path)
        if ds.format in ("rda", "rds"):
            return _tidy(_read_rda(ds, path))
        if ds.format == "tsv":
            return _tidy(pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, na_values=[""]))
        if ds.format == "xlsx":
            return _read_sipri(path)
        if ds.format == "csv":
            if path.name.startswith("API_"):
                return _read_wdi_bulk(path)
            return _tidy(pd.read_csv(path, low_memory=False))
    except DataError:
        raise
    except Exception as error:
        raise DataError(
            f"Could not read dataset {ds.name!r} from {path}: {type(error).__name__}: {error}.",
            f"Delete the file and run `multipolar data pull {ds.name}` again.",
        ) from error
    raise DataError(f"No reader for format {ds.format!r} of dataset {ds.name!r}.")


def _read_rda(ds: Dataset, path: Path) -> pd.DataFrame:
    if ds.name == "ps_bib":  # list-columns: pyreadr cannot read it, rdata can
        import warnings

        import rdata

        with warnings.catch_warnings():  # tibble classes fall back to data.frame, as wanted
            warnings.simplefilter("ignore", UserWarning)
            converted = rdata.read_rda(str(path))
        frame = next(iter(converted.values()))
        return frame.apply(lambda col: col.map(_flatten))
    import pyreadr

    objects = pyreadr.read_r(str(path))
    if len(objects) != 1:
        raise DataError(f"Expected one R object in {path.name}, found {list(objects)}.")
    return next(iter(objects.values()))


def _flatten(value):
    if isinstance(value, list | tuple | np.ndarray):
        return "; ".join(str(v) for v in value)
    return value


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """Integral doubles become nullable integers, date objects become dates, text stays text."""
    out = {}
    for name, column in frame.items():
        if column.dtype.kind == "f":
            finite = column.dropna()
            integral = len(finite) and np.all(np.isfinite(finite)) and np.all(finite == np.round(finite))
            if integral and finite.abs().max() < 2**53:
                column = column.astype("Int64")
        elif column.dtype == object:
            sample = column.dropna()
            if len(sample) and all(isinstance(v, dt.date) for v in sample.head(50)):
                column = pd.to_datetime(column).dt.date
            elif len(sample):
                column = column.astype("string")
        out[str(name)] = column
    return pd.DataFrame(out)


def _read_wdi_bulk(path: Path) -> pd.DataFrame:
    wide = pd.read_csv(path, skiprows=4)
    wide = wide.loc[:, ~wide.columns.str.startswith("Unnamed")]
    long = wide.melt(
        id_vars=["Country Name", "Country Code", "Indicator Name", "Indicator Code"],
        var_name="year",
        value_name="value",
    )
    long["year"] = long["year"].astype(int)
    long = long.dropna(subset=["value"]).rename(
        columns={
            "Country Name": "country_name",
            "Country Code": "country_code",
            "Indicator Name": "indicator_name",
            "Indicator Code": "indicator_code",
        }
    )
    return long.reset_index(drop=True)


def _read_sipri(path: Path) -> pd.DataFrame:
    """Long table: sheet unit, country, year, value, and SIPRI's reason when value is missing."""
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = []
    for sheet, unit in SIPRI_SHEETS.items():
        if sheet not in book.sheetnames:
            raise DataError(f"SIPRI workbook {path.name} has no sheet {sheet!r}.")
        years: list[int] | None = None
        for row in book[sheet].iter_rows(values_only=True):
            if row and row[0] == "Country":
                years = [(i, int(v)) for i, v in enumerate(row) if isinstance(v, int | float)]
                continue
            if years is None or not row or not isinstance(row[0], str):
                continue
            cells = [row[i] if i < len(row) else None for i, _ in years]
            if all(c is None for c in cells):  # a region heading
                continue
            country = row[0].strip()
            for (_, year), cell in zip(years, cells, strict=True):
                value, missing = _sipri_cell(cell)
                rows.append((unit, country, year, value, missing))
    book.close()
    return pd.DataFrame(rows, columns=["unit", "country", "year", "value", "missing_reason"])


def _sipri_cell(cell) -> tuple[float | None, str | None]:
    if isinstance(cell, int | float):
        return float(cell), None
    text = str(cell).strip() if cell is not None else ""
    if text == "xxx":
        return None, "state did not exist or was not independent"
    if text in {". .", "..", "...", ""}:
        return None, "data unavailable"
    try:
        return float(text), None
    except ValueError:
        return None, f"unparsed cell {text!r}"


def _read_igo_state_year(ds: Dataset, path: Path) -> pd.DataFrame:
    """Long: one row per state, year and organisation, with the code and what it means. Cells
    coded -1 (the organisation did not exist that year) are left out, as the organisation-year
    table leaves them out: an organisation's rows are the years it existed."""
    wide = _read_rda(ds, path)
    long = wide.melt(id_vars=["ccode", "year", "state"], var_name="ioname", value_name="code")
    long = long[long["code"].notna() & (long["code"] != -1)]
    return _igo_coded(long, ["ccode", "year"])


def _read_igo_igo_year(ds: Dataset, path: Path) -> pd.DataFrame:
    """Long: one row per organisation, year and state (named as COW IGO spells the state's
    column), with the code, its meaning and the organisation-year's own fields. A state that
    was not in the system that year has no row (its cell is empty in the wide table)."""
    wide = _read_rda(ds, path)
    first, last = wide.columns.get_loc("year") + 1, wide.columns.get_loc("sdate")
    states = list(wide.columns[first:last])  # the state columns lie between year and sdate
    meta = [c for c in wide.columns if c not in states]
    long = wide.melt(id_vars=meta, value_vars=states, var_name="state", value_name="code")
    long = long.dropna(subset=["code"])
    front = ["ioname", "orgname", "year", "state", "code"]
    long = long[front + [c for c in meta if c not in front]]
    return _igo_coded(long, ["year"])


def _igo_coded(long: pd.DataFrame, integers: list[str]) -> pd.DataFrame:
    long = long.astype({c: "int32" for c in integers} | {"code": "int8"})
    unknown = set(long["code"].unique()) - set(IGO_CODES)
    if unknown:
        raise DataError(f"COW IGO table holds codes its codebook does not define: {sorted(unknown)}.")
    long.insert(long.columns.get_loc("code") + 1, "status", long["code"].map(IGO_CODES).astype("category"))
    return _tidy(long.reset_index(drop=True))


def _read_gdelt(ds: Dataset, path: Path) -> pd.DataFrame:
    """GDELT exports: tab-separated, no header; each row's width says its layout (GDELT 1.0
    historical 57, daily 58; GDELT 2.0 61). A row of any other width is an error naming it."""
    widths = {
        len(layouts.GDELT1_HISTORICAL): layouts.GDELT1_HISTORICAL,
        len(layouts.GDELT1_DAILY): layouts.GDELT1_DAILY,
        len(layouts.GDELT2_EVENTS): layouts.GDELT2_EVENTS,
    }
    expected = layouts.GDELT2_EVENTS if ds.name.startswith("gdelt2") else layouts.GDELT1_DAILY
    allowed = {len(expected)} | (
        {len(layouts.GDELT1_HISTORICAL)} if expected is layouts.GDELT1_DAILY else set()
    )
    rows: list[dict[str, str]] = []
    with open(path, encoding="utf-8", newline="") as handle:
        for number, fields in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if len(fields) not in allowed:
                raise DataError(
                    f"Row {number} of {path.name} has {len(fields)} fields; a {ds.name} row has "
                    f"{' or '.join(str(w) for w in sorted(allowed))}."
                )
            rows.append(dict(zip(widths[len(fields)], fields, strict=True)))
    frame = pd.DataFrame(rows, columns=expected).replace("", None)
    for column in expected:
        if column not in layouts.GDELT_TEXT and column != "SOURCEURL":
            frame[column] = pd.to_numeric(frame[column])
    for column in layouts.GDELT_TEXT & set(expected):
        frame[column] = frame[column].astype("string")
    return _tidy(frame)


def _read_icews(ds: Dataset, path: Path) -> pd.DataFrame:
    """ICEWS Dataverse tab files: a header, text NA for missing, CAMEO codes kept as text."""
    frame = pd.read_csv(
        path,
        sep="\t",
        na_values=["NA", ""],
        keep_default_na=False,
        dtype={"CAMEO Code": str, "Event ID": "Int64", "Story ID": "Int64"},
        quoting=csv.QUOTE_NONE,
    )
    frame["Event Date"] = pd.to_datetime(frame["Event Date"]).dt.date
    return _tidy(frame)


def _read_plover(ds: Dataset, path: Path) -> pd.DataFrame:
    return plover_records(path)


def plover_records(path: Path) -> pd.DataFrame:
    """PLOVER records: one row per event (the DOCUMENT header record is not an event); actor
    lists become one text per field, joined by "; " in the record's order."""
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    rows = []
    for record in records:
        if record.get("event") == "DOCUMENT":
            continue
        row = {k: v for k, v in record.items() if isinstance(v, str)}
        for side in ("source", "target"):
            actors = record.get(side)
            if isinstance(actors, list):
                for field in ("actorText", "code", "sector"):
                    row[f"{side}_{field}"] = "; ".join(str(a.get(field, "")) for a in actors)
        if isinstance(record.get("textInfo"), dict):
            row["textInfo"] = record["textInfo"].get("markup")
        location = record.get("eventLoc")
        if isinstance(location, dict):
            row["eventLoc_name"] = location.get("name")
            row["eventLoc_country"] = location.get("country code")
        rows.append(row)
    return _tidy(pd.DataFrame(rows))


CAMEO_PLOVER_LINE = re.compile(r"^(?P<cameo>\d{2,4}):\s*(?P<rest>[^#]*?)\s*(?:#\s*(?P<description>.*))?$")


def _read_cameo_plover(ds: Dataset, path: Path) -> pd.DataFrame:
    """The CAMEO-to-PLOVER table: "CAMEO: EVENT, mode, context # description" per line."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        found = CAMEO_PLOVER_LINE.match(line.strip())
        if not found:
            continue  # comments, blank lines and the closing rule
        parts = [p.strip() for p in found["rest"].split(",")] + ["", ""]
        rows.append(
            {
                "cameo_code": found["cameo"],
                "plover_event": parts[0] or None,
                "plover_mode": parts[1] or None,
                "plover_context": parts[2] or None,
                "description": (found["description"] or "").strip() or None,
            }
        )
    return _tidy(pd.DataFrame(rows))


SHAPED = {
    "cow_igo_state_year": _read_igo_state_year,
    "cow_igo_igo_year": _read_igo_igo_year,
    "gdelt2_events_sample": _read_gdelt,
    "gdelt1_events_mixed_sample": _read_gdelt,
    "icews_events_2018_sample": _read_icews,
    "plover_gold_standard": _read_plover,
    "cameo_to_plover": _read_cameo_plover,
}
