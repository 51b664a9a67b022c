"""Members known but not datable to the day are named in notes, never silently dropped."""

from __future__ import annotations

import multipolar as mp
from multipolar.orgs import registry


def test_every_gap_names_a_known_org_and_is_not_also_a_curated_spell_in_its_years():
    gaps = registry.gaps()
    spells = registry.spells()
    known = registry.organisations()
    for gap in gaps.itertuples(index=False):
        assert gap.org in known and gap.source.startswith("http")
        same = (spells.org == gap.org) & (spells.iso3 == gap.iso3) & (spells.status == gap.status)
        overlapping = spells[same]
        last = 9999 if str(gap.to_year) == "<NA>" else int(gap.to_year)
        years = {d.year for d in overlapping.start}
        assert not any(int(gap.from_year) < y < last for y in years), gap


def test_opec_2008_names_its_undatable_members():
    answer = mp.members("OPEC", "2008-09-07")
    listed = set(answer.rows.iso3)
    assert {"IRN", "IRQ", "KWT", "SAU", "VEN", "NGA", "AGO", "ECU", "QAT"} <= listed
    joined = " ".join(answer.notes)
    for iso3 in ("DZA", "LBY", "ARE"):
        assert f"({iso3}) was also a member" in joined
    assert "(IDN) may also have been a member" in joined  # 2008 is its boundary year
    assert "orgs/data/gaps.csv" in [s["dataset"] for s in answer.to_dict()["sources"]]


def test_gap_notes_respect_years_and_status():
    assert not any("QAT" in n for n in mp.members("OPEC", "1960-12-01").notes)
    assert not any("QAT" in n for n in mp.members("OPEC", "2020-01-01").notes)
    assert not any("YUG" in n for n in mp.members("COMECON", "1980-01-01").notes)
    notes = mp.members("COMECON", "1980-01-01", status="associate").notes
    assert any("Yugoslavia (YUG) was also an associate" in n for n in notes)


def test_a_member_known_by_year_counts_in_the_roster_size():
    comecon = mp.members("COMECON", "1980-01-01")
    assert len(comecon) == 9 and comecon.extra["size"] == 10  # with Cuba (joined 1972, day not curated)
    assert comecon.extra["known_by_year"] == ["CUB"]
    assert comecon.to_dict()["size"] == 10
    opec = mp.members("OPEC", "2008-09-07")
    # Indonesia is in its boundary year (suspended from 2009-01-01): named, not counted
    assert set(opec.extra["known_by_year"]) == {"DZA", "LBY", "ARE"}


def test_the_members_title_says_how_many_are_known_by_year(run_cli):
    code, out, _ = run_cli("members", "COMECON", "--date", "1980-01-01")
    assert code == 0 and "COMECON (member) on 1980-01-01: 10 (9 dated, 1 known by year)" in out
