"""The ``states`` and ``resolve`` commands, in-process and as the installed console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def test_states_json(run_cli):
    code, out, err = run_cli("states", "--date", "2008-09-07", "--json")
    assert code == 0, err
    payload = json.loads(out)
    assert payload["date"] == "2008-09-07" and payload["system"] == "cow"
    assert len(payload["states"]) == 194
    assert {"dataset": "cow_states", "version": "2016"} in payload["sources"]


def test_states_table_gw(run_cli):
    code, out, _ = run_cli("states", "--date", "2008-09-07", "--system", "gw")
    assert code == 0
    assert "GW states on 2008-09-07: 173" in out and "Serbia" in out


def test_states_extension_note(run_cli):
    code, out, _ = run_cli("states", "--date", "2020-03-01", "--json")
    assert code == 0
    assert any("cw_gw_panel" in n and "year precision" in n for n in json.loads(out)["notes"])


def test_states_errors_are_one_line(run_cli):
    for args, words in (
        (("--date", "2026-01-01"), "2025-12-31"),
        (("--date", "1815-06-01"), "1816-01-01"),
        (("--date", "2008-02-30"), "Impossible date"),
        (("--system", "cowx"), "--system cow"),
    ):
        code, out, err = run_cli("states", *args)
        assert code != 0
        assert words in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1 or err.count("error:") == 1
        assert out == ""


def test_resolve_many_names(run_cli):
    code, out, err = run_cli("resolve", "Germany", "Russia", "cow:345", "--date", "1960-01-01", "--json")
    assert code == 0, err
    payload = json.loads(out)
    rows = {r["input"]: r for r in payload["countries"]}
    assert rows["Germany"]["cow"] == 260
    assert rows["Russia"]["iso3"] == "SUN"
    assert rows["cow:345"]["name"] == "Yugoslavia" and rows["cow:345"]["read_as"] == "COW code"
    assert payload["date"] == "1960-01-01"


def test_resolve_gw_numbers(run_cli):
    code, out, _ = run_cli("resolve", "340", "--code", "gw", "--date", "2010-01-01", "--json")
    assert code == 0
    assert json.loads(out)["countries"][0]["cow"] == 345


def test_resolve_errors(run_cli):
    code, _, err = run_cli("resolve", "Congo")
    assert code != 0 and "ambiguous" in err and "COD" in err and "Traceback" not in err
    code, _, err = run_cli("resolve", "Atlantis")
    assert code != 0 and "Unknown country 'Atlantis'" in err
    code, _, err = run_cli("resolve", "Germany", "--date", "1947-01-01")
    assert code != 0 and "names no state on 1947-01-01" in err


def test_console_script_json():
    script = Path(sys.executable).with_name("multipolar")
    done = subprocess.run(
        [str(script), "states", "--date", "2008-09-07", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert len(payload["states"]) == 194
    assert payload["states"][0]["name"] == "United States of America"


def test_resolve_refuses_a_day_in_the_future(run_cli):
    import datetime as dt

    later = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    code, out, err = run_cli("resolve", "France", "--date", later)
    assert code == 2 and out == ""
    assert f"{later} is in the future" in err


def test_usage_mistakes_are_one_line_errors_not_tracebacks(run_cli):
    """Missing arguments, unknown options or commands and unreadable numbers: click's own errors."""
    for args, words in (
        (("members",), "Missing"),
        (("memberships",), "Missing"),
        (("states", "--bogus"), "--bogus"),
        (("power", "--top", "abc"), "'abc'"),  # the wording is click's (or pydantic's), the value is named
        (("frobnicate",), "frobnicate"),
    ):
        code, out, err = run_cli(*args)
        assert code == 2, (args, err)
        assert words in err and "error:" in err and "--help" in err
        assert len(err.strip().splitlines()) == 1, err
        assert out == ""


def test_no_arguments_shows_the_help_without_a_traceback(run_cli):
    for args in ((), ("data",)):
        code, out, err = run_cli(*args)
        assert "Usage" in out + err and "error: ." not in err


def test_yesterday_is_a_date_and_gibberish_is_unreadable(run_cli):
    import datetime as dt

    code, out, err = run_cli("resolve", "France", "--date", "yesterday", "--json")
    assert code == 0, err
    assert json.loads(out)["date"] == (dt.date.today() - dt.timedelta(days=1)).isoformat()
    code, out, err = run_cli("resolve", "France", "--date", "last week")
    assert code == 2 and "Unreadable date 'last week'" in err and "YYYY-MM-DD" in err
    code, out, err = run_cli("resolve", "France", "--date", "2008-02-30")
    assert code == 2 and "Impossible date '2008-02-30'" in err


def test_the_state_lists_letter_code_is_named_for_its_list_everywhere(run_cli):
    """The list's own letters (COW's BHM beside ISO's BHS) are cow_abb, or gw_abb with
    --system gw: in the table's header, the JSON, Python and the HTTP API alike."""
    from fastapi.testclient import TestClient

    import multipolar as mp
    from multipolar.interfaces.web.app import create_app

    for system in ("cow", "gw"):
        column = f"{system}_abb"
        code, out, _ = run_cli("states", "--date", "2008-09-07", "--system", system)
        assert code == 0 and column in out.splitlines()[2] and " abb " not in out.splitlines()[2]
        code, out, _ = run_cli("states", "--date", "2008-09-07", "--system", system, "--json")
        cli = json.loads(out)["states"]
        assert column in mp.states("2008-09-07", system).rows.columns
        served = TestClient(create_app()).get("/api/states", params={"date": "2008-09-07", "system": system})
        assert served.status_code == 200 and served.json()["states"] == cli
        bahamas = next(s for s in cli if s["iso3"] == "BHS")
        assert bahamas[column] == "BHM" and "abb" not in bahamas
