"""How often two states vote alike in the UN General Assembly, for every pair and year.

For each pair of states and each year (a session: year = 1945 + session) over the roll calls
both voted in (yes, no or abstain; absences are not votes):

- ``n_votes``: how many roll calls both voted in, the number behind every figure;
- ``agree``: the share of identical votes (yes-yes, no-no, abstain-abstain);
- ``s_score``: Signorino and Ritter's S with votes on one line, abstention half-way between
  yes and no (yes 1, abstain 0.5, no 0): S = 1 - 2 * mean |x - y|, from -1 to 1;
- ``agree_half``: (S + 1) / 2, the same with identical votes 1, yes or no against abstain 0.5,
  yes against no 0: Voeten's agreement index (3-category votes, abstention half-disagreement).

All three are sums over votes, so each pair-year is stored as counts (n, identical, distance)
and any window of years pools by adding them. Every pair's counts for a year come from three
one-hot matrices of the year's votes (states x roll calls): identical = YY' + AA' + NN',
distance = YA' + AY' + AN' + NA' + 2 (YN' + NY'), n = PP' with P = Y + A + N. The table for all
pairs and years is computed once (about a second) and kept in the cache; an issue's table is
computed when asked (its votes are fewer).
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from multipolar.alignment import votes as un
from multipolar.answer import Answer
from multipolar.errors import InputError

COUNTS = ["n_votes", "same", "distance"]


def year_counts(part: pd.DataFrame) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For one year's votes (rcid, cow, vote): the states (COW codes, sorted) and the matrices
    of shared votes, identical votes and summed distance (yes 0, abstain 1, no 2) per pair."""
    states, row = np.unique(part["cow"].to_numpy(), return_inverse=True)
    _, column = np.unique(part["rcid"].to_numpy(), return_inverse=True)
    shape = (len(states), int(column.max()) + 1 if len(column) else 0)
    onehot = []
    for code in (1, 2, 3):
        matrix = np.zeros(shape, dtype=np.float32)
        chosen = part["vote"].to_numpy() == code
        matrix[row[chosen], column[chosen]] = 1.0
        onehot.append(matrix)
    yes, abstain, no = onehot
    present = yes + abstain + no
    shared = present @ present.T
    same = yes @ yes.T + abstain @ abstain.T + no @ no.T
    near = yes @ abstain.T + abstain @ no.T  # one step apart, one way round
    far = yes @ no.T  # two steps apart
    distance = near + near.T + 2 * (far + far.T)
    return states, shared, same, distance


def pair_table(table: pd.DataFrame) -> pd.DataFrame:
    """Counts for every pair (cow1 < cow2) and year with a shared vote: year, cow1, cow2,
    n_votes, same, distance."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):  # small products: threads only contend
        return _pair_table(table)


def _pair_table(table: pd.DataFrame) -> pd.DataFrame:
    frames = []
    for year, part in table.groupby("year", sort=True):
        states, shared, same, distance = year_counts(part)
        upper_i, upper_j = np.triu_indices(len(states), k=1)
        keep = shared[upper_i, upper_j] > 0
        i, j = upper_i[keep], upper_j[keep]
        frames.append(
            pd.DataFrame(
                {
                    "year": np.full(len(i), year, dtype=np.int16),
                    "cow1": states[i].astype(np.int16),
                    "cow2": states[j].astype(np.int16),
                    "n_votes": shared[i, j].astype(np.int32),
                    "same": same[i, j].astype(np.int32),
                    "distance": distance[i, j].astype(np.int32),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


@functools.cache
def all_pairs(issue: str | None = None) -> pd.DataFrame:
    """Counts for every pair and year (an issue's roll calls only, if given). The full table is
    read from the cache after its first computation."""
    if issue is not None:
        table = un.votes()
        return pair_table(table[table["rcid"].isin(un.issue_rcids(issue))])
    return pd.read_parquet(un.derived("un_agreement", lambda: pair_table(un.votes())))


def scores(counts: pd.DataFrame) -> pd.DataFrame:
    """agree, s_score and agree_half from summed counts (NA where no vote is shared)."""
    n = counts["n_votes"].astype(float).where(counts["n_votes"] > 0)
    return counts.assign(
        agree=counts["same"] / n,
        s_score=1 - counts["distance"] / n,
        agree_half=1 - counts["distance"] / (2 * n),
    )


@functools.cache
def _pair_index(issue: str | None) -> tuple[np.ndarray, pd.DataFrame]:
    """``all_pairs`` sorted by pair and year, with each row's pair key, for binary search."""
    table = all_pairs(issue).sort_values(["cow1", "cow2", "year"], ignore_index=True)
    keys = table["cow1"].to_numpy(np.int64) * 10_000 + table["cow2"].to_numpy(np.int64)
    return keys, table


def pair_years(cow_a: int, cow_b: int, issue: str | None = None) -> pd.DataFrame:
    """Every year's counts of one pair of COW states (either order), found by binary search."""
    keys, table = _pair_index(issue)
    low, high = sorted((int(cow_a), int(cow_b)))
    key = low * 10_000 + high
    return table.iloc[np.searchsorted(keys, key, "left") : np.searchsorted(keys, key, "right")]


def partner_rows(pairs: pd.DataFrame, cow: int) -> pd.DataFrame:
    """Every pair-year of ``cow`` as year, partner and counts."""
    one = pairs[pairs["cow1"] == cow].rename(columns={"cow2": "partner"}).drop(columns="cow1")
    two = pairs[pairs["cow2"] == cow].rename(columns={"cow1": "partner"}).drop(columns="cow2")
    return pd.concat([one, two], ignore_index=True)


def pooled(counts: pd.DataFrame) -> dict:
    """The window's figures: counts summed over its years, then scored."""
    total = counts[COUNTS].sum()
    frame = scores(pd.DataFrame([total.to_dict()]))
    return {k: frame.iloc[0][k] for k in ["n_votes", "agree", "s_score", "agree_half"]} | {
        "n_votes": int(total["n_votes"])
    }


def agreement(
    a: str,
    b: str | None = None,
    start: int | str | None = None,
    end: int | str | None = None,
    issue: str | None = None,
) -> Answer:
    """How often two states voted alike in the UN General Assembly, year by year (a year is a
    session: 2008 is the 63rd), with the window pooled; with one state, every partner ranked
    over the window (default: the last year with votes). ``issue`` keeps one issue's roll calls
    (me, nu, di, hr, co, ec, or names such as 'human rights'). Years outside the votes'
    coverage (1946-2019) are NA with a note, never 0."""
    code = un.issue_code(issue)
    if b is None and start is None and end is None:
        start = end = un.LAST_YEAR
    first, last = un.check_range(start, end)
    years, notes = un.covered(first, last)
    pairs = all_pairs(code)
    params = {"a": a, "b": b, "from": first, "to": last, "issue": code}
    sources = [*un.SOURCES, *([un.ISSUE_SOURCE] if code else []), *identity_sources()]
    if b is None:
        rows, said = _partners(a, years, pairs)
        notes += said
        answer_rows, key, extra = rows, "partners", {}
    else:
        rows, said = _dyad_years(a, b, first, last, code)
        notes += said
        empty = rows.loc[rows["n_votes"] == 0, "year"]
        if len(empty):
            from multipolar.power.polarity import _span

            notes.append(
                f"No roll call both voted in during {_span(empty)} (one not a member, or absent): NA there."
            )
        window = pooled(rows[rows["n_votes"].notna()].astype({c: int for c in COUNTS}))
        answer_rows, key, extra = rows.drop(columns=["same", "distance"]), "years", {"window": window}
    if b is None:  # the ranking counts every state: say whose votes could not be counted
        notes += un.unmapped_notes(first, last)
    notes.append(MEANING)
    return Answer("agreement", params, answer_rows, key, notes, list(dict.fromkeys(sources)), extra)


MEANING = (
    "agree: share of identical votes; s_score: Signorino-Ritter S, abstention half-way between "
    "yes and no (-1 to 1); agree_half: (S+1)/2, Voeten's agreement index; n_votes: roll calls both "
    "voted in (absences are no votes). A year is a session (year = 1945 + session)."
)


def identity_sources() -> list[str]:
    from multipolar.states.identity import SOURCES

    return list(SOURCES)


def _dyad_years(a: str, b: str, first: int, last: int, issue: str | None) -> tuple[pd.DataFrame, list]:
    codes_a, notes = un.codes_by_year(a, range(first, last + 1))
    codes_b, more = un.codes_by_year(b, range(first, last + 1))
    same = [y for y, c in codes_a.items() if c is not None and c == codes_b.get(y)]
    if same:
        name = un.state_label(codes_a[same[0]], same[0])["name"]
        raise InputError(
            f"{a} and {b} name the same state ({name}) in {same[0]}.",
            f"Give two different states, or one alone to rank all its partners: multipolar agreement {a}.",
        )

    @functools.cache
    def years_of(cow_a: int, cow_b: int) -> dict[int, dict]:
        found = pair_years(cow_a, cow_b, issue)
        return {int(r["year"]): {c: int(r[c]) for c in COUNTS} for r in found.to_dict("records")}

    rows = []
    for year in range(first, last + 1):
        cow_a, cow_b = codes_a.get(year), codes_b.get(year)
        row = {
            "year": year,
            "session": year - un.SESSION_ZERO if un.FIRST_YEAR <= year <= un.LAST_YEAR else None,
        }
        row |= {"a": _iso(cow_a, year), "b": _iso(cow_b, year)}
        counts = {"n_votes": None, "same": None, "distance": None}
        if cow_a is not None and cow_b is not None and un.FIRST_YEAR <= year <= un.LAST_YEAR:
            found = years_of(cow_a, cow_b).get(year)
            counts = found if found is not None else {"n_votes": 0, "same": 0, "distance": 0}
        rows.append(row | counts)
    table = scores(pd.DataFrame(rows).astype({"n_votes": "Int64", "same": "Int64", "distance": "Int64"}))
    table = table.astype({"agree": float, "s_score": float, "agree_half": float})
    return table, notes + more


def _partners(a: str, years: list[int], pairs: pd.DataFrame) -> tuple[pd.DataFrame, list]:
    codes, notes = un.codes_by_year(a, years)
    frames = []
    for year in years:
        if codes.get(year) is None:
            continue
        part = partner_rows(pairs[pairs["year"] == year], codes[year])
        frames.append(part)
    columns = ["rank", "iso3", "name", "n_votes", "agree", "s_score", "agree_half"]
    if not frames:
        return pd.DataFrame(columns=columns), notes
    found = pd.concat(frames).groupby("partner")[COUNTS].sum().reset_index()
    found = scores(found).sort_values(["agree_half", "n_votes"], ascending=False, ignore_index=True)
    last = max(years)
    labels = [un.state_label(c, last) for c in found["partner"]]
    found["iso3"] = [lab["iso3"] or f"cow:{c}" for lab, c in zip(labels, found["partner"], strict=True)]
    found["name"] = [lab["name"] for lab in labels]
    found["rank"] = range(1, len(found) + 1)
    return found[columns], notes


def _iso(cow: int | None, year: int) -> str | None:
    if cow is None:
        return None
    return un.state_label(cow, year)["iso3"] or f"cow:{cow}"


def alignment(
    state: str,
    with_: str | list[str] = ("USA", "RUS", "CHN"),
    start: int | str | None = None,
    end: int | str | None = None,
    issue: str | None = None,
) -> Answer:
    """A state's agreement with each named state, year by year (long form: year, partner,
    n_votes, agree, s_score, agree_half). Default partners: the United States, Russia and China."""
    partners = [p.strip() for p in with_.split(",")] if isinstance(with_, str) else list(with_)
    partners = [p for p in partners if p]
    if not partners:
        raise InputError("No states to align with.", "Give --with A,B,C, e.g. --with USA,RUS,CHN.")
    frames, notes, sources, windows = [], [], [], {}
    for partner in partners:
        answer = agreement(state, partner, start, end, issue)
        rows = answer.rows.assign(partner=partner)
        frames.append(rows)
        notes += [n for n in answer.notes if n not in notes]
        sources += answer.sources
        windows[partner] = answer.extra["window"]
    table = pd.concat(frames, ignore_index=True)
    table = table[["year", "session", "a", "partner", "b", "n_votes", "agree", "s_score", "agree_half"]]
    table = table.rename(columns={"a": "state", "b": "partner_iso3"})
    params = {"state": state, "with": partners} | {k: answer.params[k] for k in ("from", "to", "issue")}
    return Answer(
        "alignment", params, table, "years", notes, list(dict.fromkeys(sources)), {"window": windows}
    )
