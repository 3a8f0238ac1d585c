"""What vnfa needs from a store backend (the embedded folder, vnfa.store.open; a SPARQL server,
vnfa.store.remote), and the SPARQL Update text both send to replace articles' graphs."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rdflib import URIRef

Batch = Sequence[tuple[str, str]]  # (graph IRI, its quads as N-Quads text)


class VnfaStore(Protocol):
    """What vnfa needs from a backend besides rdflib's ``query``."""

    def run_update(self, text: str) -> None: ...
    def write_batch(self, batch: Batch, *, bulk: bool = False) -> None: ...
    def has_graph(self, name: URIRef) -> bool: ...
    def graph_names(self) -> list[URIRef]: ...
    def count(self) -> int: ...
    def graph_triples(self, name: URIRef | None = None) -> Iterator[tuple]: ...
    def dump(self, out: IO[bytes], fmt: str, prefixes: dict) -> None: ...
    def flush(self) -> None: ...
    def can_bulk_load(self) -> bool: ...
    def begin_bulk(self) -> None: ...
    def end_bulk(self) -> None: ...


def by_graph(quads: str) -> dict[str, list[str]]:
    """N-Quads text (one quad a line, each naming its graph) as graph IRI -> its lines as triples."""
    graphs: dict[str, list[str]] = {}
    for line in quads.splitlines():
        body = line.rstrip()[:-1].rstrip()  # without the final " ."
        at = body.rfind(" <")
        if at > 0:
            graphs.setdefault(body[at + 2:-1], []).append(body[:at] + " .\n")
    return graphs


def replace_update(batch: Batch) -> str:
    """One SPARQL Update that replaces each article's graph and adds its lines in other graphs (the
    entities graph) to them: DROP + INSERT DATA, and INSERT DATA (set semantics) for shared graphs."""
    parts = []
    shared: dict[str, set[str]] = {}
    for name, quads in batch:
        graphs = by_graph(quads)
        own = graphs.pop(name, [])  # none for an article left out: its old version goes all the same
        parts.append(f"DROP SILENT GRAPH <{name}>")
        if own:
            parts.append(f"INSERT DATA {{ GRAPH <{name}> {{\n{''.join(own)}}} }}")
        for graph, lines in graphs.items():
            shared.setdefault(graph, set()).update(lines)
    parts += [f"INSERT DATA {{ GRAPH <{graph}> {{\n{''.join(sorted(lines))}}} }}" for graph, lines in shared.items()]
    return " ;\n".join(parts)
