"""The orgs commands as a user runs them: JSON shapes, tables, and one-line errors."""

from __future__ import annotations

import datetime as dt
import json


def test_members_sco_observers_json(run_cli):
    code, out, err = run_cli("members", "SCO", "--date", "2008-09-07", "--status", "observer", "--json")
    assert code == 0, err
    payload = json.loads(out)
    assert (payload["org"], payload["date"], payload["status"]) == ("SCO", "2008-09-07", "observer")
    assert payload["org_name"] == "Shanghai Cooperation Organisation"
    since = {m["iso3"]: m["since"] for m in payload["members"]}
    assert since == {"MNG": "2004-06-17", "IND": "2005-07-05", "PAK": "2005-07-05", "IRN": "2005-07-05"}
    india = next(m for m in payload["members"] if m["iso3"] == "IND")
    assert (india["cow"], india["name"], india["status"]) == (750, "India", "observer")
    assert {"dataset": "orgs/data/memberships.csv", "version": "multipolar curated"} in payload["sources"]


def test_members_counts(run_cli):
    for org, expected in [("NATO", 26), ("sco", 6), ("Shanghai Cooperation Organisation", 6)]:
        code, out, _ = run_cli("members", org, "--date", "2008-09-07", "--json")
        assert code == 0 and len(json.loads(out)["members"]) == expected


def test_members_table(run_cli):
    code, out, _ = run_cli("members", "warsaw pact", "--date", "1980-01-01")
    assert code == 0
    assert "WARSAW_PACT (member) on 1980-01-01: 7" in out and "Poland" in out


def test_members_before_founding_is_one_line_naming_the_predecessor(run_cli):
    code, out, err = run_cli("members", "EU", "--date", "1990-01-01", "--json")
    assert code == 2 and out == ""
    assert "European Union (EU) was founded on 1993-11-01; it did not exist on 1990-01-01." in err
    assert "multipolar members EEC --date 1990-01-01" in err and len(err.strip().splitlines()) == 1


def test_members_unknown_organisation_and_status_are_one_line(run_cli):
    code, _, err = run_cli("members", "NATOO")
    assert code == 2 and "Unknown organisation 'NATOO'. Did you mean: NATO" in err
    code, _, err = run_cli("members", "UN", "--status", "guest")
    assert code == 2 and "Unknown status 'guest'." in err and "permanent" in err


def test_orgs_and_history(run_cli):
    code, out, _ = run_cli("orgs", "--json")
    catalogue = {o["id"]: o for o in json.loads(out)["orgs"]}
    assert code == 0 and catalogue["CENTO"]["dissolved"] == "1979-03-16"
    code, out, _ = run_cli("history", "csto", "--json")
    events = json.loads(out)["events"]
    uzbekistan = [(e["date"], e["event"], e["status"]) for e in events if e["iso3"] == "UZB"]
    assert uzbekistan == [  # its own freeze of 2012-06-28, then the CSTO's suspension
        ("2006-08-16", "joined", "member"),
        ("2012-06-28", "status changed", "frozen"),
        ("2012-12-19", "status changed", "suspended"),
    ]


def test_memberships_commitments_alliances_json(run_cli):
    code, out, _ = run_cli("memberships", "Russia", "--date", "2008-09-07", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["country"] == "Russia" and payload["cow"] == 365
    csto = next(m for m in payload["memberships"] if m["id"] == "4220")
    assert (csto["kind"], csto["defense"], csto["source"]) == ("alliance", True, "ATOP 5.1")
    code, out, _ = run_cli("commitments", "EST", "--date", "2008-09-07", "--obligation", "defence", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["obligation"] == "defense"
    assert {"USA", "GBR", "FRA"} <= {c["iso3"] for c in payload["commitments"]}
    code, out, _ = run_cli("alliances", "--date", "2008-09-07", "-o", "defense", "--json")
    nato = next(a for a in json.loads(out)["alliances"] if a["atopid"] == 3180)
    assert code == 0 and nato["name"] == "North Atlantic Treaty Organization" and 2 in nato["cows"]


def test_alliances_after_coverage_says_so(run_cli):
    code, out, _ = run_cli("alliances", "--date", "2024-02-24", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["alliances"] == []
    assert payload["notes"][0].startswith("ATOP 5.1 coverage ends 2018-12-31")


def test_errors_are_one_line_with_a_fix(run_cli):
    cases = [
        (("members", "SCOO"), "Unknown organisation 'SCOO'. Did you mean: SCO?"),
        (("members", "SCO", "--status", "guest"), "Use one of: member,"),
        (("members", "SCO", "--date", "2008-02-30"), "Impossible date '2008-02-30'"),
        (("history", "Leage of Arab States"), "Did you mean: League of Arab States?"),
        (("alliances", "--obligation", "friendship"), "Unknown obligation 'friendship'"),
        (("commitments", "Narnia", "--date", "2000-01-01"), "Unknown country 'Narnia'"),
        (("memberships", "Narnia"), "Unknown country 'Narnia'"),
        (("alliance", "12"), "No ATOP 5.1 alliance '12'. Give an ATOP id"),
    ]
    for args, message in cases:
        code, out, err = run_cli(*args)
        assert code == 2, (args, err)
        assert message in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1


def test_tables_show_obligations_in_one_column(run_cli):
    code, out, _ = run_cli("memberships", "United Kingdom", "--date", "1960-01-01")
    assert code == 0
    nato = next(line for line in out.splitlines() if "│ 3180 " in line)
    assert "defense*, nonagg, consul" in nato
    assert "obligations marked * are conditional in ATOP" in out


def test_alliance_command(run_cli):
    code, out, _ = run_cli("alliance", "3285", "--json")
    payload = json.loads(out)
    assert code == 0 and payload["name"] == "Warsaw Treaty Organization" and payload["end"] == "1991-07-01"
    albania = next(m for m in payload["members"] if m["cow"] == 339)
    assert (albania["start"], albania["end"], albania["defense"]) == ("1955-05-14", "1968-09-12", True)
    code, out, _ = run_cli("alliance", "3180", "--date", "1952-01-01")
    assert code == 0 and "ATOP 3180 (North Atlantic Treaty Organization) on 1952-01-01: 14 member rows" in out


def test_a_day_in_the_future_is_refused(run_cli):
    import datetime as dt

    later = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    for args in (
        ("memberships", "France", "--date", later),
        ("alliances", "--date", later),
        ("alliance", "3180", "--date", later),
        ("commitments", "France", "--date", later),
    ):
        code, out, err = run_cli(*args)
        assert code == 2 and out == "", args
        assert f"{later} is in the future" in err and "Traceback" not in err


def test_statuses_in_the_plural_are_read(run_cli):
    for typed, status in (
        ("observers", "observer"),
        ("dialogue partners", "dialogue_partner"),
        ("Members", "member"),
    ):
        code, out, err = run_cli("members", "SCO", "--date", "2020-01-01", "--status", typed, "--json")
        assert code == 0, err
        assert json.loads(out)["status"] == status


def test_conditional_note_only_when_a_star_is_shown(run_cli):
    code, out, _ = run_cli("memberships", "UK", "--date", "2022-02-24")  # after ATOP: no obligations
    assert code == 0 and "*" not in out and "conditional" not in out
    code, out, _ = run_cli("alliances", "--date", "1914-06-28")
    assert "defense*" in out and "conditional in ATOP" in out


def test_alliance_labels_do_not_name_an_organisation_that_did_not_exist_that_day(run_cli):
    """ATOP 4220 (the 1992 Tashkent treaty) in 1997 is the Collective Security Treaty, not yet the
    CSTO, which dates from 2002; SEATO's Manila Pact (3260) outlived SEATO."""
    code, out, _ = run_cli("alliances", "--date", "1997-01-01", "--json")
    names = {a["atopid"]: a["name"] for a in json.loads(out)["alliances"]}
    assert names[4220] == "Collective Security Treaty"
    assert names[3260].startswith("Southeast Asia Treaty Organization's treaty (the organisation existed")
    assert "1977-06-30" in names[3260]  # SEATO itself was dissolved; the Manila Pact goes on
    assert names[3180] == "North Atlantic Treaty Organization"
    code, out, _ = run_cli("alliances", "--date", "2008-09-07", "--json")
    assert {a["atopid"]: a["name"] for a in json.loads(out)["alliances"]}[4220] == (
        "Collective Security Treaty Organization"
    )


def test_changes_lists_joins_exits_and_status_changes_between_two_days(run_cli):
    code, out, _ = run_cli("changes", "--from", "2009-08-18", "--to", "2009-08-18", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["from"] == "2009-08-18" and payload["org"] is None
    georgia = [c for c in payload["changes"] if c["iso3"] == "GEO"]
    assert [(c["org"], c["event"], c["date"]) for c in georgia] == [("CIS", "left", "2009-08-18")]
    code, out, _ = run_cli("changes", "--from", "2022-01-01", "--to", "2024-12-31", "--org", "SCO", "--json")
    events = {(c["iso3"], c["event"], c["status"]) for c in json.loads(out)["changes"]}
    assert {("IRN", "status changed", "member"), ("BLR", "status changed", "accession")} <= events
    code, _, err = run_cli("changes", "--from", "2024-01-01", "--to", "2023-01-01")
    assert code == 2 and "runs backwards" in err


def test_changes_matches_history_for_one_organisation():
    import multipolar as mp

    history = mp.history("NATO").rows
    window = history[(history["date"] >= dt.date(1999, 1, 1)) & (history["date"] <= dt.date(2009, 12, 31))]
    found = mp.changes("1999-01-01", "2009-12-31", org="NATO").rows
    assert sorted(found["iso3"]) == sorted(window["iso3"]) and len(found) == 12


def test_plot_membership_draws_a_row_per_state(run_cli, tmp_path):
    target = tmp_path / "cis.png"
    code, out, err = run_cli("plot", "membership", "CIS", "-o", str(target), "--json")
    assert code == 0, err and target.stat().st_size > 10_000
    payload = json.loads(out)
    assert payload["org"] == "CIS" and payload["kind"] == "membership"
    code, _, err = run_cli("plot", "membership", "-o", str(tmp_path / "x.png"))
    assert code == 2 and "needs an organisation" in err
    code, _, err = run_cli("plot", "membership", "NATOO", "-o", str(tmp_path / "x.png"))
    assert code == 2 and "Unknown organisation 'NATOO'" in err


def test_plot_membership_refuses_years_to_come_and_warns_of_nothing(run_cli, tmp_path, recwarn):
    """A chart to 2100 would draw days that have not happened; NATO (no curated gaps) drew with a
    pandas FutureWarning on the terminal."""
    target = tmp_path / "nato.png"
    code, _, err = run_cli("plot", "membership", "NATO", "--to", "2100", "-o", str(target))
    assert code != 0 and "Year 2100 is in the future" in err and not target.exists()
    code, out, err = run_cli("plot", "membership", "NATO", "-o", str(target), "--json")
    assert code == 0, err
    assert json.loads(out)["to"] == dt.date.today().year and target.stat().st_size > 10_000
    assert not [w for w in recwarn if issubclass(w.category, FutureWarning)]
