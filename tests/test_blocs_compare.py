"""Blocs compared on a day, what-ifs, and polarity with blocs merged into single actors."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from multipolar.errors import InputError
from multipolar.power import blocs
from multipolar.power.measures import values
from multipolar.power.polarity import indices

DAY = "2008-09-07"


@pytest.fixture(scope="module")
def shares_2007() -> dict[str, float]:
    rows = values("cinc", 2007).rows  # the last complete year before DAY.dropna(subset=["share"])
    return dict(zip(rows["iso3"], rows["share"], strict=True))


@pytest.fixture(scope="module")
def nato_sco():
    return blocs.compare(["NATO", "SCO"], DAY)


def row(answer, name):
    return answer.rows.set_index("bloc").loc[name]


def test_members_on_the_day(nato_sco):
    assert row(nato_sco, "NATO")["members_n"] == 26
    assert row(nato_sco, "SCO")["members_n"] == 6
    assert set(row(nato_sco, "SCO")["members"]) == {"CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB"}
    assert nato_sco.params["year"] == 2007  # the last complete year before the day


def test_share_is_the_sum_of_member_shares(nato_sco, shares_2007):
    for name in ("NATO", "SCO"):
        found = row(nato_sco, name)
        expected = sum(shares_2007.get(iso, 0.0) for iso in found["members"])
        assert found["share"] == pytest.approx(expected)
        assert 0 < found["share"] < 1
    # disjoint blocs: their shares add up to the merged bloc's
    merged = blocs.compare(["NATO", "SCO"], DAY, merge="NATO+SCO")
    assert row(merged, "NATO+SCO")["share"] == pytest.approx(
        row(nato_sco, "NATO")["share"] + row(nato_sco, "SCO")["share"]
    )


def test_ratio_is_share_over_share(nato_sco):
    ratio = next(r for r in nato_sco.extra["ratios"] if r["bloc"] == "SCO" and r["to"] == "NATO")
    assert ratio["ratio"] == pytest.approx(row(nato_sco, "SCO")["share"] / row(nato_sco, "NATO")["share"])


def test_adding_members_adds_exactly_their_shares(nato_sco, shares_2007):
    grown = blocs.compare(["NATO", "SCO"], DAY, add={"SCO": ["IRN", "IND", "PAK", "MNG"]}, remove="NATO=TUR")
    sco, nato = row(grown, "SCO"), row(grown, "NATO")
    added = sum(shares_2007[iso] for iso in ("IRN", "IND", "PAK", "MNG"))
    assert sco["members_n"] == 10
    assert sco["change"] == pytest.approx(added)
    assert sco["share"] == pytest.approx(row(nato_sco, "SCO")["share"] + added)
    assert nato["members_n"] == 25
    assert nato["change"] == pytest.approx(-shares_2007["TUR"])
    assert [v["actors"] for v in grown.extra["polarity"]] == ["states", "blocs", "scenario"]


def test_state_names_and_custom_blocs(shares_2007):
    answer = blocs.compare(["WEST=USA,United Kingdom", "CHN"], DAY)
    west, china = row(answer, "WEST"), row(answer, "CHN")
    assert west["members"] == ["USA", "GBR"]
    assert west["share"] == pytest.approx(shares_2007["USA"] + shares_2007["GBR"])
    assert china["share"] == pytest.approx(shares_2007["CHN"])


def test_atop_alliance_as_a_bloc():
    answer = blocs.compare(["atop:3180"], "1995-01-01")
    nato = row(answer, "atop:3180")
    assert nato["members_n"] == 16  # NATO before the 1999 enlargement
    assert {"USA", "DEU", "TUR"} <= set(nato["members"])
    assert "atop5_1m" in answer.sources


def test_an_organisation_before_it_existed_is_missing_not_zero():
    answer = blocs.compare(["NATO"], "1900-01-01")
    nato = row(answer, "NATO")
    assert nato["members_n"] == 0
    assert pd.isna(nato["share"]) and pd.isna(nato["value"])
    assert any("founded on 1949-04-04" in n for n in answer.notes)
    states, merged = answer.extra["polarity"]
    assert merged["n"] == states["n"]  # an empty bloc is no actor


def toy(shares: dict[str, float]) -> blocs.Weighed:
    rows = pd.DataFrame(
        {
            "cow": range(1, len(shares) + 1),
            "iso3": list(shares),
            "name": list(shares),
            "value": [s * 10 for s in shares.values()],
            "share": list(shares.values()),
        }
    )
    return blocs.Weighed("toy", 2000, rows, (), ())


def toy_bloc(name: str, members: list[str], weighed: blocs.Weighed) -> blocs.Bloc:
    rows = weighed.values.set_index("iso3")
    return blocs.Bloc(name, tuple(members), tuple(int(rows.loc[m, "cow"]) for m in members), "toy")


def test_merged_polarity_on_toy_input():
    weighed = toy({"AAA": 0.3, "BBB": 0.2, "CCC": 0.2, "DDD": 0.3})
    merged, notes = blocs.merged_polarity(weighed, [toy_bloc("AB", ["AAA", "BBB"], weighed)])
    # actors: AB 0.5, CCC 0.2, DDD 0.3
    assert merged["n"] == 3
    assert merged["leader"] == "AB"
    assert merged["leader_share"] == pytest.approx(0.5)
    assert merged["hhi"] == pytest.approx(0.25 + 0.04 + 0.09)
    assert merged == indices({"AB": 0.5, "CCC": 0.2, "DDD": 0.3})
    assert notes == []


def test_state_in_two_blocs_counts_once():
    weighed = toy({"AAA": 0.4, "BBB": 0.3, "CCC": 0.3})
    first = toy_bloc("X", ["AAA", "BBB"], weighed)
    second = toy_bloc("Y", ["BBB", "CCC"], weighed)
    merged, notes = blocs.merged_polarity(weighed, [first, second])
    assert merged["n"] == 2
    assert merged["leader"] == "X"
    assert merged["leader_share"] == pytest.approx(0.7)
    assert notes and "BBB" in notes[0]


def test_cli_compare_json(run_cli):
    code, out, err = run_cli(
        "compare", "NATO", "SCO", "--date", DAY, "--add", "SCO=IRN,IND,PAK,MNG", "--json"
    )
    assert code == 0, err
    payload = json.loads(out)
    assert payload["date"] == DAY and payload["year"] == 2007
    assert payload["unit"] == "share of system capabilities"
    assert payload["add"] == {"SCO": ["IRN", "IND", "PAK", "MNG"]}
    by_name = {b["bloc"]: b for b in payload["blocs"]}
    assert by_name["SCO"]["members_n"] == 10
    assert by_name["NATO"]["change"] == pytest.approx(0.0)
    assert {s["dataset"] for s in payload["sources"]} >= {"cow_nmc"}


def test_cli_merge_alone(run_cli):
    code, out, err = run_cli("compare", "--merge", "NATO+EU", "--date", DAY, "--json")
    assert code == 0, err
    payload = json.loads(out)
    merged = payload["blocs"][0]
    assert merged["bloc"] == "NATO+EU" and merged["members_n"] == 32  # 21 states are in both
    assert payload["polarity"][-1]["actors"] == "scenario" and payload["polarity"][-1]["leader"] == "NATO+EU"


def test_composite_measure_with_weights(shares_2007):
    answer = blocs.compare(["SCO"], DAY, measure="composite", weights="cinc=1")
    assert answer.params["weights"] == {"cinc": 1.0}
    # a composite of cinc alone is cinc's world share
    assert row(answer, "SCO")["share"] == pytest.approx(
        sum(shares_2007[i] for i in row(answer, "SCO")["members"])
    )


def test_cli_compare_table(run_cli):
    code, out, _ = run_cli("compare", "NATO", "SCO", "--date", DAY)
    assert code == 0
    assert "NATO" in out and "NATO / SCO" in out and "SCO / NATO" not in out
    assert "blocs as single actors" in out and "%" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("compare", "NATOO", "--date", DAY), "Unknown organisation 'NATOO'. Did you mean: NATO"),
        (("compare", "Chna", "--date", DAY), "Unknown country 'Chna'. Did you mean: China"),
        (("compare", "NATO", "--date", DAY, "--add", "SCO:IRN"), "Bad --add 'SCO:IRN'"),
        (("compare", "NATO", "--date", DAY, "--merge", "NATO"), "Bad --merge 'NATO'"),
        (("compare", "NATO", "--date", "2008-02-30"), "Impossible date '2008-02-30'"),
        (("compare", "NATO", "--date", DAY, "--measure", "cinq"), "Unknown measure 'cinq'"),
        (("compare", "NATO", "--date", DAY, "--remove", "NATO=CHN"), "CHN is not a member of NATO"),
        (("compare", "atop:x", "--date", DAY), "Bad ATOP alliance id 'x'"),
        (("compare", "=USA", "--date", DAY), "Bad bloc '=USA'"),
        (("compare", "--date", DAY), "No blocs to compare"),
        (("compare", "SCO", "--date", DAY, "--measure", "composite"), "The composite measure needs weights"),
        (("compare", "atop:3180", "--date", "2020-01-01"), "ATOP 5.1 coverage ends 2018-12-31"),
        (("compare", "atop:9999", "--date", DAY), "ATOP alliance 9999 is not in force on 2008-09-07"),
    ],
)
def test_cli_compare_errors(run_cli, args, message):
    code, out, err = run_cli(*args)
    assert code != 0
    assert message in err
    assert "Traceback" not in err and out == ""


def test_scenario_needs_a_change():
    with pytest.raises(InputError, match="needs a change"):
        blocs.scenario(["SCO"], dt.date(2008, 9, 7))


def test_cli_compare_refuses_a_day_in_the_future(run_cli):
    later = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    code, out, err = run_cli("compare", "NATO", "SCO", "--date", later)
    assert code == 2 and out == ""
    assert f"{later} is in the future" in err


def test_compare_before_any_data_says_so():
    with pytest.raises(InputError, match="Year 1815 is before 1816"):
        blocs.compare(["NATO", "SCO"], "1815-06-18")
    with pytest.raises(InputError, match="milex_nmc") as caught:
        blocs.compare(["NATO", "SCO"], "1900-01-01", "milex")
    assert "gdp_ppp" not in str(caught.value)


def test_a_bloc_whose_major_power_has_no_value_is_na_not_the_rest():
    """The Warsaw Pact's SIPRI spending in 1962 is unknown (no USSR before 1988), not 0.8% of the world."""
    answer = blocs.compare(["NATO", "Warsaw Pact"], "1962-10-22", "milex")
    pact = row(answer, "WARSAW_PACT")
    assert pd.isna(pact["share"]) and pd.isna(pact["value"])
    assert any("WARSAW_PACT" in n and "SUN" in n and "NA" in n for n in answer.notes)
    assert all(r["ratio"] is None for r in answer.extra["ratios"])
    # a small member without a value is still left out of the sum, as before
    sco = row(blocs.compare(["SCO"], "2008-09-07", "milex"), "SCO")
    assert sco["share"] > 0


def test_world_polarity_without_a_major_powers_value_is_na(run_cli):
    """As mp.polarity does: SIPRI 1962 has no USSR or China, so no verdict on the world's polarity."""
    answer = blocs.compare(["NATO", "Warsaw Pact"], "1962-10-22", "milex")
    for view in answer.extra["polarity"]:
        assert view["verdict"] is None and view["enp"] is None
        assert "SUN" in view["missing"] and "CHN" in view["missing"]
    code, out, err = run_cli("compare", "NATO", "Warsaw Pact", "--date", "1962-10-22", "--measure", "milex")
    assert code == 0, err
    assert "NA (no milex value for the major powers SUN, CHN)" in out
    full = blocs.compare(["NATO", "SCO"], "2008-09-07", "milex").extra["polarity"]
    assert all(v["verdict"] and "missing" not in v for v in full)


def test_an_organisation_without_members_yet_says_why():
    """NATO was founded on 1949-04-04; its first members entered into force on 1949-08-24."""
    answer = blocs.compare(["NATO"], "1949-04-04")
    assert row(answer, "NATO")["members_n"] == 0
    assert any("1949-08-24" in n for n in answer.notes)


def test_an_organisations_known_but_undated_members_are_named():
    """OPEC's Algeria, Libya and the UAE have no dated spell: a bloc without them must say so."""
    answer = blocs.compare(["OPEC"], "2024-01-01", "gdp")
    assert "DZA" not in row(answer, "OPEC")["members"]
    assert any(n.startswith("OPEC: not listed: Algeria (DZA)") for n in answer.notes)
    assert "orgs/data/gaps.csv" in [s["dataset"] for s in answer.to_dict()["sources"]]


def test_two_different_blocs_under_one_name_are_refused():
    with pytest.raises(InputError, match="Two blocs are named 'X'"):
        blocs.compare(["X=USA", "X=CHN"], "2020-01-01")
    same = blocs.compare(["NATO", "nato"], "2020-01-01")  # the same bloc twice is still one row
    assert len(same.rows) == 1


def test_three_letters_fall_back_from_iso3_to_other_readings():
    """UKG is no ISO3 code but COW's letters for the United Kingdom; FOO is nothing at all."""
    answer = blocs.compare(["UKG"], "2020-01-01")
    assert row(answer, "UKG")["members"] == ["GBR"]
    with pytest.raises(InputError, match="Unknown organisation 'FOO'"):
        blocs.compare(["FOO"], "2020-01-01")
