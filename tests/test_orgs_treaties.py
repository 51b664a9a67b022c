"""Names for ATOP alliances (orgs/data/treaties.csv): each fits its atopid, by ATOP's own dates and
members, and the best-known alliances and the largest of every decade have one."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from multipolar.orgs import atop, registry
from multipolar.orgs.queries import alliances

with open(registry.TREATIES_FILE, encoding="utf-8") as handle:
    ROWS = list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def atop_members() -> dict[int, set[int]]:
    spells = atop.member_spells()
    return {int(a): set(cows) for a, cows in spells.groupby("atopid")["cow"]}


def test_one_row_per_alliance_each_with_a_source():
    assert len(ROWS) >= 100
    ids = [int(r["atopid"]) for r in ROWS]
    assert len(ids) == len(set(ids))
    for row in ROWS:
        assert row["treaty"].strip() and row["source"].startswith(("https://", "http://")), row


def test_checked_sources_say_when():
    """``source_checked`` is the day a row's source was read and found to say what the row says
    (name, date, parties); ``note`` says where it disagrees with ATOP or the row. Every row has
    been checked, so a new row must come with its check."""
    assert list(ROWS[0]) == ["atopid", "treaty", "signed", "parties", "source", "note", "source_checked"]
    unchecked = [r["atopid"] for r in ROWS if not r["source_checked"]]
    assert not unchecked, f"rows whose source was not read: {unchecked}"
    for row in ROWS:
        assert dt.date.fromisoformat(row["source_checked"]) >= dt.date.fromisoformat(row["signed"])


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['atopid']} {r['treaty'][:40]}" for r in ROWS])
def test_the_name_fits_atops_alliance(row, atop_members):
    """Signed within two months of the day ATOP dates the alliance from (ATOP sometimes gives the
    Julian date: the Balkan League's treaties), by states ATOP lists as its members."""
    atopid = int(row["atopid"])
    begins = atop.alliance_dates().set_index("atopid").loc[atopid, "start"]
    signed = dt.date.fromisoformat(row["signed"])
    assert abs((begins - signed).days) <= 62, f"ATOP {atopid} begins {begins}, the treaty was signed {signed}"
    parties = {int(p) for p in row["parties"].split(";")}
    assert parties <= atop_members[atopid], f"not in ATOP {atopid}: {parties - atop_members[atopid]}"


@pytest.mark.parametrize(
    ("atopid", "name"),
    [
        (1350, "Triple Alliance"),
        (1385, "Franco-Russian Alliance (military convention)"),
        (1415, "Anglo-Japanese Alliance"),
        (
            3075,
            "Organization of American States: Inter-American Treaty of Reciprocal Assistance (Rio Treaty)",
        ),
        (3215, "ANZUS Treaty"),
        (3285, "Warsaw Treaty Organization"),
        (2470, "Molotov–Ribbentrop Pact"),
    ],
)
def test_the_best_known_alliances_are_named(atopid, name):
    assert registry.atop_labels()[atopid] == name


def test_alliances_of_1914_have_names(run_cli):
    rows = alliances("1914-06-28").rows.set_index("atopid")
    assert rows.loc[1350, "name"] == "Triple Alliance"
    assert rows.loc[1385, "name"] == "Franco-Russian Alliance (military convention)"
    assert rows.loc[1415, "name"] == "Anglo-Japanese Alliance"
    code, out, _ = run_cli("alliances", "--date", "1914-06-28")
    assert code == 0 and "Triple Alliance" in out and "orgs/data/treaties.csv" in out


@pytest.mark.parametrize("year", range(1815, 2019, 10))
def test_the_largest_alliances_of_every_decade_are_named(year):
    rows = alliances(dt.date(year, 6, 30)).rows
    size = rows["members"].map(len)
    largest = rows[size == size.max()]
    assert all(largest["name"]), largest[["atopid", "name"]]
