"""Wire datelines without a year ("MOSCOW, Aug 26 (Reuters) -"): the year only from where the article
writes it apart from its story, borne out by the weekdays the story names; never guessed."""

from __future__ import annotations

import pytest

import multipolar as mp
from multipolar.articles import text as loading

RECOGNITION = "Russia recognises\n\nMOSCOW, Aug 26 (Reuters) - Russia recognised South Ossetia{day}.\n"


@pytest.mark.parametrize(
    ("article", "evidence"),
    [
        (RECOGNITION.format(day=" on Tuesday") + "\n© 2008 Thomson Reuters. All rights reserved.", "© 2008"),
        (RECOGNITION.format(day="") + "\nCopyright 2001-2008 Reuters", "Copyright 2001-2008"),
        ("Talks\n\nWASHINGTON/MOSCOW, Aug. 26 - Both sides met on Tuesday.\n\n(c) 2008 AP", "(c) 2008"),
        (
            "Beijing 2008: torch reaches Tibet\n\nLHASA, June 21 (Xinhua) -- The torch came on Saturday.",
            "Beijing 2008",
        ),
    ],
)
def test_a_yearless_dateline_takes_the_year_the_article_writes_apart(article, evidence):
    doc = loading.load(article)
    assert (doc.date.year, doc.date_source, doc.date_confidence) == (2008, "text", 0.3)
    assert evidence in doc.date_evidence
    assert any("give --date" in note for note in doc.notes)


@pytest.mark.parametrize(
    "article",
    [
        # no year outside the running text: "founded in 1996" is an event's year
        "Talks\n\nBEIJING, June 15 (Xinhua) -- Leaders met on Friday. The group, founded in 1996, grew.",
        # a copyright year that the story's weekday contradicts (Aug 26, 2008 was a Tuesday)
        RECOGNITION.format(day=" on Friday") + "\n© 2008 Reuters",
        # a year in the title with no weekday to bear it out, or one that does not fit (an anniversary)
        "Beijing 2008: torch reaches Tibet\n\nLHASA, June 21 (Xinhua) -- The torch reached Lhasa.",
        "Hungary 1956: fifty years on\n\nBUDAPEST, Oct 23 (Reuters) - Thousands marched on Sunday.",
        # years that disagree
        "Vision 2030 summit\n\nRIYADH, May 2 (Reuters) - Leaders met on Tuesday.\n\n© 2016 Reuters",
    ],
)
def test_a_yearless_dateline_without_a_sure_year_asks_for_the_date(article):
    doc = loading.load(article)
    assert (doc.date, doc.date_source) == (None, "none")
    assert any("has no year" in note for note in doc.notes)
    assert any("--date" in note for note in doc.notes)


def test_the_dateline_and_year_beat_a_date_in_running_text():
    article = RECOGNITION.format(day=", ending the war that began on August 8, 2008") + "\n© 2008 Reuters"
    assert loading.load(article).date.isoformat() == "2008-08-26"


def test_a_dateline_with_its_year_is_read_as_before():
    doc = loading.load("X\n\nKIEV, March 18, 2014 (Reuters) - Putin signed on Tuesday.\n\n© 2013 Reuters")
    assert (doc.date.isoformat(), doc.date_confidence) == ("2014-03-18", 0.7)


def test_claims_under_a_dated_wire_dateline_are_checked():
    article = (
        "SCO summit\n\nDUSHANBE, Aug 28 (Reuters) - The SCO, which groups China, Russia, Kazakhstan, "
        "Kyrgyzstan, Tajikistan and Uzbekistan, met on Thursday.\n\n© 2008 Reuters"
    )
    (claim,) = mp.read_article(article).to_dict()["claims"]
    assert claim["verdict"] == "correct"
