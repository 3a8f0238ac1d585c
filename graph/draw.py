"""The graph as a network diagram: SPARQL -> NetworkX -> matplotlib Figure."""
from __future__ import annotations

import networkx as nx
from rdflib import Dataset

# node type -> (colour, marker, legend label)
NODE_STYLES = {
    "person": ("#1f77b4", "o", "Person / Người"),
    "organisation": ("#2ca02c", "s", "Organisation / Tổ chức"),
    "country": ("#d62728", "D", "Country or int. org. / Quốc gia, tổ chức QT"),
    "event": ("#ff7f0e", "^", "Event / Sự kiện"),
}
# relation -> (line style, colour)
EDGE_STYLES = {
    "holds post in": ("solid", "#2ca02c"),
    "post of": ("dotted", "#d62728"),
    "met": ("solid", "#1f77b4"),
    "spoke at": ("dashed", "#ff7f0e"),
    "visited": ("dashdot", "#d62728"),
    "partner of": ("solid", "#9467bd"),
}

ACTOR_QUERY = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX vnfa: <https://w3id.org/vnfa/ontology#>
SELECT DISTINCT ?s ?sname ?stype ?rel ?o ?oname ?otype ?label WHERE {
  {
    ?m a org:Membership ; org:member ?s ; org:role/skos:prefLabel ?label ; org:organization ?o .
    FILTER(lang(?label) = "vi")
    ?s schema:name ?sname . ?o schema:name ?oname .
    BIND("person" AS ?stype) BIND("organisation" AS ?otype) BIND("holds post in" AS ?rel)
  } UNION {
    ?m a org:Membership ; org:member ?s ; org:role/skos:prefLabel ?label ; vnfa:country ?o .
    FILTER(lang(?label) = "vi")
    FILTER NOT EXISTS { ?m org:organization ?any }
    ?s schema:name ?sname . ?o schema:name ?oname . FILTER(lang(?oname) = "vi")
    BIND("person" AS ?stype) BIND("country" AS ?otype) BIND("post of" AS ?rel)
  } UNION {
    ?x a vnfa:Encounter ; vnfa:side ?s, ?o . FILTER(STR(?s) < STR(?o))
    ?s schema:name ?sname . ?o schema:name ?oname .
    BIND("person" AS ?stype) BIND("person" AS ?otype) BIND("met" AS ?rel) BIND("" AS ?label)
  } UNION {
    ?s vnfa:spokeAt ?o . ?s schema:name ?sname . ?o vnfa:eventType ?t .
    OPTIONAL { ?o schema:startDate ?d }
    BIND(CONCAT(STRAFTER(STR(?t), "#"), COALESCE(CONCAT(" ", STR(?d)), "")) AS ?oname)
    BIND("person" AS ?stype) BIND("event" AS ?otype) BIND("spoke at" AS ?rel) BIND("" AS ?label)
  } UNION {
    ?s vnfa:visited ?o . ?s schema:name ?sname . ?o schema:name ?oname . FILTER(lang(?oname) = "vi")
    BIND("person" AS ?stype) BIND("country" AS ?otype) BIND("visited" AS ?rel) BIND("" AS ?label)
  }
}
"""


def actor_network(dataset: Dataset) -> nx.MultiGraph:
    """People, organisations and countries, linked by posts, meetings and visits."""
    graph = nx.MultiGraph()
    for row in dataset.query(ACTOR_QUERY):
        s, o = str(row.s), str(row.o)
        graph.add_node(s, label=str(row.sname), type=str(row.stype))
        graph.add_node(o, label=str(row.oname), type=str(row.otype))
        graph.add_edge(s, o, relation=str(row.rel), label=str(row.label or ""))
    return graph


def draw_graph(graph: nx.MultiGraph, *, title: str = "", caption: str = "", seed: int = 7,
               max_labels: int = 40):
    """A matplotlib Figure of the network: colour and marker by type, size by degree."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    figure, axes = plt.subplots(figsize=(14, 10), dpi=100)
    axes.set_axis_off()
    if graph.number_of_nodes() == 0:
        axes.text(0.5, 0.5, "(empty graph: ingest articles first)", ha="center", va="center")
        return figure
    simple = nx.Graph(graph)
    pos = nx.spring_layout(simple, seed=seed, k=1.6 / max(1, simple.number_of_nodes()) ** 0.5)
    degree = dict(simple.degree())
    for relation, (style, colour) in EDGE_STYLES.items():
        edges = [(u, v) for u, v, d in graph.edges(data=True) if d.get("relation") == relation]
        nx.draw_networkx_edges(simple, pos, edgelist=edges, style=style, edge_color=colour, alpha=0.6, ax=axes)
    for kind, (colour, marker, _) in NODE_STYLES.items():
        nodes = [n for n, d in graph.nodes(data=True) if d.get("type") == kind]
        nx.draw_networkx_nodes(simple, pos, nodelist=nodes, node_color=colour, node_shape=marker,
                               node_size=[120 + 80 * degree[n] for n in nodes], alpha=0.9, ax=axes)
    central = sorted(degree, key=lambda n: (-degree[n], n))[:max_labels]
    labels = {n: graph.nodes[n]["label"] for n in central}
    nx.draw_networkx_labels(simple, pos, labels=labels, font_size=9, font_family="DejaVu Sans", ax=axes)
    handles = [Line2D([], [], marker=m, color="w", markerfacecolor=c, markersize=10, label=l)
               for c, m, l in NODE_STYLES.values()]
    handles += [Line2D([], [], linestyle=s, color=c, label=r) for r, (s, c) in EDGE_STYLES.items()]
    axes.legend(handles=handles, loc="lower left", fontsize=8, frameon=False)
    axes.set_title(title, fontsize=14)
    figure.text(0.5, 0.02, caption, ha="center", fontsize=9)
    return figure


def save_figure(figure, path: str) -> None:
    figure.savefig(path, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(figure)
