"""The panel engine: building, joining, reading, writing, provenance and its errors."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import multipolar as mp
from multipolar.errors import CoverageError, InputError, UnknownNameError
from multipolar.panels import COVARIATES, create_dyadyears, create_stateyears
from multipolar.panels.create import last_complete_year
from multipolar.panels.panel import _nullable_ints


@pytest.fixture(scope="module")
def cow_states():
    return create_stateyears(years="2000-2001")


def test_public_api_is_reexported():
    assert mp.create_stateyears is create_stateyears and mp.create_dyadyears is create_dyadyears
    assert {"nmc", "atop_alliance", "contiguity", "capital_distance", "igos", "gml_mids"} <= set(COVARIATES)


def test_state_years_run_to_the_last_complete_year_with_a_note():
    panel = create_stateyears()
    frame = panel.to_pandas()
    assert frame.year.max() == last_complete_year()
    # the United States is in the system every year from 1816
    assert frame[frame.ccode == 2].year.tolist() == list(range(1816, last_complete_year() + 1))
    assert any("mry = TRUE" in note for note in panel.notes)
    assert panel.keys == ("ccode", "year") and panel.unit == "state"


def test_gw_state_years_keep_microstates():
    frame = create_stateyears(system="gw", years="2016").to_pandas()
    assert list(frame.columns) == ["gwcode", "gw_name", "microstate", "year"]
    assert frame.set_index("gwcode").loc[221, "microstate"] == 1  # Monaco
    assert frame.set_index("gwcode").loc[2, "microstate"] == 0


def test_dyads_directed_twice_non_directed():
    directed = create_dyadyears(years="1946")
    nondirected = create_dyadyears(directed=False, years="1946")
    assert len(directed) == 2 * len(nondirected) == 4290
    frame = nondirected.to_pandas()
    assert (frame.ccode1 < frame.ccode2).all()


def test_false_dyads_are_removed():
    # false_cow_dyads lists (115, 817, 1975): Suriname and South Vietnam never overlapped in 1975
    frame = create_dyadyears(years="1975").to_pandas()
    pairs = set(zip(frame.ccode1, frame.ccode2, strict=True))
    assert (115, 817) not in pairs and (2, 817) in pairs


def test_to_pandas_and_write_match_the_ordered_query_on_a_big_panel(tmp_path):
    panel = create_dyadyears(years="1816-2022").add_nmc().add_gml_mids().add_capital_distance()
    written = pq.read_table(panel.write(tmp_path / "big.parquet"), columns=["ccode1", "ccode2", "year"])
    keys = written.to_pandas()
    assert keys.equals(keys.sort_values(["ccode1", "ccode2", "year"], ignore_index=True))
    ours = panel.to_pandas()
    ordered = panel.con.sql(panel.sql()).df()
    assert len(ours) == len(ordered) == 2_139_270
    assert list(ours.columns) == list(ordered.columns)
    for column in ("ccode1", "ccode2", "year", "milex1", "cinc2", "dispnum", "capdist"):
        pd.testing.assert_series_equal(
            ours[column].astype("float64"), ordered[column].astype("float64"), check_names=False
        )
    assert str(ours.milex1.dtype) == "Int32" and str(ours.cinc1.dtype) == "float64"
    assert ours.dispnum.isna().sum() == ordered.dispnum.isna().sum()


def test_pyarrow_backed_pandas_holds_the_same_values(cow_states):
    panel = cow_states.add_nmc().add_democracy()
    arrow_backed, numpy_backed = panel.to_pandas(dtype_backend="pyarrow"), panel.to_pandas()
    assert str(arrow_backed.milex.dtype) == "int32[pyarrow]"
    for column in ("ccode", "year", "milex", "cinc", "polity2", "v2x_polyarchy"):
        assert arrow_backed[column].astype("float64").equals(numpy_backed[column].astype("float64"))
    with pytest.raises(InputError, match="dtype_backend 'numpy'"):
        panel.to_pandas(dtype_backend="numpy")


def test_arrow_and_polars_are_ordered_like_pandas(cow_states):
    panel = cow_states.add_nmc()
    table = panel.to_arrow()
    assert table.column_names == panel.columns
    assert table.column("ccode").to_pylist()[:4] == [2, 2, 20, 20]
    assert panel.to_polars().height == len(panel) == 382


def test_adding_a_covariate_leaves_the_old_panel_alone(cow_states):
    with_nmc = cow_states.add_nmc()
    assert cow_states.columns == ["ccode", "cw_name", "year"]
    assert "cinc" in with_nmc.columns
    assert list(cow_states.to_pandas().columns) == ["ccode", "cw_name", "year"]


def test_join_can_read_columns_added_before(cow_states):
    panel = cow_states.add_nmc().join("SELECT ccode, year, cinc * 100 AS cinc_percent FROM panel", {})
    frame = panel.to_pandas().set_index(["ccode", "year"])
    assert frame.loc[(2, 2000), "cinc_percent"] == pytest.approx(frame.loc[(2, 2000), "cinc"] * 100)


def test_whole_number_sums_come_out_as_integers(cow_states):
    # DuckDB's sum() of integers is HUGEINT (an Arrow decimal); pandas gets Int64, not Decimals
    panel = cow_states.join(
        "SELECT ccode, year, sum(ccode) OVER () AS total, 0.5::DECIMAL(4,1) AS half FROM panel", {}
    )
    frame = panel.to_pandas()
    assert str(frame.total.dtype) == "Int64" and frame.total.iloc[0] == 178630  # sum of codes, 2000-2001
    assert frame.half.dtype == "float64" and frame.half.iloc[0] == 0.5


def test_join_errors(cow_states):
    with pytest.raises(InputError, match="keys"):
        cow_states.join("SELECT ccode, 1 AS one FROM panel", {})
    with pytest.raises(InputError, match="already has column"):
        cow_states.add_nmc().add_nmc()
    with pytest.raises(InputError, match="does not return"):
        cow_states.join("SELECT ccode, year, 1 AS one FROM panel", {"two": "cow_nmc"})


def test_covariates_refuse_panels_they_do_not_fit(cow_states):
    with pytest.raises(InputError, match="applies to dyad-years or leader-dyad-years, not state-years"):
        cow_states.add_atop_alliance()
    with pytest.raises(InputError, match="needs the COW state system"):
        create_stateyears(system="gw", years="2000").add_nmc()


def test_unknown_covariate_lists_close_names(cow_states):
    with pytest.raises(UnknownNameError, match="Did you mean: nmc") as error:
        cow_states.add("nmx")
    assert "Available covariates: archigos, arms_races, atop_alliance" in str(error.value)


@pytest.mark.parametrize(
    ("years", "error", "text"),
    [
        ("1700-1800", CoverageError, "outside the state system"),
        ("2000-1990", InputError, "backwards"),
        ("19x0", InputError, "Impossible year"),
    ],
)
def test_bad_years(years, error, text):
    with pytest.raises(error, match=text):
        create_stateyears(years=years)


def test_unknown_system():
    with pytest.raises(InputError, match="Unknown state system 'cowx'"):
        create_dyadyears(system="cowx")


def test_coverage_is_na_outside_the_sources_not_zero():
    frame = (
        create_dyadyears(directed=False, years="2008-2025")
        .add_atop_alliance()
        .add_contiguity()
        .add_igos()
        .add_gml_mids()
        .add_nmc()
        .to_pandas()
    )
    us_canada = frame[(frame.ccode1 == 2) & (frame.ccode2 == 20)].set_index("year")
    assert us_canada.loc[2016, "conttype"] == 1 and pd.isna(us_canada.loc[2017, "conttype"])
    assert us_canada.loc[2018, "atop_defense"] == 1 and pd.isna(us_canada.loc[2019, "atop_defense"])
    assert us_canada.loc[2014, "dyadigos"] > 0 and pd.isna(us_canada.loc[2015, "dyadigos"])
    assert us_canada.loc[2010, "gmlmidonset"] == 0 and pd.isna(us_canada.loc[2011, "gmlmidonset"])
    assert us_canada.loc[2022, "cinc1"] > 0 and pd.isna(us_canada.loc[2023, "cinc1"])
    by_year = frame.groupby("year")
    assert by_year.atop_alliance.apply(lambda s: s.isna().all()).loc[2019:].all()
    assert (by_year.atop_alliance.count().loc[:2018] > 0).all()


def test_major_powers_carry_the_last_list_forward_with_a_note():
    panel = create_stateyears(years="2016-2025").add_cow_majors()
    frame = panel.to_pandas().set_index(["ccode", "year"])
    assert frame.loc[(2, 2025), "cowmaj"] == 1 and frame.loc[(710, 2020), "cowmaj"] == 1
    assert frame.loc[(20, 2020), "cowmaj"] == 0
    assert frame.cowmaj.groupby(level="year").sum().tolist() == [7] * 10  # US UK FRA GER RUS CHN JPN
    assert any("last composition is carried" in note for note in panel.notes)


def test_directed_gml_initiators():
    frame = create_dyadyears(years="1914").add_gml_mids().to_pandas().set_index(["ccode1", "ccode2"])
    # MID 100 (1914): the United States (side A, originator) against Haiti
    assert frame.loc[(2, 41), ["sidea1", "init1", "init2"]].tolist() == [1, 1, 0]


def test_gml_keep_limits_columns_and_rejects_unknown_ones():
    panel = create_dyadyears(directed=False, years="1914").add_gml_mids(keep=["dispnum"])
    assert panel.columns[3:] == ["gmlmidonset", "gmlmidongoing", "dispnum"]  # peacesciencer's order
    directed = create_dyadyears(years="1914").add_gml_mids(keep=[])
    assert directed.columns[3:] == ["gmlmidonset", "gmlmidongoing", "init1", "init2", "sidea1", "sidea2"] + [
        "orig1",
        "orig2",
    ]
    with pytest.raises(InputError, match="cannot keep nonsense"):
        create_dyadyears(years="1914").add_gml_mids(keep=["nonsense"])


def test_write_parquet_and_csv(tmp_path, cow_states):
    panel = cow_states.add_nmc().add_igos()
    parquet = panel.write(tmp_path / "out.parquet")
    table = pq.read_table(parquet)
    assert table.num_rows == 382 and table.column_names == panel.columns
    (tmp_path / "sub").mkdir()  # a missing folder is refused, not made silently
    csv = panel.write(tmp_path / "sub" / "out.csv")
    text = csv.read_text().splitlines()
    assert text[0].startswith("ccode,cw_name,year,milex")
    assert text[1].startswith('2,"United States of America",2000,')
    assert not list(tmp_path.glob("**/*.part"))
    with pytest.raises(InputError, match="unknown file type"):
        panel.write(tmp_path / "out.xlsx")


def test_sources_and_citations(cow_states):
    panel = cow_states.add_nmc().add_democracy()
    sources = panel.sources().set_index("column")
    assert sources.loc["cinc", "dataset"] == "cow_nmc" and sources.loc["cinc", "version"] == "7.0"
    assert sources.loc["polity2", "dataset"] == "cw_democracy"
    assert panel.datasets() == ["cw_system", "cow_nmc", "cw_democracy"]
    assert "Correlates of War" in panel.cite() or "National Material Capabilities" in panel.cite()
    summary = panel.summary().to_dict()
    assert summary["rows"] == 382 and {"dataset": "cow_nmc", "version": "7.0"} in summary["sources"]
    assert "COW state-years 2000-2001" in repr(panel)


@pytest.mark.parametrize(
    "build",
    [
        lambda: (
            create_dyadyears(years="1990-2020")
            .add_nmc()
            .add_atop_alliance()
            .add_contiguity()
            .add_capital_distance()
            .add_democracy()
            .add_cow_majors()
            .add_igos()
            .add_gml_mids()
        ),
        lambda: (
            create_dyadyears(directed=False, years="2000-2020").add_igos().add_atop_alliance().add_cow_mids()
        ),
        lambda: (
            create_stateyears(system="gw").add_ucdp_acd().add_ucdp_onsets().add_democracy().add_peace_years()
        ),
        lambda: create_stateyears().add_cow_wars(type="intra").add_contiguity().add_igos().add_gml_mids(),
        lambda: (
            create_stateyears()
            .add_blocs()
            .add_power_shares()
            .add_creg_fractionalization()
            .add_strategic_rivalries()
            .add_gwcode_to_cow()
            .add_ucdp_acd()
        ),
        lambda: (
            create_dyadyears(system="gw", directed=False, years="2000-2010")
            .add_minimum_distance()
            .add_blocs()
            .add_capital_distance()
        ),
    ],
    ids=["cow_directed_8cov", "cow_nondirected", "gw_states", "cow_states", "cow_states_more", "gw_dyads"],
)
def test_to_pandas_gathers_the_values_the_panel_query_gives(build):
    # looked-up columns are gathered from their small tables; the panel query is the reference
    panel = build()
    assert list(panel._gathered_lookups())  # the path under test is taken
    table = panel.to_arrow()
    whole = [  # DuckDB's sums come as decimals; to_pandas makes whole numbers Int64
        pa.field(f.name, pa.int64() if pa.types.is_decimal(f.type) and f.type.scale == 0 else f.type)
        for f in table.schema
    ]
    expected = table.cast(pa.schema(whole)).to_pandas(
        types_mapper={**_nullable_ints, pa.bool_(): pd.BooleanDtype()}.get
    )
    pd.testing.assert_frame_equal(panel.to_pandas(), expected)


def test_writing_refuses_rows_out_of_order(tmp_path):
    """The streamed writer checks every batch's row numbers; out of order, it reports so (and the
    panel is then written through a sort)."""
    from multipolar.panels.panel import _write_batches

    batches = [
        pa.record_batch({"__row": [2, 3], "x": [1, 2]}),
        pa.record_batch({"__row": [0, 1], "x": [3, 4]}),
    ]
    reader = pa.RecordBatchReader.from_batches(batches[0].schema, batches)
    assert _write_batches(reader, tmp_path / "x.parquet", ".parquet") is False
    in_order = pa.RecordBatchReader.from_batches(batches[0].schema, batches[::-1])
    assert _write_batches(in_order, tmp_path / "y.csv", ".csv") is True
    assert (tmp_path / "y.csv").read_text().splitlines() == ["x", "3", "4", "1", "2"]
