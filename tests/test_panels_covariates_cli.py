"""The remaining covariates through `multipolar panel ... --add`: built by name, errors in one line."""

from __future__ import annotations

import json

import pandas as pd


def test_gw_state_years_with_conflict_covariates(run_cli, tmp_path):
    target = tmp_path / "gw.parquet"
    code, out, err = run_cli(
        "panel", "stateyears", "--system", "gw", "--years", "1990-1995",
        "--add", "ucdp_acd,peace_years,blocs", "-o", str(target), "--json-sources",
    )  # fmt: skip
    assert code == 0, err
    panel = pd.read_parquet(target)
    colombia = panel[(panel.gwcode == 100) & (panel.year == 1995)].iloc[0]
    assert colombia["ucdpongoing"] == 1 and colombia["nato"] == 0
    assert panel.loc[(panel.gwcode == 2) & (panel.year == 1995), "nato"].item() == 1
    summary = json.dumps(json.loads(out))
    assert "ucdp_acd" in summary and "memberships.csv" in summary


def test_cow_dyads_with_mids_and_peace_years(run_cli, tmp_path):
    target = tmp_path / "dyads.csv"
    code, _, err = run_cli(
        "panel", "dyadyears", "--nondirected", "--years", "2000-2002",
        "--add", "cow_mids,peace_years,minimum_distance", "-o", str(target),
    )  # fmt: skip
    assert code == 0, err
    panel = pd.read_csv(target)
    assert {"cowmidonset", "cowmidspell", "mindist"} <= set(panel.columns)
    assert panel.loc[(panel.ccode1 == 2) & (panel.ccode2 == 20), "cowmidspell"].tolist() == [0, 1, 2]


def test_covariate_that_does_not_fit_is_one_line_error(run_cli, tmp_path):
    for add, words in (("cow_mids", "dyad-year"), ("peace_years", "no conflict indicator")):
        code, _, err = run_cli("panel", "stateyears", "--add", add, "-o", str(tmp_path / "x.parquet"))
        assert code != 0
        assert words in err and "Traceback" not in err
        assert len(err.strip().splitlines()) <= 2  # one message (the terminal may wrap it once)
    assert not (tmp_path / "x.parquet").exists()
