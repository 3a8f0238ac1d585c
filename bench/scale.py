"""How far one machine goes: ingest a synthetic corpus of N articles into each
backend and print articles/s, quads/s, CPU time, peak memory, store size and
the latency of every named query at that size.

    python bench/scale.py --articles 10000
    python bench/scale.py --articles 100000 --backends embedded --workers 2

Each ingest is `vnfa ingest` in a child process, its memory summed over the
process tree (workers included) every 0.2 s; servers are started by
tests/servers.py on 127.0.0.1 in a temporary folder and stopped at the end.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import running  # noqa: E402
from vnfa.query.named import named_queries, run_query  # noqa: E402
from vnfa.store.open import count_quads, opened  # noqa: E402
from vnfa.synthetic import Generator, write_jsonl  # noqa: E402

# mode -> (backend, extra ingest arguments)
MODES = {
    "embedded-bulk": ("embedded", ["--bulk"]),
    "embedded": ("embedded", []),
    "oxigraph": ("oxigraph", []),
    "virtuoso": ("virtuoso", []),
}


def measure(command: list[str], extra: list[psutil.Process] = ()) -> dict:
    """Run a command; wall time, CPU time and peak summed RSS of its process tree."""
    start = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = cpu = 0.0
    tree_cpu: dict[int, float] = {}
    while process.poll() is None:
        try:
            tree = [process] + process.children(recursive=True)
            rss = 0
            for member in tree:
                with member.oneshot():
                    rss += member.memory_info().rss
                    times = member.cpu_times()
                    tree_cpu[member.pid] = times.user + times.system
            peak = max(peak, rss)
        except psutil.Error:
            pass
        time.sleep(0.2)
    wall = time.perf_counter() - start
    cpu = sum(tree_cpu.values())
    errors = process.stderr.read().decode("utf-8", "replace")
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors[-2000:]}")
    return {"wall": wall, "cpu": cpu, "peak_mb": peak / 2**20}


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


QUERY_SECONDS = 30
QUERY_BYTES = 4 * 2**30


def query_latencies(store: str, person: str) -> dict[str, tuple]:
    """Seconds and rows per named query (result fully read), each in a child process capped at
    QUERY_SECONDS and QUERY_BYTES of memory: a query over the limit shows as such."""
    import resource

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (QUERY_BYTES, QUERY_BYTES))

    out = {}
    for name in named_queries():
        command = [sys.executable, __file__, "--latency", store, name, person]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=QUERY_SECONDS, preexec_fn=cap)
            seconds, rows = done.stdout.split() if done.returncode == 0 else ("nan", "out of memory")
            out[name] = (float(seconds), rows)
        except subprocess.TimeoutExpired:
            out[name] = (float("inf"), f"over {QUERY_SECONDS} s")
    return out


def latency(store: str, name: str, person: str) -> None:
    """Child mode: run one named query, print seconds and rows."""
    from rdflib import Literal

    text = named_queries()[name]
    bindings = {"person": Literal(person, lang="vi")} if name == "meetings-of" else {}
    with opened(store, create=False) as dataset:
        start = time.perf_counter()
        rows = list(run_query(dataset, text, bindings))
        print(f"{time.perf_counter() - start:.4f} {len(rows)}")


def top_person(corpus: Path) -> str:
    """The leader the corpus names most: a realistic binding for meetings-of."""
    return Generator().words.vn_leaders.items[0].name


def run_one(mode: str, workers: int, corpus: Path, articles: int, work: Path, queries: bool) -> dict:
    backend, extra = MODES[mode]
    folder = work / f"{mode}-{workers}"
    shutil.rmtree(folder, ignore_errors=True)
    vnfa = [sys.executable, "-c", "from vnfa.cli import main; main()", "ingest", "-q", str(corpus)]
    if backend == "embedded":
        row = measure(vnfa + ["--store", str(folder), "--workers", str(workers)] + extra)
        return _finish(row, mode, workers, articles, str(folder), folder, corpus, queries, None)
    with running(backend, folder) as server:
        server_process = psutil.Process(server.process.pid)
        row = measure(vnfa + ["--store", server.url, "--workers", str(workers)] + extra)
        return _finish(row, mode, workers, articles, server.url, folder, corpus, queries, server_process)


def _finish(row, mode, workers, articles, store, folder, corpus, queries, server) -> dict:
    with opened(store, create=False) as dataset:
        row["quads"] = count_quads(dataset)
    row.update(mode=mode, workers=workers, articles=articles, size_mb=folder_mb(folder),
               server_mb=server.memory_info().rss / 2**20 if server else 0.0)
    row["queries"] = query_latencies(store, top_person(corpus)) if queries else {}
    return row


def report(rows: list[dict]) -> None:
    print(f"{'articles':>9} {'store':<14} {'wrk':>3} {'art/s':>7} {'quads/s':>8} {'wall s':>7} {'cpu s':>7} "
          f"{'peak MB':>8} {'server MB':>9} {'quads':>10} {'disk MB':>8}")
    for r in rows:
        print(f"{r['articles']:>9} {r['mode']:<14} {r['workers']:>3} {r['articles'] / r['wall']:>7.0f} "
              f"{r['quads'] / r['wall']:>8.0f} {r['wall']:>7.0f} {r['cpu']:>7.0f} {r['peak_mb']:>8.0f} "
              f"{r['server_mb']:>9.0f} {r['quads']:>10} {r['size_mb']:>8.0f}")
    for r in rows:
        if r["queries"]:
            timings = ", ".join(f"{name} {seconds * 1000:.0f} ms ({count} rows)" if seconds < float("inf")
                                else f"{name} {count}"
                                for name, (seconds, count) in r["queries"].items())
            print(f"queries at {r['articles']} articles, {r['mode']}: {timings}")
    sys.stdout.flush()


def main() -> None:
    if sys.argv[1:2] == ["--latency"]:
        latency(*sys.argv[2:5])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, action="append", help="corpus size (repeatable; default 10000)")
    parser.add_argument("--workers", type=int, action="append", help="worker processes (repeatable; default 1 and 2)")
    parser.add_argument("--modes", default="embedded-bulk,embedded,oxigraph,virtuoso",
                        help=f"comma-separated, from: {', '.join(MODES)}")
    parser.add_argument("--no-queries", action="store_true", help="skip the named-query latencies")
    parser.add_argument("--work", type=Path, default=None, help="folder for corpora and stores (default: a temp dir)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="vnfa-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for articles in args.articles or [10_000]:
        corpus = work / f"corpus-{articles}-parts"
        if not corpus.is_dir():
            write_jsonl(articles, corpus)
        for mode in args.modes.split(","):
            workers_list = args.workers or [1, 2]
            for workers in workers_list:
                rows.append(run_one(mode, workers, corpus, articles, work / str(articles),
                                    workers == workers_list[-1] and not args.no_queries))
                report(rows[-1:])
    print("\nall runs:")
    report(rows)


if __name__ == "__main__":
    main()
