"""Dyad-month and dyad-day panels: the pairs against peacesciencer's dyad-years and the member
list of the day, the shared alliance and bloc flags on the days they begin, and event counts
against the synthetic files' known aggregates (zero inside their coverage, NA outside)."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest

from multipolar.errors import CoverageError, InputError
from multipolar.events import create_dyaddays, create_dyadmonths, synthetic
from multipolar.panels import create_dyadyears
from multipolar.states.system import members_on


def test_dyad_months_add_up_to_peacesciencers_dyad_years():
    """1989-1992: German unification, Yemen's merger and the Soviet breakup, with the false
    dyads peacesciencer removes (states in the same year that never coexisted)."""
    months = create_dyadmonths(start="1989-01", end="1992-12").rows
    by_year = {(r.ccode1, r.ccode2, r.period.year) for r in months.itertuples()}
    years = create_dyadyears(years="1989-1992").to_pandas()
    assert by_year == {(int(a), int(b), int(y)) for a, b, y in years[["ccode1", "ccode2", "year"]].to_numpy()}


def test_dyads_are_the_pairs_of_the_days_members():
    members = set(members_on("2005-06-15")["cow"].astype(int))
    june = create_dyadmonths(start="2005-06", end="2005-06")
    assert {(r.ccode1, r.ccode2) for r in june.rows.itertuples()} == {
        (a, b) for a in members for b in members if a != b
    }
    once = create_dyadmonths(start="2005-06", end="2005-06", directed=False).rows
    assert len(once) == len(june.rows) // 2 and (once.ccode1 < once.ccode2).all()
    # Montenegro (341) entered the COW system on 2006-06-12
    spring = create_dyadmonths(start="2006-05", end="2006-06").rows
    with_montenegro = spring[(spring.ccode1 == 2) & (spring.ccode2 == 341)]
    assert list(with_montenegro.period) == [dt.date(2006, 6, 1)]
    days = create_dyaddays(start="2006-06-10", end="2006-06-13").rows
    usa = days[(days.ccode1 == 2) & (days.ccode2 == 341)]
    assert list(usa.period) == [dt.date(2006, 6, 12), dt.date(2006, 6, 13)]
    assert (days.groupby("period").size().diff().dropna() >= 0).all()


def test_shared_alliance_and_bloc_hold_from_the_day_they_begin():
    """Russia (365) and China (710) founded the SCO on 2001-06-15; their ATOP alliance spell
    runs on past ATOP 5.1's last day (2018-12-31), where same_alliance becomes NA."""
    months = create_dyadmonths(start="2001-05", end="2001-06", blocs="SCO").rows
    pair = months[(months.ccode1 == 365) & (months.ccode2 == 710)].set_index("period")
    assert pair.same_bloc.tolist() == [False, True] and pair.same_alliance.all()
    days = create_dyaddays(start="2001-06-14", end="2001-06-15", blocs="SCO").rows
    pair = days[(days.ccode1 == 710) & (days.ccode2 == 365)]
    assert pair.same_bloc.tolist() == [False, True]
    later = create_dyadmonths(start="2018-12", end="2019-01", blocs="NATO").rows
    usa_uk = later[(later.ccode1 == 2) & (later.ccode2 == 200)]
    assert usa_uk.same_alliance.iloc[0] and pd.isna(usa_uk.same_alliance.iloc[1])
    assert usa_uk.same_bloc.all()


def test_event_counts_are_the_synthetic_files_known_aggregates(tmp_path):
    path = tmp_path / "s.parquet"
    synthetic.write(path, "gdelt2", 3000)  # events from 2016-01-01 to 2018-12-30
    answer = create_dyadmonths(str(path), start="2015-12", end="2019-01")
    rows = answer.rows
    cow = dict(zip(*members_on("2017-06-30")[["iso3", "cow"]].to_numpy().T, strict=True))
    want = synthetic.expected(3000)
    want = want.assign(ccode1=want.a_iso3.map(cow), ccode2=want.b_iso3.map(cow))
    want = want.pivot_table(
        index=["ccode1", "ccode2", "period"], columns="quad", values="events", aggfunc="sum"
    )
    got = rows.set_index(["ccode1", "ccode2", "period"])
    quads = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]
    matched = got.loc[want.index, quads]
    assert (matched.to_numpy() == want.fillna(0).to_numpy()).all()
    assert (got.loc[want.index, "events"] == want.sum(axis=1)).all()
    inside = rows[(rows.period >= dt.date(2016, 1, 1)) & (rows.period <= dt.date(2018, 12, 1))]
    assert inside.events.notna().all() and (inside.events == 0).sum() == len(inside) - len(want)
    outside = rows[~rows.index.isin(inside.index)]
    assert set(outside.period) == {dt.date(2015, 12, 1), dt.date(2019, 1, 1)} and outside.events.isna().all()
    assert answer.extra["kinds"]["dyad"] == int(rows.events.sum()) == int(want.sum().sum())
    assert any("NA outside" in note for note in answer.notes)


def test_panel_bad_input_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match="after the end"):
        create_dyadmonths(start="2001-06", end="2001-01")
    with pytest.raises(CoverageError, match="outside the state system"):
        create_dyadmonths(start="1700-01", end="1700-02")
    for month in ("2008-13", "2008-00"):
        with pytest.raises(InputError, match=f"Impossible month '{month}'"):
            create_dyadmonths(start=month, end="2008-12")
    with pytest.raises(InputError, match="only .parquet"):
        create_dyadmonths(start="2001-06", end="2001-06", output=tmp_path / "panel.csv")
    with pytest.raises(InputError, match="Unknown engine"):
        create_dyadmonths(start="2001-06", end="2001-06", engine="dask")
    with pytest.raises(InputError, match="No file matches"):
        create_dyadmonths(str(tmp_path / "none-*.CSV"))


def test_cli_an_impossible_month_is_one_line(run_cli, tmp_path):
    code, out, err = run_cli(
        "events", "dyadmonths", "--start", "2008-13", "--end", "2008-12", "-o", str(tmp_path / "p.parquet")
    )
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.strip().splitlines() == [
        "error: Impossible month '2008-13'. Give a month as YYYY-MM (01 to 12), or a day as YYYY-MM-DD."
    ]


def test_cli_dyadmonths_to_parquet_and_json(run_cli, tmp_path):
    target = tmp_path / "panel.parquet"
    code, out, err = run_cli(
        "events",
        "dyadmonths",
        "--start",
        "2000-01",
        "--end",
        "2000-02",
        "--undirected",
        "-o",
        str(target),
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["output"] == str(target)
    panel = pd.read_parquet(target)
    assert len(panel) == 2 * (190 * 189 // 2) and (panel.ccode1 < panel.ccode2).all()
    code, out, err = run_cli("events", "dyaddays", "--start", "2000-01-01", "--end", "2000-01-01", "--json")
    assert code == 0, err
    assert len(json.loads(out)["rows"]) == 190 * 189
    code, out, err = run_cli("events", "dyadmonths", "--start", "2000-03", "--end", "2000-01")
    assert code == 2 and "after the end" in err and "Traceback" not in err
