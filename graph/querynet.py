"""Any SPARQL result as a network: a CONSTRUCT's triples (IRIs linked by
their predicates; names and types become node attributes) or a SELECT of
two columns (one edge a row, named after the second column)."""
from __future__ import annotations

from collections import Counter

import networkx as nx
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from .errors import QueryError
from .query import run_query
from .styles import RELATIONS
from .views import CLASS_TYPES, node_info

LABELS = (URIRef("https://schema.org/name"), RDFS.label, SKOS.prefLabel)
# predicate local names -> the relation they draw as
PREDICATE_RELATIONS = {"met": "met", "visited": "visited", "spokeAt": "spoke-at", "speaker": "spoke-at",
                       "participant": "attended", "organizer": "organised", "partnerOf": "partner",
                       "postIn": "holds-post-in", "organization": "holds-post-in", "destination": "visited"}


def _local(term) -> str:
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


def relation_of(name: str) -> str:
    """The relation drawn for a predicate or column name: a known one, else the name itself.

    >>> relation_of("spokeAt"), relation_of("spoke_at"), relation_of("knows")
    ('spoke-at', 'spoke-at', 'knows')
    """
    dashed = name.replace("_", "-")
    return PREDICATE_RELATIONS.get(name) or (dashed if dashed in RELATIONS else name)


def query_network(dataset: Dataset, text: str) -> nx.MultiGraph:
    """The network a CONSTRUCT or two-column SELECT query describes."""
    result = run_query(dataset, text)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        edges, attributes = _triples(result.graph)
    elif result.type == "SELECT" and len(result.vars) == 2:
        relation = relation_of(str(result.vars[1]))
        edges = Counter((*sorted((row[0], row[1]), key=str), relation) for row in result
                        if row[0] is not None and row[1] is not None)
        attributes = {}
    else:
        columns = " ".join(f"?{v}" for v in result.vars or ())
        shape = f"this SELECT has {len(result.vars)} columns ({columns})" if result.type == "SELECT" \
            else f"this is an {result.type} query"
        raise QueryError(f"--query needs a CONSTRUCT query or a SELECT of two columns (the two ends of each "
                         f"edge); {shape}")
    return _network(dataset, edges, attributes)


def _triples(graph) -> tuple[Counter, dict]:
    edges: Counter = Counter()
    attributes: dict = {}
    for s, p, o in graph:
        if isinstance(o, Literal):
            if p in LABELS and (o.language in (None, "vi") or "label" not in attributes.get(s, {})):
                attributes.setdefault(s, {})["label" if o.language != "en" else "label_en"] = str(o)
        elif p == RDF.type:
            if str(o) in CLASS_TYPES:
                attributes.setdefault(s, {})["type"] = CLASS_TYPES[str(o)]
        else:
            first, second = sorted((s, o), key=str)
            edges[(first, second, relation_of(_local(p)))] += 1
    return edges, attributes


def _network(dataset: Dataset, edges: Counter, attributes: dict) -> nx.MultiGraph:
    known = node_info(dataset, {str(t) for key in edges for t in key[:2] if not isinstance(t, Literal)})
    graph = nx.MultiGraph(view="query")
    for (s, o, relation), count in sorted(edges.items()):
        for term in (s, o):
            graph.add_node(str(term), **_describe(term, known, attributes.get(term, {})))
        graph.add_edge(str(s), str(o), key=relation, relation=relation, weight=count, dates=[], articles=[],
                       title="", title_en="")
    _name_the_rest(dataset, graph)
    graph.graph["articles"] = 0
    return graph


def _describe(term, known: dict, extra: dict) -> dict:
    if isinstance(term, Literal):
        return {"type": "other", "label": str(term), "label_en": str(term), "country": []}
    data = dict(known.get(str(term)) or {"type": "other", "label": "", "label_en": "", "country": []})
    data["country"] = list(data["country"])
    data.update(extra)
    return data


def _name_the_rest(dataset: Dataset, graph: nx.MultiGraph) -> None:
    """Names for the IRIs that are no typed node of a view (posts, places, titles...)."""
    unnamed = [n for n, d in graph.nodes(data=True) if not d.get("label") and n.startswith(("http:", "https:"))]
    if unnamed:
        values = " ".join(URIRef(n).n3() for n in unnamed)
        text = ("SELECT ?node (SAMPLE(?name) AS ?label) WHERE { VALUES ?node { " + values + " } "
                "?node schema:name|rdfs:label|skos:prefLabel ?name FILTER(lang(?name) IN ('vi', '')) } GROUP BY ?node")
        for row in run_query(dataset, text):
            graph.nodes[str(row[0])]["label"] = str(row[1])
    for node, data in graph.nodes(data=True):
        data["label"] = data.get("label") or _local(node)
        data["label_en"] = data.get("label_en") or data["label"]
