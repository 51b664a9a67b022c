"""Tests run offline: downloads come from the shared mirror, into a cache made for the run."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MIRROR = Path(os.environ.get("MULTIPOLAR_MIRROR") or ROOT.parent / "shared" / "data").resolve()  # tests chdir
REFERENCE = ROOT.parent / "shared" / "reference" / "peacesciencer"
EXAMPLES = ROOT.parent / "shared" / "examples"


def pytest_configure(config):
    if not (MIRROR / "MANIFEST.json").exists():
        raise pytest.UsageError(f"No data mirror at {MIRROR}; set MULTIPOLAR_MIRROR.")
    os.environ["MULTIPOLAR_MIRROR"] = str(MIRROR)
    if not os.environ.get("MULTIPOLAR_HOME"):
        # one cache per test session, shared by all tests so each dataset converts once
        import tempfile

        os.environ["MULTIPOLAR_HOME"] = tempfile.mkdtemp(prefix="multipolar-test-")


@pytest.fixture
def isolated_home(tmp_path, monkeypatch):
    """An empty cache for tests that exercise downloading and conversion."""
    monkeypatch.setenv("MULTIPOLAR_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """Run the CLI in-process as a user would; returns (exit_code, stdout, stderr)."""
    from multipolar.interfaces.cli.app import main

    monkeypatch.setenv("COLUMNS", "200")
    # --mirror changes the environment; let monkeypatch restore it after the test
    monkeypatch.setenv("MULTIPOLAR_MIRROR", os.environ.get("MULTIPOLAR_MIRROR", ""))

    def run(*args: str):
        monkeypatch.setattr(sys, "argv", ["multipolar", *args])
        try:
            main()
            code = 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
