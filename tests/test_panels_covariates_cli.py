"""The remaining covariates through `multipolar panel ... --add`: built by name, errors in one line."""

from __future__ import annotations

import json

import pandas as pd
import pytest


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


def test_set_passes_covariate_options_typed_by_their_signature(run_cli, tmp_path):
    target = tmp_path / "blocs.parquet"
    code, _, err = run_cli(
        "panel", "stateyears", "-s", "gw", "--years", "2000-2001", "--add", "blocs,ucdp_acd",
        "--set", "blocs.orgs=NATO,SCO", "--set", "blocs.reference=06-30", "-S", "ucdp_acd.only_wars=true",
        "-o", str(target),
    )  # fmt: skip
    assert code == 0, err
    panel = pd.read_parquet(target)
    assert {"nato", "sco"} <= set(panel.columns) and "csto" not in panel.columns
    # SCO was founded on 2001-06-15: a member on 2001-06-30, not on 2000-06-30
    china = panel[panel.gwcode == 710].set_index("year")
    assert china.loc[2000, "sco"] == 0 and china.loc[2001, "sco"] == 1
    wars_only = panel["ucdpongoing"].sum()
    code, _, err = run_cli(
        "panel", "stateyears", "-s", "gw", "--years", "2000-2001", "--add", "ucdp_acd", "-o", str(target)
    )
    assert code == 0, err
    assert pd.read_parquet(target)["ucdpongoing"].sum() > wars_only  # minor conflicts count too


@pytest.mark.parametrize(
    ("settings", "words"),
    [
        (["blocs.colour=red"], "has no option 'colour'"),
        (["nmc.x=1"], "which --add does not ask for"),
        (["blocs"], "Write COVARIATE.OPTION=VALUE"),
        (["ucdp_acd.only_wars=maybe"], "must be true or false"),
    ],
)
def test_set_errors_are_one_line(run_cli, tmp_path, settings, words):
    args = [a for s in settings for a in ("--set", s)]
    target = tmp_path / "x.parquet"
    code, _, err = run_cli("panel", "stateyears", "--add", "blocs,ucdp_acd", *args, "-o", str(target))
    assert code == 2 and words in err and "Traceback" not in err
    assert not target.exists()
