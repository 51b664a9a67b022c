"""The columnar store: each dataset converted once to Parquet, then read through DuckDB.

A Parquet file's name carries the first 12 hex digits of its source's sha256, so a catalog
update converts again instead of serving stale data. Conversion happens under the dataset's
lock and lands by rename, like downloads, and records the new file's own sha256 beside it
(``NAME-SHA12.parquet.sha256``). A converted file is never trusted blindly: every use checks
that it is whole (Parquet's closing footer), ``verify`` re-hashes it against the recorded sum,
and a damaged one is converted again from the raw file, itself verified first.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from multipolar import config, files, progress
from multipolar.data import fetch as fetching
from multipolar.data.catalog import Dataset, dataset
from multipolar.errors import CacheError

if TYPE_CHECKING:  # imported where used: a query that needs neither starts faster
    import duckdb
    import pandas as pd

T = TypeVar("T")

MAGIC = b"PAR1"  # a Parquet file opens and closes with it; the footer's length stands before the last


def parquet_path(ds: Dataset) -> Path:
    return config.store_dir() / f"{ds.name}-{ds.sha256[:12]}.parquet"


def checksum_path(ds: Dataset) -> Path:
    """Where the sha256 of the converted file, taken when it was written, is kept."""
    target = parquet_path(ds)
    return target.with_name(target.name + ".sha256")


def whole(target: Path) -> bool:
    """Does ``target`` exist and end as a Parquet file ends (a truncated file does not)?"""
    try:
        with open(target, "rb") as handle:
            size = handle.seek(0, 2)
            if size < 12:
                return False
            handle.seek(size - 8)
            tail = handle.read(8)
            handle.seek(0)
            head = handle.read(4)
    except OSError:
        return False
    footer = int.from_bytes(tail[:4], "little")
    return head == MAGIC and tail[4:] == MAGIC and footer + 12 <= size


def path(name: str) -> Path:
    """The Parquet file of dataset ``name``, fetching and converting it first if needed."""
    ds = dataset(name)
    target = parquet_path(ds)
    if whole(target):
        return target
    if target.exists():  # damaged: rebuilt only from a raw file checked again
        fetching.verify(ds)
    raw = fetching.fetch(ds)
    with fetching.lock_for(ds):
        if not whole(target):
            convert(ds, raw)
    return target


def convert(ds: Dataset, raw: Path) -> None:
    """Convert the verified raw file to Parquet and record the result's sha256 (under the lock)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from multipolar.data import readers

    target = parquet_path(ds)
    with progress.bar(f"converting {ds.name}", total=1) as shown:
        table = pa.Table.from_pandas(readers.read(ds, raw), preserve_index=False)
        table = table.replace_schema_metadata(
            {b"multipolar.dataset": ds.name.encode(), b"multipolar.version": ds.version.encode()}
        )
        with files.replacing(target, cache=True) as tmp:
            pq.write_table(table, tmp, compression="zstd")
        with files.replacing(checksum_path(ds), cache=True) as tmp:
            tmp.write_text(fetching.sha256_of(target) + "\n", encoding="ascii")
        shown.advance()


def verify(ds: Dataset, raw_status: str) -> str:
    """State of the converted file: 'ok', 'missing', 'rebuilt' (damaged, or without a recorded
    sha256, and converted again from the raw file, which ``raw_status`` says is 'ok') or
    'removed' (damaged, and no verified raw file to rebuild it from: the next use fetches it)."""
    target, recorded = parquet_path(ds), checksum_path(ds)
    if not target.exists():
        return "missing"
    expected = recorded.read_text(encoding="ascii").strip() if recorded.exists() else None
    if expected == fetching.sha256_of(target):
        return "ok"
    with fetching.lock_for(ds):
        fetching.remove(target)
        fetching.remove(recorded)
        if raw_status != "ok":
            return "removed"
        convert(ds, fetching.cached_path(ds))
    return "rebuilt"


def scan(name: str, row_numbers: bool = False) -> str:
    """A DuckDB table expression for dataset ``name``, to use inside SQL text; ``row_numbers`` adds
    ``file_row_number`` (0 = the source's first row), for rules that follow the source's order."""
    numbered = ", file_row_number = true" if row_numbers else ""
    return f"read_parquet('{path(name).as_posix()}'{numbered})"


def frame(name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """Dataset ``name`` (optionally some columns) as a pandas DataFrame."""
    import pyarrow.parquet as pq

    return pq.read_table(path(name), columns=columns).to_pandas()


def connect() -> duckdb.DuckDBPyConnection:
    """A fresh in-memory DuckDB connection (cheap; one per query or per panel)."""
    import duckdb

    return duckdb.connect(":memory:")


def derived(
    kind: str, build: Callable[[], T], inputs: Iterable[str | bytes] = (), optional: bool = False
) -> T:
    """A table (or tables) computed from datasets and curated files, kept in the cache between
    runs: the states' identity spells, each power measure's state-years, the major powers.

    The file is named after a digest of the code and data it is made from (``made_from``: every
    module, curated CSV and the catalog of the packages that build such tables) and of any
    further ``inputs``, so a change to any of them builds it again. It is pickled rather than
    Parquet because it is read at the start of quick commands that need no pyarrow, and it holds
    Python objects (dates, dataclasses); a file that does not load is built again, never trusted.
    With ``optional``, what is only worth keeping (a day's brief) is returned even when the cache
    cannot be written.
    """
    target = derived_target(kind, inputs, ".pickle")
    try:
        kept = target.read_bytes()
    except OSError:
        kept = None  # not there yet: built below
    if kept is not None:
        try:
            return pickle.loads(kept)
        except Exception:  # damaged bytes fail in many ways ("garbage" is a ValueError): built again
            pass
    table = build()
    try:
        with files.replacing(target, cache=True) as tmp:
            tmp.write_bytes(pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
    except CacheError:
        if not optional:
            raise
        return table
    remove_older(target, kind)
    return table


def derived_parquet(kind: str, build: Callable[[], pd.DataFrame], inputs: Iterable[str | bytes] = ()) -> Path:
    """Like ``derived``, for a table large enough to be read in parts (the UN votes of one year):
    Parquet, named the same way, checked whole (Parquet's closing footer, as converted files are)
    on every use and built again if it is not. Returns the file's path."""
    target = derived_target(kind, inputs, ".parquet")
    if whole(target):
        return target
    table = build()
    with files.replacing(target, cache=True) as tmp:
        table.to_parquet(tmp, index=False)
    remove_older(target, kind)
    return target


def derived_target(kind: str, inputs: Iterable[str | bytes], suffix: str) -> Path:
    """A derived file's place: named after a digest of the code and data it is made from."""
    digest = hashlib.sha256(made_from())
    for part in inputs:
        digest.update(part if isinstance(part, bytes) else part.encode())
        digest.update(b"\0")
    return config.store_dir() / "derived" / f"{kind}-{digest.hexdigest()[:12]}{suffix}"


def remove_older(target: Path, kind: str) -> None:
    """Remove the files of ``kind`` built by other code or data: never read again."""
    for older in target.parent.glob(f"{kind}-*{target.suffix}"):
        if older != target:
            older.unlink(missing_ok=True)


DERIVED_FROM = ("data", "states", "orgs", "power")  # the packages whose code and files make them


EVERYTHING = ("",)  # every sub-package of multipolar, for what the whole code makes (the brief)


@cache
def made_from(packages: tuple[str, ...] = DERIVED_FROM) -> bytes:
    """The sha256 of every module, CSV and JSON file of ``packages`` (default ``DERIVED_FROM``)."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for package in packages:
        for path in sorted((root / package).rglob("*")):
            if path.suffix in (".py", ".csv", ".json"):
                digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()
