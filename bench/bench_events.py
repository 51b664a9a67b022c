"""Dyad-month aggregation of synthetic GDELT 2.0 events on DuckDB and on Spark local[2].

    nice .venv/bin/python bench/bench_events.py --events 10000000 100000000 --engines duckdb spark

For each size, writes (once, kept in --dir) a synthetic GDELT 2.0 event file in the Parquet
form `multipolar events import` produces (synthetic: made-up events, for timing only), then
runs `mp.events(path, period="month", by="quad")` (codes mapped to states as of each day,
shared alliance and bloc flags, sums, shares) in a fresh child process per engine and prints
wall time, events per second and peak resident memory: the child's getrusage high-water mark
for DuckDB (interpreter included), and for Spark the Python driver's plus the JVM's, sampled
from /proc. DuckDB runs with a 1.5 GB memory limit so that it streams and spills rather than
holds the table.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path


def child(path: str, engine: str, memory_limit: str) -> None:
    """Run one aggregation and print its figures as JSON (in a fresh process)."""
    import multipolar as mp

    os.environ["MULTIPOLAR_DUCKDB_MEMORY"] = memory_limit
    peak_jvm = [0]
    stop = threading.Event()

    def sample_jvm() -> None:
        me = str(os.getpid())
        while not stop.wait(0.5):
            for pid in os.listdir("/proc"):
                if not pid.isdigit():
                    continue
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                if f"PPid:\t{me}\n" in status and "java" in Path(f"/proc/{pid}/cmdline").read_text():
                    rss = [line for line in status.splitlines() if line.startswith("VmHWM")]
                    if rss:
                        peak_jvm[0] = max(peak_jvm[0], int(rss[0].split()[1]) * 1024)

    watcher = threading.Thread(target=sample_jvm, daemon=True)
    watcher.start()
    start = time.perf_counter()
    answer = mp.events(path, engine=engine, period="month", by="quad")
    seconds = time.perf_counter() - start
    stop.set()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        json.dumps(
            {
                "seconds": seconds,
                "rows": len(answer),
                "events": answer.extra["events_read"],
                "peak_python": peak,
                "peak_jvm": peak_jvm[0],
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[10_000_000, 100_000_000])
    parser.add_argument("--engines", nargs="+", default=["duckdb", "spark"])
    parser.add_argument("--dir", default="/tmp/multipolar-bench-events")
    parser.add_argument("--memory-limit", default="1.5GB")
    parser.add_argument("--child", nargs=2, metavar=("PATH", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.memory_limit)
        return
    from multipolar.events import synthetic

    folder = Path(args.dir)
    for n in args.events:
        path = folder / f"gdelt2-synthetic-{n}.parquet"
        if not path.exists():
            start = time.perf_counter()
            synthetic.write(path, "gdelt2", n)
            print(
                f"wrote {n:,} synthetic events ({path.stat().st_size / 1e9:.2f} GB) in "
                f"{time.perf_counter() - start:.0f} s",
                flush=True,
            )
        for engine in args.engines:
            command = [
                sys.executable,
                __file__,
                "--child",
                str(path),
                engine,
                "--memory-limit",
                args.memory_limit,
            ]
            result = subprocess.run(command, capture_output=True, text=True, check=False)
            lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
            if result.returncode or not lines:
                print(f"{engine} {n:,}: failed\n{result.stderr[-2000:]}", flush=True)
                continue
            got = json.loads(lines[-1])
            peak = (got["peak_python"] + got["peak_jvm"]) / 1e9
            print(
                f"{engine:6} {n:>12,} events  {got['seconds']:8.1f} s  "
                f"{n / got['seconds']:>12,.0f} events/s  "
                f"peak {peak:.2f} GB  ({got['rows']:,} rows)",
                flush=True,
            )


if __name__ == "__main__":
    main()
