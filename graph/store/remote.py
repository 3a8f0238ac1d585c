"""A SPARQL 1.1 server as the store (Virtuoso, Oxigraph server, Fuseki...),
spoken to over the SPARQL 1.1 Protocol with requests.

vnfa's graphs are those named under vnfa.store.endpoint.GRAPH_PREFIX; other graphs
on a shared server are never listed, exported or dropped. Queries run on the
server's default graph, which must be the union of its named graphs
(Virtuoso's default; ``oxigraph serve --union-default-graph``). Writing an
article is ``DROP SILENT GRAPH`` + ``INSERT DATA`` in one request: Oxigraph
applies a request as one transaction; Virtuoso applies its operations one by
one, so there a crash between them can leave an article missing (never half
written; ingest again to repair). Results cut short by the server
(Virtuoso's ResultSetMaxRows) are an error, never silently partial.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import IO

import pyoxigraph as ox
from oxrdflib._converter import from_ox
from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result
from rdflib.store import Store

from ..errors import QueryError, StoreError
from .backends import Batch, replace_update
from .endpoint import Endpoint, parse_endpoint

UPDATE_CHARS = 4_000_000  # per request
PAGE = 5_000  # graph names per request: under Virtuoso's default 10,000-row cut
ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
_DECLARED = re.compile(r"(?im)^\s*PREFIX\s+([\w.-]*):")
_USED = re.compile(r"(?<![\w<\"#/])([A-Za-z][\w.-]*):(?![/])")
_WHERE = re.compile(r"(?i)\bWHERE\s*\{")


def open_remote(target: str) -> Dataset:
    """The server named by a sparql+http URL or an endpoint file, checked to answer, as a Dataset."""
    store = RemoteStore(parse_endpoint(target))
    store.check()
    return Dataset(store=store, default_union=True)


def with_bindings(text: str, bindings: dict) -> str:
    """The query with ``VALUES`` for the bound variables at the start of its WHERE group.

    >>> with_bindings("SELECT ?x WHERE { ?x ?p ?g }", {"g": URIRef("urn:a")})
    'SELECT ?x WHERE { VALUES (?g) { (<urn:a>) } ?x ?p ?g }'
    """
    if not bindings:
        return text
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(term.n3() for term in bindings.values())
    found = _WHERE.search(text)
    at = found.end() if found else text.find("{") + 1
    if at <= 0:
        raise QueryError("cannot bind variables in a query without a WHERE group")
    return f"{text[:at]} VALUES ({names}) {{ ({values}) }}{text[at:]}"


def with_prefixes(text: str, namespaces: dict) -> str:
    """The query with PREFIX lines for the known prefixes it uses but does not declare."""
    declared = set(_DECLARED.findall(text))
    body = re.sub(r"<[^>\s]*>|\"[^\"\n]*\"", "", text)
    used = {p for p in _USED.findall(body) if p in namespaces and p not in declared}
    lines = [f"PREFIX {p}: <{namespaces[p]}>" for p in sorted(used)]
    return "\n".join(lines + [text]) if lines else text


class RemoteStore(Store):
    """rdflib's view of the server (``query``) plus vnfa.store.open's small interface."""

    context_aware = True
    graph_aware = True
    transaction_aware = False

    def __init__(self, endpoint: Endpoint) -> None:
        import requests

        super().__init__()
        self.endpoint = endpoint
        self.session = requests.Session()
        self.session.auth = endpoint.credentials()

    # --- HTTP -------------------------------------------------------------------------------------
    def _post(self, url: str, form: dict, accept: str):
        import requests

        try:
            response = self.session.post(url, data=form, headers={"Accept": accept}, timeout=600)
        except requests.RequestException as error:
            raise StoreError(f"cannot reach the SPARQL server at {url} ({type(error).__name__}); "
                             "start it, or check --store") from None
        if response.status_code in (401, 403):
            raise StoreError(f"the SPARQL server at {url} refused vnfa ({response.status_code}); "
                             "give a user and password (and auth = \"digest\" for Virtuoso's /sparql-auth)")
        if response.status_code >= 400:
            message = response.text.strip().splitlines()[0] if response.text.strip() else response.reason
            error = QueryError if "query" in form else StoreError
            raise error(f"the SPARQL server at {url} said: {message[:300]}")
        if "X-SPARQL-MaxRows" in response.headers:
            raise QueryError(f"the SPARQL server cut the result at {response.headers['X-SPARQL-MaxRows']} rows; "
                             "add LIMIT and OFFSET, or raise ResultSetMaxRows in virtuoso.ini")
        return response

    def select(self, text: str) -> list[dict]:
        """Rows of a SELECT as dicts of pyoxigraph terms (fast: parsed in Rust)."""
        response = self._post(self.endpoint.query, {"query": text}, "application/sparql-results+json")
        solutions = ox.parse_query_results(response.content, format=ox.QueryResultsFormat.JSON)
        names = [v.value for v in solutions.variables]
        return [{n: s[n] for n in names} for s in solutions]

    def ask(self, text: str) -> bool:
        response = self._post(self.endpoint.query, {"query": text}, "application/sparql-results+json")
        return bool(response.json().get("boolean"))

    def construct(self, text: str) -> Iterator[ox.Triple]:
        response = self._post(self.endpoint.query, {"query": text}, "application/n-triples")
        return ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)

    def check(self) -> None:
        """The server answers, and its default graph holds the named graphs' triples."""
        if self.ask("ASK { GRAPH ?g { ?s ?p ?o } }") and not self.ask("ASK { ?s ?p ?o }"):
            raise StoreError(f"the SPARQL server at {self.endpoint.query} does not query the union of its "
                             "graphs by default; start Oxigraph with 'oxigraph serve --union-default-graph'")

    # --- rdflib ----------------------------------------------------------------------------------
    def query(self, query, initNs, initBindings, queryGraph, **kwargs) -> Result:
        if not isinstance(query, str):
            raise NotImplementedError("only query strings go to a SPARQL server")
        text = with_bindings(with_prefixes(query, dict(initNs or {})), dict(initBindings or {}))
        response = self._post(self.endpoint.query, {"query": text}, ACCEPT)
        kind = response.headers.get("Content-Type", "").split(";")[0].strip()
        if "json" in kind or "xml" in kind:
            return Result.parse(io.BytesIO(response.content), format="json" if "json" in kind else "xml")
        result = Result("CONSTRUCT")
        result.graph = Graph().parse(data=response.content, format="nt" if "n-triples" in kind else "turtle")
        return result

    def close(self, commit_pending_transaction: bool = False) -> None:
        self.session.close()

    # --- vnfa.store.open's interface -----------------------------------------------------------------
    def run_update(self, text: str) -> None:
        self._post(self.endpoint.update, {"update": text.encode("utf-8")}, "*/*")

    def write_batch(self, batch: Batch, *, bulk: bool = False) -> None:
        """Replace each graph: DROP SILENT GRAPH + INSERT DATA, in requests of at most UPDATE_CHARS."""
        group: list[tuple[str, str]] = []
        size = 0
        for name, quads in dict(batch).items():
            if group and size + len(quads) > UPDATE_CHARS:
                self.run_update(replace_update(group))
                group, size = [], 0
            group.append((name, quads))
            size += len(quads)
        if group:
            self.run_update(replace_update(group))

    def has_graph(self, name: URIRef) -> bool:
        return self.ask(f"ASK {{ GRAPH {name.n3()} {{ ?s ?p ?o }} }}")

    def graph_names(self) -> list[URIRef]:
        """vnfa's graphs, paged by name (no OFFSET: Virtuoso limits sorted offsets)."""
        names: list[URIRef] = []
        while True:
            after = f'&& STR(?g) > "{names[-1]}"' if names else ""
            rows = self.select(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                               f'FILTER(STRSTARTS(STR(?g), "{self.endpoint.graphs}") {after}) }} '
                               f"ORDER BY ?g LIMIT {PAGE}")
            names += [URIRef(row["g"].value) for row in rows]
            if len(rows) < PAGE:
                return names

    def count(self) -> int:
        rows = self.select(f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                           f'FILTER(STRSTARTS(STR(?g), "{self.endpoint.graphs}")) }}')
        return int(rows[0]["n"].value)

    def _graph(self, name: URIRef) -> Iterator[ox.Triple]:
        return self.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {name.n3()} {{ ?s ?p ?o }} }}")

    def graph_triples(self, name: URIRef | None = None) -> Iterator[tuple]:
        for graph in [name] if name is not None else self.graph_names():
            for triple in self._graph(graph):
                yield from_ox(triple.subject), from_ox(triple.predicate), from_ox(triple.object)

    def dump(self, out: IO[bytes], fmt: str, prefixes: dict) -> None:
        """All of vnfa's graphs, fetched graph by graph, as N-Quads or TriG."""
        memory = ox.Store()
        for name in self.graph_names():
            graph = ox.NamedNode(str(name))
            memory.extend(ox.Quad(t.subject, t.predicate, t.object, graph) for t in self._graph(name))
        native = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}[fmt]
        memory.dump(out, native, prefixes=prefixes if fmt == "trig" else None)

    def flush(self) -> None:
        """Nothing to do: the server commits each request."""

    def can_bulk_load(self) -> bool:
        return False

    def begin_bulk(self) -> None:
        """No bulk path on a server."""

    def end_bulk(self) -> None:
        """No bulk path on a server."""
