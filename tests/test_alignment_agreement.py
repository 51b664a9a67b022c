"""UN voting agreement: small hand-computed cases, the seat mapping for every code in the data,
and real dyad-years recomputed independently from the raw votes."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

import multipolar as mp
from multipolar.alignment import dyads as ag
from multipolar.alignment import votes as un
from multipolar.data import store
from multipolar.errors import InputError, UnknownNameError


def votes_frame(rows):
    return pd.DataFrame(rows, columns=["year", "rcid", "cow", "vote"])


def test_hand_computed_counts():
    # three roll calls; state 2 votes yes, yes, no; state 20 yes, abstain, yes; state 200 only the
    # first two (no, abstain). Pairs by hand:
    #   2-20: shared 3; identical 1 (yes-yes); distance 0 + 1 + 2 = 3 -> S = 1 - 3/3 = 0
    #   2-200: shared 2; identical 0; distance 2 + 1 = 3 -> S = 1 - 3/2 = -0.5
    #   20-200: shared 2; identical 1 (abstain-abstain); distance 2 + 0 -> S = 0
    rows = [
        (2000, 1, 2, 1), (2000, 2, 2, 1), (2000, 3, 2, 3),
        (2000, 1, 20, 1), (2000, 2, 20, 2), (2000, 3, 20, 1),
        (2000, 1, 200, 3), (2000, 2, 200, 2),
    ]  # fmt: skip
    table = ag.scores(ag.pair_table(votes_frame(rows))).set_index(["cow1", "cow2"])
    assert table.loc[(2, 20), ["n_votes", "same", "distance"]].tolist() == [3, 1, 3]
    assert table.loc[(2, 20), "agree"] == pytest.approx(1 / 3)
    assert table.loc[(2, 20), "s_score"] == pytest.approx(0.0)
    assert table.loc[(2, 20), "agree_half"] == pytest.approx(0.5)
    assert table.loc[(2, 200), "n_votes"] == 2
    assert table.loc[(2, 200), "agree"] == 0
    assert table.loc[(2, 200), "s_score"] == pytest.approx(-0.5)
    assert table.loc[(20, 200), "agree"] == pytest.approx(0.5)
    assert table.loc[(20, 200), "s_score"] == pytest.approx(0.0)


def test_perfect_agreement_and_opposition():
    rows = [(1990, r, 2, 1) for r in range(4)] + [(1990, r, 20, 1) for r in range(4)]
    rows += [(1990, r, 200, 3) for r in range(4)]
    table = ag.scores(ag.pair_table(votes_frame(rows))).set_index(["cow1", "cow2"])
    assert table.loc[(2, 20), ["agree", "s_score", "agree_half"]].tolist() == [1.0, 1.0, 1.0]
    assert table.loc[(2, 200), ["agree", "s_score", "agree_half"]].tolist() == [0.0, -1.0, 0.0]


def test_every_label_in_the_votes_is_read_or_explained():
    seats = un.seats()
    unread = seats[seats["how"].str.startswith("unread")]
    assert unread.empty, unread.to_string()
    left_out = seats[seats["cow"].isna()]
    assert set(left_out["un_code"]) == {"BY", "UA", "IN", "PH"}  # the curated non-states only
    assert all(left_out["how"].str.startswith("not a state"))
    # every label of the raw data appears in the mapping
    raw = store.frame("un_votes", columns=["country", "country_code"]).drop_duplicates()
    assert set(raw["country"]) == set(seats["un_name"])


@pytest.mark.parametrize(
    ("code", "name", "day", "cow"),
    [
        ("RU", "Russia", "1960-10-01", 365),  # the Soviet seat, labelled RU
        ("RU", "Russia", "2008-12-01", 365),
        ("DD", "German Democratic Republic", "1980-12-01", 265),
        (None, "Federal Republic of Germany", "1980-12-01", 260),
        ("DE", "Germany", "1995-12-01", 255),
        ("TW", "Taiwan", "1947-11-01", 710),  # the Republic of China in China's seat
        ("TW", "Taiwan", "1960-12-01", 713),
        ("CN", "China", "1980-12-01", 710),
        ("CS", "Czechoslovakia", "1980-12-01", 315),
        ("YU", "Yugoslavia", "1980-12-01", 345),
        ("YU", "Yugoslavia", "2010-12-01", 345),  # Serbia, under the old label
        ("YD", "Yemen People's Republic", "1980-12-01", 680),
        (None, "Yemen Arab Republic", "1980-12-01", 678),
        (None, "Yemen Arab Republic", "1990-12-06", 679),  # united Yemen under the old label
        (None, "Zanzibar", "1963-12-03", 511),  # recorded days before COW admits it
        ("VN", "Vietnam", "1990-12-01", 816),
    ],
)
def test_seats_read_as_of_the_vote_day(code, name, day, cow):
    assert un._read_seat(code, name, dt.date.fromisoformat(day))[0] == cow


def test_seat_rules_take_their_days_from_the_registry():
    # the seat file names labels and seats only; days and COW codes are the UN spells'
    assert {"from", "to", "state"}.isdisjoint(pd.read_csv(un.SEATS_FILE).columns)
    china = un.held_seats(("CHN", "TWN"))
    assert [(iso3, cow, str(start)) for iso3, cow, start, _ in china] == [
        ("CHN", 710, "1945-10-24"),
        ("TWN", 713, "1949-12-08"),
    ]  # not the People's Republic's spell under CHN from 1971-10-25
    assert china[0][3] == dt.date(1949, 12, 7) and china[1][3] == dt.date(1971, 10, 24)
    # after the Republic of China lost the seat, a TW vote would be Taiwan's, not China's
    assert un._read_seat("TW", "Taiwan", dt.date(1975, 12, 1))[0] == 713
    soviet, russian = un.held_seats(("SUN", "RUS"))
    assert soviet[3] + dt.timedelta(days=1) == russian[2] == dt.date(1991, 12, 24)
    # the Federal Republic of Yugoslavia took no part in the Assembly from 1992-09-22 to 2000-10-31
    assert [str(s[2]) for s in un.held_seats(("YUG", "SCG", "SRB"))] == [
        "1945-10-24",
        "2000-11-01",
        "2003-02-04",
        "2006-06-05",
    ]


def test_soviet_republics_are_left_out_with_a_reason():
    found, how = un._read_seat("UA", "Ukraine", dt.date(1970, 12, 1))
    assert found is None and "Ukrainian SSR" in how
    assert un._read_seat("UA", "Ukraine", dt.date(1995, 12, 1))[0] == 369
    notes = un.unmapped_notes(1970, 1970)
    assert any("Ukraine (UA)" in n and "left out" in n for n in notes)


def raw_dyad_year(code_a: str, code_b: str, year: int) -> tuple[int, float, float]:
    """n, agree and S for two data labels in one session, straight from the raw tables."""
    votes = store.frame("un_votes")
    calls = store.frame("un_roll_calls", columns=["rcid", "session"])
    votes = votes.merge(calls, on="rcid")
    votes = votes[votes["session"] == year - 1945]
    a = votes[votes["country_code"] == code_a].set_index("rcid")["vote"].astype(str)
    b = votes[votes["country_code"] == code_b].set_index("rcid")["vote"].astype(str)
    both = pd.concat([a.rename("a"), b.rename("b")], axis=1, join="inner")
    position = {"yes": 1.0, "abstain": 0.5, "no": 0.0}
    distance = (both["a"].map(position) - both["b"].map(position)).abs()
    return len(both), float((both["a"] == both["b"]).mean()), float(1 - 2 * distance.mean())


@pytest.mark.parametrize(
    ("a", "b", "code_a", "code_b", "year"),
    [
        ("USA", "ISR", "US", "IL", 2008),
        ("IND", "USA", "IN", "US", 1985),
        ("USA", "RUS", "US", "RU", 1970),  # the Soviet Union
        ("FRA", "GBR", "FR", "GB", 1960),
        ("CHN", "RUS", "CN", "RU", 2019),
        ("USA", "ISR", "US", "IL", 2019),
        ("USA", "RUS", "US", "RU", 1985),  # the Soviet Union's seat
        ("USA", "RUS", "US", "RU", 2015),
        ("IND", "USA", "IN", "US", 1971),
        ("CHN", "RUS", "CN", "RU", 2008),
    ],
)
def test_real_dyad_years_match_a_recomputation_from_the_raw_votes(a, b, code_a, code_b, year):
    n, agree, s = raw_dyad_year(code_a, code_b, year)
    row = mp.agreement(a, b, year, year).rows.iloc[0]
    assert row["n_votes"] == n > 0
    assert row["agree"] == pytest.approx(agree)
    assert row["s_score"] == pytest.approx(s)
    assert row["agree_half"] == pytest.approx((s + 1) / 2)


def test_years_outside_the_votes_are_na_with_a_note():
    answer = mp.agreement("USA", "ISR", 2018, 2021)
    rows = answer.rows.set_index("year")
    assert rows.loc[2018, "n_votes"] > 0
    assert rows.loc[[2020, 2021], ["agree", "s_score"]].isna().all().all()
    assert rows.loc[[2020, 2021], "n_votes"].isna().all()  # NA, never 0
    assert any("1946-2019" in n and "NA" in n for n in answer.notes)
    assert answer.to_dict()["years"][-1]["agree"] is None


def test_window_pools_the_years_counts():
    answer = mp.agreement("IND", "USA", 2005, 2008)
    rows = answer.rows
    n = rows["n_votes"].sum()
    window = answer.extra["window"]
    assert window["n_votes"] == n
    assert window["agree"] == pytest.approx((rows["agree"] * rows["n_votes"]).sum() / n)


def test_issue_keeps_its_roll_calls_only():
    everything = mp.agreement("USA", "ISR", 2008, 2008).rows.iloc[0]
    middle_east = mp.agreement("USA", "ISR", 2008, 2008, issue="Middle East").rows.iloc[0]
    assert 0 < middle_east["n_votes"] < everything["n_votes"]
    assert (
        mp.agreement("USA", "ISR", 2008, 2008, issue="me").rows.iloc[0]["n_votes"] == middle_east["n_votes"]
    )


def test_partners_ranked_and_the_soviet_seat_read_through_cow():
    ranked = mp.agreement("USA", start=2019, end=2019).rows
    assert ranked.iloc[0]["iso3"] == "ISR"
    assert ranked["agree_half"].is_monotonic_decreasing
    soviet = mp.agreement("RUS", "USA", 1960, 1960)
    assert soviet.rows.iloc[0]["n_votes"] > 0
    assert any("Soviet Union" in n for n in soviet.notes)


def test_alignment_long_form():
    answer = mp.alignment("IND", "USA,RUS,CHN", 2017, 2019)
    assert len(answer) == 9
    assert set(answer.rows["partner"]) == {"USA", "RUS", "CHN"}
    window = answer.extra["window"]
    assert window["CHN"]["agree"] > window["RUS"]["agree"] > window["USA"]["agree"]


def test_bad_input():
    with pytest.raises(UnknownNameError):
        mp.agreement("Atlantis", "USA", 2000, 2001)
    with pytest.raises(UnknownNameError, match="issue"):
        mp.agreement("USA", "ISR", 2000, 2001, issue="fishing")
    with pytest.raises(InputError, match="backwards"):
        mp.agreement("USA", "ISR", 2001, 2000)
    with pytest.raises(InputError, match="--with"):
        mp.alignment("IND", "")


def test_cli(run_cli):
    code, out, _ = run_cli("agreement", "IND", "USA", "--from", "2008", "--to", "2008", "--json")
    assert code == 0 and '"n_votes": 96' in out
    code, _, err = run_cli("agreement", "IND", "Atlantis")
    assert code == 2 and "Atlantis" in err and "Traceback" not in err
    code, out, _ = run_cli("alignment", "IND", "--with", "USA,CHN", "--from", "2019", "--to", "2019")
    assert code == 0 and "CHN" in out


def test_ideal_points_by_hand():
    from multipolar.alignment import ideal

    # three states on a line: 2 and 20 vote alike, 200 opposite: distances 0, 1, 1
    states = np.array([2, 20, 200])
    distance = np.array([[0.0, 0.0, 1.0], [0.0, 0.0, 1.0], [1.0, 1.0, 0.0]])
    found = ideal.scale(states, distance, np.array([20, 20, 20]), dims=1)
    points = found["points"][:, 0]
    assert points[0] > 0 and points[0] == pytest.approx(points[1])  # the US side positive
    assert points[0] - points[2] == pytest.approx(1.0)
    assert found["fit"] == pytest.approx(1.0)
    # a state with too few votes is left out
    assert list(ideal.scale(states, distance, np.array([20, 20, 3]), dims=1)["states"]) == [2, 20]


def test_ideal_points_2008_order_and_fit():
    answer = mp.ideal_points(2008)
    points = answer.rows.set_index("iso3")["dim1"]
    assert points["USA"] == points.max()
    assert points["USA"] > points["ISR"] > points["GBR"] > points["RUS"] > points["IRN"]
    assert points["GBR"] > 0 > points["CHN"]
    assert answer.extra["years"][0]["fit"] > 0.9
    assert mp.ideal_points(start=2019, end=2020).rows["year"].max() == 2019
    with pytest.raises(InputError):
        mp.ideal_points(2008, dims=3)


def test_every_voter_was_a_un_member_that_day_per_the_registry():
    """An independent check of the seat mapping: the registry's curated UN memberships (every
    admission, the Soviet and Chinese seats) hold every state read as voting, on the roll call's
    day or within the 60 days a first session's roll call may be dated before the admission."""
    from multipolar.orgs import registry

    cast = un.votes().merge(un.roll_calls()[["rcid", "date"]], on="rcid")[["cow", "date"]].drop_duplicates()
    spells = registry.spells()
    spells = spells[(spells["org"] == "UN") & (spells["status"] == "member")][["cow", "start", "end"]]
    spells = spells.assign(cow=spells["cow"].astype(int), end=spells["end"].fillna(dt.date.max))
    slack = un.ADMISSION_SLACK
    both = cast.merge(spells, on="cow", how="left")
    inside = (both["start"] - slack <= both["date"]) & (both["date"] <= both["end"])
    member = inside.groupby([both["cow"], both["date"]]).any()
    assert len(member) == len(cast) > 100_000
    assert member.all(), member[~member].head().to_string()


def test_an_open_range_after_the_votes_is_na_not_an_error():
    answer = mp.agreement("USA", "RUS", start=2020)
    assert list(answer.rows["year"]) == [2020] and answer.rows["agree"].isna().all()
    assert any("1946-2019" in n for n in answer.notes)


def test_the_note_names_every_year_asked_outside_the_votes():
    answer = mp.agreement("USA", "RUS", 1940, 1947)
    assert any("(1940-1945) are NA" in n for n in answer.notes), answer.notes
    assert answer.rows.set_index("year").loc[1940:1945, "n_votes"].isna().all()


def test_a_year_of_one_roll_call_is_said():
    answer = mp.agreement("USA", "FRA", 1963, 1965)
    assert any("1964 (session 19) recorded only 1 roll call" in n for n in answer.notes), answer.notes


def test_a_state_against_itself_is_refused():
    with pytest.raises(InputError, match="same state"):
        mp.agreement("USA", "United States", 2000, 2001)
    with pytest.raises(InputError, match="same state"):
        mp.agreement("RUS", "SUN", 1990, 1991)  # COW 365 either way
    with pytest.raises(InputError, match="same state"):
        mp.alignment("IND", "USA,IND", 2018, 2019)


def test_ideal_points_name_left_out_states_in_one_note_a_year():
    notes = mp.ideal_points(start=1991, end=1993).notes
    left = [n for n in notes if n.startswith("Left out in")]
    assert len(left) == 3, left
    assert "Left out in 1993 for fewer than 10 votes: ERI, KNA, VUT, ZAF." in left
    one_call = mp.ideal_points(1964)
    assert len(one_call) == 0
    assert "No ideal points in 1964: a state needs 10 votes to be placed." in one_call.notes
    assert not any(n.startswith("Left out in") for n in one_call.notes)
