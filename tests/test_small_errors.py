"""Small things a new user hit: cite with one name, UTF-16 articles, Ctrl-C during a pull, one bad
name among several, future dates for members, whole paths from `data path`."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import multipolar as mp
from multipolar.data import fetch, store
from multipolar.data.catalog import dataset
from multipolar.errors import CoverageError, UnknownNameError


def test_cite_takes_one_name_as_a_string():
    answer = mp.cite("cow_nmc")
    assert answer.rows["name"].tolist() == ["cow_nmc"]
    assert "Singer" in answer.rows["citation"].iloc[0]
    assert mp.paths("cow_nmc").rows["name"].tolist() == ["cow_nmc"]


SENTENCE = "Russia, China and India met in Moscow on 7 September 2008 to talk about the SCO."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_wide_unicode_article_is_read_not_called_binary(tmp_path, encoding):
    path = tmp_path / "article.txt"
    path.write_bytes(SENTENCE.encode(encoding))
    report = mp.read_article(path).to_dict()
    assert report["date"] == "2008-09-07"
    assert {"RUS", "CHN", "IND"} <= {s["iso3"] for s in report["states"]}


def test_ctrl_c_during_a_pull_says_what_was_kept(isolated_home, run_cli, monkeypatch):
    copy = fetch._copy

    def interrupted(source, destination, ds):
        if ds.name == "cow_states":
            destination.write_bytes(b"half a file")
            raise KeyboardInterrupt
        copy(source, destination, ds)

    monkeypatch.setattr(fetch, "_copy", interrupted)
    code, out, err = run_cli("data", "pull", "cow_majors", "cow_states", "cow_nmc")
    assert code == 130 and out == ""
    assert err.startswith("Interrupted: kept cow_majors (complete); nothing of cow_states was kept")
    assert "multipolar data pull" in err and "Traceback" not in err
    assert store.parquet_path(dataset("cow_majors")).exists()
    assert not fetch.cached_path(dataset("cow_states")).exists()
    assert [p for p in isolated_home.rglob("*") if ".part" in p.name] == []


def test_resolve_answers_the_good_names_and_reports_the_bad_one(run_cli):
    code, out, err = run_cli("resolve", "Burma", "Atlantis", "Germany", "--date", "1985-06-01", "--json")
    assert code == 2
    payload = json.loads(out)
    assert [c["iso3"] for c in payload["countries"]] == ["MMR", "DEU"]
    assert [u["input"] for u in payload["unresolved"]] == ["Atlantis"]
    assert err.strip().splitlines() == [f"error: {payload['unresolved'][0]['error']}"]
    assert "Unknown country 'Atlantis'" in err


def test_resolve_of_good_names_exits_zero_and_one_bad_name_still_raises(run_cli):
    code, out, _ = run_cli("resolve", "Burma", "Germany", "--json")
    assert code == 0 and json.loads(out)["unresolved"] == []
    with pytest.raises(UnknownNameError):
        mp.resolve("Atlantis")


@pytest.mark.parametrize("names", [[""], ["Congo", "--date", "1950-01-01"], ["Atlantis", "Narnia"]])
def test_resolve_with_no_name_resolved_prints_only_the_errors(run_cli, names):
    code, out, err = run_cli("resolve", *names)
    assert code == 2 and out == "" and "Traceback" not in err
    assert all(line.startswith("error: ") for line in err.strip().splitlines())


def test_members_refuses_a_day_in_the_future_like_every_query(run_cli):
    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    with pytest.raises(CoverageError, match="in the future"):
        mp.members("NATO", later)
    code, _, err = run_cli("members", "NATO", "--date", later)
    assert code == 2 and f"{later} is in the future" in err


def test_a_future_dated_article_is_still_checked():
    later = (dt.date.today() + dt.timedelta(days=400)).isoformat()
    text = "The SCO, which groups Russia, China, Kazakhstan, Kyrgyzstan, Tajikistan and Uzbekistan, met."
    report = mp.read_article(text, date=later).to_dict()
    (claim,) = [c for c in report["claims"] if c["org"] == "SCO"]
    assert claim["verdict"] == "incomplete"  # India, Pakistan, Iran and Belarus joined later
    assert {"IND", "PAK"} <= {m["iso3"] for m in claim["missing"]}


def test_data_path_prints_whole_paths(run_cli, monkeypatch, tmp_path):
    home = tmp_path / ("a-long-folder-name-" * 8)
    monkeypatch.setenv("MULTIPOLAR_HOME", str(home))
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run_cli("data", "path", "cow_states")
    assert code == 0
    assert f"store {store.parquet_path(dataset('cow_states'))}" in out.splitlines()[-1]


def test_serve_refuses_a_port_that_cannot_exist_in_one_line(run_cli):
    """--port 99999 once printed the dashboard's address and hung; now it is a usage error."""
    code, out, err = run_cli("serve", "--port", "99999")
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.strip().splitlines() == [
        "error: Invalid value for '--port' / '-p': 99999 is not in the range 0<=x<=65535. "
        "Run `multipolar serve --help` for usage."
    ]
