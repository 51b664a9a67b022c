"""The one shape every query returns: rows plus what they mean and where they came from.

An Answer holds a table (pandas) and the query's parameters, notes (coverage gaps, extensions,
caveats) and sources (catalog names). The CLI renders it as a Rich table or, with ``--json``,
as ``to_dict()``; Python users take ``to_pandas()``, ``to_polars()`` or ``to_arrow()``.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from typing import Any

from multipolar import lazy

pd = lazy.load("pandas")


@dataclass(frozen=True)
class Records:
    """An answer's rows as plain dicts (keys in ``columns`` order), for queries that need no
    pandas to answer: printed and turned into JSON as they are, into a DataFrame (``dtypes``
    per column, object otherwise) only when someone asks for ``Answer.rows``."""

    columns: tuple[str, ...]
    rows: tuple[dict, ...]
    dtypes: dict[str, str] = field(default_factory=dict)

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(
            {c: pd.Series([r[c] for r in self.rows], dtype=self.dtypes.get(c, object)) for c in self.columns}
        )


class _Rows:
    """``Answer.rows``: a DataFrame, made from the answer's ``Records`` on first use."""

    def __set_name__(self, owner, name: str) -> None:
        self.slot = f"_{name}"

    def __get__(self, answer, owner=None):
        if answer is None:
            raise AttributeError("rows")  # a field without a default
        stored = answer.__dict__[self.slot]
        if isinstance(stored, Records):
            stored = answer.__dict__[self.slot] = stored.frame()
        return stored

    def __set__(self, answer, value) -> None:
        answer.__dict__[self.slot] = value


@dataclass
class Answer:
    kind: str  # what was asked: "states", "members", ...
    params: dict[str, Any]  # the query as answered, e.g. {"date": "2008-09-07", "system": "cow"}
    rows: pd.DataFrame = _Rows()  # or Records, which become a DataFrame when read
    key: str  # the JSON key under which rows appear
    notes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # catalog dataset names or curated files
    extra: dict[str, Any] = field(default_factory=dict)  # further top-level JSON fields

    def __len__(self) -> int:
        stored = self.__dict__["_rows"]
        return len(stored.rows) if isinstance(stored, Records) else len(stored)

    @property
    def columns(self) -> list[str]:
        stored = self.__dict__["_rows"]
        return list(stored.columns)

    def to_pandas(self) -> pd.DataFrame:
        return self.rows.copy()

    def to_polars(self):
        import polars as pl

        return pl.from_pandas(self.rows)

    def to_arrow(self):
        import pyarrow as pa

        return pa.Table.from_pandas(self.rows, preserve_index=False)

    def records(self) -> list[dict[str, Any]]:
        stored = self.__dict__["_rows"]
        if isinstance(stored, Records):
            return [{c: plain(row[c]) for c in stored.columns} for row in stored.rows]
        return [{k: plain(v) for k, v in row.items()} for row in stored.to_dict("records")]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: parameters, extra fields, rows, notes and sources."""
        out = {k: plain(v) for k, v in self.params.items()}
        out.update({k: plain(v) for k, v in self.extra.items()})
        out[self.key] = self.records()
        out["notes"] = list(self.notes)
        out["sources"] = sources_payload(self.sources)
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def cite(self) -> str:
        from multipolar.data.catalog import catalog

        known = catalog()
        return "\n".join(known[s].citation for s in self.sources if s in known)

    def _repr_html_(self) -> str:
        """How Jupyter shows an answer: the query, its rows as a table (shares as percentages,
        lists joined, NA for missing), then its notes and sources, as the command line does."""
        from html import escape

        from multipolar.numbers import PERCENT_COLUMNS, POINTS_COLUMNS, percent, signed

        def shown(column: str, value: Any) -> str:
            value = plain(value)
            if value is None:
                return "NA"
            if column in PERCENT_COLUMNS or column in POINTS_COLUMNS:
                return (percent if column in PERCENT_COLUMNS else signed)(float(value))
            if isinstance(value, list):
                return ", ".join(str(v) for v in value)
            if isinstance(value, float):
                return f"{value:,.4g}" if abs(value) < 1e4 else f"{value:,.0f}"
            return str(value)

        asked = ", ".join(f"{k}={plain(v)}" for k, v in self.params.items() if plain(v) is not None)
        head = "".join(f"<th>{escape(str(c))}</th>" for c in self.rows.columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(shown(c, v))}</td>" for c, v in row.items()) + "</tr>"
            for _, row in self.rows.head(HTML_ROWS).iterrows()
        )
        more = (
            f"<p>… {len(self.rows) - HTML_ROWS} more rows (to_pandas() has them all)</p>"
            if len(self) > HTML_ROWS
            else ""
        )
        notes = "".join(f"<li>{escape(n)}</li>" for n in self.notes)
        labels = ", ".join(f"{s['dataset']} {s['version']}" for s in sources_payload(self.sources))
        return (
            f"<div><p><b>{escape(self.kind)}</b> ({escape(asked)}): {len(self)} rows</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}"
            + (f"<p>Notes:</p><ul>{notes}</ul>" if notes else "")
            + (f"<p><small>Sources: {escape(labels)}</small></p>" if labels else "")
            + "</div>"
        )


HTML_ROWS = 60  # rows a notebook shows; the rest are one to_pandas() away


def sources_payload(names: list[str]) -> list[dict[str, str]]:
    """Each source as {dataset, version}; curated project files carry their path as version."""
    from multipolar.data.catalog import catalog

    known = catalog()
    out = []
    for name in dict.fromkeys(names):
        if name in known:
            out.append({"dataset": name, "version": known[name].version})
        else:
            out.append({"dataset": name, "version": "multipolar curated"})
    return out


def plain(value: Any) -> Any:
    """A JSON-ready version of value: NA becomes None, numpy scalars become Python ones."""
    if value is None:
        return None
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if type(value).__module__.partition(".")[0] in ("numpy", "pandas"):
        return _plain_library(value)
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _plain_library(value: Any) -> Any:
    """``plain`` for NumPy and pandas values (both are loaded, since value is one of theirs)."""
    import numpy as np

    if value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value]
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, np.generic):
        return plain(value.item())
    return value
