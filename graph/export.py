"""The store as standard RDF files: Turtle, N-Triples, N-Quads, TriG,
JSON-LD, RDF/XML."""
from __future__ import annotations

from typing import IO

from rdflib import Dataset, Graph, URIRef

from .errors import GraphError
from .vocab import PREFIXES

# format name -> (rdflib serializer, keeps named graphs)
FORMATS = {
    "turtle": ("turtle", False),
    "nt": ("nt", False),
    "nquads": ("nquads", True),
    "trig": ("trig", True),
    "jsonld": ("json-ld", False),
    "xml": ("xml", False),
}
SUFFIXES = {"turtle": ".ttl", "nt": ".nt", "nquads": ".nq", "trig": ".trig", "jsonld": ".jsonld", "xml": ".rdf"}


def union_graph(dataset: Dataset, graph: URIRef | None = None) -> Graph:
    """All quads merged into one graph (or the one named graph), prefixes bound."""
    out = Graph()
    for prefix, namespace in PREFIXES.items():
        out.bind(prefix, namespace)
    if graph is not None:
        out += dataset.graph(graph)
    else:
        inner = dataset.store._inner
        from oxrdflib._converter import from_ox

        out += ((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)) for q in inner)
    return out


def export(dataset: Dataset, fmt: str, out: IO[bytes], graph: URIRef | None = None) -> None:
    """Write the store (or one article's graph) to a binary stream."""
    if fmt not in FORMATS:
        raise GraphError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    name, keeps_graphs = FORMATS[fmt]
    if keeps_graphs and graph is None:
        import pyoxigraph

        native = {"nquads": pyoxigraph.RdfFormat.N_QUADS, "trig": pyoxigraph.RdfFormat.TRIG}[fmt]
        dataset.store._inner.dump(out, native, prefixes=PREFIXES if fmt == "trig" else None)
        return
    out.write(union_graph(dataset, graph).serialize(format=name, encoding="utf-8"))
