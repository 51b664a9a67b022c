"""The columnar store: each dataset converted once to Parquet, then read through DuckDB.

A Parquet file's name carries the first 12 hex digits of its source's sha256, so a catalog
update converts again instead of serving stale data. Conversion happens under the dataset's
lock and lands by rename, like downloads.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from multipolar import config, files, progress
from multipolar.data import fetch as fetching
from multipolar.data import readers
from multipolar.data.catalog import Dataset, dataset


def parquet_path(ds: Dataset) -> Path:
    return config.store_dir() / f"{ds.name}-{ds.sha256[:12]}.parquet"


def path(name: str) -> Path:
    """The Parquet file of dataset ``name``, fetching and converting it first if needed."""
    ds = dataset(name)
    target = parquet_path(ds)
    if target.exists():
        return target
    raw = fetching.fetch(ds)
    with fetching.lock_for(ds):
        if target.exists():
            return target
        with progress.bar(f"converting {ds.name}", total=1) as shown:
            table = pa.Table.from_pandas(readers.read(ds, raw), preserve_index=False)
            table = table.replace_schema_metadata(
                {b"multipolar.dataset": ds.name.encode(), b"multipolar.version": ds.version.encode()}
            )
            with files.replacing(target) as tmp:
                pq.write_table(table, tmp, compression="zstd")
            shown.advance()
    return target


def scan(name: str, row_numbers: bool = False) -> str:
    """A DuckDB table expression for dataset ``name``, to use inside SQL text; ``row_numbers`` adds
    ``file_row_number`` (0 = the source's first row), for rules that follow the source's order."""
    numbered = ", file_row_number = true" if row_numbers else ""
    return f"read_parquet('{path(name).as_posix()}'{numbered})"


def frame(name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """Dataset ``name`` (optionally some columns) as a pandas DataFrame."""
    return pq.read_table(path(name), columns=columns).to_pandas()


def connect() -> duckdb.DuckDBPyConnection:
    """A fresh in-memory DuckDB connection (cheap; one per query or per panel)."""
    return duckdb.connect(":memory:")
