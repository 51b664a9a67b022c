"""The remaining covariates on the largest panel: CoW directed dyad-years 1816-2022.

    MULTIPOLAR_MIRROR=/work/shared/data .venv/bin/python bench/bench_panel_covariates.py [--runs 3]

add_cow_mids, add_peace_years, add_minimum_distance, add_strategic_rivalries,
add_creg_fractionalization, add_gwcode_to_cow, add_blocs (NATO, Warsaw Pact, EU) and
add_power_shares (CINC), materialised as pandas. Prints the cold run (first in the process),
the median and best warm wall time, and the process's peak resident memory (getrusage
high-water mark). Datasets are converted before timing.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

import multipolar as mp
from multipolar.data import store
from multipolar.power import measures

DATASETS = ("cw_system", "false_cow_dyads", "cow_mid_ddydisps", "cow_mindist", "tss_rivalries", "creg",
            "cw_gw_panel", "cow_nmc")  # fmt: skip


def build() -> mp.Panel:
    return (
        mp.create_dyadyears(system="cow", directed=True, years="1816-2022")
        .add_cow_mids()
        .add_peace_years()
        .add_minimum_distance()
        .add_strategic_rivalries()
        .add_creg_fractionalization()
        .add_gwcode_to_cow()
        .add_blocs(["NATO", "Warsaw Pact", "EU"])
        .add_power_shares("cinc")
    )


def timed() -> tuple[float, tuple[int, int]]:
    start = time.perf_counter()
    frame = build().to_pandas()
    return time.perf_counter() - start, frame.shape


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    for name in DATASETS:
        store.path(name)
    measures.series("cinc")  # the power module's cached table, loaded once per process
    cold, shape = timed()
    warm = [timed()[0] for _ in range(runs)]
    print(f"CoW directed dyad-years with the remaining covariates: {shape[0]:,} rows x {shape[1]} columns")
    print(f"cold  {cold:.2f} s wall")
    print(f"warm  median {statistics.median(warm):.2f} s, best {min(warm):.2f} s wall over {runs} runs")
    print(f"peak  {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB resident")


if __name__ == "__main__":
    main()
