"""ATOP 5.1 alliances as of a day: who is allied with whom, and what each member promised.

ATOP codes one row per member per alliance phase, with entry and exit dates and the member's
obligations. The date conventions (docs/alliances.md) turn those rows into day spells:

- entry and exit days are both in force (the exit date is the member's last day, as in the
  curated membership files); where a member's next phase begins on the day the previous one
  ends, that day belongs to the new phase;
- an unknown day (blank in ATOP) counts the whole month as in force, and answers for a day in
  that month say the day is uncertain;
- an exit year of 0 means in force when ATOP's coverage ends, 2018-12-31. Nothing is inferred
  after that day: later dates get no rows and a note.
"""

from __future__ import annotations

import calendar
import datetime as dt
from functools import cache

import pandas as pd

from multipolar.data import store
from multipolar.errors import InputError
from multipolar.orgs.registry import unbroken_since

FIRST_DAY = dt.date(1815, 1, 1)
LAST_DAY = dt.date(2018, 12, 31)
SOURCES = ["atop5_1m", "atop5_1a"]

OBLIGATIONS = {
    "defense": "active military support if an ally is attacked",
    "offense": "active military support in an offensive war",
    "neutral": "neutrality if an ally is in a war",
    "nonagg": "no military force against each other (non-aggression)",
    "consul": "consultation in a crisis",
}
# ATOP's flag for each obligation that is conditional (limited to some threats, places or
# adversaries); non-aggression has no such flag in ATOP.
CONDITIONAL = {"defense": "defcon", "offense": "offcon", "neutral": "neucon", "consul": "concon"}
SPELLINGS = {
    "defence": "defense",
    "offence": "offense",
    "neutrality": "neutral",
    "non-aggression": "nonagg",
    "nonaggression": "nonagg",
    "consultation": "consul",
}


def coverage_note(date: dt.date) -> str | None:
    """What to tell the reader when ``date`` lies outside ATOP's coverage, else None."""
    if date > LAST_DAY:
        return (
            f"ATOP 5.1 coverage ends {LAST_DAY.isoformat()}: alliances in force on {date.isoformat()} "
            f"are not known from ATOP (ask for {LAST_DAY.isoformat()} for the last coded day)."
        )
    if date < FIRST_DAY:
        return f"ATOP 5.1 coverage begins {FIRST_DAY.isoformat()}: no alliance data for {date.isoformat()}."
    return None


def obligation_name(word: str) -> str:
    """ATOP's name for an obligation, accepting common spellings ('defence', 'neutrality')."""
    key = SPELLINGS.get(word.strip().lower(), word.strip().lower())
    if key not in OBLIGATIONS:
        raise InputError(f"Unknown obligation {word!r}.", f"Use one of: {', '.join(OBLIGATIONS)}.")
    return key


def _day(year, month, day, blank_is_first: bool) -> tuple[dt.date | None, bool]:
    """An ATOP date and whether its day is known: year 0 means still in force (None); a blank day
    is the first (entry) or last (exit) day of the month."""
    if int(year) == 0:
        return None, True
    year, month = int(year), int(month)
    if pd.isna(day):
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, 1 if blank_is_first else last), False
    return dt.date(year, month, int(day)), True


@cache
def member_spells() -> pd.DataFrame:
    """Every ATOP member row as a day spell: atopid, cow, phase, start, end (inclusive; None while
    in force at the end of coverage), since (start of the member's unbroken membership),
    start_day_known, end_day_known, the five obligations, conditional (list), asymm."""
    dates = ["yrent", "moent", "dayent", "yrexit", "moexit", "dayexit"]
    flags = list(CONDITIONAL.values())
    raw = store.frame(
        "atop5_1m", columns=["atopid", "member", "phase", *dates, "asymm", *OBLIGATIONS, *flags]
    )
    rows = []
    for r in raw.itertuples(index=False):
        start, start_known = _day(r.yrent, r.moent, r.dayent, blank_is_first=True)
        end, end_known = _day(r.yrexit, r.moexit, r.dayexit, blank_is_first=False)
        row = {
            "atopid": int(r.atopid),
            "cow": int(r.member),
            "phase": int(r.phase),
            "start": start,
            "end": end,
            "start_day_known": start_known,
            "end_day_known": end_known,
            "asymm": bool(r.asymm),
        }
        row.update({name: bool(getattr(r, name)) for name in OBLIGATIONS})
        row["conditional"] = [name for name, flag in CONDITIONAL.items() if getattr(r, flag)]
        rows.append(row)
    spells = pd.DataFrame(rows).sort_values(["atopid", "cow", "start"], ignore_index=True)
    spells["since"] = unbroken_since(spells, ["atopid", "cow"])
    return spells


@cache
def alliance_dates() -> pd.DataFrame:
    """Alliance-level start and end (inclusive; None while in force at the end of coverage)."""
    raw = store.frame("atop5_1a", columns=["atopid", "begyr", "begmo", "begday", "endyr", "endmo", "endday"])
    return pd.DataFrame(
        {
            "atopid": raw["atopid"].astype(int),
            "start": [
                _day(*d, blank_is_first=True)[0]
                for d in raw[["begyr", "begmo", "begday"]].itertuples(index=False)
            ],
            "end": [
                _day(*d, blank_is_first=False)[0]
                for d in raw[["endyr", "endmo", "endday"]].itertuples(index=False)
            ],
        }
    )


def in_force(date: dt.date) -> pd.DataFrame:
    """The member spells in force on ``date``: one row per (atopid, cow); on a phase boundary the
    phase that begins that day. Where ATOP runs parallel phases from the same day (bilateral
    treaties with Czechoslovakia continued with both successors from 1993-01-01), the member holds
    the obligations of either. Empty outside ATOP's coverage (see ``coverage_note``)."""
    spells = member_spells()
    if coverage_note(date):
        return spells.iloc[0:0]
    ends = spells["end"].where(spells["end"].notna(), LAST_DAY)
    current = spells[(spells["start"] <= date) & (ends >= date)]
    # the latest start per (atopid, cow), by day numbers: pandas reduces Python dates row by row
    start_day = current["start"].map(dt.date.toordinal)
    latest = start_day.groupby([current["atopid"], current["cow"]]).transform("max")
    current = current[start_day == latest].sort_values(["atopid", "cow", "phase"])
    parallel = current.duplicated(["atopid", "cow"], keep=False)
    if parallel.any():
        merged = (
            current[parallel]
            .groupby(["atopid", "cow"], as_index=False)
            .agg(
                {
                    **{
                        c: "last"
                        for c in current.columns
                        if c not in (*OBLIGATIONS, "conditional", "atopid", "cow")
                    },
                    **{o: "any" for o in OBLIGATIONS},
                    "conditional": lambda lists: [o for o in OBLIGATIONS if any(o in c for c in lists)],
                }
            )
        )
        current = pd.concat([current[~parallel], merged[current.columns]]).sort_values(["atopid", "cow"])
    return current.reset_index(drop=True)


def uncertain_day_notes(
    spells: pd.DataFrame, date: dt.date, names: dict[int, str] | None = None
) -> list[str]:
    """One note per alliance whose entry or exit month, among ``spells``, contains ``date`` while
    ATOP leaves the day blank; members are shown by ``names`` (COW code -> name) if given."""
    found: dict[tuple[int, str, str], list[str]] = {}
    for r in spells.itertuples(index=False):
        who = (names or {}).get(r.cow, f"COW {r.cow}")
        for event, day, known in (
            ("entry into", r.start, r.start_day_known),
            ("exit from", r.end, r.end_day_known),
        ):
            if not known and (day.year, day.month) == (date.year, date.month):
                found.setdefault((r.atopid, event, f"{day:%Y-%m}"), []).append(who)
    return [
        f"ATOP gives only the month ({month}) of the {event} alliance {atopid} of {', '.join(who)}; "
        "the whole month is counted as in force."
        for (atopid, event, month), who in found.items()
    ]


def obligations_by_alliance(current: pd.DataFrame) -> pd.DataFrame:
    """Per alliance in ``current`` (rows of ``in_force``): members (sorted COW codes), each
    obligation held by any member, and the obligations some member holds only conditionally."""
    grouped = current.groupby("atopid", sort=True)
    out = grouped[list(OBLIGATIONS)].any()
    out.insert(0, "members", grouped["cow"].apply(lambda s: sorted(int(c) for c in s)))
    out["conditional"] = grouped["conditional"].apply(
        lambda lists: [name for name in OBLIGATIONS if any(name in c for c in lists)]
    )
    return out.reset_index()


def alliances_among(cows: list[int], date: dt.date | str) -> pd.DataFrame:
    """ATOP alliances in force on ``date`` with at least two of ``cows`` as members: atopid,
    members (every member's COW code), defense, offense, neutral, nonagg, consul. Empty outside
    ATOP's coverage; ``coverage_note(date)`` says why."""
    from multipolar.dates import parse_date

    day = parse_date(date)
    current = in_force(day)
    wanted = {int(c) for c in cows}
    hits = current[current["cow"].isin(wanted)].groupby("atopid")["cow"].nunique()
    shared = current[current["atopid"].isin(hits[hits >= 2].index)]
    columns = ["atopid", "members", *OBLIGATIONS]
    if shared.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    return obligations_by_alliance(shared)[columns]
