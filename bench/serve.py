"""Throughput and latency of `vnfa serve` for a simple SELECT, on loopback.

Builds a store from data/articles/ in a temporary folder, starts `vnfa serve`
on a free 127.0.0.1 port, then for 1, 8 and 32 concurrent clients sends the
same query until REQUESTS answers or SECONDS have passed (whichever first),
and prints requests/second and latency percentiles. Then, for reference, the
same against `oxigraph serve-read-only` on the same store when the `oxigraph`
program (PyPI package `oxigraph`) is installed. Bounded: about
6 x (REQUESTS + warm-up) requests, all to 127.0.0.1.

    python bench/serve.py [--requests 3000] [--seconds 10] [--workers 2]
"""
from __future__ import annotations

import argparse
import asyncio
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERY = "PREFIX schema: <https://schema.org/> SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }"
CLIENTS = (1, 8, 32)
WARM_UP = 50


def build_store(folder: Path) -> None:
    from vnfa.ingest.pipeline import ingest
    from vnfa.resources import data_path
    from vnfa.store.open import opened

    with opened(folder) as dataset:
        report = ingest([data_path("articles")], dataset, progress=False)
    print(f"store: {len(report.ingested)} articles from data/articles/", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(command: list[str], url: str) -> subprocess.Popen:
    """Start a server and wait until it answers (30 s at most)."""
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL)
    for _ in range(300):
        try:
            httpx.get(url, params={"query": "ASK {}"}, timeout=1)
            return process
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"{command[0]} did not start within 30 s")


async def read_body(reader: asyncio.StreamReader, head: bytes) -> None:
    """Read a response body: Content-Length, or chunks (Oxigraph's server streams)."""
    if b"transfer-encoding: chunked" not in head:
        length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.startswith(b"content-length:"))
        await reader.readexactly(length)
        return
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        await reader.readexactly(size + 2)
        if size == 0:
            return


async def one_client(port: int, request: bytes, latencies: list[float], requests: int, deadline: float) -> None:
    """One keep-alive connection sending the query again and again (a bare HTTP/1.1 client:
    httpx's own cost capped the figures near 300 requests/s on this machine)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while len(latencies) < requests and time.perf_counter() < deadline:
            started = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            if not head.startswith(b"HTTP/1.1 200"):
                raise SystemExit(f"unexpected answer: {head.splitlines()[0]!r}")
            await read_body(reader, head.lower())
            latencies.append(time.perf_counter() - started)
    finally:
        writer.close()


async def run_clients(port: int, path: str, clients: int, requests: int, seconds: float):
    """Latencies (s) of each answered request and the wall time taken."""
    request = (f"GET {path}?query={quote(QUERY)} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               "Accept: application/sparql-results+json\r\n\r\n").encode()
    await one_client(port, request, [], WARM_UP, time.perf_counter() + seconds)
    latencies: list[float] = []
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(*(one_client(port, request, latencies, requests, deadline) for _ in range(clients)))
    return latencies, time.perf_counter() - started


def percentile(values: list[float], share: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[share - 1] * 1000


def measure(label: str, command: list[str], port: int, path: str, args) -> None:
    """Start a server, print one row per number of clients, stop it."""
    server = start(command, f"http://127.0.0.1:{port}{path}")
    try:
        for clients in CLIENTS:
            latencies, wall = asyncio.run(run_clients(port, path, clients, args.requests, args.seconds))
            print(f"{label:<26} {clients:>7} {len(latencies):>9} {len(latencies) / wall:>8.0f} "
                  f"{percentile(latencies, 50):>8.1f} {percentile(latencies, 90):>8.1f} "
                  f"{percentile(latencies, 99):>8.1f}")
    finally:
        server.terminate()
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000, help="answers per concurrency level (about)")
    parser.add_argument("--seconds", type=float, default=10.0, help="time per concurrency level (at most)")
    parser.add_argument("--workers", type=int, default=2, help="vnfa serve --workers")
    args = parser.parse_args()
    oxigraph = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    with tempfile.TemporaryDirectory(prefix="vnfa-bench-") as folder:
        store = Path(folder) / "store"
        build_store(store)
        print(f"query: {QUERY}")
        print(f"{'server':<26} {'clients':>7} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8}")
        port = free_port()
        measure(f"vnfa serve --workers {args.workers}", [sys.executable, "-m", "vnfa", "serve", "-q", "--port",
                str(port), "--store", str(store), "--workers", str(args.workers)], port, "/sparql", args)
        if oxigraph:
            port = free_port()
            measure("oxigraph serve-read-only", [oxigraph, "serve-read-only", "--location", str(store), "--bind",
                    f"127.0.0.1:{port}", "--union-default-graph"], port, "/query", args)
        else:
            print("(no `oxigraph` program: pip install oxigraph to compare with Oxigraph's own server)")


if __name__ == "__main__":
    main()
