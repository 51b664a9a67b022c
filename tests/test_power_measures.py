"""Power measures: CINC recomputation, source values, coverage, identity mapping, errors."""

from __future__ import annotations

import pandas as pd
import pytest

from multipolar.data.catalog import catalog
from multipolar.errors import CoverageError, InputError, UnknownNameError
from multipolar.power import capabilities, measures
from tests.conftest import MIRROR


def row(answer, iso3):
    found = answer.rows[answer.rows["iso3"] == iso3]
    assert len(found) == 1, f"{iso3} appears {len(found)} times"
    return found.iloc[0]


@pytest.mark.parametrize(
    ("cow", "year", "published"), [(2, 2008, 0.147802), (710, 2016, 0.230825), (200, 1853, 0.287432)]
)
def test_cinc_recomputed_matches_published(cow, year, published):
    nmc = capabilities.nmc().set_index(["cow", "year"])
    assert nmc.loc[(cow, year), "cinc"] == pytest.approx(published, abs=1e-6)
    assert nmc.loc[(cow, year), "cinc_published"] == pytest.approx(published, abs=1e-6)


def test_cinc_recomputed_everywhere_within_rounding():
    nmc = capabilities.nmc()
    # COW's published CINC counts a state whose successor's row already holds it (1990: West and
    # East Germany beside Germany); those years differ, see test_world_counts.py
    same = nmc[~nmc["year"].isin(capabilities.absorbed()["year"])]
    assert (same["cinc"] - same["cinc_published"]).abs().max() < 1e-7
    # a state-year with a missing component is averaged over the components it has
    gap = nmc[nmc["milex"].isna()].iloc[0]
    assert gap["cinc"] == pytest.approx(gap["cinc_published"], abs=1e-7)


def test_world_bank_value_equals_the_source_file():
    raw = pd.read_csv(next((MIRROR / "worldbank").glob("API_NY.GDP.MKTP.KD_*.csv")), skiprows=4)
    expected = raw.loc[raw["Country Code"] == "FRA", "2019"].item()
    answer = measures.values("gdp", 2019)
    assert row(answer, "FRA")["value"] == expected
    assert answer.extra["unit"] == "constant 2015 US$"
    assert answer.to_dict()["sources"][0]["dataset"] == "worldbank_wdi_gdp_constant_2015_usd"
    version = catalog()["worldbank_wdi_gdp_constant_2015_usd"].version
    assert (row(answer, "FRA")["source"], row(answer, "FRA")["version"]) == (
        "worldbank_wdi_gdp_constant_2015_usd",
        version,
    )


def test_world_bank_aggregates_are_not_ranked():
    answer = measures.power(2019, "gdp", top=None)
    codes = set(answer.rows["iso3"])
    assert not codes & {"WLD", "EUU", "HIC", "LMY", "OED", "ARB", "EAS", "SSF"}
    assert answer.rows.iloc[0]["iso3"] == "USA"
    assert answer.rows.iloc[1]["iso3"] == "CHN"
    assert answer.rows["share"].sum() == pytest.approx(1.0)
    assert any("aggregates" in n for n in answer.notes)


def test_only_state_years_of_the_cow_system_are_counted():
    # the World Bank lists Algeria in 1960 and Oman in 1965, before they entered the COW system
    in_1960 = set(measures.values("gdp", 1960).rows["iso3"])
    assert "DZA" not in in_1960 and "OMN" not in set(measures.values("gdp", 1965).rows["iso3"])
    assert "DZA" in set(measures.values("gdp", 1963).rows["iso3"])
    assert any("outside the COW state system" in n for n in measures.values("gdp", 1960).notes)


def test_ussr_and_russia_are_one_cow_state_under_its_name_of_the_day():
    sipri = pd.read_parquet(capabilities.store.path("SIPRI-Milex-data-1949-2024_2"))
    sipri = sipri[sipri["unit"] == "constant_2023_usd_m"].set_index(["country", "year"])["value"]
    ussr = row(measures.values("milex", 1989), "SUN")
    assert (ussr["cow"], ussr["name"]) == (365, "Soviet Union")
    assert ussr["value"] == sipri[("USSR", 1989)]
    russia = row(measures.values("milex", 1995), "RUS")
    assert (russia["cow"], russia["name"]) == (365, "Russia")
    assert russia["value"] == sipri[("Russia", 1995)]
    world_1985 = measures.values("gdp", 1985)  # the World Bank has no USSR: world shares say so
    assert any("Soviet Union" in n and "shares leave them out" in n for n in world_1985.notes)
    # 1985: NMC has the USSR; SIPRI's constant-dollar series does not, so it is absent, with a note
    assert row(measures.values("milex_nmc", 1985), "SUN")["cow"] == 365
    in_1985 = measures.values("milex", 1985, share_of="majors")
    assert 365 not in set(in_1985.rows["cow"])
    assert any("Soviet Union" in n for n in in_1985.notes)


def test_germany_before_1990_is_west_germany():
    assert row(measures.values("gdp", 1985), "DEU")["cow"] == 260
    assert row(measures.values("gdp", 1995), "DEU")["cow"] == 255
    sipri = measures.values("milex", 1985)
    assert sipri.rows.loc[sipri.rows["cow"] == 260, "name"].item() == "German Federal Republic"


def test_past_a_source_end_is_na_with_a_note():
    sipri = measures.values("milex", 2025)
    assert len(sipri) > 100 and sipri.rows["value"].isna().all()
    assert any("1949-2024" in n for n in sipri.notes)
    nmc = measures.values("cinc", 2023)
    assert nmc.rows["value"].isna().all()
    assert any("1816-2022" in n for n in nmc.notes)


def test_before_a_source_start_points_to_the_long_run_measure():
    answer = measures.values("gdp", 1900)
    assert answer.rows["value"].isna().all()
    assert any("gdp_longrun" in n for n in answer.notes)
    assert measures.values("gdp_longrun", 1900).rows["value"].notna().sum() > 30


def test_nowcast_is_explicit_and_flagged():
    answer = measures.values("milex", 2025, nowcast=True)
    usa = row(answer, "USA")
    assert usa["value"] == row(measures.values("milex", 2024), "USA")["value"]
    assert bool(usa["nowcast"]) and usa["from_year"] == 2024
    assert any(n.startswith("nowcast") for n in answer.notes)


def test_latest_year():
    assert measures.latest_year("cinc", 2024) == 2022
    assert measures.latest_year("milex", 2030) == 2024
    assert measures.latest_year("gdp_longrun", 1815) is None


def test_shares_of_majors_and_of_named_states():
    majors = measures.values("cinc", 2008, share_of="majors")
    assert set(majors.rows["iso3"]) == {"USA", "GBR", "FRA", "DEU", "RUS", "CHN", "JPN"}
    assert majors.rows["share"].sum() == pytest.approx(1.0)
    pair = measures.values("cinc", 2008, share_of=["USA", "China"])
    assert pair.rows["share"].sum() == pytest.approx(1.0)
    assert row(pair, "CHN")["share"] == pytest.approx(0.190619 / (0.190619 + 0.147802), abs=1e-5)


def test_net_resources_is_gdp_times_gdp_per_capita():
    gdp = row(measures.values("gdp", 2019), "JPN")["value"]
    pop = row(measures.values("pop", 2019), "JPN")["value"]
    answer = measures.values("net_resources", 2019)
    assert row(answer, "JPN")["value"] == pytest.approx(gdp * gdp / pop)
    assert answer.sources == ["worldbank_wdi_gdp_constant_2015_usd", "worldbank_population"]


def test_composite_is_the_weighted_mean_of_world_shares():
    gdp = measures.values("gdp", 2019)
    milex = measures.values("milex", 2019)
    answer = measures.values("composite", 2019, weights={"gdp": 1, "milex": 3})
    expected = 0.25 * row(gdp, "CHN")["share"] + 0.75 * row(milex, "CHN")["share"]
    assert row(answer, "CHN")["value"] == pytest.approx(expected)
    assert answer.params["weights"] == {"gdp": 0.25, "milex": 0.75}
    assert {s["dataset"] for s in answer.to_dict()["sources"]} == {
        "worldbank_wdi_gdp_constant_2015_usd",
        "SIPRI-Milex-data-1949-2024_2",
    }
    assert measures.values("composite", 2019, weights="gdp=1,milex=3").rows.equals(answer.rows)


@pytest.mark.parametrize("weights", [None, {}, {"gdp": -1}, "gdp=x", {"composite": 1}, {"gdp": 0}])
def test_bad_composite_weights(weights):
    with pytest.raises(InputError):
        measures.values("composite", 2019, weights=weights)


def test_unknown_measure_suggests_close_names():
    with pytest.raises(UnknownNameError, match="cinc"):
        measures.values("cinq", 2000)


@pytest.mark.parametrize("year", [1815, 1700, 2999])
def test_year_out_of_range(year):
    with pytest.raises(CoverageError):
        measures.values("cinc", year)


def test_power_ranks_and_trims():
    answer = measures.power(2008, "cinc", top=3)
    assert list(answer.rows["rank"]) == [1, 2, 3]
    assert list(answer.rows["iso3"]) == ["CHN", "USA", "IND"]
    with pytest.raises(InputError):
        measures.power(2008, "cinc", top=0)


def test_every_measure_states_its_unit_in_words():
    """The unit is for readers (table titles, JSON), never a source's internal column key."""
    assert measures.values("milex", 2020).extra["unit"] == "millions of constant 2023 US$"
    for name in measures.MEASURES:
        if name == "composite":
            continue
        unit = measures.values(name, 2010).extra["unit"]
        assert "_" not in unit and unit, name


def test_group_shares_without_a_members_value_are_na_not_a_share_of_the_rest():
    """USA's share of {USA, USSR} in 1962 is unknown under SIPRI (no USSR before 1988), not 100%."""
    pair = measures.values("milex", 1962, share_of=["USA", "USSR"])
    assert pair.rows["share"].isna().all()
    assert row(pair, "USA")["value"] > 0  # the values themselves stay
    assert any("Soviet Union" in n and "NA" in n for n in pair.notes)
    majors = measures.values("milex", 1962, share_of="majors")
    assert majors.rows["share"].isna().all()
    # with every member's value the shares are there and sum to 1
    assert measures.values("milex", 1995, share_of="majors").rows["share"].sum() == pytest.approx(1.0)
    # the world base still leaves a missing state out, with its note
    assert measures.values("milex", 1962).rows["share"].notna().any()
