"""Start-up: `multipolar --help` (and every command's --help) loads no data library, `--version`.

Timing is a benchmark's job (bench/bench_startup.py); what keeps start-up fast is that no command
module imports pandas, NumPy, DuckDB, pyarrow, matplotlib or spaCy before its command runs. This
test fails as soon as one does, naming the module and who imported it.
"""

from __future__ import annotations

import json
import subprocess
import sys

# pydantic: typer 0.29 and later coerce every option through it (0.15 s a command);
# pyproject.toml pins typer below 0.29
HEAVY = (
    "pandas",
    "numpy",
    "duckdb",
    "pyarrow",
    "matplotlib",
    "spacy",
    "polars",
    "country_converter",
    "pydantic",
)

# Runs in a fresh interpreter: --help on the root and on every command and group, then reports
# which heavy modules got imported.
PROBE = """
import json, sys
import typer
from multipolar.interfaces.cli.app import app

def paths(command, prefix):
    yield prefix
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        yield from paths(sub, [*prefix, name])

root = typer.main.get_command(app)
seen = []
for args in paths(root, []):
    try:
        app([*args, "--help"], standalone_mode=False)
    except SystemExit:
        pass
    seen.append(" ".join(args))
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(sys.argv[1])))
print(json.dumps({"commands": seen, "heavy": heavy}))
"""


def test_help_imports_no_heavy_library():
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(HEAVY)], capture_output=True, text=True, check=True
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert {"", "members", "brief", "panel dyadyears", "data verify", "read"} <= set(found["commands"])
    assert found["heavy"] == [], (
        f"--help imported {found['heavy']}: import them inside the command function, not at the top of "
        "a CLI module (run `python -X importtime -m multipolar.interfaces.cli.app --help` to see who)."
    )


def test_import_multipolar_loads_nothing_heavy():
    probe = "import json, sys, multipolar; print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert not set(json.loads(done.stdout)) & set(HEAVY)


def test_members_answers_from_the_curated_files_without_pandas():
    """`multipolar members NATO` (0.5 s target) reads the curated CSVs and the cached state records:
    no pandas, NumPy, pyarrow, DuckDB or pydantic (the modules on its path load them with ``lazy.load``)."""
    probe = (
        "import json, sys\n"
        "from multipolar.interfaces.cli.app import main\n"
        "sys.argv = ['multipolar', 'members', 'NATO', '--date', '2008-09-07', '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & set(json.loads(sys.argv[1])))))"
    )
    # the state records are built (with pandas) once per cache: build them first
    import multipolar as mp

    mp.members("NATO", "2008-09-07")
    done = subprocess.run(
        [sys.executable, "-c", probe.replace("sys.argv[1]", repr(json.dumps(HEAVY)))],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = done.stdout.strip().splitlines()
    assert len(json.loads("\n".join(lines[:-1]))["members"]) == 26
    assert json.loads(lines[-1]) == [], (
        f"members imported {json.loads(lines[-1])}; pydantic means typer 0.29 or later is installed: "
        "reinstall (pip install -e '.[dev]') to get the typer pyproject.toml asks for"
    )


def test_version(run_cli):
    from importlib.metadata import version

    code, out, _ = run_cli("--version")
    assert code == 0
    assert out.strip() == f"multipolar {version('multipolar')}"


def test_the_public_functions_keep_their_names_beside_sub_packages_of_the_same_name():
    """``mp.brief`` is the function even after its sub-package is imported; the sub-package's
    modules are imported with ``from`` (see ``multipolar._Package``)."""
    probe = (
        "import multipolar as mp\n"
        "from multipolar.brief import assemble\n"
        "from multipolar.states import identity\n"
        "assert callable(mp.brief) and mp.brief is assemble.brief, mp.brief\n"
        "assert callable(mp.states) and identity.__name__ == 'multipolar.states.identity'\n"
        "print('ok')"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_a_brief_asked_again_loads_without_pandas(tmp_path):
    """`multipolar brief` (1 s target) assembles once; asked again, the kept brief is loaded and
    shown without pandas, NumPy, DuckDB or pyarrow, and reads exactly as the first."""
    probe = (
        "import json, sys\n"
        "from multipolar.interfaces.cli.app import main\n"
        "sys.argv = ['multipolar', 'brief', '--date', '2008-09-07', '-m', 'cinc']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & set(json.loads(HEAVY)))))"
    ).replace("HEAVY", repr(json.dumps(HEAVY)))

    def run() -> tuple[str, list[str]]:
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
        report, _, heavy = done.stdout.strip().rpartition("\n")
        return report, json.loads(heavy)

    first, _ = run()
    again, heavy = run()
    assert again == first and "NATO" in again
    assert heavy == []
