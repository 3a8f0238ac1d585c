"""One query on a read-only view of the store, answered in the media type the
client asked for and cut at the row limit. Runs inside a worker process of
vnfa.query.pool.QueryPool; Oxigraph does the evaluation and the serialising. For the command line,
the rows instead (vnfa.query.formats turns them into text)."""
from __future__ import annotations

import io
import itertools
import json
import signal
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from ..errors import QueryError
from ..model.vocab import PREFIXES
from .formats import GRAPH_HEADER, ResultRows, boolean_rows
from .limits import DEFAULT_ROWS, check_query, has_dataset_clause, syntax_error

# media type -> Oxigraph format; the first is the default when any type will do
RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/n-quads": ox.RdfFormat.N_QUADS,   # a CONSTRUCT's triples, in the default graph
    "application/trig": ox.RdfFormat.TRIG,
}
# ?format= value -> (media type for SELECT/ASK, for CONSTRUCT/DESCRIBE), for links and clients that
# cannot set Accept (SPARQLWrapper sends format=json, xml, turtle... whatever the query form)
FORMATS = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None), "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"), "ttl": (None, "text/turtle"), "n3": (None, "text/turtle"),
    "nt": (None, "application/n-triples"), "ntriples": (None, "application/n-triples"),
    "jsonld": (None, "application/ld+json"), "json-ld": (None, "application/ld+json"),
    "rdfxml": (None, "application/rdf+xml"), "rdf+xml": (None, "application/rdf+xml"),
    "rdf": (None, "application/rdf+xml"),
    "nquads": (None, "application/n-quads"), "nq": (None, "application/n-quads"), "trig": (None, "application/trig"),
}
ALL_TYPES = {**RESULT_TYPES, **GRAPH_TYPES}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_STORE: ox.Store | None = None


class NotAcceptableError(QueryError):
    """No media type the client accepts fits this kind of result."""


@dataclass(frozen=True)
class QueryRequest:
    text: str
    accept: str = "*/*"
    format: tuple[str | None, str | None] | None = None  # from ?format= (format_types), overriding accept
    default_graphs: tuple[str, ...] = ()            # default-graph-uri
    named_graphs: tuple[str, ...] = ()              # named-graph-uri
    bindings: tuple[tuple[str, Any], ...] = ()      # (variable, rdflib term)
    rows: int = DEFAULT_ROWS


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str
    kind: str          # "solutions", "boolean" or "graph"
    rows: int
    truncated: bool    # True when the row limit cut the result


def open_store(path: str, memory: int | None = None) -> None:
    """Worker start-up: a read-only view (the serving process holds the write lock).

    SIGTERM kills at once, even inside Oxigraph: a read-only worker has nothing to save.
    ``memory`` caps the worker's heap (bytes): a query that needs more ends its worker.
    """
    global _STORE
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if memory:
        import resource

        resource.setrlimit(resource.RLIMIT_DATA, (memory, memory))
    _STORE = ox.Store.read_only(path)


def store() -> ox.Store:
    if _STORE is None:
        raise QueryError("no store open in this worker")
    return _STORE


def acceptable(accept: str | None) -> bool:
    """Whether any result of any kind could be sent to a client accepting ``accept``."""
    return any(_negotiate(table, accept) for table in (RESULT_TYPES, GRAPH_TYPES))


def _negotiate(table: dict, accept: str | None) -> str | None:
    import mimeparse

    try:
        return mimeparse.best_match(list(reversed(table)), accept or "*/*") or None
    except (ValueError, mimeparse.MimeTypeParseException):
        return next(iter(table))


def format_pair(value: str) -> tuple[str | None, str | None]:
    """What one ?format= value asks for: (media type for SELECT/ASK, for CONSTRUCT/DESCRIBE).

    A FORMATS key, a media type or a comma-separated list of them (SPARQLWrapper sends
    ``format=json-ld&format=application/ld+json,application/x-json+ld``).
    """
    if value in FORMATS:
        return FORMATS[value]
    types = [t.split(";")[0].strip().lower() for t in value.split(",")]
    return (next((t for t in types if t in RESULT_TYPES), None), next((t for t in types if t in GRAPH_TYPES), None))


def format_types(values: list[str]) -> tuple[str | None, str | None]:
    """The media types that all the ?format= values ask for; values that ask for different ones are refused."""
    merged: list[str | None] = [None, None]
    for value in values:
        for index, media in enumerate(format_pair(value)):
            if media and merged[index] and media != merged[index]:
                raise QueryError(f"format given as both {merged[index]} and {media}; give one format")
            merged[index] = merged[index] or media
    return merged[0], merged[1]


def known_format(name: str) -> bool:
    return format_pair(name) != (None, None)


def choose_type(kind: str, accept: str | None, formats: tuple[str | None, str | None] | None) -> str:
    """The media type to answer with, from ?format= (format_types) or else Accept."""
    table = GRAPH_TYPES if kind == "graph" else RESULT_TYPES
    media = formats[kind == "graph"] if formats else _negotiate(table, accept)
    if media not in table:
        wanted = "that format=" if formats else f"Accept: {accept}"
        raise NotAcceptableError(f"cannot answer a {kind} result as {wanted}; "
                                 f"accept one of {', '.join(table)}")
    return media


def evaluate(request: QueryRequest):
    """The lazy Oxigraph result of a checked query on the worker's store."""
    check_query(request.text)
    try:
        return store().query(request.text, prefixes=dict(PREFIXES), substitutions=_substitutions(request.bindings),
                             **_dataset(request))
    except SyntaxError as error:
        raise syntax_error(request.text, error) from None
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"query failed: {error}") from None


def _dataset(request: QueryRequest) -> dict:
    """Protocol graphs override FROM; with neither, the default graph is the union of all graphs."""
    try:
        options: dict = {}
        if request.default_graphs:
            options["default_graph"] = [ox.NamedNode(g) for g in request.default_graphs]
        elif not has_dataset_clause(request.text):
            options["use_default_graph_as_union"] = True
        if request.named_graphs:
            options["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
        return options
    except ValueError as error:
        raise QueryError(f"bad graph IRI in default-graph-uri or named-graph-uri: {error}") from None


def _substitutions(bindings) -> dict | None:
    if not bindings:
        return None
    from rdflib import Literal

    def convert(term):
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            return ox.Literal(str(term), datatype=ox.NamedNode(term.datatype) if term.datatype else None)
        return ox.NamedNode(str(term))

    return {ox.Variable(name): convert(term) for name, term in bindings}


def execute(request: QueryRequest) -> Answer:
    """Run a query and write its answer (the worker's entry point)."""
    result = evaluate(request)
    kind = KINDS[type(result)]
    media = choose_type(kind, request.accept, request.format)
    try:
        return WRITERS[kind](result, media, request.rows)
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"query failed: {error}") from None


def term_json(term) -> dict:
    """A term in the SPARQL 1.1 JSON results format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def _cut(items, rows: int) -> tuple[list, bool]:
    taken = list(itertools.islice(items, rows + 1))
    return taken[:rows], len(taken) > rows


def _write_solutions(result: ox.QuerySolutions, media: str, rows: int) -> Answer:
    names = [v.value for v in result.variables]
    solutions, truncated = _cut(result, rows)
    bindings = [{n: term_json(s[n]) for n in names if s[n] is not None} for s in solutions]
    body = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
    if RESULT_TYPES[media] != ox.QueryResultsFormat.JSON:
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        body = parsed.serialize(format=RESULT_TYPES[media])
    return Answer(body, media, "solutions", len(solutions), truncated)


def _write_boolean(result: ox.QueryBoolean, media: str, rows: int) -> Answer:
    return Answer(result.serialize(format=RESULT_TYPES[media]), media, "boolean", 1, False)


def _write_graph(result: ox.QueryTriples, media: str, rows: int) -> Answer:
    triples, truncated = _cut(result, rows)
    out = io.BytesIO()
    ox.serialize(triples, out, format=GRAPH_TYPES[media], prefixes=dict(PREFIXES))
    return Answer(out.getvalue(), media, "graph", len(triples), truncated)


KINDS = {ox.QuerySolutions: "solutions", ox.QueryBoolean: "boolean", ox.QueryTriples: "graph"}
WRITERS = {"solutions": _write_solutions, "boolean": _write_boolean, "graph": _write_graph}


def _cell(term) -> str | None:
    """A SELECT's cell as text, as rdflib reads the term (its lexical form normalised)."""
    from oxrdflib._converter import from_ox

    return None if term is None else str(from_ox(term))


def _solution_rows(result: ox.QuerySolutions, limit: int) -> ResultRows:
    names = [v.value for v in result.variables]
    solutions, truncated = _cut(result, limit)
    rows = tuple(tuple(_cell(s[n]) for n in names) for s in solutions)
    return ResultRows(tuple(names), rows, truncated=truncated)


def _graph_rows(result: ox.QueryTriples, limit: int) -> ResultRows:
    triples, truncated = _cut(result, limit)
    rows = tuple((str(t.subject), str(t.predicate), str(t.object)) for t in triples)
    return ResultRows(GRAPH_HEADER, rows, kind="graph", truncated=truncated)


def result_rows(request: QueryRequest) -> ResultRows:
    """Run a query and return its rows (the worker's entry point for the command line)."""
    result = evaluate(request)
    if isinstance(result, ox.QueryBoolean):
        return boolean_rows(bool(result))
    try:
        maker = _graph_rows if isinstance(result, ox.QueryTriples) else _solution_rows
        return maker(result, request.rows)
    except (OSError, ValueError, RuntimeError) as error:
        raise QueryError(f"query failed: {error}") from None
