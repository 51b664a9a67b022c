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


@pytest.mark.parametrize(
    ("day", "text", "expected"),
    [
        # a plural phrase stands for the list of states named just before it, marked unsure
        (
            "2016-01-01",
            "Estonia and Latvia held talks with the OSCE last week. The two countries joined NATO in 2004.",
            [("NATO", "joined", ["EST", "LVA"], "year", A)],
        ),
        (
            "2016-01-01",
            "Slovakia and Slovenia met the criteria. Both nations joined the EU in 2004.",
            [("EU", "joined", ["SVK", "SVN"], "year", A)],
        ),
        (
            "2012-01-01",
            "Leaders of Tajikistan, Kyrgyzstan and Kazakhstan met in Moscow, and these three Central "
            "Asian republics are members of the CSTO.",
            [("CSTO", "member", ["TJK", "KGZ", "KAZ"], "article", A)],
        ),
        # "They" opening a sentence: the list the sentence before opens with
        (
            "2024-02-01",
            "Mali, Burkina Faso and Niger announced they would leave ECOWAS. They were suspended from "
            "the bloc in 2023.",
            [("ECOWAS", "was suspended", ["MLI", "BFA", "NER"], "year", A)],
        ),
        # a number that does not fit the list, or words that set the states apart, stand for nobody
        ("2016-01-01", "Estonia and Latvia held talks. The three countries joined NATO in 2004.", []),
        ("2016-01-01", "Estonia and Latvia held talks. The other countries joined NATO in 2004.", []),
        ("2016-01-01", "Estonia and Latvia held talks. The countries joined NATO in 2004.", []),
    ],
)
def test_plural_referents(day, text, expected):
    assert read(text, day) == expected


def test_plural_referent_is_unsure():
    found = mp.read_article(
        "Estonia and Latvia held talks with Russia. The two countries joined NATO in 2004.", date="2016-01-01"
    ).to_dict()["claims"]
    assert [c["states"] for c in found] == [["EST", "LVA"]]
    assert "the two countries" in found[0]["unsure"].lower()


def test_an_event_and_its_status_are_one_claim():
    # "welcome these two new members": the welcome is the event, "new members" no second claim
    found = read(
        "Croatia and Albania attended the NATO summit, which met to welcome these two new members.",
        "2009-04-01",
    )
    assert len([c for c in found if c[1] != "count"]) == 1


def test_a_list_set_out_after_a_colon_each_item_with_its_year():
    # the cue's states stand after the colon; an item without a year of its own takes none of the others'
    found = read(
        "OPEC was founded in 1960. Later, other producers joined it gradually: Qatar (1961) Libya (1962), "
        "Algeria (1971), Angola and Gabon.",
        "2016-01-01",
    )
    assert found == [
        ("OPEC", "joined", ["QAT"], "year", A),
        ("OPEC", "joined", ["LBY"], "year", A),
        ("OPEC", "joined", ["DZA"], "year", A),
        ("OPEC", "joined", ["AGO", "GAB"], "article", A),
    ]


def test_a_year_far_from_a_year_only_start_is_wrong():
    # Algeria's OPEC membership is dated by year (1969): a claim of 1971 is wrong, not unsure
    found = mp.read_article("Algeria joined OPEC in 1971.", date="2016-01-01").to_dict()["claims"]
    assert [c["verdict"] for c in found] == ["wrong"]


@pytest.mark.parametrize(
    ("day", "text", "expected"),
    [
        # a list in apposition, set off by dashes, or after a description of the organisation
        (
            "2016-05-01",
            "Ministers said Mercosur – comprising Argentina, Brazil, Paraguay and Uruguay – would meet.",
            [("MERCOSUR", "member", ["ARG", "BRA", "PRY", "URY"], "article", A)],
        ),
        (
            "2016-05-01",
            "Set up in 2001, the SCO is a regional security bloc comprising China, Russia and four other "
            "states.",
            [("SCO", "member", ["CHN", "RUS"], "article", A)],
        ),
        # "nations", "countries", "states" with the organisation's name beside them
        (
            "2016-05-01",
            "The five Mercosur nations are Argentina, Brazil, Paraguay, Uruguay and Venezuela.",
            [("MERCOSUR", "member", ["ARG", "BRA", "PRY", "URY", "VEN"], "article", A)],
        ),
        (
            "2016-05-01",
            "The Commonwealth met in Malta. Kenya borders fellow Commonwealth countries Uganda and Tanzania.",
            [("COMMONWEALTH", "member", ["UGA", "TZA"], "article", A)],
        ),
        (
            "2016-05-01",
            "The Commonwealth met in Malta. Kenya borders Uganda, a Commonwealth member, and Ethiopia.",
            [("COMMONWEALTH", "member", ["UGA"], "article", A)],
        ),
        # ", as are A and B" takes the status of the clause before
        (
            "2016-05-01",
            "Chile is an associate member of Mercosur, as are Peru and Colombia.",
            [
                ("MERCOSUR", "associate", ["CHL"], "article", A),
                ("MERCOSUR", "associate", ["PER", "COL"], "article", A),
            ],
        ),
        # no organisation beside "countries", no claim; a list outside the apposition is no member
        ("2016-05-01", "The SCO met. Many countries such as Brazil and Chile sent envoys.", []),
        (
            "2016-05-01",
            "Unlike NATO countries Poland and Hungary, Austria stayed neutral.",
            [("NATO", "member", ["POL", "HUN"], "article", A)],
        ),
    ],
)
def test_appositions(day, text, expected):
    assert [c for c in read(text, day) if c[1] != "count"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a long state name misspelt by one letter is that state
        ("The SCO met. Kyrgystan joined the SCO in 2001.", [("SCO", "joined", ["KGZ"], "year", A)]),
        ("The EU met. Finnland joined the EU in 1995.", [("EU", "joined", ["FIN"], "year", A)]),
        # but not a person's name, a word that is a name of its own, or a short name's look-alike
        ("The SCO met. Prime Minister David Kyrgystan joined the SCO talks in 2001.", []),
        ("The EU met. Columbia University joined the EU programme in 1995.", []),
    ],
)
def test_misspelt_names(text, expected):
    assert read(text, "2016-01-01") == expected


def test_misspellings_leave_demonyms_and_plurals_alone():
    from multipolar.articles import gazetteer

    table = gazetteer.misspellings()
    assert table["kyrgystan"] == "Kyrgyzstan"
    assert not {"germans", "cameron", "columbia", "philippine", "argentine"} & set(table)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the Mongolian government", "the Iranian side": the state
        (
            "The SCO met in Tashkent. At the meeting the Mongolian government was admitted as an observer.",
            [("SCO", "admitted", ["MNG"], "article", A)],
        ),
        (
            "The SCO met in Tashkent. The Iranian side applied for full membership in 2008.",
            [("SCO", "applied", ["IRN"], "year", A)],
        ),
        # a demonym alone, or one owning something else, is nobody's claim
        ("The SCO met in Tashkent. Iranian diplomats are members of the delegation.", []),
        ("The SCO met in Tashkent. The Iranian government's envoy joined the talks.", []),
    ],
)
def test_demonym_governments(text, expected):
    assert read(text, "2010-01-01") == expected


@pytest.mark.parametrize(
    ("day", "text", "expected"),
    [
        # the subject carried past a time set off by commas
        (
            "2010-01-01",
            "Iran became an observer in the SCO in 2005, and in 2008, applied for full membership.",
            [("SCO", "joined", ["IRN"], "year", A), ("SCO", "applied", ["IRN"], "year", A)],
        ),
        # "the association", "the club": the organisation named last
        (
            "2018-01-01",
            "The SCO summit ended. India and Pakistan joined the association in 2017.",
            [("SCO", "joined", ["IND", "PAK"], "year", A)],
        ),
        # words describing a count of states between a listing verb and its list; a participle
        # phrase's time dates the organisation, not the claim
        (
            "2013-05-16",
            "The Arctic Council met. The council, formed in 1996, groups the eight Arctic nations - "
            "the United States, Russia, Canada, Iceland, Denmark, Finland, Norway and Sweden.",
            [("ARCTIC", "member", ["USA", "RUS", "CAN", "ISL", "DNK", "FIN", "NOR", "SWE"], "article", A)],
        ),
    ],
)
def test_subjects_and_objects_in_context(day, text, expected):
    assert [c for c in read(text, day) if c[1] != "count"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ORG, where it ...", "ORG, which it joined": "it" is the state before, not the organisation
        (
            "Qatar's decision to leave OPEC, which it joined in 1961, was confirmed.",
            [("OPEC", "joined", ["QAT"], "year", A)],
        ),
        (
            "Gabon's decision to quit OPEC, where it had been a member since 1975, surprised analysts.",
            [("OPEC", "member", ["GAB"], "since", A)],
        ),
        # no state before the organisation: nobody
        ("The decision to leave OPEC, which it joined in 1961, was confirmed.", []),
    ],
)
def test_it_after_a_relative_about_the_organisation(text, expected):
    assert [c for c in read(text, "1994-01-01") if c[1] != "left"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the ORG (ABBR) of A, B and C": the organisation's members, at the article's time
        (
            "Kyrgyzstan will join the Eurasian Economic Union (EEU) of Russia, Belarus, Kazakhstan and "
            "Armenia in August, an aide said.",
            [("EAEU", "member", ["RUS", "BLR", "KAZ", "ARM"], "article", A)],
        ),
        # a list that does not close, or a word for the organisation: no claim
        ("The Customs Union of Russia, Belarus and others met.", []),
        ("Leaders of the bloc of Poland and Hungary met.", []),
    ],
)
def test_organisation_of_a_list(text, expected):
    assert [c for c in read(text, "2015-06-01") if c[1] == "member"] == expected


@pytest.mark.parametrize(
    ("day", "text", "expected"),
    [
        # "Pak" in a headline list; "the Assn. of ..." as AP writes an Association's name
        (
            "2017-05-01",
            "India, Pak to become full SCO members next month",
            [("SCO", "joined", ["IND", "PAK"], "future", A)],
        ),
        (
            "2000-01-01",
            "Laos was admitted as a member of the Assn. of Southeast Asian Nations in 1997.",
            [("ASEAN", "admitted", ["LAO"], "year", A)],
        ),
        # "membership includes A, B": the organisation named last
        (
            "2017-08-01",
            "Mercosur met in Mendoza. Its membership includes Argentina and Brazil.",
            [("MERCOSUR", "member", ["ARG", "BRA"], "article", A)],
        ),
        (
            "2017-08-01",
            "Mercosur met in Mendoza. Aside from Venezuela, membership includes Argentina and Brazil.",
            [("MERCOSUR", "member", ["ARG", "BRA"], "article", A)],
        ),
        # "Opec+" written as a word; "nine of the 23 member countries: A, B" is no whole list
        (
            "2023-12-21",
            "Quotas fell for two of the 23 Opec+ member countries: Russia and Nigeria.",
            [("OPEC_PLUS", "member", ["RUS", "NGA"], "article", A)],
        ),
    ],
)
def test_variants_of_names(day, text, expected):
    assert [c for c in read(text, day) if c[1] != "count"] == expected


def test_some_of_the_members_is_not_the_whole_list():
    (found,) = [
        c
        for c in mp.read_article(
            "Quotas fell for two of the 23 Opec+ member countries: Russia and Nigeria.", date="2023-12-21"
        ).to_dict()["claims"]
        if c["what"] == "member"
    ]
    assert (found["exhaustive"], found["verdict"]) == (False, "correct")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phrase set off by commas between the status and "are A, B and C"
        (
            "The UN Security Council met. The five permanent Council members, each with a veto, are China, "
            "France, Russia, the United Kingdom and the United States.",
            [("UNSC", "member", ["CHN", "FRA", "RUS", "GBR", "USA"], "article", A)],
        ),
        # not one naming a state, nor one that is a condition
        ("The CSTO members, unlike Georgia, are Russia, Belarus and Armenia.", []),
    ],
)
def test_a_phrase_set_off_before_the_list(text, expected):
    assert [c for c in read(text, "2024-06-07") if c[1] != "count"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fronted apposition: the words of the organisation's description count as one
        (
            "OPEC met in Vienna. The smallest member of the 13-member international oil cartel, Gabon "
            "pumps little crude.",
            [("OPEC", "member", ["GAB"], "article", A)],
        ),
        # a name that stands for no one state ("Congo") names nobody: no claim
        ("OPEC met in Vienna. The newest member of the cartel, Congo, joined in 2018.", []),
    ],
)
def test_fronted_apposition(text, expected):
    assert [c for c in read(text, "2019-10-02") if c[1] != "count"] == expected


@pytest.mark.parametrize(
    ("day", "text", "expected"),
    [
        # a second status with its own year after "and a(n)", gained as the first was
        (
            "2024-07-04",
            "Belarus became a dialogue partner in the SCO in 2009 and an observer state in 2015.",
            [("SCO", "joined", ["BLR"], "year", A), ("SCO", "joined", ["BLR"], "year", A)],
        ),
        # "Besides A and B, ..., it also includes C": both lists are members
        (
            "2024-10-13",
            "BRICS met in Kazan. Besides Brazil and Russia, to which it owes its name, it also includes "
            "Egypt and Iran.",
            [
                ("BRICS", "member", ["EGY", "IRN"], "article", A),
                ("BRICS", "member", ["BRA", "RUS"], "article", A),
            ],
        ),
        # but not a list that no listing verb takes up
        (
            "2024-10-13",
            "BRICS met in Kazan. Besides Brazil and Russia, the summit was attended by Turkey.",
            [],
        ),
    ],
)
def test_gapped_statuses_and_lists_added_to(day, text, expected):
    assert read(text, day) == expected
