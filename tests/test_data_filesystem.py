"""The file system says no: an unusable cache, an unwritable or missing -o folder, a damaged
converted file. Each is one line naming the path and the fix, never a traceback, and nothing is
left half-written; a damaged Parquet file is converted again from the verified raw file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from multipolar.data import fetch, manage, store
from multipolar.data.catalog import dataset

SMALL = "cow_majors"


@pytest.fixture
def unwritable(tmp_path) -> Path:
    """A real folder this process cannot write in: mode 0555, or, for root (whom modes do not
    stop), a sysfs folder; skipped where neither refuses a new file."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    for candidate in (folder, Path("/sys/kernel")):
        try:
            (candidate / ".probe").write_text("x")
        except OSError:
            yield candidate
            break
        (candidate / ".probe").unlink()
    else:
        pytest.skip("no folder here refuses this process a new file")
    folder.chmod(0o755)


def one_line_error(code: int, err: str, expected_code: int, *words: str) -> None:
    assert code == expected_code, err
    assert err.startswith("error: ") and len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


def part_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if ".part" in p.name]


# ---- the cache (MULTIPOLAR_HOME) -----------------------------------------------------------
# In-process commands may answer from tables this test process already holds in memory, so these
# tests pull (which always goes to the cache); one runs a query in a fresh process, as users do.


def fresh_process(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "multipolar.interfaces.cli.app", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "MULTIPOLAR_HOME": str(home), "COLUMNS": "200"},
    )


def test_cache_that_is_a_file(tmp_path):
    home = tmp_path / "home"
    home.write_text("not a folder")
    done = fresh_process(home, "members", "NATO")
    one_line_error(done.returncode, done.stderr, 3, f"{home} is a file, not a folder", "MULTIPOLAR_HOME")


@pytest.mark.parametrize("blocked", ["store", "locks", "raw"])
def test_half_made_cache_with_a_file_where_a_folder_belongs(run_cli, tmp_path, monkeypatch, blocked):
    home = tmp_path / "home"
    home.mkdir()
    (home / blocked).write_text("in the way")
    monkeypatch.setenv("MULTIPOLAR_HOME", str(home))
    code, _, err = run_cli("data", "pull", SMALL)
    one_line_error(code, err, 3, f"{home / blocked} is a file, not a folder", "MULTIPOLAR_HOME")
    assert part_files(home) == []


def test_read_only_cache(run_cli, unwritable, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_HOME", str(unwritable / "multipolar"))
    code, _, err = run_cli("data", "pull", SMALL)
    one_line_error(code, err, 3, f"folder {unwritable} is read-only", "MULTIPOLAR_HOME")


def test_read_only_cache_folder_without_its_sub_folders(run_cli, unwritable, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_HOME", str(unwritable))
    code, _, err = run_cli("data", "pull", SMALL)
    one_line_error(code, err, 3, f"folder {unwritable} is read-only", f"now {unwritable}")


# ---- files the user asked for (-o) ---------------------------------------------------------

OUTPUTS = {
    "brief": ["brief", "--date", "2008-09-07", "-o"],
    "plot": ["plot", "polarity", "--from", "1990", "--to", "2000", "-o"],
    "panel": ["panel", "stateyears", "--years", "2000-2001", "-o"],
}
NAMES = {"brief": "brief.md", "plot": "chart.png", "panel": "panel.parquet"}


@pytest.mark.parametrize("command", OUTPUTS)
def test_output_into_a_read_only_folder(run_cli, unwritable, command):
    target = unwritable / NAMES[command]
    code, _, err = run_cli(*OUTPUTS[command], str(target))
    one_line_error(code, err, 2, f"Cannot write {target}", "read-only")
    assert not target.exists()


@pytest.mark.parametrize("command", OUTPUTS)
def test_output_into_a_missing_folder_is_refused(run_cli, tmp_path, command):
    target = tmp_path / "not" / "made" / NAMES[command]
    code, _, err = run_cli(*OUTPUTS[command], str(target))
    one_line_error(code, err, 2, f"Folder {target.parent} does not exist", "mkdir -p")
    assert not (tmp_path / "not").exists()  # refused, not made silently


def test_output_onto_a_folder_or_under_a_file(run_cli, tmp_path):
    code, _, err = run_cli("brief", "--date", "2008-09-07", "-o", str(tmp_path))
    one_line_error(code, err, 2, f"{tmp_path} is a folder")
    (tmp_path / "file").write_text("x")
    code, _, err = run_cli("brief", "--date", "2008-09-07", "-o", str(tmp_path / "file" / "brief.md"))
    one_line_error(code, err, 2, f"{tmp_path / 'file'} is a file, not a folder")


# ---- damaged conversions in the store ------------------------------------------------------


def test_truncated_parquet_is_rebuilt_on_use(isolated_home):
    parquet = store.path("atop5_1m")
    whole = parquet.read_bytes()
    parquet.write_bytes(whole[: len(whole) // 2])
    done = fresh_process(
        isolated_home, "alliance", "3180", "--date", "2008-09-07"
    )  # ATOP held in memory here
    assert done.returncode == 0, done.stderr
    assert "ATOP 3180" in done.stdout and "Albania" in done.stdout
    assert parquet.read_bytes() == whole  # converted again, byte for byte


def test_verify_checks_the_store_and_rebuilds_damage_from_the_verified_raw_file(isolated_home, run_cli):
    parquet = store.path(SMALL)
    whole = parquet.read_bytes()
    damaged = bytearray(whole)
    damaged[len(damaged) // 2] ^= 0xFF  # still ends like Parquet: only the recorded sha256 tells
    parquet.write_bytes(bytes(damaged))
    code, out, _ = run_cli("data", "verify", SMALL, "--json")
    assert code == 1
    payload = json.loads(out)
    assert payload["datasets"][0]["status"] == "ok" and payload["datasets"][0]["store"] == "rebuilt"
    assert any("converted again" in note for note in payload["notes"])
    assert parquet.read_bytes() == whole
    again = manage.verify([SMALL]).rows.iloc[0]
    assert (again["status"], again["store"]) == ("ok", "ok")


def test_damaged_parquet_with_a_corrupt_raw_file_is_removed_not_rebuilt(isolated_home):
    parquet = store.path(SMALL)
    parquet.write_bytes(parquet.read_bytes()[:-20])
    raw = fetch.cached_path(dataset(SMALL))
    raw.write_bytes(b"garbage")
    row = manage.verify([SMALL]).rows.iloc[0]
    assert (row["status"], row["store"]) == ("corrupt", "removed")
    assert not parquet.exists() and not raw.exists()
    assert len(store.frame(SMALL)) == 14  # fetched from the mirror and converted afresh


def test_a_parquet_file_without_its_recorded_sum_is_not_trusted(isolated_home):
    parquet = store.path(SMALL)
    store.checksum_path(dataset(SMALL)).unlink()
    assert manage.verify([SMALL]).rows.iloc[0]["store"] == "rebuilt"
    assert store.checksum_path(dataset(SMALL)).read_text().strip() == fetch.sha256_of(parquet)


def test_a_truncated_derived_parquet_file_is_built_again(isolated_home):
    """Derived Parquet tables (the UN votes read as states, the agreement counts) get the converted
    files' check: one that does not end as Parquet does is built again, never read."""
    import pandas as pd

    built = []

    def build():
        built.append(1)
        return pd.DataFrame({"year": [1990, 1991], "value": [1.5, 2.5]})

    target = store.derived_parquet("example_table", build, ["inputs"])
    assert len(built) == 1 and pd.read_parquet(target)["value"].tolist() == [1.5, 2.5]
    assert store.derived_parquet("example_table", build, ["inputs"]) == target and len(built) == 1
    target.write_bytes(target.read_bytes()[:-20])  # cut short, as by a full disk or a kill
    assert store.derived_parquet("example_table", build, ["inputs"]) == target and len(built) == 2
    assert pd.read_parquet(target)["value"].tolist() == [1.5, 2.5]
    other = store.derived_parquet("example_table", build, ["other inputs"])
    assert other != target and not target.exists()  # made from other inputs: the old one goes


def test_the_un_votes_tables_are_derived_parquet_files():
    from multipolar.alignment import votes

    path = votes.derived("un_seats")
    assert path.parent.name == "derived" and store.whole(path)


def test_an_optional_derived_file_that_cannot_be_kept_is_still_answered(monkeypatch):
    """The kept brief is only worth keeping: a cache that cannot take it still gets the answer,
    while a derived table the queries need says so."""
    from multipolar import files
    from multipolar.errors import CacheError

    def refuse(*args, **kwargs):
        raise CacheError("The cache cannot be written: read-only.", "Set MULTIPOLAR_HOME.")

    monkeypatch.setattr(files, "replacing", refuse)
    inputs = ["an input never kept"]
    assert store.derived("test_optional", lambda: {"made": 1}, inputs, optional=True) == {"made": 1}
    with pytest.raises(CacheError):
        store.derived("test_optional", lambda: {"made": 1}, inputs)


@pytest.mark.parametrize("damage", [b"garbage\n", b"\x80\x05garbage", b""])
def test_a_damaged_derived_file_is_built_again(damage):
    """A kept table whose bytes do not load (truncated, overwritten: "garbage" fails as a
    ValueError, not as an UnpicklingError) is built again, never a traceback."""
    inputs = [f"damage test {damage!r}"]
    assert store.derived("test_damaged", lambda: {"built": 1}, inputs) == {"built": 1}
    store.derived_target("test_damaged", inputs, ".pickle").write_bytes(damage)
    assert store.derived("test_damaged", lambda: {"built": 2}, inputs) == {"built": 2}
