"""Event data: readers against the real samples, aggregates against independent counts and the
synthetic files' known aggregates, code mapping as of the day, SQL compilation and bad input."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from multipolar.data import fetch, store
from multipolar.data.catalog import dataset
from multipolar.errors import DataError, InputError
from multipolar.events import codes, event_blocs, events, events_sql, import_events, synthetic


def raw(name: str) -> str:
    """The published file of a catalog sample, where the catalog keeps it."""
    return str(fetch.fetch(dataset(name)))


def by_key(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Rows summed over the flags (a dyad-month splits where a shared alliance or bloc changes)."""
    summed = frame.assign(tone_sum=frame["tone_mean"] * frame["events"])
    out = summed.groupby(keys, as_index=False).agg(
        events=("events", "sum"),
        goldstein_sum=("goldstein_sum", "sum"),
        tone_sum=("tone_sum", "sum"),
        mentions=("mentions", "sum"),
    )
    out["tone_mean"] = out.pop("tone_sum") / out["events"]
    return out


def pairs_named(sources, targets) -> int:
    """How many country pairs a PLOVER record names: sources x recipients, or, with no
    recipient, the ordered pairs among several sources."""
    s = {c.strip() for c in (sources or "").split(";") if c.strip()}
    r = {c.strip() for c in (targets or "").split(";") if c.strip()}
    if not r and len(s) >= 2:
        return len(s) * (len(s) - 1)
    return max(len(s), 1) * max(len(r), 1)


def test_cameo_codes_name_the_state_of_the_day():
    spells = codes.cameo_spells()

    def state(code, day):
        hit = spells[(spells.code == code) & (spells.valid_from <= day) & (spells.valid_to >= day)]
        assert len(hit) <= 1
        return tuple(hit[["iso3", "cow"]].iloc[0]) if len(hit) else None

    assert state("RUS", dt.date(1985, 6, 1)) == ("SUN", 365)  # GDELT codes the USSR as RUS
    assert state("RUS", dt.date(1995, 6, 1)) == ("RUS", 365)
    assert state("DEU", dt.date(1985, 6, 1)) == ("DEU", 260)  # West Germany
    assert state("DEU", dt.date(1995, 6, 1)) == ("DEU", 255)
    assert state("SRB", dt.date(1995, 6, 1)) == ("YUG", 345)
    assert state("TMP", dt.date(2010, 1, 1)) == ("TLS", 860)  # CAMEO's own code for East Timor
    assert state("AFR", dt.date(2010, 1, 1)) is None
    assert codes.why_unmapped("cameo", "AFR") == "region: Africa"
    assert codes.why_unmapped("cameo", "HKG").startswith("territory")
    assert codes.why_unmapped("cameo", None) == "no country code"
    assert codes.why_unmapped("fips", "GZ") == "territory: Gaza Strip"
    assert codes.why_unmapped("cameo", "QQQ") == "unknown code"


def test_gdelt2_dyads_match_an_independent_count_of_the_real_export():
    answer = events(raw("gdelt2_events_sample"), period="year", by="root")
    sample = store.frame("gdelt2_events_sample")
    states = set(codes.iso3_spells()["code"])  # every ISO3 code names a state throughout 2018-2019 here
    both = sample[sample.Actor1CountryCode.isin(states) & sample.Actor2CountryCode.isin(states)]
    dyads = both[both.Actor1CountryCode != both.Actor2CountryCode]
    assert answer.extra["events_read"] == len(sample) == 2111
    assert answer.extra["kinds"]["dyad"] == len(dyads)
    assert answer.extra["kinds"]["domestic"] == int((both.Actor1CountryCode == both.Actor2CountryCode).sum())
    expected = dyads.assign(
        period=pd.to_datetime(dyads.SQLDATE.astype(str)).dt.to_period("Y").dt.start_time.dt.date
    )
    expected = expected.groupby(["period", "Actor1CountryCode", "Actor2CountryCode", "EventRootCode"]).agg(
        events=("GLOBALEVENTID", "size"),
        goldstein_sum=("GoldsteinScale", "sum"),
        mentions=("NumMentions", "sum"),
    )
    got = by_key(answer.rows, ["period", "a_iso3", "b_iso3", "root"]).set_index(
        ["period", "a_iso3", "b_iso3", "root"]
    )
    got.index.names = expected.index.names
    pd.testing.assert_frame_equal(
        got[["events", "goldstein_sum", "mentions"]].sort_index(), expected.sort_index(), check_dtype=False
    )
    unmapped = {(u["side"], u["code"]): u for u in answer.extra["unmapped"]}
    assert unmapped[("source", "AFR")]["reason"] == "region: Africa"
    assert unmapped[("target", None)]["events"] == int(sample.Actor2CountryCode.isna().sum())
    in_2019 = int((sample.SQLDATE >= 20190101).sum())  # the 2019 events of the file, mapped or not
    assert set(answer.rows.loc[answer.rows.period == dt.date(2019, 1, 1), "period_events"]) == {in_2019}


def test_registry_flags_say_what_the_pair_shared_that_day():
    from multipolar.orgs import atop, registry

    coded = events(raw("gdelt1_events_mixed_sample"), period="day", by="none").rows
    assert len(coded) > 50 and coded.same_alliance.any() and not coded.same_alliance.all()
    for row in coded.itertuples():
        shared = len(atop.alliances_among([row.a_cow, row.b_cow], row.period)) > 0
        assert row.same_alliance == shared, row
    rows = events(raw("gdelt2_events_sample"), period="day", by="none").rows
    # after ATOP's coverage (2018-12-31) a shared alliance is unknown, not false
    assert rows.loc[rows.period > atop.LAST_DAY, "same_alliance"].isna().all()
    nato = events(raw("gdelt2_events_sample"), blocs="NATO", by="none", period="day").rows
    members = set(registry.on(dt.date(2019, 10, 24), "NATO").query("status == 'member'").iso3)
    later = nato[nato.period > dt.date(2019, 1, 1)]
    assert (later.same_bloc == (later.a_iso3.isin(members) & later.b_iso3.isin(members))).all()
    assert later.same_bloc.any() and not later.same_bloc.all()


def test_gdelt1_reads_both_layouts_and_icews_and_plover_map_their_codes():
    gdelt1 = events(raw("gdelt1_events_mixed_sample"), period="year")
    assert gdelt1.extra["events_read"] == 710  # 509 daily rows (58 columns) + 201 historical (57)
    icews = events(raw("icews_events_2018_sample"), dedup="none")
    assert icews.extra["events_read"] == 3705
    one_a_day = events(raw("icews_events_2018_sample"))
    assert one_a_day.params["dedup"] == "daily" and one_a_day.extra["events_read"] < 3705
    icews_frame = store.frame("icews_events_2018_sample")
    keys = ["Event Date", "Source Country", "Target Country", "CAMEO Code"]
    assert one_a_day.extra["events_read"] == len(icews_frame[keys].fillna("").drop_duplicates())
    assert {"USA", "RUS", "CHN"} <= set(icews.rows["a_iso3"])
    reasons = {u["code"]: u["reason"] for u in icews.extra["unmapped"]}
    assert reasons["Occupied Palestinian Territory"].startswith("territory")
    # every name of the sample is read: a state, or a territory or state outside the lists said so
    assert {reason for name, reason in reasons.items() if name} == {
        "territory, or a state outside the COW and Gleditsch-Ward lists",
        "no state with this name on the event's day",  # the Holy See: the Papal States to 1870
    }
    assert reasons["Holy See"] == "no state with this name on the event's day"
    assert "Congo" not in reasons and "COG" in set(icews.rows["a_iso3"]) | set(icews.rows["b_iso3"])
    plover = events(raw("plover_gold_standard"), by="category")
    records = store.frame("plover_gold_standard")
    assert len(records) == 322
    assert plover.extra["events_read"] == sum(map(pairs_named, records.source_code, records.target_code))
    agree = plover.rows[plover.rows.category == "AGREE"]
    assert agree.events.sum() > 0 and {"category", "a_iso3"} <= set(plover.rows.columns)
    assert any(u["code"] == "IGO" for u in plover.extra["unmapped"])


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("gdelt2", "s.export.CSV"),
        ("gdelt1", "s.tsv"),
        ("icews", "s.tab"),
        ("plover", "s.json"),
        ("gdelt2", "s.parquet"),
    ],
)
def test_synthetic_files_give_their_known_aggregates(tmp_path, fmt, name):
    path = tmp_path / name
    synthetic.write(path, fmt, 3000)
    answer = events(str(path), dedup="none")
    got = by_key(answer.rows, ["period", "a_iso3", "b_iso3", "quad"]).astype({"quad": "int64"})
    want = synthetic.expected(3000)
    columns = {
        "gdelt2": ["events", "goldstein_sum", "tone_mean", "mentions"],
        "icews": ["events", "goldstein_sum"],
    }
    columns = columns.get(fmt if fmt != "gdelt1" else "gdelt2", ["events"])
    key = ["period", "a_iso3", "b_iso3", "quad"]
    pd.testing.assert_frame_equal(
        got.set_index(key)[columns].sort_index(), want.set_index(key)[columns].sort_index(), check_dtype=False
    )


def test_undirected_weighted_and_normalised_rows(tmp_path):
    path = tmp_path / "s.parquet"
    synthetic.write(path, "gdelt2", 4000)
    directed = events(str(path), by="none", period="year")
    undirected = events(str(path), by="none", period="year", directed=False)
    assert (undirected.rows.a_cow < undirected.rows.b_cow).all()
    assert undirected.rows.events.sum() == directed.rows.events.sum()
    weighted = events(str(path), by="none", period="year", weight="mentions")
    want = synthetic.fields(pd.RangeIndex(4000).to_numpy())
    usa, rus = 0, 1
    pair = want[(want.source == usa) & (want.target == rus) & (want.day.dt.year == 2016)]
    row = weighted.rows[(weighted.rows.a_iso3 == "USA") & (weighted.rows.b_iso3 == "RUS")]
    row = row[row.period == dt.date(2016, 1, 1)]
    mean = (pair.goldstein_tenths / 10 * pair.mentions).sum() / pair.mentions.sum()
    assert row.goldstein_mean.iloc[0] == pytest.approx(mean)
    share = directed.rows.groupby("period").share.sum()
    assert (share < 1).all() and (share > 0.5).all()  # unmapped and domestic events are in the volume


def test_bloc_behaviour_matches_a_count_by_hand():
    answer = event_blocs(raw("gdelt2_events_sample"), "NATO", "SCO", period="year")
    from multipolar.orgs import registry

    day = dt.date(2019, 10, 24)  # NATO's and the SCO's members did not change in the file's year
    nato = set(registry.on(day, "NATO").query("status == 'member'").iso3)
    sco = set(registry.on(day, "SCO").query("status == 'member'").iso3)
    sample = store.frame("gdelt2_events_sample")
    sample = sample[sample.SQLDATE >= 20190101]
    states = set(codes.iso3_spells()["code"])
    pairs = sample[sample.Actor1CountryCode.isin(states) & sample.Actor2CountryCode.isin(states)]
    pairs = pairs[pairs.Actor1CountryCode != pairs.Actor2CountryCode]
    from_nato = pairs[pairs.Actor1CountryCode.isin(nato)]
    rows = answer.rows[answer.rows.period == dt.date(2019, 1, 1)].set_index("relation")
    within = from_nato[from_nato.Actor2CountryCode.isin(nato)]
    assert rows.loc["within NATO", "events"] == len(within)
    assert rows.loc["within NATO", "cooperative"] == int(within.QuadClass.isin([1, 2]).sum())
    towards = from_nato[from_nato.Actor2CountryCode.isin(sco - nato)]
    assert rows.loc["NATO towards SCO", "events"] == len(towards)
    rest = from_nato[~from_nato.Actor2CountryCode.isin(nato | sco)]
    assert rows.loc["NATO towards the rest", "events"] == len(rest)
    assert rows.loc["within NATO", "cooperative_share"] == pytest.approx(within.QuadClass.isin([1, 2]).mean())


def test_bigquery_sql_compiles_and_registry_tables_are_written(tmp_path):
    import sqlglot

    answer = events_sql(dialect="bigquery", tables_dir=tmp_path, blocs="NATO,SCO")
    sql = answer.extra["sql"]
    assert "`gdelt-bq`.`gdeltv2`.`events`" in sql or "gdelt-bq.gdeltv2.events" in sql
    assert "DATE_TRUNC" in sql and "multipolar" in sql
    sqlglot.parse_one(sql, read="bigquery")  # valid BigQuery syntax
    written = {p.name for p in tmp_path.iterdir()}
    assert {"a_code_states.csv", "same_alliance.csv", "same_bloc.csv"} <= written
    with pytest.raises(InputError, match="ICEWS"):
        events_sql(format="icews")


def test_import_converts_once_and_bad_input_leaves_nothing(tmp_path):
    out = tmp_path / "gdelt2.parquet"
    answer = import_events(raw("gdelt2_events_sample"), out)
    assert answer.rows.rows.iloc[0] == 2111 and answer.rows.format.iloc[0] == "gdelt2"
    again = events(str(out), period="year")
    assert again.extra["kinds"] == events(raw("gdelt2_events_sample"), period="year").extra["kinds"]

    lacking = tmp_path / "lacking.parquet"
    pd.read_parquet(out).drop(columns=["QuadClass"]).to_parquet(lacking)
    with pytest.raises(
        DataError, match=r"lacks the GDELT 2.0 event export \(61 columns\) column\(s\) 'QuadClass'"
    ):
        events(str(lacking))

    wrong = tmp_path / "wrong.tsv"
    wrong.write_text("a\tb\tc\n1\t2\t3\n")
    target = tmp_path / "never.parquet"
    with pytest.raises(DataError, match="first line has 3 tab-separated fields"):
        import_events(str(wrong), target)
    assert not target.exists() and not list(tmp_path.glob(".never*"))

    lines = Path(raw("gdelt2_events_sample")).read_text(encoding="utf-8").splitlines()
    broken = tmp_path / "broken.CSV"
    broken.write_text(lines[0] + "\n" + "\t".join(lines[1].split("\t")[:40]) + "\n")
    with pytest.raises(DataError, match="Could not read") as error:
        import_events(str(broken), target)
    assert "Expected Number of Columns: 61 Found: 40" in str(error.value)
    assert "Possible fixes" not in str(error.value)  # the engine's advice is not ours
    with pytest.raises(DataError, match="Could not read"):
        events(str(broken), output=target)
    assert not target.exists() and not list(tmp_path.glob(".never*"))

    header = "\t".join(c for c in store.frame("icews_events_2018_sample").columns if c != "CAMEO Code")
    icews = tmp_path / "icews.tab"
    icews.write_text(header + "\n")
    with pytest.raises(DataError, match="lacks the ICEWS column"):
        events(str(icews))
    with pytest.raises(DataError, match="not a GDELT 1.0"):
        events(raw("gdelt2_events_sample"), format="gdelt1")
    with pytest.raises(InputError, match="No file matches"):
        events(str(tmp_path / "nothing-*.CSV"))
    with pytest.raises(InputError, match="Unknown engine 'dask'"):
        events(raw("gdelt2_events_sample"), engine="dask")
    with pytest.raises(InputError, match="only .parquet"):
        events(raw("gdelt2_events_sample"), output=tmp_path / "out.csv")
    with pytest.raises(InputError, match="Unknown --period"):
        events(raw("gdelt2_events_sample"), period="week")


def test_spark_without_java_is_one_clear_error(monkeypatch, tmp_path):
    pytest.importorskip("pyspark")
    from multipolar.events import engines

    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-java"))
    with pytest.raises(InputError, match="needs Java"):
        engines.local_spark()


def test_spark_without_pyspark_is_one_clear_error(monkeypatch):
    from multipolar.events import engines

    for name in ("pyspark", "pyspark.sql"):
        monkeypatch.setitem(sys.modules, name, None)  # as if not installed: importing fails
    with pytest.raises(InputError, match="needs pyspark, which is not installed") as error:
        engines.connect("spark")
    assert "pip install 'multipolar[spark]'" in str(error.value)


def test_spark_with_an_old_java_is_one_clear_error(monkeypatch, tmp_path):
    pytest.importorskip("pyspark")
    from multipolar.events import engines

    java = tmp_path / "bin" / "java"
    java.parent.mkdir()
    java.write_text("#!/bin/sh\necho 'java version \"1.8.0_392\"' >&2\n")
    java.chmod(0o755)
    monkeypatch.setenv("JAVA_HOME", str(tmp_path))
    with pytest.raises(InputError, match="needs Java 17 or later, and .* is Java 8"):
        engines.local_spark()


def test_cli_spark_without_java_is_one_line_and_writes_nothing(run_cli, monkeypatch, tmp_path):
    pytest.importorskip("pyspark")
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-java"))
    target = tmp_path / "rows.parquet"
    code, out, err = run_cli(
        "events", "aggregate", raw("gdelt2_events_sample"), "--engine", "spark", "-o", str(target)
    )
    assert code == 2 and "needs Java" in err and "--engine duckdb" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and not list(tmp_path.iterdir())


def test_icews_dyad_months_match_a_count_by_hand():
    """China -> United States, June 2018, in the ICEWS sample, counted by hand from the file:
    30 records, 11 once the same day, pair and CAMEO code are counted once (ICEWS's daily
    de-duplication): 8 verbal cooperation (Intensity 15.0 in all), one material (0871, 9.0),
    two verbal conflict (111 and 120, -6.0)."""
    rows = events(raw("icews_events_2018_sample")).rows
    cell = rows[(rows.a_cow == 710) & (rows.b_cow == 2)]
    assert {int(r.quad): (int(r.events), float(r.goldstein_sum)) for r in cell.itertuples()} == {
        1: (8, 15.0),
        2: (1, 9.0),
        3: (2, -6.0),
    }
    every = events(raw("icews_events_2018_sample"), dedup="none").rows
    assert every[(every.a_cow == 710) & (every.b_cow == 2)].events.sum() == 30


def test_cli_aggregate_json_output_and_errors(run_cli, tmp_path):
    code, out, err = run_cli("events", "aggregate", raw("gdelt2_events_sample"), "--period", "year", "--json")
    assert code == 0, err
    payload = json.loads(out)
    assert payload["events_read"] == 2111 and payload["rows"][0]["period"].endswith("-01-01")
    target = tmp_path / "rows.parquet"
    code, out, err = run_cli("events", "aggregate", raw("gdelt2_events_sample"), "-o", str(target), "--json")
    assert code == 0 and json.loads(out)["output"] == str(target)
    assert len(pd.read_parquet(target)) > 100
    code, out, err = run_cli("events", "aggregate", raw("gdelt2_events_sample"), "--engine", "dask")
    assert code == 2 and "Unknown engine 'dask'" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    code, out, err = run_cli("events", "sql", "--dialect", "bigquery")
    assert code == 0 and out.lstrip().startswith(("SELECT", "WITH"))
