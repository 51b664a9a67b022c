"""POLECAT files and PLOVER actor lists: the published layout and its known faults, records naming
several countries turned into pairs as the PLOVER manual describes, and the quad classes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from multipolar.data import fetch, layouts, store
from multipolar.data.catalog import dataset
from multipolar.errors import DataError
from multipolar.events import events, events_sql, formats, import_events, synthetic

# (id, date, event type, quad code, intensity, actor countries, recipient countries), as POLECAT
# spells them: lower-case event types, quad classes in capitals, "None" for no value
RECORDS = [
    ("A1_ACCUSE_R", "2023-01-05", "accuse", "VERBAL CONFLICT", "-2.0", "USA; FRA", "RUS"),
    ("A2_CONSULT_R", "2023-01-06", "consult", "VERBAL COOPERATION", "2.1", "USA; JPN", "None"),
    ("A3_AID_R", "2023-01-07", "aid", "MATERIAL COOPERATION", "7.4", "USA; USA", "CHN"),
    ("B1_ASSAULT_R", "2023-02-01", "assault", "MATERIAL CONFLICT", "-9.3", "IGO", "DEU"),
    ("B2_ACCUSE_R", "2023-02-02", "accuse", "VERBAL CONFLICT", "None", "None", "None"),
    ("C1_COERCE_R", "2023-02-03", "coerce", "None", "-7.2", "RUS", "UKR"),
]
# what the records give, directed: (month, source, target, quad) -> events
DIRECTED = {
    ("2023-01-01", "USA", "RUS", 3): 1,
    ("2023-01-01", "FRA", "RUS", 3): 1,
    ("2023-01-01", "USA", "JPN", 1): 1,  # a meeting with no recipient is among its sources
    ("2023-01-01", "JPN", "USA", 1): 1,
    ("2023-01-01", "USA", "CHN", 2): 1,  # two US actors: one US-China event
    ("2023-02-01", "RUS", "UKR", 4): 1,  # no quad code: COERCE's class in the PLOVER manual
}


def polecat_row(record: tuple[str, ...], extra_tabs: int = 0) -> str:
    """One file row in the published 40 columns (codes, names and the rest "None")."""
    event_id, day, event, quad, intensity, actors, recipients = record
    values = dict.fromkeys(layouts.POLECAT_EVENTS, "None")
    values.update(
        {
            "Event ID": event_id,
            "Event Date": day,
            "Event Type": event,
            "Quad Code": quad,
            "Event Intensity": intensity,
            "Actor Country": actors,
            "Recipient Country": recipients,
            "Actor Name": "Someone's office",  # an apostrophe, as in real names
            "Language": "en",
        }
    )
    return "\t".join(values[c] for c in layouts.POLECAT_EVENTS) + "\t" * extra_tabs


def write_polecat_sample(folder: Path) -> list[Path]:
    """Three files, one per published variant: the usual header with "Intensity" for "Event
    Intensity"; a header naming a "Headline" column the rows lack; rows with trailing tabs."""
    usual = [c if c != "Event Intensity" else "Intensity" for c in layouts.POLECAT_EVENTS]
    files = {
        "ngecEvents.20230110.Release1.DV.txt": ("\t".join(usual), RECORDS[:3], 0),
        "ngecEvents.20230207.Release2.DV.txt": (
            "\t".join([*layouts.POLECAT_EVENTS, "Headline"]),
            RECORDS[3:5],
            0,
        ),
        "ngecEvents.20230214.Release3.DV.txt": ("\t".join(layouts.POLECAT_EVENTS), RECORDS[5:], 2),
    }
    paths = []
    for name, (header, records, tabs) in files.items():
        path = folder / name
        rows = "".join(polecat_row(r, tabs) + "\n" for r in records)
        path.write_text(header + "\n" + rows, encoding="utf-8")
        paths.append(path)
    return paths


def counts(answer) -> dict[tuple, int]:
    summed = answer.rows.groupby(["period", "a_iso3", "b_iso3", "quad"], as_index=False).events.sum()
    return {(str(r.period), r.a_iso3, r.b_iso3, int(r.quad)): int(r.events) for r in summed.itertuples()}


def test_polecat_files_in_each_published_variant_give_the_pairs(tmp_path):
    write_polecat_sample(tmp_path)
    answer = events(str(tmp_path / "ngecEvents.*.txt"))
    assert answer.params["format"] == "polecat" and answer.params["dedup"] == "none"
    assert counts(answer) == DIRECTED
    reasons = {(u["side"], u["code"]): u["reason"] for u in answer.extra["unmapped"]}
    assert reasons[("source", "IGO")].startswith("non-state actor")
    assert reasons[("source", None)] == "no country code" and reasons[("target", None)] == "no country code"
    assert answer.extra["kinds"] == {"dyad": 6, "unmapped": 2}
    assert any("once for each pair" in note for note in answer.notes)
    rus_ukr = answer.rows[answer.rows.a_iso3 == "RUS"]
    assert rus_ukr.goldstein_mean.iloc[0] == pytest.approx(-7.2)  # Event Intensity, read as Goldstein

    undirected = events(str(tmp_path / "ngecEvents.*.txt"), directed=False)
    pairs = counts(undirected)
    assert pairs[("2023-01-01", "USA", "JPN", 1)] == 1 and ("2023-01-01", "JPN", "USA", 1) not in pairs
    assert sum(pairs.values()) == sum(DIRECTED.values()) - 1

    by_type = events(str(tmp_path / "ngecEvents.*.txt"), by="category")
    assert set(by_type.rows.category) == {"ACCUSE", "CONSULT", "AID", "COERCE"}


def test_polecat_import_keeps_the_published_columns(tmp_path):
    paths = write_polecat_sample(tmp_path)
    out = tmp_path / "polecat.parquet"
    answer = import_events([str(p) for p in paths], out)
    assert answer.rows.rows.iloc[0] == len(RECORDS) and answer.rows.format.iloc[0] == "polecat"
    frame = pd.read_parquet(out)
    assert list(frame.columns) == layouts.POLECAT_EVENTS
    first = frame.set_index("Event ID").loc["A1_ACCUSE_R"]
    assert first["Event Date"] == dt.date(2023, 1, 5) and first["Actor Name"] == "Someone's office"
    assert frame["Event Intensity"].isna().sum() == 1  # "None" is no value
    assert counts(events(str(out))) == DIRECTED


def test_polecat_layout_errors_name_the_problem(tmp_path):
    icews_like = tmp_path / "icews.tab"
    icews_like.write_text("\t".join(layouts.ICEWS_EVENTS) + "\n")
    assert formats.sniff(str(icews_like)) == "icews"
    no_quad = tmp_path / "no-quad.txt"
    no_quad.write_text("\t".join(c for c in layouts.POLECAT_EVENTS if c != "Quad Code") + "\n")
    with pytest.raises(DataError, match=r"lacks the POLECAT column\(s\) 'Quad Code'"):
        events(str(no_quad))
    short = tmp_path / "short.txt"
    short.write_text("\t".join([*layouts.POLECAT_EVENTS, "Headline"]) + "\n" + "\t".join(["x"] * 12) + "\n")
    with pytest.raises(DataError, match="header but its first row has 12 fields"):
        events(str(short))
    bad_date = tmp_path / "bad-date.txt"
    row = polecat_row(RECORDS[0]).replace("2023-01-05", "5 January")
    bad_date.write_text("\t".join(layouts.POLECAT_EVENTS) + "\n" + row + "\n")
    target = tmp_path / "never.parquet"
    with pytest.raises(DataError, match="Could not read"):
        import_events(str(bad_date), target)
    assert not target.exists()


def test_synthetic_polecat_gives_its_known_aggregates(tmp_path):
    path = tmp_path / "ngecEvents.synthetic.txt"
    synthetic.write(path, "polecat", 3000)
    got = events(str(path)).rows.groupby(["period", "a_iso3", "b_iso3", "quad"]).events.sum()
    want = synthetic.expected(3000).set_index(["period", "a_iso3", "b_iso3", "quad"]).events
    pd.testing.assert_series_equal(
        got.sort_index(), want.sort_index(), check_dtype=False, check_index_type=False
    )


def test_polecat_and_plover_compile_to_bigquery():
    import sqlglot

    for fmt in ("polecat", "plover"):
        sql = events_sql(format=fmt, table="my-project.polecat.events").extra["sql"]
        assert "UNNEST" in sql  # actor lists become pairs in the warehouse too
        sqlglot.parse_one(sql, read="bigquery")


def test_plover_gold_standard_pairs_compound_actors():
    path = str(fetch.fetch(dataset("plover_gold_standard")))
    rows = events(path, by="category").rows
    agree = rows[rows.category == "AGREE"]
    # "PLOVER-GSR01-AGREE-0001": sources HUN; ROU and no recipient: Hungary and Romania agreed
    hun_rou = agree[(agree.a_iso3 == "HUN") & (agree.b_iso3 == "ROU")]
    rou_hun = agree[(agree.a_iso3 == "ROU") & (agree.b_iso3 == "HUN")]
    assert hun_rou.events.sum() == 1 and rou_hun.events.sum() == 1
    # "-0028": USA with IRN; LBY; PRK; SDN; CUB: one pair per recipient
    usa = agree[(agree.a_iso3 == "USA") & agree.b_iso3.isin(["IRN", "LBY", "PRK", "SDN", "CUB"])]
    assert set(usa.b_iso3) == {"IRN", "LBY", "PRK", "SDN", "CUB"}


def test_every_plover_category_has_its_quad_class():
    mapped = store.frame("cameo_to_plover")["plover_event"].dropna().str.strip().unique()
    table = pd.read_csv(formats.PLOVER_EVENTS_FILE)
    assert set(mapped) <= set(table.event)  # every category PLOVER 0.8 maps CAMEO codes to
    assert table.quad.between(1, 4).all() and table.event.is_unique
    assert set(formats.quad_names().values()) == {1, 2, 3, 4}
