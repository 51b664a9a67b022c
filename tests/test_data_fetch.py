"""Downloads: from a directory mirror or over HTTP, verified, atomic, safe under concurrency."""

from __future__ import annotations

import functools
import http.server
import multiprocessing
import threading
from pathlib import Path

import pandas as pd
import pytest

from multipolar import config
from multipolar.data import fetch, manage, store
from multipolar.data.catalog import dataset
from multipolar.errors import ChecksumError, DataError
from tests.conftest import MIRROR

SMALL = "cow_majors"  # 394 bytes


def fake_mirror(root: Path, name: str = SMALL, mutate=None) -> Path:
    """A mirror holding one file, optionally altered (the real mirror is read-only)."""
    ds = dataset(name)
    target = root / ds.file
    target.parent.mkdir(parents=True, exist_ok=True)
    data = (MIRROR / ds.file).read_bytes()
    target.write_bytes(mutate(data) if mutate else data)
    return root


def leftovers(home: Path) -> list[Path]:
    return [p for p in home.rglob("*") if p.is_file() and p.suffix == ".part"]


def test_directory_mirror_fetch_verifies_and_caches(isolated_home):
    path = fetch.fetch(dataset(SMALL))
    assert path == isolated_home / "raw" / "peacesciencer" / "cow_majors.rda"
    assert fetch.sha256_of(path) == dataset(SMALL).sha256
    assert fetch.verify(dataset(SMALL)) == "ok"


def test_store_converts_once_to_parquet(isolated_home):
    first = store.path("cow_majors")
    assert first.suffix == ".parquet" and dataset("cow_majors").sha256[:12] in first.name
    mtime = first.stat().st_mtime_ns
    assert store.path("cow_majors").stat().st_mtime_ns == mtime
    majors = store.frame("cow_majors")
    assert len(majors) == 14
    usa = majors[majors.ccode == 2].iloc[0]
    assert (usa.styear, usa.stmonth, usa.stday) == (1898, 8, 13)


def test_corrupt_mirror_file_is_rejected_and_nothing_is_kept(isolated_home, tmp_path, monkeypatch):
    def flip(data: bytes) -> bytes:
        return data[:100] + bytes([data[100] ^ 0xFF]) + data[101:]

    monkeypatch.setenv("MULTIPOLAR_MIRROR", str(fake_mirror(tmp_path / "m", mutate=flip)))
    with pytest.raises(ChecksumError) as caught:
        fetch.fetch(dataset(SMALL))
    message = str(caught.value)
    assert "cow_majors" in message and dataset(SMALL).sha256 in message
    assert str(tmp_path / "m") in message and "pull cow_majors" in message
    assert not fetch.cached_path(dataset(SMALL)).exists()
    assert leftovers(isolated_home) == []


def test_truncated_mirror_file_is_rejected(isolated_home, tmp_path, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_MIRROR", str(fake_mirror(tmp_path / "m", mutate=lambda d: d[:200])))
    with pytest.raises(ChecksumError):
        fetch.fetch(dataset(SMALL))
    assert not fetch.cached_path(dataset(SMALL)).exists()


def test_missing_mirror_file_names_the_path(isolated_home, tmp_path, monkeypatch):
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("MULTIPOLAR_MIRROR", str(tmp_path / "empty"))
    with pytest.raises(DataError, match="not in the mirror"):
        fetch.fetch(dataset(SMALL))


def test_cli_checksum_error_is_one_line(isolated_home, tmp_path, monkeypatch, run_cli):
    root = fake_mirror(tmp_path / "m", mutate=lambda d: d[::-1])
    code, out, err = run_cli("--mirror", str(root), "data", "pull", SMALL)
    assert code == 3
    assert err.startswith("error: Checksum mismatch for dataset 'cow_majors'")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_verify_finds_and_removes_a_corrupted_cache_file(isolated_home, run_cli):
    path = fetch.fetch(dataset(SMALL))
    path.write_bytes(b"garbage")
    code, out, _ = run_cli("data", "verify", SMALL, "--json")
    assert code == 1 and '"status": "corrupt"' in out
    assert not path.exists()
    assert fetch.fetch(dataset(SMALL)).exists()  # pulled again, clean
    assert manage.verify([SMALL]).rows.status.tolist() == ["ok"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def http_mirror():
    """The shared mirror served over HTTP on 127.0.0.1, as a remote mirror would be."""
    handler = functools.partial(_Quiet, directory=str(MIRROR))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_http_mirror_download_path(isolated_home, http_mirror, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_MIRROR", http_mirror + "/")
    ds = dataset("cow_states")
    assert fetch.source_of(ds) == f"{http_mirror}/peacesciencer/cow_states.rda"
    assert fetch.sha256_of(fetch.fetch(ds)) == ds.sha256
    assert len(store.frame("cow_states")) == 243


def test_http_missing_file_is_a_clear_error(isolated_home, http_mirror, tmp_path, monkeypatch):
    monkeypatch.setenv("MULTIPOLAR_MIRROR", http_mirror + "/nowhere")
    with pytest.raises(DataError, match="Could not download dataset 'cow_majors'"):
        fetch.fetch(dataset(SMALL))
    assert leftovers(isolated_home) == []


def _pull_in_child(home: str, mirror: str, name: str, queue) -> None:
    config.set_mirror(mirror)
    import os

    os.environ["MULTIPOLAR_HOME"] = home
    queue.put(str(store.path(name)))


def test_concurrent_pulls_leave_a_consistent_cache(isolated_home):
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    workers = [
        ctx.Process(target=_pull_in_child, args=(str(isolated_home), str(MIRROR), "cow_nmc", queue))
        for _ in range(3)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    paths = {queue.get(timeout=5) for _ in workers}
    assert len(paths) == 1
    assert fetch.verify(dataset("cow_nmc")) == "ok"
    assert leftovers(isolated_home) == []
    assert len(pd.read_parquet(paths.pop())) == dataset("cow_nmc").rows


def test_data_path_and_list_report_the_cache(isolated_home, run_cli):
    code, out, _ = run_cli("data", "path", "cow_states", "--json")
    assert code == 0 and str(isolated_home / "raw" / "peacesciencer" / "cow_states.rda") in out
    fetch.fetch(dataset(SMALL))
    listing = manage.data_list().rows.set_index("name")
    assert bool(listing.loc[SMALL, "cached"]) and not bool(listing.loc["cow_states", "cached"])


def test_written_files_get_ordinary_permissions_and_failures_leave_nothing(tmp_path):
    import os
    import stat

    from multipolar import files

    target = tmp_path / "report.md"
    with files.replacing(target) as part:
        part.write_text("complete")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    with pytest.raises(RuntimeError), files.replacing(target) as part:
        part.write_text("half")
        raise RuntimeError("renderer failed")
    assert target.read_text() == "complete"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_a_relative_mirror_is_resolved_once_against_the_folder_it_was_given_in(
    isolated_home, tmp_path, monkeypatch, run_cli
):
    """MULTIPOLAR_MIRROR=../shared/data means the folder beside the one it was given in, even
    after the process changes folder (a test, the server) or starts a worker elsewhere."""
    start, elsewhere = tmp_path / "work" / "checkout", tmp_path / "elsewhere"
    start.mkdir(parents=True)
    elsewhere.mkdir()
    (tmp_path / "work" / "data").symlink_to(MIRROR)
    monkeypatch.chdir(start)
    monkeypatch.setenv("MULTIPOLAR_MIRROR", "../data")
    assert config.mirror() == str(start / ".." / "data")  # absolute from the first read on
    monkeypatch.chdir(elsewhere)
    assert config.mirror() == str(start / ".." / "data")
    assert fetch.fetch(dataset(SMALL)).exists()
    monkeypatch.chdir(start)
    code, _, err = run_cli("--mirror", "../data", "data", "path", SMALL)
    assert code == 0, err
    assert config.mirror() == str(start / ".." / "data")
    monkeypatch.setenv("MULTIPOLAR_MIRROR", "https://mirror.example.org/data")
    assert config.mirror() == "https://mirror.example.org/data"  # an address is left as it is
