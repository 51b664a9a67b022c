"""read_article on the 2008 SCO example and on the project's own short test articles."""

from __future__ import annotations

from pathlib import Path

import pytest

import multipolar as mp

HERE = Path(__file__).parent / "articles"
SCO_2008 = Path(__file__).resolve().parents[2] / "shared" / "examples" / "2008-09-07-sco-military-alliance.md"


@pytest.fixture(scope="module")
def sco():
    return mp.read_article(SCO_2008).to_dict()


def claim(report: dict, org: str, status: str) -> dict:
    found = [c for c in report["claims"] if c["org"] == org and c["status"] == status]
    assert len(found) == 1, report["claims"]
    return found[0]


def test_date_comes_from_the_dateline(sco):
    assert sco["date"] == "2008-09-07"
    assert sco["date_source"] == "text"
    assert sco["date_evidence"] == "September 07, 2008"
    assert sco["title"].startswith("Russia-China: SCO Military Alliance")
    assert sco["author"] == "Lada Korotun"


def test_sco_members_claim_is_correct(sco):
    found = claim(sco, "SCO", "member")
    assert found["verdict"] == "correct"
    assert found["states"] == ["RUS", "CHN", "KAZ", "KGZ", "TJK", "UZB"]
    assert sorted(r["iso3"] for r in found["rows"]) == ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    assert all(r["source"].startswith("https://") for r in found["rows"])
    assert (found["what"], found["time"], found["polarity"]) == (
        "member",
        {"anchor": "article", "value": None},
        "affirmed",
    )


def test_observer_list_misses_mongolia(sco):
    found = claim(sco, "SCO", "observer")
    assert found["verdict"] == "incomplete"
    assert found["states"] == ["IRN", "IND", "PAK"]
    (mongolia,) = found["missing"]
    assert (mongolia["iso3"], mongolia["name"], mongolia["since"]) == ("MNG", "Mongolia", "2004-06-17")
    assert mongolia["source"].startswith("https://") and "Tashkent" in mongolia["note"]
    assert found["text"] == "such observer nations as Iran, India and Pakistan"


def test_bric_is_brazil_russia_india_and_china(sco):
    found = claim(sco, "BRICS", "member")
    assert found["states"] == ["RUS", "BRA", "IND", "CHN"]
    assert found["verdict"] == "correct"  # BRIC from its first ministerial meeting, 2006-09-20
    assert found["missing"] == [] and found["not_holding"] == []


def test_military_alliance_weighed_against_atop(sco):
    said, denied = sco["nature_claims"]
    assert (said["org"], said["military"], said["verdict"]) == ("SCO", True, "partly supported")
    assert (denied["org"], denied["military"], denied["verdict"]) == ("SCO", False, "supported")
    treaties = {a["atopid"]: a for a in said["evidence"]["alliances"]}
    assert treaties[4810]["organisation_treaty"] and treaties[4810]["covers_all_members"]
    assert "defense" not in treaties[4810]["obligations"]
    assert not any(a["covers_all_members"] and "defense" in a["obligations"] for a in treaties.values())
    tension = [i for i in sco["inconsistencies"] if i["kind"] == "contradictory characterisation"]
    assert tension and tension[0]["org"] == "SCO"


def test_analyst_spelled_two_ways(sco):
    clash = [i for i in sco["inconsistencies"] if i["kind"] == "name spelled two ways"]
    assert clash[0]["spellings"] == ["Sergei Kuzyanin", "Sergei Luzyanin"]
    names = [p["name"] for p in sco["people"]]
    assert names == ["Sergei Kuzyanin", "Sergei Luzyanin", "Anatoly Bolyatko"]


def test_south_ossetia_is_a_place_in_georgia_and_the_war_is_in_ucdp(sco):
    place = next(p for p in sco["places"] if p["name"] == "South Ossetia")
    assert place["in"] == ["GEO"] and place["kind"] == "territory"
    war = next(c for c in sco["conflicts"] if c["text"] == "Georgia's aggression against South Ossetia")
    assert war["date"] == "2008-08-08"
    assert war["verdict"] == "linked"
    assert [(r["dataset"], r["id"]) for r in war["records"]] == [("ucdp_acd", 393)]
    assert any("cow_war_inter covers 1816-2007" in n for n in war["notes"])


def test_offsets_point_at_the_words(sco):
    text = mp.articles.text.load(SCO_2008).text
    for group in ("organisations", "states", "places", "people"):
        for item in sco[group]:
            for mention in item["mentions"]:
                assert text[mention["start"] : mention["end"]] == mention["text"]
    for found in sco["claims"] + sco["nature_claims"] + sco["conflicts"]:
        assert text[found["start"] : found["end"]] == found["text"]


def test_states_and_organisations_are_resolved(sco):
    states = {s["iso3"]: s for s in sco["states"]}
    assert states["RUS"]["cow"] == 365 and states["GEO"]["cow"] == 372
    assert {"SCO", "NATO", "CSTO", "BRICS"} <= {o["id"] for o in sco["organisations"]}
    moscow = [m for m in states["RUS"]["mentions"] if m["as"] == "capital"]
    assert moscow and moscow[0]["text"] == "Moscow"
    assert {s["dataset"] for s in sco["sources"]} >= {"orgs/data/memberships.csv", "atop5_1m", "ucdp_acd"}


def test_html_metadata_and_nato_enlargement():
    report = mp.read_article(HERE / "nato-enlargement-2009.html").to_dict()
    assert (report["date"], report["date_source"]) == ("2009-04-02", "metadata")
    assert report["author"] == "Ana Petrovic"
    assert report["title"] == "NATO welcomes Albania and Croatia"
    joined = next(c for c in report["claims"] if c["text"] == "Albania and Croatia joined")
    assert (joined["what"], joined["time"], joined["verdict"]) == (
        "joined",
        {"anchor": "day", "value": "2009-04-01"},
        "correct",
    )
    assert [n["verdict"] for n in report["nature_claims"]] == ["supported"]
    assert "Jaap de Hoop Scheffer" in [p["name"] for p in report["people"]]
    war = next(c for c in report["conflicts"] if c["text"] == "war between Russia and Georgia")
    assert war["year"] == 2008 and [r["id"] for r in war["records"]] == [393]


def test_wrong_membership_names_the_states_that_did_not_hold_it():
    report = mp.read_article(HERE / "sco-wrong-members-2010.txt").to_dict()
    assert report["date"] == "2010-03-12"
    sco = claim(report, "SCO", "member")
    assert sco["verdict"] == "premature"  # Iran, an observer then, became a member in 2023
    assert [(m["iso3"], m["status_that_day"]) for m in sco["not_holding"]] == [("IRN", "observer")]
    assert "Astana" in sco["not_holding"][0]["note"]  # the observer spell that held that day
    assert [m["iso3"] for m in sco["missing"]] == ["KGZ", "TJK", "UZB"]
    csto = claim(report, "CSTO", "member")
    assert csto["verdict"] == "wrong" and not csto["exhaustive"]
    assert [m["iso3"] for m in csto["not_holding"]] == ["GEO"]


def test_undated_article_leaves_claims_unchecked_until_a_date_is_given():
    path = HERE / "undated-sco-observers.md"
    undated = mp.read_article(path).to_dict()
    assert undated["date"] is None and undated["date_source"] == "none"
    assert {c["verdict"] for c in undated["claims"]} == {"not checkable"}
    assert all("no date" in c["reason"] for c in undated["claims"])
    assert any("--date" in n for n in undated["notes"])
    dated = mp.read_article(path, date="2008-09-07").to_dict()
    assert (dated["date_source"], dated["date_confidence"]) == ("given", 1.0)
    assert [c["verdict"] for c in dated["claims"]] == ["correct", "incomplete"]
    later = mp.read_article(path, date="2018-01-01").to_dict()
    # India and Pakistan became full members on 2017-06-09: missing from the first list, no
    # longer observers in the second
    members, observers = later["claims"]
    assert members["verdict"] == "incomplete"
    assert [(m["iso3"], m["since"]) for m in members["missing"]] == [
        ("IND", "2017-06-09"),
        ("PAK", "2017-06-09"),
    ]
    assert observers["verdict"] == "outdated"  # observers until 2017
    assert [m["iso3"] for m in observers["not_holding"]] == ["IND", "PAK"]


def test_cow_inter_state_war_is_linked():
    report = mp.read_article(HERE / "iraq-war-2003.txt").to_dict()
    war = report["conflicts"][0]
    assert war["text"] == "war between the United States and Iraq"
    assert war["participants"] == ["USA", "IRQ"]
    assert ("cow_war_inter", 227) in [(r["dataset"], r["id"]) for r in war["records"]]
    assert "John Howard" in [p["name"] for p in report["people"]]


def test_non_english_article_is_flagged_not_judged():
    report = mp.read_article(HERE / "sco-french-2008.txt", date="2008-09-07").to_dict()
    assert report["language"] == "fr"
    assert report["claims"] == [] and report["nature_claims"] == []
    assert any("French, not English" in n for n in report["notes"])


def test_report_is_an_answer_with_claims_as_rows():
    report = mp.read_article(HERE / "sco-wrong-members-2010.txt")
    assert isinstance(report, mp.Answer)
    assert report.date.isoformat() == "2010-03-12"
    assert list(report.to_pandas()["verdict"]) == ["premature", "wrong"]
    assert report.organisations[0]["id"] == "SCO"


def test_agency_dateline_g8_list_and_eaeu_before_founding():
    report = mp.read_article(HERE / "crimea-annexation-2014.txt").to_dict()
    assert (report["date"], report["date_confidence"]) == ("2014-03-18", 0.7)
    found = [(c["org"], c["verdict"]) for c in report["claims"]]
    assert found == [
        ("G8", "correct"),
        ("G8", "not checkable"),  # "is expected to suspend Moscow": the registry keeps no G8 suspensions
        ("EAEU", "premature"),  # the EAEU began in 2015
        ("EU", "correct"),
    ]
    assert claim(report, "G8", "member")["states"][:2] == ["USA", "GBR"]  # "Britain", read by identity
    (csto,) = report["nature_claims"]
    assert (csto["org"], csto["verdict"]) == ("CSTO", "supported")
    assert next(p for p in report["places"] if p["name"] == "Crimea")["in"] == ["UKR"]
    assert "Anders Fogh Rasmussen" in [p["name"] for p in report["people"]]
    rasmussen = next(p for p in report["people"] if p["name"] == "Anders Fogh Rasmussen")
    assert rasmussen["spellings"] == ["Anders Fogh Rasmussen", "Rasmussen"]


def test_finland_joins_nato_from_html_metadata():
    report = mp.read_article(HERE / "finland-joins-nato-2023.html").to_dict()
    assert (report["date"], report["date_source"], report["author"]) == (
        "2023-04-04",
        "metadata",
        "Maria Virtanen",
    )
    assert [(c["what"], c["states"], c["verdict"]) for c in report["claims"]] == [
        ("joined", ["FIN"], "correct"),  # the headline
        ("joined", ["FIN"], "correct"),
        ("joined", ["FIN"], "correct"),  # "Finland becomes the 31st member"
        ("count", ["FIN"], "correct"),
        ("member", ["TUR", "HUN"], "correct"),
        ("applied", ["FIN", "SWE"], "not checkable"),  # the registry keeps no NATO applicants
    ]
    (war,) = report["conflicts"]
    assert (war["year"], war["verdict"], war["records"][0]["id"]) == (2022, "linked", 13243)
    assert "Sauli Niinistö" in [p["name"] for p in report["people"]]


def test_claims_table_is_built_only_when_asked_and_matches_the_json():
    from multipolar.answer import Answer, Records
    from multipolar.articles.report import CLAIM_COLUMNS

    report = mp.read_article(SCO_2008)
    assert isinstance(report.__dict__["_rows"], Records)  # no DataFrame yet: len and JSON from the dicts
    as_dicts, count = report.records(), len(report)
    table = report.to_pandas()
    assert not isinstance(report.__dict__["_rows"], Records) and count == len(table) == len(report)
    assert list(table.columns) == CLAIM_COLUMNS
    assert as_dicts == report.records() == Answer.records(report)
