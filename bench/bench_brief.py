"""Time `multipolar brief` as users run it: a whole CLI process, warm cache, several times.

Prints each run's wall time and peak memory (max RSS of the child process), then the best and
median. The first (cold) run fills the cache and is reported separately.

    .venv/bin/python bench/bench_brief.py [--runs 5] [--date 2008-09-07] [-- extra brief args]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def command() -> list[str]:
    found = shutil.which("multipolar", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "multipolar.interfaces.cli.app"]


def run_once(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one brief process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run([*command(), "--quiet", "brief", *args], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"brief failed ({done.returncode}): {done.stderr.strip()}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far (KiB on Linux)
    return wall, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--date", default=None, help="brief date (default: today)")
    parser.add_argument("extra", nargs="*", help="more brief arguments, e.g. --format html")
    options = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="bench-brief-")) / "brief.out"
    args = ([f"--date={options.date}"] if options.date else []) + options.extra + ["-o", str(out)]
    print(f"command: {' '.join(command())} brief {' '.join(args)}")
    wall, peak = run_once(args)
    print(f"warm-up  {wall:6.2f} s  peak {peak:7.1f} MiB")
    walls = []
    for i in range(options.runs):
        wall, peak = run_once(args)
        walls.append(wall)
        print(f"run {i + 1:<4} {wall:6.2f} s  peak {peak:7.1f} MiB")
    print(f"best {min(walls):.2f} s, median {statistics.median(walls):.2f} s, peak memory {peak:.1f} MiB")


if __name__ == "__main__":
    main()
