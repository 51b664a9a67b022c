"""The conflict covariates take the years their data cover from the catalog, one fact in one
place: 0 (no dispute, war, race or rivalry) in the catalog's last year, never 0 the year after,
and the note names the same years."""

from __future__ import annotations

import pytest

from multipolar.data.catalog import dataset
from multipolar.panels import create_dyadyears, create_stateyears

CASES = [
    # (dataset, the panel, a flag it adds)
    ("cow_mid_ddydisps", lambda: create_dyadyears(years="2010-2016").add_cow_mids(), "cowmidongoing"),
    ("cow_war_inter", lambda: create_dyadyears(years="2005-2009").add_cow_wars(), "cowinterongoing"),
    ("cow_war_intra", lambda: create_stateyears(years="2005-2009").add_cow_wars(), "cowintraongoing"),
    ("grh_arms_races", lambda: create_dyadyears(years="1990-1995").add_arms_races(), "armsrace"),
    (
        "tss_rivalries",
        lambda: create_dyadyears(years="2019-2022").add_strategic_rivalries(),
        "ongoingrivalry",
    ),
]


@pytest.mark.parametrize(("name", "make", "flag"), CASES, ids=[c[0] for c in CASES])
def test_conflict_covariates_end_where_the_catalog_says(name, make, flag):
    first, last = dataset(name).coverage
    panel = make()
    by_year = (
        panel.con.sql(
            f"SELECT year, count(*) FILTER (WHERE {flag} IS NULL) AS na, "
            f"count(*) FILTER (WHERE {flag} = 0) AS zero FROM ({panel.sql()}) GROUP BY year"
        )
        .df()
        .set_index("year")
    )
    assert by_year.loc[last, "na"] == 0
    assert by_year.loc[last, "zero"] > 0 and by_year.loc[last + 1, "zero"] == 0  # a listed war may go on
    assert any(name in note and str(last) in note for note in panel.notes)
    assert not any(
        name in note and f"{first}-" in note and f"{first}-{last}" not in note for note in panel.notes
    )


def test_the_war_lists_cover_1816_2007_as_cow_war_data_4_declares():
    """The manifest gives the years the rows span (1823-2003, 1818-2008); the catalog the years
    the lists cover (scripts/build_catalog.py, COVERAGE), which peacesciencer's 0s follow."""
    assert dataset("cow_war_inter").coverage == dataset("cow_war_intra").coverage == (1816, 2007)
    assert dataset("grh_arms_races").coverage == (1816, 1993)
