"""Time `multipolar brief` as users run it: a whole CLI process, warm cache, several times.

Prints each run's wall and CPU time and peak memory (max RSS of the child process), then the
best and median. The first (cold) run fills the cache and is reported separately. Target < 2 s.
Each run assembles the brief: the brief the command line keeps (``brief/keep.py``) is removed
first, since a brief shown again is bench_startup.py's to time.

    .venv/bin/python bench/bench_brief.py [--runs 5] [--date 2008-09-07] [-- extra brief args]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

# beside this file: one way to time a CLI process
from bench_startup import command, forget_kept_brief, run_once

TARGET = 2.0  # seconds, median wall time of a warm run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--date", default=None, help="brief date (default: today)")
    parser.add_argument("extra", nargs="*", help="more brief arguments, e.g. --format html")
    options = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="bench-brief-")) / "brief.txt"
    args = ([f"--date={options.date}"] if options.date else []) + options.extra + ["-o", str(out)]
    print(f"command: {' '.join(command())} brief {' '.join(args)}")
    wall, cpu, peak = run_once(("brief", *args))
    print(f"warm-up  wall {wall:5.2f} s  cpu {cpu:5.2f} s  peak {peak:6.1f} MiB")
    walls, cpus = [], []
    for i in range(options.runs):
        forget_kept_brief()
        wall, cpu, peak = run_once(("brief", *args))
        walls.append(wall)
        cpus.append(cpu)
        print(f"run {i + 1:<4} wall {wall:5.2f} s  cpu {cpu:5.2f} s  peak {peak:6.1f} MiB")
    median = statistics.median(walls)
    print(
        f"wall best {min(walls):.2f} s, median {median:.2f} s; cpu median {statistics.median(cpus):.2f} s; "
        f"peak memory {peak:.1f} MiB; target < {TARGET} s: {'meets' if median < TARGET else 'MISSES'}"
    )


if __name__ == "__main__":
    main()
