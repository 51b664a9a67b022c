"""Names, dates and people on realistic articles: state names inside longer names, Georgia the
US state, front-matter and labelled dates, bylines with titles, broken person names."""

from __future__ import annotations

import datetime as dt

import pytest

import multipolar as mp
from multipolar.articles import text as loading

DAY = "2008-08-26"


def mentioned(text: str, date: str = DAY) -> dict[str, list[str]]:
    report = mp.read_article(text, date=date).to_dict()
    return {s["iso3"]: [m["text"] for m in s["mentions"]] for s in report["states"]}


def test_state_names_inside_longer_names_are_not_states():
    found = mentioned(
        "Chinese analyst Jordan Li said so. I watched Michael Jordan play. Troops crossed the Jordan "
        "River. Chad Mahamat, a delegate, spoke. The China Daily and China Central Television agreed. "
        "Jordan and Chad abstained."
    )
    assert found == {"CHN": ["Chinese"], "JOR": ["Jordan"], "TCD": ["Chad"]}


def test_words_that_qualify_a_state_keep_it():
    found = mentioned(
        "Communist China backed the Iraq War. They spoke of Maoist China and Ottoman Turkey. "
        "Kazakhstan President Nursultan Nazarbayev flew in. "
        "Neutral India abstained. Observers India, Pakistan and Iran came. In March Russia agreed."
    )
    assert set(found) == {"CHN", "IRQ", "KAZ", "IND", "PAK", "IRN", "RUS", "TUR"}
    assert len(found["IND"]) == 2


def test_title_case_headlines_keep_their_states():
    found = mentioned("Russia Joins China In New Security Bloc\n\nThe talks ended.")
    assert set(found) == {"RUS", "CHN"}


def test_georgia_the_us_state_is_not_georgia():
    found = mentioned(
        "Senator Saxby Chambliss of Georgia spoke. The storm hit Atlanta, Georgia, and Athens, Georgia. "
        "Georgia's governor agreed. Gov. Sonny Perdue of Georgia too. Georgia Lee attended. "
        "Russia and Georgia fought; Tbilisi, Georgia is calm."
    )
    assert found == {"RUS": ["Russia"], "GEO": ["Georgia", "Tbilisi", "Georgia"]}


def test_front_matter_datetime_and_author_with_title(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(
        '---\ntitle: "X"\nauthor: "Dr. Anna Kowalczyk"\ndate: 2024-07-05T09:30:00Z\n---\n\n# X\n\n'
        "The SCO met in Astana.\n",
        encoding="utf-8",
    )
    doc = loading.load(path)
    assert (doc.date, doc.date_source, doc.author) == (dt.date(2024, 7, 5), "metadata", "Anna Kowalczyk")


def test_byline_with_a_title_after_a_comma():
    assert loading.byline("Title\n\nBy Dr. Anna Kowalczyk, Senior Fellow\n\nText.") == "Anna Kowalczyk"
    assert loading.byline("Title\n\nBy the end of the week, talks resumed.\n") is None


def test_published_beats_updated_on_one_line():
    text = "SCO summit\n\nUpdated: 12:05 GMT, 10 July 2015 | Published: 09:30 GMT, 9 July 2015\n"
    assert loading.date_in_text(text)[0] == dt.date(2015, 7, 9)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Posted: 03/25/1999", dt.date(1999, 3, 25)),
        ("Published 25.03.1999", dt.date(1999, 3, 25)),
        ("Posted: 03/04/1999", None),  # March 4 or April 3: not read
        ("Scores 03/25/1999", None),  # no label: not read
    ],
)
def test_numeric_dates_need_a_label_and_a_day_above_12(line, day):
    found = loading.date_in_text(line)
    assert (found[0] if found else None) == day


def test_people_with_inner_capitals_initials_and_roles_after_a_comma():
    report = mp.read_article(
        "President John F. Kennedy spoke. Zbigniew Brzezinski, the national security adviser, disagreed. "
        "Javier Solana, NATO's secretary general, agreed. Republican candidate John McCain said no. "
        "Several Gulf states (Qatar and Kuwait) signed. Ayatollah Ruhollah Khomeini denounced both. "
        "Anna Berg, who met the president, left.",
        date=DAY,
    ).to_dict()
    assert [p["name"] for p in report["people"]] == [
        "John F. Kennedy",
        "Zbigniew Brzezinski",
        "Javier Solana",
        "John McCain",
        "Ruhollah Khomeini",
    ]


def test_food_after_a_state_name_is_the_bird():
    assert mentioned("Turkey sandwiches were served. Turkey joined NATO in 1952.", date="1962-10-24") == {
        "TUR": ["Turkey"]
    }


def test_a_weekday_after_a_state_keeps_it():
    found = mentioned("Russia, China and Kazakhstan Tuesday signed the charter.")
    assert set(found) == {"RUS", "CHN", "KAZ"}


def test_the_word_splitter_keeps_every_offset_and_splits_at_word_boundaries():
    from multipolar.articles.gazetteer import pipeline

    text = "Russia's  ally\\n\\nl'Iran, the U.S.-led NATO (Nigerian troops) and Guinea-Bissau."
    doc = pipeline().make_doc(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in doc)
    words = [t.text for t in doc if not t.is_space]
    assert words[:3] == ["Russia", "'", "s"] and "Iran" in words and "Nigerian" in words


def test_a_state_after_an_elided_article_is_a_name():
    report = mp.read_article(
        "Les pays observateurs, comme l'Iran, l'Inde et le Pakistan, attendent.", date="2008-09-07"
    )
    iran = next(s for s in report.extra["states"] if s["iso3"] == "IRN")
    assert iran["mentions"][0]["as"] == "name"


def test_reading_turns_away_unknown_words_without_building_suggestions(monkeypatch):
    from multipolar import errors
    from multipolar.states import identity

    def no_suggestions(*args, **kwargs):
        raise AssertionError("suggestions built")

    monkeypatch.setattr(errors, "close_matches", no_suggestions)
    assert identity.reading("Hello") is None
    assert identity.reading("Croatian") == "name" and identity.reading("SWE") == "ISO3"


def org_mentions(text: str) -> list[tuple[str, str]]:
    report = mp.read_article(text, date="1991-12-21")
    return [(org["id"], m["text"]) for org in report.organisations for m in org["mentions"]]


def test_the_short_name_of_an_organisation_named_before_is_that_organisation():
    text = (
        "Eleven republics founded the Commonwealth of Independent States. The Commonwealth now "
        "comprises Russia, Ukraine and Belarus. The Commonwealth's centre is Minsk."
    )
    assert org_mentions(text).count(("CIS", "Commonwealth")) == 2
    report = mp.read_article(text, date="1991-12-21")
    (claim,) = report.claims
    assert claim["org"] == "CIS" and claim["states"] == ["RUS", "UKR", "BLR"]


def test_a_short_name_without_its_organisation_before_it_or_with_two_is_nothing():
    # before the CIS is named, "the Commonwealth" is the Commonwealth of Nations (short_names.csv: "*")
    text = "The Commonwealth met in London. The Commonwealth of Independent States did not."
    assert org_mentions(text) == [
        ("COMMONWEALTH", "Commonwealth"),
        ("CIS", "Commonwealth of Independent States"),
    ]
    text = "The CIS met in Minsk, and the Commonwealth of Nations in London."
    assert ("CIS", "Commonwealth") not in org_mentions(text)
    # 'the Pact' after both the Warsaw Pact and the Baghdad Pact: which one is not said
    text = "The Warsaw Pact and the Baghdad Pact faced each other. The Pact held."
    assert [m for m in org_mentions(text) if m[1] == "Pact"] == []
    assert ("WARSAW_PACT", "Pact") in org_mentions("The Warsaw Pact met. The Pact held.")
