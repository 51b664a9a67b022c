"""Turn a verified raw file into one tidy table (pandas), ready to be stored as Parquet.

One reader per file shape: R data (.rda), plain CSV, World Bank bulk CSV (wide, four lines of
preamble) and the SIPRI workbook (one sheet per unit, regions interleaved with countries). Every
reader returns a single long table so that the store holds one Parquet file per dataset.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from multipolar.data.catalog import Dataset
from multipolar.errors import DataError

# SIPRI sheets worth storing, and the unit each is in.
SIPRI_SHEETS = {
    "Constant (2023) US$": "constant_2023_usd_m",
    "Current US$": "current_usd_m",
    "Share of GDP": "share_of_gdp",
    "Per capita": "per_capita_current_usd",
}


def read(ds: Dataset, path: Path) -> pd.DataFrame:
    """The dataset as one tidy DataFrame; a file that will not parse is a DataError."""
    try:
        if ds.format == "rda":
            return _tidy(_read_rda(ds, path))
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
