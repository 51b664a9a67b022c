"""Start-up as users feel it: whole `multipolar` processes, warm cache, several runs each.

Targets: `multipolar --help` < 0.3 s, `multipolar members NATO` < 0.5 s, `multipolar brief`
< 1 s. Prints each command's wall and CPU time (best and median) and peak memory. CPU time is
what the process itself used: on a busy machine wall time also counts waiting for a core.
The processes may write Python's bytecode cache (as an installed package has it), even where the
shell says PYTHONDONTWRITEBYTECODE: without it every run compiles the package's modules again.
`brief` is timed twice: as shown again (the kept brief, ``brief/keep.py``) and as assembled, the
first time a day's brief is asked (the kept brief removed before each run; no target).

    .venv/bin/python bench/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

COMMANDS = {  # what is run -> its target in seconds
    ("--help",): 0.3,
    ("--version",): 0.3,
    ("members", "NATO"): 0.5,
    ("brief",): 1.0,
}
ASSEMBLED = ("brief",)  # timed once more without the kept brief


def forget_kept_brief() -> None:
    """Remove the kept brief, so that the next `multipolar brief` assembles it again."""
    from multipolar import config

    for kept in (config.store_dir() / "derived").glob("brief-*.pickle"):
        kept.unlink()


def command() -> list[str]:
    found = shutil.which("multipolar", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "multipolar.interfaces.cli.app"]


def environment() -> dict[str, str]:
    """This process's environment, with the bytecode cache allowed (see the module's docstring)."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run_once(args: tuple[str, ...]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one process (its own rusage, by wait4)."""
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: nothing blocks while we wait
        start = time.perf_counter()
        child = subprocess.Popen(
            [*command(), "--quiet", *args], stdout=subprocess.DEVNULL, stderr=errors, env=environment()
        )
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        if code:
            errors.seek(0)
            sys.exit(f"multipolar {' '.join(args)} failed ({code}): {errors.read().decode().strip()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    print(f"command: {' '.join(command())}; {options.runs} runs each after one warm-up")
    runs = [(args, target, None) for args, target in COMMANDS.items()]
    for args, target, before in [*runs, (ASSEMBLED, None, forget_kept_brief)]:
        run_once(args)  # warm-up: fills the cache and the OS's file cache
        walls, cpus = [], []
        for _ in range(options.runs):
            if before:
                before()
            wall, cpu, peak = run_once(args)
            walls.append(wall)
            cpus.append(cpu)
        median = statistics.median(walls)
        label = " ".join(args) + (" (assembled)" if before else "")
        verdict = "no target" if target is None else "meets" if median < target else "MISSES"
        print(
            f"multipolar {label:<20} wall best {min(walls):.2f} s, median {median:.2f} s; "
            f"cpu median {statistics.median(cpus):.2f} s; peak {peak:.0f} MiB; "
            + (f"target < {target} s: {verdict}" if target else verdict)
        )


if __name__ == "__main__":
    main()
