"""Soak: ingest generated articles while killing `vnfa ingest` (SIGKILL) at random.

Generates N small news articles, then starts `vnfa ingest` on them again and
again, killing it after a random delay K times; after every kill it opens the
store and checks that each article graph there is whole (as many quads as a
clean extraction of the file gives). A last run goes to the end. Prints the
articles stored, the articles expected and the difference, which must be 0.

    python bench/soak.py                       # 10,000 articles, 20 kills
    python bench/soak.py --articles 500 --kills 3 --max-delay 4
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


from vnfa.synthetic import write_pages


def write_corpus(folder: Path, count: int, seed: int) -> list[Path]:
    """Foreign-affairs pages only: every one must be stored, whatever the relevance gate does."""
    return write_pages(count, folder, seed, foreign_share=1.0)


def expected_sizes(paths: list[Path]) -> dict[str, int]:
    """Quads per article graph, from a clean extraction of each file."""
    with ProcessPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(_graph_size, paths, chunksize=100))


def _graph_size(path: Path) -> tuple[str, int]:
    from vnfa.ingest.pipeline import article_graph
    from vnfa.read.files import read_file

    [article] = [item for item in read_file(path) if hasattr(item, "doc_id")]
    graph = article_graph(article)
    return str(graph.identifier), len(graph)


def stored_sizes(store: Path) -> dict[str, int]:
    """Quads per article graph in the store (opening it is part of the check)."""
    from vnfa.store.open import backend, opened

    buffer = io.BytesIO()
    with opened(store) as dataset:
        backend(dataset).dump(buffer, "nquads", {})
    sizes: dict[str, int] = {}
    for line in buffer.getvalue().decode("utf-8").splitlines():
        name = line.rsplit(" ", 2)[1].strip("<>")
        if "/article/" in name:
            sizes[name] = sizes.get(name, 0) + 1
    return sizes


def end_group(group: int) -> int:
    """SIGKILL what is left of a killed run's process group (its worker processes); how many there were."""
    left = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:
            left.append(int(stat.parent.name))
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return len(left)


def vnfa_ingest(corpus: Path, store: Path, workers: int) -> list[str]:
    return [sys.executable, "-c", "from vnfa.cli import main; main()", "ingest", "-q", str(corpus),
            "--store", str(store), "--workers", str(workers)]


def soak(args: argparse.Namespace, work: Path) -> int:
    rng = random.Random(args.seed)
    corpus, store = work / "corpus", work / "store"
    started = time.monotonic()
    expected = expected_sizes(write_corpus(corpus, args.articles, args.seed))
    print(f"generated {len(expected)} articles and their clean graphs in {time.monotonic() - started:.1f} s",
          flush=True)
    partial = kills = orphans = 0
    while kills < args.kills:
        delay = rng.uniform(0.2, args.max_delay)
        process = subprocess.Popen(vnfa_ingest(corpus, store, args.workers), stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        try:
            process.wait(timeout=delay)
            print(f"run ended by itself after {delay:.1f} s (exit {process.returncode})", flush=True)
            continue
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGKILL)  # the ingest process only, as `kill -9 PID` does
            process.wait()
        orphans += end_group(process.pid)
        kills += 1
        sizes = stored_sizes(store)
        broken = sum(1 for name, size in sizes.items() if expected.get(name) != size)
        partial += broken
        print(f"kill {kills:2d} after {delay:5.1f} s: store opens, {len(sizes):5d} articles, {broken} partial",
              flush=True)
    started = time.monotonic()
    final = subprocess.run(vnfa_ingest(corpus, store, args.workers), capture_output=True, text=True)
    print(f"last run: exit {final.returncode} in {time.monotonic() - started:.1f} s {final.stderr.strip()}")
    sizes = stored_sizes(store)
    wrong = sum(1 for name, size in sizes.items() if expected.get(name) != size)
    print(f"articles stored    {len(sizes)}\narticles expected  {len(expected)}\n"
          f"difference         {len(expected) - len(sizes)}\npartial graphs     {partial + wrong}\n"
          f"orphaned workers   {orphans} (left running by the killed ingests; ended by this script)")
    return 0 if final.returncode == 0 and len(sizes) == len(expected) and partial + wrong == 0 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--max-delay", type=float, default=30.0, help="longest run before a kill, seconds")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--dir", type=Path, default=None, help="work folder to keep (default: a temporary one)")
    args = parser.parse_args()
    if args.dir:
        args.dir.mkdir(parents=True, exist_ok=True)
        return soak(args, args.dir)
    with tempfile.TemporaryDirectory(prefix="vnfa-soak-") as folder:
        return soak(args, Path(folder))


if __name__ == "__main__":
    sys.exit(main())
