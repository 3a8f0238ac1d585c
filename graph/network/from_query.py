"""Any SPARQL result as a network, for `vnfa draw --query` and the page's network
view alike: a CONSTRUCT's or DESCRIBE's triples (IRIs linked by their predicates;
names and types become node attributes) or a SELECT whose first two columns are
the ends of each edge (named after the second column). Nodes are typed and named
as the views type and name them (vnfa.network.views.node_info, vnfa.draw.styles)."""
from __future__ import annotations

from collections import Counter
from itertools import islice

import networkx as nx
from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from ..draw.styles import RELATIONS
from ..errors import QueryError
from ..query.named import run_query
from .views import CLASS_TYPES, node_info

LABELS = (URIRef("https://schema.org/name"), RDFS.label, SKOS.prefLabel)
# predicate local names -> the relation they draw as
PREDICATE_RELATIONS = {"met": "met", "visited": "visited", "spokeAt": "spoke-at", "speaker": "spoke-at",
                       "participant": "attended", "organizer": "organised", "partnerOf": "partner",
                       "postIn": "holds-post-in", "organization": "holds-post-in", "destination": "visited"}
# names of the IRIs no view types (posts by their role, places, titles...), Vietnamese first
NAMES_QUERY = ("SELECT ?node (SAMPLE(?name) AS ?label) WHERE {{ VALUES ?node {{ {nodes} }} "
               "?node schema:name|rdfs:label|skos:prefLabel|(org:role/skos:prefLabel) ?name "
               "FILTER(lang(?name) IN ('vi', '')) }} GROUP BY ?node")
SHAPE_ERROR = ("a network needs a CONSTRUCT or DESCRIBE query, or a SELECT whose first two columns are the two "
               "ends of each edge; {shape}")


def _local(term) -> str:
    text = str(term)
    return text.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


def relation_of(name: str) -> str:
    """The relation drawn for a predicate or column name: a known one, else the name itself.

    >>> relation_of("spokeAt"), relation_of("spoke_at"), relation_of("knows")
    ('spoke-at', 'spoke-at', 'knows')
    """
    dashed = name.replace("_", "-")
    return PREDICATE_RELATIONS.get(name) or (dashed if dashed in RELATIONS else name)


def query_network(dataset: Dataset, text: str, rows: int | None = None) -> nx.MultiGraph:
    """The network the query describes, from at most ``rows`` rows (SELECT) or edges (CONSTRUCT)."""
    result = run_query(dataset, text)
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        edges, attributes = _triples(result.graph, rows)
    elif result.type == "SELECT" and len(result.vars) >= 2:
        edges, attributes = _pairs(result, rows), {}
    else:
        raise QueryError(SHAPE_ERROR.format(shape=_shape(result)))
    return _network(dataset, edges, attributes)


def _shape(result) -> str:
    if result.type != "SELECT":
        return f"this is an {result.type} query"
    columns = " ".join(f"?{v}" for v in result.vars or ())
    return f"this SELECT has {len(result.vars)} column{'s' if len(result.vars) != 1 else ''} ({columns})"


def _pairs(result, rows: int | None) -> Counter:
    """One edge a row between its first two cells (rows with either unbound are left out)."""
    relation = relation_of(str(result.vars[1]))
    return Counter((*sorted((row[0], row[1]), key=str), relation) for row in islice(result, rows)
                   if row[0] is not None and row[1] is not None)


def _triples(graph, rows: int | None) -> tuple[Counter, dict]:
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
    return (edges if rows is None else Counter(dict(sorted(edges.items())[:rows]))), attributes


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
        nodes = " ".join(URIRef(n).n3() for n in unnamed)
        for row in run_query(dataset, NAMES_QUERY.format(nodes=nodes)):
            graph.nodes[str(row[0])]["label"] = str(row[1])
    for node, data in graph.nodes(data=True):
        data["label"] = data.get("label") or _local(node)
        data["label_en"] = data.get("label_en") or data["label"]
