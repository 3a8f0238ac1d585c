"""SPARQL over the store: named queries shipped in data/queries/, run on the store's engine (an
embedded store's in a worker process under time, memory and row limits), answered as rows
(vnfa.query.formats writes them out), and the stats queries (data/queries/stats/).

Light to import (no RDF library at module level): the command line builds its choices from here."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import QueryError
from ..resources import data_path
from .formats import GRAPH_HEADER, ResultRows, boolean_rows
from .limits import Limits, check_query, syntax_error

if TYPE_CHECKING:
    from rdflib import Dataset
    from rdflib.query import Result

    from .results import QueryRequest


def named_queries() -> dict[str, str]:
    """Name -> SPARQL text of every data/queries/*.rq."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(data_path("queries").glob("*.rq"))}


def query_description(text: str) -> str:
    """The first comment line of a query: what it answers."""
    for line in text.splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


def run_query(dataset: Dataset, text: str, bindings: dict | None = None) -> Result:
    """Run a query string on the store's own engine (never a prepared rdflib query)."""
    from ..model.vocab import PREFIXES
    from ..store.remote import with_bindings

    check_query(text)  # parse-level: refuses SERVICE (updates never parse as queries)
    try:  # bound as VALUES in the query, not Oxigraph's substitutions, which FILTERs do not see
        return dataset.query(with_bindings(text, bindings or {}), initNs=PREFIXES)
    except SyntaxError as error:
        raise syntax_error(text, error) from None
    except (ValueError, OSError) as error:
        raise QueryError(f"query failed: {error}") from None


NAMES = "SELECT DISTINCT ?name WHERE { ?x schema:name|rdfs:label ?name }"


def resolve_bindings(dataset: Dataset, params: dict) -> dict:
    """Values to bind: rdflib terms and IRIs as they are; other text names a node, matched the way
    ``vnfa draw --focus`` matches (case, accents and tone placement optional) against the store's names."""
    from rdflib import Literal, URIRef

    out, names = {}, None
    for key, value in params.items():
        if not isinstance(value, str):
            out[key.lstrip("?")] = value
        elif value.startswith(("http://", "https://")):
            out[key.lstrip("?")] = URIRef(value)
        else:
            names = names if names is not None else [row[0] for row in run_query(dataset, NAMES)]
            out[key.lstrip("?")] = matching_name(names, value) or Literal(value, lang="vi")
    return out


def matching_name(names: list, wanted: str):
    """The one name (an rdflib Literal) that ``wanted`` stands for, None if none; several: an error.
    Tried in turn: the exact text, then tone placement and case folded, then diacritics dropped."""
    from ..network.filters import name_keys

    key = name_keys(wanted)
    keyed = [(name, name_keys(str(name))) for name in names]
    tiers = (lambda name, keys: str(name) == wanted, lambda name, keys: keys[0] == key[0],
             lambda name, keys: keys[1] == key[1])
    for fits in tiers:
        found = sorted({str(name): name for name, keys in keyed if fits(name, keys)}.items())
        if len(found) > 1:
            raise QueryError(f"'{wanted}' matches {len(found)} names: {'; '.join(t for t, _ in found[:12])}; "
                             "give the full name")
        if found:
            return found[0][1]
    return None


def rows_of(result: Result) -> ResultRows:
    """An rdflib query result (a SPARQL server's answer) as rows: cells as text, None when unbound."""
    if result.type == "ASK":
        return boolean_rows(bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return ResultRows(GRAPH_HEADER, tuple(tuple(t.n3() for t in triple) for triple in result.graph), kind="graph")
    rows = tuple(tuple(None if row[v] is None else str(row[v]) for v in result.vars) for row in result)
    return ResultRows(tuple(str(v) for v in result.vars), rows)


def query_store(location: str | None, text: str, *, bindings: dict | None = None,
                limits: Limits | None = None) -> ResultRows:
    """``vnfa query``: the rows of ``text`` on the store, cut at the row limit (``truncated`` says so).

    The command holds the store (no other process writes) while a worker with a
    read-only view runs the query under the time limit. A SPARQL server given as
    --store applies its own limits.
    """
    from ..store.open import is_remote, opened, store_path
    from ..store.remote import with_bindings  # VALUES, which FILTERs see (Oxigraph's substitutions are not)
    from .results import QueryRequest

    limits = limits or Limits()
    with opened(location, create=False) as dataset:
        bindings = resolve_bindings(dataset, bindings or {})
        if is_remote(location):
            return rows_of(run_query(dataset, text, bindings))
        request = QueryRequest(with_bindings(text, bindings), rows=limits.rows)
        return run_limited(str(store_path(location)), request, limits)


def run_limited(store_folder: str, request: QueryRequest, limits: Limits) -> ResultRows:
    """One query's rows under the limits, from the command line (whose process holds the store)."""
    from .pool import QueryPool
    from .results import result_rows

    pool = QueryPool(store_folder, workers=1, timeout=limits.timeout, memory=limits.memory)
    try:
        return pool.call(result_rows, request)
    finally:
        pool.close()


def stats_queries() -> dict[str, str]:
    """Name -> SPARQL text of data/queries/stats/NN-name.rq, in their order ('posts-held': 'posts held')."""
    files = sorted(data_path("queries", "stats").glob("*.rq"))
    return {p.stem.partition("-")[2].replace("-", " "): p.read_text(encoding="utf-8") for p in files}


STATS_QUERIES = stats_queries()


def stats(dataset: Dataset) -> dict[str, int]:
    """Counts by class and relation."""
    return {name: int(next(iter(run_query(dataset, text)))[0]) for name, text in STATS_QUERIES.items()}


def stats_of(location: str | None) -> dict[str, int]:
    """``vnfa stats``: the counts of the store at ``location``."""
    from ..store.open import opened

    with opened(location, create=False) as dataset:
        return stats(dataset)
