"""The README is tested: its commands run, its Python twins exist, CI runs its test command."""

from __future__ import annotations

import re
import shlex

import pytest

import multipolar as mp
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text()
TABLE_ROWS = [line for line in README.splitlines() if line.startswith("| `multipolar ")]


def table_commands() -> list[str]:
    commands = []
    for row in TABLE_ROWS:
        first_cell = row.split("` |")[0]
        for command in re.findall(r"`(multipolar [^`]+)`", first_cell + "`"):
            if "|" not in command and "[" not in command and "ARTICLE" not in command:
                commands.append(command)
    return commands


def test_readme_shows_the_two_commands_and_ci_runs_the_test_one():
    blocks = re.findall(r"```sh\n(.+?)\n```", README)
    assert blocks[0].endswith("multipolar brief") and "pip install -e ." in blocks[0]
    assert blocks[1].endswith("pytest")
    assert blocks[1] in (ROOT / ".ci" / "run").read_text()


def test_every_python_twin_exists():
    for row in TABLE_ROWS:
        for name in re.findall(r"`mp\.(\w+)\(", row):
            assert callable(getattr(mp, name)), name


@pytest.mark.parametrize("command", table_commands())
def test_table_command_runs(command, run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    args = shlex.split(command)[1:]
    if "-o" not in args and args[0] not in {"plot", "panel"}:
        args.append("--json")
    code, out, err = run_cli(*args)
    assert code == 0, f"{command}: {err}"


def test_seed_question_commands_in_the_readme_run(run_cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    blocks = re.findall(r"```sh\n(multipolar .+?)\n```", README)
    assert blocks == [
        "multipolar brief --date 2008-09-07",
        "multipolar read ../shared/examples/2008-09-07-sco-military-alliance.md",
    ]
    for command in blocks:
        code, out, err = run_cli(*shlex.split(command)[1:], "--json")
        assert code == 0, f"{command}: {err}"
        assert '"date": "2008-09-07"' in out
