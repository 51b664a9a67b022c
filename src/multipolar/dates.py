"""Reading the dates and years users type, with one-line errors for impossible ones."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable

from multipolar.errors import CoverageError, InputError

FIRST_DAY = dt.date(1816, 1, 1)


def parse_date(value: str | dt.date | None, default_today: bool = True, allow_future: bool = True) -> dt.date:
    """A date from 'YYYY-MM-DD', 'today', 'yesterday', a date object, or None (today).

    With ``allow_future=False`` a day after today is a ``CoverageError``: queries about the
    state of the world answer for days that have happened, never for days that have not.
    """
    day = _parse_date(value, default_today)
    today = dt.date.today()
    if not allow_future and day > today:
        raise CoverageError(
            f"{day.isoformat()} is in the future.", f"Give a date up to today ({today.isoformat()})."
        )
    return day


def _parse_date(value: str | dt.date | None, default_today: bool) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None or str(value).strip().lower() == "today":
        if default_today:
            return dt.date.today()
        raise InputError("A date is required.", "Give one as YYYY-MM-DD.")
    text = str(value).strip()
    if text.lower() == "yesterday":
        return dt.date.today() - dt.timedelta(days=1)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        # 2008-02-30 is a date that cannot be; "last week" is no date at all
        kind = "Impossible" if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text) else "Unreadable"
        raise InputError(
            f"{kind} date {text!r}.", "Give a real calendar date as YYYY-MM-DD, e.g. 2008-09-07 (or today)."
        ) from None


def parse_year(value: int | str, allow_future: bool = True) -> int:
    """A year; with ``allow_future=False`` a year after this one is a ``CoverageError``."""
    try:
        year = int(str(value).strip())
    except ValueError:
        raise InputError(f"Impossible year {value!r}.", "Give a year as four digits, e.g. 2008.") from None
    if not 1000 <= year <= 9999:
        raise InputError(f"Impossible year {value!r}.", "Give a year as four digits, e.g. 2008.")
    if not allow_future and year > dt.date.today().year:
        raise CoverageError(f"Year {year} is in the future.", f"Give a year up to {dt.date.today().year}.")
    return year


def parse_years(value: str) -> tuple[int, int]:
    """'1816-2022' or '2008' as an inclusive (first, last) pair."""
    text = str(value).strip()
    first, sep, last = text.partition("-") if "-" in text[1:] else (text, "", text)
    start, end = parse_year(first), parse_year(last if sep else first)
    if start > end:
        raise InputError(f"Year range {text!r} runs backwards.", "Write it as FIRST-LAST, e.g. 1816-2022.")
    return start, end


def change_days(starts: Iterable[dt.date], ends: Iterable[dt.date | None]) -> list[dt.date]:
    """The days on which spells (start and end inclusive, None = open) begin or stop, sorted:
    between two of them, which spells are in force does not change."""
    days = set(starts) | {end + dt.timedelta(days=1) for end in ends if end is not None}
    return sorted(days)


def stretch_start(changes: list[dt.date], day: dt.date) -> dt.date:
    """The first day of the stretch of ``day`` between two of the sorted ``changes`` (``day``
    itself before the first): an answer that depends only on the spells in force is the same
    on every day of it, so a cache can be keyed on this day."""
    at = bisect.bisect_right(changes, day)
    return changes[at - 1] if at else day
