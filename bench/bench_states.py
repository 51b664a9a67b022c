"""Time the state-system and identity queries: first use (load and build) and warm calls.

    MULTIPOLAR_MIRROR=/work/shared/data .venv/bin/python bench/bench_states.py [--n 1000]

The data are pulled into the cache first, so the cold numbers are building the in-memory tables
(spells, entity table, aliases), not downloading.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import time


def timed(label: str, calls, n: int = 1) -> None:
    started = time.perf_counter()
    for _ in range(n):
        calls()
    per = (time.perf_counter() - started) / n
    print(f"{label:48s} {per * 1000:9.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000, help="warm calls to average")
    n = parser.parse_args().n

    import multipolar as mp
    from multipolar.states import identity

    mp.pull(["cow_states", "gw_states", "gw_system", "cow_majors", "cw_gw_panel", "gw_cw_panel"])
    timed("states('2008-09-07') first use", lambda: mp.states("2008-09-07"))
    timed("states('2008-09-07') warm", lambda: mp.states("2008-09-07"), n)
    days = [dt.date(1816, 1, 1) + dt.timedelta(days=random.Random(i).randrange(76_000)) for i in range(n)]
    pick = iter(days)
    timed("states(new day) (day not cached)", lambda: mp.states(next(pick)), n)
    timed("identify('Germany', 1960) first use", lambda: identity.identify("Germany", "1960-01-01"))
    names = ["Germany", "Russia", "Burma", "cow:345", "gw:345", "DEU", "Ivory Coast", "Kyrgyz Republic"]
    cycle = iter(names * n)
    timed("identify(name or code, 1995) warm", lambda: identity.identify(next(cycle), "1995-06-01"), n)
    timed("aliases() (gazetteer table)", identity.aliases, 10)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'peak memory':48s} {peak:9.1f} MB")


if __name__ == "__main__":
    main()
