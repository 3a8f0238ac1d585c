"""The one family of errors vnfa raises; each message says what to do next."""
from __future__ import annotations


class GraphError(Exception):
    """Base of every error vnfa reports to the user."""


class InputError(GraphError):
    """An input file or record cannot be read as an article."""


class SkippedInput(InputError):
    """An input with no article in it (empty, no body, a duplicate id): reported, not a failure."""


class StoreError(GraphError):
    """The store cannot be opened or written."""


class StoreInUseError(StoreError):
    """Another process holds the store."""


class QueryError(GraphError):
    """A SPARQL query is malformed, refused or too costly."""
