"""Bloc cohesion in UN votes: hand-computed means, the seed's blocs in 2008, NA outside the votes."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import multipolar as mp
from multipolar.alignment import voting_blocs
from multipolar.errors import InputError


def test_means_within_and_between_by_hand():
    states = np.array([2, 20, 200, 365])
    agree = np.array(
        [
            [1.0, 0.9, 0.5, 0.2],
            [0.9, 1.0, 0.7, np.nan],  # 20 and 365 shared no vote: left out
            [0.5, 0.7, 1.0, 0.4],
            [0.2, np.nan, 0.4, 1.0],
        ]
    )
    mean, pairs = voting_blocs.mean_within(states, agree, [2, 20, 200])
    assert pairs == 3 and mean == pytest.approx((0.9 + 0.5 + 0.7) / 3)
    mean, pairs = voting_blocs.mean_within(states, agree, [20, 365, 999])  # 999 did not vote
    assert pairs == 0 and np.isnan(mean)
    assert voting_blocs.mean_between(states, agree, [2, 20], [200, 365]) == pytest.approx(
        (0.5 + 0.2 + 0.7) / 3
    )
    # a state in both groups is left out of the comparison
    assert voting_blocs.mean_between(states, agree, [2, 200], [200, 365]) == pytest.approx(0.2)


def test_seed_blocs_in_2008():
    answer = mp.cohesion(year=2008)
    rows = answer.rows.set_index("bloc")
    assert list(rows.index) == ["SCO", "SCO+observers", "BRIC", "CSTO", "NATO", "EU"]
    assert rows.loc["SCO", "members_n"] == 6 and rows.loc["SCO+observers", "members_n"] == 10
    assert rows.loc["NATO", "members_n"] == 26 and rows.loc["EU", "members_n"] == 27
    assembly = rows["assembly_agree"].iloc[0]
    assert (rows["assembly_agree"] == assembly).all()
    # the EU votes most alike; every declared bloc here agrees more than the assembly does
    assert rows["agree"].idxmax() == "EU"
    assert (rows["agree"] > assembly).all()
    # adding the observers loosens the SCO
    assert rows.loc["SCO+observers", "agree"] < rows.loc["SCO", "agree"]
    between = pd.DataFrame(answer.extra["between"]).set_index(["bloc", "other"])
    assert between.loc[("SCO", "NATO"), "agree"] < rows.loc["SCO", "agree"]
    assert between.loc[("SCO", "NATO"), "agree"] < between.loc[("NATO", "EU"), "agree"]


def test_date_alone_takes_the_latest_year_voted_by_then():
    answer = mp.cohesion(["NATO", "SCO"], date="2008-09-07")
    assert set(answer.rows["year"]) == {2007}
    assert any("2007" in n and "on or before 2008-09-07" in n for n in answer.notes)
    assert (answer.rows["members_on"] == pd.Timestamp("2008-09-07").date()).all()


def test_outside_the_votes_is_na_with_a_note():
    answer = mp.cohesion(["NATO"], start=2019, end=2020)
    rows = answer.rows.set_index("year")
    assert rows.loc[2019, "agree"] > 0
    assert np.isnan(rows.loc[2020, "agree"]) and np.isnan(rows.loc[2020, "assembly_agree"])
    assert any("1946-2019" in n for n in answer.notes)


def test_bad_input():
    with pytest.raises(InputError, match="not both"):
        mp.cohesion(["NATO"], year=2008, start=2001)
    with pytest.raises(InputError, match="No blocs"):
        mp.cohesion([])


def test_cli(run_cli):
    code, out, _ = run_cli("cohesion", "NATO", "SCO+observers", "--year", "2008")
    assert code == 0 and "SCO+observers" in out and "%" in out
    code, out, _ = run_cli("cohesion", "NATO", "--year", "2008", "--json")
    assert code == 0 and '"between"' in out
    code, _, err = run_cli("cohesion", "Atlantis", "--year", "2008")
    assert code == 2 and "Traceback" not in err


def test_brief_alignment_section():
    seed = mp.brief("2008-09-07", measures="cinc")
    data = seed.section("alignment").data
    assert data["year"] == 2007 and data["session"] == 62
    blocs = {r["bloc"]: r for r in data["blocs"]}
    assert {"NATO", "SCO", "SCO+observers", "EU"} <= set(blocs)
    assert blocs["SCO+observers"]["members_n"] == blocs["SCO"]["members_n"] + 4
    assert "latest UN General Assembly year" in seed.section("alignment").lines[0]
    early = mp.brief("1930-01-01", measures="cinc").section("alignment")
    assert early.data == [] and "begin in 1946" in early.lines[0]


def raw_mean_agreement(year: int, labels: list[str] | None) -> float:
    """The mean over pairs of data labels (all voters if None) of their share of identical votes in
    a session, straight from the raw tables: an independent check of the cohesion figures."""
    from itertools import combinations

    from multipolar.data import store

    calls = store.frame("un_roll_calls", columns=["rcid", "session"])
    votes = store.frame("un_votes").merge(calls[calls["session"] == year - 1945], on="rcid")
    votes = votes.assign(label=votes["country_code"].fillna(votes["country"]), vote=votes["vote"].astype(str))
    table = votes.pivot_table(index="label", columns="rcid", values="vote", aggfunc="first")
    labels = labels or list(table.index)
    shares = []
    for a, b in combinations(labels, 2):
        both = table.loc[a].notna() & table.loc[b].notna()
        if both.any():
            shares.append(float((table.loc[a, both] == table.loc[b, both]).mean()))
    return sum(shares) / len(shares)


def test_seed_blocs_in_2008_match_a_recomputation_from_the_raw_votes():
    rows = mp.cohesion(["SCO", "BRIC=BRA,RUS,IND,CHN", "CSTO"], year=2008).rows.set_index("bloc")
    labels = {  # the data's codes of the members in 2008
        "SCO": ["CN", "KZ", "KG", "RU", "TJ", "UZ"],
        "BRIC": ["BR", "RU", "IN", "CN"],
        "CSTO": ["AM", "BY", "KZ", "KG", "RU", "TJ", "UZ"],
    }
    for bloc, codes in labels.items():
        assert rows.loc[bloc, "agree"] == pytest.approx(raw_mean_agreement(2008, codes), abs=1e-5), bloc
    assert rows["assembly_agree"].iloc[0] == pytest.approx(raw_mean_agreement(2008, None), abs=1e-5)


def test_members_without_votes_are_said_once_over_the_years():
    notes = mp.cohesion(["NATO"], start=1956, end=1975).notes
    assert "NATO 1956-1972: no UN votes from DEU; left out of its mean." in notes, notes
    assert not any(n.startswith("NATO 1960:") for n in notes)


def test_a_bloc_of_one_state_is_na_with_a_reason():
    answer = mp.cohesion(["USA", "NATO"], year=2008)
    assert np.isnan(answer.rows.set_index("bloc").loc["USA", "agree"])
    assert "USA has one member: cohesion needs a pair, so it is NA." in answer.notes
