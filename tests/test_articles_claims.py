"""Claim scope: lists that are not the whole membership, non-members, founders, attributed claims."""

from __future__ import annotations

import pytest

import multipolar as mp
from multipolar.articles import claims as claiming
from multipolar.articles import conflicts as conflicting
from multipolar.articles import gazetteer as names
from multipolar.articles import text as loading


def claims_in(sentence: str, day: str) -> list[dict]:
    return mp.read_article(sentence, date=day).to_dict()["claims"]


def found_claims(text: str, **options) -> list[claiming.Claim]:
    """The claims as claims.py reads them, with the fields report.py does not show yet."""
    spans = loading.sentences(text)
    mentions = names.gazetteer().read(text, spans)
    lines = claiming.sentence_lines(text, mentions, spans, conflicting.HINT)
    return claiming.membership_claims(lines, text, **options)


@pytest.mark.parametrize(
    "sentence",
    [
        "The EU's non-NATO members Austria, Ireland, Malta and Cyprus abstained.",
        "Non-NATO members such as Austria and Ireland abstained.",
        "The EU's non NATO members Austria and Ireland abstained.",
        "Non-members of NATO such as Austria and Ireland abstained.",
        "Prospective NATO members Ukraine and Georgia waited.",
    ],
)
def test_non_members_of_an_organisation_are_no_claim(sentence):
    assert claims_in(sentence, "2022-05-18") == []


def test_members_named_after_non_members_are_still_read():
    (found,) = claims_in("NATO members Poland and Romania met. The non-members waited.", "2022-05-18")
    assert (found["org"], found["verdict"]) == ("NATO", "correct")


NATO_1999 = (
    "NATO, which groups the United States, Canada, Britain, France, Germany, Italy, Spain, Portugal, "
    "Belgium, the Netherlands, Luxembourg, Denmark, Norway, Iceland, Greece and Turkey, as well as {rest}, "
    "has never fought a war."
)


def test_a_whole_list_that_runs_on_with_as_well_as_is_refused():
    assert claims_in(NATO_1999.format(rest="the three new members"), "1999-03-25") == []
    along = "The SCO, which groups Russia and China along with four others, met."
    assert claims_in(along, "2008-09-07") == []


def test_as_well_as_between_states_continues_the_list():
    (found,) = claims_in(NATO_1999.format(rest="Poland, Hungary and the Czech Republic"), "1999-03-25")
    assert (found["exhaustive"], found["verdict"], len(found["listed"])) == (True, "correct", 19)


@pytest.mark.parametrize(
    "sentence",
    [
        "Russia's partners in the SCO",
        "Russia and the other members of the SCO",
        "Russia's fellow SCO members",
    ],
)
def test_the_others_in_an_organisation_are_not_its_whole_membership(sentence):
    others = " (China, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan) met."
    (found,) = claims_in(sentence + others, "2008-08-26")
    assert (found["org"], found["exhaustive"], found["verdict"]) == ("SCO", False, "correct")
    assert "RUS" not in found["listed"]


def test_the_members_of_an_organisation_in_brackets_are_still_the_whole_list():
    (found,) = claims_in(
        "The members of the SCO (China, Russia, Kazakhstan, Kyrgyzstan and Tajikistan) met.", "2008-08-26"
    )
    assert (found["exhaustive"], found["verdict"]) == (True, "incomplete")
    assert [m["iso3"] for m in found["missing"]] == ["UZB"]


@pytest.mark.parametrize(
    ("sentence", "pattern", "exhaustive"),
    [
        (
            "The founding members of BRICS (Brazil, Russia, India and China) were joined by others.",
            "bracketed",
            True,
        ),
        ("The original BRIC group of Brazil, Russia, India and China has grown.", "grouping", True),
        ("The BRICS founders Brazil, Russia, India and China met.", "apposition", False),
        ("Kazakhstan and Belarus, both founding members of the EAEU, met.", "both", False),
        ("Iran is a founding member of OPEC.", "are", False),
    ],
)
def test_founders_are_marked_to_be_checked_on_the_founding_day(sentence, pattern, exhaustive):
    (found,) = found_claims(sentence)
    assert (found.pattern, found.status, found.exhaustive, found.as_of) == (
        pattern,
        "member",
        exhaustive,
        "founding",
    )


def test_members_today_are_not_marked_as_founders():
    (found,) = found_claims("The members of BRICS (Brazil, Russia, India, China and South Africa) met.")
    assert found.as_of is None


def test_a_status_named_before_a_bracketed_list_is_its_status():
    (found,) = claims_in("The observers of the SCO (Iran, India, Mongolia and Pakistan) met.", "2008-08-26")
    assert (found["status"], found["exhaustive"], found["verdict"]) == ("observer", True, "correct")
    assert (
        claims_in("The former members of the CSTO (Georgia, Azerbaijan and Uzbekistan) met.", "2022-08-26")
        == []
    )


@pytest.mark.parametrize(
    "sentence",
    [
        'Some claim that "the Arab League, which groups Egypt, Iraq and Syria, is united."',
        "Analysts wrongly said that Saudi Arabia and Indonesia are members of BRICS.",
        "BRICS, which groups Brazil, Russia, India, China and South Africa, met, officials said.",
        "“BRICS groups Brazil, Russia, India, China and South Africa,” he said.",
        "According to Lavrov, Iran and Pakistan are observers of the SCO.",
    ],
)
def test_quoted_or_reported_claims_are_attributed(sentence):
    (found,) = found_claims(sentence)
    assert found.attributed is True


def test_the_articles_own_claims_are_not_attributed():
    (found,) = found_claims(
        "BRICS, which groups Brazil, Russia, India, China and South Africa, said it would grow."
    )
    assert found.attributed is False


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO members Poland and Romania hosted drills, a senior U.S. official told reporters.",
        "NATO members Poland and Romania hosted drills, Russian Foreign Minister Sergei Lavrov said.",
        "NATO members Poland and Romania hosted drills, said Russian Foreign Minister Sergei Lavrov.",
        "NATO members Poland and Romania hosted drills, according to a statement from Moscow.",
        "NATO members Poland and Romania, Lavrov said, hosted drills.",
        "Lavrov said that talks were over, and that NATO members Poland and Romania hosted drills.",
        "The CSTO includes Russia, Armenia and Belarus, its spokesman underscored.",
        "The CSTO includes Russia, Armenia and Belarus, its spokesman reiterated.",
        "Lavrov said on Tuesday that the talks, which included NATO members Poland and Romania, failed.",
    ],
)
def test_reports_of_the_claim_after_it_or_around_it_are_attributed(sentence):
    (found,) = found_claims(sentence)
    assert found.attributed is True


@pytest.mark.parametrize(
    "sentence",
    [
        "NATO members Poland and Romania hosted drills, but Lavrov said the talks would go on.",
        "NATO members Poland and Romania hosted drills, and Lavrov noted the buildup.",
        "NATO members Poland and Romania hosted drills, as Lavrov noted in another context.",
        "NATO members Poland and Romania, which Lavrov said were hostile, hosted drills.",
        "Poland and Romania, both NATO members, hosted drills, days after Lavrov warned against them.",
        "NATO members Poland and Romania hosted drills; Lavrov noted that the alliance was growing.",
        "NATO members Poland and Romania hosted drills; the talks, Lavrov said, were over.",
        "When Lavrov said that talks were over, NATO members Poland and Romania hosted drills.",
        "Putin, who said in May that NATO was a threat, met CSTO members Armenia and Belarus.",
        "BRICS, which groups Brazil, Russia, India, China and South Africa, said the talks failed.",
    ],
)
def test_a_report_in_a_clause_of_the_articles_own_does_not_attribute_the_claim(sentence):
    (found,) = found_claims(sentence)
    assert found.attributed is False


def test_a_dated_report_in_another_clause_does_not_drop_the_articles_claim():
    sentence = "NATO members Poland and Romania hosted drills, the first since Lavrov warned in 2004."
    (found,) = found_claims(sentence, year=2016)
    assert found.attributed is False


def test_a_claim_reported_in_another_year_is_left_out():
    quoted = '"BRICS, which groups Brazil, Russia, India and China," Lula said in 2009, "is the future."'
    assert claims_in(quoted, "2023-08-24") == []
    assert found_claims(quoted, year=2023) == []
    assert (
        found_claims("In 2009, Lula said that BRICS groups Brazil, Russia, India and China.", year=2023) == []
    )
    (found,) = found_claims(
        "Lula said in 2023 that BRICS groups Brazil, Russia, India, China and South Africa.", year=2023
    )
    assert (found.attributed, len(found.listed)) == (True, 5)


NATO_1962 = (
    "The NATO members are the United States, Canada, Britain, France, Belgium, the Netherlands, Luxembourg, "
    "Denmark, Norway, Iceland, Italy, Portugal, Greece, Turkey and West Germany."
)
CSTO_2014 = "The CSTO's {count} members are Russia, Belarus, Kazakhstan, Armenia, Kyrgyzstan and Tajikistan."


def test_the_members_are_a_whole_list():
    (found,) = claims_in(NATO_1962, "1962-10-24")
    assert found["exhaustive"] is False  # "the NATO members" may be those of a group named before
    assert (found["verdict"], len(found["listed"])) == ("correct", 15)
    (found,) = claims_in("Of the five, the NATO members are Poland and Hungary.", "2022-06-30")
    assert (found["exhaustive"], found["verdict"]) == (False, "correct")
    (found,) = claims_in(CSTO_2014.format(count="six"), "2014-06-02")
    assert (found["exhaustive"], found["verdict"]) == (True, "correct")
    (found,) = claims_in(CSTO_2014.format(count="six").replace("CSTO's six", "six CSTO"), "2014-06-02")
    assert found["exhaustive"] is False  # "six CSTO members are": no determiner, not the whole list


def test_a_count_that_differs_from_the_list_is_no_claim():
    assert claims_in(CSTO_2014.format(count="five"), "2014-06-02") == []


@pytest.mark.parametrize(
    ("sentence", "status", "exhaustive"),
    [
        ("The SCO's dialogue partners include Turkey and Sri Lanka.", "dialogue_partner", False),
        ("Among the SCO members are Russia and China.", "member", False),
        (
            "The members of the SCO are China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.",
            "member",
            True,
        ),
        ("Russia, China and Kazakhstan, all SCO members, met.", "member", False),
        ("Russia and China, both SCO members, met.", "member", False),
    ],
)
def test_more_membership_shapes(sentence, status, exhaustive):
    (found,) = claims_in(sentence, "2014-06-02")
    assert (found["org"], found["status"], found["exhaustive"], found["verdict"]) == (
        "SCO",
        status,
        exhaustive,
        "correct",
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The former CSTO members are Georgia and Azerbaijan.",
        "The CSTO members are not Georgia and Azerbaijan.",
        "Georgia and Azerbaijan, both non-CSTO members, met.",
        "The CSTO members are Russia, Belarus and others.",
    ],
)
def test_members_are_shapes_that_are_no_claim(sentence):
    assert claims_in(sentence, "2014-06-02") == []


def test_nature_claim_after_a_relative_clause():
    report = mp.read_article(
        "The SCO, which groups China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan, "
        "is not a military alliance, Lavrov noted.",
        date="2008-08-26",
    ).to_dict()
    (nature,) = report["nature_claims"]
    assert (nature["org"], nature["military"], nature["verdict"]) == ("SCO", False, "supported")


def test_no_nature_claim_when_the_clause_leaves_the_organisation():
    report = mp.read_article(
        "The SCO, which meets in Dushanbe, is not, Lavrov said, a military alliance.", date="2008-08-26"
    )
    assert report.to_dict()["nature_claims"] == []


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        ("Lavrov said the SCO is not a military alliance.", True),
        ('"The SCO military alliance," he wrote.', True),
        ("The SCO, which groups China and Russia, is not a military alliance, Lavrov noted.", True),
        ("The SCO is not a military alliance.", False),
    ],
)
def test_nature_claims_are_marked_attributed(sentence, said):
    spans = loading.sentences(sentence)
    mentions = names.gazetteer().read(sentence, spans)
    lines = claiming.sentence_lines(sentence, mentions, spans, conflicting.HINT)
    (nature,) = claiming.nature_claims(lines, sentence)
    assert (nature.org, nature.attributed) == ("SCO", said)
    (row,) = mp.read_article(sentence, date="2010-01-01").nature_claims  # and the report says so
    assert row["attributed"] is said


def test_a_question_claims_nothing():
    report = mp.read_article(
        "NATO members Finland and Sweden? Not yet. Is the SCO a military alliance?", date="2022-06-30"
    ).to_dict()
    assert (report["claims"], report["nature_claims"]) == ([], [])
    (found,) = claims_in("NATO members Finland and Sweden met. Not yet?", "2023-06-30")
    assert [m["iso3"] for m in found["not_holding"]] == ["SWE"]


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        ("Turkey, a NATO member, hosted the talks.", [("NATO", ["TUR"], "correct")]),
        ("Ukraine, a NATO member, hosted the talks.", [("NATO", ["UKR"], "wrong")]),
        ("Armenia, a member of the CSTO, hosted the talks.", [("CSTO", ["ARM"], "correct")]),
        ("The Czech Republic, a NATO member state, objected.", [("NATO", ["CZE"], "correct")]),
        ("Finland, not a NATO member, hosted the talks.", []),
        ("Sweden, a prospective NATO member, hosted the talks.", []),
        ("Poland, Hungary and the Czech Republic, a NATO member, met.", []),  # the last of a list
        ("If Georgia, a NATO member, were attacked, the alliance would respond.", []),
        ("Georgia, a former member of the CIS, left in 2009.", []),
    ],
)
def test_one_state_in_apposition_is_a_claim_about_that_state(sentence, read):
    found = claims_in(sentence, "2010-06-01")
    assert [(c["org"], c["listed"], c["verdict"]) for c in found] == read
    assert not any(c["exhaustive"] for c in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2015, SCO observers Iran and Belarus sent delegations.",
        "In March 2015, SCO observers Iran and Belarus sent delegations.",
        "Back in 2008, the SCO groups China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.",
        "In the 1990s, NATO members Poland and Hungary were candidates.",
        "Ten years ago, NATO members such as Poland and Latvia asked for more troops.",
        "Iran, an SCO observer until 2023, now sits at the table.",
        "Iran, an SCO observer (2005-2023), now sits at the table.",
        "Georgia joined the CSTO in 1994.",
    ],
)
def test_a_claim_set_in_another_time_is_left_out(sentence):
    assert claims_in(sentence, "2024-08-01") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2015, SCO observers Iran and Belarus sent delegations.",
        "In Astana, SCO members India and Pakistan met.",
        "Belarus, an SCO member since July, hosted the talks.",
    ],
)
def test_a_claim_in_the_articles_own_time_is_read(sentence):
    (found,) = claims_in(sentence, "2015-08-01" if "2015" in sentence else "2024-08-01")
    assert found["verdict"] == "correct"


@pytest.mark.parametrize(
    "sentence",
    [
        "Ukraine and Georgia are members of NATO's partnership programme.",
        "Ukraine and Georgia are members of the NATO-Ukraine Council.",
        "Ukraine and Georgia joined NATO's Partnership for Peace.",
        "Ukraine, a member of NATO's Partnership for Peace, attended.",
        "Had Ukraine and Georgia joined NATO, the war would be different.",
        "Ukraine, a NATO member in all but name, attended.",
    ],
)
def test_a_part_of_an_organisation_a_counterfactual_or_a_hedge_is_no_claim(sentence):
    assert claims_in(sentence, "2024-08-01") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Albania and Croatia joined NATO.",
        "Albania and Croatia are members of NATO.",
        "Albania, a member of NATO, attended.",
        "Albania and Croatia, both members of NATO, attended.",
    ],
)
def test_the_organisation_itself_is_still_read(sentence):
    (found,) = claims_in(sentence, "2024-08-01")
    assert found["verdict"] == "correct"


def test_a_list_ends_with_its_item_after_and():
    # after "Poland and Hungary", ", Austria" opens another clause: Austria is not listed
    text = "Unlike NATO members Poland and Hungary, Austria stayed neutral."
    (claim,) = mp.read_article(text, date="2010-01-01").claims
    assert (claim["listed"], claim["verdict"]) == (["POL", "HUN"], "correct")


def test_neither_nor_claims_nothing():
    report = mp.read_article("Neither Iran nor India is a member of NATO.", date="2010-01-01")
    assert report.claims == []
