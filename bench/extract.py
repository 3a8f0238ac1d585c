"""Extraction throughput: kB of article text per second, one core, end to end
from text to facts (page parsing, mentions, extraction) and on to RDF.

The corpus repeats the bundled articles (data/articles/) to at least 5 MB.
Run: python bench/extract.py [--mb 5]
"""
from __future__ import annotations

import argparse
import time

from vnfa.extract.article import extract
from vnfa.model.build import to_graph, to_nquads
from vnfa.read.files import parse_page, read_paths
from vnfa.resources import data_path
from vnfa.text.lexicon import load_lexicon


def corpus(megabytes: float) -> list[tuple[str, str]]:
    """(doc id, page text) pairs repeating the bundled articles to the given size."""
    base = [a for a in read_paths([data_path("articles")]) if not isinstance(a, Exception)]
    out, size, copy = [], 0, 0
    while size < megabytes * 1_000_000:
        for article in base:
            out.append((f"{article.doc_id}-{copy}", article.text))
            size += len(article.text.encode("utf-8"))
        copy += 1
    return out


STAGES = {
    "text -> facts": None,
    "text -> facts -> N-Quads (ingest)": to_nquads,
    "text -> facts -> rdflib Graph": to_graph,
}


def measure(pages: list[tuple[str, str]], model) -> tuple[float, float]:
    """(wall seconds, CPU seconds) to take every page from text to facts (and on through ``model``)."""
    wall, cpu = time.perf_counter(), time.process_time()
    for doc_id, text in pages:
        facts = extract(parse_page(text, doc_id))
        if model is not None:
            model(facts)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in MB (default 5)")
    args = parser.parse_args()
    started = time.perf_counter()
    load_lexicon()
    print(f"lexicon load: {time.perf_counter() - started:.2f} s")
    pages = corpus(args.mb)
    kilobytes = sum(len(text.encode("utf-8")) for _, text in pages) / 1000
    print(f"corpus: {len(pages)} articles, {kilobytes / 1000:.1f} MB")
    for label, model in STAGES.items():
        wall, cpu = measure(pages, model)
        print(f"{label:<36} {kilobytes / wall:7.0f} kB/s wall   {kilobytes / cpu:7.0f} kB/s CPU   ({wall:.1f} s)")


if __name__ == "__main__":
    main()
