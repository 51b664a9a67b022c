"""Dyad-month aggregation of synthetic GDELT 2.0 events, and the dyad-month panel, on DuckDB and
on Spark local[2].

    nice .venv/bin/python bench/bench_events.py            # 10 and 100 million events, both engines
    nice .venv/bin/python bench/bench_events.py --events 10000000 --engines spark --panel

For each size, writes (once, kept in --dir) a synthetic GDELT 2.0 event file in the Parquet
form `multipolar events import` produces (synthetic: made-up events, for timing only, and very
compressible: 0.05 GB per 10 million events, so reading it may be faster than reading real
GDELT), then runs `mp.events(path, period="month", by="quad")` (codes mapped to states as of each
day, shared alliance and bloc flags, sums, shares) in a fresh child process per engine and
prints wall time, events per second and peak resident memory: the child's getrusage high-water
mark (interpreter included) plus, for Spark, the JVM's, sampled from /proc. DuckDB runs with a
1.5 GB memory limit so that it streams and spills rather than holds the table. With --panel it
also writes the directed COW dyad-month panel, 1816 to the state system's last day, to Parquet
(`mp.create_dyadmonths(output=...)`). Ends with lines ready for the README's table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def child(task: str, path: str, engine: str, memory_limit: str, cores: int) -> None:
    """Run one task (``events`` on ``path``, or the ``panel``) and print its figures as JSON."""
    import multipolar as mp
    from multipolar.events import engines

    os.environ["MULTIPOLAR_DUCKDB_MEMORY"] = memory_limit
    peak_jvm = [0]
    stop = threading.Event()
    threading.Thread(target=_sample_jvm, args=(peak_jvm, stop), daemon=True).start()
    start = time.perf_counter()
    spark = engines.local_spark(cores) if engine == "spark" else None
    if task == "events":
        answer = mp.events(path, spark=spark, period="month", by="quad")
        figures = {"rows": len(answer), "events": answer.extra["events_read"]}
    else:
        with tempfile.TemporaryDirectory() as folder:
            answer = mp.create_dyadmonths(spark=spark, output=Path(folder) / "panel.parquet")
            import pyarrow.dataset as ds  # a file (DuckDB) or a folder of part files (Spark)

            figures = {"rows": ds.dataset(answer.extra["output"], format="parquet").count_rows()}
    seconds = time.perf_counter() - start
    stop.set()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": seconds, "peak": peak + peak_jvm[0], **figures}))


def _sample_jvm(peak: list[int], stop: threading.Event) -> None:
    """The high-water mark of this process's Java children (Spark's JVM), every half second."""
    me = str(os.getpid())
    while not stop.wait(0.5):
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                status = Path(f"/proc/{pid}/status").read_text()
                if f"PPid:\t{me}\n" not in status or "java" not in Path(f"/proc/{pid}/cmdline").read_text():
                    continue
            except OSError:
                continue
            for line in status.splitlines():
                if line.startswith("VmHWM"):
                    peak[0] = max(peak[0], int(line.split()[1]) * 1024)


def run(task: str, path: str, engine: str, args) -> dict | None:
    command = [sys.executable, __file__, "--child", task, path, engine]
    command += ["--memory-limit", args.memory_limit, "--cores", str(args.cores)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode or not lines:
        print(f"{engine} {task} {path}: failed\n{result.stderr[-2000:]}", flush=True)
        return None
    return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="*", default=[10_000_000, 100_000_000])
    parser.add_argument("--engines", nargs="+", default=["duckdb", "spark"])
    parser.add_argument("--panel", action="store_true", help="also time the 1816- dyad-month panel")
    parser.add_argument("--dir", default="/tmp/multipolar-bench-events")
    parser.add_argument("--memory-limit", default="1.5GB")
    parser.add_argument("--cores", type=int, default=2, help="Spark local[N]")
    parser.add_argument("--child", nargs=3, metavar=("TASK", "PATH", "ENGINE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, args.memory_limit, args.cores)
        return
    from multipolar.events import synthetic

    results: dict[str, dict[int, dict]] = {engine: {} for engine in args.engines}
    for n in args.events:
        path = Path(args.dir) / f"gdelt2-synthetic-{n}.parquet"
        if not path.exists():
            start = time.perf_counter()
            synthetic.write(path, "gdelt2", n)
            size = path.stat().st_size / 1e9
            print(f"wrote {n:,} synthetic events ({size:.2f} GB) in {time.perf_counter() - start:.0f} s")
        for engine in args.engines:
            got = run("events", str(path), engine, args)
            if got:
                results[engine][n] = got
                rate = n / got["seconds"]
                print(
                    f"{engine:6} {n:>12,} events  {got['seconds']:8.1f} s  {rate:>12,.0f} events/s  "
                    f"peak {got['peak'] / 1e9:.2f} GB  ({got['rows']:,} rows)",
                    flush=True,
                )
    panels = {}
    if args.panel:
        for engine in args.engines:
            got = run("panel", "-", engine, args)
            if got:
                panels[engine] = got
                print(
                    f"{engine:6} dyad-month panel  {got['seconds']:8.1f} s  {got['rows']:,} rows  "
                    f"peak {got['peak'] / 1e9:.2f} GB",
                    flush=True,
                )
    print(f"\nREADME lines (measured {dt.date.today()}; say whether the machine was idle):")
    for engine, runs in results.items():
        if runs:
            print(readme_line(engine, runs, args.cores))
    for engine, got in panels.items():
        print(
            "| `bench/bench_events.py --panel`: directed COW dyad-month panel 1816-, to Parquet, "
            f"{label(engine, args.cores)} | - | {got['seconds']:.0f} s, {got['rows']:,} rows, "
            f"{got['peak'] / 1e9:.2f} GB peak |"
        )


def label(engine: str, cores: int) -> str:
    return "DuckDB (1.5 GB limit)" if engine == "duckdb" else f"Spark local[{cores}]"


def readme_line(engine: str, runs: dict[int, dict], cores: int) -> str:
    """One README table row: each size's time, rate and peak, and how time scaled between sizes."""
    sizes = sorted(runs)
    cells = [
        f"{n / 1e6:.0f}M: {runs[n]['seconds']:.0f} s ({n / runs[n]['seconds'] / 1e6:.2f}M events/s), "
        f"{runs[n]['peak'] / 1e9:.2f} GB peak"
        for n in sizes
    ]
    if len(sizes) > 1:
        a, b = sizes[0], sizes[-1]
        cells.append(f"{b // a}x the events took {runs[b]['seconds'] / runs[a]['seconds']:.1f}x the time")
    return (
        "| `bench/bench_events.py`: dyad-month aggregation of synthetic GDELT 2.0 events, "
        f"{label(engine, cores)} | peak < 2 GB | {'; '.join(cells)} |"
    )


if __name__ == "__main__":
    main()
