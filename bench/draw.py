"""How long `vnfa draw` takes on synthetic networks of 500, 2,000 and 10,000 nodes
(about 3 edges a node, scale-free like actor networks): the layout, the figure,
and writing it as PNG. Prints one line per size; the layout cache is not used.

    python bench/draw.py [SIZES...]
"""
from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vnfa.draw.figure import draw_graph, save_figure
from vnfa.draw.layout import layout_positions
from vnfa.draw.styles import NODE_TYPES, RELATIONS

SIZES = (500, 2_000, 10_000)


def synthetic(nodes: int, seed: int = 1) -> nx.MultiGraph:
    """A scale-free graph with vnfa's node types and relations drawn at random."""
    rng = random.Random(seed)
    simple = nx.barabasi_albert_graph(nodes, 3, seed=seed)
    graph = nx.MultiGraph(view="bench")
    kinds, relations = list(NODE_TYPES)[:-1], list(RELATIONS)[:-1]
    for node in simple:
        graph.add_node(node, type=rng.choice(kinds), label=f"Nguyễn Văn {node}", country=[])
    for u, v in simple.edges():
        relation = rng.choice(relations)
        graph.add_edge(u, v, key=relation, relation=relation, weight=rng.choice((1, 1, 1, 2, 3)))
    return graph


def measure(nodes: int, folder: Path) -> tuple[int, float, float, float]:
    graph = synthetic(nodes)
    start = time.perf_counter()
    pos, _ = layout_positions(graph, "auto", seed=7, cache=False)
    laid = time.perf_counter()
    figure = draw_graph(graph, title=f"{nodes} nodes", caption="bench", pos=pos)
    drawn = time.perf_counter()
    save_figure(figure, str(folder / f"bench-{nodes}.png"))
    return graph.number_of_edges(), laid - start, drawn - laid, time.perf_counter() - drawn


def main(sizes: tuple[int, ...]) -> None:
    print(f"{'nodes':>7} {'edges':>7} {'layout s':>9} {'figure s':>9} {'png s':>7} {'total s':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for nodes in sizes:
            edges, layout, figure, png = measure(nodes, Path(folder))
            print(f"{nodes:>7,} {edges:>7,} {layout:>9.2f} {figure:>9.2f} {png:>7.2f} {layout + figure + png:>8.2f}",
                  flush=True)


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
