"""One vocabulary for states, shares that say whose total they are, and counts that say why they
differ: what a person reads in the tables of power, compare, alliances and the brief."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from multipolar.brief import brief
from multipolar.orgs.queries import alliances, roster_difference
from multipolar.power import blocs
from multipolar.states import identity


@pytest.fixture(scope="module")
def cow_only_letters() -> set[str]:
    """COW letter codes that are no ISO3 code (UKG, GMY, AUH, FRN, ...): shown alone, they mislead."""
    entities = identity.entities()
    return set(entities["cow_abb"].dropna()) - set(entities["iso3"].dropna())


@pytest.mark.parametrize(
    "args",
    [
        ("alliances", "--date", "1914-06-28"),
        ("alliances", "--date", "2008-09-07"),
        ("alliance", "1035"),
        ("commitments", "Estonia", "--date", "2008-09-07"),
        ("memberships", "Georgia", "--date", "2008-08-08"),
        ("brief", "--date", "1914-06-28"),
    ],
)
def test_no_table_shows_a_cow_letter_code_alone(run_cli, cow_only_letters, args):
    code, out, err = run_cli(*args)
    assert code == 0, err
    shown = set(re.findall(r"\b[A-Z]{3}\b", out))
    assert not shown & cow_only_letters, f"COW letter codes shown alone: {sorted(shown & cow_only_letters)}"


def test_alliance_members_are_iso3_or_names():
    rows = alliances("2008-09-07").rows.set_index("atopid")
    helsinki = rows.loc[3740]
    assert "MNE" in helsinki["members"] and "MNG" not in helsinki["members"]  # Montenegro, not Mongolia
    assert len(helsinki["members"]) == len(helsinki["cows"])
    old = alliances("1914-06-28").rows.set_index("atopid")
    assert old.loc[1350, "members"] == ["DEU", "Austria-Hungary", "ITA"]  # the Triple Alliance


def test_shares_are_percentages_in_tables_and_fractions_in_json(run_cli):
    code, out, _ = run_cli("power", "--year", "1914", "--top", "1")
    assert code == 0 and "20.2%" in out
    code, out, _ = run_cli("power", "--year", "1914", "--top", "1", "--json")
    share = json.loads(out)["power"][0]["share"]
    assert share == pytest.approx(0.2021, abs=1e-4)
    code, out, _ = run_cli("polarity", "--year", "1914")
    assert "25.4%" in out  # the leader's share among the major powers
    code, out, _ = run_cli("compare", "USA", "--date", "1915-01-01")
    assert "20.2%" in out  # the same figure: compare for a day in 1915 weighs 1914


def test_power_compare_and_brief_show_the_same_share():
    day = "2008-09-07"
    report = brief(day, ["cinc"]).to_dict()
    usa = next(r for r in report["top_powers"] if r["iso3"] == "USA")
    compared = blocs.compare(["USA"], day).rows.iloc[0]
    from multipolar.power.measures import power

    ranked = power(2007, "cinc", None).rows.set_index("iso3")
    assert (
        usa["share"]["cinc"] == pytest.approx(compared["share"]) == pytest.approx(ranked.loc["USA", "share"])
    )


def test_a_day_is_weighed_by_the_last_complete_year_before_it():
    report = brief("2022-02-24", ["cinc", "gdp"])
    payload = report.to_dict()
    assert {r["measure"]: r["year"] for r in payload["measures_used"]} == {"cinc": 2021, "gdp": 2021}
    assert "cinc 2021" in report.to_text()
    assert any("last complete year before 2022-02-24" in n for n in payload["notes"])
    assert brief("2021-12-31", ["cinc"]).to_dict()["measures_used"][0]["year"] == 2021  # a year is complete
    assert brief("2022-02-24", ["cinc"], year=2022).to_dict()["measures_used"][0]["year"] == 2022


def test_brief_year_from_the_command_line(run_cli):
    code, out, err = run_cli("brief", "--date", "2022-02-24", "--year", "2022", "-m", "cinc", "--json")
    assert code == 0, err
    assert json.loads(out)["measures_used"][0]["year"] == 2022


def test_1962_brief_falls_back_to_long_run_measures_that_cover_the_major_powers():
    payload = brief("1962-10-16").to_dict()
    assert payload["measures"] == ["cinc", "gdp_longrun", "milex_nmc"]
    assert any("milex (" in n and "SUN and CHN" in n and "milex_nmc" in n for n in payload["notes"])
    usa = next(r for r in payload["top_powers"] if r["iso3"] == "USA")
    assert usa["share"]["milex_nmc"] < 0.5  # not SIPRI's 69% of a world without the USSR and China
    assert all(r["verdict"] for r in payload["polarity"])


def test_a_measure_without_a_major_power_says_whose_shares_and_gives_no_verdict():
    report = brief("1962-10-16", ["milex"])
    payload = report.to_dict()
    (used,) = payload["measures_used"]
    assert used["shares_of"] == "states with data"
    assert re.match(r"\d of \d major powers, \d+\.\d% of world population", used["coverage"])
    assert payload["polarity"][0]["verdict"] is None
    assert "milex 1961 (of states with data)" in report.to_text()
    assert any("so its shares are of the states with data" in n for n in payload["notes"])


def test_before_1960_the_brief_uses_long_run_measures():
    assert brief("1914-06-28").measures == ["cinc", "gdp_longrun", "milex_nmc"]
    assert brief("1975-01-01").measures[0] == "cinc"


def test_atop_and_nato_counts_say_why_they_differ():
    said = roster_difference(3180, dt.date(2008, 9, 7))
    assert said.startswith("ATOP 3180 lists 28 states on 2008-09-07, NATO had 26 members")
    assert "Albania (from 2008-07-09; a member of NATO from 2009-04-01)" in said
    assert "Croatia (from 2008-07-09; a member of NATO from 2009-04-01)" in said
    report = brief("2008-09-07", ["cinc"])
    nato = next(r for r in report.to_dict()["alliances"]["rows"] if r["atopid"] == 3180)
    assert nato["differs"] == said and said in report.section("alliances").lines  # shown beside the table
    assert roster_difference(3180, dt.date(2010, 1, 1)) is None  # they agree


def test_compare_overlap_note_agrees_with_its_table():
    answer = blocs.compare(["NATO", "EU"], "2008-09-07")
    rows = answer.rows.set_index("bloc")
    overlap = set(rows.loc["NATO", "members"]) & set(rows.loc["EU", "members"])
    assert rows.loc["EU", "members_n"] == 27  # the table counts the shared members in each bloc
    note = next(n for n in answer.notes if "belong to NATO and to EU" in n)
    assert "the table counts them in each bloc" in note and "counts them once, in NATO" in note
    assert set(note.split(" belong")[0].split(", ")) == overlap
