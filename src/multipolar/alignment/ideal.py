"""Ideal points: each state's position in a year's UN votes, on one or two dimensions.

Method: principal coordinates (classical multidimensional scaling) of the year's vote
distances. The distance between two states is the mean of |x - y| over the roll calls both voted
in, votes on one line (yes 1, abstain 0.5, no 0): 1 - agree_half, the same distance the S score
rests on. Squared distances are double-centred and the leading eigenvectors, scaled by the root
of their eigenvalues, are the coordinates: the positions whose Euclidean distances best
reproduce the vote distances. Each dimension is turned so that the United States is positive
(on the first, the side of the US-led order is positive, as in Bailey, Strezhnev and Voeten's
ideal points); in a year without the United States, so that the state with the most votes is.

States with fewer than ``MIN_VOTES`` votes in the year are left out (named in a note); a pair of
remaining states that shared no roll call gets the mean distance. ``explained`` is the share of
the positive eigenvalues the dimensions hold, and ``fit`` the correlation between the points'
distances and the vote distances over all pairs: how well one (or two) numbers per state stand
for the agreement scores.

These are not Bailey, Strezhnev and Voeten's dynamic IRT estimates: each year is scaled on its
own, so positions compare within a year, not across years.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from multipolar.alignment import votes as un
from multipolar.alignment.voting_blocs import year_matrices
from multipolar.answer import Answer
from multipolar.errors import InputError

MIN_VOTES = 10
US = 2  # COW code of the United States: its side is positive


def scale(states: np.ndarray, distance: np.ndarray, counts: np.ndarray, dims: int) -> dict:
    """Principal coordinates of ``distance`` (NaN: no shared vote) for the states with enough
    votes (``counts``: each state's own votes); turned so that the US (or the most active) is
    positive. Returns the kept states, coordinates, explained share and fit."""
    keep = counts >= MIN_VOTES
    kept, d = states[keep], distance[np.ix_(keep, keep)].copy()
    n = len(kept)
    if n < dims + 2:
        return {"states": kept, "points": np.full((n, dims), np.nan), "explained": None, "fit": None}
    off = ~np.eye(n, dtype=bool)
    d[np.isnan(d)] = np.nanmean(d[off])
    np.fill_diagonal(d, 0.0)
    centre = np.eye(n) - 1.0 / n
    b = -0.5 * centre @ (d**2) @ centre
    values, vectors = np.linalg.eigh(b)
    order = np.argsort(values)[::-1][:dims]
    top = np.clip(values[order], 0, None)
    points = vectors[:, order] * np.sqrt(top)
    anchor = int(np.flatnonzero(kept == US)[0]) if US in kept else int(np.argmax(counts[keep]))
    points *= np.where(points[anchor] < 0, -1.0, 1.0)
    positive = values[values > 0].sum()
    i, j = np.triu_indices(n, k=1)
    between = np.sqrt(((points[i] - points[j]) ** 2).sum(axis=1))
    fit = float(np.corrcoef(between, d[i, j])[0, 1]) if n > 2 else None
    return {"states": kept, "points": points, "explained": float(top.sum() / positive), "fit": fit}


def ideal_points(
    year: int | str | None = None,
    start: int | str | None = None,
    end: int | str | None = None,
    dims: int = 1,
    issue: str | None = None,
) -> Answer:
    """Each state's ideal point in the UN votes of a year (or each year of a range), on one or
    two dimensions, the United States' side positive; with the share of the distances explained
    and the fit to the agreement scores. Years outside 1946-2019 are NA with a note."""
    if dims not in (1, 2):
        raise InputError(f"Cannot scale on {dims} dimensions.", "Use dims 1 or 2.")
    if year is not None and (start is not None or end is not None):
        raise InputError("Give a year or a range, not both.", "Use --year Y, or --from Y1 --to Y2.")
    code = un.issue_code(issue)
    if year is None and start is None and end is None:
        year = un.LAST_YEAR
    first, last = un.check_range(year, year) if year is not None else un.check_range(start, end)
    years, notes = un.covered(first, last)
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):  # small matrices: threads only contend
        rows, fits, thin = _scale_years(years, code, dims)
    notes += _thin_notes(thin)
    notes.append(
        "Ideal points: principal coordinates of the year's vote distances (1 - agree_half), the United "
        "States' side positive; positions compare within a year, not across years. fit: correlation of "
        "the points' distances with the vote distances."
    )
    columns = ["year", "iso3", "name", "cow", *[f"dim{k + 1}" for k in range(dims)], "n_votes"]
    table = pd.DataFrame(rows, columns=columns).sort_values(["year", "dim1"], ascending=[True, False])
    params = {"from": first, "to": last, "dims": dims, "issue": code}
    sources = [*un.SOURCES, *([un.ISSUE_SOURCE] if code else [])]
    return Answer(
        "ideal_points", params, table.reset_index(drop=True), "points", notes, sources, {"years": fits}
    )


def _thin_notes(thin: list[tuple[int, int]]) -> list[str]:
    """One note a year naming the states left out for too few votes (a year that recorded too
    few roll calls for anyone is said as such)."""
    by_year: dict[int, list[str]] = {}
    for y, cow in thin:
        by_year.setdefault(y, []).append(un.state_label(cow, y)["iso3"] or f"cow:{cow}")
    notes = []
    for y, names in by_year.items():
        if un.held(y) < MIN_VOTES:
            notes.append(f"No ideal points in {y}: a state needs {MIN_VOTES} votes to be placed.")
        else:
            notes.append(f"Left out in {y} for fewer than {MIN_VOTES} votes: {', '.join(sorted(names))}.")
    return notes


def _scale_years(years: list[int], code: str | None, dims: int) -> tuple[list, list, list]:
    rows, fits, thin = [], [], []
    for y in years:
        states, m = year_matrices(y, code)
        if not m:
            fits.append({"year": y, "states": 0, "explained": None, "fit": None})
            continue
        counts = _own_votes(y, code, states)
        found = scale(states, 1 - m["agree_half"], counts, dims)
        thin += [(y, int(c)) for c in states[counts < MIN_VOTES]]
        for cow, point in zip(found["states"], found["points"], strict=True):
            label = un.state_label(int(cow), y)
            row = {"year": y, "iso3": label["iso3"] or f"cow:{cow}", "name": label["name"], "cow": int(cow)}
            row |= {f"dim{k + 1}": float(point[k]) for k in range(dims)}
            row["n_votes"] = int(counts[states == cow][0])
            rows.append(row)
        fits.append(
            {"year": y, "states": len(found["states"]), "explained": found["explained"], "fit": found["fit"]}
        )
    return rows, fits, thin


def _own_votes(year: int, issue: str | None, states: np.ndarray) -> np.ndarray:
    part = un.year_votes(year)
    if issue is not None:
        part = part[part["rcid"].isin(un.issue_rcids(issue))]
    counts = part["cow"].value_counts()
    return np.array([int(counts.get(c, 0)) for c in states])
