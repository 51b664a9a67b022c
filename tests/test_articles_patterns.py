"""Claim patterns fire only when unambiguous; loading refuses bad input with one-line errors."""

from __future__ import annotations

import datetime as dt

import pytest

import multipolar as mp
from multipolar.articles import text as loading
from multipolar.errors import InputError

DAY = "2008-09-07"


def claims_in(sentence: str) -> list[dict]:
    return mp.read_article(sentence, date=DAY).to_dict()["claims"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The SCO, which groups Russia, China and Iran's neighbours, met again.",  # possessive
        "NATO and the SCO include Russia and China, a diplomat claimed.",  # two organisations
    ],
)
def test_no_claim_when_the_pattern_is_doubtful(sentence):
    assert claims_in(sentence) == []


def test_an_open_list_names_members_but_not_the_whole_membership():
    (found,) = claims_in("The SCO, which groups Russia, China, and other states, met in Dushanbe.")
    assert (found["states"], found["exhaustive"]) == (["RUS", "CHN"], False)


def test_of_two_organisations_the_one_keeping_the_status_is_read_but_unsure():
    (found,) = claims_in("Observers such as Iran and India attended, said NATO and SCO officials.")
    assert (found["org"], found["what"]) == ("SCO", "observer")  # NATO has no observers
    assert "several organisations" in found["unsure"]


def test_exhaustive_list_needs_a_closing_and():
    (found,) = claims_in("The SCO, which comprises Russia, China, Kazakhstan, Kyrgyzstan, Tajikistan.")
    assert (found["exhaustive"], found["verdict"]) == (False, "correct")  # each is a member; not all
    found = claims_in("The SCO comprises Russia, China, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan.")
    assert [(c["exhaustive"], c["verdict"]) for c in found] == [(True, "correct")]


def test_a_denial_is_a_claim_too():
    (found,) = claims_in("Iran and India are not members of the SCO, officials said.")
    assert (found["polarity"], found["reported"], found["verdict"]) == ("denied", True, "correct")


def test_are_members_of_is_checked_but_not_as_the_whole_list():
    (found,) = claims_in("Iran and Pakistan are observers of the Shanghai Cooperation Organisation.")
    assert (found["org"], found["status"], found["verdict"], found["exhaustive"]) == (
        "SCO",
        "observer",
        "correct",
        False,
    )
    (found,) = claims_in("Iran and Pakistan are members of the SCO.")
    assert found["verdict"] == "premature"  # members only from 2023 and 2017
    assert [(m["iso3"], m["status_that_day"]) for m in found["not_holding"]] == [
        ("IRN", "observer"),
        ("PAK", "observer"),
    ]


def test_lowercase_words_are_not_names():
    report = mp.read_article("Let us talk turkey about china and chad.", date=DAY).to_dict()
    assert report["states"] == []


def test_people_need_a_cue():
    report = mp.read_article(
        "Angela Merkel visited Moscow. Later, Chancellor Angela Merkel met Vladimir Putin, who said little.",
        date=DAY,
    ).to_dict()
    assert [p["name"] for p in report["people"]] == ["Angela Merkel", "Vladimir Putin"]
    merkel = report["people"][0]
    assert [m["start"] for m in merkel["mentions"]] == [0, 48]


def test_nature_claim_after_ATOP_coverage_is_unchecked():
    report = mp.read_article("NATO is a military alliance, the minister said.", date="2022-03-01").to_dict()
    (nature,) = report["nature_claims"]
    assert nature["verdict"] == "unchecked"
    assert "2018-12-31" in nature["evidence"]["reason"]


@pytest.mark.parametrize(
    ("line", "day", "words"),
    [
        ("Global Research, September 07, 2008", dt.date(2008, 9, 7), "September 07, 2008"),
        ("Voice of Russia 7 September 2008", dt.date(2008, 9, 7), "7 September 2008"),
        ("Posted 2014-03-18 by the desk", dt.date(2014, 3, 18), "2014-03-18"),
        ("Sept. 1, 1939 — Germany invades", dt.date(1939, 9, 1), "Sept. 1, 1939"),
    ],
)
def test_dates_in_the_text(line, day, words):
    assert loading.date_in_text(line) == (day, words, True)


def test_a_dateline_beats_an_earlier_date_in_a_sentence():
    text = (
        "On August 8, 2008, Georgian forces moved into South Ossetia, and the fighting lasted five days "
        "before a ceasefire was agreed.\nTbilisi, 20 August 2008\n"
    )
    assert loading.date_in_text(text) == (dt.date(2008, 8, 20), "20 August 2008", True)
    report = mp.read_article("On August 8, 2008, Georgian forces moved into South Ossetia and fought there.")
    assert (report.date.isoformat(), report.to_dict()["date_confidence"]) == ("2008-08-08", 0.4)
    assert any("running text" in n for n in report.notes)


def test_tiny_html_page_still_has_text():
    report = mp.read_article("<html><body><p>NATO is a military alliance.</p></body></html>", date=DAY)
    assert report.to_dict()["format"] == "html"
    assert [n["verdict"] for n in report.to_dict()["nature_claims"]] == ["supported"]


def test_impossible_date_in_text_is_skipped():
    assert loading.date_in_text("February 30, 2009 and then nothing") is None


def test_empty_article(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("   \n\n")
    with pytest.raises(InputError, match="is empty"):
        mp.read_article(path)


def test_binary_article(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x00\x01\x02IHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="binary"):
        mp.read_article(path)


def test_too_large_article(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * (1_100_000))
    with pytest.raises(InputError, match="limit is 5 MB"):
        mp.read_article(path)
    with pytest.raises(InputError, match="limit is 5 MB"):
        mp.read_article("word " * 1_100_000)


def test_missing_file():
    with pytest.raises(InputError, match="No article file"):
        mp.read_article("no/such/article.md")


def test_impossible_given_date():
    with pytest.raises(InputError, match="Impossible date"):
        mp.read_article("Russia and China met.", date="2008-02-30")


def test_abbreviations_the_identity_layer_reads_as_names():
    report = mp.read_article(
        "The U.S. and the UK backed the PRC bid. The IT sector grew.\nBOUND TO INCREASE IN 2008", date=DAY
    ).to_dict()
    found = {s["iso3"]: [m["text"] for m in s["mentions"]] for s in report["states"]}
    assert found == {"USA": ["U.S."], "GBR": ["UK"], "CHN": ["PRC"]}


def test_grouped_and_bracketed_lists_are_whole_lists():
    report = mp.read_article(
        "The BRICS group of Brazil, Russia, India, China and South Africa met in Durban. "
        "The Gulf Cooperation Council (Saudi Arabia, Kuwait, Bahrain, Qatar, the United Arab Emirates "
        "and Oman) met too. BRICS — Brazil, Russia, India and China — was silent. "
        "The SCO (China, Russia and Iran) said so. NATO (Poland and Romania, mainly) agreed.",
        date="2013-03-27",
    ).to_dict()
    found = [(c["org"], c["verdict"], [m["iso3"] for m in c["missing"]]) for c in report["claims"]]
    assert found == [
        ("BRICS", "correct", []),
        ("GCC", "correct", []),
        ("BRICS", "incomplete", ["ZAF"]),
        ("SCO", "premature", ["KAZ", "KGZ", "TJK", "UZB"]),  # Iran: a member from 2023
    ]


def test_capitals_inside_longer_names_are_not_states():
    report = mp.read_article(
        "Victoria Nuland said Washington Post reporters flew to Moscow. In Moscow, officials met. "
        "Lake Victoria is large. Moscow-Beijing talks went on.",
        date=DAY,
    ).to_dict()
    found = {s["iso3"]: len(s["mentions"]) for s in report["states"]}
    assert found == {"RUS": 3, "CHN": 1}
    assert [p["name"] for p in report["people"]] == ["Victoria Nuland"]


def test_text_that_ends_like_a_file_name_is_still_text():
    report = mp.read_article("Iran and Pakistan are observers of the SCO. See notes.md", date=DAY)
    assert report.to_dict()["article"] == "<text>"


def test_both_members_of_and_whose_members():
    report = mp.read_article(
        "Kazakhstan and Belarus, both members of the Eurasian Economic Union, stayed silent. "
        "The European Union, whose members include Poland, Lithuania and Latvia, met. "
        "The Group of Eight, which comprises the United States, Britain, France, Germany, Italy, "
        "Japan, Canada and Russia, will meet.",
        date="2014-03-18",
    ).to_dict()
    found = [(c["org"], c["states"], c["verdict"]) for c in report["claims"]]
    assert found == [
        ("EAEU", ["KAZ", "BLR"], "premature"),  # the EAEU began on 2015-01-01
        ("EU", ["POL", "LTU", "LVA"], "correct"),
        ("G8", ["USA", "GBR", "FRA", "DEU", "ITA", "JPN", "CAN", "RUS"], "correct"),  # Britain: identity
    ]


def test_two_states_at_war_prefer_the_interstate_conflict():
    report = mp.read_article("Russia's invasion of Ukraine shocked Europe.", date="2022-03-01").to_dict()
    (war,) = report["conflicts"]
    assert war["verdict"] == "linked"
    assert [(r["dataset"], r["id"], r["type"]) for r in war["records"]] == [("ucdp_acd", 13243, "interstate")]


def test_names_in_latin_scripts_beyond_ascii():
    report = mp.read_article("President Sauli Niinistö said Finland was safer.", date="2023-04-04").to_dict()
    assert [p["name"] for p in report["people"]] == ["Sauli Niinistö"]


def test_reuters_style_dateline_opens_the_first_paragraph():
    text = "KIEV, March 18, 2014 (Reuters) - Russian President Vladimir Putin signed a treaty on Tuesday."
    assert loading.date_in_text(text) == (dt.date(2014, 3, 18), "March 18, 2014", True)


def test_other_scripts_are_not_read_as_english():
    text = "上海合作组织成员国包括中国、俄罗斯、哈萨克斯坦、吉尔吉斯斯坦、塔吉克斯坦和乌兹别克斯坦。" * 3
    words = " ".join(["Москва", "и", "Пекин", "подписали", "договор", "о", "дружбе", "в", "этом", "году"] * 3)
    assert mp.read_article(text + " " + words, date=DAY).to_dict()["language"] in ("und", "ru")
    report = mp.read_article(words, date=DAY).to_dict()
    assert report["language"] == "ru" and any("Russian, not English" in n for n in report["notes"])


@pytest.mark.parametrize(
    ("head", "kind"), [(b"%PDF-1.7\n", "PDF"), (b"PK\x03\x04", "zip"), (b"\xff\xd8\xff\xe0", "JPEG")]
)
def test_known_binary_formats_are_named(tmp_path, head, kind):
    path = tmp_path / "article.txt"
    path.write_bytes(head + b"some readable text " * 50)
    with pytest.raises(InputError, match=kind):
        mp.read_article(path)


@pytest.mark.parametrize(
    "sentence",
    [
        "Prospective members such as Ukraine and Georgia wait for NATO.",
    ],
)
def test_statuses_of_another_day_are_not_claims(sentence):
    assert claims_in(sentence) == []


def test_nature_of_an_organisation_before_it_existed():
    report = mp.read_article("The SCO is not a military alliance, the minister said.", date="1990-01-01")
    (nature,) = report.to_dict()["nature_claims"]
    assert nature["verdict"] == "not founded yet"
    assert "2001-06-15" in nature["evidence"]["reason"]


def test_demonyms_the_identity_layer_reads():
    report = mp.read_article(
        "The Russian invasion of Ukraine began in February. The Indian Ocean is warm; Indiana is not. "
        "Georgian troops left.",
        date="2022-03-01",
    ).to_dict()
    found = {s["iso3"]: [(m["text"], m["as"]) for m in s["mentions"]] for s in report["states"]}
    assert found == {
        "RUS": [("Russian", "demonym")],
        "UKR": [("Ukraine", "name")],
        "GEO": [("Georgian", "demonym")],
    }
    (war,) = report["conflicts"]
    assert (war["participants"], war["verdict"]) == (["RUS", "UKR"], "linked")
    assert claims_in("Russian, Chinese and Iranian diplomats are members of the SCO delegation.") == []


def test_institutions_that_speak_are_not_people():
    report = mp.read_article(
        "Human Rights Watch said the strikes were unlawful. Amnesty International said so too. "
        "Associated Press reported it. Ban Ki-moon said he was concerned.",
        date=DAY,
    ).to_dict()
    assert [p["name"] for p in report["people"]] == ["Ban Ki-moon"]


def test_hyphenated_sides_link_and_a_lone_state_is_never_guessed():
    report = mp.read_article(
        "Moscow said the Iran-Iraq war must end. The Iraq war goes on.", date="1985-04-26"
    )
    both, alone = report.to_dict()["conflicts"]
    assert (both["participants"], both["verdict"]) == (["IRN", "IRQ"], "linked")
    assert ("cow_war_inter", 199) in [(r["dataset"], r["id"]) for r in both["records"]]
    assert (alone["participants"], alone["verdict"]) == (["IRQ"], "ambiguous")
    assert {r["match"] for r in alone["records"]} == {"ambiguous"}


def test_members_of_an_organisation_such_as():
    (found,) = claims_in("Members of NATO such as Poland and Ukraine asked for more troops.")
    assert (found["org"], found["exhaustive"], found["verdict"]) == ("NATO", False, "wrong")
    assert [m["iso3"] for m in found["not_holding"]] == ["UKR"]


def states_in(text: str, day: str = "2015-06-01") -> dict[str, list[tuple[str, str]]]:
    report = mp.read_article(text, date=day).to_dict()
    return {s["iso3"]: [(m["text"], m["as"]) for m in s["mentions"]] for s in report["states"]}


def test_everyday_names_and_demonyms():
    assert states_in("American and Chinese officials met in Paris.") == {
        "USA": [("American", "demonym")],
        "CHN": [("Chinese", "demonym")],
        "FRA": [("Paris", "capital")],
    }
    found = states_in("The US, the U.S. and America told us so. Britain, the UK and Holland agreed.")
    assert found == {
        "USA": [("US", "name"), ("U.S.", "name"), ("America", "name")],
        "GBR": [("Britain", "name"), ("UK", "name")],
        "NLD": [("Holland", "name")],
    }
    assert states_in("Dutch and Swiss diplomats met.") == {
        "NLD": [("Dutch", "demonym")],
        "CHE": [("Swiss", "demonym")],
    }


def test_ambiguous_demonyms_regions_and_headline_words_are_not_states():
    assert states_in("Korean and Congolese troops joined the exercise.") == {}
    assert states_in("Latin American and South American leaders met North American envoys.") == {}
    assert states_in("WHAT IT MEANS FOR US\n\nSanctions hurt the Us and us.") == {}


def test_sentence_lines_split_contractions_and_possessives():
    from multipolar.articles.claims import SentenceLine

    for text, words in [
        ("Russia's allies don't trust NATO's plans.", "russia 's allies do n't trust nato 's plans ."),
        ("Russia's allies trust NATO’s plans.", "russia 's allies trust nato ’s plans ."),
    ]:
        line = SentenceLine(text, 0, len(text), [])
        assert line.line == words
        assert line.span(0, len(line.line)) == (0, len(text))


def test_a_capital_names_the_state_whose_capital_it_was_that_day():
    from multipolar.articles.gazetteer import capital_state

    assert capital_state("Prague", dt.date(1990, 1, 1)) == 315  # Czechoslovakia
    assert capital_state("Prague", dt.date(2000, 1, 1)) == 316  # Czech Republic
    assert capital_state("Prague", None) == 316  # the latest
    assert capital_state("Prague", dt.date(1900, 1, 1)) is None
    assert capital_state("Atlantis", None) is None


def test_nature_reason_names_the_organisation_as_readers_know_it():
    (nato,) = mp.read_article("NATO is a military alliance.", date="2010-01-01").nature_claims
    assert nato["verdict"] == "supported"
    assert nato["evidence"]["reason"].endswith("Its own treaty (ATOP 3180) carries: defense, nonagg, consul.")
    (pact,) = mp.read_article("The Warsaw Pact was a military alliance.", date="1980-01-01").nature_claims
    assert "all 7 Warsaw Treaty Organization members" in pact["evidence"]["reason"]
