"""Polarity for every year 1816-2022 under every measure: cold (first load) and warm wall time.

    MULTIPOLAR_MIRROR=/work/shared/data .venv/bin/python bench/bench_polarity.py

Prints wall time and peak memory (tracemalloc for Python allocations, getrusage for the
process's maximum resident set size).
"""

from __future__ import annotations

import resource
import time
import tracemalloc

from multipolar.power.measures import MEASURES
from multipolar.power.polarity import polarity

WEIGHTS = {"composite": {"gdp_longrun": 0.5, "milex_nmc": 0.5}}


def every_measure() -> int:
    rows = 0
    for measure in MEASURES:
        rows += len(polarity(start=1816, end=2022, measure=measure, weights=WEIGHTS.get(measure)))
    return rows


def main() -> None:
    start = time.perf_counter()
    rows = every_measure()
    cold = time.perf_counter() - start
    runs, cpu = [], []
    for _ in range(5):
        start, start_cpu = time.perf_counter(), time.process_time()
        every_measure()
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    tracemalloc.start()  # traced separately: tracing slows allocation-heavy code down
    every_measure()
    _, warm_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"measures: {len(MEASURES)}, rows: {rows} (1816-2022 each)")
    print(f"cold (load, map to COW codes, convert if needed): {cold:.2f} s")
    print(f"warm: best {min(runs):.3f} s, median {sorted(runs)[2]:.3f} s wall (target < 0.5 s)")
    print(f"warm CPU time: best {min(cpu):.3f} s (what the wall time is on an idle core)")
    print(f"peak memory: warm pass {warm_peak / 2**20:.1f} MiB traced; process max RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
