"""Node positions: seeded layouts chosen by name (or by the graph's size and
shape), cached on disk, since the layout, not the drawing, is the cost.

``force`` is a Fruchterman-Reingold layout in NumPy: exact repulsion up to
DENSE_MAX nodes, sampled repulsion beyond, so 10,000 nodes stay in seconds.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
from pathlib import Path

import networkx as nx
import numpy as np

from ..errors import GraphError
from .styles import RELATIONS

DENSE_MAX = 1500  # exact repulsion up to here; a random sample of SAMPLE nodes beyond
SAMPLE = 600
CHUNK = 500  # rows of the distance matrix computed at once
CACHE_MIN = 100  # graphs smaller than this are laid out in well under a second: not cached
Positions = dict


def _nodes(graph: nx.Graph) -> list:
    return sorted(graph, key=str)


def _index_edges(graph: nx.Graph, index: dict) -> np.ndarray:
    pairs = {tuple(sorted((index[u], index[v]))) for u, v in graph.edges() if u != v}
    return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)


def _repulsion(pos: np.ndarray, k2: float, rng: np.random.Generator) -> np.ndarray:
    n = len(pos)
    others, scale = (pos, 1.0) if n <= DENSE_MAX else (pos[rng.choice(n, SAMPLE, replace=False)], n / SAMPLE)
    ox, oy = others[:, 0], others[:, 1]
    disp = np.empty_like(pos)
    for start in range(0, n, CHUNK):
        dx = pos[start:start + CHUNK, 0, None] - ox
        dy = pos[start:start + CHUNK, 1, None] - oy
        weight = dx * dx
        weight += dy * dy
        np.maximum(weight, 1e-6, out=weight)
        np.divide(k2 * scale, weight, out=weight)
        disp[start:start + CHUNK, 0] = np.einsum("ij,ij->i", dx, weight)
        disp[start:start + CHUNK, 1] = np.einsum("ij,ij->i", dy, weight)
    return disp


def _attraction(pos: np.ndarray, edges: np.ndarray, k: float) -> np.ndarray:
    delta = pos[edges[:, 0]] - pos[edges[:, 1]]
    pull = delta * (np.sqrt(np.einsum("ij,ij->i", delta, delta)) / k)[:, None]
    n = len(pos)
    return np.stack([np.bincount(edges[:, 1], pull[:, axis], n) - np.bincount(edges[:, 0], pull[:, axis], n)
                     for axis in (0, 1)], axis=1).astype(pos.dtype)


def force_layout(graph: nx.Graph, seed: int = 7, iterations: int | None = None,
                 progress: bool = False) -> Positions:
    """Seeded Fruchterman-Reingold positions in [-1, 1], with a little gravity
    so that small components stay near the big one."""
    nodes = _nodes(graph)
    n = len(nodes)
    if n <= 2:
        return nx.circular_layout(nodes) if n else {}
    index = {node: i for i, node in enumerate(nodes)}
    edges = _index_edges(graph, index)
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)).astype(np.float32)
    k = 1.0 / math.sqrt(n)
    steps = iterations or (120 if n <= 500 else 60)
    temperature = 0.1
    bar = _progress(steps, progress and n >= 1000)
    for step in range(steps):
        disp = _repulsion(pos, k * k, rng) + _attraction(pos, edges, k)
        disp -= (pos - pos.mean(axis=0)) * (2.0 * math.sqrt(n) * k)
        length = np.maximum(np.sqrt(np.einsum("ij,ij->i", disp, disp)), 1e-4)
        pos += disp * (temperature * (1 - step / steps) / length)[:, None]
        bar.update(1)
    bar.close()
    return dict(zip(nodes, _rescale(pos).tolist()))


def _progress(total: int, show: bool):
    from tqdm import tqdm

    return tqdm(total=total, desc="layout", unit="step", disable=not show, leave=False)


def _rescale(pos: np.ndarray) -> np.ndarray:
    pos = pos - pos.mean(axis=0)
    extent = np.abs(pos).max()
    return pos / extent if extent > 0 else pos


def hub(graph: nx.Graph) -> object | None:
    """The node on at least 60% of the edges of a graph, if there is one (a star: draw it as shells)."""
    if graph.number_of_edges() < 3:
        return None
    node, degree = max(nx.Graph(graph).degree(), key=lambda item: (item[1], str(item[0])))
    return node if degree >= 0.6 * nx.Graph(graph).number_of_edges() else None


def shell_layout(graph: nx.Graph, seed: int = 7, **_) -> Positions:
    """The best-connected node in the middle, the others around it, grouped by relation and type."""
    centre = hub(graph) or max(graph.degree(), key=lambda item: (item[1], str(item[0])))[0]
    strength = {relation: i for i, relation in enumerate(RELATIONS)}

    def order(node):
        relations = sorted(strength.get(d.get("relation"), len(strength)) for d in _edge_data(graph, centre, node))
        return (relations[:1], graph.nodes[node].get("type", ""), str(graph.nodes[node].get("label", node)))
    ring = sorted((n for n in graph if n != centre), key=order)
    return nx.shell_layout(graph, nlist=[[centre], ring]) if ring else {centre: np.zeros(2)}


def _edge_data(graph: nx.Graph, u, v) -> list[dict]:
    data = graph.get_edge_data(u, v) or {}
    return list(data.values()) if graph.is_multigraph() else [data]


def _with_scipy(name: str, layout):
    def run(graph: nx.Graph, seed: int = 7, **_) -> Positions:
        try:
            return layout(nx.Graph(graph), seed)
        except ImportError:
            raise GraphError(f"layout '{name}' needs scipy: pip install scipy, or use --layout force") from None
    return run


LAYOUTS = {
    "auto": None,  # chosen by choose_layout
    "force": lambda graph, seed=7, progress=False: force_layout(graph, seed, progress=progress),
    "spring": _with_scipy("spring", lambda g, seed: nx.spring_layout(g, seed=seed)),
    "kamada-kawai": _with_scipy("kamada-kawai", lambda g, seed: nx.kamada_kawai_layout(g)),
    "spectral": _with_scipy("spectral", lambda g, seed: nx.spectral_layout(g)),
    "circular": lambda graph, seed=7, **_: nx.circular_layout(_nodes(graph)),
    "shell": shell_layout,
}


def choose_layout(graph: nx.Graph) -> str:
    """Shells for a star of up to 200 nodes (Vietnam and its partners), else the force layout."""
    return "shell" if graph.number_of_nodes() <= 200 and hub(graph) is not None else "force"


def cache_dir() -> Path:
    """$VNFA_CACHE, else $XDG_CACHE_HOME/vnfa, else ~/.cache/vnfa; positions go in layouts/."""
    root = os.environ.get("VNFA_CACHE") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "vnfa"
    return Path(root) / "layouts"


def _cache_key(graph: nx.Graph, name: str, seed: int) -> str:
    digest = hashlib.sha1(f"{name}\x1f{seed}".encode())
    for node in _nodes(graph):
        digest.update(f"\x1e{node}".encode())
    for u, v in sorted(tuple(sorted((str(u), str(v)))) for u, v in graph.edges()):
        digest.update(f"\x1d{u}\x1f{v}".encode())
    return digest.hexdigest()


def layout_positions(graph: nx.Graph, name: str = "auto", seed: int = 7, *, progress: bool = False,
                     cache: bool = True) -> tuple[Positions, str]:
    """Positions of every node and the layout used; big graphs' positions are cached by content."""
    name = choose_layout(graph) if name == "auto" else name
    path = cache_dir() / f"{_cache_key(graph, name, seed)}.json"
    use_cache = cache and graph.number_of_nodes() >= CACHE_MIN
    if use_cache and path.is_file():
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            return {node: tuple(stored[str(node)]) for node in graph}, name
        except (ValueError, KeyError, OSError):
            pass  # a damaged or stale cache file: lay out again
    pos = {node: tuple(float(c) for c in xy) for node, xy in LAYOUTS[name](graph, seed=seed, progress=progress).items()}
    if use_cache:
        _write_cache(path, pos)
    return pos, name


def _write_cache(path: Path, pos: Positions) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps({str(n): xy for n, xy in pos.items()}), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # a read-only home: lay out again next time
