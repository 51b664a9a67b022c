"""Verdicts where the data cannot simply say yes or no: members known only by year, suspended
members, a COW code two names share, organisations with a predecessor or successor."""

from __future__ import annotations

import pytest

from multipolar.articles import read_article


def claim(text: str, date: str) -> dict:
    found = read_article(text, date=date).claims
    assert len(found) == 1, found
    return found[0]


def test_a_member_known_only_by_year_counts_inside_its_years():
    # Libya has been in OPEC since 1962 and the UAE (Abu Dhabi) since 1967: gaps.csv, no day
    row = claim(
        "OPEC members Saudi Arabia, Iraq, Kuwait, Libya and the United Arab Emirates met.", "1980-01-15"
    )
    assert row["verdict"] == "correct" and row["not_holding"] == []


def test_a_whole_list_missing_members_known_only_by_year_is_incomplete():
    text = "OPEC, which groups Saudi Arabia, Iran, Iraq, Kuwait, Venezuela and Nigeria, raised prices."
    row = claim(text, "1979-06-01")
    assert row["verdict"] == "incomplete"
    missing = {m["iso3"]: m for m in row["missing"]}
    assert {"LBY", "DZA", "QAT", "IDN", "ARE"} <= set(missing)
    assert missing["LBY"]["since"] == "1962" and "accession day not confirmed" in missing["LBY"]["note"]
    assert any(r["iso3"] == "LBY" and r["file"] == "orgs/data/gaps.csv" for r in row["rows"])


def test_a_member_in_the_first_year_of_its_known_years_is_not_checkable():
    # Azerbaijan signed the Alma-Ata Protocol in 1991 but its parliament refused ratification in 1992
    row = claim(
        "Armenia and Azerbaijan, both members of the Commonwealth of Independent States, met.", "1991-12-21"
    )
    assert row["verdict"] == "not checkable"
    assert [u["iso3"] for u in row["not_holding"]] == ["AZE"]
    assert "known only by year" in row["reason"]


def test_a_suspended_member_is_still_a_member():
    text = "The African Union, whose members include Sudan, Ethiopia, Niger and Kenya, met in Addis Ababa."
    row = claim(text, "2023-08-24")
    assert row["verdict"] == "correct" and row["not_holding"] == []
    assert {r["status"] for r in row["rows"] if r["iso3"] == "SDN"} == {"member", "suspended"}


def test_a_name_the_state_lists_give_to_another_entity_is_matched_by_cow_code():
    # on 1991-12-21 'Russia' is the Soviet Union to the state lists (COW 365), while the CIS's
    # founding member is Russia (RUS, COW 365)
    text = (
        "The Commonwealth of Independent States now comprises Russia, Ukraine, Belarus, Kazakhstan, "
        "Uzbekistan, Kyrgyzstan, Tajikistan, Turkmenistan, Armenia and Moldova."
    )
    row = claim(text, "1991-12-21")
    assert "RUS" in row["states"] and "SUN" not in row["states"]
    assert row["not_holding"] == [] and row["verdict"] != "wrong"


@pytest.mark.parametrize(
    ("date", "verdict", "missing", "successor"),
    [
        ("1999-03-25", "incomplete", ["AZE", "GEO", "UZB"], False),  # the three left on 1999-04-20
        ("2000-06-01", "correct", [], False),
        ("2010-06-01", "incomplete", ["UZB"], True),  # then the CSTO, which Uzbekistan rejoined in 2006
    ],
)
def test_the_collective_security_treaty_before_and_after_the_csto(date, verdict, missing, successor):
    text = (
        "The Collective Security Treaty, which groups Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan "
        "and Tajikistan, met in Moscow."
    )
    row = claim(text, date)
    assert (row["org"], row["verdict"]) == ("CST", verdict)
    assert sorted(m["iso3"] for m in row["missing"]) == missing
    assert ("checked with its successor, CSTO" in row["reason"]) is successor


def test_the_shanghai_five_is_the_sco_s_predecessor_not_the_sco():
    text = "The Shanghai Five, which groups China, Russia, Kazakhstan, Kyrgyzstan and Tajikistan, met."
    row = claim(text, "2001-06-13")
    assert (row["org"], row["verdict"]) == ("SHANGHAI_FIVE", "correct")
    # admitted on its last day, 2001-06-14, Uzbekistan makes the five incomplete then
    last_day = claim(text, "2001-06-14")
    assert (last_day["verdict"], {m["iso3"] for m in last_day["missing"]}) == ("incomplete", {"UZB"})


def test_a_demonym_never_stands_for_a_state_long_gone():
    report = read_article("Serbian security forces moved into the province on Wednesday.", date="1999-03-25")
    assert all(s["iso3"] != "SRB" for s in report.extra["states"])


def test_a_claim_about_founders_is_checked_on_the_founding_day():
    text = "The founding members of BRICS (Brazil, Russia, India and China) met."
    row = claim(text, "2024-01-02")
    assert (row["what"], row["verdict"], row["exhaustive"]) == ("founded by", "correct", True)
    today = claim("The members of BRICS (Brazil, Russia, India and China) met.", "2024-01-02")
    assert today["verdict"] == "incomplete"  # South Africa, Egypt, Ethiopia, Iran, the UAE by 2024
    assert {"ZAF", "EGY", "ETH", "IRN", "ARE"} <= {m["iso3"] for m in today["missing"]}


@pytest.mark.parametrize(
    ("date", "places", "states"), [("1999-03-25", {"Montenegro"}, set()), ("2010-01-01", set(), {"MNE"})]
)
def test_a_state_s_name_that_named_a_place_that_day_is_that_place(date, places, states):
    report = read_article("Montenegro's President Milo Djukanovic protested on Thursday.", date=date)
    assert {p["name"] for p in report.extra["places"]} == places
    assert {s["iso3"] for s in report.extra["states"]} == states
    if places:
        assert report.extra["places"][0]["in"] == ["YUG"]


def test_a_claim_reported_with_a_year_is_checked_in_that_year():
    text = (
        "Lavrov said in 2008 that the SCO, which groups China, Russia, Kazakhstan, Kyrgyzstan, "
        "Tajikistan and Uzbekistan, was growing."
    )
    kept = read_article(text, date="2008-09-07").claims
    assert [(c["verdict"], c["reported"]) for c in kept] == [("correct", True)]
    (later,) = read_article(text, date="2018-09-07").claims  # India and Pakistan joined in 2017
    assert (later["time"], later["verdict"]) == ({"anchor": "year", "value": "2008"}, "correct")


def test_a_status_the_data_never_record_for_the_organisation_is_not_checkable_not_wrong():
    row = claim("NATO dialogue partners such as Georgia and Ukraine met in Brussels.", "2010-06-01")
    assert row["verdict"] == "not checkable" and row["not_holding"] == []
    assert row["reason"] == (
        "The registry records no dialogue partner status for NATO, so it cannot check this claim."
    )
    sco = claim("SCO dialogue partners such as Sri Lanka and Belarus met in Yekaterinburg.", "2010-06-01")
    assert sco["verdict"] == "correct"


def test_a_state_that_joined_and_later_left_did_join():
    # 'joined' says the state took the status up once, not that it holds it on the day
    row = claim("Albania joined the Warsaw Pact in its first year.", "1970-01-01")
    assert row["verdict"] == "correct" and row["not_holding"] == []
    assert [(r["iso3"], r["start"], r["end"]) for r in row["rows"]] == [("ALB", "1955-05-14", "1968-09-12")]
    # 'has joined' says it holds the status now
    row = claim("Albania has joined the Warsaw Pact.", "1970-01-01")
    assert row["verdict"] == "outdated" and [s["iso3"] for s in row["not_holding"]] == ["ALB"]


def test_joining_a_dissolved_organisation_is_checked_against_its_members_then():
    assert claim("France and Britain joined SEATO.", "1990-03-01")["verdict"] == "correct"
    row = claim("France and India joined SEATO.", "1990-03-01")
    assert row["verdict"] == "wrong" and [s["iso3"] for s in row["not_holding"]] == ["IND"]
    assert claim("France and Britain joined SEATO.", "1950-03-01")["verdict"] == "premature"


def test_joining_only_the_predecessor_is_not_checkable():
    # Georgia and Azerbaijan were in the 1992 Collective Security Treaty until 1999, never in the
    # CSTO (2002): loosely true, so neither right nor wrong
    row = claim("Georgia and Azerbaijan joined the CSTO before leaving it.", "2024-03-01")
    assert row["verdict"] == "not checkable"
    assert {u["iso3"] for u in row["not_holding"]} == {"GEO", "AZE"}
    assert "in CST, which CSTO succeeded" in row["reason"]
