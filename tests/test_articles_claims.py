"""Membership claims read clause by clause: what is claimed, of which states, when, denied or not,
whose words; each sentence with the claims it makes (or none) and their verdicts."""

from __future__ import annotations

import pytest

import multipolar as mp
from multipolar.articles import claims as claiming
from multipolar.articles import conflicts as conflicting
from multipolar.articles import gazetteer as names
from multipolar.articles import text as loading


def read(sentence: str, day: str) -> list[tuple]:
    """(org, what, states, anchor, polarity, verdict) of each claim in ``sentence`` read on ``day``."""
    return [
        (c["org"], c["what"], c["states"], c["time"]["anchor"], c["polarity"], c["verdict"])
        for c in mp.read_article(sentence, date=day).to_dict()["claims"]
    ]


def claims_in(sentence: str, day: str) -> list[dict]:
    return mp.read_article(sentence, date=day).to_dict()["claims"]


A = "affirmed"


@pytest.mark.parametrize(
    ("day", "sentence", "expected"),
    [
        # a status list per clause, split at "while"; the organisation named in the sentence before
        (
            "2019-06-01",
            "The SCO met in Astana. Mongolia and Belarus hold observer status, while Nepal and Cambodia "
            "are dialogue partners.",
            [
                ("SCO", "observer", ["MNG", "BLR"], "article", A, "correct"),
                ("SCO", "dialogue partner", ["NPL", "KHM"], "article", A, "correct"),
            ],
        ),
        # events with a day, a year, a month in a relative clause
        (
            "2024-03-01",
            "BRICS expanded. Egypt and Ethiopia became full-fledged members on January 1, 2024.",
            [("BRICS", "joined", ["EGY", "ETH"], "day", A, "correct")],
        ),
        (
            "2024-03-01",
            "India and Pakistan joined the SCO in 2017.",
            [("SCO", "joined", ["IND", "PAK"], "year", A, "correct")],
        ),
        ("2024-05-01", "Sweden joined NATO in 2022.", [("NATO", "joined", ["SWE"], "year", A, "premature")]),
        (
            "2010-01-01",
            "The CIS held a summit. Georgia, which joined the bloc in December 1993, left later.",
            [("CIS", "joined", ["GEO"], "month", A, "correct")],
        ),
        (
            "2010-01-01",
            "Iran was granted observer status in the SCO in 2005.",
            [("SCO", "joined", ["IRN"], "year", A, "correct")],
        ),
        (
            "2009-09-01",
            "Georgia formally quits the CIS.",
            [("CIS", "left", ["GEO"], "article", A, "correct")],
        ),
        (
            "2008-08-18",
            "Georgia formally quits the CIS.",
            [("CIS", "left", ["GEO"], "article", A, "premature")],
        ),
        # a future claim against what the data now say of its day
        (
            "2024-10-24",
            "BRICS met in Kazan. Belarus, Bolivia and Kazakhstan will become partner states "
            "from January 1, 2025.",
            [("BRICS", "joined", ["BLR", "BOL", "KAZ"], "future", A, "came true")],
        ),
        (
            "2008-09-07",
            "Iran and India will join the SCO if the summit agrees.",  # a future claim, unsure: a condition
            [("SCO", "joined", ["IRN", "IND"], "future", A, "came true")],
        ),
        # founders, and a second clause with a list of its own
        (
            "2020-01-01",
            "BRICS was founded in 2006 by Brazil, Russia, India and China, and South Africa joined in 2010.",
            [
                ("BRICS", "founded by", ["BRA", "RUS", "IND", "CHN"], "year", A, "correct"),
                ("BRICS", "joined", ["ZAF"], "year", A, "correct"),
            ],
        ),
        # denial, and a clause that goes on with the subject of the one before
        (
            "2020-01-01",
            "Turkey is a dialogue partner of the SCO but is not a full member.",
            [
                ("SCO", "dialogue partner", ["TUR"], "article", A, "correct"),
                ("SCO", "member", ["TUR"], "article", "denied", "correct"),
            ],
        ),
        (
            "2010-01-01",
            "Neither Iran nor India is a member of NATO.",
            [("NATO", "member", ["IRN", "IND"], "article", "denied", "correct")],
        ),
        (
            "2010-06-01",
            "Finland, not a NATO member, hosted the talks.",
            [("NATO", "member", ["FIN"], "article", "denied", "correct")],
        ),
        # a list ends with its item after "and": Austria is no member
        (
            "2020-01-01",
            "Unlike NATO members Poland and Hungary, Austria stayed neutral.",
            [("NATO", "member", ["POL", "HUN"], "article", A, "correct")],
        ),
        # a list set out on a line of its own
        (
            "2005-01-01",
            "NATO expanded in 2004.\n"
            "Joined in 2004: Bulgaria, Estonia, Latvia, Lithuania, Romania, Slovakia and Slovenia",
            [("NATO", "joined", ["BGR", "EST", "LVA", "LTU", "ROU", "SVK", "SVN"], "year", A, "correct")],
        ),
        # a claim set in another time is checked as of that time, never dropped
        (
            "2024-08-01",
            "In 2015, SCO observers Iran and Belarus sent delegations.",
            [("SCO", "observer", ["IRN", "BLR"], "year", A, "correct")],
        ),
        (
            "2024-08-01",
            "In March 2015, SCO observers Iran and Belarus sent delegations.",
            [("SCO", "observer", ["IRN", "BLR"], "month", A, "premature")],
        ),
        (
            "2024-08-01",
            "Iran, an SCO observer until 2023, now sits at the table.",
            [("SCO", "observer", ["IRN"], "until", A, "correct")],
        ),
        (
            "2024-08-01",
            "Belarus, an SCO member since July, hosted the talks.",
            [("SCO", "member", ["BLR"], "since", A, "correct")],
        ),
        (
            "2024-08-01",
            "Ten years ago, NATO members such as Poland and Latvia asked for more troops.",
            [("NATO", "member", ["POL", "LVA"], "year", A, "correct")],
        ),
        (
            "2024-08-01",
            "Georgia joined the CSTO in 1993.",
            [("CST", "joined", ["GEO"], "year", A, "correct")],
        ),  # the CSTO's predecessor then
        # a name spelled out before its bracketed abbreviation is the organisation's
        (
            "2018-01-01",
            "Gabon became a member of the Organization of Petroleum Exporting Countries (OPEC) in 2016.",
            [("OPEC", "joined", ["GAB"], "year", A, "correct")],
        ),
        (
            "2017-06-01",
            "The CSTO met. Georgia left the grouping once before, in 1999, and never came back.",
            [("CST", "left", ["GEO"], "year", A, "correct")],  # "once before" is no condition
        ),
        (
            "2012-06-01",
            "The CSTO met. The grouping also includes Russia and Armenia.",
            [("CSTO", "member", ["RUS", "ARM"], "article", A, "correct")],
        ),
        ("2012-06-01", "The CSTO met. Few want to enter the organization, including Uzbekistan.", []),
        (
            "2017-02-01",
            "Morocco rejoins the African Union.",
            [("AU", "joined", ["MAR"], "article", A, "correct")],
        ),
        (
            "2023-05-08",
            "Syria was readmitted to the Arab League on 7 May 2023.",  # its suspension ended that day
            [("ARAB_LEAGUE", "admitted", ["SYR"], "day", A, "correct")],
        ),
        (
            "2021-11-26",
            "“Ukraine is a partner of NATO,” while it is not a member of the Alliance.",  # "it": Ukraine
            [
                ("NATO", "partner", ["UKR"], "article", A, "not checkable"),
                ("NATO", "member", ["UKR"], "article", "denied", "correct"),
            ],
        ),
        (
            "2022-03-16",
            "The Russian Federation ceases to be a member of the Council of Europe as from today.",
            [("COE", "withdrew", ["RUS"], "day", A, "correct")],
        ),
        (
            "2014-03-25",
            "Russia was yesterday excluded from the influential G8 group of nations.",
            [
                ("G8", "was suspended", ["RUS"], "day", A, "not checkable")
            ],  # the registry keeps no G8 suspension
        ),
        (
            "2017-08-06",
            "Mercosur has decided to suspend the membership of Venezuela in the bloc.",  # done, not future
            [("MERCOSUR", "was suspended", ["VEN"], "article", A, "correct")],
        ),
        (
            "2024-06-07",
            "The UN General Assembly met. Algeria and Guyana are non-permanent members of the "
            "Security Council.",
            [("UNSC", "member", ["DZA", "GUY"], "article", A, "correct")],  # the UN's, once the UN is named
        ),
        (
            "2002-07-24",
            "The council approved Switzerland's application for U.N. membership.",
            [("UN", "applied", ["CHE"], "article", A, "not checkable")],
        ),
        (
            "2022-06-27",
            "The Commonwealth has admitted Gabon and Togo.",  # no CIS named: the Commonwealth of Nations
            [("COMMONWEALTH", "admitted", ["GAB", "TGO"], "article", A, "correct")],
        ),
        (
            "2010-01-01",
            "Georgia left the Commonwealth of Independent States. The Commonwealth met without it.",
            [("CIS", "left", ["GEO"], "article", A, "correct")],
        ),
        (
            "2012-12-08",
            "Mercosur was created in 1991, and it is now made up of Argentina, Brazil, Uruguay, Venezuela "
            "and Paraguay, which was suspended.",  # "it": the organisation; "which was": Paraguay only
            [
                ("MERCOSUR", "member", ["ARG", "BRA", "URY", "VEN", "PRY"], "article", A, "correct"),
                ("MERCOSUR", "was suspended", ["PRY"], "article", A, "correct"),
            ],
        ),
        (
            "2024-10-13",
            "BRICS met. Besides Brazil, to which the group owes its first letter, it now also includes "
            "Egypt.",
            # "it" after Brazil: the group; the list after "Besides" is a member too
            [
                ("BRICS", "member", ["EGY"], "article", A, "correct"),
                ("BRICS", "member", ["BRA"], "article", A, "correct"),
            ],
        ),
        (
            "2010-09-01",
            "SAARC met. Afghanistan was added to the grouping on 13 November 2005, and became a member on "
            "3 April 2007.",  # two events, each with its own day
            [
                ("SAARC", "joined", ["AFG"], "day", A, "premature"),
                ("SAARC", "joined", ["AFG"], "day", A, "correct"),
            ],
        ),
        (
            "2022-06-27",
            "The Commonwealth met. Rwanda was the last country to join the Commonwealth, in 2009.",
            [("COMMONWEALTH", "joined", ["RWA"], "year", A, "correct")],
        ),
        (
            "2022-06-27",
            "The Commonwealth met. Gabon borders Cameroon – also a member of the Commonwealth – and Chad.",
            [("COMMONWEALTH", "member", ["CMR"], "article", A, "correct")],
        ),
        (
            "2023-05-08",
            "The Arab League decided on 7 May to allow Syria to rejoin the organization.",
            [("ARAB_LEAGUE", "joined", ["SYR"], "article", A, "correct")],  # its suspension ended
        ),
        ("2013-07-01", "Croatia is the first country to join the EU since 2007.", []),  # a rank, not read
        ("2014-10-09", "Putin expects Armenia to join the EEU.", []),  # an infinitive: no claim
        (
            "2023-12-07",
            "Mercosur – a group initially formed by Brazil, Uruguay, Paraguay and Argentina – met.",
            [("MERCOSUR", "founded by", ["BRA", "URY", "PRY", "ARG"], "article", A, "correct")],
        ),
        (
            "2023-07-05",
            "The SCO met. Iran was officially elected as a member at the summit on July 4.",
            [("SCO", "joined", ["IRN"], "day", A, "correct")],
        ),
        (
            "2013-07-01",  # a Monday: "Sunday" alone would be 30 June; the brackets say which day
            "Croatia became a member of the European Union at midnight Sunday (1 July).",
            [("EU", "joined", ["HRV"], "day", A, "correct")],
        ),
        (
            "1981-05-26",
            "The rulers of the GCC nations - the UAE, Saudi Arabia, Bahrain, Qatar, Kuwait and Oman - met.",
            [("GCC", "member", ["ARE", "SAU", "BHR", "QAT", "KWT", "OMN"], "article", A, "correct")],
        ),
        ("2010-01-01", "The NATO-Russia Council met Ukraine and Georgia.", []),  # a hyphen, not a dash
        # statuses of another day or nobody's, parts of an organisation, hedges: no claim
        (
            "2022-05-18",
            "The EU's non-NATO members Austria, Ireland, Malta and Cyprus abstained.",  # a denial
            [("NATO", "member", ["AUT", "IRL", "MLT", "CYP"], "article", "denied", "correct")],
        ),
        (
            "2022-05-18",
            "Non-members of NATO such as Austria and Ireland abstained.",
            [("NATO", "member", ["AUT", "IRL"], "article", "denied", "correct")],
        ),
        ("2022-05-18", "Prospective NATO members Ukraine and Georgia waited.", []),
        ("2014-06-02", "The former CSTO members are Georgia and Azerbaijan.", []),
        ("2024-08-01", "Ukraine and Georgia are members of NATO's partnership programme.", []),
        ("2024-08-01", "Ukraine and Georgia are members of the NATO-Ukraine Council.", []),
        ("2024-08-01", "Ukraine and Georgia joined NATO's Partnership for Peace.", []),
        ("2024-08-01", "Had Ukraine and Georgia joined NATO, the war would be different.", []),
        ("2024-08-01", "Ukraine, a NATO member in all but name, attended.", []),
        ("2010-06-01", "Poland, Hungary and the Czech Republic, a NATO member, met.", []),  # of the last only
        ("2010-06-01", "If Georgia, a NATO member, were attacked, the alliance would respond.", []),
        ("2008-09-07", "Russian, Chinese and Iranian diplomats are members of the SCO delegation.", []),
        ("2008-09-07", "The SCO, which groups Russia, China and Iran's neighbours, met again.", []),
        # a list that runs on names members, not the whole membership (as the corpus annotates it)
        (
            "2008-09-07",
            "The SCO, which groups Russia and China along with four others, met.",
            [("SCO", "member", ["RUS", "CHN"], "article", A, "correct")],
        ),
        ("2008-09-07", "NATO and the SCO include Russia and China, a diplomat claimed.", []),  # whose?
        ("2022-06-30", "NATO members Finland and Sweden? Not yet.", []),  # a question
        ("2020-01-01", "NATO met Finland and the", []),  # a line that ends on "and the"
    ],
)
def test_claims_sentence_by_sentence(day, sentence, expected):
    assert read(sentence, day) == expected


@pytest.mark.parametrize(
    ("day", "sentence", "count", "verdict"),
    [
        (
            "2020-04-01",
            "North Macedonia joined NATO on 27 March 2020, becoming the alliance's 30th member.",
            30,
            "correct",
        ),
        ("2024-07-05", "The SCO held a summit. The group now has ten members.", 10, "correct"),
        ("2020-01-01", "The CSTO met. Leaders of the six-nation bloc agreed.", 6, "correct"),
        ("2019-10-02", "OPEC met. The 14-member international oil cartel agreed.", 14, "correct"),
        ("2009-07-04", "The motion won 33 out of 34 members of the OAS.", 34, "correct"),
        ("2022-02-01", "The Council of Europe met. The body composed of 47 countries agreed.", 47, "correct"),
        ("2009-04-01", "Albania and Croatia joined NATO, raising its member states to 28.", 28, "correct"),
        ("2009-04-02", "NATO met. The enlargement brings to 28 the number of allies.", 28, "correct"),
        ("2010-01-01", "SAARC met. The menace has affected all the eight members.", 8, "correct"),
        ("2010-09-01", "SAARC met. The number of member states was raised to eight.", 8, "correct"),
        (
            "1980-10-20",
            "The plan needs the approval of the 14 other NATO members.",
            15,
            "correct",
        ),  # the others
        ("1980-10-20", "NATO's other 14 members agreed.", 15, "correct"),
        ("1960-02-04", "The Warsaw Pact met. The eight pact members agreed.", 8, "correct"),
        # 30 until Finland joined on 2023-04-04: outdated; 29 was two years before: wrong
        ("2024-01-01", "NATO met. The 30-member alliance agreed.", 30, "outdated"),
        ("2024-07-01", "NATO met. The 29-member alliance agreed.", 29, "wrong"),
        ("2020-03-01", "NATO met. The 30-member alliance agreed.", 30, "wrong"),
    ],
)
def test_counts_are_checked_against_the_rosters_size(day, sentence, count, verdict):
    (found,) = [c for c in claims_in(sentence, day) if c["what"] == "count"]
    assert (found["count"], found["verdict"]) == (count, verdict)


def test_a_count_that_differs_from_the_list_leaves_the_list_unsure():
    found = claims_in(
        "The CSTO's five members are Russia, Belarus, Kazakhstan, Armenia, Kyrgyzstan and Tajikistan.",
        "2014-06-02",
    )
    listed = next(c for c in found if c["what"] == "member")
    count = next(c for c in found if c["what"] == "count")
    assert listed["unsure"] == "the text counts 5 but lists 6"
    assert (count["count"], count["verdict"]) == (5, "wrong")


NATO_1999 = (
    "NATO, which groups the United States, Canada, Britain, France, Germany, Italy, Spain, Portugal, "
    "Belgium, the Netherlands, Luxembourg, Denmark, Norway, Iceland, Greece and Turkey, as well as {rest}, "
    "has never fought a war."
)


def test_a_whole_list_that_runs_on_is_not_whole_and_one_joined_by_as_well_as_is_whole():
    (found,) = claims_in(NATO_1999.format(rest="the three new members"), "1999-03-25")
    assert (found["exhaustive"], found["verdict"], len(found["states"])) == (False, "correct", 16)
    (found,) = claims_in(NATO_1999.format(rest="Poland, Hungary and the Czech Republic"), "1999-03-25")
    assert (found["exhaustive"], found["verdict"], len(found["states"])) == (True, "correct", 19)


@pytest.mark.parametrize(
    ("sentence", "exhaustive", "verdict"),
    [
        (
            "Russia's partners in the SCO (China, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan) met.",
            False,
            "correct",
        ),
        (
            "Russia and the other members of the SCO (China, Kazakhstan, Kyrgyzstan, Tajikistan and "
            "Uzbekistan) met.",
            False,
            "correct",
        ),
        (
            "The members of the SCO (China, Russia, Kazakhstan, Kyrgyzstan and Tajikistan) met.",
            True,
            "incomplete",
        ),
        ("The observers of the SCO (Iran, India, Mongolia and Pakistan) met.", True, "correct"),
    ],
)
def test_the_others_in_an_organisation_are_not_its_whole_membership(sentence, exhaustive, verdict):
    (found,) = claims_in(sentence, "2008-08-26")
    assert (found["exhaustive"], found["verdict"]) == (exhaustive, verdict)
    assert "RUS" not in found["states"] or exhaustive


@pytest.mark.parametrize(
    "sentence",
    [
        "The founding members of BRICS (Brazil, Russia, India and China) were joined by others.",
        "The original BRIC group of Brazil, Russia, India and China has grown.",
        "The BRICS founders Brazil, Russia, India and China met.",
    ],
)
def test_founders_are_checked_on_the_founding_day(sentence):
    (found,) = claims_in(sentence, "2020-01-01")
    assert (found["what"], found["verdict"]) == ("founded by", "correct")


@pytest.mark.parametrize(
    "sentence",
    [
        'Some claim that "the Arab League, which groups Egypt, Iraq and Syria, is united."',
        "Analysts wrongly said that Saudi Arabia and Indonesia are members of BRICS.",
        "BRICS, which groups Brazil, Russia, India, China and South Africa, met, officials said.",
        "“BRICS groups Brazil, Russia, India, China and South Africa,” he said.",
        "According to Lavrov, Iran and Pakistan are observers of the SCO.",
        "NATO members Poland and Romania hosted drills, a senior U.S. official told reporters.",
        "NATO members Poland and Romania, Lavrov said, hosted drills.",
        "Lavrov said that talks were over, and that NATO members Poland and Romania hosted drills.",
        "The CSTO includes Russia, Armenia and Belarus, its spokesman underscored.",
        "Lavrov said on Tuesday that the talks, which included NATO members Poland and Romania, failed.",
    ],
)
def test_quoted_or_reported_claims_are_marked_reported(sentence):
    (found,) = claims_in(sentence, "2016-01-01")
    assert found["reported"] is True


@pytest.mark.parametrize(
    "sentence",
    [
        "BRICS, which groups Brazil, Russia, India, China and South Africa, said it would grow.",
        "NATO members Poland and Romania hosted drills, but Lavrov said the talks would go on.",
        "NATO members Poland and Romania, which Lavrov said were hostile, hosted drills.",
        "Poland and Romania, both NATO members, hosted drills, days after Lavrov warned against them.",
        "When Lavrov said that talks were over, NATO members Poland and Romania hosted drills.",
        "Putin, who said in May that NATO was a threat, met CSTO members Armenia and Belarus.",
        "NATO members Poland and Romania hosted drills, the first since Lavrov warned in 2004.",
    ],
)
def test_the_articles_own_claims_are_not_reported(sentence):
    (found,) = claims_in(sentence, "2016-01-01")
    assert (found["reported"], found["verdict"]) == (False, "correct")


def test_a_claim_reported_with_a_year_is_checked_in_that_year():
    quoted = '"BRICS, which groups Brazil, Russia, India and China," Lula said in 2009, "is the future."'
    (found,) = claims_in(quoted, "2023-08-24")
    assert (found["time"], found["reported"], found["verdict"]) == (
        {"anchor": "year", "value": "2009"},
        True,
        "correct",
    )


@pytest.mark.parametrize(
    ("sentence", "exhaustive"),
    [
        ("The SCO's dialogue partners include Turkey and Sri Lanka.", False),
        ("Among the SCO members are Russia and China.", False),
        (
            "The members of the SCO are China, Russia, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.",
            True,
        ),
        ("The CSTO's six members are Russia, Belarus, Kazakhstan, Armenia, Kyrgyzstan and Tajikistan.", True),
        ("Russia, China and Kazakhstan, all SCO members, met.", False),
        ("Of the five, the NATO members are Poland and Hungary.", False),  # those of a group named before
        ("Armenia, a member of the CSTO, hosted the talks.", False),
        ("The Czech Republic, a NATO member state, objected.", False),
    ],
)
def test_more_membership_shapes(sentence, exhaustive):
    found = [c for c in claims_in(sentence, "2014-06-02") if c["what"] != "count"]
    assert [(c["exhaustive"], c["verdict"]) for c in found] == [(exhaustive, "correct")]


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


def test_an_organisation_named_in_another_sentence_with_another_close_by_is_unsure():
    text = "NATO and the SCO met in Geneva. Mongolia and Belarus hold observer status."
    (found,) = claims_in(text, "2019-06-01")
    assert found["org"] == "SCO" and "assumed" in found["unsure"]


def test_each_state_with_a_year_of_its_own_is_a_claim_of_its_own():
    text = (
        "OPEC was founded in 1960. Since then its membership has risen to include Qatar (1961), "
        "Libya (1962) and Angola (2007). Gabon was added in 1975 and terminated its membership in 1995."
    )
    found = [
        (c["what"], c["states"], c["time"]["value"], c["verdict"]) for c in claims_in(text, "2015-04-21")
    ]
    assert found == [
        ("joined", ["QAT"], "1961", "correct"),  # Qatar's days are known only by year: the year is right
        ("joined", ["LBY"], "1962", "correct"),
        ("joined", ["AGO"], "2007", "correct"),
        ("joined", ["GAB"], "1975", "correct"),
        ("withdrew", ["GAB"], "1995", "correct"),  # the clause after "and" goes on with Gabon
    ]


def test_lists_that_share_a_verb_each_have_their_own_year():
    text = (
        "NATO grew. Bulgaria, Estonia and Slovakia joined in 2004; the Czech Republic, Hungary and Poland "
        "in 1999; Spain in 1982; Germany in 1955 and Greece and Turkey joined the Alliance in 1952."
    )
    found = [(c["states"], c["time"]["value"], c["verdict"]) for c in claims_in(text, "2008-04-03")]
    assert sorted(found) == sorted(
        [
            (["BGR", "EST", "SVK"], "2004", "correct"),
            (["GRC", "TUR"], "1952", "correct"),
            (["CZE", "HUN", "POL"], "1999", "correct"),
            (["ESP"], "1982", "correct"),
            (["DEU"], "1955", "correct"),
        ]
    )


@pytest.mark.parametrize(
    ("day", "sentence", "expected"),
    [
        (
            "2024-01-19",
            "The BRICS was formed in 2006 with Brazil, Russia, India and China. It was first expanded to "
            "admit South Africa in 2010.",
            [("founded by", ["BRA", "RUS", "IND", "CHN"], "correct"), ("admitted", ["ZAF"], "correct")],
        ),
        (
            "2025-01-07",
            "BRICS was founded in 2006 by Brazil, Russia, India and China, while South Africa joined the "
            "following year.",
            [("founded by", ["BRA", "RUS", "IND", "CHN"], "correct"), ("joined", ["ZAF"], "premature")],
        ),  # the curated data date South Africa's membership from 2010-12-24: later than 2007
        (
            "2020-02-02",
            "The EU was founded in 1993.\n- 2013: Croatia becomes the 28th.",
            [("count", ["HRV"], "correct")],
        ),
        (
            "2022-05-24",
            "Sweden and Finland have both formally requested to join NATO.",
            [("applied", ["SWE", "FIN"], "not checkable")],  # the registry keeps no NATO applications
        ),
    ],
)
def test_more_constructions(day, sentence, expected):
    assert [(c["what"], c["states"], c["verdict"]) for c in claims_in(sentence, day)] == expected
