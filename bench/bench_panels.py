"""The benchmark pipeline ``cow_dyadyears_directed_8cov``: build and materialise as pandas.

    MULTIPOLAR_MIRROR=/work/shared/data .venv/bin/python bench/bench_panels.py [--runs 5]

CoW directed dyad-years 1816-2022 (2,139,270 rows) with add_nmc, add_atop_alliance,
add_contiguity, add_capital_distance, add_democracy, add_cow_majors, add_igos and add_gml_mids
(59 columns), as peacesciencer 1.2.9 builds it in 8.9 s with 2.8 GB peak on this machine.
Prints the cold run (first in the process: dyad keys built, Parquet files opened), then the
median and best warm wall time with CPU time for both pandas dtype backends (numpy nullable, the
default, then pyarrow), and the process's peak resident memory (getrusage high-water mark, which
includes the interpreter and imports). The data store must
already be populated (``multipolar data pull``) for the figures to exclude conversion.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time

import multipolar as mp
from multipolar.data import store


def build_8cov() -> mp.Panel:
    return (
        mp.create_dyadyears(system="cow", directed=True, years="1816-2022")
        .add_nmc()
        .add_atop_alliance()
        .add_contiguity()
        .add_capital_distance()
        .add_democracy()
        .add_cow_majors()
        .add_igos()
        .add_gml_mids()
    )


def timed(backend: str) -> tuple[float, float, tuple[int, int]]:
    start, start_cpu = time.perf_counter(), time.process_time()
    frame = build_8cov().to_pandas(dtype_backend=backend)
    return time.perf_counter() - start, time.process_time() - start_cpu, frame.shape


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    for name in ("cw_system", "false_cow_dyads", "cow_nmc", "atop_alliance", "cow_contdir", "cow_capitals",
                 "cw_democracy", "cow_majors", "cow_igo_ndy", "gml_mid_ddydisps"):  # fmt: skip
        store.path(name)  # converted before timing
    baseline = peak_rss_mb()
    cold, cold_cpu, shape = timed("numpy_nullable")
    print(f"cow_dyadyears_directed_8cov: {shape[0]:,} rows x {shape[1]} columns (pandas)")
    print(f"cold  {cold:.2f} s wall, {cold_cpu:.2f} s CPU")
    for backend in ("numpy_nullable", "pyarrow"):
        warm = [timed(backend) for _ in range(runs)]
        walls = [w for w, _, _ in warm]
        print(
            f"warm  {backend:14s} median {statistics.median(walls):.2f} s, best {min(walls):.2f} s wall "
            f"(CPU median {statistics.median(c for _, c, _ in warm):.2f} s) over {runs} runs; "
            f"peak so far {peak_rss_mb():.0f} MB resident"
        )
    print(f"(resident before the first build: {baseline:.0f} MB)")
    print(f"load  {os.getloadavg()[0]:.2f} (1-minute average on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
