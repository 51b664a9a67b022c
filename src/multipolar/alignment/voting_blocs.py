"""Do declared blocs vote together? Mean pairwise UN agreement inside a bloc, beside the whole
assembly's, and between blocs.

A bloc is what ``multipolar compare`` reads (an organisation as constituted on a day, ``atop:ID``,
``NAME=ISO3,...``, a state), or an organisation with the states of another status added:
``SCO+observers`` is the SCO's members and observers on the day. Its cohesion in a year is the mean,
over every pair of its members that shared a roll call, of the pair's agreement (each pair counts
once, whatever its number of votes); the assembly's is the same mean over every pair of voting
states. Between two blocs it is the mean over pairs with one state in each (a state in both is
left out of that comparison).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

import numpy as np
import pandas as pd

from multipolar import progress
from multipolar.alignment import dyads
from multipolar.alignment import votes as un
from multipolar.answer import Answer
from multipolar.dates import parse_date
from multipolar.errors import CoverageError, InputError

# the blocs the seed article weighs: the SCO, the SCO with its observers, BRIC, CSTO, NATO, EU
SEED_BLOCS = ("SCO", "SCO+observers", "BRIC=BRA,RUS,IND,CHN", "CSTO", "NATO", "EU")
STATUS_WORDS = {
    "observers": "observer",
    "observer": "observer",
    "partners": "dialogue_partner",
    "dialogue_partners": "dialogue_partner",
    "candidates": "candidate",
}


@functools.lru_cache(maxsize=256)
def year_matrices(year: int, issue: str | None = None) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The states voting in ``year`` (COW codes) and their pairwise agree, s_score, agree_half
    and n_votes matrices (NaN where a pair shared no vote)."""
    from threadpoolctl import threadpool_limits

    part = un.year_votes(year)
    if part is not None and issue is not None:
        part = part[part["rcid"].isin(un.issue_rcids(issue))]
    if part is None or part.empty:
        return np.array([], dtype=int), {}
    with threadpool_limits(limits=1, user_api="blas"):
        states, shared, same, distance = dyads.year_counts(part)
    with np.errstate(invalid="ignore", divide="ignore"):
        n = np.where(shared > 0, shared, np.nan)
        s = 1 - distance / n
        matrices = {"agree": same / n, "s_score": s, "agree_half": (s + 1) / 2, "n_votes": shared}
    return states, matrices


def mean_within(states: np.ndarray, matrix: np.ndarray, members: Iterable[int]) -> tuple[float, int]:
    """The mean over pairs of ``members`` (those voting) of ``matrix``, and the number of pairs."""
    at = np.flatnonzero(np.isin(states, list(members)))
    if len(at) < 2:
        return float("nan"), 0
    i, j = np.triu_indices(len(at), k=1)
    values = matrix[at[i], at[j]]
    values = values[~np.isnan(values)]
    return (float(values.mean()) if len(values) else float("nan")), len(values)


def mean_between(states: np.ndarray, matrix: np.ndarray, one: Iterable[int], other: Iterable[int]) -> float:
    """The mean of ``matrix`` over pairs with one state in each group (states in both left out)."""
    first, second = set(one), set(other)
    both = first & second
    a = np.flatnonzero(np.isin(states, list(first - both)))
    b = np.flatnonzero(np.isin(states, list(second - both)))
    if not len(a) or not len(b):
        return float("nan")
    values = matrix[np.ix_(a, b)].ravel()
    values = values[~np.isnan(values)]
    return float(values.mean()) if len(values) else float("nan")


def read_bloc(spec: str, day: dt.date):
    """A bloc as ``compare`` reads it, or ``ORG+observers`` (members and observers that day)."""
    from multipolar.power import blocs

    head, plus, tail = spec.partition("+")
    status = STATUS_WORDS.get(tail.strip().lower()) if plus else None
    if status is None:
        return blocs.bloc(spec, day)
    members = blocs.org_bloc(head.strip(), day)
    more = blocs.org_bloc(head.strip(), day, status=status)
    roster = dict(zip(members.iso3, members.cow, strict=True)) | dict(zip(more.iso3, more.cow, strict=True))
    return members.changed(f"{members.name}+{tail.strip().lower()}", roster, roster.values(), f"with {tail}")


def cohesion(
    blocs: Iterable[str] | str = SEED_BLOCS,
    year: int | str | None = None,
    date: str | dt.date | None = None,
    start: int | str | None = None,
    end: int | str | None = None,
    issue: str | None = None,
) -> Answer:
    """How often each bloc's members vote together in the UN General Assembly (mean pairwise
    agreement and S score) beside the whole assembly's mean, and how far each bloc is from the
    others. ``year`` (a session's year) or ``start``..``end`` choose the votes; members are
    taken as constituted on ``date`` if given, else on each year's middle day of voting. With
    ``date`` alone, the votes are the latest year with a vote on or before it (said in a note).
    Years outside 1946-2019 are NA with a note."""
    specs = [blocs] if isinstance(blocs, str) else list(blocs)
    if not specs:
        raise InputError(
            "No blocs given.", "Name at least one, e.g. NATO SCO+observers BRIC=BRA,RUS,IND,CHN."
        )
    code = un.issue_code(issue)
    day = parse_date(date, allow_future=False) if date is not None else None
    notes: list[str] = []
    if year is not None and (start is not None or end is not None):
        raise InputError("Give a year or a range, not both.", "Use --year Y, or --from Y1 --to Y2.")
    if year is None and start is None and end is None:
        if day is not None:
            found = un.latest_year_by(day)
            if found is None:
                raise CoverageError(
                    f"The UN General Assembly's recorded votes begin in {un.FIRST_YEAR}; none was held by "
                    f"{day.isoformat()}.",
                    f"Give a date in {un.FIRST_YEAR} or later.",
                )
            year = found
            notes.append(
                f"UN votes: year {found} (session {found - un.SESSION_ZERO}), the latest with a vote on or "
                f"before {day.isoformat()}."
            )
        else:
            year = un.LAST_YEAR
    first, last = un.check_range(year, year) if year is not None else un.check_range(start, end)
    years, said = un.covered(first, last)
    notes += said
    rows, between, sources, absent = [], [], list(un.SOURCES), []
    with progress.bar("bloc cohesion", total=last - first + 1) as shown:
        for y in range(first, last + 1):
            found, far, more, used, missing = _year(specs, y, day, code)
            rows += found
            between += far
            notes += [n for n in more if n not in notes]
            absent += missing
            sources += used
            shown.advance()
    from multipolar.power.blocs import fold_years

    notes += fold_years(absent)  # 'NATO 1955-1972: no UN votes from DEU ...', said once
    if len(years) > 0:
        notes += un.unmapped_notes(first, last)
    if day is None:
        notes.append("Members as constituted on each year's middle day of UN voting (members_on).")
    notes.append(MEANING)
    params = {"blocs": specs, "from": first, "to": last, "date": day, "issue": code}
    table = pd.DataFrame(rows)
    return Answer(
        "cohesion", params, table, "cohesion", notes, list(dict.fromkeys(sources)), {"between": between}
    )


MEANING = (
    "agree and s_score: mean over the bloc's pairs of members of their share of identical votes and of "
    "their S score (abstention half-way); assembly_*: the same over every pair of voting states; "
    "difference: the bloc's agree less the assembly's. Between blocs: the mean over pairs across them."
)


def _year(specs, year, day, issue):
    """Rows for one year: each bloc's cohesion; the distances between blocs; notes; sources; and
    notes naming members that cast no vote that year (folded across years by the caller)."""
    members_on = day or un.middle_day(year)
    states, m = year_matrices(year, issue) if un.FIRST_YEAR <= year <= un.LAST_YEAR else ([], {})
    assembly = {k: mean_within(states, m[k], states)[0] if m else float("nan") for k in ("agree", "s_score")}
    rows, notes, sources, found, absent = [], [], [], {}, []
    for spec in specs:
        bloc = read_bloc(spec, members_on)
        cows = [c for c in bloc.cow if c is not None]
        found[bloc.name] = cows
        notes += list(bloc.notes)
        sources += list(bloc.sources)
        if len(cows) == 1:
            notes.append(f"{bloc.name} has one member: cohesion needs a pair, so it is NA.")
        agree, pairs = mean_within(states, m["agree"], cows) if m else (float("nan"), 0)
        s_score = mean_within(states, m["s_score"], cows)[0] if m else float("nan")
        voting = int(np.isin(states, cows).sum()) if m else 0
        rows.append(
            {
                "year": year,
                "bloc": bloc.name,
                "members_on": members_on,
                "members_n": len(bloc.iso3),
                "voting_n": voting,
                "pairs": pairs,
                "agree": agree,
                "s_score": s_score,
                "assembly_agree": assembly["agree"],
                "assembly_s_score": assembly["s_score"],
                "difference": agree - assembly["agree"],
                "members": list(bloc.iso3),
            }
        )
        if m and voting < len(cows):
            silent = [iso for iso, c in zip(bloc.iso3, bloc.cow, strict=True) if c not in set(states)]
            absent.append(f"{bloc.name} {year}: no UN votes from {', '.join(silent)}; left out of its mean.")
    far = []
    names = list(found)
    for i, one in enumerate(names):
        for other in names[i + 1 :]:
            far.append(
                {
                    "year": year,
                    "bloc": one,
                    "other": other,
                    "agree": mean_between(states, m["agree"], found[one], found[other]) if m else None,
                    "s_score": mean_between(states, m["s_score"], found[one], found[other]) if m else None,
                }
            )
    return rows, far, notes, sources, absent
