"""A network as a figure for a paper: colour and marker by node type, size by
degree, line style by relation, a legend, a title and a caption, and only
as many labels of the most central nodes as fit without overlapping.

Returns a matplotlib Figure (no pyplot state, never shown); the layout is
seeded, so the same graph gives the same picture.
"""
from __future__ import annotations

import math
import textwrap

import networkx as nx

from .layout import layout_positions
from .styles import NODE_TYPES, RELATIONS, WORDS, edge_style, label_of, node_style

FONT = "DejaVu Sans"  # covers Vietnamese diacritics
PLOT_AREA = (0.01, 0.08, 0.72, 0.84)  # left, bottom, width, height of the network, in figure fractions
# above, below, right, left of the node, then the corners
LABEL_OFFSETS = ((0, 1), (0, -1), (1, 0), (-1, 0), (0.7, 0.7), (-0.7, 0.7), (0.7, -0.7), (-0.7, -0.7))


def default_labels(graph: nx.Graph) -> int:
    """How many labels to try: all on small graphs, the 60 most central on large ones."""
    return graph.number_of_nodes() if graph.number_of_nodes() <= 80 else 60


def central_nodes(graph: nx.Graph) -> list:
    """Nodes from most to least central (weighted degree, then name)."""
    degree = dict(nx.Graph(graph).degree())
    strength = dict(graph.degree(weight="weight"))
    return sorted(graph, key=lambda n: (-degree[n], -strength[n], str(graph.nodes[n].get("label", n))))


def draw_graph(graph: nx.MultiGraph, *, title: str = "", caption: str = "", lang: str = "vi",
               layout: str = "auto", seed: int = 7, max_labels: int | None = None, pos: dict | None = None,
               size: tuple[float, float] = (12.0, 9.0), dpi: int = 150, progress: bool = False):
    """A matplotlib Figure of the network."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=size, dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_axes(PLOT_AREA)
    axes.set_axis_off()
    figure.suptitle(title, fontsize=14, fontfamily=FONT, x=0.01, ha="left", y=0.97)
    if graph.number_of_nodes() == 0:
        axes.text(0.5, 0.5, WORDS[lang]["empty"], ha="center", va="center", fontfamily=FONT)
        _caption(figure, caption)
        return figure
    if pos is None:
        pos, _ = layout_positions(graph, layout, seed, progress=progress)
    _frame(axes, pos)
    _draw_edges(axes, graph, pos)
    sizes = _draw_nodes(axes, graph, pos)
    budget = default_labels(graph) if max_labels is None else max_labels
    shown = _draw_labels(axes, graph, pos, central_nodes(graph)[:budget], sizes, lang)
    if shown < graph.number_of_nodes():
        caption += " " + WORDS[lang]["label_note"].format(shown=shown, nodes=graph.number_of_nodes())
    _caption(figure, caption.strip())
    _legend(figure, graph, lang)
    return figure


def _caption(figure, caption: str) -> None:
    wrapped = "\n".join(textwrap.wrap(caption, width=int(figure.get_figwidth() * 13)))
    figure.text(0.01, 0.012, wrapped, ha="left", va="bottom", fontsize=8.5, fontfamily=FONT, color="#333333")


def _frame(axes, pos: dict) -> None:
    xs = [x for x, _ in pos.values()]
    ys = [y for _, y in pos.values()]
    pad_x = max(0.08, 0.08 * (max(xs) - min(xs)))
    pad_y = max(0.06, 0.06 * (max(ys) - min(ys)))
    axes.set_xlim(min(xs) - pad_x, max(xs) + pad_x)
    axes.set_ylim(min(ys) - pad_y, max(ys) + pad_y)


def _draw_edges(axes, graph: nx.MultiGraph, pos: dict) -> None:
    from matplotlib.collections import LineCollection

    n = graph.number_of_nodes()
    alpha = 0.75 if n <= 100 else 0.45 if n <= 1000 else 0.2
    by_relation: dict[str, tuple[list, list]] = {}
    for _u, _v, data, segment in _segments(graph, pos):
        segments, widths = by_relation.setdefault(data.get("relation", "linked"), ([], []))
        segments.append(segment)
        widths.append((1.2 if n <= 200 else 0.5) * (1 + math.log2(max(1, data.get("weight", 1)))))
    for relation, (segments, widths) in by_relation.items():
        style = edge_style(relation)
        axes.add_collection(LineCollection(segments, colors=style.colour, linestyles=[style.line],
                                           linewidths=widths, alpha=alpha, zorder=1))


def _segments(graph: nx.MultiGraph, pos: dict):
    """Each edge's line; parallel edges (two relations between the same pair) side by side."""
    xs = [x for x, _ in pos.values()]
    gap = 0.012 * (max(xs) - min(xs) or 1)
    for u, v in {tuple(sorted((u, v), key=str)) for u, v in graph.edges()}:
        edges = sorted(graph.get_edge_data(u, v).values(), key=lambda d: str(d.get("relation")))
        (x1, y1), (x2, y2) = pos[u], pos[v]
        length = math.hypot(x2 - x1, y2 - y1) or 1
        nx_, ny_ = (y1 - y2) / length, (x2 - x1) / length
        for i, data in enumerate(edges):
            shift = (i - (len(edges) - 1) / 2) * gap
            yield u, v, data, ((x1 + nx_ * shift, y1 + ny_ * shift), (x2 + nx_ * shift, y2 + ny_ * shift))


def _draw_nodes(axes, graph: nx.MultiGraph, pos: dict) -> dict:
    """Markers by type, area by degree; returns node -> marker area (points²)."""
    degree = dict(nx.Graph(graph).degree())
    top = max(degree.values()) or 1
    base = max(6.0, min(90.0, 5000.0 / graph.number_of_nodes()))
    sizes = {n: base * (1 + 5 * degree[n] / top) for n in graph}
    for kind in sorted({d.get("type", "other") for _, d in graph.nodes(data=True)}):
        style = node_style(kind)
        nodes = [n for n, d in graph.nodes(data=True) if d.get("type", "other") == kind]
        drawn = axes.scatter([pos[n][0] for n in nodes], [pos[n][1] for n in nodes], s=[sizes[n] for n in nodes],
                             c=style.colour, marker=style.marker, edgecolors="white",
                             linewidths=0.6 if len(graph) <= 500 else 0.2, zorder=3)
        drawn.set_urls([str(n) if str(n).startswith(("http:", "https:")) else None for n in nodes])  # SVG links
    return sizes


def _draw_labels(axes, graph: nx.MultiGraph, pos: dict, nodes: list, sizes: dict, lang: str) -> int:
    """Labels of ``nodes`` in order; one that would cover a placed label or another of ``nodes``
    tries the other sides of its node, then is left out. Returns how many were placed."""
    import numpy as np

    renderer = axes.figure.canvas.get_renderer()
    order = list(nodes)  # a label may hide a small peripheral node, never a labelled one
    centres = axes.transData.transform([pos[n] for n in order])
    radii = np.sqrt([sizes[n] for n in order]) / 2 * axes.figure.dpi / 72
    where = {n: i for i, n in enumerate(order)}
    placed: list = []
    top = max(sizes.values())
    for rank, node in enumerate(nodes):
        text = label_of(graph.nodes[node], lang)
        if text:
            font = 9.5 if rank < 5 and sizes[node] >= top / 2 else 8
            mask = np.ones(len(order), bool)
            mask[where[node]] = False
            obstacles = (centres[mask], radii[mask])
            label = _place(axes, renderer, pos[node], text, math.sqrt(sizes[node]) / 2 + 2, font, placed, obstacles)
            if label is not None:
                placed.append(label.get_window_extent(renderer).expanded(1.04, 1.1))
    return len(placed)


def _place(axes, renderer, xy, text: str, radius: float, font: float, placed: list, obstacles):
    for dx, dy in LABEL_OFFSETS:
        label = axes.annotate(text, xy, xytext=(dx * radius, dy * radius), textcoords="offset points",
                              ha="left" if dx > 0 else "right" if dx < 0 else "center",
                              va="bottom" if dy > 0 else "top" if dy < 0 else "center", fontsize=font, fontfamily=FONT,
                              zorder=4, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                                              "alpha": 0.75})
        box = label.get_window_extent(renderer)
        if _inside(axes, box) and not any(box.overlaps(other) for other in placed) \
                and not _covers(box, *obstacles):
            return label
        label.remove()
    return None


def _inside(axes, box) -> bool:
    """Whether the box stays inside the figure, left of the legend."""
    frame = axes.figure.bbox
    right = frame.x0 + frame.width * (PLOT_AREA[0] + PLOT_AREA[2] + 0.01)
    return box.x0 >= frame.x0 and box.x1 <= right and box.y0 >= frame.y0 and box.y1 <= frame.y1


def _covers(box, centres, radii) -> bool:
    """Whether the box comes within a radius of a node's centre."""
    margin = radii
    return bool(((centres[:, 0] > box.x0 - margin) & (centres[:, 0] < box.x1 + margin)
                 & (centres[:, 1] > box.y0 - margin) & (centres[:, 1] < box.y1 + margin)).any())


def _legend(figure, graph: nx.MultiGraph, lang: str) -> None:
    from matplotlib.lines import Line2D

    kinds = [k for k in NODE_TYPES if any(d.get("type", "other") == k for _, d in graph.nodes(data=True))]
    drawn = {edge_style(d.get("relation", "linked")) for _, _, d in graph.edges(data=True)}  # unknown: "linked"
    relations = [r for r in RELATIONS if RELATIONS[r] in drawn]
    words = WORDS[lang]
    handles = [Line2D([], [], linestyle="none", color="none", label=words["types"])]
    handles += [Line2D([], [], linestyle="none", marker=node_style(k).marker, markersize=9,
                       markerfacecolor=node_style(k).colour, markeredgecolor="white",
                       label=getattr(node_style(k), lang)) for k in kinds]
    handles += [Line2D([], [], linestyle="none", color="none", label=" "),
                Line2D([], [], linestyle="none", color="none", label=words["relations"])]
    handles += [Line2D([], [], linestyle=edge_style(r).line, color=edge_style(r).colour, linewidth=1.8,
                       label=getattr(edge_style(r), lang)) for r in relations]
    handles += [Line2D([], [], linestyle="none", color="none", label=" "),
                Line2D([], [], linestyle="none", color="none", label=words["sizes"])]
    legend = figure.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.75, 0.92), frameon=False,
                           prop={"family": FONT, "size": 9}, handlelength=2.6, borderaxespad=0)
    for text in legend.get_texts():
        if text.get_text() in (words["types"], words["relations"]):
            text.set_fontweight("bold")
        if text.get_text() == words["sizes"]:
            text.set_fontsize(8)
            text.set_color("#444444")


def save_figure(figure, path, fmt: str | None = None, *, text: bool = False) -> None:
    """Write the figure as PNG, SVG or PDF (by ``fmt`` or the file's extension), at its own pixel size, to a
    path or a binary file; ``text``: an SVG's words stay text (for a web page), else they become outlines."""
    import matplotlib

    metadata = {"Creator": "vnfa"} if (fmt or str(path).rsplit(".", 1)[-1]).lower() != "png" else {}
    with matplotlib.rc_context({"svg.hashsalt": "vnfa", "pdf.fonttype": 42, "svg.fonttype": "none" if text else "path"}):
        figure.savefig(path, format=fmt, dpi=figure.dpi, metadata=metadata)
