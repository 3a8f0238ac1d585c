"""Limits on what a query may do: parse-level refusals (update, SERVICE, LOAD), and the
time, memory, row and request-body limits (enforced by vnfa.query.pool's worker processes,
which are killed when a query overruns).

Updates never run through a query call (Oxigraph's query parser rejects them),
so the checks here only need rdflib's parser to tell an update from a typo and
to find SERVICE (which Oxigraph would follow, fetching any URL) and FROM.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from ..errors import QueryError

DEFAULT_TIMEOUT = 30.0
DEFAULT_ROWS = 10_000
DEFAULT_BODY = 1_000_000
DEFAULT_MEMORY = 2_000_000_000
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class QuerySyntaxError(QueryError):
    """The text is not SPARQL; the message gives the line and column."""


class QueryRefusedError(QueryError):
    """The query is valid but would make vnfa fetch URLs or write."""


class UpdateRefusedError(QueryRefusedError):
    """A SPARQL Update sent where only queries are served."""


class QueryTimeoutError(QueryError):
    """The query ran past its time limit and was stopped."""


class QueryMemoryError(QueryError):
    """The query's worker ran out of its memory (or died otherwise)."""


@dataclass(frozen=True)
class Limits:
    """How long a query may run, how many rows it may return, how big a request may be,
    how much heap (bytes) a query worker may use."""

    timeout: float = DEFAULT_TIMEOUT
    rows: int = DEFAULT_ROWS
    body: int = DEFAULT_BODY
    memory: int = DEFAULT_MEMORY


def _unescaped_words(text: str) -> str:
    """The text as the parser reads it (\\u escapes expanded), lower-cased."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text).lower()


def _compvalues(node: Any):
    """Every rdflib CompValue (a named grammar production) in a parse tree."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        yield node
        children = node.values()
    elif isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        children = node
    else:
        return
    for child in children:
        yield from _compvalues(child)


def _position(error: Exception) -> str:
    line, col = getattr(error, "lineno", None), getattr(error, "col", None)
    where = f" at line {line}, column {col}" if line else ""
    return f"SPARQL syntax error{where}: {getattr(error, 'msg', error)}"


@functools.lru_cache(maxsize=256)
def _parse_query(text: str):
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        return parseQuery(text)
    except ParseException as error:
        try:
            parseUpdate(text)
        except ParseException:
            raise QuerySyntaxError(_position(error)) from None
        raise UpdateRefusedError("SPARQL Update is not allowed here: this is read-only; "
                                 "send a SELECT, ASK, CONSTRUCT or DESCRIBE query") from None


def _productions(text: str, word: str) -> set[str]:
    """Names of the grammar productions in ``text``, when ``word`` can occur in it.

    Without the word, no production that needs it can be there: the parser (which
    costs far more than running a small query) is skipped.
    """
    if word not in _unescaped_words(text):
        return set()
    return {c.name for c in _compvalues(_parse_query(text))}


def check_query(text: str) -> None:
    """Refuse SERVICE, found in the parse tree (vnfa never fetches other endpoints); raise on updates.

    A text that may hold SERVICE but that rdflib cannot parse is refused as a syntax error.
    """
    if "ServiceGraphPattern" in _productions(text, "service"):
        raise QueryRefusedError("SERVICE (federated query) is refused: vnfa does not fetch other endpoints; "
                                "query this store only")


def has_dataset_clause(text: str) -> bool:
    """Whether the query names its own graphs (FROM, FROM NAMED).

    What rdflib cannot parse is left to Oxigraph's parser, which has the last word.
    """
    try:
        return "DatasetClause" in _productions(text, "from")
    except QuerySyntaxError:
        return False


def check_update(text: str) -> None:
    """Refuse updates that would fetch URLs (LOAD, SERVICE); raise on bad syntax."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        tree = parseUpdate(text)
    except ParseException as error:
        raise QuerySyntaxError(_position(error)) from None
    names = {c.name for c in _compvalues(tree)}
    if names & {"Load", "ServiceGraphPattern"}:
        raise QueryRefusedError("LOAD and SERVICE are refused: vnfa does not fetch URLs")


def syntax_error(text: str, error: Exception) -> QueryError:
    """The error to report when the store's parser rejected ``text``: an update, or a typo."""
    try:
        _parse_query(text)
    except UpdateRefusedError as refused:
        return refused
    except QuerySyntaxError:
        pass
    found = re.match(r"error at (\d+):(\d+): (.*)", str(error), re.S)
    if found:
        return QuerySyntaxError(f"SPARQL syntax error at line {found[1]}, column {found[2]}: {found[3]}")
    return QuerySyntaxError(f"SPARQL syntax error: {error}")
