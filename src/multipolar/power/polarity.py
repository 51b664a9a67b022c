"""Polarity: how concentrated power is among the major powers (or the top N) in a year.

Shares are taken within the group (they sum to 1). The indices:

- CON, Ray and Singer's concentration: sqrt((Σs² − 1/N) / (1 − 1/N)); 0 when all N are equal, 1
  when one holds everything (NA for N = 1);
- ENP, the effective number of poles: 1 / Σs²;
- HHI: Σs² (0-1 scale);
- the leader's share and lead ratio (leader / second);
- poles: the leader and every member holding more than ``pole_ratio`` (default a third) of the
  leader's share — a rule relative to the leader, so it reads the same among seven major powers
  or ~190 states;
- verdict: unipolar with one pole, bipolar with two, multipolar with three or more.

The thresholds are parameters and travel with every answer. ``indices`` is pure, so merged blocs
can be scored the same way; ``polarity`` computes a whole time series in one vectorised pass.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from multipolar.answer import Answer
from multipolar.errors import InputError
from multipolar.power import capabilities as caps
from multipolar.power import measures
from multipolar.power.choices import POLE_RATIO

COLUMNS = ["n", "con", "enp", "hhi", "leader", "leader_share", "lead_ratio", "poles", "verdict"]


def thresholds(pole_ratio: float = POLE_RATIO) -> dict[str, float]:
    if not 0 < pole_ratio < 1:
        raise InputError(f"pole_ratio must be in (0, 1), not {pole_ratio}.", "Give e.g. pole_ratio=0.33.")
    return {"pole_ratio": pole_ratio}


def rule(limits: Mapping[str, float]) -> str:
    """The verdict's rule in words, to print beside it."""
    return (
        f"a pole holds more than {limits['pole_ratio']:.0%} of the leader's share; "
        "one pole is unipolar, two bipolar, three or more multipolar"
    )


def indices(
    shares: Mapping[str, float] | Sequence[float],
    pole_ratio: float = POLE_RATIO,
) -> dict:
    """The polarity indices of one group; values are normalised to shares of their sum."""
    items = shares.items() if hasattr(shares, "items") else enumerate(shares)  # dict or pandas Series
    frame = pd.DataFrame([(0, label, float(v)) for label, v in items], columns=["group", "label", "value"])
    if frame.empty or not (frame["value"] >= 0).all() or frame["value"].sum() <= 0:
        raise InputError(
            "Shares must be numbers ≥ 0 with a positive sum.", "Give e.g. {'USA': .5, 'CHN': .5}."
        )
    row = group_indices(frame, pole_ratio).iloc[0]
    out = {c: _scalar(row[c]) for c in COLUMNS}
    out["thresholds"] = thresholds(pole_ratio)
    return out


def _scalar(value):
    if isinstance(value, np.generic):
        value = value.item()
    return None if isinstance(value, float) and np.isnan(value) else value


def group_indices(frame: pd.DataFrame, pole_ratio: float = POLE_RATIO) -> pd.DataFrame:
    """Indices for every group of a long frame (group, label, value): one row per group."""
    thresholds(pole_ratio)
    valued = frame["value"].notna().to_numpy()
    values = frame["value"].to_numpy(dtype=float)[valued]
    if not len(values):
        return pd.DataFrame(columns=["group", *COLUMNS])
    groups, labels = frame["group"].to_numpy()[valued], frame["label"].to_numpy()[valued]
    order = np.lexsort((-values, groups))  # by group, largest first
    groups, labels, values = groups[order], labels[order], values[order]
    # each group is now one contiguous run: numpy reductions over runs, no Python per group
    keys, starts, counts = np.unique(groups, return_index=True, return_counts=True)
    share = values / np.repeat(np.add.reduceat(values, starts), counts)
    hhi = np.add.reduceat(share * share, starts)
    leader_share = share[starts]
    second = np.where(counts > 1, share[np.minimum(starts + 1, len(share) - 1)], np.nan)
    leaders = np.repeat(share[starts], counts)
    is_pole = (share > pole_ratio * leaders + 1e-12) | (share >= leaders - 1e-12)
    poles = np.add.reduceat(is_pole.astype("int64"), starts)
    n = counts.astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        con = np.where(n > 1, np.sqrt(np.clip((hhi - 1 / n) / (1 - 1 / n), 0, None)), np.nan)
        lead_ratio = np.where(second > 0, leader_share / second, np.nan)
    verdict = np.select([poles == 1, poles == 2], ["unipolar", "bipolar"], "multipolar")
    return pd.DataFrame(
        {
            "group": keys,
            "n": counts,
            "con": con,
            "enp": 1 / hhi,
            "hhi": hhi,
            "leader": labels[starts],
            "leader_share": leader_share,
            "lead_ratio": lead_ratio,
            "poles": poles,
            "verdict": verdict,
        }
    )


def parse_among(among: str) -> tuple[str, int | None]:
    """'majors' or 'topN' (e.g. 'top5')."""
    text = str(among).strip().lower()
    if text == "majors":
        return "majors", None
    match = re.fullmatch(r"top(\d+)", text)
    if match and int(match.group(1)) >= 2:
        return text, int(match.group(1))
    raise InputError(f"Unknown group {among!r}.", "Use --among majors or --among topN with N ≥ 2, e.g. top5.")


def polarity(
    year: int | str | None = None,
    start: int | str | None = None,
    end: int | str | None = None,
    measure: str = "cinc",
    among: str = "majors",
    pole_ratio: float = POLE_RATIO,
    weights: Mapping[str, float] | str | None = None,
    nowcast: bool = False,
) -> Answer:
    """Polarity indices for one year, or for every year from ``start`` to ``end``, in one pass.

    Without any year, the last year the measure covers. A year the source does not cover gives
    NA indices with a note; among the majors, a year where a major power lacks a value gives NA
    too (its name in ``missing``), since the shares would be wrong without it.
    """
    name = measures.measure_name(measure)
    data = measures.series(name, weights)
    group, top = parse_among(among)
    limits = thresholds(pole_ratio)
    if year is not None and (start is not None or end is not None):
        raise InputError("Give either a year or a range, not both.", "Use --year Y or --from Y1 --to Y2.")
    if year is not None:
        first = last = measures.check_year(year)
    elif start is None and end is None:
        first = last = data.last
    else:
        first = measures.check_year(start) if start is not None else max(measures.FIRST_YEAR, data.first)
        last = measures.check_year(end) if end is not None else data.last
        if first > last:
            raise InputError(f"The range {first}-{last} runs backwards.", "Give --from before --to.")

    lo, hi = np.searchsorted(data.valued["year"].to_numpy(), [first, last + 1])
    rows = data.valued.iloc[lo:hi]
    notes = list(data.notes)
    if nowcast and last > data.last:
        years = pd.DataFrame({"year": range(max(first, data.last + 1), last + 1)})
        carried = measures.carried_forward(data.rows, data.last + 1).drop(columns=["year", "nowcast"])
        rows = pd.concat([rows, carried.merge(years, how="cross")[["cow", "year", "value"]]])
        notes.append(
            f"nowcast: years after {data.last} carry each state's last {data.dataset} value "
            "forward unchanged."
        )
    for bound in sorted({first, last}):
        note = measures.coverage_note(name, bound, weights)
        if note and not (nowcast and bound > data.last):
            notes.append(note)

    missing = pd.DataFrame({"year": pd.Series(dtype="int64"), "missing": pd.Series(dtype=object)})
    if group == "majors":
        majors, major_notes = measures.majors_by_year(first, last)
        notes += major_notes
        values = pd.Series(rows["value"].to_numpy(), index=_keys(rows))
        members = majors.assign(value=values.reindex(_keys(majors)).to_numpy())
        absent = members[members["value"].isna() & members["year"].isin(rows["year"].unique())]
        if len(absent):
            absent = caps.with_labels(absent[["cow", "year"]])
            missing = absent.assign(name=absent["name"].fillna("?")).groupby("year")["name"].agg(", ".join)
            missing = missing.rename("missing").reset_index()
            if len(missing):
                instead = measures.instead_of(name)
                notes.append(
                    f"{len(missing)} year(s) have a major power without a {name} value "
                    f"({_span(missing['year'])}); their indices are NA (see missing)."
                    + (f" Measure {instead} may cover them." if instead else "")
                )
        members = members[~members["year"].isin(missing["year"])]
    else:
        members = rows.sort_values(["year", "value"], ascending=[True, False]).groupby("year").head(top)
    members = members.assign(group=members["year"], label=members["cow"])
    scored = group_indices(members[["group", "label", "value"]], **limits).rename(columns={"group": "year"})
    # name only the leaders, under their name of that year (Soviet Union, then Russia)
    leaders = caps.with_labels(scored[["leader", "year"]].rename(columns={"leader": "cow"}))
    scored["leader"] = leaders["name"].fillna(leaders["cow"].astype(str)).to_numpy()

    every_year = pd.Index(range(first, last + 1), name="year")
    out = scored.set_index("year").reindex(every_year)
    out["missing"] = missing.set_index("year")["missing"].reindex(every_year)
    out = out.reset_index()
    out.insert(1, "measure", name)
    out["n"] = out["n"].astype("Int64")
    out["poles"] = out["poles"].astype("Int64")
    out["verdict"] = out["verdict"].astype(object).where(out["verdict"].notna(), None)
    params = {"measure": name, "among": group, "from": first, "to": last}
    if name == "composite":
        params["weights"] = dict(measures.parse_weights(weights))
    return Answer(
        "polarity",
        params,
        out,
        "polarity",
        list(dict.fromkeys(notes)),
        measures.sources_of(name, weights),
        {"thresholds": limits, "unit": data.unit},
    )


def _keys(frame: pd.DataFrame) -> pd.Index:
    """One integer per state-year (year × 10000 + COW code), for fast lookups."""
    return pd.Index(frame["year"].to_numpy(dtype="int64") * 10000 + frame["cow"].to_numpy(dtype="int64"))


def _span(years: pd.Series) -> str:
    """1949-1987, 1991 — consecutive years folded into ranges."""
    runs: list[list[int]] = []
    for year in sorted(int(y) for y in years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
