"""The dashboard's first view in headless Chromium on a warm server (target: under 1.5 s).

    MULTIPOLAR_MIRROR=../shared/data python bench/bench_dashboard.py [--runs 7] [--screenshot FILE.png]

Starts `multipolar serve` on a free local port, asks once for the day's data (warm), then opens
/world/2008-09-07 in a fresh browser context each run and times navigation start to the first
view drawn (polarity verdicts, the map, the top powers). Prints each run and the median.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_web import free_port, load_average, start_server  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
PAGE = "/world/2008-09-07?measure=cinc"
DRAWN = """() => document.querySelector('#verdicts .verdict') && document.querySelector('#map svg.marks path')
  && document.querySelector('#powers svg.marks') && document.getElementById('status').textContent === ''"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--screenshot", help="Save the first view (1440×900) to this PNG.")
    args = parser.parse_args()
    port = free_port()
    server = start_server(port)
    base = f"http://127.0.0.1:{port}"
    try:
        # warm: the day's data, and today's, which `serve` computes in the background as it
        # starts (this waits for that, so that no run shares the CPU with it)
        for day in ("2008-09-07", dt.date.today().isoformat()):
            httpx.get(f"{base}/world/{day}.json", timeout=300).raise_for_status()
        times = []
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for run in range(args.runs + 1):  # the first run, untimed, warms the page's other views
                context = browser.new_context(viewport={"width": 1440, "height": 900})
                page = context.new_page()
                start = time.perf_counter()
                page.goto(base + PAGE)
                page.wait_for_function(DRAWN, polling=10, timeout=60_000)
                elapsed = time.perf_counter() - start
                if run:
                    times.append(elapsed)
                    print(f"run {run}: first view in {elapsed * 1000:.0f} ms (load average {load_average()})")
                if run == 0 or (args.screenshot and run == args.runs):
                    page.wait_for_selector("#shares-chart svg.marks", timeout=120_000)
                    page.wait_for_selector("#org-chart svg.marks")
                    page.wait_for_selector("#scenario-table table")
                if args.screenshot and run == args.runs:
                    page.screenshot(path=args.screenshot)
                context.close()
            browser.close()
        print(f"median first view: {statistics.median(times) * 1000:.0f} ms (max {max(times) * 1000:.0f} ms)")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
