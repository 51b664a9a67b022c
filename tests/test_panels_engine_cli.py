"""`multipolar panel stateyears|dyadyears|covariates`: files, summaries and one-line errors."""

from __future__ import annotations

import json

import pandas as pd


def test_state_years_to_csv_with_a_summary(run_cli, tmp_path):
    target = tmp_path / "states.csv"
    code, out, err = run_cli(
        "panel", "stateyears", "--years", "1990-1991", "--add", "nmc,cow_majors", "-o", str(target)
    )
    assert code == 0, err
    panel = pd.read_csv(target)
    assert list(panel.columns[:4]) == ["ccode", "cw_name", "year", "milex"]
    us_1991 = panel[(panel.ccode == 2) & (panel.year == 1991)].iloc[0]
    assert us_1991.cowmaj == 1 and us_1991.milper == 2110
    assert f"wrote {target}" in out.replace("\n", "") and "cow_nmc" in out and "cow_majors" in out


def test_non_directed_dyads_to_parquet_with_json_sources(run_cli, tmp_path):
    target = tmp_path / "dyads.parquet"
    code, out, err = run_cli(
        "panel", "dyadyears", "--nondirected", "--years", "2016", "--add", "atop_alliance,contiguity,igos",
        "-o", str(target), "--json-sources",
    )  # fmt: skip
    assert code == 0, err
    summary = json.loads(out)
    assert summary["rows"] == 18915 and summary["directed"] is False and summary["years"] == "2016-2016"
    assert {"column": "conttype", "dataset": "cow_contdir", "version": "3.2"} in summary["columns"]
    assert any("IGOs (cow_igo_ndy) cover 1816-2014" in note for note in summary["notes"])
    panel = pd.read_parquet(target)
    assert len(panel) == 18915 and panel.dyadigos.isna().all()  # past the IGO data
    assert panel.loc[(panel.ccode1 == 2) & (panel.ccode2 == 20), "conttype"].item() == 1


def test_unknown_covariate_is_a_one_line_error(run_cli, tmp_path):
    code, out, err = run_cli("panel", "stateyears", "--add", "nmc,nmx", "-o", str(tmp_path / "x.csv"))
    assert code == 2 and out == ""
    assert "Unknown covariate 'nmx'" in err and "Available covariates:" in err and "Traceback" not in err
    assert not (tmp_path / "x.csv").exists()


def test_covariate_that_does_not_apply_is_a_one_line_error(run_cli, tmp_path):
    code, _, err = run_cli("panel", "stateyears", "--add", "atop_alliance", "-o", str(tmp_path / "x.csv"))
    assert (
        code == 2
        and "applies to dyad-years or leader-dyad-years, not state-years" in err
        and len(err.strip().splitlines()) == 1
    )
    code, _, err = run_cli(
        "panel", "dyadyears", "--system", "gw", "--add", "nmc", "-o", str(tmp_path / "x.csv")
    )
    assert code == 2 and "needs the COW state system" in err


def test_bad_years_system_and_file_type(run_cli, tmp_path):
    code, _, err = run_cli("panel", "stateyears", "--years", "1700-1750", "-o", str(tmp_path / "x.csv"))
    assert code == 2 and "outside the state system" in err
    code, _, err = run_cli("panel", "stateyears", "--system", "polity", "-o", str(tmp_path / "x.csv"))
    assert code == 2 and "Unknown state system 'polity'" in err
    code, _, err = run_cli("panel", "stateyears", "-o", str(tmp_path / "x.xlsx"))
    assert code == 2 and "Use a .parquet or .csv file name" in err


def test_covariates_listing(run_cli):
    code, out, _ = run_cli("panel", "covariates", "--json")
    assert code == 0
    listed = {row["name"]: row["description"] for row in json.loads(out)["covariates"]}
    assert {"nmc", "gml_mids", "capital_distance", "sim_gdp_pop"} <= set(listed)
    assert "``" not in listed["atop_alliance"] and "ATOP 5.1" in listed["atop_alliance"]


def test_leader_years_summary_as_json_without_a_file(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(
        "panel", "leaderyears", "--standardize", "cow", "--years", "1990-1991", "--add", "lead,nmc", "--json"
    )
    assert code == 0, err
    summary = json.loads(out)
    assert summary["unit"] == "leader" and summary["system"] == "cow" and summary["rows"] == 375
    assert {"column": "ccode", "dataset": "gw_cw_panel", "version": "isard 0.2.0"} in summary["columns"]
    assert {"column": "yrsexper", "dataset": "LEAD", "version": "peacesciencer 1.2.9"} in summary["columns"]
    assert list(tmp_path.iterdir()) == []  # nothing written without -o


def test_leader_dyads_with_filter_and_spells_to_parquet(run_cli, tmp_path):
    target = tmp_path / "leaders.parquet"
    code, out, err = run_cli(
        "panel", "leaderdyadyears", "--system", "cow", "--nondirected", "--years", "1990-2000",
        "--add", "filter_prd,gml_mids,spells", "-o", str(target),
    )  # fmt: skip
    assert code == 0, err
    panel = pd.read_parquet(target)
    assert (panel.prd == 1).all() and (panel.ccode1 < panel.ccode2).all()
    assert "gmlmidspell" in panel and "gmlmidinitspell" not in panel  # no initiators on non-directed dyads
    assert f"wrote {target}" in out.replace("\n", "")


def test_state_days_and_leader_days_to_csv(run_cli, tmp_path):
    days = tmp_path / "days.csv"
    code, _, err = run_cli("panel", "statedays", "--system", "gw", "--years", "2000", "-o", str(days))
    assert code == 0, err
    frame = pd.read_csv(days)
    assert list(frame.columns) == ["gwcode", "gw_name", "microstate", "date"]
    assert frame.date.iloc[0] == "2000-01-01" and len(frame[frame.gwcode == 2]) == 366
    leaders = tmp_path / "leaders.csv"
    code, _, err = run_cli(
        "panel", "leaderdays", "--standardize", "gw", "--years", "2001", "-o", str(leaders)
    )
    assert code == 0, err
    bush = pd.read_csv(leaders).query("obsid == 'USA-2001'")
    assert bush.date.min() == "2001-01-21" and bush.yrinoffice.eq(1).all()  # Archigos: Clinton to the 20th


def test_leader_and_day_panels_refuse_what_they_cannot_take(run_cli, tmp_path):
    code, _, err = run_cli("panel", "leaderyears", "--standardize", "iso", "--json")
    assert code == 2 and "Unknown standardize 'iso'" in err
    code, _, err = run_cli("panel", "leaderyears", "--add", "igos", "--json")
    assert code == 2 and "add_igos applies to state-years or dyad-years, not leader-years" in err
    code, _, err = run_cli("panel", "dyadyears", "--years", "2008-2012", "--add", "gml_mids,spells", "--json")
    assert code == 2 and "gmlmidongoing is NA" in err and "(2011-2012)" in err
    code, _, err = run_cli("panel", "stateyears", "--add", "filter_prd", "--json")
    assert code == 2 and "filter_prd applies to dyad-years or leader-dyad-years" in err


def test_a_file_type_the_panel_cannot_be_written_as_is_refused_before_the_work(
    run_cli, tmp_path, monkeypatch
):
    import multipolar.panels

    def never(*args, **kwargs):
        raise AssertionError("the panel was built before its file name was checked")

    monkeypatch.setattr(multipolar.panels, "create_stateyears", never)
    code, _, err = run_cli("panel", "stateyears", "--add", "nmc", "-o", str(tmp_path / "x.xlsx"))
    assert code == 2 and "Cannot write 'x.xlsx': unknown file type" in err
    assert not (tmp_path / "x.xlsx").exists()
