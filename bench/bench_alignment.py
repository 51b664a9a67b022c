"""Alignment: UN agreement for every pair of states and year 1946-2019, later queries on it,
and the ATOP alliance network with its Leiden communities for every year 1816-2018.

    MULTIPOLAR_MIRROR=/work/shared/data .venv/bin/python bench/bench_alignment.py

Each figure is wall time with CPU time beside it (on a shared machine the wall time waits for a
core; the CPU time is what it costs). Targets: every pair and year under 10 s, a later query
under 0.2 s, the networks of 1816-2018 under 20 s. Run with an empty MULTIPOLAR_HOME to time the
first run (which also maps every vote's country to a state and writes the derived files).
"""

from __future__ import annotations

import resource
import statistics
import time

from multipolar.alignment import dyads, votes
from multipolar.alignment.alliance_networks import network
from multipolar.alignment.dyads import agreement, alignment
from multipolar.alignment.voting_blocs import cohesion


def timed(step):
    start, start_cpu = time.perf_counter(), time.process_time()
    value = step()
    return value, time.perf_counter() - start, time.process_time() - start_cpu


def main() -> None:
    mapped, wall, cpu = timed(votes.votes)
    print(
        f"votes mapped to states as of each vote's day (built on first use): {wall:.2f} s ({cpu:.2f} s CPU)"
    )
    pairs, wall, cpu = timed(lambda: dyads.pair_table(mapped))
    print(f"agreement, every pair and year 1946-2019: {wall:.2f} s ({cpu:.2f} s CPU) (target < 10 s)")
    print(f"  {len(mapped):,} votes, {len(pairs):,} pair-years")
    queries = {
        "agreement USA RUS 1946-2019": lambda: agreement("USA", "RUS"),
        "agreement USA (every partner, 2019)": lambda: agreement("USA"),
        "alignment IND with USA,RUS,CHN": lambda: alignment("IND", "USA,RUS,CHN"),
        "cohesion of the seed's six blocs, 2008": lambda: cohesion(year=2008),
        "agreement USA ISR 2008, human rights only": lambda: agreement("USA", "ISR", 2008, 2008, issue="hr"),
    }
    for name, query in queries.items():
        query()  # first call: loads the table and the identity layer once
        runs = [timed(query) for _ in range(5)]
        wall = statistics.median(r[1] for r in runs)
        cpu = statistics.median(r[2] for r in runs)
        print(f"later query, {name}: {wall * 1000:.0f} ms ({cpu * 1000:.0f} ms CPU), median of 5 (< 200 ms)")
    series, wall, cpu = timed(lambda: network(start=1816, end=2018))
    print(f"alliance networks, Leiden communities, {len(series)} years: {wall:.2f} s ({cpu:.2f} s CPU)")
    series, wall, cpu = timed(lambda: network(start=1816, end=2018, signed=True))
    print(f"the same signed with disputes, with balance: {wall:.2f} s ({cpu:.2f} s CPU) (target < 20 s)")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
