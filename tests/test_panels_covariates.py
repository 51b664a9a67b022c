"""Behaviour of the remaining covariates beyond the reference years: coverage, options, errors."""

from __future__ import annotations

import pandas as pd
import pytest

import multipolar as mp
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
    assert panel.columns[-3:] == ["cowmidonset", "cowmidongoing", "dispnum"]  # peacesciencer's order
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
    panel = cow_states.add_minimum_distance(use_extdata=False)
    found = rows(panel, "(ccode = 2 AND year = 1990) OR (ccode = 339 AND year = 1914) ORDER BY ccode")
    assert found["minmindist"].tolist()[0] == 0  # USA borders Canada and Mexico (lower codes too)
    assert pd.isna(found["minmindist"].tolist()[1])  # Albania 1914: CShapes has no distances
    assert rows(panel, "year = 1885")["minmindist"].isna().all()


def test_extended_minimum_distances_slice_the_year_as_peacesciencer():
    """The extended data record each change; "first" is the earliest recorded, "jan1" the 1 January
    one, which CoW's USA-Canada 1920 lacks (Canada enters on 10 January), as peacesciencer's docs say."""
    recorded = store.frame("cow_mindist_plus")
    dyad = recorded[(recorded.ccode1 == 2) & (recorded.ccode2 == 20) & (recorded.year == 1920)]
    panel = create_dyadyears(years="1920-1920")
    usa_canada = "ccode1 = 20 AND ccode2 = 2"
    first = rows(panel.add_minimum_distance(), usa_canada)["mindist"].item()
    assert first == dyad.dropna().iloc[0]["mindist"] == 0
    assert pd.isna(rows(panel.add_minimum_distance(slice="jan1"), usa_canada)["mindist"].item())
    last = rows(panel.add_minimum_distance(slice="last"), usa_canada)["mindist"].item()
    assert last == dyad.sort_values("date").dropna().iloc[-1]["mindist"]
    albania = recorded[(recorded.year == 1914) & ((recorded.ccode1 == 339) | (recorded.ccode2 == 339))]
    nearest = albania.dropna().groupby(["ccode1", "ccode2"]).head(1)["mindist"].min()
    states = create_stateyears(years="1914-1914")
    assert rows(states.add_minimum_distance(), "ccode = 339")["minmindist"].item() == nearest
    assert pd.isna(rows(states.add_minimum_distance(use_extdata=False), "ccode = 339")["minmindist"].item())
    with pytest.raises(InputError, match="CoW codes only"):
        create_stateyears(system="gw", years="1914-1914").add_minimum_distance(use_extdata=True)
    with pytest.raises(InputError, match="Unknown slice"):
        states.add_minimum_distance(slice="easter")


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


def _years_since_last_event(flags) -> list:
    """Each row's count of earlier rows since the last row with a 1 (NA rows skipped and NA)."""
    expected, last_event, position = [], None, 0
    for flag in flags:
        if pd.isna(flag):
            expected.append(pd.NA)
            continue
        expected.append(position - (last_event if last_event is not None else -1) - 1)
        if flag:
            last_event = position
        position += 1
    return expected


def test_peace_years_and_spells_count_every_year_of_a_long_rivalry():
    """USA-Russia: spells reset in dispute years and count up between them, per peacesciencer;
    add_peace_years skips the years after the MID data, add_spells needs a panel within them."""
    usa_russia = "ccode1 = 2 AND ccode2 = 365 ORDER BY year"
    peace = rows(create_dyadyears(directed=False).add_cow_mids().add_peace_years(), usa_russia)
    expected = _years_since_last_event(peace["cowmidongoing"])
    assert peace["cowmidspell"].astype("Int64").tolist() == pd.array(expected, dtype="Int64").tolist()
    assert peace.loc[peace["year"] > 2014, "cowmidspell"].isna().all()
    spells = rows(create_dyadyears(directed=False, years="1816-2014").add_cow_mids().add_spells(), usa_russia)
    assert spells["cowmidspell"].tolist() == _years_since_last_event(spells["cowmidongoing"])
    with pytest.raises(InputError, match=r"cowmidongoing is NA in .* \(2015-"):
        create_dyadyears(directed=False, years="2010-2020").add_cow_mids().add_spells()


# ---- leaders, terrain, threat, trade and arms races -------------------------------------------


def test_arms_races_follow_the_race_years_both_ways():
    races = store.frame("grh_arms_races")
    usa_ussr = races[
        ((races.ccode1 == 2) & (races.ccode2 == 365)) | ((races.ccode1 == 365) & (races.ccode2 == 2))
    ]
    racing = {y for s, e in zip(usa_ussr.styear, usa_ussr.endyear, strict=True) for y in range(s, e + 1)}
    panel = create_dyadyears(years="1946-2000").add_arms_races()
    for pair in ("ccode1 = 2 AND ccode2 = 365", "ccode1 = 365 AND ccode2 = 2"):
        found = rows(panel, f"{pair} ORDER BY year")
        assert found.loc[found.year <= 1993, "armsrace"].tolist() == [
            int(y in racing) for y in range(1946, 1994)
        ]
        assert found.loc[found.year > 1993, "armsrace"].isna().all()
    states = rows(create_stateyears(years="1973-1973").add_arms_races(), "ccode = 645")  # Iraq, four races
    assert (
        states["n_armsraces"].item()
        == ((races.ccode1 == 645) | (races.ccode2 == 645))
        .where((races.styear <= 1973) & (races.endyear >= 1973), False)
        .sum()
    )


def test_dyadic_trade_reads_each_direction():
    trade = store.frame("cow_trade_ddy")
    panel = create_dyadyears(years="2000-2000").add_cow_trade()
    usa_canada = rows(panel, "ccode1 = 2 AND ccode2 = 20")
    expected = trade[(trade.ccode1 == 2) & (trade.ccode2 == 20) & (trade.year == 2000)].iloc[0]
    assert usa_canada[["flow1", "flow2"]].iloc[0].tolist() == [expected.flow1, expected.flow2]
    canada_usa = rows(panel, "ccode1 = 20 AND ccode2 = 2")
    assert canada_usa[["flow1", "flow2"]].iloc[0].tolist() == [expected.flow2, expected.flow1]
    assert rows(create_dyadyears(years="2015-2015").add_cow_trade(), "TRUE")["flow1"].isna().all()


def test_territorial_threat_on_gw_panels_goes_through_ccode():
    with pytest.raises(InputError, match="add_ccode_to_gw"):
        create_stateyears(system="gw", years="2000-2000").add_latent_territorial_threat()
    gw = rows(
        create_stateyears(system="gw", years="2000-2000").add_ccode_to_gw().add_latent_territorial_threat(),
        "gwcode = 2",
    )
    cow = rows(
        create_stateyears(years="2000-2000").add_latent_territorial_threat(keep=["lterrthreat"]), "ccode = 2"
    )
    assert gw["lterrthreat"].item() == cow["lterrthreat"].item() and "sd" not in cow


def test_archigos_on_cow_codes_serbia_2006():
    """G-W counts Serbia as a new state on 5 June 2006, CoW as Yugoslavia going on: the CoW
    state-year starts with the Yugoslav leader and ends with the Serbian one, as in peacesciencer."""
    serbia = rows(create_stateyears(years="2006-2006").add_archigos(), "ccode = 345")
    assert serbia[["jan1obsid", "dec31obsid"]].iloc[0].tolist() == ["YUG-2003", "SER-2006"]


def test_leader_covariates_need_leader_panels():
    with pytest.raises(InputError, match="add_lead applies to leader-years or leader-dyad-years"):
        create_stateyears(years="2000-2000").add_lead()
    with pytest.raises(InputError, match="add_lwuf applies to leader-years"):
        create_stateyears(years="2000-2000").add_lwuf()
    with pytest.raises(InputError, match="add_lead cannot keep shoe_size"):
        mp.create_leaderyears(years="2000-2000").add_lead(keep=["shoe_size"])
    clinton = rows(
        mp.create_leaderyears(years="1993-1993").add_lead(keep=["yrsexper"]).add_rugged_terrain(),
        "obsid = 'USA-1993'",
    )
    lead = store.frame("LEAD").set_index("obsid")
    assert clinton["yrsexper"].item() == lead.loc["USA-1993", "yrsexper"] == 16
    assert list(clinton.columns[-3:]) == ["yrsexper", "rugged", "newlmtnest"]
    assert clinton["rugged"].item() == store.frame("rugged").set_index("ccode").loc[2, "rugged"]
    with pytest.raises(InputError, match="applies to .*not state-days"):
        mp.create_statedays(years="2000-2000").add_nmc()


def test_contiguity_slice_takes_the_first_or_last_relationship_of_the_year():
    """Albania-Serbia 2008: land contiguity until February (Kosovo's independence), then none."""
    panel = create_dyadyears(years="2008-2008")
    assert rows(panel.add_contiguity(), "ccode1 = 339 AND ccode2 = 345")["conttype"].item() == 1
    assert rows(panel.add_contiguity(slice="last"), "ccode1 = 339 AND ccode2 = 345")["conttype"].item() == 0
    with pytest.raises(InputError, match="Unknown slice"):
        panel.add_contiguity(slice="middle")
