"""Extraction on Dask against --workers, on one machine, and what it means for a cluster:
articles/s of `--workers N` and of `--cluster` with N local workers (N = 1, 2, 4) on
the same synthetic corpus, the scheduler's overhead per partition, and the rate
at which each store loads the N-Quads shards.

    python bench/cluster.py --articles 2000

The corpus comes from the realistic generator (graph/synthetic.py when the
project has it, else bench/synthetic.py), as JSONL files cut into partitions
of --per-partition articles. Servers are started by tests/servers.py on 127.0.0.1.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from distributed import Client, LocalCluster  # noqa: E402

from tests.servers import PROGRAMS, binary, running  # noqa: E402
from vnfa.ingest.cluster import ingest_on_cluster, partitions, replay, run_partitions  # noqa: E402
from vnfa.ingest.pipeline import IngestReport, ingest  # noqa: E402
from vnfa.ingest.shards import load_shards  # noqa: E402
from vnfa.store.open import opened  # noqa: E402
from vnfa.synthetic import write_jsonl  # noqa: E402

COUNTS = (1, 2, 4)
TRIVIAL_TASKS = 1000


class Bar:
    """A silent stand-in for tqdm."""

    def update(self, n: int = 1) -> None:
        pass


def local(workers: int) -> LocalCluster:
    return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                        dashboard_address="127.0.0.1:0")


def serial_rate(corpus: Path, workers: int, scratch: Path) -> float:
    started = time.perf_counter()
    with opened(scratch / f"workers-{workers}") as dataset:
        report = ingest([corpus], dataset, progress=False, workers=workers)
    return len(report.ingested) / (time.perf_counter() - started)


def cluster_rate(corpus: Path, workers: int, scratch: Path, size: int) -> tuple[float, float]:
    """(articles/s of the ingest on a running cluster, seconds to start the cluster)."""
    started = time.perf_counter()
    with local(workers) as cluster:
        start = time.perf_counter() - started
        started = time.perf_counter()
        with opened(scratch / f"cluster-{workers}") as dataset:
            report = ingest_on_cluster([corpus], dataset, cluster.scheduler_address, shards=scratch / "shards",
                                       progress=False, size=size)
        return len(report.ingested) / (time.perf_counter() - started), start


def compare(corpus: Path, scratch: Path, size: int, repeat: int) -> dict[str, float]:
    """Best articles/s of each set-up over ``repeat`` rounds, --workers N and local:N side by side
    (on a shared machine, interleaving spreads the other load over both)."""
    rates: dict[str, float] = {}
    for round_ in range(repeat):
        for workers in COUNTS:
            serial = serial_rate(corpus, workers, scratch / f"round-{round_}")
            clustered, start = cluster_rate(corpus, workers, scratch / f"round-{round_}", size)
            print(f"  round {round_ + 1}: --workers {workers} {serial:6.1f}, local:{workers} {clustered:6.1f} "
                  f"articles/s (cluster start {start:.1f} s, not counted)", flush=True)
            for label, rate in ((f"--workers {workers}", serial), (f"--cluster local:{workers}", clustered)):
                rates[label] = max(rates.get(label, 0.0), rate)
    return rates


def overhead_per_task(workers: int = 2) -> float:
    """Seconds the scheduler spends per task: a thousand trivial tasks, submitted and gathered."""
    with local(workers) as cluster, Client(cluster) as client:
        client.gather(client.map(abs, range(10), pure=False))  # warm up
        started = time.perf_counter()
        client.gather(client.map(abs, range(TRIVIAL_TASKS), pure=False))
        return (time.perf_counter() - started) / TRIVIAL_TASKS


def shards_of(corpus: Path, folder: Path, size: int):
    """The corpus extracted once into shards: (shard paths, kept pieces, quads)."""
    report = IngestReport()
    with local(2) as cluster, Client(cluster) as client:
        results = run_partitions(client, partitions([corpus], size), folder, None, report, Bar())
    pieces = replay(results, report)
    return [r.shard for r in results], pieces, sum(p.quads for p in pieces)


def load_rate(target: str, shards, pieces, bulk: bool = False) -> float:
    started = time.perf_counter()
    with opened(target) as dataset:
        load_shards(dataset, shards, pieces, IngestReport(), bulk=bulk, progress=False)
    return sum(p.quads for p in pieces) / (time.perf_counter() - started)


def load_rates(corpus: Path, scratch: Path, size: int) -> tuple[dict[str, float], float]:
    """Quads/s of each store taking the same shards (a fresh copy of them for each); quads an article."""
    rates = {}
    folder = scratch / "load-shards"
    folder.mkdir()
    shards, pieces, quads = shards_of(corpus, folder, size)
    targets = [("embedded", False), ("embedded --bulk", True), ("oxigraph", False), ("virtuoso", False)]
    for name, bulk in targets:
        copy = scratch / f"copy-{name.replace(' ', '')}"
        shutil.copytree(folder, copy)
        moved = [str(copy / Path(s).name) for s in shards]
        pieces_here = [replace(p, shard=str(copy / Path(p.shard).name)) for p in pieces]
        server = name.split()[0]
        if server == "embedded":
            rates[name] = load_rate(str(scratch / f"store-{name.replace(' ', '')}"), moved, pieces_here, bulk)
        elif binary(PROGRAMS[server]) is not None:
            with running(server, scratch / server) as started:
                rates[name] = load_rate(started.url, moved, pieces_here)
    return rates, quads / len(pieces)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--per-partition", type=int, default=250, help="articles per partition")
    parser.add_argument("--repeat", type=int, default=2, help="rounds; the best of each is shown")
    parser.add_argument("--nodes", type=int, default=10, help="for the projection: nodes in the cluster")
    parser.add_argument("--cores", type=int, default=32, help="for the projection: workers (cores) a node")
    parser.add_argument("--partition", type=int, default=500, help="for the projection: articles a partition")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vnfa-bench-cluster-") as name:
        scratch = Path(name)
        write_jsonl(args.articles, scratch / "corpus", foreign_share=1.0)
        corpus = scratch / "corpus"
        size = sum(f.stat().st_size for f in corpus.iterdir()) * args.per_partition // args.articles
        print(f"corpus: {args.articles} articles, partitions of {size:,} bytes ({args.per_partition} articles)")
        rates = compare(corpus, scratch, size, args.repeat)
        for label, rate in rates.items():
            print(f"{label:<20} {rate:7.1f} articles/s")
        overhead = overhead_per_task()
        print(f"scheduler overhead: {overhead * 1000:.2f} ms a task (of {TRIVIAL_TASKS} trivial tasks)")
        loads, per_article = load_rates(corpus, scratch, size)
        for store, rate in loads.items():
            print(f"load {store:<16} {rate:10.0f} quads/s = {rate / per_article:7.0f} articles/s")
        per_worker = max(rates["--workers 1"], rates["--cluster local:1"])
        project(args, per_worker=per_worker, overhead=overhead, rates=loads, per_article=per_article)


def project(args, *, per_worker: float, overhead: float, rates: dict[str, float], per_article: float) -> None:
    """What the figures mean for a cluster of --nodes nodes of --cores single-threaded workers each."""
    workers = args.nodes * args.cores
    extraction = workers * per_worker
    partition = args.partition / per_worker
    print(f"\n{args.nodes} nodes x {args.cores} workers: extraction {extraction:,.0f} articles/s "
          f"({per_worker:.0f} a worker); a {args.partition}-article partition takes {partition:.1f} s, "
          f"the scheduler {overhead * 1000:.1f} ms of it ({overhead / partition:.3%}); "
          f"{extraction / args.partition:.0f} partitions/s keep the scheduler {extraction / args.partition * overhead:.0%} busy")
    for store, rate in rates.items():
        articles = rate / per_article
        print(f"  {store:<16} loads {articles:7,.0f} articles/s: 10^7 articles extract in "
              f"{1e7 / extraction / 60:5.0f} min, load in {1e7 / articles / 3600:5.1f} h")


if __name__ == "__main__":
    main()
