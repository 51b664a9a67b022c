"""The curated memberships against the Correlates of War IGO data (v3, 1816-2014), year by year.

COW codes each state-year with the strongest status the state held at any point in the year
(Egypt is a 1979 member of the Arab League, which suspended it in March): 0 no membership,
1 full member, 2 associate, 3 observer, -9 missing. ``organisations.csv`` names, in ``cow_igo``, the COW
organisation(s) each curated organisation corresponds to. Differences that remain are listed,
each with its reason, in docs/membership-data.md; tests/test_orgs_igo.py fails on any other.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from multipolar.data import store
from multipolar.orgs import registry

LAST_YEAR = 2014  # COW IGO v3 ends here
CODES = {0: "none", 1: "member", 2: "associate", 3: "observer"}
# how a curated status reads in COW's scale, where the organisation does not make it a member status
# (a member that froze its own participation is still a
# member, one the organisation suspended is coded out, as COW codes Egypt in the Arab League
# 1980-1988; an observer in an accession procedure is still an observer; the rest are none)
AS_COW = {
    "member": "member",
    "permanent": "member",
    "elected": "member",
    "frozen": "member",
    "associate": "associate",
    "participating": "associate",
    "observer": "observer",
    "accession": "observer",
}


def coded() -> dict[str, list[str]]:
    """COW organisation name -> the curated organisation ids that correspond to it."""
    out: dict[str, list[str]] = {}
    for org in registry.organisations().values():
        for name in org.cow_igo:
            out.setdefault(name, []).append(org.id)
    return out


def cow_rows(names: list[str]) -> pd.DataFrame:
    """COW's coded state-years (not missing) for the organisations ``names``: ioname, ccode, year,
    cow (none/member/associate/observer)."""
    listed = ", ".join(f"'{n}'" for n in names)
    query = (
        f"SELECT ioname, ccode, year, code FROM {store.scan('cow_igo_state_year')} "
        f"WHERE ioname IN ({listed}) AND code >= 0 AND year <= {LAST_YEAR}"
    )
    with store.connect() as con:
        rows = con.execute(query).df()
    return rows.assign(cow=rows.pop("code").map(CODES))


def differences() -> pd.DataFrame:
    """Every COW state-year whose status differs from the curated one: org (the curated ids,
    '/'-joined), ioname, ccode, year, cow, ours. A state in a documented gap that year holds the
    gap's status. Years before the curated organisation was founded are not compared."""
    by_name = coded()
    rows = cow_rows(sorted(by_name))
    out = []
    for (name, year), group in rows.groupby(["ioname", "year"], sort=True):
        ids = by_name[name]
        if not _existed_in(ids, int(year)):
            continue  # COW's OAS continues the Pan-American Union from 1890; ours begins in 1948
        ours = _statuses(ids, int(year))
        for ccode, cow in zip(group["ccode"], group["cow"], strict=True):
            mine = ours.get(int(ccode), "none")
            if mine != cow:
                row = {"org": "/".join(ids), "ioname": name, "ccode": int(ccode), "year": int(year)}
                out.append({**row, "cow": cow, "ours": mine})
    columns = ["org", "ioname", "ccode", "year", "cow", "ours"]
    return pd.DataFrame(out, columns=columns).sort_values(["org", "ccode", "year"], ignore_index=True)


def runs(table: pd.DataFrame) -> pd.DataFrame:
    """``differences`` folded into runs of consecutive years with the same org, ccode, cow and
    ours: org, ccode, first, last, cow, ours."""
    out = []
    for r in table.itertuples(index=False):
        last = out[-1] if out else None
        same = last and (last["org"], last["ccode"], last["cow"], last["ours"]) == (
            r.org,
            r.ccode,
            r.cow,
            r.ours,
        )
        if same and last["last"] == r.year - 1:
            last["last"] = r.year
        else:
            out.append(
                {
                    "org": r.org,
                    "ccode": r.ccode,
                    "first": r.year,
                    "last": r.year,
                    "cow": r.cow,
                    "ours": r.ours,
                }
            )
    return pd.DataFrame(out, columns=["org", "ccode", "first", "last", "cow", "ours"])


def _existed_in(ids: list[str], year: int) -> bool:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    for org in (registry.organisations()[i] for i in ids):
        if (org.founded is None or org.founded <= last) and (org.dissolved is None or org.dissolved >= first):
            return True
    return False


def _statuses(ids: list[str], year: int) -> dict[int, str]:
    """COW code -> the strongest status in COW's scale held at any point of ``year`` in the
    organisations ``ids`` (their spells, and the gaps whose years include it)."""
    rank = {"none": 0, "observer": 1, "associate": 2, "member": 3}
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    ours: dict[int, str] = {}

    def hold(org: registry.Organisation, cow: int | None, status: str) -> None:
        # an organisation's own member statuses are full membership (the OSCE's participating States)
        status = "member" if org.counts("member", status) else AS_COW.get(status, "none")
        if cow is not None and rank[status] > rank[ours.get(cow, "none")]:
            ours[cow] = status

    for org_id in ids:
        org = registry.organisations()[org_id]
        for spell in registry.spell_records(org_id):
            if spell["start"] <= last and (spell["end"] is None or spell["end"] >= first):
                hold(org, spell["cow"], spell["status"])
        for gap in registry.gap_records(org_id):
            if gap["from_year"] <= year <= (9999 if gap["to_year"] is None else gap["to_year"]):
                hold(org, gap["cow"], gap["status"])
    return ours
