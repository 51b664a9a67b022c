"""Load on the HTTP service (127.0.0.1 only): requests/s, p50 and p99 per endpoint, errors.

    MULTIPOLAR_MIRROR=../shared/data python bench/bench_web.py [--requests 10000] [--clients 100]

Starts `multipolar serve` on a free local port, warms every endpoint once, then:
1. the load: --requests requests from --clients concurrent clients, spread evenly over the main
   endpoints (the dashboard's page and JSON twin, brief, members, memberships, power, polarity,
   compare, states, resolve, history, read);
2. warm /api/brief for one day at 20 concurrent clients (the target: p99 < 300 ms), and the
   brief of 100 days never asked before at 20 clients (computed, not from the answer cache).
Prints a table per phase and the server's peak memory. Every request is bounded by a time-out.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ENDPOINTS = {
    "page /world/DAY": "/world/2008-09-07?measure=cinc",
    "twin /world/DAY.json": "/world/2008-09-07.json",
    "/api/brief": "/api/brief?date=2008-09-07",
    "/api/members": "/api/members?org=SCO&date=2008-09-07&status=observer",
    "/api/memberships": "/api/memberships?country=Georgia&date=2008-08-08",
    "/api/power": "/api/power?year=2008&measure=gdp&top=10",
    "/api/polarity": "/api/polarity?from=1816&to=2022&measure=cinc",
    "/api/compare": "/api/compare?blocs=NATO&blocs=SCO&date=2008-09-07&add=SCO=IRN,IND,PAK,MNG",
    "/api/states": "/api/states?date=2008-09-07",
    "/api/resolve": "/api/resolve?names=Burma&names=cow:365&date=1985-06-01",
    "/api/history": "/api/history?org=NATO",
    "/api/read": "/api/read?date=2008-09-07&article=The+SCO,+which+currently+groups+Russia,+China,"
    "+Kazakhstan,+Kyrgyzstan,+Tajikistan+and+Uzbekistan,+met+in+Dushanbe.",
}
TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    command = [str(Path(sys.executable).parent / "multipolar"), "serve", "--port", str(port)]
    server = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/openapi.json", timeout=2)
            return server
        except httpx.TransportError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start")


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time used so far by the server (``pid``) or this client: unlike latencies on a shared
    machine, what a request costs does not depend on what else runs."""
    if pid is None:
        return sum(os.times()[:2])
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measured(base: str, paths: list[tuple[str, str]], clients: int, server: int) -> tuple[dict, float]:
    """``run`` under a CPU meter: adds each side's CPU milliseconds per request to the results."""
    server_before, client_before = cpu_seconds(server), cpu_seconds()
    results, elapsed = asyncio.run(run(base, paths, clients))
    per_request = 1000 / len(paths)
    results["cpu"] = {
        "server": (cpu_seconds(server) - server_before) * per_request,
        "client": (cpu_seconds() - client_before) * per_request,
    }
    return results, elapsed


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def run(base: str, paths: list[tuple[str, str]], clients: int) -> tuple[dict, float]:
    """Send every (label, path) from ``clients`` workers; return latencies and errors by label."""
    queue: asyncio.Queue = asyncio.Queue()
    for item in paths:
        queue.put_nowait(item)
    results: dict[str, dict] = {}
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=TIMEOUT, limits=limits) as client:

        async def worker():
            while not queue.empty():
                label, path = queue.get_nowait()
                start = time.perf_counter()
                try:
                    response = await client.get(path)
                    failure = None
                    if response.status_code != 200:
                        failure = f"{response.status_code} {response.text[:200]}"
                except httpx.HTTPError as error:
                    failure = f"{type(error).__name__}: {error}"
                ok = failure is None
                if failure:
                    print(f"error on {path[:60]}: {failure}")
                found = results.setdefault(label, {"times": [], "errors": 0})
                found["times"].append(time.perf_counter() - start)
                found["errors"] += not ok

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        return results, time.perf_counter() - started


def load_average() -> str:
    """The machine's 1- and 5-minute load averages, as `uptime` shows them: on 2 cores shared
    with other work, latencies mean little without them."""
    one, five, _ = os.getloadavg()
    return f"{one:.1f}, {five:.1f}"


def report(title: str, results: dict, elapsed: float) -> None:
    cpu = results.pop("cpu")
    total = sum(len(r["times"]) for r in results.values())
    errors = sum(r["errors"] for r in results.values())
    print(
        f"\n{title}: {total} requests in {elapsed:.1f} s = {total / elapsed:,.0f} requests/s, {errors} errors"
        f" (load average {load_average()})"
    )
    print(f"CPU per request: server {cpu['server']:.2f} ms, this client {cpu['client']:.2f} ms")
    print(f"{'endpoint':28} {'n':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>6}")
    for label, r in results.items():
        times = sorted(r["times"])
        p99 = times[min(len(times) - 1, int(0.99 * len(times)))]
        print(
            f"{label:28} {len(times):6d} {len(times) / elapsed:8.1f} {1000 * statistics.median(times):8.1f} "
            f"{1000 * p99:8.1f} {r['errors']:6d}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=100)
    args = parser.parse_args()
    os.environ.setdefault("MULTIPOLAR_MIRROR", str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    port = free_port()
    server = start_server(port)
    base = f"http://127.0.0.1:{port}"
    try:
        warm, elapsed = measured(base, list(ENDPOINTS.items()), 1, server.pid)
        report("warm-up (each endpoint once, cold)", warm, elapsed)
        labels = list(ENDPOINTS.items())
        load = [labels[i % len(labels)] for i in range(args.requests)]
        results, elapsed = measured(base, load, args.clients, server.pid)
        report(f"load: {args.clients} concurrent clients", results, elapsed)
        brief = [("/api/brief (one day, warm)", ENDPOINTS["/api/brief"])] * 1000
        results, elapsed = measured(base, brief, 20, server.pid)
        report("warm /api/brief at 20 concurrent clients", results, elapsed)
        days = [
            ("/api/brief (new day)", f"/api/brief?date={1950 + i // 12}-{1 + i % 12:02d}-15")
            for i in range(100)
        ]
        results, elapsed = measured(base, days, 20, server.pid)
        report("/api/brief of days not asked before (computed) at 20 concurrent clients", results, elapsed)
        print(f"\nserver peak memory (VmHWM): {peak_memory_mb(server.pid):.0f} MB")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
