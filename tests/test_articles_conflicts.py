"""Conflict mentions: combining forms as parties, hypothetical wars, the year beside a mention,
duplicate records."""

from __future__ import annotations

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
