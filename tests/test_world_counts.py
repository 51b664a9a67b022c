"""Each state counts once in a year's world: NMC's 1990 rows hold West Germany, East Germany and
Germany, both Yemens and Yemen; shares are taken of a world that counts Germany and Yemen once."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from multipolar.power import blocs, capabilities, measures, polarity
from multipolar.states import lists

MERGED_1990 = {260, 265, 678, 680}
MEASURES_1990 = ["cinc", "milex_nmc", "pop_nmc", "gdp_longrun", "gdp", "milex", "pop"]


@pytest.mark.parametrize("measure", MEASURES_1990)
def test_shares_of_1990_sum_to_one_over_a_world_counting_each_state_once(measure):
    answer = measures.power(1990, measure, top=None)
    rows = answer.rows
    assert rows["share"].sum() == pytest.approx(1, abs=1e-9)
    assert not set(rows["cow"]) & MERGED_1990
    assert 255 in set(rows["cow"]) and 679 in set(rows["cow"])
    valued = rows[rows["value"].notna()]
    assert valued["iso3"].dropna().is_unique  # one DEU, one YEM
    if measure in ("cinc", "milex_nmc", "pop_nmc", "gdp_longrun"):
        assert any("German reunification" in n and "Yemeni unification" in n for n in answer.notes)


def test_germany_1990_is_a_share_of_a_world_that_counts_germany_once():
    nmc = capabilities.nmc()
    year = nmc[(nmc["year"] == 1990) & ~nmc["cow"].isin(MERGED_1990)].set_index("cow")
    # by hand: each component's share over the counted states, averaged over those Germany has
    parts = list(capabilities.NMC_COMPONENTS)
    germany = (year[parts] / year[parts].sum()).loc[255].dropna().mean()
    ranked = measures.power(1990, "cinc", top=None).rows.set_index("cow")
    assert ranked.loc[255, "value"] == pytest.approx(germany, rel=1e-12)
    assert ranked.loc[255, "value"] > nmc.set_index(["cow", "year"]).loc[(255, 1990), "cinc_published"]
    # population: Germany's 79.4 million over a world without West and East Germany again
    people = measures.power(1990, "pop_nmc", top=None).rows.set_index("cow")
    assert people.loc[255, "share"] == pytest.approx(79402 / year["tpop"].sum(), rel=1e-12)


@pytest.mark.parametrize(
    ("day", "year", "counted", "not_counted"),
    [
        ("1990-06-01", 1989, {260, 265, 678, 680}, {255, 679}),  # weighed by 1989, its world
        ("1990-12-31", 1990, {255, 679}, MERGED_1990),  # 1990 is complete on its last day
    ],
)
def test_a_day_in_1990_is_weighed_in_its_year_world(day, year, counted, not_counted):
    weighed = blocs.weigh("cinc", dt.date.fromisoformat(day))
    assert weighed.year == year
    cows = set(weighed.values["cow"])
    assert counted <= cows and not cows & not_counted
    assert weighed.values["share"].sum() == pytest.approx(1, abs=1e-9)


def test_compare_and_polarity_in_1990_count_germany_once():
    compared = blocs.compare(["DEU"], "1990-12-31").rows.iloc[0]
    ranked = measures.power(1990, "cinc", top=None).rows.set_index("cow")
    assert compared["share"] == pytest.approx(ranked.loc[255, "share"])
    top = polarity.polarity(1990, measure="cinc", among="top10").rows.iloc[0]
    assert top["n"] == 10
    ten = ranked.head(10)
    assert list(ten.index).count(260) == 0 and 255 in ten.index


def test_every_absorbed_state_year_is_held_by_a_successor_in_the_same_year():
    """Each curated row: NMC lists both the state and its successor that year, and the state is
    in the COW system during the year (so without the row it would count twice)."""
    nmc = capabilities.nmc().set_index(["cow", "year"])
    panel = lists.panel("cow")
    years = set(zip(panel["code"], panel["year"], strict=True))
    table = capabilities.absorbed()
    assert not table.duplicated(["cow", "year"]).any()
    for row in table.itertuples():
        assert (row.cow, row.year) in nmc.index and (row.successor, row.year) in nmc.index
        assert (row.cow, row.year) in years
        assert pd.isna(nmc.loc[(row.cow, row.year), "cinc"])  # left out of the recomputed CINC
        assert row.source and row.evidence
