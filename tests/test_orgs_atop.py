"""ATOP 5.1 as of a day: in-force logic at phase boundaries, exits, unknown days and coverage."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from multipolar.errors import InputError
from multipolar.orgs import atop
from multipolar.orgs.queries import alliance, alliances, commitments, memberships

NATO, WARSAW_PACT = 3180, 3285
USA, UKG, GRC, TUR, GDR, ALB, USSR, POL, EST = 2, 200, 350, 640, 265, 339, 365, 290, 366


def members_on(atopid: int, day: str) -> dict[int, int]:
    """COW code -> ATOP phase of each member of ``atopid`` in force on ``day``."""
    rows = atop.in_force(dt.date.fromisoformat(day))
    rows = rows[rows["atopid"] == atopid]
    assert rows["cow"].is_unique
    return dict(zip(rows["cow"], rows["phase"], strict=True))


def test_nato_phase_boundary_belongs_to_the_new_phase():
    assert members_on(NATO, "1949-04-03") == {}
    assert members_on(NATO, "1949-04-04")[USA] == 1  # ATOP dates NATO from signature
    assert members_on(NATO, "1951-06-18")[USA] == 1
    assert members_on(NATO, "1951-06-19")[USA] == 2  # one row, not one per phase
    assert len(members_on(NATO, "1951-06-19")) == 12


def test_nato_accession_of_greece_and_turkey():
    assert not {GRC, TUR} & set(members_on(NATO, "1951-10-21"))
    assert {GRC, TUR} <= set(members_on(NATO, "1951-10-22"))


def test_warsaw_pact_exits_and_dissolution():
    # exit dates are the last day in force
    assert ALB in members_on(WARSAW_PACT, "1968-09-12")
    assert ALB not in members_on(WARSAW_PACT, "1968-09-13")
    assert GDR in members_on(WARSAW_PACT, "1990-10-03")
    assert GDR not in members_on(WARSAW_PACT, "1990-10-04")
    assert len(members_on(WARSAW_PACT, "1991-07-01")) == 6
    assert members_on(WARSAW_PACT, "1991-07-02") == {}


def test_unknown_days_count_the_whole_month_and_say_so():
    # ATOP 1115: entry in June 1844, day not given
    assert set(members_on(1115, "1844-06-01")) == {200, 365}
    assert members_on(1115, "1844-05-31") == {}
    notes = atop.uncertain_day_notes(atop.in_force(dt.date(1844, 6, 20)), dt.date(1844, 6, 20))
    assert (
        "ATOP gives only the month (1844-06) of the entry into alliance 1115 of COW 200, COW 365; "
        in notes[0]
    )
    # ATOP 1035: exit in December 1822, day not given
    assert set(members_on(1035, "1822-12-31")) == {200, 255, 300, 365}
    assert members_on(1035, "1823-01-01") == {}
    answer = alliances("1822-12-15")
    # states by name in sentences, never by COW letters
    assert (
        "(1822-12) of the exit from alliance 1035 of United Kingdom, Prussia, Austria-Hungary, Russia;"
        in (answer.notes[0])
    )
    in_force = answer.rows.set_index("atopid")
    assert in_force.loc[1035, "members"] == ["GBR", "DEU", "Austria-Hungary", "RUS"]  # ISO3, else the name
    assert len(answer.notes) == 2  # one for the alliance (not one per member), one on names


def test_since_spans_phases():
    usa = atop.in_force(dt.date(2000, 1, 1))
    usa = usa[(usa["atopid"] == NATO) & (usa["cow"] == USA)].iloc[0]
    assert (usa["phase"], str(usa["since"])) == (2, "1949-04-04")


def test_after_coverage_no_rows_and_a_note():
    assert len(alliances("2018-12-31")) > 300
    late = alliances("2019-01-01")
    assert late.rows.empty
    assert late.notes == [atop.coverage_note(dt.date(2019, 1, 1))]
    assert "ATOP 5.1 coverage ends 2018-12-31" in late.notes[0]
    assert alliances("1815-01-01").params["date"] == "1815-01-01"  # ATOP's first day is answered


@pytest.mark.parametrize("day", ["1814-06-01", "1700-01-01"])
def test_a_day_before_atop_is_one_line_with_the_fix(run_cli, day):
    """Before ATOP's coverage (and the state system's 1816) is an error, as states and members
    refuse impossible dates, never an empty table with a note."""
    from multipolar.errors import CoverageError

    for ask in (lambda: alliances(day), lambda: alliance(NATO, day), lambda: commitments("France", day)):
        with pytest.raises(CoverageError, match=f"No alliance data for {day}: ATOP 5.1 covers 1815-01-01"):
            ask()
    for args in (["alliances", "--date", day], ["alliance", str(NATO), "--date", day]):
        code, out, err = run_cli(*args)
        assert code != 0 and out == "" and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
        assert "Give a date from 1815-01-01 on." in " ".join(err.split())


def test_alliances_labels_members_and_obligations():
    rows = alliances("2008-09-07").rows.set_index("atopid")
    nato = rows.loc[NATO]
    assert nato["name"] == "North Atlantic Treaty Organization"
    # ATOP dates accessions from signature: Albania and Croatia signed on 2008-07-09
    assert len(nato["cows"]) == 28 and ALB in nato["cows"]
    assert "USA" in nato["members"] and "ALB" in nato["members"]
    assert (nato["defense"], nato["offense"], nato["consul"]) == (True, False, True)
    assert nato["conditional"] == ["defense"]
    assert str(nato["start"]) == "1949-04-04"
    assert rows.loc[4265, "name"] == ""  # a US-Russia treaty no curated organisation codes


def test_alliances_obligation_filter_and_spellings():
    defence = alliances("2008-09-07", "defence")
    assert defence.params["obligation"] == "defense"
    assert defence.rows["defense"].all()
    assert len(defence) < len(alliances("2008-09-07"))
    with pytest.raises(InputError, match="defense, offense, neutral, nonagg, consul"):
        alliances("2008-09-07", "friendship")


def test_memberships_cover_organisations_and_alliances():
    answer = memberships("Russia", "2008-09-07")
    rows = answer.rows.set_index("id")
    assert rows.loc["SCO", "kind"] == "organisation" and str(rows.loc["SCO", "since"]) == "2001-06-15"
    assert pd.isna(rows.loc["SCO", "defense"])  # the curated data codes no obligations
    assert rows.loc["4220", "name"] == "Collective Security Treaty Organization"
    assert bool(rows.loc["4220", "defense"]) is True
    assert "3180" not in rows.index
    assert answer.params["cow"] == USSR and answer.params["iso3"] == "RUS"


def test_memberships_after_atop_keep_organisations_and_say_why_no_alliances():
    answer = memberships("Russia", "2024-01-01")
    assert set(answer.rows["kind"]) == {"organisation"}
    assert "CSTO" in set(answer.rows["id"])
    assert any("coverage ends 2018-12-31" in n for n in answer.notes)


def test_commitments_to_estonia():
    answer = commitments("Estonia", "2008-09-07", obligation="defense")
    rows = answer.rows
    usa = rows[(rows["cow"] == USA) & (rows["atopid"] == NATO)].iloc[0]
    assert usa["alliance"] == "North Atlantic Treaty Organization"
    assert str(usa["since"]) == "2003-03-26"  # Estonia's ATOP entry (signature of its protocol)
    assert EST not in set(rows["cow"])
    assert rows["defense"].all()


def test_commitments_from_the_ussr_to_poland():
    rows = commitments("Poland", "1960-01-01").rows
    ussr = rows[(rows["cow"] == USSR) & (rows["atopid"] == WARSAW_PACT)].iloc[0]
    assert bool(ussr["defense"]) and str(ussr["since"]) == "1955-05-14"
    assert POL not in set(rows["cow"])


def test_commitments_outside_coverage():
    answer = commitments("Estonia", "2022-03-01")
    assert answer.rows.empty and "coverage ends 2018-12-31" in answer.notes[0]


def test_alliances_among():
    found = atop.alliances_among([USA, UKG, USSR], "2008-09-07").set_index("atopid")
    assert NATO in found.index and 4265 in found.index
    assert {USA, UKG} <= set(found.loc[NATO, "members"]) and USSR not in found.loc[NATO, "members"]
    assert list(found.columns) == ["members", "defense", "offense", "neutral", "nonagg", "consul"]
    assert atop.alliances_among([USA], "2008-09-07").empty
    assert atop.alliances_among([USA, UKG], "2020-01-01").empty


def test_memberships_match_cow_where_iso_history_differs_and_keep_identity_notes():
    # on 1991-12-10 'Russia' is still the Soviet Union (SUN); the CIS row is coded RUS, COW 365
    answer = memberships("Russia", "1991-12-10")
    assert answer.params["iso3"] == "SUN"
    assert "CIS" in set(answer.rows["id"])
    germany = memberships("Germany", "1980-01-01")
    assert germany.params["cow"] == 260 and "West Germany" in germany.notes[0]
    assert {"EEC", "NATO", "3180"} <= set(germany.rows["id"])


def test_parallel_phases_give_one_row_and_an_unbroken_since():
    # ATOP 3424 (Czechoslovakia-Cambodia) continues from 1993-01-01 as two parallel phases,
    # one with the Czech Republic and one with Slovakia; Cambodia is in both
    rows = atop.in_force(dt.date(2000, 1, 1))
    rows = rows[rows["atopid"] == 3424].set_index("cow")
    assert sorted(rows.index) == [316, 317, 811]
    assert str(rows.loc[811, "since"]) == "1960-11-27"
    assert (rows.loc[811, "nonagg"], rows.loc[811, "defense"]) == (True, False)
    # Czechoslovakia's last day in the alliance is 1992-12-31
    assert 315 in members_on(3424, "1992-12-31") and 315 not in members_on(3424, "1993-01-01")


def test_one_alliance_phase_by_phase():
    answer = alliance(WARSAW_PACT)
    rows = answer.rows.set_index("cow")
    assert answer.extra["name"] == "Warsaw Treaty Organization"
    assert (str(answer.extra["start"]), str(answer.extra["end"])) == ("1955-05-14", "1991-07-01")
    assert (str(rows.loc[ALB, "start"]), str(rows.loc[ALB, "end"])) == ("1955-05-14", "1968-09-12")
    assert rows.loc[GDR, "name"] == "German Democratic Republic"
    nato = alliance("atop:3180").rows
    usa = nato[nato["cow"] == USA]
    assert list(usa["phase"]) == [1, 2] and pd.isna(usa["end"].iloc[1])
    germany = nato[nato["cow"] == 260].iloc[0]
    assert (germany["name"], str(germany["start"]), str(germany["end"])) == (
        "German Federal Republic",
        "1954-10-23",
        "1990-10-03",
    )
    assert "in force on 2018-12-31" in alliance(NATO).notes[-1]


def test_one_alliance_on_a_day():
    answer = alliance(NATO, "2008-09-07")
    assert len(answer) == 28 and answer.params == {"atopid": NATO, "date": "2008-09-07"}
    # names come from the day the member's row begins: Prussia in 1815, not modern Germany
    assert alliance(1035).rows.set_index("cow").loc[255, "name"] == "Prussia"
    assert alliance(NATO, "2020-01-01").rows.empty


def test_unknown_alliance_id():
    with pytest.raises(InputError, match="No ATOP 5.1 alliance '99'"):
        alliance("99")
    with pytest.raises(InputError, match="Give an ATOP id"):
        alliance("NATO")


@pytest.mark.parametrize("day", ["1914-06-28", "1962-10-22", "1993-01-01", "2008-09-07", "2018-12-31"])
def test_in_force_records_among_states_keep_the_alliances_holding_two_of_them(day):
    day = dt.date.fromisoformat(day)
    rows = atop.in_force(day)
    assert atop.in_force_records(day) == rows.to_dict("records")
    among = {2, 200, 220, 365, 710, 740}
    kept = atop.in_force_records(day, among)
    counts = rows[rows["cow"].isin(among)].groupby("atopid")["cow"].nunique()
    expected = set(counts[counts >= 2].index)
    assert {r["atopid"] for r in kept} == expected
    # every member of a kept alliance is there, not only those asked about
    assert len(kept) == rows["atopid"].isin(expected).sum()
    summaries = atop.alliance_summaries(day, among)
    assert [s["atopid"] for s in summaries] == sorted(expected)
    assert all(len(set(s["members"]) & among) >= 2 for s in summaries)


def test_in_force_records_outside_coverage_are_empty():
    assert atop.in_force_records(dt.date(2019, 1, 1), {2, 200}) == []


def test_a_membership_matched_through_a_shared_cow_code_says_whose_it_is():
    notes = memberships("Russia", "1991-12-10").notes  # the Soviet Union's last weeks: COW 365
    assert any(n.startswith("CIS: the member is Russia (RUS), matched by its COW code 365") for n in notes)
    assert not any("matched by its COW code" in n for n in memberships("Russia", "1992-06-01").notes)


@pytest.mark.parametrize("day", ["1914-06-28", "1949-04-04", "1993-01-01", "2004-03-29", "2018-12-31"])
def test_alliances_are_the_same_across_a_stretch_without_atop_changes(day):
    day = dt.date.fromisoformat(day)
    first = atop.unchanged_since(day)
    assert first <= day
    middle = first + (day - first) / 2
    assert atop._in_force_index(first).tolist() == atop._in_force_index(middle).tolist()
    assert atop._in_force_index(first).tolist() == atop._in_force_index(day).tolist()
    spells = atop.member_spells()  # the stretch begins where a spell begins or ends
    ended = {e + dt.timedelta(days=1) for e in spells["end"] if e is not None}
    assert first in set(spells["start"]) | ended | {atop.FIRST_DAY}
    assert atop.alliance_summaries(day, {2, 200}) == atop.alliance_summaries(first, {2, 200})


def test_alliances_among_states_are_the_same_all_through_their_stretch():
    # unchanged_among_since lets the article reader weigh an organisation's alliances once per
    # stretch in which the alliances holding two of its members do not change
    import random

    nato_1999 = frozenset({2, 20, 200, 210, 211, 212, 220, 230, 235, 255, 290, 316, 310, 325, 350, 385, 390})
    sco_2004 = frozenset({365, 710, 703, 702, 704, 705})
    rng = random.Random(3)
    for among in (nato_1999, sco_2004):
        for _ in range(40):
            day = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(24000))
            start = atop.unchanged_among_since(day, among)
            assert start <= day
            assert atop.alliance_summaries(start, among) == atop.alliance_summaries(day, among), (among, day)
    # the stretches are longer than ATOP's own, which end whenever any alliance changes
    day = dt.date(2003, 6, 1)
    assert atop.unchanged_among_since(day, sco_2004) < atop.unchanged_since(day)
