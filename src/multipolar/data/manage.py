"""Managing the cache: list, pull, verify, locate and cite catalogued datasets."""

from __future__ import annotations

import pandas as pd

from multipolar import config
from multipolar.answer import Answer
from multipolar.data import fetch as fetching
from multipolar.data import store
from multipolar.data.catalog import catalog, dataset


def _selected(names: str | list[str] | None) -> list:
    """The named datasets (one name or several), or the whole catalog."""
    if isinstance(names, str):
        names = [names]
    return [dataset(n) for n in names] if names else list(catalog().values())


def data_list() -> Answer:
    """The catalog, with whether each dataset is in the local cache."""
    rows = [
        {
            "name": ds.name,
            "version": ds.version,
            "years": ds.years,
            "provider": ds.provider,
            "format": ds.format,
            "bytes": ds.bytes,
            "cached": fetching.cached_path(ds).exists(),
            "stored": store.parquet_path(ds).exists(),
        }
        for ds in catalog().values()
    ]
    return Answer("data_list", {"cache": str(config.home())}, pd.DataFrame(rows), "datasets")


def pull(names: str | list[str] | None = None) -> Answer:
    """Download, verify and convert the named datasets (all when none are named).

    Interrupted (Ctrl-C), it stops with ``PullInterrupted``, which says which datasets were
    kept complete and that the one under way left nothing behind.
    """
    rows = []
    for ds in _selected(names):
        try:
            parquet = store.path(ds.name)
        except KeyboardInterrupt as stop:
            raise PullInterrupted([r["name"] for r in rows], ds.name) from stop
        rows.append({"name": ds.name, "version": ds.version, "sha256": ds.sha256, "store": str(parquet)})
    return Answer("pull", {"source": config.mirror() or "canonical URLs"}, pd.DataFrame(rows), "datasets")


class PullInterrupted(KeyboardInterrupt):
    """Ctrl-C during ``pull``: what was kept, and what was not."""

    def __init__(self, kept: list[str], current: str):
        self.kept, self.current = kept, current
        done = f"kept {', '.join(kept)} (complete); " if kept else ""
        super().__init__(
            f"Interrupted: {done}nothing of {current} was kept (partial files are never kept). "
            "Run `multipolar data pull` again to finish: what is complete is not fetched again."
        )


def verify(names: str | list[str] | None = None) -> Answer:
    """Re-hash the cached raw files ('ok', 'missing': not yet pulled, or 'corrupt': removed) and
    their Parquet conversions ('ok', 'missing', 'rebuilt' from the verified raw file, or
    'removed' when there is none to rebuild from)."""
    rows = []
    for ds in _selected(names):
        raw = fetching.verify(ds)
        rows.append({"name": ds.name, "status": raw, "store": store.verify(ds, raw), "sha256": ds.sha256})
    frame = pd.DataFrame(rows, columns=["name", "status", "store", "sha256"])
    corrupt = frame.loc[frame["status"] == "corrupt", "name"].tolist()
    rebuilt = frame.loc[frame["store"] == "rebuilt", "name"].tolist()
    dropped = frame.loc[frame["store"] == "removed", "name"].tolist()
    notes = [f"removed corrupt files for {', '.join(corrupt)}; pull them again"] if corrupt else []
    if rebuilt:
        notes.append(
            f"converted again from the verified raw files, the stored Parquet being damaged or unchecked: "
            f"{', '.join(rebuilt)}"
        )
    if dropped:
        notes.append(f"removed damaged Parquet files (converted again on next use): {', '.join(dropped)}")
    damaged = bool(corrupt or rebuilt or dropped)
    return Answer("verify", {"ok": not damaged}, frame, "datasets", notes=notes)


def paths(names: str | list[str] | None = None) -> Answer:
    """Where each dataset's raw file and Parquet conversion live (whether or not present yet)."""
    rows = [
        {"name": ds.name, "raw": str(fetching.cached_path(ds)), "store": str(store.parquet_path(ds))}
        for ds in _selected(names)
    ]
    return Answer("paths", {"cache": str(config.home())}, pd.DataFrame(rows), "datasets")


def cite(names: str | list[str]) -> Answer:
    """Citation text and BibTeX for each named dataset."""
    rows = [
        {
            "name": ds.name,
            "version": ds.version,
            "citation": ds.citation,
            "terms": ds.terms,
            "bibtex": ds.bibtex(),
        }
        for ds in _selected(names)
    ]
    return Answer("cite", {}, pd.DataFrame(rows), "citations", sources=[r["name"] for r in rows])
