"""Three peacesciencer pipelines as a user meets them: each a whole process (start Python, import
multipolar, build the panel as a pandas DataFrame, exit), timed from outside, with its peak memory.

    MULTIPOLAR_MIRROR=/work/shared/data .venv/bin/python bench/bench_pipelines.py [--runs 5]

peacesciencer 1.2.9 (R 4.2.2), measured the same way on the machine of issue 19 (whole process,
five pairs after a warm-up): 35.1 s and 2,751 MB for the directed 8-covariate panel, 39.6 s and
2,134 MB for the non-directed one, 21.5 s and 1,552 MB for the G-W state-years with 7 covariates.
The target is 20 times faster. Each pipeline runs once to warm the data store and the OS file
cache, then ``--runs`` times; the script prints the median and best wall time, the median CPU
time (user + system, all threads: steadier than wall time on a shared machine) and the largest
peak resident memory of the process (``wait4``'s ru_maxrss: interpreter, libraries and panel).
The processes run as an installed package does: with Python's bytecode cache (a
PYTHONDONTWRITEBYTECODE in the environment is dropped for them). ``--write DIR`` also runs each
pipeline writing Parquet instead (``Panel.write``, streamed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

PEACESCIENCER = {  # seconds, MB: whole-process figures of issue 19
    "cow_directed_8cov": (35.1, 2751),
    "cow_nondirected_8cov": (39.6, 2134),
    "gw_stateyears_7cov": (21.5, 1552),
}

PIPELINES = {
    "cow_directed_8cov": (
        "create_dyadyears(system='cow', directed=True, years='1816-2022')"
        ".add_nmc().add_atop_alliance().add_contiguity().add_capital_distance().add_democracy()"
        ".add_cow_majors().add_igos().add_gml_mids()"
    ),
    "cow_nondirected_8cov": (
        "create_dyadyears(system='cow', directed=False)"
        ".add_nmc().add_atop_alliance().add_contiguity().add_capital_distance().add_democracy()"
        ".add_igos().add_strategic_rivalries().add_gml_mids()"
    ),
    "gw_stateyears_7cov": (
        "create_stateyears(system='gw')"
        ".add_democracy().add_sim_gdp_pop().add_creg_fractionalization().add_ucdp_acd().add_ucdp_onsets()"
        ".add_capital_distance().add_ccode_to_gw()"
    ),
    "gw_stateyears_9cov": (  # the reference pipeline: the 7 plus terrain and Archigos
        "create_stateyears(system='gw')"
        ".add_democracy().add_sim_gdp_pop().add_creg_fractionalization().add_rugged_terrain()"
        ".add_ucdp_acd().add_ucdp_onsets().add_capital_distance().add_archigos().add_ccode_to_gw()"
    ),
}


def child_code(pipeline: str, target: str | None) -> str:
    read = f"panel.write({target!r})" if target else "frame = panel.to_pandas()"
    return f"import multipolar as mp\npanel = mp.{pipeline}\n{read}\n"


def run(code: str) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MB of one ``python -c code`` process."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code], env=environment)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"the pipeline failed (status {status}): {code}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", metavar="DIR", help="also time writing each panel to Parquet in DIR")
    parser.add_argument("--only", help="one pipeline: " + ", ".join(PIPELINES))
    args = parser.parse_args()
    chosen = [args.only] if args.only else list(PIPELINES)
    modes = [("pandas", None)] + ([("parquet", args.write)] if args.write else [])
    if args.write:
        Path(args.write).mkdir(parents=True, exist_ok=True)
    header = f"{'pipeline':22s} {'output':8s} {'median':>8s} {'best':>7s} {'CPU':>6s} {'peak MB':>8s}"
    print(header, " vs peacesciencer")
    for name in chosen:
        for mode, folder in modes:
            target = str(Path(folder) / f"{name}.parquet") if folder else None
            code = child_code(PIPELINES[name], target)
            run(code)  # warm-up: data converted, files in the OS cache
            runs = [run(code) for _ in range(args.runs)]
            walls = [w for w, _, _ in runs]
            cpu = statistics.median(c for _, c, _ in runs)
            peak = max(m for _, _, m in runs)
            median = statistics.median(walls)
            versus = ""
            if name in PEACESCIENCER:
                seconds, megabytes = PEACESCIENCER[name]
                versus = f"{seconds / median:5.1f}x faster, {megabytes / peak:4.1f}x less memory"
            print(f"{name:22s} {mode:8s} {median:7.2f}s {min(walls):6.2f}s {cpu:5.2f}s {peak:8.0f}  {versus}")
    print(f"load {os.getloadavg()[0]:.2f} (1-minute average on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
