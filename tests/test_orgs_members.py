"""members(): every accession, exit and status change in the curated data, checked on both sides.

The cases are generated from memberships.csv itself: for each spell, the day before and the day
of its start, and the last day and the day after its end.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import pandas as pd
import pytest

from multipolar.errors import CoverageError, InputError, UnknownNameError
from multipolar.orgs import registry
from multipolar.orgs.queries import history, member_records, members, orgs

ONE_DAY = dt.timedelta(days=1)


@cache
def statuses_on(org: str, day: dt.date) -> dict[str, tuple[str, dt.date]]:
    """iso3 -> (status, since) in ``org`` on ``day``, as members(status='all') answers it; through
    member_records, which members' rows come from, since some terms end after today (UNSC seats)
    and members refuses future days."""
    rows = member_records(registry.organisation(org).id, day, "all")[0]
    iso3s = [r["iso3"] for r in rows]
    assert len(set(iso3s)) == len(iso3s), f"{org} on {day}: a state listed twice"
    return {r["iso3"]: (r["status"], r["since"]) for r in rows}


@pytest.mark.parametrize("org", list(registry.organisations()))
def test_every_spell_boundary(org):
    spells = registry.spells()
    spells = spells[spells["org"] == org]
    assert not spells.empty
    for s in spells.itertuples():
        where = f"{org} {s.iso3} {s.status} {s.start}..{s.end}"
        assert statuses_on(org, s.start).get(s.iso3) == (s.status, s.since), f"{where}: first day"
        before = statuses_on(org, s.start - ONE_DAY).get(s.iso3)
        if s.since == s.start:  # not the continuation of a spell in the same status
            assert before is None or before[0] != s.status, f"{where}: day before start"
        if pd.isna(s.end):
            continue
        assert statuses_on(org, s.end).get(s.iso3) == (s.status, s.since), f"{where}: last day"
        after = statuses_on(org, s.end + ONE_DAY).get(s.iso3)
        assert after is None or after[0] != s.status or after[1] == s.since, f"{where}: day after end"


def test_sco_on_2008_09_07():
    answer = members("SCO", "2008-09-07")
    assert sorted(answer.rows["iso3"]) == ["CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"]
    china = answer.rows.set_index("iso3").loc["CHN"]
    assert (china["cow"], china["name"], str(china["since"])) == (710, "China", "2001-06-15")
    assert answer.params == {"org": "SCO", "date": "2008-09-07", "status": "member"}


def test_sco_observers_and_since_of_status():
    rows = members("sco", "2008-09-07", status="observer").rows.set_index("iso3")
    assert {k: str(v) for k, v in rows["since"].items()} == {
        "IND": "2005-07-05",
        "IRN": "2005-07-05",
        "MNG": "2004-06-17",
        "PAK": "2005-07-05",
    }
    # India became a member in 2017: since is the start of the member spell, not of the observer one
    india = members("SCO", "2018-01-01").rows.set_index("iso3").loc["IND"]
    assert str(india["since"]) == "2017-06-09"


def test_nato_on_2008_09_07_has_26_members():
    rows = members("NATO", "2008-09-07").rows
    assert len(rows) == 26
    assert {"USA", "TUR", "EST", "SVN"} <= set(rows["iso3"])
    assert not {"ALB", "HRV"} & set(rows["iso3"])  # joined 2009-04-01


def test_germany_keeps_its_since_across_the_cow_code_change():
    # West Germany (COW 260) continues as unified Germany (COW 255) in the same status
    germany = members("EEC", "1992-01-01").rows.set_index("iso3").loc["DEU"]
    assert (germany["cow"], str(germany["since"])) == (255, "1958-01-01")


def test_status_all_lists_every_status_members_first():
    rows = members("SCO", "2016-01-01", status="all").rows
    assert rows["status"].iloc[0] == "member"
    assert set(rows["status"]) == {"member", "accession", "observer", "dialogue_partner"}
    assert rows.set_index("iso3").loc["BLR", "status"] == "observer"
    assert rows.set_index("iso3").loc["IND", "status"] == "accession"  # the Ufa summit's procedure


def test_aliases_and_former_names_any_case():
    assert members("SHANGHAI FIVE", "2000-01-01").params["org"] == "SHANGHAI_FIVE"  # the SCO's predecessor
    for name in ["sco", "Shanghai Cooperation Organization", "shanghai  pact"]:
        assert members(name, "2008-09-07").params["org"] == "SCO"
    assert registry.organisation("otan").id == "NATO"
    assert registry.organisation("baghdad pact").id == "CENTO"
    assert registry.organisation("Warsaw Pact").id == "WARSAW_PACT"
    assert registry.organisation("warsaw_pact").id == "WARSAW_PACT"


def test_unknown_organisation_suggests_close_names():
    with pytest.raises(UnknownNameError, match="Did you mean: SCO"):
        members("SCOO", "2008-09-07")
    with pytest.raises(UnknownNameError, match="multipolar orgs"):
        registry.organisation("League of Nations")


def test_unknown_status_lists_the_valid_ones():
    with pytest.raises(InputError, match="observer.*all"):
        members("SCO", "2008-09-07", status="guest")


def test_before_founding_is_refused_and_after_dissolution_is_empty_with_a_note():
    with pytest.raises(CoverageError) as refused:
        members("SCO", "2000-01-01")
    assert str(refused.value) == (
        "Shanghai Cooperation Organisation (SCO) was founded on 2001-06-15; it did not exist on 2000-01-01. "
        "Its predecessor, Shanghai Five (SHANGHAI_FIVE), existed from 1996-04-26 to 2001-06-14: "
        "see `multipolar members SHANGHAI_FIVE --date 2000-01-01`."
    )
    with pytest.raises(CoverageError, match="Ask for a day from 1945-10-24 on"):
        members("UN", "1945-10-23")
    late = members("Warsaw Pact", "1991-07-02")
    assert late.rows.empty and "existed from 1955-05-14 to 1991-07-01" in late.notes[0]
    assert len(members("Warsaw Pact", "1991-07-01")) == 6  # its last day


def test_before_a_successor_existed_the_error_points_to_its_predecessor():
    with pytest.raises(CoverageError, match=r"Its predecessor, European Economic Community \(EEC\), existed"):
        members("European Union", "1990-01-01")
    oau = members("OAU", "2005-01-01")
    assert "Its successor, African Union (AU)" in oau.notes[1]
    assert len(members("G8", "2015-01-01").notes) == 1  # the G7 is no successor: founded in 1975


def test_founded_but_no_member_spell_yet_says_so():
    # NATO was founded at signature (1949-04-04); its members are dated from entry into force
    answer = members("NATO", "1949-05-01")
    assert answer.rows.empty and "No state had status 'member'" in answer.notes[0]
    assert answer.notes[1] == "The curated data dates the first such spell from 1949-08-24."


def test_orgs_catalogue():
    rows = orgs().rows.set_index("id")
    assert len(rows) == len(registry.organisations())
    assert rows.loc["NATO", "atop_ids"] == [3180]
    assert str(rows.loc["WARSAW_PACT", "dissolved"]) == "1991-07-01"
    assert (
        rows.loc["SHANGHAI_FIVE", "name"] == "Shanghai Five" and "Shanghai Pact" in rows.loc["SCO", "aliases"]
    )


def test_history_orders_joins_changes_and_exits():
    events = history("SCO").rows
    assert list(events["date"]) == sorted(events["date"])
    india = events[events["iso3"] == "IND"]
    assert list(zip(india["event"], india["status"], india["date"].astype(str), strict=True)) == [
        ("joined", "observer", "2005-07-05"),
        ("status changed", "accession", "2015-07-10"),
        ("status changed", "member", "2017-06-09"),
    ]
    assert india["previous_status"].iloc[1] == "observer"
    pact = history("Warsaw Pact").rows
    albania = pact[pact["iso3"] == "ALB"]
    # the exit is dated the first day outside: the withdrawal of 1968-09-13 took effect that day
    assert list(albania["event"]) == ["joined", "left"]
    assert str(albania["date"].iloc[1]) == "1968-09-13"
    assert albania["name"].iloc[1] == "Albania"
    # the others' spells end with the pact, on its last day; East Germany is named as on its last day
    ended = pact[pact["event"] == "dissolved"]
    assert len(ended) == 6 and set(ended["date"].astype(str)) == {"1991-07-02"}
    gdr = pact[pact["iso3"] == "DDR"].iloc[-1]
    assert (gdr["event"], str(gdr["date"]), gdr["name"]) == (
        "left",
        "1990-09-24",  # the protocol of withdrawal, effective on signature
        "German Democratic Republic",
    )


@pytest.mark.parametrize(
    ("org", "day", "status"),
    [("SCO", "2008-09-07", "all"), ("NATO", "1999-03-12", "member"), ("WARSAW_PACT", "2000-01-01", "member")],
)
def test_member_records_are_what_members_answers(org, day, status):
    from multipolar.answer import plain
    from multipolar.orgs.queries import member_records

    answer = members(org, day, status=status)
    rows, notes, sources = member_records(org, dt.date.fromisoformat(day), status)
    assert [{k: plain(v) for k, v in r.items()} for r in rows] == answer.records()
    assert (notes, sources) == (answer.notes, answer.sources)


def test_history_of_an_organisation_with_a_successor_says_succeeded_not_dissolved():
    events = history("EEC")
    ended = events.rows[events.rows["event"] == "succeeded"]
    assert len(ended) == 12 and set(ended["date"].astype(str)) == {"1993-11-01"}
    assert "dissolved" not in set(events.rows["event"])
    assert any("Its successor, European Union (EU)" in n for n in events.notes)


def test_exits_take_effect_on_the_day_the_rules_say():
    # Georgia's CIS withdrawal took effect on 2009-08-18: no member that day
    assert "GEO" in set(members("CIS", "2009-08-17").rows["iso3"])
    assert "GEO" not in set(members("CIS", "2009-08-18").rows["iso3"])
    # the OAS Charter ceased to be in force for Nicaragua two years after its notice: 2023-11-19
    assert "NIC" not in set(members("OAS", "2023-11-19").rows["iso3"])
    # the OAU Charter ceased to apply to Morocco a year after its notice of 1984-11-12
    assert "MAR" in set(members("OAU", "1985-11-11").rows["iso3"])
    assert "MAR" not in set(members("OAU", "1985-11-12").rows["iso3"])


def test_cis_members_are_the_charter_states_and_the_note_says_who_else_takes_part():
    answer = members("CIS", "2000-01-01")
    assert len(answer) == 10 and not {"UKR", "TKM"} & set(answer.rows["iso3"])
    assert "not as members: Turkmenistan (participating), Ukraine (participating)." in answer.notes[0]
    later = members("CIS", "2010-01-01", status="all").rows.set_index("iso3")["status"]
    assert (later["UKR"], later["TKM"]) == ("participating", "associate")
    assert "UKR" in set(members("CIS", "1993-06-01").rows["iso3"])  # before the Charter: the Agreement


def test_frozen_is_not_suspended_and_still_counts_as_a_member():
    csto = members("CSTO", "2024-06-01").rows.set_index("iso3")
    assert csto.loc["ARM", "status"] == "frozen" and len(csto) == 6
    assert members("CSTO", "2012-09-01", status="frozen").rows["iso3"].tolist() == ["UZB"]
    assert members("CSTO", "2013-01-01", status="suspended").rows["iso3"].tolist() == ["UZB"]


def test_brics_invitations_and_eu_candidates():
    invited = members("BRICS", "2023-10-01", status="invited").rows
    assert set(invited["iso3"]) == {"ARG", "EGY", "ETH", "IRN", "SAU", "ARE"}
    assert set(members("BRICS", "2024-06-01", status="invited").rows["iso3"]) == {"SAU"}
    assert "ARG" not in set(members("BRICS", "2023-12-22", status="all").rows["iso3"])
    assert "TUR" in set(members("EU", "1999-12-10", status="candidate").rows["iso3"])
    assert "TUR" not in set(members("EU", "1999-12-09", status="candidate").rows["iso3"])


def test_western_european_union_coal_and_steel_community_and_eurasian_customs_union():
    weu = members("WEU", "1990-03-27").rows
    assert len(weu) == 9 and {"ESP", "PRT"} <= set(weu["iso3"])
    assert len(members("WEU", "1990-03-26")) == 7
    # Greece's protocol of accession entered into force for it on 1995-03-06
    assert "GRC" not in set(members("WEU", "1995-03-05").rows["iso3"])
    in_2000 = members("WEU", "2000-01-01")
    assert len(in_2000) == 10 and in_2000.extra["size"] == 10 and in_2000.extra["known_by_year"] == []
    assert len(members("WEU", "2011-06-30")) == 10
    # associate members, observers and associate partners, dated or known by year
    associates = members("WEU", "2000-01-01", status="associate")
    assert set(associates.rows["iso3"]) == {"ISL", "NOR", "TUR"}
    assert set(associates.extra["known_by_year"]) == {"CZE", "HUN", "POL"}  # from March 1999
    observers = members("WEU", "2000-01-01", status="observer")
    assert set(observers.rows["iso3"]) == {"DNK", "IRL"}
    assert set(observers.extra["known_by_year"]) == {"AUT", "FIN", "SWE"}
    partners = members("WEU", "1994-05-09", status="associate_partner")
    assert set(partners.rows["iso3"]) == {"BGR", "EST", "LVA", "LTU", "ROU", "SVK"}
    assert len(members("WEU", "1994-05-08", status="associate_partner")) == 0
    assert len(members("WEU", "1992-11-19", status="associate")) == 0
    assert len(members("WEU", "2011-07-01")) == 0  # ceased on 2011-06-30
    with pytest.raises(CoverageError):
        members("WEU", "1955-05-05")
    ecsc = members("ECSC", "2002-07-23")
    assert len(ecsc) == 15 and "AUT" in set(ecsc.rows["iso3"])
    assert len(members("ECSC", "1952-07-23")) == 6 and len(members("ECSC", "1973-01-01")) == 9
    assert len(members("ECSC", "2002-07-24")) == 0  # the Treaty of Paris expired on 2002-07-23
    assert set(members("EACU", "2010-01-01").rows["iso3"]) == {"BLR", "KAZ", "RUS"}
    assert "ARM" not in set(members("EACU", "2015-01-01").rows["iso3"])
    assert len(members("EACU", "2015-08-12")) == 5


def test_brics_dates_itself_from_the_2006_ministerial_meeting():
    assert set(members("BRICS", "2006-09-20").rows["iso3"]) == {"BRA", "RUS", "IND", "CHN"}
    with pytest.raises(CoverageError):
        members("BRICS", "2006-09-19")
    assert "ZAF" not in set(members("BRICS", "2010-12-23").rows["iso3"])


def test_council_of_europe_observers_and_mercosur_associates():
    observers = members("COE", "2000-01-01", status="observer")
    assert set(observers.rows["iso3"]) == {"VAT", "USA", "CAN", "JPN", "MEX"}
    assert observers.extra["known_by_year"] == [] and observers.extra["size"] == 5
    assert "MEX" not in set(members("COE", "1999-11-30", status="observer").rows["iso3"])
    assert "JPN" not in set(members("COE", "1996-11-19", status="observer").rows["iso3"])
    associates = members("MERCOSUR", "2010-06-01", status="associate")
    assert len(associates) == 0 and associates.extra["size"] == 6  # all known by year
    assert set(associates.extra["known_by_year"]) == {"BOL", "CHL", "PER", "COL", "ECU", "VEN"}


def test_saarc_and_eurasec_observers():
    saarc = members("SAARC", "2010-01-01", status="observer")
    assert set(saarc.rows["iso3"]) == {"CHN", "JPN", "USA", "KOR"}  # dated; the EU is not a state
    assert set(saarc.extra["known_by_year"]) == {"IRN", "MUS", "AUS", "MMR"} and saarc.extra["size"] == 8
    assert set(members("SAARC", "2006-08-01", status="observer").rows["iso3"]) == {"CHN", "JPN"}
    eurasec = members("EURASEC", "2010-01-01", status="observer")
    assert set(eurasec.extra["known_by_year"]) == {"MDA", "UKR", "ARM"} and len(eurasec) == 0


def test_apec_says_its_members_are_economies_not_all_states():
    apec = members("APEC", "2024-01-01")
    assert len(apec) == 21 and {"HKG", "TWN"} <= set(apec.rows["iso3"])
    assert any("economies, not states" in n and "Chinese Taipei" in n for n in apec.notes)
    assert not any("economies" in n for n in members("NATO", "2024-01-01").notes)


def test_a_rio_treaty_denunciation_takes_effect_two_years_after_its_notice():
    # Mexico's notice of 2002-09-06: the treaty ceased to have effect for it on 2004-09-06 (Article 25)
    assert "MEX" in set(members("TIAR", "2004-09-05").rows["iso3"])
    assert "MEX" not in set(members("TIAR", "2004-09-06").rows["iso3"])


def test_ecowas_suspended_niger_only_from_december_2023_and_the_sahel_states_left_on_2025_01_29():
    on = members("ECOWAS", "2023-12-09", status="all").rows.set_index("iso3")["status"]
    assert on["NER"] == "member" and on["MLI"] == "suspended" and on["BFA"] == "suspended"
    assert (
        members("ECOWAS", "2023-12-10", status="all").rows.set_index("iso3")["status"]["NER"] == "suspended"
    )
    left = set(members("ECOWAS", "2025-01-29", status="all").rows["iso3"])
    assert not {"MLI", "BFA", "NER"} & left and "SEN" in left


def test_commonwealth_suspended_fiji_from_its_councils_in_2000_2001():
    status = {
        d: members("COMMONWEALTH", d, status="all").rows.set_index("iso3")["status"]["FJI"]
        for d in ("2000-06-05", "2000-06-06", "2001-12-19", "2001-12-20")
    }
    assert list(status.values()) == ["member", "suspended", "suspended", "member"]


def test_suspensions_observers_and_admissions_of_the_fifth_review():
    # ECOWAS suspended Mali on 2020-08-19 (statement the day after the coup) and lifted it on 2020-10-06
    def status(org, iso3, day):
        rows = members(org, day, status="all").rows
        return dict(zip(rows["iso3"], rows["status"], strict=True)).get(iso3)

    assert status("ECOWAS", "MLI", "2020-08-18") == "member"
    assert status("ECOWAS", "MLI", "2020-08-19") == "suspended"
    assert status("ECOWAS", "MLI", "2020-10-06") == "member"
    assert status("ECOWAS", "MLI", "2021-05-30") == "suspended"
    # the OIC suspended Syria at Mecca (2012-08-16) and reinstated it at Jeddah (2025-03-07)
    assert status("OIC", "SYR", "2013-01-01") == "suspended"
    assert "SYR" not in set(members("OIC", "2013-01-01").rows["iso3"])
    assert status("OIC", "SYR", "2025-03-07") == "member"
    # observer states dated: Thailand (1998-10-01) and Russia (2005-06-30)
    assert status("OIC", "THA", "1998-10-01") == "observer" and status("OIC", "THA", "1998-09-30") is None
    assert status("OIC", "RUS", "2005-06-30") == "observer" and status("OIC", "RUS", "2005-06-29") is None
    # the Arctic Council's observer states before Kiruna 2013
    arctic = members("ARCTIC", "2007-01-01", status="observer")
    assert set(arctic.rows["iso3"]) == {"DEU", "NLD", "POL", "GBR", "FRA", "ESP"}
    assert len(members("ARCTIC", "1998-09-17", status="observer")) == 0
    assert len(members("ARCTIC", "2013-05-15", status="observer")) == 12
    # Vanuatu (the New Hebrides) admitted to full membership at Tarawa before its independence
    assert status("PIF", "VUT", "1980-07-14") == "member" and status("PIF", "VUT", "1980-07-13") is None


def test_qatar_in_opec_and_guinea_back_in_ecowas():
    def status(org, iso3, day):
        rows = members(org, day, status="all").rows
        return dict(zip(rows["iso3"], rows["status"], strict=True)).get(iso3)

    assert status("OPEC", "QAT", "1961-01-14") is None and status("OPEC", "QAT", "1961-01-15") == "member"
    assert status("OPEC", "QAT", "2018-12-31") == "member" and status("OPEC", "QAT", "2019-01-01") is None
    assert status("ECOWAS", "GIN", "2026-01-27") == "suspended"
    assert status("ECOWAS", "GIN", "2026-01-28") == "member"
