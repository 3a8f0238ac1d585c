"""The network view of a query's results, as SVG: the first two columns of a
SELECT (a third one labels the edge) or the triples of a CONSTRUCT become a
NetworkX graph, labelled and coloured from the store, drawn with matplotlib.
Runs in a query worker (graph.guard.QueryPool), so it has the time limit too."""
from __future__ import annotations

import io

import networkx as nx
import pyoxigraph as ox

from .errors import QueryError
from .results import QueryRequest, evaluate, store

SCHEMA, ORG, VNFA = "https://schema.org/", "http://www.w3.org/ns/org#", "https://w3id.org/vnfa/ontology#"
# class IRI -> kind of node
KINDS = {
    SCHEMA + "Person": "person", ORG + "Organization": "organisation", VNFA + "Group": "organisation",
    SCHEMA + "Country": "country", VNFA + "InternationalOrganization": "country", VNFA + "Event": "event",
    ORG + "Post": "post", ORG + "Membership": "post", SCHEMA + "NewsArticle": "article", VNFA + "Title": "title",
    SCHEMA + "Place": "place",
}
# kind -> (colour, legend label in Vietnamese and English)
STYLES = {
    "person": ("#1f77b4", "Người · Person"),
    "organisation": ("#2ca02c", "Tổ chức · Organisation"),
    "country": ("#d62728", "Quốc gia, tổ chức quốc tế · Country, int. organisation"),
    "event": ("#ff7f0e", "Sự kiện · Event"),
    "post": ("#8c564b", "Chức vụ · Post"),
    "title": ("#bcbd22", "Chức danh · Title"),
    "place": ("#17becf", "Địa điểm · Place"),
    "article": ("#7f7f7f", "Bài báo · Article"),
    "value": ("#9edae5", "Giá trị · Value"),
    "other": ("#c7c7c7", "Khác · Other"),
}
LABELS_QUERY = """SELECT ?n ?type ?name WHERE {{ VALUES ?n {{ {nodes} }}
  OPTIONAL {{ ?n a ?type }}
  OPTIONAL {{ ?n <https://schema.org/name>|<http://www.w3.org/2004/02/skos/core#prefLabel>|(<http://www.w3.org/ns/org#role>/<http://www.w3.org/2004/02/skos/core#prefLabel>) ?name
             FILTER(lang(?name) = "vi" || lang(?name) = "") }} }}"""


def _local(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _edges(result, cap: int) -> list[tuple]:
    """(from term, to term, edge label) from a SELECT's first columns or a CONSTRUCT's triples."""
    if isinstance(result, ox.QueryTriples):
        triples = (t for t in result if not isinstance(t.object, ox.Literal))
        pairs = ((t.subject, t.object, _local(t.predicate.value)) for t in triples
                 if t.predicate.value != "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    elif isinstance(result, ox.QuerySolutions) and len(result.variables) >= 2:
        names = [v.value for v in result.variables][:3]
        pairs = ((s[names[0]], s[names[1]], s[names[2]].value if len(names) > 2 and s[names[2]] else "")
                 for s in result)
    else:
        raise QueryError("the network view needs a SELECT with two columns (from, to) or a CONSTRUCT")
    out = []
    for pair in pairs:
        if pair[0] is not None and pair[1] is not None:
            out.append(pair)
            if len(out) >= cap:
                break
    return out


def build_network(edges: list[tuple]) -> nx.MultiDiGraph:
    """Nodes keyed by term; IRIs get their @vi name and kind from the store."""
    graph = nx.MultiDiGraph()
    for source, target, label in edges:
        for term in (source, target):
            literal = isinstance(term, ox.Literal)
            graph.add_node(str(term), label=term.value if literal else _local(term.value),
                           kind="value" if literal else "other")
        graph.add_edge(str(source), str(target), label=label)
    iris = [n for n, d in graph.nodes(data=True) if d["kind"] == "other" and n.startswith("<")]
    if iris:
        for row in store().query(LABELS_QUERY.format(nodes=" ".join(iris)), use_default_graph_as_union=True):
            node = graph.nodes[str(row["n"])]
            if row["name"] is not None:
                node["label"] = row["name"].value
            if row["type"] is not None and row["type"].value in KINDS:
                node["kind"] = KINDS[row["type"].value]
    return graph


def render_svg(graph: nx.MultiDiGraph, *, seed: int = 7, max_labels: int = 60) -> bytes:
    """The network as SVG with text kept as text and IRI nodes as links: colour by kind, size by degree."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(11, 8))
    axes = figure.subplots()
    axes.set_axis_off()
    simple = nx.Graph(graph.to_undirected())
    if simple.number_of_nodes() == 0:
        axes.text(0.5, 0.5, "Không có cạnh nào để vẽ · No edges to draw", ha="center", va="center")
    else:
        _draw(graph, simple, axes, seed, max_labels)
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "font.family": "DejaVu Sans"}):
        figure.savefig(buffer, format="svg", bbox_inches="tight")
    return buffer.getvalue()


def _draw(graph, simple, axes, seed: int, max_labels: int) -> None:
    pos = nx.spring_layout(simple, seed=seed, k=1.5 / max(1, simple.number_of_nodes()) ** 0.5)
    degree = dict(simple.degree())
    nx.draw_networkx_edges(simple, pos, ax=axes, edge_color="#999999", alpha=0.6)
    for kind, (colour, legend) in STYLES.items():
        nodes = [n for n, d in graph.nodes(data=True) if d["kind"] == kind]
        if nodes:
            drawn = nx.draw_networkx_nodes(simple, pos, nodelist=nodes, node_color=colour, ax=axes, label=legend,
                                           node_size=[100 + 60 * degree[n] for n in nodes], alpha=0.9)
            drawn.set_urls([n[1:-1] if n.startswith("<") else None for n in nodes])  # SVG links to the IRIs
    central = sorted(degree, key=lambda n: (-degree[n], n))[:max_labels]
    nx.draw_networkx_labels(simple, pos, labels={n: graph.nodes[n]["label"] for n in central},
                            font_size=8, font_family="DejaVu Sans", ax=axes)
    axes.legend(loc="lower left", fontsize=7, frameon=False, markerscale=0.6)
    axes.set_title(f"{graph.number_of_nodes()} nút · nodes, {graph.number_of_edges()} cạnh · edges", fontsize=10)


def draw_svg(request: QueryRequest) -> bytes:
    """The worker's entry point: run the query, draw at most ``request.rows`` edges."""
    return render_svg(build_network(_edges(evaluate(request), request.rows)))
