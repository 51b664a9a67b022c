"""Behaviour of the remaining covariates beyond the reference years: coverage, options, errors."""

from __future__ import annotations

import pandas as pd
import pytest

from multipolar.data import store
from multipolar.errors import InputError, UnknownNameError
from multipolar.panels import create_dyadyears, create_stateyears
from multipolar.power import measures


def rows(panel, where: str) -> pd.DataFrame:
    return panel.con.sql(f"SELECT * FROM ({panel.sql()}) WHERE {where}").df()


@pytest.fixture(scope="module")
def cow_states():
    return create_stateyears(system="cow")


@pytest.fixture(scope="module")
def gw_states():
    return create_stateyears(system="gw")


@pytest.fixture(scope="module")
def cow_dyads():
    return create_dyadyears(system="cow", directed=False, years=(2010, 2020))


# ---- coverage: no data is NA, never 0 ------------------------------------------------------


def test_cow_mids_are_zero_inside_coverage_and_na_after(cow_dyads):
    panel = cow_dyads.add_cow_mids(keep=["dispnum"])
    assert panel.columns[-3:] == ["dispnum", "cowmidongoing", "cowmidonset"]
    quiet = rows(panel, "ccode1 = 2 AND ccode2 = 20 ORDER BY year")
    assert quiet.loc[quiet.year <= 2014, "cowmidonset"].eq(0).all()
    assert quiet.loc[quiet.year > 2014, ["cowmidonset", "cowmidongoing"]].isna().all().all()
    assert any("2014" in note for note in panel.notes)


def test_rivalries_end_in_2020(cow_dyads, cow_states):
    dyads = rows(cow_dyads.add_strategic_rivalries(), "ccode1 = 2 AND ccode2 = 365 ORDER BY year")
    assert dyads.loc[dyads.year <= 2020, "ongoingrivalry"].eq(1).all()
    # peacesciencer marks every dyad after 2020 as a rivalry; here the years are unknown
    assert dyads.loc[dyads.year > 2020, ["ongoingrivalry", "tssr_id", "positional"]].isna().all().all()
    usa = rows(cow_states.add_strategic_rivalries(), "ccode = 2 AND year IN (2020, 2021)")
    assert usa["n_positional"].isna().tolist() == [False, True]


def test_ucdp_conflicts_use_all_years_of_the_data(gw_states):
    panel = gw_states.add_ucdp_acd()
    colombia = rows(panel, "gwcode = 100 AND year IN (1945, 2024)").set_index("year")
    assert pd.isna(colombia.loc[1945, "ucdpongoing"])
    assert colombia.loc[2024, "ucdpongoing"] == 1
    iceland = rows(panel, "gwcode = 395 AND year = 2022")
    assert iceland["ucdpongoing"].item() == 0 and pd.isna(iceland["conflict_ids"].item())


def test_ucdp_conflict_filters(gw_states):
    every = rows(gw_states.add_ucdp_acd(), "gwcode = 750 AND year = 1971")
    interstate = rows(gw_states.add_ucdp_acd(type="interstate"), "gwcode = 750 AND year = 1971")
    assert len(every["conflict_ids"].item().split("; ")) > len(interstate["conflict_ids"].item().split("; "))
    wars = rows(gw_states.add_ucdp_acd(only_wars=True), "maxintensity IS NOT NULL")
    assert wars["maxintensity"].eq(2).all()


def test_ucdp_onset_is_each_conflicts_first_year_in_every_build():
    # UCDP lists a conflict-year once per secondary party; which of those rows came first must not
    # decide the onset (it did, from run to run, e.g. the United States in 2001, conflict 418)
    builds = [create_stateyears(system="gw").add_ucdp_acd().to_pandas() for _ in range(6)]
    for build in builds[1:]:
        pd.testing.assert_frame_equal(build, builds[0])
    panel = builds[0]
    raw = store.frame("ucdp_acd", ["conflict_id", "gwno_a", "year"])
    firsts = raw.groupby(["conflict_id", "gwno_a"], as_index=False)["year"].min()
    first_years = set(zip(firsts["gwno_a"], firsts["year"], strict=True))
    in_panel = first_years & set(zip(panel["gwcode"], panel["year"], strict=True))
    onsets = panel[panel["ucdponset"] == 1]
    assert set(zip(onsets["gwcode"], onsets["year"], strict=True)) == in_panel
    assert {(2, 2001), (404, 1998), (540, 1975), (651, 1956), (820, 1958)} <= in_panel


def test_ucdp_onsets_are_na_outside_1946_2017(gw_states):
    panel = gw_states.add_ucdp_onsets()
    usa = rows(panel, "gwcode = 2 AND year IN (1945, 1946, 2017, 2018) ORDER BY year")
    assert usa["sumonset1"].isna().tolist() == [True, False, False, True]


def test_ucdp_on_cow_panels_goes_through_gwcode(cow_states, gw_states):
    cow = rows(
        cow_states.add_gwcode_to_cow().add_ucdp_acd().add_ucdp_onsets(), "ccode = 100 AND year >= 1946"
    )
    gw = rows(gw_states.add_ucdp_acd().add_ucdp_onsets(), "gwcode = 100 AND year >= 1946")
    columns = ["year", "ucdpongoing", "ucdponset", "conflict_ids", "sumonset1"]
    pd.testing.assert_frame_equal(cow[columns], gw[columns], check_dtype=False)
    assert cow["ucdpongoing"].sum() > 30  # Colombia's long internal conflict


def test_intra_state_war_types(cow_states):
    local = rows(cow_states.add_cow_wars(type="intra", intratype="local issues"), "warnum IS NOT NULL")
    assert set(local["wartype"]) == {"local issues"}
    russia = rows(cow_states.add_cow_wars(type="intra"), "ccode = 365 AND year = 1818")
    assert russia["cowintraonset"].item() == 1 and russia["warname"].item() == "First Caucasus"


def test_state_minimum_distance_looks_both_ways(cow_states):
    panel = cow_states.add_minimum_distance()
    found = rows(panel, "(ccode = 2 AND year = 1990) OR (ccode = 339 AND year = 1914) ORDER BY ccode")
    assert found["minmindist"].tolist()[0] == 0  # USA borders Canada and Mexico (lower codes too)
    assert pd.isna(found["minmindist"].tolist()[1])  # Albania 1914: CShapes has no distances
    assert rows(panel, "year = 1885")["minmindist"].isna().all()


def test_creg_duplicates_fill_gaps_then_keep_the_more_fractionalized(cow_states):
    """CREG lists Serbia (345) twice in 1992, one row without ethnic figures: as peacesciencer,
    the gap takes the group's maximum and the row with the higher ethfrac, then relfrac, stays."""
    serbia = rows(cow_states.add_creg_fractionalization(), "ccode = 345 AND year = 1992").iloc[0]
    assert serbia["ethfrac"] == pytest.approx(0.582828, abs=1e-6)
    assert serbia["relfrac"] == pytest.approx(0.649572, abs=1e-6)


def test_code_crosswalks(cow_states, gw_states, cow_dyads):
    germany = rows(cow_states.add_gwcode_to_cow(), "ccode = 255 AND year IN (1938, 1991) ORDER BY year")
    assert germany["gwcode"].tolist() == [255, 260]  # G-W: the Reich is 255, united Germany 260
    serbia = rows(gw_states.add_ccode_to_gw(), "gwcode = 340 AND year = 2010")
    assert serbia["ccode"].item() == 345
    assert {"gwcode1", "gwcode2"} <= set(cow_dyads.add_gwcode_to_cow().columns)


# ---- peace years ----------------------------------------------------------------------------


def test_peace_years_skip_years_without_data_and_read_intra_wars(cow_states):
    panel = cow_states.add_cow_wars(type="intra").add_peace_years()
    russia = rows(panel, "ccode = 365 AND year BETWEEN 1816 AND 1820 ORDER BY year")
    assert russia["cowintraspell"].tolist() == [0, 1, 2, 0, 0]  # war from 1818, ongoing
    assert rows(panel, "year > 2007 AND cowintraongoing IS NULL")["cowintraspell"].isna().all()


def test_peace_years_need_conflict_columns(cow_states):
    with pytest.raises(InputError, match="no conflict indicator"):
        cow_states.add_peace_years()


# ---- blocs and power shares -----------------------------------------------------------------


def test_blocs_on_the_reference_day(cow_states):
    december = cow_states.add_blocs(["NATO", "Warsaw Pact"])
    poland = rows(december, "ccode = 290 AND year IN (1990, 1991, 1998, 1999) ORDER BY year")
    assert poland["nato"].tolist() == [0, 0, 0, 1]
    assert poland["warsaw_pact"].tolist() == [1, 0, 0, 0]
    january = rows(cow_states.add_blocs("NATO", reference="01-01"), "ccode = 290 AND year IN (1999, 2000)")
    assert january["nato"].tolist() == [0, 1]  # joined 12 March 1999
    before = rows(cow_states.add_blocs("sco"), "year < 2001")
    assert before["sco"].eq(0).all()  # not yet founded: not a member, which is a fact


def test_blocs_on_gw_dyads():
    dyads = create_dyadyears(system="gw", directed=False, years=(1991, 1991)).add_blocs("NATO")
    pair = rows(dyads, "gwcode1 = 2 AND gwcode2 = 260")
    assert (pair["nato1"].item(), pair["nato2"].item()) == (1, 1)
    assert dyads.sources().set_index("column").loc["nato1", "dataset"] == "orgs/data/memberships.csv"


def test_power_shares_equal_the_power_module(cow_states):
    panel = cow_states.add_power_shares("cinc")
    china = rows(panel, "ccode = 710 AND year = 2010")["cinc_share"].item()
    expected = measures.values("cinc", 2010).rows.set_index("cow").loc[710, "share"]
    assert china == pytest.approx(expected, rel=1e-12)
    totals = rows(panel, "year BETWEEN 1816 AND 2022").groupby("year")["cinc_share"].sum()
    assert totals.round(12).eq(1).all()
    assert rows(panel, "year = 2024")["cinc_share"].isna().all()
    germany = rows(create_stateyears(system="gw", years=(1991, 1991)).add_power_shares(), "gwcode = 260")
    assert germany["cinc_share"].item() == pytest.approx(
        measures.values("cinc", 1991).rows.set_index("cow").loc[255, "share"], rel=1e-12
    )


# ---- errors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s, d: s.add_cow_mids(), "dyad-year"),
        (lambda s, d: d.add_cow_mids(keep=["winner"]), "cannot keep winner"),
        (lambda s, d: d.add_cow_wars(type="extra"), "Unknown war type"),
        (lambda s, d: s.add_cow_wars(type="inter"), "dyad-year"),
        (lambda s, d: s.add_cow_wars(type="intra", intratype="colonial"), "intra-state war type"),
        (lambda s, d: s.add_ucdp_acd(), "add_gwcode_to_cow"),
        (lambda s, d: d.add_ucdp_onsets(), "state-year"),
        (lambda s, d: create_stateyears(system="gw", years="2000").add_cow_trade(), "needs the COW"),
        (lambda s, d: s.add_blocs("NATO", reference="02-29"), "reference day"),
        (lambda s, d: s.add_blocs([]), "at least one organisation"),
    ],
)
def test_covariates_refuse_what_they_cannot_do(cow_states, cow_dyads, call, message):
    with pytest.raises(InputError, match=message):
        call(cow_states, cow_dyads)


def test_unknown_names_suggest_close_ones(cow_states, gw_states):
    with pytest.raises(UnknownNameError, match="NATO"):
        cow_states.add_blocs("NATOO")
    with pytest.raises(UnknownNameError, match="cinc"):
        cow_states.add_power_shares("cinco")
    with pytest.raises(InputError, match="interstate"):
        gw_states.add_ucdp_acd(type="inter")


def test_every_covariate_runs_by_name_alone():
    """`--add NAME` passes no options: wars take the panel's kind, blocs every organisation."""
    states = create_stateyears(system="cow", years=(2000, 2001)).add("cow_wars", "blocs")
    assert {"cowintraonset", "nato", "warsaw_pact", "sco"} <= set(states.columns)
    dyads = create_dyadyears(system="cow", directed=False, years=(2000, 2001)).add("cow_wars")
    assert "cowinteronset" in dyads.columns


def test_covariates_combine_on_one_panel(cow_dyads):
    """Lookups on the same keys are merged by the engine; every covariate must survive that."""
    panel = (
        cow_dyads.add_cow_mids()
        .add_peace_years()
        .add_strategic_rivalries()
        .add_minimum_distance()
        .add_creg_fractionalization()
        .add_gwcode_to_cow()
        .add_blocs("NATO")
        .add_power_shares()
    )
    frame = panel.to_pandas()
    usa_russia = frame[(frame.ccode1 == 2) & (frame.ccode2 == 365) & (frame.year == 2014)].iloc[0]
    assert usa_russia["cowmidonset"] == 1 and usa_russia["positional"] == 1
    assert (usa_russia["nato1"], usa_russia["nato2"], usa_russia["gwcode2"]) == (1, 0, 365)
    assert usa_russia["cinc_share1"] > usa_russia["cinc_share2"] > 0


def test_peace_years_on_dyads_need_cow_codes():
    gw = create_dyadyears(system="gw", directed=False, years=(2000, 2000)).add_minimum_distance()
    with pytest.raises(InputError, match="COW state system"):
        gw.add_peace_years()
