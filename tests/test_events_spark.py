"""The same event queries on DuckDB and on Spark (local mode) give identical answers.

Marked ``spark``: they need pyspark and Java and take a minute, so the default run skips them
and CI runs them (`pytest -m spark`). One local Spark session serves them all.
"""

from __future__ import annotations

import pandas as pd
import pytest

from multipolar.data import fetch
from multipolar.data.catalog import dataset
from multipolar.errors import DataError
from multipolar.events import (
    create_dyaddays,
    create_dyadmonths,
    event_blocs,
    events,
    import_events,
    synthetic,
)
from tests.test_events_polecat import DIRECTED, RECORDS, counts, polecat_row, write_polecat_sample

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    from multipolar.events import engines

    session = engines.local_spark(2)
    yield session
    session.stop()


def assert_identical(duck, spark_answer):
    """Rows equal value for value (no tolerance), and the same counts of what was left out."""
    assert len(duck.rows) > 0  # two empty answers would agree on nothing
    pd.testing.assert_frame_equal(duck.rows, spark_answer.rows, check_exact=True)
    assert duck.extra.get("kinds") == spark_answer.extra.get("kinds")
    assert duck.extra.get("unmapped") == spark_answer.extra.get("unmapped")


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("gdelt2_events_sample", {"by": "root", "weight": "mentions"}),
        ("gdelt1_events_mixed_sample", {"period": "year", "root_only": True}),
        ("icews_events_2018_sample", {}),
        ("plover_gold_standard", {"by": "category", "directed": False}),
    ],
)
def test_real_samples_aggregate_identically(spark, name, options):
    """Every reader on both engines: GDELT 2.0 and 1.0 (both layouts), ICEWS, PLOVER's JSON."""
    path = str(fetch.fetch(dataset(name)))
    assert_identical(events(path, **options), events(path, spark=spark, **options))


def test_synthetic_parquet_and_bloc_behaviour_identically(spark, tmp_path):
    path = tmp_path / "s.parquet"
    synthetic.write(path, "gdelt2", 20_000)
    options = {"directed": False, "period": "year", "dedup": "id", "blocs": "SCO"}
    assert_identical(events(str(path), **options), events(str(path), spark=spark, **options))
    duck = event_blocs(str(path), "SCO", "NATO")
    on_spark = event_blocs(str(path), "SCO", "NATO", spark=spark)
    pd.testing.assert_frame_equal(duck.rows, on_spark.rows, check_exact=True)
    assert len(duck.rows) > 0


def test_polecat_files_and_actor_lists_identically(spark, tmp_path):
    write_polecat_sample(tmp_path)
    source = str(tmp_path / "ngecEvents.*.txt")
    for options in ({}, {"directed": False, "by": "category", "dedup": "id"}):
        assert_identical(events(source, **options), events(source, spark=spark, **options))
    # Spark imports to a folder of Parquet files, which DuckDB then reads like a file
    folder = tmp_path / "polecat.parquet"
    imported = import_events(source, str(folder), spark=spark)
    assert imported.rows.rows.iloc[0] == 6 and folder.is_dir() and any(folder.glob("*.parquet"))
    assert counts(events(str(folder))) == DIRECTED
    bad = tmp_path / "bad" / "ngecEvents.bad.txt"
    bad.parent.mkdir()
    header = (tmp_path / "ngecEvents.20230214.Release3.DV.txt").read_text().splitlines()[0]
    bad.write_text(header + "\n" + polecat_row(RECORDS[0]).replace("2023-01-05", "5 January") + "\n")
    never = tmp_path / "never.parquet"
    with pytest.raises(DataError, match="Could not read"):
        import_events(str(bad), str(never), spark=spark)
    assert not never.exists() and not list(tmp_path.glob(".never*"))


def test_dyad_panels_identically(spark, tmp_path):
    path = tmp_path / "s.parquet"
    synthetic.write(path, "gdelt2", 2000)
    months = {"start": "2015-12", "end": "2016-01"}  # December 2015: before the events, NA
    duck = create_dyadmonths(str(path), **months)
    assert_identical(duck, create_dyadmonths(str(path), spark=spark, **months))
    assert duck.rows.events.sum() > 0 and duck.rows.events.isna().any()
    days = {"start": "2006-06-11", "end": "2006-06-12", "directed": False, "blocs": "NATO"}
    assert_identical(create_dyaddays(**days), create_dyaddays(spark=spark, **days))
    folder = tmp_path / "panel.parquet"  # Spark writes a folder of part files
    written = create_dyadmonths(str(path), spark=spark, output=folder, **months)
    assert written.extra["output"] == str(folder)
    assert len(pd.read_parquet(folder)) == len(duck.rows)
