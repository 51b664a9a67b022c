"""The families of wordings English news uses for membership statuses, events, counts, founding and
denials, each read from a row of the cue tables or a clause-level rule (sentences written for these
tests, not taken from the corpus)."""

from __future__ import annotations

import pytest

import multipolar as mp

A = "affirmed"


def read(sentence: str, day: str) -> list[tuple]:
    """(org, what, states, count, anchor, polarity) of each claim in ``sentence`` read on ``day``."""
    return [
        (c["org"], c["what"], c["states"], c.get("count"), c["time"]["anchor"], c["polarity"])
        for c in mp.read_article(sentence, date=day).to_dict()["claims"]
    ]


@pytest.mark.parametrize(
    ("day", "sentence", "expected"),
    [
        # phrasal and passive events, nominalisations
        (
            "2024-03-01",
            "Syria is back in the Arab League.",
            [("ARAB_LEAGUE", "member", ["SYR"], None, "article", A)],
        ),
        ("2024-03-01", "Qatar was thrown out of OPEC in 2011.", [("OPEC", "left", ["QAT"], None, "year", A)]),
        (
            "2024-03-01",
            "Kuwait was kicked out of OPEC in 2011.",
            [("OPEC", "left", ["KWT"], None, "year", A)],
        ),
        (
            "2024-03-01",
            "Syria's readmittance to the Arab League came in May.",
            [("ARAB_LEAGUE", "admitted", ["SYR"], None, "article", A)],
        ),
        (
            "2024-03-01",
            "Uzbekistan left the CSTO in 1999 but returned in 2006.",
            [("CST", "left", ["UZB"], None, "year", A), ("CSTO", "joined", ["UZB"], None, "year", A)],
        ),
        (
            "2024-03-01",
            "In August 2006 Uzbekistan restored its membership in the CSTO.",
            [("CSTO", "joined", ["UZB"], None, "month", A)],
        ),
        (
            "2024-03-01",
            "Nicaragua completed its withdrawal from the OAS on November 19, 2023.",
            [("OAS", "withdrew", ["NIC"], None, "day", A)],
        ),
        (
            "2024-03-01",
            "The summit approved the applications of India and Pakistan for SCO membership in 2017.",
            [("SCO", "admitted", ["IND", "PAK"], None, "year", A)],
        ),
        (
            "2024-03-01",
            "Bhutan was inducted as the ninth member of SAARC.",
            [
                ("SAARC", "admitted", ["BTN"], None, "article", A),
                ("SAARC", "count", ["BTN"], 9, "article", A),
            ],
        ),
        (
            "2024-03-01",
            "Iran was accorded observer status in the SCO in 2005.",
            [("SCO", "joined", ["IRN"], None, "year", A)],
        ),
        ("2024-03-01", "Uzbekistan returned home from the CSTO summit.", []),  # not the organisation
    ],
)
def test_event_and_status_wordings(day, sentence, expected):
    assert read(sentence, day) == expected


@pytest.mark.parametrize(
    ("day", "sentence", "expected"),
    [
        # counts of other rosters than the members
        (
            "2024-03-01",
            "The SCO has nine members, three observer states and 14 dialogue partners.",
            [
                ("SCO", "count", [], 9, "member"),
                ("SCO", "count", [], 3, "observer"),
                ("SCO", "count", [], 14, "dialogue_partner"),
            ],
        ),
        ("2024-03-01", "Four observers of the SCO attended.", [("SCO", "count", [], 4, "observer")]),
        ("2024-03-01", "The two new observers of the SCO attended.", []),  # not the roster
        # a noun for the organisation with "of" and a number
        ("2024-03-01", "NATO is a family of 31 nations.", [("NATO", "count", [], 31, "member")]),
        (
            "2024-03-01",
            "The African Union, a bloc of 55 countries, met the EU.",
            [("AU", "count", [], 55, "member")],
        ),
        (
            "2024-03-01",
            "Iraq spoke for OPEC, the cartel of 12 oil-exporting countries.",
            [("OPEC", "count", [], 12, "member")],
        ),
        (
            "2024-03-01",
            "The Quad, as the grouping of the four democracies is called, met.",
            [("QUAD", "count", [], 4, "member")],
        ),
        # growth and beginnings
        (
            "2024-03-01",
            "The Commonwealth, which began as eight nations in 1949, has grown to 56.",
            [("COMMONWEALTH", "count", [], 56, "member"), ("COMMONWEALTH", "count", [], 8, "member")],
        ),
        # two ordinals for two states; the subject nearest the ordinal, not a dateline
        (
            "2024-03-01",
            "Gabon and Togo are the 55th and 56th members of the Commonwealth.",
            [("COMMONWEALTH", "count", ["GAB", "TGO"], 56, "member")],
        ),
    ],
)
def test_counts(day, sentence, expected):
    found = [
        (c["org"], c["what"], c["states"], c.get("count"), c["status"])
        for c in mp.read_article(sentence, date=day).to_dict()["claims"]
    ]
    assert found == expected


def test_a_count_and_its_verdict_for_another_roster():
    claims = mp.read_article("The SCO has two observer states.", date="2024-08-01").to_dict()["claims"]
    assert [(c["count"], c["status"], c["verdict"]) for c in claims] == [(2, "observer", "correct")]


def test_the_ordinal_belongs_to_the_nearest_state_not_the_dateline():
    claims = mp.read_article(
        "BRUSSELS — Albania on Wednesday officially became the 27th member of NATO.", date="2009-04-01"
    ).to_dict()["claims"]
    assert [c["states"] for c in claims if c["what"] == "count"] == [["ALB"]]


def test_a_time_in_a_relative_clause_stays_there():
    claims = mp.read_article(
        "The Commonwealth, which began as eight nations in 1949, has grown to 56.", date="2022-06-27"
    ).to_dict()["claims"]
    assert [(c["count"], c["time"]["anchor"], c["verdict"]) for c in claims] == [
        (56, "article", "correct"),
        (8, "year", "correct"),
    ]


D = "denied"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # denials said in prose: the cue itself denies, or a negation before it does
        ("Norway remains outside the EU.", [("EU", "member", ["NOR"], D, "correct")]),
        ("Switzerland stayed out of the EU.", [("EU", "member", ["CHE"], D, "correct")]),
        ("Norway has yet to join the EU.", [("EU", "member", ["NOR"], D, "correct")]),
        ("Iceland is not part of the EU.", [("EU", "member", ["ISL"], D, "correct")]),
        ("Iceland does not belong to the EU.", [("EU", "member", ["ISL"], D, "correct")]),
        ("Poland is part of the EU.", [("EU", "member", ["POL"], A, "correct")]),
        ("Finland has not formalized its membership in NATO.", [("NATO", "joined", ["FIN"], D, "wrong")]),
        ("Norway rejected membership of the EU in 1994.", [("EU", "joined", ["NOR"], D, "correct")]),
        # not denials of membership, nor claims
        ("Protesters from Serbia stayed outside the EU office.", []),
        ("Diplomats discussed a plan to make Syria part of the Arab League again.", []),
        (
            "Unlike NATO members Poland and Hungary, Austria stayed neutral.",
            [("NATO", "member", ["POL", "HUN"], A, "correct")],
        ),
    ],
)
def test_denials_in_prose(sentence, expected):
    found = [
        (c["org"], c["what"], c["states"], c["polarity"], c["verdict"])
        for c in mp.read_article(sentence, date="2024-08-01").to_dict()["claims"]
    ]
    assert found == expected


def test_the_subject_of_an_ordinal_is_not_inside_a_relative_clause():
    claims = mp.read_article(
        "East Timor, which gained its independence from Indonesia in May, is expected to become the 191st "
        "member of the UN.",
        date="2002-09-10",
    ).to_dict()["claims"]
    assert [(c["states"], c["count"], c["verdict"]) for c in claims] == [(["TLS"], 191, "came true")]


@pytest.mark.parametrize(
    ("day", "sentence", "expected"),
    [
        (
            "2024-03-01",
            "The Gulf Cooperation Council (GCC) is a political and economic alliance of six Gulf states.",
            [("GCC", 6, "member")],
        ),
        (
            "2024-03-01",
            "The Council of Europe, an organisation which already has 46 members, met.",
            [("COE", 46, "member")],
        ),
        (
            "2024-03-01",
            "The UN Security Council consists of five permanent members and 10 non-permanent members.",
            [("UNSC", 5, "permanent"), ("UNSC", 10, "elected")],
        ),
        (
            "2024-03-01",
            "Three states of Afghanistan, Belarus and Mongolia are observers of the SCO.",
            [("SCO", 3, "observer")],
        ),
        (
            "2024-03-01",
            "BRICS met. The five-member grouping of emerging economies agreed.",
            [("BRICS", 5, "member")],
        ),
        (
            "2024-03-01",
            "OPEC met. Angola decided to quit the bloc of 13 oil-producing countries.",
            [("OPEC", 13, "member")],
        ),
        (
            "2024-03-01",
            "NATO met. The flag flew beside those of the 31 other nations in the alliance.",
            [("NATO", 32, "member")],
        ),
    ],
)
def test_more_counts(day, sentence, expected):
    found = [
        (c["org"], c["count"], c["status"])
        for c in mp.read_article(sentence, date=day).to_dict()["claims"]
        if c["what"] == "count"
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The OAS met. Cuba, whose membership was suspended in 1962, stayed away.",
            [("OAS", "was suspended", ["CUB"], "year")],
        ),
        (
            "Rwanda was the last country to become a member of the Commonwealth in 2009.",
            [("COMMONWEALTH", "joined", ["RWA"], "year")],
        ),
        (
            "Pakistan announced termination of its membership in CENTO on March 12, 1979.",
            [("CENTO", "withdrew", ["PAK"], "day")],
        ),
        ("In 2021 Nicaragua denounced the Charter of the OAS.", [("OAS", "withdrew", ["NIC"], "year")]),
        ("The OAS voted the exclusion of Cuba in 1962.", [("OAS", "was suspended", ["CUB"], "year")]),
        (
            "Venezuela was excluded from membership of the OAS in 2019.",
            [("OAS", "left", ["VEN"], "year")],
        ),
    ],
)
def test_more_event_wordings(sentence, expected):
    found = [
        (c["org"], c["what"], c["states"], c["time"]["anchor"])
        for c in mp.read_article(sentence, date="2024-03-01").to_dict()["claims"]
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The SCO met. Iran was previously an observer.", [("SCO", "observer", ["IRN"], "until")]),
        (
            "Mercosur – comprising Argentina, Brazil, Paraguay and Uruguay – met.",
            [("MERCOSUR", "member", ["ARG", "BRA", "PRY", "URY"], "article")],
        ),
        ("The CSTO met. Serbia is in the status of observer.", [("CSTO", "observer", ["SRB"], "article")]),
        ("Chile is associated with Mercosur.", [("MERCOSUR", "associate", ["CHL"], "article")]),
        (
            "Bolivia is in the process of becoming a full member of Mercosur.",
            [("MERCOSUR", "candidate", ["BOL"], "article")],
        ),
        (
            "Togo borders fellow NATO nations Ghana and Nigeria.",
            [("NATO", "member", ["GHA", "NGA"], "article")],
        ),
        (
            "Leaders of BRICS countries Brazil and India met.",
            [("BRICS", "member", ["BRA", "IND"], "article")],
        ),
        ("Russia and India are large countries.", []),  # no organisation beside the noun
    ],
)
def test_status_wordings(sentence, expected):
    found = [
        (c["org"], c["what"], c["states"], c["time"]["anchor"])
        for c in mp.read_article(sentence, date="2024-03-01").to_dict()["claims"]
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("day", "sentence", "time", "verdict"),
    [
        # a future claim's weekday is the next one; a past claim's the last one
        (
            "2002-09-05",
            "Switzerland will join the UN on Tuesday.",
            {"anchor": "future", "value": "2002-09-10"},
            "came true",
        ),
        (
            "2002-09-12",
            "Switzerland joined the UN on Tuesday.",
            {"anchor": "day", "value": "2002-09-10"},
            "correct",
        ),
        # the weekday a report was made on is not the day of the future event
        (
            "2002-09-05",
            "Switzerland announced on Tuesday it will join the UN.",
            {"anchor": "future", "value": None},
            "came true",
        ),
        # "early", "mid", "late" before a month
        (
            "2002-10-20",
            "Switzerland joined the UN in early September.",
            {"anchor": "month", "value": "2002-09"},
            "correct",
        ),
        # "today" is the article's day ("as from today" is a day)
        (
            "2002-09-11",
            "Switzerland is today becoming a member of the UN.",
            {"anchor": "article", "value": None},
            "correct",
        ),
    ],
)
def test_time_anchors(day, sentence, time, verdict):
    claims = mp.read_article(sentence, date=day).to_dict()["claims"]
    assert [(c["time"], c["verdict"]) for c in claims] == [(time, verdict)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # founding said as a signing of the document that set the organisation up
        (
            "In 1981 Saudi Arabia, Kuwait, Bahrain, Qatar, the UAE and Oman signed a charter establishing "
            "the GCC.",
            [("GCC", "founded by", ["SAU", "KWT", "BHR", "QAT", "ARE", "OMN"], "correct")],
        ),
        (
            "Six countries -- Belgium, France, Germany, Italy, Luxembourg and the Netherlands -- sign the "
            "Treaty of Rome establishing the European Economic Community.",
            [("EEC", "founded by", ["BEL", "FRA", "DEU", "ITA", "LUX", "NLD"], "correct")],
        ),
        (
            "The treaty establishing NATO was signed by the representatives of Belgium, Canada and the "
            "United States in 1949.",
            [("NATO", "founded by", ["BEL", "CAN", "USA"], "incomplete")],
        ),
        # a founding verb with its states before it, and an object that is the organisation or none
        (
            "BRICS is an association that Brazil, Russia, India and China created in 2006.",
            [("BRICS", "founded by", ["BRA", "RUS", "IND", "CHN"], "correct")],
        ),
        ("Russia and China founded a fund at the SCO summit.", []),
        ("Russia and China set up a bank with BRICS.", []),
    ],
)
def test_founding_said_as_a_signing(sentence, expected):
    found = [
        (c["org"], c["what"], c["states"], c["verdict"])
        for c in mp.read_article(sentence, date="2024-03-01").to_dict()["claims"]
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("day", "sentence", "expected"),
    [
        # precision: what is not a membership claim, or is one claim said twice
        (
            "2024-03-01",
            "Eight members of NATO said they would send troops.",
            [],
        ),  # some members, not the size
        ("2024-03-01", "The 32 members of NATO met.", [("NATO", "count", [], "article")]),
        ("2024-03-01", "Georgia condemned the proxy regimes set up by Russia.", []),
        (
            "2024-03-01",
            "The BRICS group was founded by Brazil, Russia, India and China in 2006.",
            [("BRICS", "founded by", ["BRA", "RUS", "IND", "CHN"], "year")],
        ),
        (
            "2024-03-01",
            "In addition to its founding members, Egypt and Ethiopia have also become members of BRICS.",
            [("BRICS", "joined", ["EGY", "ETH"], "article")],
        ),
        ("2024-03-01", "The meeting will analyse the roadmap for Uzbekistan's accession to the EAEU.", []),
        (
            "2024-03-01",
            "Brazil welcomed Indonesia for its entry into BRICS.",
            [("BRICS", "joined", ["IDN"], "article")],
        ),
        # an agreement to admit on a day to come is a future claim; one with no such day is the event
        (
            "2025-05-29",
            "ASEAN leaders agreed to admit Timor-Leste at the summit in October.",
            [("ASEAN", "admitted", ["TLS"], "future")],
        ),
        (
            "2022-03-16",
            "On 25 February the Council of Europe agreed to suspend Russia.",
            [("COE", "was suspended", ["RUS"], "day")],
        ),
    ],
)
def test_precision(day, sentence, expected):
    found = [
        (c["org"], c["what"], c["states"], c["time"]["anchor"])
        for c in mp.read_article(sentence, date=day).to_dict()["claims"]
    ]
    assert found == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sweden was welcomed into NATO on March 7, 2024.", [("NATO", "joined", ["SWE"], "correct")]),
        ("Finland signed up to NATO in 2023.", [("NATO", "joined", ["FIN"], "correct")]),
        ("Britain walked out of the EU in 2020.", [("EU", "withdrew", ["GBR"], "correct")]),
        ("Mali was barred from ECOWAS in 2021.", [("ECOWAS", "was suspended", ["MLI"], "correct")]),
        ("ECOWAS met. Mali was barred from the summit.", []),  # the organisation must stand beside "barred"
        ("Iran was made an observer of the SCO in 2005.", [("SCO", "joined", ["IRN"], "correct")]),
    ],
)
def test_phrasal_and_passive_events(sentence, expected):
    found = [
        (c["org"], c["what"], c["states"], c["verdict"])
        for c in mp.read_article(sentence, date="2024-06-01").to_dict()["claims"]
    ]
    assert found == expected


def test_a_participle_after_a_comma_takes_the_clauses_subject_and_its_own_time():
    claims = mp.read_article(
        "Georgia is also a member of the Council of Europe, joining in April 1999.", date="2024-03-01"
    ).to_dict()["claims"]
    assert [(c["what"], c["states"], c["time"]["anchor"], c["verdict"]) for c in claims] == [
        ("member", ["GEO"], "article", "correct"),
        ("joined", ["GEO"], "month", "correct"),
    ]


def test_a_second_status_after_and_goes_on_with_the_verb_before():
    claims = mp.read_article(
        "Iran became an observer of the SCO in 2005 and a full member in 2023.", date="2024-03-01"
    ).to_dict()["claims"]
    assert [(c["what"], c["states"], c["time"]["value"], c["verdict"]) for c in claims] == [
        ("joined", ["IRN"], "2005", "correct"),
        ("joined", ["IRN"], "2023", "correct"),
    ]


@pytest.mark.parametrize(
    ("day", "sentence", "expected"),
    [
        # a cue in quotation marks is still the cue
        (
            "2024-12-04",
            "In February, Armenia had “frozen” its participation in the CSTO.",
            [("CSTO", "suspended", ["ARM"], A)],
        ),
        (
            "2024-12-04",
            "Armenia considers itself “outside of” the CSTO.",
            [("CSTO", "member", ["ARM"], "denied")],
        ),
        (
            "2023-08-31",
            'The AU said it had decided to "immediately suspend" Gabon.',
            [("AU", "was suspended", ["GAB"], A)],
        ),
        # "the latest ... countries to join": an event that happened, whatever the words between
        (
            "2022-07-01",
            "Togo and Gabon have become the latest African countries to join the Commonwealth.",
            [("COMMONWEALTH", "joined", ["TGO", "GAB"], A)],
        ),
        # "the first ... to join since 2007" ranks it among others: not read
        ("2013-07-01", "Croatia is the first country to join the EU since 2007.", []),
    ],
)
def test_quoted_cues_and_ranks(day, sentence, expected):
    found = [
        (c["org"], c["what"], c["states"], c["polarity"])
        for c in mp.read_article(sentence, date=day).to_dict()["claims"]
    ]
    assert found == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "With this document, Cambodia acceded to 27 ASEAN agreements.",  # a number of things, not a time
        "The ministers agreed in principle to grant observer status to the United States and South Korea.",
        'ASEAN leaders agreed "in principle" to admit Timor-Leste as a member in 2022.',
        "There is no impediment for Bolivia to be a full Mercosur member.",  # a purpose
    ],
)
def test_no_claim_in_agreements_in_principle_purposes_and_things(sentence):
    assert mp.read_article(sentence, date="2024-03-01").to_dict()["claims"] == []


def test_to_be_with_a_future_word_is_a_future_claim():
    claims = mp.read_article("Bolivia is set to be a full Mercosur member.", date="2024-03-01").to_dict()[
        "claims"
    ]
    assert [(c["what"], c["time"]["anchor"]) for c in claims] == [("joined", "future")]
