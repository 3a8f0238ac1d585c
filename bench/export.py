"""Export time and peak memory on a synthetic store of about 1M quads.

The store is the bundled articles' graphs copied over and over (each copy's
articles, events, memberships, encounters and spans renamed; people, posts,
organisations and countries shared, as in a real corpus, so that the union
has triples stated by many graphs). Every export runs in a child process
that reports its wall time and peak resident memory above its start.

    python bench/export.py                 # 1M quads
    python bench/export.py --quads 200000 --keep /tmp/bench-store
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from vnfa.model.vocab import BASE  # noqa: E402

ID = BASE + "id/"
LOCAL = tuple(ID + kind for kind in ("article/", "event/", "encounter/", "membership/", "partnership/"))
# (label, format, options) of each measured export; 'construct' and 'rdflib' are the alternatives measured against
RUNS = [
    ("union, N-Triples", "nt", {}),
    ("union, Turtle", "turtle", {}),
    ("union, JSON-LD", "jsonld", {}),
    ("union, RDF/XML", "xml", {}),
    ("named graphs, N-Quads (Store.dump)", "nquads", {"named_graphs": True}),
    ("named graphs, TriG (Store.dump)", "trig", {"named_graphs": True}),
    ("named graphs + VoID, N-Quads", "nquads", {"named_graphs": True, "description": True}),
    ("union + VoID, N-Triples", "nt", {"description": True}),
    ("one article, Turtle", "turtle", {"graph": ID + "article/seed-c0"}),
    ("alt: CONSTRUCT over SELECT DISTINCT, N-Triples", "construct", {}),
    ("alt: rdflib union Graph, N-Triples (before)", "rdflib", {}),
]


def renamed(term, copy: int):
    if isinstance(term, ox.NamedNode) and term.value.startswith(LOCAL):
        head, sep, fragment = term.value.partition("#")
        return ox.NamedNode(f"{head}-c{copy}{sep}{fragment}")
    return term


def make_store(folder: Path, quads: int) -> int:
    """Ingest the bundled articles, then bulk-load renamed copies until ``quads`` are written."""
    from vnfa.ingest.pipeline import ingest
    from vnfa.resources import data_path
    from vnfa.store.open import opened

    seed_folder = folder.parent / "seed-store"
    with opened(seed_folder) as dataset:
        ingest([data_path("articles")], dataset, progress=False)
    source = ox.Store.read_only(str(seed_folder))
    reference = ox.NamedNode(ID + "graph/reference")
    articles = [q for q in source if q.graph_name != reference]
    shared = [q for q in source if q.graph_name == reference]
    del source
    copies = max(1, (quads - len(shared)) // len(articles))

    def generate():
        yield from shared
        for copy in range(copies):
            for q in articles:
                yield ox.Quad(renamed(q.subject, copy), q.predicate, renamed(q.object, copy),
                              renamed(q.graph_name, copy))

    store = ox.Store(str(folder))
    store.bulk_extend(generate())
    store.flush()
    return len(store)


def child(store: str, fmt: str, options: dict, out: str) -> None:
    """Run one export and print 'seconds peak_MB'."""
    from rdflib import URIRef

    from vnfa.export.formats import export
    from vnfa.store.open import opened

    base = peak_mb()
    start = time.perf_counter()
    with opened(store, create=False) as dataset, open(out, "wb") as handle:
        if fmt == "construct":
            query = "CONSTRUCT { ?s ?p ?o } WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
            dataset.store._inner.query(query).serialize(handle, ox.RdfFormat.N_TRIPLES)
        elif fmt == "rdflib":
            from rdflib import Graph

            from vnfa.store.open import backend

            union = Graph()
            union += backend(dataset).graph_triples(None)
            handle.write(union.serialize(format="nt", encoding="utf-8"))
        else:
            graph = URIRef(options.pop("graph")) if "graph" in options else None
            export(dataset, fmt, handle, graph, **options)
    seconds = time.perf_counter() - start
    peak = peak_mb()
    print(f"{seconds:.1f} {peak - base:.0f} {peak:.0f}")


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(store: Path, label: str, fmt: str, options: dict, out: Path) -> str:
    command = [sys.executable, __file__, "--child", str(store), fmt, json.dumps(options), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    if result.returncode != 0:
        return f"{label:<48} failed: {result.stderr.strip().splitlines()[-1]}"
    seconds, above, peak = result.stdout.split()
    size = out.stat().st_size / 1e6
    return f"{label:<48} {seconds:>7} s {above:>7} MB {peak:>7} MB {size:>8.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quads", type=int, default=1_000_000)
    parser.add_argument("--keep", help="Build the store in this folder (reused when it exists).")
    parser.add_argument("--child", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        store, fmt, options, out = args.child
        child(store, fmt, json.loads(options), out)
        return
    with tempfile.TemporaryDirectory(prefix="vnfa-bench-") as temp:
        folder = Path(args.keep) if args.keep else Path(temp) / "store"
        start = time.perf_counter()
        quads = make_store(folder, args.quads) if not folder.exists() else len(ox.Store.read_only(str(folder)))
        print(f"store: {quads:,} quads ({time.perf_counter() - start:.0f} s to build), {os.cpu_count()} CPUs")
        print(f"{'export':<48} {'time':>9} {'above start':>10} {'peak RSS':>10} {'file':>11}")
        for label, fmt, options in RUNS:
            print(measure(folder, label, fmt, dict(options), Path(temp) / "out"), flush=True)


if __name__ == "__main__":
    main()
