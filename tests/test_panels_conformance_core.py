"""The engine's panels and core covariates against peacesciencer 1.2.9's outputs (six years).

Each pipeline is built over all years and read on the reference years; every column of the core
covariates is compared: integers exactly, floats within 1e-9 relative, text exactly, NA with NA.
Deliberate differences (docs/differences.md) are asserted as such.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from multipolar.panels import create_dyadyears, create_stateyears

from .conftest import REFERENCE

YEARS = (1816, 1914, 1946, 1991, 2008, 2016)
NMC = ["milex", "milper", "irst", "pec", "tpop", "upop", "cinc"]
DEMOCRACY = ["euds", "aeuds", "polity2", "v2x_polyarchy"]
GDP_POP = ["mrgdppc", "sd_mrgdppc", "pwtrgdp", "sd_pwtrgdp", "pwtpop", "sd_pwtpop"]
ATOP = ["atop_alliance", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"]
GML = [
    "dispnum",
    "gmlmidongoing",
    "gmlmidonset",
    "sidea1",
    "sidea2",
    "fatality1",
    "fatality2",
    "fatalpre1",
    "fatalpre2",
    "hiact1",
    "hiact2",
    "hostlev1",
    "hostlev2",
    "orig1",
    "orig2",
    "fatality",
    "hostlev",
    "recip",
    "mindur",
    "maxdur",
    "stmon",
]


def dyadic(stems):
    return [f"{s}{side}" for side in "12" for s in stems]


PIPELINES = {
    "cow_stateyears": (
        lambda: create_stateyears().add_nmc().add_cow_majors().add_democracy().add_sim_gdp_pop(),
        ["ccode", "cw_name", "year", *NMC, "cowmaj", *DEMOCRACY, *GDP_POP],
    ),
    "gw_stateyears": (
        lambda: create_stateyears(system="gw").add_democracy().add_sim_gdp_pop().add_capital_distance(),
        ["gwcode", "gw_name", "microstate", "year", *DEMOCRACY, *GDP_POP, "mincapdist"],
    ),
    "cow_stateyears_extra": (
        lambda: create_stateyears().add_igos().add_contiguity().add_capital_distance(),
        [
            "sum_igo_full",
            "sum_igo_associate",
            "sum_igo_observer",
            "sum_igo_anytype",
            "land",
            "sea",
            "mincapdist",
        ],
    ),
    "cow_dyadyears_directed": (
        lambda: create_dyadyears().add_nmc().add_atop_alliance(),
        ["ccode1", "ccode2", "year", *dyadic(NMC), *ATOP],
    ),
    "cow_dyadyears_directed_8cov": (
        lambda: (
            create_dyadyears(years="1816-2022")
            .add_nmc()
            .add_atop_alliance()
            .add_contiguity()
            .add_capital_distance()
            .add_democracy()
            .add_cow_majors()
            .add_igos()
            .add_gml_mids()
        ),
        None,  # every column, in peacesciencer's order
    ),
    "cow_dyadyears_nondirected": (
        lambda: (
            create_dyadyears(directed=False)
            .add_nmc()
            .add_atop_alliance()
            .add_contiguity()
            .add_capital_distance()
            .add_democracy()
            .add_igos()
            .add_gml_mids()
        ),
        [
            "ccode1",
            "ccode2",
            "year",
            *dyadic(NMC),
            *ATOP,
            "conttype",
            "capdist",
            *dyadic(DEMOCRACY),
            "dyadigos",
            *GML,
        ],
    ),
    "gw_dyadyears_nondirected": (
        lambda: create_dyadyears(system="gw", directed=False).add_capital_distance(),
        ["gwcode1", "gwcode2", "year", "microstate1", "microstate2", "capdist"],
    ),
}


def six_years(panel) -> pd.DataFrame:
    return panel.con.sql(f"SELECT * FROM ({panel.sql()}) WHERE year IN {YEARS}").df()


def differs(ours: pd.Series, theirs: pd.Series) -> np.ndarray:
    """Row mask where two columns disagree (NA agrees with NA)."""
    ours_na, theirs_na = ours.isna().to_numpy(), theirs.isna().to_numpy()
    if pd.api.types.is_numeric_dtype(theirs) and pd.api.types.is_numeric_dtype(ours):
        a = ours.astype("float64").to_numpy()
        b = theirs.astype("float64").to_numpy()
        with np.errstate(invalid="ignore"):
            same = (a == b) | (np.abs(a - b) <= 1e-9 * np.abs(b))
    else:
        same = (ours.astype(str) == theirs.astype(str)).to_numpy()
    return ~((ours_na & theirs_na) | (~ours_na & ~theirs_na & same))


@pytest.mark.parametrize("name", list(PIPELINES))
def test_pipeline_matches_reference(name):
    build, columns = PIPELINES[name]
    panel = build()
    reference = pd.read_csv(REFERENCE / f"{name}.csv.gz")
    ours = six_years(panel)
    keys = list(panel.keys)
    assert len(ours) == len(reference)
    assert ours.groupby("year").size().to_dict() == reference.groupby("year").size().to_dict()
    if columns is None:
        assert list(ours.columns) == list(reference.columns)
        columns = list(reference.columns)
    merged = reference[keys + [c for c in columns if c not in keys]].merge(
        ours.astype({k: "int64" for k in keys}), on=keys, how="left", suffixes=("_ref", ""), indicator=True
    )
    assert (merged["_merge"] == "both").all()
    for column in columns:
        if column in keys:
            continue
        bad = differs(merged[column], merged[f"{column}_ref"])
        assert not bad.any(), f"{name}.{column}: {bad.sum()} rows differ, e.g.\n{merged.loc[bad].head()}"


def test_state_year_gml_mids_differ_only_where_documented():
    """peacesciencer codes state-year GML MIDs 0 in 1816 and after 2010; multipolar counts the 1816
    disputes and leaves years past the data NA (docs/differences.md)."""
    ours = six_years(create_stateyears().add_gml_mids())
    reference = pd.read_csv(REFERENCE / "cow_stateyears_extra.csv.gz")
    merged = reference.merge(ours.astype({"ccode": "int64", "year": "int64"}), on=["ccode", "year"])
    for column in ("gmlmidongoing", "gmlmidonset", "gmlmidongoing_init", "gmlmidonset_init"):
        covered = merged[merged.year.between(1817, 2010)]
        assert not differs(covered[column + "_y"], covered[column + "_x"]).any()
        assert merged.loc[merged.year == 2016, column + "_y"].isna().all()
    us_1816 = merged[(merged.ccode == 2) & (merged.year == 1816)].iloc[0]
    assert us_1816.gmlmidongoing_y == 1 and us_1816.gmlmidongoing_x == 0  # MID 3239, USA v Spain
