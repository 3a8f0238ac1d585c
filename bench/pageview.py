"""How long the page's network view takes (vnfa.network.request.query_svg, as a query
worker of `vnfa serve` runs it: the query, the network, the layout and the SVG),
for each named query and a CONSTRUCT of who met whom, on a store folder. The
layout cache is a fresh folder, so every figure is laid out.

    python bench/pageview.py STORE [ROWS]
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vnfa.errors import GraphError
from vnfa.network.request import query_svg
from vnfa.query.named import named_queries
from vnfa.query.results import open_store

MET = "CONSTRUCT { ?a vnfa:met ?b } WHERE { ?a vnfa:met ?b }"


def main(store: str, rows: int) -> None:
    open_store(store)
    print(f"{'query':<20} {'seconds':>8} {'SVG KB':>7}")
    for name, text in {**named_queries(), "met (CONSTRUCT)": MET}.items():
        start = time.perf_counter()
        try:
            size = f"{len(query_svg(text, rows)) // 1024:>7,}"
        except GraphError as error:  # a query the view refuses (one column, ASK)
            size = f"  {type(error).__name__}"
        print(f"{name:<20} {time.perf_counter() - start:>8.2f} {size}", flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: python bench/pageview.py STORE [ROWS]  (a store folder, e.g. from vnfa ingest)")
    with tempfile.TemporaryDirectory() as cache:
        os.environ["VNFA_CACHE"] = cache
        main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 500)
