"""``vnfa draw``'s job: make the network a DrawRequest asks for and draw it (or write it as a
network file); the building and the drawing are vnfa.network.request's."""
from __future__ import annotations

from typing import Any


def draw_network(dataset: Any, output: str, request: Any = None, *, progress: bool = False) -> tuple[int, int, int]:
    """Draw (or write as a network file) what ``request`` asks for; returns the node and edge counts,
    and how many undated facts a date filter left out."""
    from ..network.request import DrawRequest, make_network, render

    request = request or DrawRequest()
    network = make_network(dataset, request)
    render(network, request, output, progress=progress)
    return network.number_of_nodes(), network.number_of_edges(), network.graph.get("undated", 0)


def draw_store(location: str | None, output: str, request: Any, *, progress: bool = False) -> tuple[int, int, int]:
    """draw_network on the store at ``location``."""
    from ..store.open import opened

    with opened(location, create=False) as dataset:
        return draw_network(dataset, output, request, progress=progress)


def draw_request(query_file: str | None, size: tuple[float, float], **options: Any) -> Any:
    """The DrawRequest of ``vnfa draw``'s options: the query read from its file, relations and
    countries as tuples."""
    from pathlib import Path

    from ..network.request import DrawRequest, read_query

    query = read_query(query_file) if query_file else None
    return DrawRequest(query=query, query_name=Path(query_file).name if query_file else "", size=size,
                       relations=tuple(options.pop("relation")), countries=tuple(options.pop("country")), **options)
