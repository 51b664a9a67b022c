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


def run_once(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one brief process.

    CPU time is what the process itself used: on a busy machine wall time also counts waiting.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([*command(), "--quiet", "brief", *args], capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode:
        sys.exit(f"brief failed ({done.returncode}): {done.stderr.strip()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    # ru_maxrss of children is the largest child so far (KiB on Linux)
    return wall, cpu, after.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--date", default=None, help="brief date (default: today)")
    parser.add_argument("extra", nargs="*", help="more brief arguments, e.g. --format html")
    options = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="bench-brief-")) / "brief.txt"
    args = ([f"--date={options.date}"] if options.date else []) + options.extra + ["-o", str(out)]
    print(f"command: {' '.join(command())} brief {' '.join(args)}")
    wall, cpu, peak = run_once(args)
    print(f"warm-up  wall {wall:5.2f} s  cpu {cpu:5.2f} s  peak {peak:6.1f} MiB")
    walls, cpus = [], []
    for i in range(options.runs):
        wall, cpu, peak = run_once(args)
        walls.append(wall)
        cpus.append(cpu)
        print(f"run {i + 1:<4} wall {wall:5.2f} s  cpu {cpu:5.2f} s  peak {peak:6.1f} MiB")
    print(
        f"wall best {min(walls):.2f} s, median {statistics.median(walls):.2f} s; "
        f"cpu median {statistics.median(cpus):.2f} s; peak memory {peak:.1f} MiB"
    )


if __name__ == "__main__":
    main()
