"""Readers turn each file shape into one tidy table with the source's values."""

from __future__ import annotations

import pandas as pd

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
