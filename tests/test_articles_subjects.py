"""Who a membership claim is about and which organisation it names, when the article does not
write them out beside the cue: short names ("the Security Council", "the Council"), words that
stand for states named before ("the two countries", "they"), variants of a state's name, lists
set out by layout or in apposition. Every sentence here is written for the test."""

from __future__ import annotations

import pytest

import multipolar as mp


def read(text: str, day: str) -> list[tuple]:
    """(org, what, states, anchor, polarity) of each claim in ``text`` read on ``day``."""
    return [
        (c["org"], c["what"], c["states"], c["time"]["anchor"], c["polarity"])
        for c in mp.read_article(text, date=day).to_dict()["claims"]
    ]


A = "affirmed"


@pytest.mark.parametrize(
    ("day", "text", "expected"),
    [
        # "the Security Council" is the UN's without the UN named first; "the Council" once it is named
        (
            "2019-03-01",
            "The Security Council is made up of five permanent members: China, France, Russia, the "
            "United Kingdom and the United States.",
            [("UNSC", "member", ["CHN", "FRA", "RUS", "GBR", "USA"], "article", A)],
        ),
        (
            "2019-03-01",
            "Diplomats met at the Security Council on Monday. Germany, which is currently a "
            "non-permanent member of the Council, chaired the meeting.",
            [("UNSC", "member", ["DEU"], "article", A)],
        ),
    ],
)
def test_short_names(day, text, expected):
    assert [c for c in read(text, day) if c[1] != "count"] == expected


def test_the_council_needs_its_organisation_named():
    # "the Council" names nothing when no council the table knows was named before it
    assert read("Germany is a member of the Council, the minister said.", "2019-03-01") == []
