"""Every builder and covariate against peacesciencer 1.2.9's own outputs (six reference years).

../shared/reference/peacesciencer and ../shared/reference/peacesciencer2 hold, for 1816, 1914,
1946, 1991, 2008 and 2016, the outputs of R pipelines (their README and manifest.csv list each R
call). Each is rebuilt here with its Python twin over all its years (spells and peace years depend
on every earlier year), read on the six years and compared with the reference: the same rows, the
same columns in the same order, integers exactly, floats within 1e-9 relative, text and dates
exactly, NA with NA. Where multipolar differs on purpose (docs/differences.md) the test asserts the
difference itself: which cells, and why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pytest

import multipolar as mp
from multipolar.data import store
from multipolar.panels import Panel

from .conftest import ROOT

REFERENCES = ROOT.parent / "shared" / "reference"
YEARS = (1816, 1914, 1946, 1991, 2008, 2016)


def peacesciencer_state_gml(panel: Panel) -> Panel:
    """State-year GML MIDs the way peacesciencer 1.2.9 codes them (docs/differences.md): only
    participations whose leaders Archigos knows, 0 for every year outside the data. A stand-in
    that lets the pipelines built on them (spells, peace years) be compared cell for cell."""
    flags = f"""
        SELECT ccode, year, 1 AS o, max((year = styear)::INT) AS s, max((sidea = 1 OR orig = 0)::INT) AS oi,
               max((year = styear AND (sidea = 1 OR orig = 0))::INT) AS si
        FROM {store.scan("gml_part")}, range(styear, endyear + 1) y(year)
        WHERE allmiss_leader_start = 0 AND allmiss_leader_end = 0 GROUP BY ALL"""
    return panel.join(
        f"""SELECT p.ccode, p.year, coalesce(f.o, 0) AS gmlmidongoing, coalesce(f.s, 0) AS gmlmidonset,
                   coalesce(f.oi, 0) AS gmlmidongoing_init, coalesce(f.si, 0) AS gmlmidonset_init
            FROM panel p LEFT JOIN ({flags}) f USING (ccode, year)""",
        dict.fromkeys(["gmlmidongoing", "gmlmidonset", "gmlmidongoing_init", "gmlmidonset_init"], "gml_part"),
    )


def cow(years=None):
    return mp.create_stateyears(system="cow", years=years)


def gw(years=None):
    return mp.create_stateyears(system="gw", years=years)


def fearon_laitin(only_wars: bool = False):
    return gw("1946-2024").add_ucdp_acd(type="intrastate", only_wars=only_wars)


def with_leader_covariates(panel: Panel) -> Panel:
    """The eight covariates of peacesciencer's G-W leader-year and leader-dyad-year references."""
    return (
        panel.add_lead()
        .add_lwuf()
        .add_democracy()
        .add_creg_fractionalization()
        .add_sim_gdp_pop()
        .add_rugged_terrain()
        .add_minimum_distance(use_extdata=False)
        .add_ccode_to_gw()
    )


def bremer(spells: Callable[[Panel], Panel]) -> Panel:
    """The Bremer vignette, with add_spells or add_peace_years counting the years of peace."""
    panel = mp.create_dyadyears(directed=False, years="1816-2010").filter_prd().add_gml_mids(keep=[])
    return (
        spells(panel)
        .add_nmc()
        .add_democracy(keep=["aeuds"])
        .add_atop_alliance()
        .add_sim_gdp_pop(keep=["mrgdppc"])
    )


@dataclass(frozen=True)
class Pipeline:
    build: Callable[[], Panel]
    dropped: tuple[str, ...] = ()  # columns the R pipeline removed with select()
    differ: Callable[[pd.DataFrame, str], np.ndarray] | None = None  # documented differences


def before_ucdp_onsets(merged: pd.DataFrame, column: str) -> np.ndarray:
    """peacesciencer counts 0 UCDP onsets before the onset data begin (1946); multipolar says NA."""
    if not column.startswith("sum"):
        return np.zeros(len(merged), dtype=bool)
    before = (merged["year"] < 1946).to_numpy()
    assert merged.loc[before, column].isna().all() and (merged.loc[before, f"{column}_ref"] == 0).all()
    return before


PIPELINES = {
    # ---- ../shared/reference/peacesciencer -------------------------------------------------
    "peacesciencer/cow_stateyears": Pipeline(
        lambda: cow().add_nmc().add_cow_majors().add_democracy().add_sim_gdp_pop()
    ),
    "peacesciencer/gw_stateyears": Pipeline(
        lambda: (
            gw()
            .add_democracy()
            .add_sim_gdp_pop()
            .add_creg_fractionalization()
            .add_rugged_terrain()
            .add_ucdp_acd()
            .add_ucdp_onsets()
            .add_capital_distance()
            .add_archigos()
            .add_ccode_to_gw()
        ),
        differ=before_ucdp_onsets,
    ),
    "peacesciencer/cow_dyadyears_nondirected": Pipeline(
        lambda: (
            mp.create_dyadyears(directed=False)
            .add_nmc()
            .add_atop_alliance()
            .add_contiguity()
            .add_capital_distance()
            .add_democracy()
            .add_igos()
            .add_strategic_rivalries()
            .add_gml_mids()
        )
    ),
    "peacesciencer/cow_dyadyears_directed": Pipeline(
        lambda: mp.create_dyadyears().add_nmc().add_atop_alliance()
    ),
    "peacesciencer/cow_stateyears_extra": Pipeline(
        lambda: (
            peacesciencer_state_gml(
                cow()
                .add_cow_wars(type="intra")
                .add_strategic_rivalries()
                .add_igos()
                .add_creg_fractionalization()
                .add_rugged_terrain()
                .add_latent_territorial_threat()
                .add_contiguity()
                .add_capital_distance()
            )
            .add_archigos()
            .add_cow_trade()
            .add_gwcode_to_cow()
        )
    ),
    "peacesciencer/cow_dyadyears_directed_8cov": Pipeline(
        lambda: (
            mp.create_dyadyears(years="1816-2022")
            .add_nmc()
            .add_atop_alliance()
            .add_contiguity()
            .add_capital_distance()
            .add_democracy()
            .add_cow_majors()
            .add_igos()
            .add_gml_mids()
        )
    ),
    "peacesciencer/cow_dyadyears_nondirected_cowmids_peaceyears": Pipeline(
        lambda: mp.create_dyadyears(directed=False).add_cow_mids().add_peace_years()
    ),
    "peacesciencer/cow_dyadyears_nondirected_extra": Pipeline(
        lambda: (
            mp.create_dyadyears(directed=False)
            .add_cow_wars(type="inter")
            .add_minimum_distance(use_extdata=False)
        )
    ),
    "peacesciencer/gw_dyadyears_nondirected": Pipeline(
        lambda: mp.create_dyadyears(system="gw", directed=False).add_capital_distance().add_minimum_distance()
    ),
    "peacesciencer/cow_stateyears_sdp_gdp_deprecated_data": Pipeline(lambda: cow().add_sdp_gdp()),
    # ---- ../shared/reference/peacesciencer2 ------------------------------------------------
    "peacesciencer2/leaderyears": Pipeline(lambda: with_leader_covariates(mp.create_leaderyears())),
    "peacesciencer2/leaderyears_cow": Pipeline(
        lambda: (
            mp.create_leaderyears(standardize="cow")
            .add_lead()
            .add_lwuf()
            .add_nmc()
            .add_cow_majors()
            .add_cow_trade()
            .add_democracy()
            .add_creg_fractionalization()
            .add_sim_gdp_pop()
            .add_rugged_terrain()
            .add_latent_territorial_threat()
            .add_contiguity()
            .add_minimum_distance(use_extdata=False)
            .add_gwcode_to_cow()
        )
    ),
    "peacesciencer2/leaderyears_gw": Pipeline(lambda: mp.create_leaderyears(standardize="gw")),
    "peacesciencer2/leaderdyadyears": Pipeline(lambda: with_leader_covariates(mp.create_leaderdyadyears())),
    "peacesciencer2/leaderdyadyears_cow": Pipeline(
        lambda: (
            mp.create_leaderdyadyears(system="cow")
            .add_gml_mids()
            .add_nmc()
            .add_cow_majors()
            .add_atop_alliance()
            .add_contiguity()
            .add_latent_territorial_threat()
            .add_gwcode_to_cow()
        )
    ),
    "peacesciencer2/leaderdyadyears_cow_nondirected": Pipeline(
        lambda: mp.create_leaderdyadyears(system="cow", directed=False).add_gml_mids()
    ),
    # peacesciencer's example sorted by leader dyad and year before add_spells (see below)
    "peacesciencer2/leaderdyadyears_cow_prd_spells_sorted": Pipeline(
        lambda: (
            mp.create_leaderdyadyears(system="cow", years="1816-2010")
            .filter_prd()
            .add_gml_mids()
            .add_spells()
            .add_nmc()
            .add_democracy()
        )
    ),
    "peacesciencer2/leaderdays": Pipeline(lambda: mp.create_leaderdays()),
    "peacesciencer2/leaderdays_gw": Pipeline(lambda: mp.create_leaderdays(standardize="gw")),
    "peacesciencer2/statedays_cow": Pipeline(lambda: mp.create_statedays(system="cow")),
    "peacesciencer2/statedays_gw": Pipeline(lambda: mp.create_statedays(system="gw")),
    "peacesciencer2/cow_stateyears_terrain_threat_archigos": Pipeline(
        lambda: cow().add_rugged_terrain().add_latent_territorial_threat().add_archigos()
    ),
    "peacesciencer2/gw_stateyears_terrain_threat_archigos": Pipeline(
        lambda: gw().add_rugged_terrain().add_archigos()
    ),
    "peacesciencer2/cow_dyadyears_bremer_spells": Pipeline(lambda: bremer(Panel.add_spells)),
    "peacesciencer2/cow_dyadyears_bremer_peaceyears": Pipeline(lambda: bremer(Panel.add_peace_years)),
    "peacesciencer2/cow_ddy_help_example_spells": Pipeline(
        lambda: (
            mp.create_dyadyears(years="1816-2010")
            .add_gml_mids(keep=[])
            .add_cow_mids(keep=[])
            .add_contiguity()
            .add_cow_majors()
            .filter_prd()
            .add_spells()
        )
    ),
    "peacesciencer2/gw_stateyears_fearon_laitin_spells": Pipeline(
        lambda: (
            fearon_laitin()
            .add_spells()
            .add_democracy(keep=["aeuds"])
            .add_creg_fractionalization()
            .add_sim_gdp_pop(keep=["mrgdppc", "pwtpop"])
            .add_rugged_terrain()
        ),
        dropped=("maxintensity", "conflict_ids"),
    ),
    "peacesciencer2/gw_stateyears_fearon_laitin_peaceyears": Pipeline(
        lambda: fearon_laitin().add_peace_years(), dropped=("maxintensity", "conflict_ids")
    ),
    "peacesciencer2/cow_stateyears_gml_intra_spells": Pipeline(
        lambda: peacesciencer_state_gml(cow("1816-2007")).add_cow_wars(type="intra").add_spells()
    ),
    "peacesciencer2/cow_stateyears_gml_intra_peaceyears": Pipeline(
        lambda: peacesciencer_state_gml(cow("1816-2007")).add_cow_wars(type="intra").add_peace_years()
    ),
}


def reference(name: str) -> pd.DataFrame:
    return pd.read_csv(REFERENCES / f"{name}.csv.gz", keep_default_na=True, na_values=["NA"])


def six_years(panel: Panel) -> pd.DataFrame:
    """The panel's rows in the reference years, in row order."""
    year = "year(date)" if "date" in panel.keys else "year"
    frame = panel.con.sql(
        f"SELECT * FROM ({panel.sql(row_numbers=True)}) WHERE {year} IN {YEARS} ORDER BY __row"
    ).df()
    frame = frame.drop(columns="__row")
    if "date" in frame:
        frame["date"] = frame["date"].astype(str)
    return frame


def differs(ours: pd.Series, theirs: pd.Series) -> np.ndarray:
    """Row mask where two columns disagree (NA agrees with NA)."""
    ours_na, theirs_na = ours.isna().to_numpy(), theirs.isna().to_numpy()
    if pd.api.types.is_numeric_dtype(theirs) and pd.api.types.is_numeric_dtype(ours):
        a, b = ours.astype("float64").to_numpy(), theirs.astype("float64").to_numpy()
        with np.errstate(invalid="ignore"):
            same = np.isclose(a, b, rtol=1e-9, atol=0.0)
    else:
        same = ours.astype(str).to_numpy() == theirs.astype(str).to_numpy()
    return (ours_na != theirs_na) | (~ours_na & ~theirs_na & ~same)


@pytest.fixture(scope="module", params=sorted(PIPELINES))
def built(request):
    pipeline = PIPELINES[request.param]
    panel = pipeline.build()
    ours = six_years(panel).drop(columns=list(pipeline.dropped))
    theirs = reference(request.param)
    return request.param, pipeline, list(panel.keys), ours, theirs


def test_same_rows_and_columns_as_peacesciencer(built):
    name, _, keys, ours, theirs = built
    assert list(ours.columns) == list(theirs.columns), name
    assert len(ours) == len(theirs), name
    assert ours.groupby(ours[keys].astype(str).agg("|".join, axis=1)).size().max() == 1
    merged = theirs[keys].merge(ours[keys].astype(theirs[keys].dtypes.to_dict()), how="outer", indicator=True)
    assert (merged["_merge"] == "both").all(), name


def test_every_cell_matches_peacesciencer(built):
    name, pipeline, keys, ours, theirs = built
    merged = theirs.merge(ours.astype(theirs[keys].dtypes.to_dict()), on=keys, suffixes=("_ref", ""))
    for column in (c for c in theirs.columns if c not in keys):
        wrong = differs(merged[column], merged[f"{column}_ref"])
        if pipeline.differ is not None:
            wrong &= ~pipeline.differ(merged, column)
        shown = merged.loc[wrong, [*keys, f"{column}_ref", column]].head()
        assert not wrong.any(), f"{name}.{column}: {int(wrong.sum())} cells differ\n{shown}"


def test_row_order_follows_peacesciencer_for_the_leader_and_day_builders():
    for name in ("leaderyears", "leaderyears_cow", "leaderdays", "statedays_gw", "leaderdyadyears_cow"):
        panel = PIPELINES[f"peacesciencer2/{name}"].build()
        ours, theirs = six_years(panel), reference(f"peacesciencer2/{name}")
        keys = list(panel.keys)
        assert (ours[keys].astype(str).to_numpy() == theirs[keys].astype(str).to_numpy()).all(), name


# ---- spells: where peacesciencer's counting goes wrong ---------------------------------------


def spells_as_peacesciencer_counts(frame: pd.DataFrame, event: str, unit: str, ongo: bool) -> np.ndarray:
    """stevemisc 1.9.0's ps_spells() as it runs, for ``frame`` in its row order: it does not sort,
    marks a spell's end at a failure or at the unit's last year, numbers spells backwards along the
    rows, then counts within each spell in year order. With ``ongo`` it drops the years continuing
    an event, but counts the rows with weights taken before re-ordering them, so some spells come
    out one short."""
    events = frame[event].to_numpy().astype(float)
    units, years = frame[unit].to_numpy(), frame["year"].to_numpy()
    failure = events.copy()
    if ongo:  # first year of each unit as it is, then increases only (grouped in sorted unit order)
        failure = np.concatenate(
            [np.r_[g[:1], np.maximum(0, np.diff(g))] for g in (events[units == u] for u in np.unique(units))]
        )
    ongoing = (events == 1) & (failure == 0) if ongo else np.zeros(len(events), dtype=bool)
    last = frame.groupby(unit)["year"].transform("max").to_numpy() == years
    ends = (last | (~ongoing & (failure == 1))).astype(int)
    spell_id = np.cumsum(ends[::-1])[::-1].astype(float)
    spell_id[ongoing] = np.nan
    weights = (~ongoing).astype(int)  # in the original order...
    order = np.lexsort((years, np.where(np.isnan(spell_id), np.inf, spell_id)))
    ids = spell_id[order]
    kept = ~np.isnan(ids)
    counted = np.concatenate([np.cumsum(weights[kept][ids[kept] == i]) for i in np.unique(ids[kept])])
    out = np.full(len(events), np.nan)
    out[order[kept]] = counted - 1  # ...applied to the re-ordered rows
    return out


def test_ongoing_spells_differ_where_peacesciencer_misaligns_its_counts():
    """Fearon-Laitin war onsets with ongo=TRUE: peacesciencer's 9 differing values (1 short) are
    exactly what its counting gives; multipolar's are each state's years since its last onset."""
    panel = fearon_laitin(only_wars=True)
    frame = panel.to_pandas()
    theirs = reference("peacesciencer2/gw_stateyears_fearon_laitin_war_onset_spells")
    ours = six_years(panel.add_spells(ongo=True, conflict_event_type="onset"))
    assert list(ours.drop(columns=["maxintensity", "conflict_ids"]).columns) == list(theirs.columns)
    frame["as_peacesciencer"] = spells_as_peacesciencer_counts(frame, "ucdponset", "gwcode", ongo=True)
    merged = theirs.merge(ours, on=["gwcode", "year"], suffixes=("_ref", "")).merge(
        frame[["gwcode", "year", "as_peacesciencer"]]
    )
    assert not differs(merged["as_peacesciencer"], merged["ucdpspell_ref"]).any()
    wrong = differs(merged["ucdpspell"], merged["ucdpspell_ref"])
    assert (
        wrong.sum() == 9 and (merged.loc[wrong, "ucdpspell"] - merged.loc[wrong, "ucdpspell_ref"] == 1).all()
    )
    vincent = merged[(merged.gwcode == 57) & (merged.year == 2008)].iloc[0]  # in the system since 1979
    assert vincent.ucdpspell == 2008 - 1979 and vincent.ucdpspell_ref == 28


def test_leader_dyad_spells_run_across_dyads_in_peacesciencer():
    """peacesciencer's leader-dyad-years come sorted by year, and ps_spells() counts along the rows,
    so its spells run from one dyad into the next; multipolar counts each leader dyad's years, which
    is peacesciencer's result once sorted by dyad and year (the _sorted reference, compared above)."""
    panel = mp.create_leaderdyadyears(system="cow", years="1816-2010").filter_prd().add_gml_mids()
    frame = panel.to_pandas()
    frame["dyad"] = frame.obsid1 + "-" + frame.obsid2
    theirs = reference("peacesciencer2/leaderdyadyears_cow_prd_spells")
    ours = six_years(panel.add_spells())
    keys = ["obsid1", "obsid2", "ccode1", "ccode2", "year"]
    merged = theirs.merge(ours, on=keys, suffixes=("_ref", ""))
    for event, spell in (("gmlmidongoing", "gmlmidspell"), ("gmlmidongoing_init", "gmlmidinitspell")):
        frame[spell] = spells_as_peacesciencer_counts(frame, event, "dyad", ongo=False)
        as_run = merged[keys].merge(frame[[*keys, spell]])
        assert not differs(as_run[spell], merged[f"{spell}_ref"]).any()
        assert differs(merged[spell], merged[f"{spell}_ref"]).mean() > 0.6  # most values differ


def test_every_builder_and_covariate_is_compared_with_peacesciencer():
    """Each peacesciencer builder and covariate multipolar offers appears in a reference pipeline;
    multipolar's own (blocs, power shares, arms races) have none to be compared with."""
    import inspect

    text = inspect.getsource(
        inspect.getmodule(test_every_builder_and_covariate_is_compared_with_peacesciencer)
    )
    ours = {"blocs", "power_shares", "arms_races"}
    for name, function in mp.panels.COVARIATES.items():
        if name not in ours:
            assert f".{function.__name__}(" in text, name
    for builder in ("statedays", "stateyears", "dyadyears", "leaderyears", "leaderdays", "leaderdyadyears"):
        assert f"create_{builder}(" in text, builder
