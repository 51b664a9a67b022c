"""Values where multipolar once differed from peacesciencer (and peacesciencer was right), and its cache.

Each is checked against values computed here from the source tables with pandas and numpy, not
through the covariate code: IGO years the data do not list are NA, not 0; ``mincapdist`` pairs
only states that shared the system within the year; a state-year GML MID onset is the first
year of the state's own participation in a dispute.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from multipolar.data import store
from multipolar.panels import create_dyadyears, create_stateyears


def rows(panel, where: str) -> pd.DataFrame:
    return panel.con.sql(f"SELECT * FROM ({panel.sql()}) WHERE {where}").df()


# ---- IGOs: a year the data do not list is NA -------------------------------------------------


def test_igo_state_years_missing_from_the_data_are_na():
    listed = store.frame("cow_igo_sy")
    ours = rows(create_stateyears(years="1816-2014").add_igos(), "TRUE")
    merged = ours.merge(listed, on=["ccode", "year"], how="left", suffixes=("", "_data"))
    for column in ("sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype"):
        assert merged[column].isna().equals(merged[f"{column}_data"].isna())
        both = merged[column].notna()
        assert (merged.loc[both, column] == merged.loc[both, f"{column}_data"]).all()
    unlisted = merged.loc[merged["sum_igo_full"].isna(), ["ccode", "year"]]
    # the two Germanys and the two Yemens in the year they merged
    assert sorted(map(tuple, unlisted.to_numpy())) == [(260, 1990), (265, 1990), (678, 1990), (680, 1990)]


def test_igo_dyad_years_missing_from_the_data_are_na():
    listed = store.frame("cow_igo_ndy")
    listed = listed[listed.year == 1990]
    ours = rows(create_dyadyears(years="1990-1990").add_igos(), "TRUE")
    low, high = ours[["ccode1", "ccode2"]].min(axis=1), ours[["ccode1", "ccode2"]].max(axis=1)
    keyed = ours.assign(a=low, b=high).merge(
        listed.rename(columns={"ccode1": "a", "ccode2": "b", "dyadigos": "expected"}),
        on=["a", "b", "year"],
        how="left",
    )
    assert keyed["dyadigos"].isna().equals(keyed["expected"].isna())
    assert (keyed["dyadigos"].dropna() == keyed["expected"].dropna()).all()
    usa_fgr = keyed[(keyed.ccode1 == 2) & (keyed.ccode2 == 260)]
    assert usa_fgr["dyadigos"].isna().all()  # not 0 shared IGOs: the data have no row
    merging = keyed.ccode1.isin([260, 265, 678, 680]) | keyed.ccode2.isin([260, 265, 678, 680])
    assert keyed["dyadigos"].isna().equals(merging)  # every dyad of the merging states, and only those


# ---- mincapdist: only states that coexisted within the year ---------------------------------


def _vincenty_sphere_km(lat1, lng1, lat2, lng2, radius=6378.137):
    phi1, phi2, lam = np.radians(lat1), np.radians(lat2), np.radians(lng2 - lng1)
    num = np.hypot(
        np.cos(phi2) * np.sin(lam), np.cos(phi1) * np.sin(phi2) - np.sin(phi1) * np.cos(phi2) * np.cos(lam)
    )
    den = np.sin(phi1) * np.sin(phi2) + np.cos(phi1) * np.cos(phi2) * np.cos(lam)
    return radius * np.arctan2(num, den)


def _nearest_capital(system: str, code: int, year: int) -> float:
    """The nearest capital among states whose spells overlap ``code``'s within ``year``."""
    states = store.frame("cw_system" if system == "cow" else "gw_system")
    key = "ccode" if system == "cow" else "gwcode"
    start, end = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    states = states.assign(start=pd.to_datetime(states["start"]), end=pd.to_datetime(states["end"]))
    alive = states[(states["start"] <= end) & (states["end"] >= start)]
    mine = alive[alive[key] == code]
    others = alive[alive[key] != code]
    overlapping = [
        other
        for other, spells in others.groupby(key)
        if any(
            (s.start <= m.end) and (m.start <= s.end) for s in spells.itertuples() for m in mine.itertuples()
        )
    ]
    capitals = store.frame("cow_capitals" if system == "cow" else "gw_capitals")
    capitals = capitals.assign(
        stdate=pd.to_datetime(capitals["stdate"]), enddate=pd.to_datetime(capitals["enddate"])
    )
    that_year = capitals[(capitals.stdate.dt.year <= year) & (capitals.enddate.dt.year >= year)]
    first = that_year.sort_values("stdate", kind="stable").groupby(key).head(1).set_index(key)
    here = first.loc[code]
    there = first.loc[[c for c in overlapping if c in first.index]]
    return float(_vincenty_sphere_km(here.lat, here.lng, there.lat.to_numpy(), there.lng.to_numpy()).min())


@pytest.mark.parametrize(
    ("system", "code", "year"),
    [
        ("gw", 100, 1830),  # Colombia; Great Colombia dissolved before it entered
        ("gw", 340, 2006),  # Serbia; Yugoslavia (Serbia and Montenegro) ended before
        ("gw", 563, 1910),  # Transvaal; South Africa formed after it ended
        ("cow", 255, 1990),  # Germany; the GDR ended the day before
        ("cow", 679, 1990),  # Yemen; North Yemen ended the day before
        ("cow", 300, 1918),  # Austria-Hungary; Hungary entered after it ended
        ("cow", 2, 1990),  # an ordinary state-year
    ],
)
def test_mincapdist_pairs_only_states_that_coexisted(system, code, year):
    key = "ccode" if system == "cow" else "gwcode"
    panel = create_stateyears(system=system, years=(year, year)).add_capital_distance()
    ours = rows(panel, f"{key} = {code}")["mincapdist"].item()
    assert ours == pytest.approx(_nearest_capital(system, code, year), rel=1e-9)
    assert ours > 100  # none of these capitals is 0-4 km from a neighbour's any more


# ---- GML MIDs on state-years: an onset is the first year of the state's own participation ---


def test_state_year_gml_onset_is_the_first_year_of_each_participation():
    participations = store.frame("gml_part")
    onsets = set(zip(participations.ccode, participations.styear, strict=True))
    initiated = participations[(participations.sidea == 1) | (participations.orig == 0)]
    init_onsets = set(zip(initiated.ccode, initiated.styear, strict=True))
    ours = rows(create_stateyears(years="1816-2010").add_gml_mids(), "TRUE")
    expected = [int((c, y) in onsets) for c, y in zip(ours.ccode, ours.year, strict=True)]
    assert ours["gmlmidonset"].astype(int).tolist() == expected
    expected_init = [int((c, y) in init_onsets) for c, y in zip(ours.ccode, ours.year, strict=True)]
    assert ours["gmlmidonset_init"].astype(int).tolist() == expected_init
    after = rows(create_stateyears(years="2011-2012").add_gml_mids(), "TRUE")  # peacesciencer: 0
    assert after[["gmlmidongoing", "gmlmidonset"]].isna().all().all()
    canada = ours[ours.ccode == 20].set_index("year")
    assert canada.loc[1939, "gmlmidonset"] == 1 and canada.loc[1940, "gmlmidonset"] == 0  # MID 258 from 1939
    assert canada.loc[1940, "gmlmidongoing"] == 1


def test_state_year_gml_differs_from_peacesciencer_only_where_leaders_are_unknown():
    """peacesciencer builds state-year GML MIDs from the participations whose leaders Archigos
    knows; multipolar counts every participation (docs/differences.md). The state-years where
    that matters, computed here by applying peacesciencer's filter, are all before 1868."""
    participations = store.frame("gml_part")
    known = participations[
        (participations.allmiss_leader_start == 0) & (participations.allmiss_leader_end == 0)
    ]

    def years(frame):
        return {
            (c, y)
            for c, s, e in zip(frame.ccode, frame.styear, frame.endyear, strict=True)
            for y in range(s, e + 1)
        }

    ours = rows(create_stateyears(years="1816-2010").add_gml_mids(), "TRUE")
    fighting = set(zip(ours.ccode[ours.gmlmidongoing == 1], ours.year[ours.gmlmidongoing == 1], strict=True))
    assert fighting == years(participations) & set(zip(ours.ccode, ours.year, strict=True))
    differing = fighting - years(known)
    assert len(differing) == 250
    assert sum(y == 1816 for _, y in differing) == 2 and max(y for _, y in differing) == 1867


# ---- the cached dyad-years and nearest capitals: a damaged file is built again -----------------


@pytest.mark.parametrize("damage", [b"", b"PAR1 truncated"])
def test_a_damaged_cached_dyad_year_file_is_built_again(damage):
    from multipolar.panels import create

    keys = create.dyad_keys("cow", False, 1990, 1991)
    expected = pd.read_parquet(keys)
    keys.write_bytes(damage)
    assert create.dyad_keys("cow", False, 1990, 1991) == keys and store.whole(keys)
    pd.testing.assert_frame_equal(pd.read_parquet(keys), expected)
    panel = rows(create_dyadyears(years="1990-1991", directed=False), "TRUE")
    assert len(panel) == len(expected)


def test_a_damaged_cached_mincapdist_file_is_built_again():
    from multipolar import config

    def nearest():
        return rows(create_stateyears(years="2000-2001").add_capital_distance(), "TRUE").sort_values(
            ["ccode", "year"], ignore_index=True
        )

    expected = nearest()
    (cached,) = (config.store_dir() / "derived").glob("cow-mincapdist-*.parquet")
    cached.write_bytes(cached.read_bytes()[:100])
    pd.testing.assert_frame_equal(nearest(), expected)
    assert store.whole(cached)
