"""Bloc shares over time and the `plot blocs` chart."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from multipolar.power import blocs


@pytest.fixture(scope="module")
def shares():
    # BRIC's first ministerial meeting, 2006-09-20
    return blocs.history(["NATO", "BRICS"], 2005, 2010).rows.set_index(["year", "bloc"])


def test_each_year_uses_that_years_members_and_values(shares):
    same_day = blocs.compare(["NATO"], "2008-12-31").rows.iloc[0]
    assert shares.loc[(2008, "NATO"), "share"] == pytest.approx(same_day["share"])
    assert shares.loc[(2008, "NATO"), "members_n"] == 26
    assert shares.loc[(2009, "NATO"), "members_n"] == 28  # Albania and Croatia joined in April 2009


def test_years_before_a_bloc_existed_are_missing(shares):
    assert pd.isna(shares.loc[(2005, "BRICS"), "share"])
    assert shares.loc[(2005, "BRICS"), "members_n"] == 0
    assert shares.loc[(2006, "BRICS"), "members_n"] == 4
    assert shares.loc[(2010, "BRICS"), "share"] > 0.1


def test_cli_plot_blocs(run_cli, tmp_path):
    target = tmp_path / "blocs.png"
    code, out, err = run_cli("plot", "blocs", "-o", str(target), "--from", "2015", "--to", "2016", "--json")
    assert code == 0, err
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    payload = json.loads(out)
    assert payload["kind"] == "blocs" and payload["from"] == 2015 and payload["to"] == 2016
    assert payload["blocs"] == list(blocs.MAJOR_BLOCS)


def test_cli_plot_blocs_backwards_range(run_cli, tmp_path):
    code, _, err = run_cli("plot", "blocs", "-o", str(tmp_path / "b.png"), "--from", "2016", "--to", "2015")
    assert code == 2 and "runs backwards" in err
    assert list(tmp_path.iterdir()) == []


def test_notes_differing_only_by_year_are_said_once():
    notes = [
        "No gdp value in 1960 for Soviet Union; shares leave them out.",
        "No gdp value in 1961 for Soviet Union; shares leave them out.",
        "A note without a year.",
        "No gdp value in 1963 for Soviet Union; shares leave them out.",
        "A note without a year.",
        "From 1990 to 1991 two years.",
    ]
    assert blocs.fold_years(notes) == [
        "No gdp value in 1960-1961, 1963 for Soviet Union; shares leave them out.",
        "A note without a year.",
        "From 1990 to 1991 two years.",
    ]
