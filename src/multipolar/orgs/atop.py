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
from functools import cache, lru_cache

from multipolar import lazy
from multipolar.data import store
from multipolar.dates import change_days, stretch_start
from multipolar.errors import CoverageError, InputError
from multipolar.orgs.registry import unbroken_since

np = lazy.load("numpy")
pd = lazy.load("pandas")

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


def require_begun(date: dt.date) -> None:
    """Refuse a day before ATOP's coverage (and so before the state system's 1816): a
    ``CoverageError`` naming the first day, never an empty table."""
    if date < FIRST_DAY:
        raise CoverageError(
            f"No alliance data for {date.isoformat()}: ATOP 5.1 covers {FIRST_DAY.isoformat()} to "
            f"{LAST_DAY.isoformat()}.",
            f"Give a date from {FIRST_DAY.isoformat()} on.",
        )


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
    start_day_known, end_day_known, the five obligations, conditional (list), asymm. Worked
    out once from ATOP, then kept in the cache."""
    return store.derived("atop_member_spells", _member_spells)


def _member_spells() -> pd.DataFrame:
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
    spells["since"] = unbroken_since(spells.to_dict("records"), ["atopid", "cow"])
    return spells


@cache
def alliance_dates() -> pd.DataFrame:
    """Alliance-level start and end (inclusive; None while in force at the end of coverage).
    Worked out once from ATOP, then kept in the cache (the brief asks on every run)."""
    return store.derived("atop_alliance_dates", _alliance_dates)


def _alliance_dates() -> pd.DataFrame:
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
    rows = in_force_records(date)
    if not rows:
        return member_spells().iloc[0:0]
    return pd.DataFrame(rows, columns=member_spells().columns)


def in_force_records(date: dt.date, among: set[int] | None = None) -> list[dict]:
    """``in_force`` as plain rows, sorted by atopid and cow; with ``among`` (COW codes), only the
    alliances with at least two of those states in force. Plain Python over day numbers, since
    readers of many articles ask this for many dates."""
    current = _in_force_index(date, among)
    records = _spell_arrays()[4]
    out: list[dict] = []
    for i in current:
        row = records[i]
        if out and (out[-1]["atopid"], out[-1]["cow"]) == (row["atopid"], row["cow"]):
            out[-1] = _parallel([out[-1], row])
        else:
            out.append(row)
    return out


def _in_force_index(date: dt.date, among: set[int] | None = None) -> np.ndarray:
    """Positions in ``member_spells`` of the spells in force on ``date``: each member's latest
    phase (parallel phases from the same day all kept, side by side); with ``among``, only the
    alliances with at least two of those states."""
    if coverage_note(date):
        return np.array([], dtype=int)
    starts, ends, atopids, cows, _, _ = _spell_arrays()
    day = date.toordinal()
    current = np.flatnonzero((starts <= day) & (ends >= day))
    if among is not None:
        current = _with_two_of(current, among)
    if not current.size:
        return current
    # spells are sorted by atopid, cow and start: a member's latest start ends its group
    atopid, cow, start = atopids[current], cows[current], starts[current]
    group_ends = np.append((atopid[1:] != atopid[:-1]) | (cow[1:] != cow[:-1]), True)
    group = np.concatenate(([0], np.cumsum(group_ends[:-1])))
    return current[start == start[group_ends][group]]


def _parallel(phases: list[dict]) -> dict:
    """Parallel phases of one member from the same day as one row, in phase order: each field
    from the last phase that has it, an obligation held in any of them."""
    phases = sorted(phases, key=lambda p: p["phase"])
    merged = {}
    for column in phases[0]:
        values = [p[column] for p in phases if p[column] is not None]
        merged[column] = values[-1] if values else None
    merged.update({o: any(p[o] for p in phases) for o in OBLIGATIONS})
    merged["conditional"] = [o for o in OBLIGATIONS if any(o in p["conditional"] for p in phases)]
    return merged


@cache
def _spell_arrays() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[dict], np.ndarray]:
    """``member_spells`` as day numbers of start and end (the end of coverage while in force),
    atopid and cow arrays, the rows as dicts, and a matrix of the obligations (columns as
    OBLIGATIONS) then of which are conditional (the same columns again)."""
    spells = member_spells()
    starts = np.array([d.toordinal() for d in spells["start"]])
    ends = np.array([(d or LAST_DAY).toordinal() for d in spells["end"]])
    conditional = [[o in c for o in OBLIGATIONS] for c in spells["conditional"]]
    pledges = np.hstack([spells[list(OBLIGATIONS)].to_numpy(dtype=bool), np.array(conditional, dtype=bool)])
    return (
        starts,
        ends,
        spells["atopid"].to_numpy(),
        spells["cow"].to_numpy(),
        spells.to_dict("records"),
        pledges,
    )


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


def _with_two_of(current: np.ndarray, among: set[int]) -> np.ndarray:
    """The positions in ``current`` (sorted by atopid, cow) of the alliances that hold at least
    two distinct states of ``among``."""
    _, _, atopids, cows, _, _ = _spell_arrays()
    if not current.size:
        return current
    codes = int(cows.max()) + 1
    wanted = np.zeros(codes, dtype=bool)
    wanted[[c for c in among if 0 <= c < codes]] = True
    atopid, cow = atopids[current], cows[current]
    first_of_alliance = np.append(True, atopid[1:] != atopid[:-1])
    repeat = np.append(False, (atopid[1:] == atopid[:-1]) & (cow[1:] == cow[:-1]))  # another phase
    firsts = np.flatnonzero(first_of_alliance)
    counts = np.add.reduceat((wanted[cow] & ~repeat).astype(int), firsts)
    keep = np.repeat(counts >= 2, np.diff(np.append(firsts, len(current))))
    return current[keep]


def alliance_summaries(date: dt.date, among: set[int] | None = None) -> list[dict]:
    """Per ATOP alliance in force on ``date`` (with ``among``, those holding at least two of
    these COW codes): atopid, members (sorted COW codes), each obligation held by any member,
    and the obligations some member holds only conditionally. Worked out over arrays, per
    alliance rather than per member, once per stretch of days in which ATOP changes nothing."""
    found = _summaries(unchanged_since(date), None if among is None else frozenset(among))
    return [{**s, "members": list(s["members"]), "conditional": list(s["conditional"])} for s in found]


def unchanged_since(date: dt.date) -> dt.date:
    """The first day of the stretch around ``date`` in which no ATOP member spell begins or ends
    (nor coverage): every day of it has the same alliances in force."""
    return stretch_start(_change_days(), date)


def unchanged_among_since(date: dt.date, among: frozenset[int]) -> dt.date:
    """As ``unchanged_since``, but only for the alliances that ever hold two of ``among`` (COW
    codes): ``alliance_summaries(date, among)`` is the same on every day of the stretch, which is
    far longer than one in which nothing in ATOP changes anywhere."""
    return stretch_start(_change_days_among(among), date)


@lru_cache(maxsize=4096)
def _change_days_among(among: frozenset[int]) -> list[dt.date]:
    spells = member_spells()
    inside = spells[spells["cow"].isin(among)]
    counts = inside.drop_duplicates(["atopid", "cow"])["atopid"].value_counts()
    return _spell_change_days(spells[spells["atopid"].isin(counts.index[counts >= 2])])


@cache
def _change_days() -> list[dt.date]:
    return _spell_change_days(member_spells())


def _spell_change_days(spells: pd.DataFrame) -> list[dt.date]:
    """The days on which ``spells`` begin or stop, and those on which ATOP's coverage does."""
    days = change_days(spells["start"], spells["end"])
    return sorted({*days, FIRST_DAY, LAST_DAY + dt.timedelta(days=1)})


@lru_cache(maxsize=4096)
def _summaries(date: dt.date, among: frozenset[int] | None) -> tuple[dict, ...]:
    current = _in_force_index(date, among)
    if not current.size:
        return ()
    _, _, atopids, cows, _, pledges = _spell_arrays()
    atopid = atopids[current]
    firsts = np.flatnonzero(np.append(True, atopid[1:] != atopid[:-1]))
    held = np.logical_or.reduceat(pledges[current], firsts, axis=0).tolist()
    codes = cows[current].tolist()
    bounds = [*firsts.tolist(), len(codes)]
    size = len(OBLIGATIONS)
    out = []
    for k, number in enumerate(atopid[firsts].tolist()):
        flags = held[k]
        summary = {"atopid": number, "members": list(dict.fromkeys(codes[bounds[k] : bounds[k + 1]]))}
        summary.update(zip(OBLIGATIONS, flags[:size], strict=True))
        summary["conditional"] = [o for o, flag in zip(OBLIGATIONS, flags[size:], strict=True) if flag]
        out.append(summary)
    return tuple(out)


def alliances_among(cows: list[int], date: dt.date | str) -> pd.DataFrame:
    """ATOP alliances in force on ``date`` with at least two of ``cows`` as members: atopid,
    members (every member's COW code), defense, offense, neutral, nonagg, consul. Empty outside
    ATOP's coverage; ``coverage_note(date)`` says why."""
    from multipolar.dates import parse_date

    rows = alliance_summaries(parse_date(date), {int(c) for c in cows})
    columns = ["atopid", "members", *OBLIGATIONS]
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    return pd.DataFrame(rows, columns=columns)
