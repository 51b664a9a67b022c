"""Many requests at once on an empty cache: each dataset is fetched and converted once, every
request gets a consistent answer, and the cache is left whole (no partial files)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
CLIENTS = 24


def pull_at_once() -> dict:
    """In a fresh process (no dataset in memory yet): CLIENTS requests at the same instant."""
    from fastapi.testclient import TestClient

    import multipolar as mp
    from multipolar.data import fetch, readers
    from multipolar.interfaces.web.app import create_app

    copied, converted = Counter(), Counter()
    lock = threading.Lock()
    real_copy, real_read = fetch._copy, readers.read

    def counting_copy(source, destination, ds):
        with lock:
            copied[ds.name] += 1
        real_copy(source, destination, ds)

    def counting_read(ds, raw):
        with lock:
            converted[ds.name] += 1
        return real_read(ds, raw)

    fetch._copy, readers.read = counting_copy, counting_read
    client = TestClient(create_app())
    start = threading.Barrier(CLIENTS)

    def ask(top):  # a different question each, so that none is answered from another's answer
        start.wait()
        response = client.get("/api/power", params={"year": 2008, "measure": "cinc", "top": top})
        return response.status_code, response.json()

    with ThreadPoolExecutor(CLIENTS) as pool:
        answers = list(pool.map(ask, range(1, CLIENTS + 1)))
    verified = mp.verify(list(copied)).to_dict()["datasets"]
    return {"answers": answers, "copied": copied, "converted": converted, "verified": verified}


def test_first_pull_under_concurrent_requests_happens_once(tmp_path):
    home = tmp_path / "home"
    env = {**os.environ, "MULTIPOLAR_HOME": str(home)}
    run = subprocess.run(
        [sys.executable, __file__], env=env, capture_output=True, text=True, timeout=600, check=True
    )
    found = json.loads(run.stdout)
    assert {status for status, _ in found["answers"]} == {200}
    longest = found["answers"][-1][1]["power"]
    for top, (_, answer) in enumerate(found["answers"], start=1):
        assert answer["power"] == longest[:top] and answer["power"][0]["iso3"] == "CHN"
    assert "cow_nmc" in found["copied"] and set(found["copied"].values()) == {1}, found["copied"]
    assert set(found["converted"].values()) == {1}, found["converted"]
    assert {row["status"] for row in found["verified"]} == {"ok"}
    assert not [p for p in home.rglob("*") if p.name.endswith(".part") or p.name.startswith(".")]


def test_the_same_question_asked_at_once_is_computed_once():
    from multipolar.interfaces.web.app import Answers

    answers, computed = Answers(size=2), Counter()
    start = threading.Barrier(8)

    def compute():
        computed["x"] += 1
        return {"answer": 42}

    def ask(_):
        start.wait()
        return answers.compute_once("x", compute)

    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(ask, range(8))) == [{"answer": 42}] * 8
    assert computed["x"] == 1
    for key in ("y", "z"):
        answers.compute_once(key, compute)
    assert answers.known("x") == (False, None) and answers.known("z") == (True, {"answer": 42})


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    print(json.dumps(pull_at_once()))
