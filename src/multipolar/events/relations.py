"""What the registry says about a pair of states on a day, as spell tables the engines join.

``shared_alliance_spells`` and ``shared_bloc_spells`` hold, for every ordered pair of COW codes,
the days on which both were in one ATOP alliance (or one of the chosen organisations), merged so
that a pair's spells never overlap: a range join then flags each event exactly once.
``member_spells`` holds the days each state belonged to a bloc (an organisation or a list of
states), for bloc behaviour.
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np
import pandas as pd

from multipolar.errors import InputError
from multipolar.events.codes import OPEN_END

PAIR_COLUMNS = ["cow_a", "cow_b", "start", "end"]


def union_spells(spells: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Spells (keys, start, end inclusive) merged where they overlap or touch, per key. Days are
    counted as integers while merging (dates as Python objects would make pandas loop)."""
    if spells.empty:
        return spells[[*keys, "start", "end"]].copy()
    table = spells[keys].assign(start=_days(spells["start"]), end=_days(spells["end"]))
    table = table.sort_values([*keys, "start"], ignore_index=True)
    by_key = [table[k] for k in keys]
    reach = table["end"].groupby(by_key).cummax()  # the latest end so far, per key
    new_key = ~table[keys].eq(table[keys].shift()).all(axis=1)
    starts_run = (new_key | (table["start"] > reach.groupby(by_key).shift() + 1)).to_numpy()
    firsts = np.flatnonzero(starts_run)
    lasts = np.append(firsts[1:] - 1, len(table) - 1)
    out = table.loc[firsts, keys].reset_index(drop=True)
    out["start"] = _dates(table["start"].to_numpy()[firsts])
    out["end"] = _dates(reach.to_numpy()[lasts])
    return out


def _days(dates: pd.Series) -> np.ndarray:
    return np.array([d.toordinal() for d in dates], dtype="int64")


def _dates(days: np.ndarray) -> list[dt.date]:
    return [dt.date.fromordinal(int(d)) for d in days]


def _pairs(members: pd.DataFrame, group: str) -> pd.DataFrame:
    """Ordered pairs of distinct states in the same group, over the days both belonged."""
    both = members.merge(members, on=group, suffixes=("_a", "_b"))
    both = both[both["cow_a"] != both["cow_b"]]
    start = both[["start_a", "start_b"]].max(axis=1)
    end = both[["end_a", "end_b"]].min(axis=1)
    pairs = pd.DataFrame({"cow_a": both["cow_a"], "cow_b": both["cow_b"], "start": start, "end": end})
    pairs = pairs[pairs["start"] <= pairs["end"]]
    return union_spells(pairs, ["cow_a", "cow_b"])


@functools.cache
def shared_alliance_spells() -> pd.DataFrame:
    """Days on which a pair of states were members of one ATOP alliance (any obligation)."""
    from multipolar.orgs import atop

    spells = atop.member_spells()[["atopid", "cow", "start", "end"]].copy()
    spells["end"] = spells["end"].fillna(atop.LAST_DAY)
    return _pairs(spells, "atopid")[PAIR_COLUMNS]


def alliance_coverage() -> tuple[dt.date, dt.date]:
    """The first and last day ATOP codes: outside them a shared alliance is unknown (NA)."""
    from multipolar.orgs import atop

    return atop.FIRST_DAY, atop.LAST_DAY


def organisation_ids(names: list[str] | None) -> list[str]:
    """The ids of the organisations named (ids, names or aliases); all curated ones if None."""
    from multipolar.orgs import registry

    if not names:
        return list(registry.organisations())
    return [registry.organisation(name).id for name in names]


@functools.cache
def _org_members(org_ids: tuple[str, ...]) -> pd.DataFrame:
    from multipolar.orgs import registry

    spells = registry.spells()
    spells = spells[spells["org"].isin(org_ids) & (spells["status"] == "member") & spells["cow"].notna()]
    table = pd.DataFrame(
        {
            "org": spells["org"],
            "cow": spells["cow"].astype("int64"),
            "start": spells["start"],
            "end": spells["end"].map(lambda d: OPEN_END if pd.isna(d) else d),
        }
    )
    return table.reset_index(drop=True)


@functools.cache
def shared_bloc_spells(org_ids: tuple[str, ...]) -> pd.DataFrame:
    """Days on which a pair of states were full members of one of the organisations."""
    return _pairs(_org_members(org_ids), "org")[PAIR_COLUMNS]


def member_spells(bloc: str | list[str], label: str) -> tuple[pd.DataFrame, list[str]]:
    """(cow, start, end, bloc) spells of a bloc's members, and the sources to cite: an
    organisation's curated membership, or a list of states (every day they existed)."""
    from multipolar.orgs import registry
    from multipolar.states import identity

    if isinstance(bloc, str) and "," not in bloc:
        org = registry.organisation(bloc)
        spells = union_spells(_org_members((org.id,)), ["cow"])
        return spells.assign(bloc=label), [registry.MEMBERSHIPS_SOURCE, registry.ORGANISATIONS_SOURCE]
    names = [part.strip() for part in (bloc.split(",") if isinstance(bloc, str) else bloc) if part.strip()]
    if not names:
        raise InputError("An empty list of states.", "Name an organisation or states separated by commas.")
    cows = {identity.identify(name).cow for name in names}
    entities = identity.entities()
    chosen = entities[entities["cow"].isin(cows)]
    spells = pd.DataFrame(
        {
            "cow": chosen["cow"].astype("int64"),
            "start": chosen["valid_from"],
            "end": chosen["valid_to"].map(lambda d: OPEN_END if d is None or pd.isna(d) else d),
        }
    )
    return union_spells(spells, ["cow"]).assign(bloc=label), list(identity.SOURCES)
