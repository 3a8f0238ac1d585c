"""No import cycles in the text and extraction stage: the graph of graph/*.py from their `from .x import` lines
(TYPE_CHECKING imports included)."""
from __future__ import annotations

import re
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "graph"
STAGE = {"normalise", "resources", "lexicon", "records", "mentions", "names", "surroundings", "people", "chains",
         "roles", "partners", "events", "draft", "drafts", "clauses", "dates", "sides", "extract", "relevance"}
IMPORT = re.compile(r"^\s*from \.(\w+)(?:\.\w+)* import", re.MULTILINE)


def import_graph() -> nx.DiGraph:
    graph = nx.DiGraph()
    for path in PACKAGE.glob("*.py"):
        if not path.is_symlink():
            graph.add_node(path.stem)
            graph.add_edges_from((path.stem, name) for name in IMPORT.findall(path.read_text(encoding="utf-8")))
    return graph


def test_the_import_graph_is_read():
    graph = import_graph()
    assert {("events", "drafts"), ("drafts", "draft"), ("dates", "draft")} <= set(graph.edges)


def test_no_import_cycle_runs_through_the_extraction_stage():
    cycles = [sorted(cycle) for cycle in nx.simple_cycles(import_graph()) if STAGE & set(cycle)]
    assert cycles == []
