"""Names, dates and people on realistic articles: state names inside longer names, Georgia the
US state, front-matter and labelled dates, bylines with titles, broken person names."""

from __future__ import annotations

import multipolar as mp

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
        "Communist China backed the Iraq War. Kazakhstan President Nursultan Nazarbayev flew in. "
        "Neutral India abstained. Observers India, Pakistan and Iran came. In March Russia agreed."
    )
    assert set(found) == {"CHN", "IRQ", "KAZ", "IND", "PAK", "IRN", "RUS"}
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
