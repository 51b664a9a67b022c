"""The curated memberships agree with the Correlates of War IGO data (v3, to 2014), except where
docs/membership-data.md lists the difference with its reason."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from multipolar.orgs import igo, registry

DOC = Path(__file__).parents[1] / "docs" / "membership-data.md"
SECTION = "## Against the Correlates of War IGO data (v3)"


def listed() -> pd.DataFrame:
    """The documented differences: org, ccode, first, last, cow, ours, reason."""
    text = DOC.read_text(encoding="utf-8")
    part = text[text.index(SECTION) :]
    part = part[: part.index("\n## ", len(SECTION))]
    rows = []
    for line in part.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6 or not cells[1].isdigit():
            continue
        org, ccode, years, cow, ours, reason = cells
        first, _, last = years.partition("-")
        rows.append((org, int(ccode), int(first), int(last or first), cow, ours, reason))
    return pd.DataFrame(rows, columns=["org", "ccode", "first", "last", "cow", "ours", "reason"])


@pytest.fixture(scope="module")
def differences() -> pd.DataFrame:
    return igo.differences()


def test_every_difference_from_cow_is_listed_with_its_reason(differences):
    documented = listed()
    assert (documented["reason"].str.len() > 20).all()
    unexplained = []
    for d in differences.itertuples(index=False):
        match = documented[
            (documented["org"] == d.org)
            & (documented["ccode"] == d.ccode)
            & (documented["first"] <= d.year)
            & (documented["last"] >= d.year)
            & (documented["cow"] == d.cow)
            & (documented["ours"] == d.ours)
        ]
        if match.empty:
            unexplained.append(f"{d.org} {d.ccode} {d.year}: COW {d.cow}, ours {d.ours}")
    assert unexplained == [], "differences from COW IGO not listed in docs/membership-data.md"


def test_no_listed_difference_is_stale(differences):
    found = igo.runs(differences)
    keys = set(zip(found["org"], found["ccode"], found["first"], found["last"], strict=True))
    stale = [r for r in listed().itertuples(index=False) if (r.org, r.ccode, r.first, r.last) not in keys]
    assert stale == []


def test_the_comparison_covers_the_organisations_cow_codes():
    names = igo.coded()
    assert {"un", "nato", "oas", "cis", "sco", "eu", "opec"} <= set(names)
    assert names["sco"] == ["SCO", "SHANGHAI_FIVE"]
    total = len(igo.cow_rows(sorted(names)))
    assert total > 100_000


def test_known_cow_statuses_read_right():
    # Ukraine in the CIS: COW's associate is our participating (never a Charter member)
    assert igo.AS_COW["participating"] == "associate"
    statuses = igo._statuses(["CIS"], 2000)
    assert statuses[369] == "associate" and statuses[365] == "member"
    # a gap's years count: Algeria in OPEC (joined 1969, day not curated)
    assert igo._statuses(["OPEC"], 1980)[615] == "member"
    assert set(registry.statuses()) >= set(igo.AS_COW)


def test_the_documented_figures_are_current(differences):
    text = DOC.read_text(encoding="utf-8")
    total = len(igo.cow_rows(sorted(igo.coded())))
    said = re.search(r"Of ([\d,]+) compared state-years, (\d+) differ", text)
    assert said and int(said.group(1).replace(",", "")) == total and int(said.group(2)) == len(differences)
