"""The state system on a day: COW and G-W membership, the isard extension, coverage errors."""

from __future__ import annotations

import datetime as dt

import pytest

import multipolar as mp
from multipolar.errors import CoverageError, InputError
from multipolar.states import lists
from multipolar.states.system import major_powers, members_on


def codes(date, system="cow"):
    return set(mp.states(date, system=system).rows[system])


def test_cow_system_on_2008_09_07():
    answer = mp.states("2008-09-07")
    rows = answer.rows.set_index("cow")
    assert len(answer) == 194
    assert 347 in rows.index  # Kosovo entered COW on 2008-02-20
    assert 626 not in rows.index  # South Sudan only from 2011-07-09
    assert rows.loc[2, "iso3"] == "USA" and bool(rows.loc[2, "major"])
    assert rows.loc[255, "gw"] == 260 and rows.loc[255, "iso3"] == "DEU"
    assert rows.loc[345, "gw"] == 340 and rows.loc[345, "iso3"] == "SRB"
    assert rows.loc[347, "iso3"] == "XKX"
    assert sorted(rows.index[rows["major"]]) == [2, 200, 220, 255, 365, 710, 740]
    assert answer.notes == []
    assert "cow_states" in answer.sources
    assert not answer.rows[["gw", "iso3", "name"]].isna().any().any()


def test_json_shape():
    payload = mp.states("2008-09-07").to_dict()
    assert payload["date"] == "2008-09-07" and payload["system"] == "cow"
    assert payload["states"][0] == {
        "cow": 2,
        "gw": 2,
        "iso3": "USA",
        "cow_abb": "USA",
        "name": "United States of America",
        "major": True,
    }
    assert {"dataset": "cow_states", "version": "2016"} in payload["sources"]


def test_entry_days_are_exact():
    # Montenegro: G-W from 2006-06-03, COW from 2006-06-12; Kosovo: G-W 2008-02-17, COW 2008-02-20
    assert 341 not in codes("2006-06-02", "gw") and 341 in codes("2006-06-03", "gw")
    assert 341 not in codes("2006-06-11") and 341 in codes("2006-06-12")
    assert 347 not in codes("2008-02-19") and 347 in codes("2008-02-20")
    assert 347 in codes("2008-02-17", "gw")
    assert 265 in codes("1990-10-02") and 265 not in codes("1990-10-03")


def test_gw_differs_from_cow():
    gw = mp.states("2008-09-07", system="gw").rows.set_index("gw")
    assert len(gw) == 173
    assert gw.loc[340, "cow"] == 345 and gw.loc[260, "cow"] == 255 and gw.loc[678, "cow"] == 679
    assert bool(gw.loc[260, "major"])
    # peacesciencer's gw_states has no microstates; COW lists them
    assert 221 in codes("2008-09-07") and 221 not in set(gw.index)
    # G-W had Serbia as 340 the day after Montenegro left (COW keeps 345 throughout)
    assert 345 in codes("2006-06-04", "gw") and 340 in codes("2006-06-05", "gw")
    assert 345 in codes("2006-06-05")


def test_extension_after_the_lists_is_year_level_and_noted():
    answer = mp.states("2020-06-01")
    assert len(answer) == 195
    assert "cw_gw_panel" in answer.sources
    assert any("year precision" in n for n in answer.notes)
    assert any("carried forward" in n for n in answer.notes)
    gw = mp.states("2020-06-01", system="gw")
    assert len(gw) == 174 and "gw_cw_panel" in gw.sources and 221 not in set(gw.rows["gw"])
    # G-W's own list still answers 2017 at day precision
    assert not any("year precision" in n for n in mp.states("2017-06-01", system="gw").notes)


def test_outside_coverage_is_an_error():
    with pytest.raises(CoverageError, match="2025-12-31"):
        mp.states("2026-01-01")
    with pytest.raises(CoverageError, match="1816-01-01"):
        mp.states("1815-12-31")
    with pytest.raises(InputError, match="Impossible date"):
        mp.states("2008-02-30")
    with pytest.raises(InputError, match="--system"):
        mp.states("2008-09-07", system="atop")


def test_no_date_means_latest_covered_day_when_today_is_beyond():
    answer = mp.states()
    if dt.date.today() > dt.date(2025, 12, 31):
        assert answer.params["date"] == "2025-12-31"
        assert answer.notes[0].startswith("No data after 2025-12-31")


def test_major_powers_and_members_on():
    assert major_powers("1900-01-01") == ([2, 200, 220, 255, 300, 325, 365, 740], [])
    assert major_powers("1950-06-01")[0] == [2, 200, 220, 365, 710]
    later, notes = major_powers("2021-01-01")
    assert later == [2, 200, 220, 255, 365, 710, 740] and "2016-12-31" in notes[0]
    early = mp.states("1816-01-01")
    assert early.rows.set_index("cow").loc[245, "name"] == "Bavaria"
    assert early.rows.set_index("cow")["iso3"].isna()[245]
    assert any("ISO 3166 began" in n for n in early.notes)
    frame = members_on("1960-01-01", "cow")
    assert list(frame.columns) == ["cow", "gw", "iso3", "cow_abb", "name", "major"]
    assert list(members_on("1960-01-01", "gw").columns) == ["cow", "gw", "iso3", "gw_abb", "name", "major"]
    assert {260, 265, 816, 817} <= set(frame["cow"])
    assert frame.set_index("cow").loc[365, "iso3"] == "SUN"


def test_every_spell_day_is_answered():
    # first and last day of every COW spell: the state is listed, with a G-W code where G-W has it
    spells = lists.cow_spells()
    for spell in spells.itertuples():
        for day in (spell.start, spell.end):
            assert spell.code in set(members_on(day, "cow")["cow"])


@pytest.mark.parametrize(
    ("date", "system", "code", "name"),
    [
        ("1962-10-22", "cow", 365, "Soviet Union"),
        ("1962-10-22", "gw", 365, "Soviet Union"),
        ("1816-01-01", "cow", 255, "Prussia"),
        ("1914-06-28", "cow", 640, "Ottoman Empire"),
        ("1914-06-28", "cow", 255, "German Empire"),
        ("2008-09-07", "cow", 345, "Serbia"),
    ],
)
def test_state_names_are_the_entity_on_that_day(date, system, code, name):
    """The name matches the iso3 beside it and the name power, members and resolve give that day."""
    rows = mp.states(date, system=system).rows.set_index(system)
    assert rows.loc[code, "name"] == name
    assert rows.loc[code, "name"] == mp.resolve(f"{system}:{code}", date).rows["name"].iloc[0]
