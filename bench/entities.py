"""What the entities graph changes at size: ingest a synthetic corpus of N
articles (bench/synthetic.py) into an embedded store and print the store's
quads, how many rows a natural query over persons returns against how many
persons there are, the latency of every named query, and (when the code has
them) the time of ``gc`` and ``link``.

    python bench/entities.py --articles 10000 --workers 2
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from vnfa.query.named import named_queries, run_query  # noqa: E402
from vnfa.store.open import count_quads, opened  # noqa: E402
from vnfa.synthetic import write_jsonl  # noqa: E402

FIGURES = {
    "person-name rows": "SELECT (COUNT(*) AS ?n) WHERE { ?p a schema:Person ; schema:name ?n }",
    "distinct persons": "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:Person }",
}


def timed(action) -> tuple[object, float]:
    start = time.perf_counter()
    value = action()
    return value, time.perf_counter() - start


def ingest(corpus: Path, store: Path, workers: int) -> float:
    command = [sys.executable, "-c", "from vnfa.cli import main; main()", "ingest", "-q", str(corpus),
               "--store", str(store), "--workers", str(workers)]
    return timed(lambda: subprocess.run(command, check=True, cwd=ROOT))[1]


def upkeep(dataset) -> None:
    try:
        from vnfa.ingest.entities import gc
        from vnfa.ingest.linking import link
    except ImportError:
        return
    for name, action in (("gc", gc), ("link", link)):
        value, seconds = timed(lambda action=action: action(dataset))
        print(f"{name:<24}{seconds:>9.2f} s   ({value})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="vnfa-entities-"))
    write_jsonl(args.articles, work / "corpus")
    corpus = work / "corpus"
    print(f"ingest {args.articles} articles{ingest(corpus, work / 'store', args.workers):>9.1f} s")
    with opened(work / "store", create=False) as dataset:
        print(f"{'quads':<24}{count_quads(dataset):>9}")
        for name, text in FIGURES.items():
            print(f"{name:<24}{int(next(iter(run_query(dataset, text)))[0]):>9}")
        for name, text in named_queries().items():
            rows, seconds = timed(lambda text=text: len(list(run_query(dataset, text))))
            print(f"{name:<24}{seconds:>9.2f} s   ({rows} rows)")
        upkeep(dataset)
    print(f"(work folder {work})")


if __name__ == "__main__":
    main()
