"""Blocs found from behaviour against declared blocs."""

from __future__ import annotations

import pytest

import multipolar as mp
from multipolar.alignment import revealed
from multipolar.errors import CoverageError, UnknownNameError


def test_adjusted_rand_by_hand():
    same = {1: "a", 2: "a", 3: "b", 4: "b"}
    relabelled = {1: "x", 2: "x", 3: "y", 4: "y", 5: "z"}  # 5 is placed by one side only
    assert revealed.adjusted_rand(same, relabelled) == (pytest.approx(1.0), 4)
    crossed = {1: "x", 2: "y", 3: "x", 4: "y"}
    ari, n = revealed.adjusted_rand(same, crossed)
    assert n == 4 and ari < 0.01


def test_2008_alliance_blocs_follow_declared_ones_more_than_voting_blocs():
    answer = mp.blocs(2008)
    found = {(c["revealed"], c["against"]): c["adjusted_rand"] for c in answer.extra["comparisons"]}
    assert found[("alliance", "declared")] > found[("voting", "declared")] > 0.1
    rows = answer.rows.set_index("iso3")
    # the West votes together; Russia, China, Iran and India together apart from it
    assert rows.loc["USA", "voting"] == rows.loc["GBR", "voting"] == rows.loc["DEU", "voting"]
    assert rows.loc["RUS", "voting"] == rows.loc["CHN", "voting"] == rows.loc["IRN", "voting"]
    assert rows.loc["RUS", "voting"] != rows.loc["USA", "voting"]
    assert rows.loc["RUS", "declared"] == "CSTO" and rows.loc["FRA", "declared"] == "NATO"
    best = {o["bloc"]: o["best_match"] for o in answer.extra["overlap"] if o["kind"] == "alliance"}
    assert "NATO" in best.values() and "ARAB_LEAGUE" in best.values()


def test_bad_input():
    with pytest.raises(CoverageError):
        mp.blocs(2019)
    with pytest.raises(UnknownNameError):
        mp.blocs(2008, declared="NATO,Atlantis Pact")


def test_cli(run_cli):
    code, out, _ = run_cli("blocs", "--year", "1985")
    assert code == 0 and "adjusted_rand" in out and "WARSAW_PACT" in out
