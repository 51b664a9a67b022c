"""The brief of a day as the command line shows it, kept in the cache between runs.

Assembling a brief reads every measure, the blocs, the alliances and the UN votes (pandas,
DuckDB, pyarrow: about a second). A brief is pure Python once made (``model.py``), so it is kept
as ``store/derived/brief-*.pickle``, named after its day, measures, year, today's date and a
digest of the whole package's code and curated files (which hold the data's checksums): a
second ``multipolar brief`` loads it without importing any of those. Only the last brief asked
is kept. ``mp.brief`` itself always assembles.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from multipolar.brief.model import Brief
from multipolar.data import store
from multipolar.dates import parse_date


def brief(
    date: str | dt.date | None = None,
    measures: Iterable[str] | str | None = None,
    year: int | str | None = None,
) -> Brief:
    """``mp.brief(date, measures, year)``, from the cache when the same brief was made today."""
    day = parse_date(date, allow_future=False)
    listed = None if measures is None else [measures] if isinstance(measures, str) else list(measures)

    def assemble() -> Brief:
        from multipolar.brief.assemble import brief as made

        return made(day, listed, year)

    today = dt.date.today().isoformat()
    asked = json.dumps([day.isoformat(), listed, None if year is None else str(year), today])
    return store.derived("brief", assemble, [asked, store.made_from(store.EVERYTHING)], optional=True)
