"""Conflict mentions: combining forms as parties, hypothetical wars, the year beside a mention,
duplicate records."""

from __future__ import annotations

import datetime as dt

import pytest

import multipolar as mp


def conflicts(text: str, date: str) -> list[tuple]:
    report = mp.read_article(text, date=date).to_dict()
    return [
        (c["participants"], c["year"], c["verdict"], sorted({(r["dataset"], r["id"]) for r in c["records"]}))
        for c in report["conflicts"]
    ]


@pytest.mark.parametrize(
    ("text", "date", "parties", "war"),
    [
        ("The Sino-Indian war broke out four days ago.", "1962-10-24", ["CHN", "IND"], 160),
        ("The Sino-Vietnamese war lasted a month.", "1979-03-10", ["CHN", "VNM"], 193),
        ("The Indo-Pakistani war ended.", "1971-12-20", ["IND", "PAK"], 178),
    ],
)
def test_combining_forms_are_parties(text, date, parties, war):
    [(found, _, verdict, records)] = conflicts(text, date)
    assert (found, verdict) == (parties, "linked")
    assert ("cow_war_inter", war) in records


def test_indo_pacific_is_no_mention_of_india():
    report = mp.read_article("The Indo-Pacific strategy of Japan was discussed.", date="2023-01-01").to_dict()
    assert [s["iso3"] for s in report["states"]] == ["JPN"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The war between Iran and Iraq that many expect has not broken out.", "1980-01-15"),
        ("If Ukraine joined NATO, there would be no war between Russia and Ukraine.", "2022-03-01"),
        ("Officials warned of the threat of war with Iraq.", "1990-08-10"),
        ("Such a step could lead to war between India and Pakistan.", "2002-01-10"),
    ],
)
def test_hypothetical_wars_are_not_linked(text, date):
    [(_, _, verdict, records)] = conflicts(text, date)
    assert (verdict, records) == ("not linked", [])


def test_a_year_after_since_is_not_the_conflicts_year():
    found = conflicts("Russia's invasion of Ukraine is the largest war in Europe since 1945.", "2022-03-01")
    assert found[0] == (["RUS", "UKR"], 2022, "linked", [("ucdp_acd", 13243)])


def test_a_year_just_after_the_mention_still_counts():
    found = conflicts("The civil war in Tajikistan, which ended in 1997, was cited.", "2001-06-15")
    assert found[0][1] == 1997


def test_each_record_is_listed_once():
    [(_, _, verdict, records)] = conflicts("The war in Iraq entered its second week.", "2003-03-25")
    report = mp.read_article("The war in Iraq entered its second week.", date="2003-03-25").to_dict()
    ids = [(r["dataset"], r["id"]) for r in report["conflicts"][0]["records"]]
    assert verdict == "ambiguous" and len(ids) == len(set(ids)) == len(records)


def test_kosovo_before_2008_is_a_place_in_yugoslavia():
    [(parties, year, verdict, records)] = conflicts(
        "The Kosovo war has driven 500,000 from their homes.", "1999-04-10"
    )
    assert (parties, year, verdict) == (["YUG"], 1999, "linked")
    assert ("ucdp_acd", 412) in records


def test_dated_places_do_not_shadow_the_state_later():
    from multipolar.articles.gazetteer import place_until

    assert place_until("Kosovo", dt.date(1999, 3, 25)) == "Kosovo"
    assert place_until("Kosovo", dt.date(2008, 2, 17)) is None
    assert place_until("Montenegro", dt.date(2006, 6, 3)) is None
    report = mp.read_article("Kosovo and Montenegro joined talks with Serbia.", date="2010-03-25").to_dict()
    assert {s["iso3"] for s in report["states"]} == {"XKX", "MNE", "SRB"}
    assert report["places"] == []


def test_a_demonym_after_a_named_party_opens_a_new_phrase():
    found = conflicts("China's attack on India and the Cuban crisis together mean war.", "1962-10-24")
    assert found[0][:3] == (["CHN", "IND"], 1962, "linked")
    found = conflicts("The war between the Iranian and Iraqi armies raged.", "1980-10-01")
    assert found[0][0] == ["IRN", "IRQ"]
