"""The network itself for other tools: GraphML and GEXF (Gephi; dates as
spells for its timeline), node-link JSON, and a self-contained HTML page
(positions computed here, an inline script for pan, zoom, hover and search:
nothing is fetched, so it works offline)."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from ..network.filters import date_range
from ..resources import data_path
from .styles import UNDIRECTED, WORDS, edge_style, label_of, node_style


def _flat(value):
    """GraphML and GEXF take scalars: lists become '; '-joined text."""
    if isinstance(value, (list, tuple, set)):
        return "; ".join(map(str, value))
    return value


def directed(graph: nx.MultiGraph) -> nx.MultiDiGraph:
    """The network with each edge from the node that acts (visitor, member, speaker, organiser) to the
    other, and ``direction``: 'directed', or 'undirected' for symmetric relations (met) and edges
    whose origin is not known (those drawn from a query)."""
    out = nx.MultiDiGraph()
    out.graph.update(graph.graph)
    out.add_nodes_from(graph.nodes(data=True))
    for u, v, key, data in graph.edges(keys=True, data=True):
        data = dict(data)
        origin = data.pop("origin", None)
        symmetric = origin is None or data.get("relation") in UNDIRECTED
        data["direction"] = "undirected" if symmetric else "directed"
        out.add_edge(origin or u, v if origin in (None, u) else u, key=key, **data)
    return out


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with scalar attributes only (the graph's own attributes included)."""
    flat = type(graph)()
    flat.graph.update({k: _flat(v) for k, v in graph.graph.items() if v is not None})
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _flat(v) for k, v in data.items() if v is not None})
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _flat(v) for k, v in data.items() if v is not None})
    return flat


def write_graphml(graph: nx.MultiGraph, path: str, **_) -> None:
    nx.write_graphml(flat_graph(directed(graph)), path)


def spells(dates) -> list[tuple[str, str]]:
    """Dates as GEXF spells: '2024-06' lasts from 2024-06-01 to 2024-06-30."""
    out = []
    for date in dates or ():
        try:
            first, last = date_range(date)
        except ValueError:
            continue
        out.append((first.isoformat(), last.isoformat()))
    return sorted(set(out))


def _viz(data: dict, xy, degree: int) -> dict:
    """Gephi's look of a node: our colour, a size by degree, our layout's position."""
    colour = node_style(data.get("type", "other")).colour
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return {"color": {"r": red, "g": green, "b": blue, "a": 1.0}, "size": 4.0 + 2.0 * degree,
            "position": {"x": round(xy[0] * 500, 2), "y": round(xy[1] * 500, 2), "z": 0.0}}


def write_gexf(graph: nx.MultiGraph, path: str, *, pos: dict | None = None, **_) -> None:
    """GEXF 1.2 with the edges' dates as spells (a node lives while its dated edges do),
    and our colours, sizes and positions, so Gephi opens it as vnfa drew it."""
    flat = flat_graph(directed(graph))
    degree = dict(nx.Graph(graph).degree())
    for node, data in graph.nodes(data=True):
        if pos is not None and node in pos:
            flat.nodes[node]["viz"] = _viz(data, pos[node], degree[node])
    for u, v, key, data in directed(graph).edges(keys=True, data=True):
        if spells(data.get("dates")):
            flat.edges[u, v, key]["spells"] = spells(data.get("dates"))
    for node in graph:
        edges = [d for _, _, d in graph.edges(node, data=True)]
        if edges and all(spells(d.get("dates")) for d in edges):
            flat.nodes[node]["spells"] = sorted({s for d in edges for s in spells(d.get("dates"))})
    flat.graph.pop("mode", None)
    nx.write_gexf(flat, path)


def write_json(graph: nx.MultiGraph, path: str, **_) -> None:
    """Node-link JSON (NetworkX's own format, its default keys: ``nx.node_link_graph(data)`` reads it back)."""
    data = nx.node_link_data(directed(graph))
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=1, default=str), encoding="utf-8")


def page_data(graph: nx.MultiGraph, pos: dict, lang: str, title: str, caption: str) -> dict:
    """What the HTML page's script draws: nodes with positions, edges with styles, the legend."""
    index = {node: i for i, node in enumerate(graph)}
    degree = dict(nx.Graph(graph).degree())
    nodes = [{"id": str(n), "x": round(pos[n][0], 4), "y": round(-pos[n][1], 4), "label": label_of(d, lang),
              "type": getattr(node_style(d.get("type", "other")), lang), "colour": node_style(d.get("type", "other")).colour,
              "degree": degree[n], "country": _flat(d.get("country") or [])}
             for n, d in graph.nodes(data=True)]
    edges = [{"s": index[u], "t": index[v], "relation": getattr(edge_style(d.get("relation", "")), lang),
              "colour": edge_style(d.get("relation", "")).colour, "dash": _dash(edge_style(d.get("relation", "")).line),
              "weight": d.get("weight", 1), "title": label_of(d, lang, "title"), "dates": _flat(d.get("dates") or []),
              "articles": _flat(d.get("articles") or [])}
             for u, v, d in graph.edges(data=True)]
    types = sorted({(n["type"], n["colour"]) for n in nodes})
    relations = sorted({(e["relation"], e["colour"], e["dash"]) for e in edges})
    return {"title": title, "caption": caption, "nodes": nodes, "edges": edges, "types": types, "relations": relations,
            "words": WORDS[lang]}


def _dash(line) -> str:
    return {"dotted": "1.5 3", "dashed": "6 4", "dashdot": "6 3 1.5 3"}.get(line, "" if line == "solid" else "1 4")


def write_html(graph: nx.MultiGraph, path: str, *, pos: dict, lang: str = "vi", title: str = "",
               caption: str = "", **_) -> None:
    """One HTML file: data and script inline, no network access."""
    import html

    data = json.dumps(page_data(graph, pos, lang, title, caption), ensure_ascii=False).replace("</", "<\\/")
    template = data_path("templates", "network.html").read_text(encoding="utf-8")
    page = template.replace("{{TITLE}}", html.escape(title)).replace("{{LANG}}", lang).replace("{{DATA}}", data)
    Path(path).write_text(page, encoding="utf-8")


WRITERS = {"graphml": write_graphml, "gexf": write_gexf, "json": write_json, "html": write_html}
