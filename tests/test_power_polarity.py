"""Polarity indices: analytic cases, and the vectorised series agrees with the pure function."""

from __future__ import annotations

import datetime as dt

import pytest

from multipolar.errors import InputError
from multipolar.power.polarity import indices, polarity


@pytest.mark.parametrize(
    ("shares", "con", "enp", "verdict"),
    [
        ((0.5, 0.5), 0.0, 2.0, "bipolar"),
        ((1.0, 0.0), 1.0, 1.0, "unipolar"),
        ((0.75, 0.25), 0.5, 1.6, "unipolar"),
        ((0.6, 0.2, 0.2), 0.4, 1 / 0.44, "unipolar"),
        ((0.3, 0.3, 0.2, 0.2), pytest.approx(0.1155, abs=1e-4), 1 / 0.26, "multipolar"),
    ],
)
def test_analytic_cases(shares, con, enp, verdict):
    result = indices(shares)
    assert result["con"] == pytest.approx(con)
    assert result["enp"] == pytest.approx(enp)
    assert result["hhi"] == pytest.approx(sum(s * s for s in shares))
    assert result["verdict"] == verdict
    assert result["thresholds"] == {"pole_ratio": pytest.approx(1 / 3)}


def test_indices_normalise_values_and_name_the_leader():
    result = indices({"USA": 30, "CHN": 10, "RUS": 10})  # same as (.6, .2, .2)
    assert result["con"] == pytest.approx(0.4)
    assert result["enp"] == pytest.approx(2.2727, abs=1e-4)
    assert result["leader"] == "USA"
    assert result["leader_share"] == pytest.approx(0.6)
    assert result["lead_ratio"] == pytest.approx(3.0)
    assert result["poles"] == 1  # neither follower holds half the leader's share


def test_thresholds_change_poles_and_verdict():
    shares = {"A": 0.45, "B": 0.35, "C": 0.12, "D": 0.08}
    assert indices(shares)["verdict"] == "bipolar"
    assert indices(shares, pole_ratio=0.25)["poles"] == 3
    assert indices(shares, pole_ratio=0.25)["verdict"] == "multipolar"
    assert indices(shares, pole_ratio=0.8)["verdict"] == "unipolar"


def test_poles_are_relative_to_the_leader_so_group_size_does_not_matter():
    majors = {"CHN": 0.30, "USA": 0.25, "IND": 0.08, "RUS": 0.05}
    world = {**majors, **{f"S{i}": 0.32 / 100 for i in range(100)}}
    assert indices(majors)["verdict"] == indices(world)["verdict"] == "bipolar"
    assert indices({code: 0.1 for code in "ABCDEFGHIJ"})["poles"] == 10


def test_indices_take_a_pandas_series():
    import pandas as pd

    result = indices(pd.Series({"NATO": 0.5, "SCO": 0.3, "rest": 0.2}))
    assert result["leader"] == "NATO" and result["n"] == 3


def test_single_actor_has_no_concentration():
    assert indices({"A": 1.0})["con"] is None


@pytest.mark.parametrize("bad", [(), (-1, 2), (0, 0)])
def test_bad_shares_are_refused(bad):
    with pytest.raises(InputError):
        indices(bad)


def test_bad_threshold_is_refused():
    with pytest.raises(InputError, match="pole_ratio"):
        indices((0.5, 0.5), pole_ratio=0)


def test_series_1816_to_2022_in_one_call_matches_the_pure_function():
    answer = polarity(start=1816, end=2022, measure="cinc")
    rows = answer.rows.set_index("year")
    assert list(rows.index) == list(range(1816, 2023))
    assert rows["con"].notna().all()
    # 1816: the five COW majors (UK, France, Prussia, Austria, Russia)
    assert rows.loc[1816, "n"] == 5
    assert rows.loc[1816, "leader"] == "United Kingdom"
    # recompute one year by hand from the values
    from multipolar.power.measures import values

    majors = values("cinc", 1950, share_of="majors").rows
    expected = indices(dict(zip(majors["name"], majors["value"], strict=True)))
    got = rows.loc[1950]
    for key in ("n", "leader", "poles", "verdict"):
        assert got[key] == expected[key]
    for key in ("con", "enp", "hhi", "leader_share", "lead_ratio"):
        assert got[key] == pytest.approx(expected[key])
    assert answer.extra["thresholds"] == {"pole_ratio": pytest.approx(1 / 3)}
    assert [s["dataset"] for s in answer.to_dict()["sources"]] == ["cow_nmc"]


def test_cold_war_spending_is_bipolar_and_2022_extends_the_major_list_with_a_note():
    spending = polarity(1970, measure="milex_nmc").rows.iloc[0]
    assert (spending["verdict"], spending["poles"]) == ("bipolar", 2)
    assert spending["leader"] == "United States of America"
    # CINC weighs population, so China counts as a third pole in 1970
    assert polarity(1970, measure="cinc").rows.iloc[0]["verdict"] == "multipolar"
    answer = polarity(start=1960, end=2022, measure="cinc")
    rows = answer.rows.set_index("year")
    assert any("2016-12-31" in n for n in answer.notes)
    assert rows.loc[2022, "n"] == 7  # USA, UK, France, Germany, Russia, China, Japan


def test_top_n_groups():
    answer = polarity(2008, measure="cinc", among="top3")
    row = answer.rows.iloc[0]
    assert row["n"] == 3
    assert row["leader"] == "China"


def test_a_major_without_data_makes_the_year_na():
    answer = polarity(start=1980, end=1990, measure="milex")
    rows = answer.rows.set_index("year")
    assert rows.loc[1980, "con"] != rows.loc[1980, "con"]  # NaN: no SIPRI value for the USSR or China
    assert "Soviet Union" in rows.loc[1980, "missing"]
    assert rows.loc[1990, "n"] >= 5
    assert any("milex_nmc" in n for n in answer.notes)


def test_years_outside_the_source_are_na_with_a_note():
    answer = polarity(start=2020, end=2024, measure="cinc")
    rows = answer.rows.set_index("year")
    assert rows.loc[2022, "con"] == rows.loc[2022, "con"]
    assert rows.loc[2023, "con"] != rows.loc[2023, "con"]
    assert rows.loc[2023, "verdict"] is None
    assert any("1816-2022" in n for n in answer.notes)


def test_nowcast_extends_the_series_and_says_so():
    answer = polarity(start=2022, end=2024, measure="cinc", nowcast=True)
    rows = answer.rows.set_index("year")
    assert rows.loc[2024, "con"] == pytest.approx(rows.loc[2022, "con"])
    assert any(n.startswith("nowcast") for n in answer.notes)


def test_bad_requests():
    with pytest.raises(InputError, match="either a year or a range"):
        polarity(2000, start=1990)
    with pytest.raises(InputError, match="topN"):
        polarity(2000, among="top1")
    with pytest.raises(InputError, match="backwards"):
        polarity(start=2000, end=1990)


def test_years_after_the_state_system_use_its_last_day_with_a_note():
    from multipolar.states.system import coverage

    last = coverage()[1].year
    if last + 1 > dt.date.today().year:
        pytest.skip("the state-system data reach this year")
    answer = polarity(start=last - 1, end=last + 1, measure="milex", nowcast=True)
    rows = answer.rows.set_index("year")
    assert rows.loc[last + 1, "n"] == rows.loc[last, "n"]
    assert any(f"for {last + 1} the states of that day are used" in n for n in answer.notes)
