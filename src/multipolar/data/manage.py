"""Managing the cache: list, pull, verify, locate and cite catalogued datasets."""

from __future__ import annotations

import pandas as pd

from multipolar import config
from multipolar.answer import Answer
from multipolar.data import fetch as fetching
from multipolar.data import store
from multipolar.data.catalog import catalog, dataset


def _selected(names: list[str] | None) -> list:
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


def pull(names: list[str] | None = None) -> Answer:
    """Download, verify and convert the named datasets (all when none are named)."""
    rows = []
    for ds in _selected(names):
        parquet = store.path(ds.name)
        rows.append({"name": ds.name, "version": ds.version, "sha256": ds.sha256, "store": str(parquet)})
    return Answer("pull", {"source": config.mirror() or "canonical URLs"}, pd.DataFrame(rows), "datasets")


def verify(names: list[str] | None = None) -> Answer:
    """Re-hash cached files: 'ok', 'missing' (not yet pulled) or 'corrupt' (removed)."""
    rows = [{"name": ds.name, "status": fetching.verify(ds), "sha256": ds.sha256} for ds in _selected(names)]
    frame = pd.DataFrame(rows)
    corrupt = frame.loc[frame["status"] == "corrupt", "name"].tolist()
    notes = [f"removed corrupt files for {', '.join(corrupt)}; pull them again"] if corrupt else []
    return Answer("verify", {"ok": not corrupt}, frame, "datasets", notes=notes)


def paths(names: list[str] | None = None) -> Answer:
    """Where each dataset's raw file and Parquet conversion live (whether or not present yet)."""
    rows = [
        {"name": ds.name, "raw": str(fetching.cached_path(ds)), "store": str(store.parquet_path(ds))}
        for ds in _selected(names)
    ]
    return Answer("paths", {"cache": str(config.home())}, pd.DataFrame(rows), "datasets")


def cite(names: list[str]) -> Answer:
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
