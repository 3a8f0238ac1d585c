"""`vnfa draw --focus NAME --hops N` asked of the store: the node is found by
its name, then the view's aggregated query is run ring by ring, bound to the
nodes reached so far (VALUES), so the work grows with the ego network and not
with the store. The drawing holds every edge that touches a node less than
``hops`` edges from NAME (edges between two nodes of the outermost ring are
left out: they would cost one more ring)."""
from __future__ import annotations

import networkx as nx
from rdflib import Dataset

from ..errors import GraphError
from .filters import find_nodes
from .views import NODES_PER_QUERY, build_network, edge_rows, node_attributes, node_info

NAMES = """PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX vnfa: <https://w3id.org/vnfa/ontology#>
SELECT DISTINCT ?node ?name WHERE {
  VALUES ?class { schema:Person vnfa:Group org:Organization schema:Country vnfa:InternationalOrganization }
  ?node a ?class ; schema:name ?name .
}"""


def _chunks(nodes: set[str]) -> list[set[str]]:
    ordered = sorted(nodes)
    return [set(ordered[i:i + NODES_PER_QUERY]) for i in range(0, len(ordered), NODES_PER_QUERY)]


# Views whose ?s and ?o hold different kinds of node (people and organisers; events): a node found as
# ?o is only ever an ?o, so the next ring asks only that side of it.
TWO_SIDED = {"events"}


def touching(dataset: Dataset, view: str, nodes: set[str], since: str | None, until: str | None,
             sides: tuple[str, ...] = ("s", "o")) -> list[dict]:
    """The view's aggregated rows whose ?s or ?o (``sides``) is one of ``nodes``, each row once."""
    rows: dict[tuple, dict] = {}
    for side in sides:
        for chunk in _chunks(nodes):
            for row in edge_rows(dataset, view, since, until, (side, chunk)):
                rows[(row["s"], row["o"], row["rel"])] = row
    return list(rows.values())


def find_in_store(dataset: Dataset, view: str, name: str, since: str | None, until: str | None) -> str:
    """The one node of the view named ``name`` (accents and case optional), or an error that says why."""
    names = nx.MultiGraph()
    for row in dataset.query(NAMES):
        names.add_node(str(row.node), label=str(row.name))
    found = find_nodes(names, name)
    if len(found) > 1:  # homonyms outside this view do not make the name ambiguous
        found = sorted({r[k] for r in touching(dataset, view, set(found), since, until) for k in ("s", "o")}
                       & set(found))
    if not found or not touching(dataset, view, set(found), since, until):
        raise GraphError(f"no node named '{name}' in this view; check the spelling or try another --view")
    if len(found) > 1:
        info = node_info(dataset, found)
        names_found = "; ".join(f"{info.get(n, {}).get('label', n)} ({info.get(n, {}).get('type', 'other')})"
                                for n in found[:12])
        raise GraphError(f"'{name}' matches {len(found)} nodes: {names_found}; give the full name")
    return found[0]


def _ring(dataset: Dataset, view: str, frontier: set[str], rows: list[dict], since: str | None,
          until: str | None) -> list[dict]:
    """The rows touching ``frontier``; in a TWO_SIDED view each node asked only on the side it was found on."""
    if view not in TWO_SIDED or not rows:
        return touching(dataset, view, frontier, since, until)
    ring: dict[tuple, dict] = {}
    for side in ("s", "o"):
        for row in touching(dataset, view, frontier & {r[side] for r in rows}, since, until, (side,)):
            ring[(row["s"], row["o"], row["rel"])] = row
    return list(ring.values())


def ego_network(dataset: Dataset, view: str, name: str, hops: int, since: str | None = None,
                until: str | None = None) -> nx.MultiGraph:
    """The view around the node named ``name``, up to ``hops`` edges away."""
    if hops < 0:
        raise GraphError(f"--hops takes a number of edges, 0 or more, not {hops}")
    seed = find_in_store(dataset, view, name, since, until)
    reached, frontier, rows = {seed}, {seed}, []
    for _ in range(hops):
        ring = _ring(dataset, view, frontier, rows, since, until)
        rows += ring
        frontier = {r[k] for r in ring for k in ("s", "o")} - reached
        reached |= frontier
        if not frontier:
            break
    graph = build_network(rows, node_info(dataset, reached), view)
    if seed not in graph:
        graph.add_node(seed, **node_attributes(seed, node_info(dataset, {seed})))
    graph.graph["focus"] = seed
    return graph
