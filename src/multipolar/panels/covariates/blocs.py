"""Membership of curated organisations and blocs (NATO, SCO, ...) on panels. Not in peacesciencer."""

from __future__ import annotations

import re

import pandas as pd

from multipolar.errors import InputError
from multipolar.orgs import registry
from multipolar.panels.covariates._sql import on_panel_codes, registered
from multipolar.panels.panel import YEARLY, Panel


def add_blocs(panel: Panel, orgs: str | list[str] | None = None, reference: str = "12-31") -> Panel:
    """0/1 per curated organisation (``nato``; dyads ``nato1``, ``nato2``): member on the reference day.

    Was the state a full member on the reference day (month-day, default 31 December) of the year?

    0 also in years before the organisation existed or after it dissolved: not being a member is
    then a fact, not a gap. Membership comes from the curated spells (orgs/data/memberships.csv);
    ``orgs`` names organisations (a list or comma-separated), by default every curated one.
    """
    panel.require(units=YEARLY, what="add_blocs")
    if orgs is None:
        orgs = list(registry.organisations())
    names = orgs.split(",") if isinstance(orgs, str) else orgs
    wanted = [str(name).strip() for name in names if str(name).strip()]
    if not wanted:
        raise InputError(
            "add_blocs needs at least one organisation.", "Name them, e.g. orgs=['NATO', 'SCO']."
        )
    chosen = list(dict.fromkeys(registry.organisation(o).id for o in wanted))
    month, day = _month_day(reference)
    columns = {org: re.sub(r"\W+", "_", org.lower()) for org in chosen}

    spells = registry.spells()
    spells = spells[spells["org"].isin(chosen) & (spells["status"] == "member") & spells["cow"].notna()]
    table = registered(
        panel,
        "bloc_spells",
        pd.DataFrame(
            {
                "org": spells["org"],
                "cow": spells["cow"].astype("int64"),
                "start": pd.to_datetime(spells["start"]),
                "end": pd.to_datetime(spells["end"]).fillna(pd.Timestamp(panel.years[1], 12, 31)),
            }
        ),
        chosen,
        panel.years,
    )
    # one row per state and year whose reference day falls inside a membership spell
    member_years = f"""
        SELECT org, cow, year FROM (
            SELECT org, cow, "start", "end", unnest(range(year("start"), year("end") + 1)) AS year
            FROM {table})
        WHERE make_date(year, {month}, {day}) BETWEEN "start" AND "end" """
    flags = ", ".join(
        f"max(CASE WHEN org = '{org}' THEN 1 ELSE 0 END) AS {col}" for org, col in columns.items()
    )
    by_state_year = (
        f"SELECT code, year, {flags} FROM ({on_panel_codes(member_years, panel)}) GROUP BY code, year"
    )
    return panel.lookup_states(
        by_state_year,
        {col: f"coalesce({{t}}.{col}, 0)" for col in columns.values()},
        dict.fromkeys(columns.values(), registry.MEMBERSHIPS_SOURCE),
        [
            f"{', '.join(columns.values())}: 1 if a full member on {month:02d}-{day:02d} of the year "
            f"(curated spells, {registry.MEMBERSHIPS_SOURCE}); 0 otherwise, including years before an "
            "organisation existed."
        ],
        code="code",
    )


def _month_day(reference: str) -> tuple[int, int]:
    """'12-31' -> (12, 31); any day that exists in every year."""
    match = re.fullmatch(r"\s*(\d{1,2})-(\d{1,2})\s*", str(reference))
    if match:
        month, day = int(match[1]), int(match[2])
        try:
            pd.Timestamp(2001, month, day)  # a non-leap year: 02-29 is refused
            return month, day
        except ValueError:
            pass
    raise InputError(
        f"Bad reference day {reference!r}.", "Give a month-day that exists every year, e.g. 12-31 or 06-30."
    )
