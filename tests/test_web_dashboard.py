"""The dashboard's pages and JSON twins: the world on a day for the map, the days memberships
changed, an article's checked text."""

from __future__ import annotations

import html
import json

import pytest

pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def client():
    from fastapi.testclient import TestClient

    from multipolar.interfaces.web.app import create_app

    return TestClient(create_app())


def shapes_of(answer: dict, iso3: str) -> list[dict]:
    return [s for s in answer["map"]["states"] if s["iso3"] == iso3]


def test_the_world_on_a_day_colours_each_state_by_its_first_bloc(client):
    answer = client.get("/world/2008-09-07.json").json()
    assert answer["date"] == answer["brief"]["date"] == "2008-09-07"
    assert answer["map"]["blocs"] == ["NATO", "SCO", "CSTO", "BRICS", "EU"]
    (usa,) = shapes_of(answer, "USA")
    assert usa["id"] == "840" and usa["bloc"] == "NATO" and usa["major"]
    (russia,) = shapes_of(answer, "RUS")
    assert russia["bloc"] == "SCO" and russia["blocs"] == ["SCO", "CSTO", "BRICS"]
    (georgia,) = shapes_of(answer, "GEO")
    assert georgia["bloc"] == "none"  # left the CIS-centred blocs; never NATO
    assert any("Borders are today's" in note for note in answer["map"]["notes"])


def test_the_dashboard_shows_the_briefs_data_year_and_numbers_for_a_day(client, run_cli):
    """One rule for the figures of a day (the last complete year before it with data, decided in
    power.blocs.weigh): the dashboard's data are the brief's, to the number."""
    code, out, _ = run_cli("brief", "--date", "2008-09-07", "--json")
    assert code == 0
    brief = json.loads(out)
    world = client.get("/world/2008-09-07.json").json()
    assert world["brief"] == brief
    assert {m["measure"]: m["year"] for m in world["brief"]["measures_used"]} == {
        "cinc": 2007,
        "gdp": 2007,
        "milex": 2007,
    }
    assert [(p["measure"], p["year"]) for p in world["brief"]["polarity"]] == [
        ("cinc", 2007),
        ("gdp", 2007),
        ("milex", 2007),
    ]
    scenario = client.get("/api/compare", params={"blocs": ["NATO"], "date": "2008-09-07"}).json()
    assert scenario["year"] == 2007  # the scenario builder's figures: the same year


def test_a_dissolved_state_is_drawn_on_its_successors(client):
    cold_war = client.get("/world/1962-10-27.json").json()
    soviet = shapes_of(cold_war, "SUN")
    assert {s["id"] for s in soviet} >= {"643", "804", "398"}  # Russia, Ukraine, Kazakhstan today
    assert {s["bloc"] for s in soviet} == {"WARSAW_PACT"}
    assert {s["bloc"] for s in shapes_of(cold_war, "AUS")} == {"SEATO"}  # Australia, not COW's AUS
    assert {s["bloc"] for s in shapes_of(cold_war, "AUT")} == {"none"}  # neutral Austria
    sarajevo = client.get("/world/1914-06-28.json").json()
    habsburg = [s for s in sarajevo["map"]["states"] if s["name"] == "Austria-Hungary"]
    assert {s["id"] for s in habsburg} >= {"040", "348"}  # Austria, Hungary
    # no bloc of the brief's yet: the largest ATOP alliances colour the map (the Triple Alliance)
    ids = [bloc.split(" (")[0] for bloc in sarajevo["map"]["blocs"]]  # "ATOP 1355 (Triple Alliance)"
    assert ids[:3] == ["ATOP 1450", "ATOP 1355", "ATOP 1350"]
    triple = sarajevo["map"]["blocs"][1]
    assert {s["bloc"] for s in habsburg} == {triple} and habsburg[0]["cow"] == 300
    assert {s["bloc"] for s in shapes_of(sarajevo, "ITA")} == {triple}


def test_days_outside_the_dashboards_range_answer_a_json_400(client):
    for path in ("/world/1700-01-01.json", "/world/2008-13-01.json", "/world/2999-01-01"):
        response = client.get(path)
        assert response.status_code == 400 and response.json()["error"]
    response = client.get("/world/2008-09-07", params={"measure": "tanks"})
    assert response.status_code == 400 and "cinc, gdp, milex" in response.json()["error"]


def test_the_page_carries_its_state_and_loads_no_file_from_elsewhere(client):
    page = client.get("/world/2008-09-07", params={"measure": "gdp"}).text
    state = json.loads(html.unescape(page.split('data-state="')[1].split('"')[0]))
    assert state["date"] == "2008-09-07" and state["measure"] == "gdp"
    assert "The world on 7 September 2008" in page
    assert "http" not in page.split("<body")[1].replace('"https://vega', "")
    assert client.get("/").status_code == 200


def test_membership_change_days_mark_the_slider(client):
    changes = {c["date"]: c["events"] for c in client.get("/views/changes.json").json()["changes"]}
    assert "NATO joined EST" in changes["2004-03-29"]  # the big enlargement
    assert "WARSAW_PACT dissolved POL" in changes["1991-07-02"]  # the first day without it


def test_the_article_checker_gets_the_text_its_offsets_point_into(client):
    article = (
        "Moscow, 7 September 2008. The SCO, which currently groups Russia, China, Kazakhstan, "
        "Kyrgyzstan, Tajikistan and Uzbekistan, met in Dushanbe."
    )
    answer = client.post("/views/read", content=article.encode()).json()
    claim = answer["report"]["claims"][0]
    assert answer["text"][claim["start"] : claim["end"]] == claim["text"]
    assert claim["verdict"] == "correct"
