"""The reader on the ways real writing states membership beyond a list and a verb: every form of
a verb, nominalised events, words that stand for a state named before, statuses named after "as",
headlines, future times, the name of an organisation inside another's, and what claims nothing."""

from __future__ import annotations

import pytest

import multipolar as mp

A, D = "affirmed", "denied"


def read(text: str, day: str) -> list[tuple]:
    """(org, what, status, states, anchor, value, verdict) of each claim in ``text`` read on ``day``."""
    return [
        (c["org"], c["what"], c["status"], c["states"], c["time"]["anchor"], c["time"]["value"], c["verdict"])
        for c in mp.read_article(text, date=day).to_dict()["claims"]
    ]


@pytest.mark.parametrize(
    ("day", "text", "expected"),
    [
        # a headline's present tense: "suspends" is a form of "suspend" (data/verbs.csv)
        (
            "2009-07-04",
            "OAS suspends Honduras after coup\n\nThe vote was late.",
            [("OAS", "was suspended", "suspended", ["HND"], "article", None, "correct")],
        ),
        # the past of a verb whose states follow it also reads as a passive
        (
            "2022-03-16",
            "The Council of Europe met. Russia was expelled on Wednesday.",
            [("COE", "left", "member", ["RUS"], "day", "2022-03-16", "correct")],
        ),
        # a nominalised event: the states own it, the organisation follows "to"
        (
            "2017-06-01",
            "India and Pakistan’s admission to the Shanghai Cooperation Organisation will be formalised "
            "at the grouping’s summit.",
            [("SCO", "admitted", "member", ["IND", "PAK"], "future", None, "came true")],
        ),
        (
            "2023-07-05",
            "The SCO met. Iran’s permanent membership was approved in September 2021.",
            [("SCO", "admitted", "member", ["IRN"], "month", "2021-09", "premature")],
        ),
        # "the accession of A and B": the states after "of"
        (
            "2009-04-02",
            "NATO met. Accession by the two nations follows the addition of Czech Republic, Hungary and "
            "Poland in 1999.",
            [("NATO", "joined", "member", ["CZE", "HUN", "POL"], "year", "1999", "correct")],
        ),
        # "the country" and "it" stand for the state named before
        (
            "2019-10-07",
            "OPEC met. Gabon joined OPEC in 1975, in 1995 the country terminated its membership.",
            [
                ("OPEC", "joined", "member", ["GAB"], "year", "1975", "correct"),
                ("OPEC", "withdrew", "member", ["GAB"], "year", "1995", "correct"),
            ],
        ),
        (
            "2020-09-10",
            "Mongolia has long had a relationship with the SCO. It has observer status at the organisation.",
            [("SCO", "observer", "observer", ["MNG"], "article", None, "correct")],
        ),
        # "as" names the status taken up; "for" the one applied for
        (
            "2021-07-01",
            "The Turkic Council met. In 2018, Hungary joined the council as an observer member.",
            [("TURKIC", "joined", "observer", ["HUN"], "year", "2018", "correct")],
        ),
        # a status given "to" the states after it, whatever stands before it
        (
            "2013-05-15",
            "The Arctic Council, at a meeting Wednesday in northern Sweden, granted permanent observer "
            "status to China and six others.",
            [("ARCTIC", "joined", "observer", ["CHN"], "article", None, "correct")],
        ),
        # a future claim's month without a year is the next such month; the report's day is not its time
        (
            "2019-10-02",
            "OPEC. QUITO: Ecuador announced on Tuesday it will withdraw from OPEC in January.",
            [("OPEC", "withdrew", "member", ["ECU"], "future", "2020-01", "came true")],
        ),
        # a time after the article's day makes a claim a future one
        (
            "2024-12-15",
            "ECOWAS has approved the withdrawal of Niger, Mali and Burkina Faso as member states from "
            "January 29, 2025.",
            [("ECOWAS", "withdrew", "member", ["NER", "MLI", "BFA"], "future", "2025-01-29", "came true")],
        ),
        # a headline's "Soon to be" is a future claim; an ISO date is a day
        (
            "2002-07-24",
            "Switzerland Soon to be UN's 190th Member - 2002-07-24",
            [
                ("UN", "joined", "member", ["CHE"], "future", None, "came true"),
                ("UN", "count", "member", ["CHE"], "future", None, "came true"),
            ],
        ),
        # a founders' list read on the day membership began (NATO: signed 1949-04-04, in force 1949-08-24)
        (
            "2009-04-02",
            "The founding NATO members were the United States, Belgium, Canada, Denmark, France, Iceland, "
            "Italy, Luxembourg, the Netherlands, Norway, Portugal and the United Kingdom.",
            [
                (
                    "NATO",
                    "founded by",
                    "member",
                    ["USA", "BEL", "CAN", "DNK", "FRA", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT", "GBR"],
                    "article",
                    None,
                    "correct",
                )
            ],
        ),  # fmt: skip
    ],
)
def test_claims_as_real_writing_makes_them(day, text, expected):
    assert read(text, day) == expected


@pytest.mark.parametrize(
    ("day", "text"),
    [
        # a document's name is no event
        ("1999-04-30", "ASEAN ministers signed the Declaration on the Admission of Cambodia."),
        # a proposal, a treaty signed, an event still in the making, an opposition
        (
            "2017-08-05",
            "Mercosur met. Brazil will propose suspending Venezuela from the Mercosur trade bloc.",
        ),
        ("2017-04-25", "NATO met. Trump signed the protocol on Montenegro’s accession to NATO."),
        ("2023-01-10", "NATO met. Sweden’s accession talks dragged on."),
        ("2006-08-03", "SAARC met. Afghanistan’s entry was proposed at the previous summit."),
        # a process begun: "the country" is the state, "the procedure of the country" is not
        ("2018-05-19", "Ukraine met. The cabinet started the procedure of the country’s exit from the CIS."),
        # a country after a city is where a meeting was, not a member
        ("2025-01-07", "During the last BRICS summit in Kazan, Russia, in November 2024, members talked."),
        # producers listed beside members are not members
        ("2017-05-25", "OPEC members, Russia and other oil producers agreed to cut production."),
    ],
)
def test_what_claims_nothing(day, text):
    assert read(text, day) == []


def test_a_title_case_acronym_is_a_name_unless_it_is_a_word_or_another_name():
    found = mp.read_article("Kabul to join Saarc in April. Opec and Nato met.", date="2006-08-03")
    assert {o["id"] for o in found.organisations} == {"SAARC", "OPEC", "NATO"}
    assert read("Kabul to join Saarc in April", "2006-08-03") == [
        ("SAARC", "joined", "member", ["AFG"], "future", "2007-04", "came true")
    ]


def test_an_organisation_named_inside_another_name_is_not_named():
    text = (
        "MERCOSUR (Common Market of the South) met. The Peace and Security Council of the African "
        "Union met. The UN Security Council met."
    )
    found = mp.read_article(text, date="2022-06-19")
    assert [o["id"] for o in found.organisations] == ["MERCOSUR", "AU", "UNSC"]
