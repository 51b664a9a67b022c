"""UN General Assembly roll-call votes, each cast by a state as of the vote's day.

The votes come from the catalog's ``un_votes`` (one row per country and roll call: yes, no or
abstain; absences and non-members are not rows), ``un_roll_calls`` (session and date) and
``un_roll_call_issues`` (six issue codes). The data name countries by an ISO2-like code (and by
name where they give none); each is read through the resolver as of the vote's day, so that RU
in 1960 is the Soviet Union and DD is the German Democratic Republic. ``data/un_seats.csv``
says, for the few labels the resolver cannot read from the code alone, which UN seats the data
write so (RU: the Soviet Union's and then Russia's; TW: China's while the Republic of China held
it; the Soviet republics that were founding members but no states), one sourced row each. The
days and COW codes of those seats are the organisations registry's (its UN spells), and whether
a seat's holder was a state on a day is the identity layer's. A vote no rule maps is left out
and said in a note, never dropped silently.

A *year* is a session's year, as Voeten's agreement scores count them: year = 1945 + session
(session 63 opened in September 2008 and is 2008), so a year's votes include those a session
held in the early months of the next calendar year.

The mapped votes are written once to the cache (``store.derived_parquet``), keyed by the sources'
checksums, the seat rules and the code that reads states, so later processes read them in
milliseconds; a damaged file is built again.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import numpy as np
import pandas as pd

from multipolar.data import store
from multipolar.data.catalog import dataset
from multipolar.errors import CoverageError, InputError, MultipolarError, unknown
from multipolar.orgs import registry
from multipolar.orgs.registry import MEMBERSHIPS_SOURCE as SEAT_DAYS_SOURCE  # seats' days, COW codes
from multipolar.states import identity

SEATS_FILE = Path(__file__).parent / "data" / "un_seats.csv"
SEATS_SOURCE = "alignment/data/un_seats.csv"
SOURCES = ["un_votes", "un_roll_calls", SEATS_SOURCE, SEAT_DAYS_SOURCE]
ISSUE_SOURCE = "un_roll_call_issues"
FIRST_YEAR, LAST_YEAR = 1946, 2019
SESSION_ZERO = 1945  # year = SESSION_ZERO + session
VOTE_CODES = {"yes": 1, "abstain": 2, "no": 3}  # Voeten's codes: abstention between yes and no
# a state may vote in its first session under a roll call dated (as some are) to the session's
# opening, days before COW's list admits it: a code that names no state on the recorded day but
# one whose spell begins this many days later is read as that state
ADMISSION_SLACK = dt.timedelta(days=60)
ISSUE_ALIASES = {
    "middle east": "me",
    "palestine": "me",
    "palestinian conflict": "me",
    "nuclear": "nu",
    "nuclear weapons": "nu",
    "disarmament": "di",
    "arms control": "di",
    "human rights": "hr",
    "colonialism": "co",
    "development": "ec",
    "economic development": "ec",
}
METHOD = "2"  # bump when the mapping rules in this module change: the cached files are rebuilt


def year_of(session: int) -> int:
    return SESSION_ZERO + int(session)


def outside_note(year: int) -> str:
    """The note for a year the votes do not cover: its figures are NA, never 0."""
    return (
        f"UN votes cover {FIRST_YEAR}-{LAST_YEAR} (unvotes 2021); {year} is outside them, "
        "so its figures are NA (missing), not 0."
    )


def check_range(start: int | str | None, end: int | str | None) -> tuple[int, int]:
    """The years asked for (default: all the votes cover); backwards ranges and years after this
    one are refused, as every query refuses days that have not happened."""
    from multipolar.dates import parse_year

    first = parse_year(start, allow_future=False) if start is not None else None
    last = parse_year(end, allow_future=False) if end is not None else None
    # an open end runs to the votes' edge, or no further than the year given (2020 alone: 2020)
    first = first if first is not None else min(FIRST_YEAR, last if last is not None else FIRST_YEAR)
    last = last if last is not None else max(LAST_YEAR, first)
    if first > last:
        raise InputError(f"The range {first}-{last} runs backwards.", "Give --from before --to.")
    return first, last


def covered(first: int, last: int) -> tuple[list[int], list[str]]:
    """The years of first..last that have votes, and notes for those outside the coverage."""
    from multipolar.power.polarity import _span

    years = [y for y in range(first, last + 1) if FIRST_YEAR <= y <= LAST_YEAR]
    outside = [y for y in range(first, last + 1) if not FIRST_YEAR <= y <= LAST_YEAR]
    notes = []
    if outside:
        notes.append(
            f"UN votes cover {FIRST_YEAR}-{LAST_YEAR} (unvotes 2021); years asked outside them "
            f"({_span(pd.Series(outside))}) are NA (missing), not 0."
        )
    for y in (y for y in years if held(y) < THIN_YEAR):
        calls = "1 roll call" if held(y) == 1 else f"{held(y)} roll calls"
        session = y - SESSION_ZERO
        notes.append(f"{y} (session {session}) recorded only {calls}: its figures rest on so few votes.")
    return years, notes


THIN_YEAR = 10  # a year with fewer roll calls than this is said in a note (1964 held one)


def held(year: int) -> int:
    """How many roll calls the year (session) recorded."""
    return int(roll_calls_per_year().get(int(year), 0))


@functools.cache
def roll_calls_per_year() -> dict[int, int]:
    return {int(y): int(n) for y, n in roll_calls()["year"].value_counts().items()}


def issue_code(issue: str | None) -> str | None:
    """The data's short issue code (me, nu, di, hr, co, ec) for a code or a name, any case."""
    if issue is None:
        return None
    word = " ".join(str(issue).lower().split())
    names = issue_names()
    if word in names:
        return word
    by_name = {v.lower(): k for k, v in names.items()} | ISSUE_ALIASES
    if word in by_name:
        return by_name[word]
    choices = [*names, *names.values(), *ISSUE_ALIASES]
    raise unknown("UN vote issue", str(issue), choices, f"Use one of: {', '.join(names)} (or their names).")


@functools.cache
def issue_names() -> dict[str, str]:
    table = store.frame(ISSUE_SOURCE)
    pairs = table[["short_name", "issue"]].drop_duplicates()
    return {row.short_name: str(row.issue) for row in pairs.itertuples(index=False)}


@functools.cache
def issue_rcids(code: str) -> np.ndarray:
    table = store.frame(ISSUE_SOURCE, columns=["rcid", "short_name"])
    return np.unique(table.loc[table["short_name"] == code, "rcid"].to_numpy(dtype=np.int32))


@functools.cache
def roll_calls() -> pd.DataFrame:
    """rcid, session, year, date (datetime.date)."""
    table = store.frame(
        "un_roll_calls", columns=["rcid", "session", "date", "importantvote", "unres", "short"]
    )
    table["rcid"] = table["rcid"].astype(np.int32)
    table["year"] = (SESSION_ZERO + table["session"]).astype(np.int16)
    table["date"] = pd.to_datetime(table["date"]).dt.date
    return table


def derived(kind: str, build=None) -> Path:
    """A table derived from the votes, kept in the cache (``store.derived_parquet``): named after
    the sources' checksums, the seat rules, the mapping rules and the code that reads states, and
    built again when any changes or the file is damaged. ``build`` makes it (default: from the
    votes, as the seats and the votes read as states are made together)."""
    inputs = [dataset(name).sha256 for name in ("un_votes", "un_roll_calls")]
    inputs += [SEATS_FILE.read_bytes(), repr([held_seats(rule[2]) for rule in seat_rules()]), METHOD]
    return store.derived_parquet(kind, build or (lambda: _tables()[kind]), inputs)


@functools.cache
def votes() -> pd.DataFrame:
    """Every vote cast by a state: rcid, year, cow, vote (1 yes, 2 abstain, 3 no), sorted."""
    return pd.read_parquet(derived("un_votes_states"))


@functools.cache
def seats() -> pd.DataFrame:
    """How each country of the data was read, run by run of days: un_code, un_name, first,
    last (dates of its first and last vote read so), votes, cow (NA: left out), state, how."""
    return pd.read_parquet(derived("un_seats")).astype({"cow": "Int64"})


@functools.cache
def _tables() -> dict[str, pd.DataFrame]:
    """The votes read as states (un_votes_states) and how each seat was read (un_seats)."""
    raw = store.frame("un_votes")
    calls = roll_calls()[["rcid", "date", "year"]]
    raw = raw.assign(rcid=raw["rcid"].astype(np.int32)).merge(calls, on="rcid", how="left")
    raw["un_code"] = raw["country_code"].astype(object).where(raw["country_code"].notna(), None)
    keys = raw[["un_code", "country", "date"]].drop_duplicates()
    readings = [_read_seat(code, name, day) for code, name, day in keys.itertuples(index=False)]
    keys = keys.assign(
        cow=pd.array([r[0] for r in readings], dtype="Int64"),
        how=[r[1] for r in readings],
    )
    merged = raw.merge(keys, on=["un_code", "country", "date"], how="left")
    kept = merged[merged["cow"].notna()]
    kept = pd.DataFrame(
        {
            "rcid": kept["rcid"].to_numpy(np.int32),
            "year": kept["year"].to_numpy(np.int16),
            "cow": kept["cow"].to_numpy(np.int16),
            "vote": kept["vote"].astype(str).map(VOTE_CODES).to_numpy(np.int8),
        }
    )
    # one vote per state and roll call (two labels of one seat would otherwise count twice)
    kept = kept.drop_duplicates(["rcid", "cow"]).sort_values(["year", "rcid", "cow"], ignore_index=True)
    return {"un_votes_states": kept, "un_seats": _seat_spells(merged)}


def _seat_spells(merged: pd.DataFrame) -> pd.DataFrame:
    """Runs of days in which one country label was read the same way."""
    merged = merged.assign(cow_key=merged["cow"].fillna(-1), un_code_key=merged["un_code"].fillna(""))
    table = (
        merged.groupby(["un_code_key", "country", "cow_key", "how"], dropna=False)
        .agg(first=("date", "min"), last=("date", "max"), votes=("rcid", "size"))
        .reset_index()
        .sort_values(["country", "first"], ignore_index=True)
    )
    names = {}
    for cow, first in zip(table["cow_key"], table["first"], strict=True):
        if cow >= 0:
            record = identity.record_on("cow", int(cow), first)
            names[(cow, first)] = record["name"] if record else None
    return pd.DataFrame(
        {
            "un_code": table["un_code_key"].replace("", None),
            "un_name": table["country"],
            "first": table["first"],
            "last": table["last"],
            "votes": table["votes"].astype(int),
            "cow": pd.array([None if c < 0 else int(c) for c in table["cow_key"]], dtype="Int64"),
            "state": [names.get((c, f)) for c, f in zip(table["cow_key"], table["first"], strict=True)],
            "how": table["how"],
        }
    )


@functools.cache
def seat_rules() -> tuple[tuple, ...]:
    """The curated seat rules as (un_code, un_name, seats, reason) tuples: the label, the UN seats
    (registry iso3 codes, in order of holding) the data write with it, and why."""
    table = pd.read_csv(SEATS_FILE, dtype=str, keep_default_na=False)
    return tuple(
        (row.un_code or None, row.un_name or None, tuple(row.seats.split(";")), row.reason)
        for _, row in table.iterrows()
    )


@functools.cache
def held_seats(seats: tuple[str, ...]) -> tuple[tuple[str, int, dt.date, dt.date], ...]:
    """The registry's UN membership spells of ``seats`` as (iso3, cow, start, end), each holder's
    up to the first spell of the next (so that TW, China's seat while the Republic of China held
    it, never reads the People's Republic's later spell under the same iso3)."""
    spells = [r for r in registry.spell_records("UN") if r["status"] == "member"]
    out = []
    for holder, successor in zip(seats, (*seats[1:], None), strict=True):
        until = min((r["start"] for r in spells if r["iso3"] == successor), default=dt.date.max)
        out += [
            (holder, int(r["cow"]), r["start"], r["end"] or dt.date.max)
            for r in spells
            if r["iso3"] == holder and r["start"] < until
        ]
    return tuple(out)


def _read_seat(code: str | None, name: str, day: dt.date) -> tuple[int | None, str]:
    """The COW code of the state that cast a vote labelled (code, name) on ``day``, and how it
    was found; (None, why) when no state did. Answers are the same across a stretch of days in
    which no identity spell and no seat changes hands, so they are worked out once a stretch."""
    rule = next(
        (i for i, (c, n, _, _) in enumerate(seat_rules()) if (c == code if code else n == name)),
        None,
    )
    seat = None
    if rule is not None:  # a labelled seat outside its holders' spells is read by the resolver
        seats = seat_rules()[rule][2]
        seat = next((held for held in held_seats(seats) if held[2] <= day <= held[3]), None)
    stretches = (identity.unchanged_since(day), identity.unchanged_since(day + ADMISSION_SLACK))
    return _read_in_stretch(code, name, None if seat is None else (rule, seat), *stretches)


@functools.cache
def _read_in_stretch(code, name, held, day, later_day) -> tuple[int | None, str]:
    # day and later_day: the first days of the stretches of the vote's day and of 60 days later;
    # held: (rule, (iso3, cow, start, end)) when a seat rule names the seat's holder that day
    if held is not None:
        rule, (iso3, cow, start, end) = held
        reason = seat_rules()[rule][3]
        spell = f"{iso3}'s UN seat from {start.isoformat()} ({SEAT_DAYS_SOURCE})"
        if cow not in identity.by_code_on(day, "cow"):
            return None, f"not a state: {reason}; {spell}, COW {cow} not yet a state ({SEATS_SOURCE})"
        return cow, f"seat rule: {reason}; {spell} ({SEATS_SOURCE})"
    text = f"iso2:{code}" if code else name
    try:
        return identity.identify(text, day).cow, f"resolver: {text} on the vote's day"
    except CoverageError:
        pass
    except MultipolarError as error:
        return None, f"unread: {error.message}"
    try:
        later = identity.identify(text, later_day)
    except MultipolarError:
        return None, f"unread: {text} names no state on the vote's day"
    return later.cow, (
        f"resolver: {text}, admitted within {ADMISSION_SLACK.days} days after the roll call's recorded day"
    )


def unmapped_notes(first: int, last: int) -> list[str]:
    """One note per country label whose votes in first..last were left out, saying why."""
    table = seats()
    gone = table[table["cow"].isna()]
    out = []
    for row in gone.itertuples(index=False):
        lo, hi = max(first, row.first.year), min(last, row.last.year + 1)
        if lo > hi:
            continue
        label = f"{row.un_name} ({row.un_code})" if row.un_code else row.un_name
        why = row.how.removeprefix("not a state: ").removeprefix("unread: ")
        out.append(
            f"UN votes of {label} from {row.first.isoformat()} to {row.last.isoformat()} "
            f"({row.votes} votes) are left out: {why}."
        )
    return out


@functools.cache
def year_votes(year: int) -> pd.DataFrame | None:
    """The votes of one year (rcid, year, cow, vote), None if it has none. Read from the cached
    table with a filter on the year, so that one year (the brief's) costs a thirtieth of
    loading every vote."""
    import pyarrow.parquet as pq

    found = pq.read_table(derived("un_votes_states"), filters=[("year", "=", int(year))]).to_pandas()
    return found if len(found) else None


def state_label(cow: int, year: int) -> dict:
    """iso3 and name of COW state ``cow`` in ``year`` (its spell that year, else the nearest)."""
    record = identity.record_on("cow", int(cow), dt.date(int(year), 12, 31))
    if record is None:
        return {"iso3": None, "name": f"COW {cow}"}
    return {"iso3": record["iso3"], "name": record["name"]}


def country(text: str, day: dt.date) -> identity.Country:
    """A state the user named (ISO3 first for three letters, as blocs read them)."""
    from multipolar.power.blocs import country as read

    return read(text, day)


def latest_year_by(day: dt.date) -> int | None:
    """The latest year (session) with a vote on or before ``day``; None before the first."""
    calls = roll_calls()
    held = calls.loc[calls["date"] <= day, "year"]
    return int(held.max()) if len(held) else None


def codes_by_year(text: str, years) -> tuple[dict[int, int | None], list[str]]:
    """The COW code ``text`` names at the end of each year, and notes. Where the name or code
    names no state that year but the state it names in other years existed under the same COW
    code (RUS in 1960: the Soviet Union, COW 365), that code is used and said; where no state
    fits, the year's figures are NA, with a note."""
    text = text.strip()
    codes = {year: _code_at(text, year) for year in years}
    known = [c for c in codes.values() if c is not None]
    # the state the name means in the years asked, else today (or the resolver's error)
    fallback = known[-1] if known else country(text, dt.date.today()).cow
    borrowed, missing = [], []
    for year, code in codes.items():
        if code is None and identity.by_code_on(dt.date(year, 12, 31), "cow").get(fallback):
            codes[year] = fallback
            borrowed.append(year)
        elif code is None:
            missing.append(year)
    from multipolar.power.polarity import _span

    notes = []
    if borrowed:
        names = sorted({state_label(fallback, y)["name"] for y in borrowed})
        notes.append(
            f"{text} read as COW state {fallback} ({', '.join(names)}) in {_span(pd.Series(borrowed))}."
        )
    if missing:
        notes.append(f"{text} names no state in {_span(pd.Series(missing))}: NA there.")
    return codes, notes


@functools.lru_cache(maxsize=4096)
def _code_at(text: str, year: int, strict: bool = False) -> int | None:
    day = min(dt.date(year, 12, 31), dt.date.today())
    try:
        return country(text, day).cow
    except CoverageError:
        if strict:
            raise
        return None


@functools.cache
def middle_days() -> dict[int, dt.date]:
    """Each year's middle day of voting: the median date of its roll calls."""
    calls = roll_calls()
    out = {}
    for year, dates in calls.groupby("year")["date"]:
        ordered = sorted(dates)
        out[int(year)] = ordered[len(ordered) // 2]
    return out


def middle_day(year: int) -> dt.date:
    """The day members of a bloc are taken for ``year``: its middle day of voting, or (outside
    the votes) the 1st of December, when most sessions vote."""
    return middle_days().get(int(year), min(dt.date(int(year), 12, 1), dt.date.today()))
