"""Readers turn each file shape into one tidy table with the source's values."""

from __future__ import annotations

import pandas as pd
import pytest

from multipolar.data import store


def test_sipri_is_long_with_reasons_for_missing_values():
    sipri = store.frame("SIPRI-Milex-data-1949-2024_2")
    assert set(sipri.unit) == {
        "constant_2023_usd_m",
        "current_usd_m",
        "share_of_gdp",
        "per_capita_current_usd",
    }
    usa = sipri[(sipri.country == "United States of America") & (sipri.year == 2023)].set_index("unit")
    # at the base year, constant 2023 dollars and current dollars are the same number
    assert usa.loc["constant_2023_usd_m", "value"] == usa.loc["current_usd_m", "value"]
    assert 800_000 < usa.loc["current_usd_m", "value"] < 1_000_000
    ussr_1992 = sipri[(sipri.country == "USSR") & (sipri.year == 1992) & (sipri.unit == "current_usd_m")]
    assert ussr_1992.value.isna().all()
    assert ussr_1992.missing_reason.item() == "state did not exist or was not independent"
    assert not sipri.missing_reason.fillna("").str.startswith("unparsed").any()
    # region headings are not countries
    assert "Africa" not in set(sipri.country)


def test_world_bank_bulk_csv_is_long_and_typed():
    wdi = store.frame("worldbank_wdi_gdp_ppp_constant_2021_intl")
    assert list(wdi.columns) == [
        "country_name",
        "country_code",
        "indicator_name",
        "indicator_code",
        "year",
        "value",
    ]
    assert wdi.year.min() == 1990 and wdi.value.notna().all()
    assert wdi.indicator_code.unique().tolist() == ["NY.GDP.MKTP.PP.KD"]


def test_rda_codes_become_integers_and_dates_stay_dates():
    gw = store.frame("gw_states")
    assert gw.gwcode.dtype.kind == "i"
    usa = gw[gw.gwcode == 2].iloc[0]
    assert pd.Timestamp(usa.startdate) == pd.Timestamp("1816-01-01")
    nmc = store.frame("cow_nmc")
    assert nmc.cinc.dtype.kind == "f"


def test_bibliography_with_list_columns_is_readable():
    bib = store.frame("ps_bib")
    assert len(bib) == 47


def test_cow_igo_tables_are_long_with_the_codebook_meanings():
    by_state = store.frame("cow_igo_state_year")
    usa_nato = by_state[(by_state.ccode == 2) & (by_state.ioname == "nato")].set_index("year")
    assert usa_nato.index.min() == 1949  # -1 years (no NATO yet) are left out
    assert usa_nato.loc[1950, ["code", "status"]].tolist() == [1, "full member"]
    assert set(by_state.status.unique()) <= {
        "no membership",
        "full member",
        "associate member",
        "observer",
        "missing",
    }
    by_org = store.frame("cow_igo_igo_year")
    nato_1950 = by_org[(by_org.ioname == "NATO") & (by_org.year == 1950)]
    assert nato_1950.set_index("state").loc["usa", "status"] == "full member"
    assert nato_1950.longorgname.iloc[0].startswith("North Atlantic Treaty")
    # the organisation-year table's state columns and its metadata are told apart
    assert "sdate" not in set(by_org.state) and "replaced" not in set(by_org.state)


def test_gdelt_exports_take_the_codebook_layout_from_each_row_width(tmp_path):
    from multipolar.data import layouts, readers
    from multipolar.data.catalog import dataset
    from multipolar.errors import DataError

    v2 = store.frame("gdelt2_events_sample")
    assert list(v2.columns) == layouts.GDELT2_EVENTS and len(v2) == 2111
    assert v2.EventRootCode.str.len().eq(2).all()  # codes keep their leading zero
    v1 = store.frame("gdelt1_events_mixed_sample")
    assert list(v1.columns) == layouts.GDELT1_DAILY
    assert v1.SOURCEURL.notna().sum() == 509 and v1.SOURCEURL.isna().sum() == 201
    bad = tmp_path / "bad.tsv"
    bad.write_text("\t".join(["x"] * 30) + "\n")
    with pytest.raises(DataError, match="Row 1 of bad.tsv has 30 fields"):
        readers.read(dataset("gdelt2_events_sample"), bad)


def test_icews_plover_and_cameo_lookups_read_as_published():
    icews = store.frame("icews_events_2018_sample")
    assert len(icews) == 3705 and icews["CAMEO Code"].str.match(r"^\d{3,4}$").all()
    assert icews["District"].isna().any() and not (icews["District"] == "NA").any()
    plover = store.frame("plover_gold_standard")
    assert len(plover) == 322 and "DOCUMENT" not in set(plover.event)
    assert plover.set_index("id").loc["PLOVER-GSR01-AGREE-0001", "source_code"] == "HUN; ROU"
    mapping = store.frame("cameo_to_plover").set_index("cameo_code")
    assert mapping.loc["0312", "plover_event"] == "AGREE"
    assert mapping.loc["0312", "plover_context"] == "military"
    codes = store.frame("cameo_eventcodes")
    assert codes.CAMEOEVENTCODE.iloc[0] == "01"


def test_un_votes_and_rds_files_read():
    votes = store.frame("un_votes")
    assert len(votes) == 870_109 and set(votes.vote.unique()) == {"yes", "no", "abstain"}
    trade = store.frame("cow_trade_ddy")
    assert list(trade.columns)[:3] == ["ccode1", "ccode2", "year"]
