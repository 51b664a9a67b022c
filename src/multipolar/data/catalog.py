"""The catalog: every third-party dataset multipolar uses, declared once.

``catalog.json`` is generated from the mirror's MANIFEST.json by scripts/build_catalog.py; this
module only reads it. A figure's provenance is always a catalog name plus its version.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from multipolar.errors import unknown


@dataclass(frozen=True)
class Dataset:
    name: str
    version: str
    url: str
    sha256: str
    bytes: int
    format: str
    file: str  # path relative to a mirror's root, e.g. "peacesciencer/cow_states.rda"
    provider: str
    citation: str
    terms: str
    years: str | None
    rows: int | None
    columns: tuple[str, ...]
    notes: str

    @property
    def coverage(self) -> tuple[int, int] | None:
        """First and last year covered, or None for undated tables."""
        if not self.years:
            return None
        first, _, last = self.years.partition("-")
        return int(first), int(last or first)

    def label(self) -> str:
        """Short provenance label: ``name vVERSION``."""
        return (
            f"{self.name} v{self.version}" if self.version[0].isdigit() else f"{self.name} ({self.version})"
        )

    def bibtex(self) -> str:
        """A BibTeX @misc entry built from the catalog facts."""
        key = re.sub(r"[^A-Za-z0-9]+", "_", self.name)
        year = re.search(r"\b(1[89]\d\d|20\d\d)\b", self.citation)
        fields = {
            "title": self.provider,
            "note": self.citation,
            "version": self.version,
            "url": self.url,
            "year": year.group(1) if year else None,
        }
        body = ",\n".join(f"  {k} = {{{_bibtex_escape(v)}}}" for k, v in fields.items() if v)
        return f"@misc{{{key},\n{body}\n}}"


def _bibtex_escape(text: str) -> str:
    return text.replace("&", r"\&").replace("%", r"\%").replace("$", r"\$").replace("#", r"\#")


@cache
def catalog() -> dict[str, Dataset]:
    """All datasets by name, in catalog order."""
    raw = json.loads(files("multipolar.data").joinpath("catalog.json").read_text(encoding="utf-8"))
    return {
        d["name"]: Dataset(
            name=d["name"],
            version=d["version"],
            url=d["canonical_url"],
            sha256=d["sha256"],
            bytes=d["bytes"],
            format=d["format"],
            file=d["file"],
            provider=d["provider"],
            citation=d["citation"],
            terms=d["terms"],
            years=d.get("years"),
            rows=d.get("rows"),
            columns=tuple(d.get("columns") or ()),
            notes=d.get("notes") or "",
        )
        for d in raw["datasets"]
    }


def dataset(name: str) -> Dataset:
    """The catalog entry called ``name``; an unknown name lists the closest ones."""
    entries = catalog()
    if name in entries:
        return entries[name]
    raise unknown("dataset", name, entries, "Run `multipolar data list` to see the catalog.")
