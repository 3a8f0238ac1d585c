"""vnfa in Python: open a store, query it, get tables, NetworkX graphs and figures; extract facts
from a text without any store. What the command line does, for a notebook.

>>> import vnfa
>>> text = "Ngày 14/6/2024, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản Ito Naoki tại Hà Nội."
>>> facts = vnfa.extract_text(text, doc="demo")
>>> facts["persons"]
['Phạm Minh Chính', 'Ito Naoki']
>>> [sorted(m["participants"]) for m in facts["meetings"]]
[['Ito Naoki', 'Phạm Minh Chính']]

A store opens as a context manager: read-only by default, which takes no lock, so ``vnfa query``
and ``vnfa ingest`` still run on the same folder while a notebook holds it.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "store"
>>> with vnfa.open_store(folder, read_only=False) as store:
...     store.add_text(text, doc="demo")
>>> with vnfa.open_store(folder) as store:
...     rows = store.query(name="meetings-of", person="pham minh chinh")
...     network = store.network("meetings")
>>> rows.columns
['person', 'met', 'type', 'date', 'article']
>>> rows[0]["met"], rows[0]["date"]
('Ito Naoki', '2024-06-14')
>>> sorted(network.nodes[n]["label"] for n in network)
['Ito Naoki', 'Phạm Minh Chính']
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import networkx as nx
from rdflib import Dataset, Graph, Literal, URIRef

from .errors import GraphError, QueryError, StoreError

Location = str | os.PathLike | None


class Rows(Sequence):
    """The rows of a SELECT: a sequence of dicts (column -> Python value, None when unbound)."""

    def __init__(self, columns: list[str], records: list[tuple]) -> None:
        self.columns = columns
        self.records = records

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [dict(zip(self.columns, r)) for r in self.records[index]]
        return dict(zip(self.columns, self.records[index]))

    def __len__(self) -> int:
        return len(self.records)

    def __repr__(self) -> str:
        return f"<Rows: {len(self)} rows of {', '.join(self.columns)}>"

    def to_df(self):
        """A pandas DataFrame (``pip install 'vnfa[notebook]'``)."""
        try:
            import pandas
        except ImportError:
            raise GraphError("to_df() needs pandas; pip install 'vnfa[notebook]' (or pandas)") from None
        return pandas.DataFrame.from_records(self.records, columns=self.columns)


def python_value(term) -> Any:
    """An RDF term as a plain value: IRIs and strings as str, numbers as numbers, dates as ISO text."""
    if term is None or isinstance(term, URIRef):
        return None if term is None else str(term)
    value = term.toPython() if isinstance(term, Literal) else str(term)
    return value if isinstance(value, (int, float, bool)) else str(value)


class Store:
    """An open vnfa store: a folder (embedded Oxigraph) or a SPARQL server; close it, or use ``with``."""

    def __init__(self, location: Location = None, *, read_only: bool = True) -> None:
        from .store.open import open_dataset

        self.read_only = read_only
        self.dataset: Dataset = open_dataset(location, create=not read_only, read_only=read_only)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        from .store.open import close

        close(self.dataset)

    def query(self, sparql: str | None = None, *, name: str | None = None, **params: str) -> Rows | Graph | bool:
        """Rows of a SELECT, an rdflib Graph of a CONSTRUCT, a bool for ASK; a named query by ``name``.

        ``params`` bind variables: IRIs as such, other values as names (accents and case optional).
        """
        from .query.named import named_queries, resolve_bindings, run_query

        text = _query_text(sparql, name, named_queries())
        result = run_query(self.dataset, text, resolve_bindings(self.dataset, params))
        if result.type == "ASK":
            return bool(result.askAnswer)
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return result.graph
        columns = [str(v) for v in result.vars]
        return Rows(columns, [tuple(python_value(row[v]) for v in result.vars) for row in result])

    def network(self, view: str = "actors", **filters) -> nx.MultiGraph:
        """A view (actors, meetings, partners, events) as a NetworkX graph; filters as ``vnfa draw``'s:
        since, until, relations, countries, focus, hops, query (SPARQL text instead of a view)."""
        from .network.request import DrawRequest, make_network

        return make_network(self.dataset, DrawRequest(view=view, **filters))

    def draw(self, view: str = "actors", **options):
        """A matplotlib Figure of a view; options as ``vnfa draw``'s (lang, layout, seed, focus...)."""
        from .network.request import DrawRequest, figure_of

        request = DrawRequest(view=view, **options)
        return figure_of(self.network(view, **_filters(request)), request)

    def facts(self) -> list[dict]:
        """The facts view of every article (SPEC.md's format)."""
        from .query.facts import all_facts

        return all_facts(self.dataset)

    def stats(self) -> dict[str, int]:
        from .query.named import stats

        return stats(self.dataset)

    def ingest(self, *paths: str | os.PathLike, progress: bool = False):
        """Read articles (files, folders) into the store; the report says what went in."""
        from .ingest.pipeline import ingest

        self._writable()
        return ingest(paths, self.dataset, progress=progress)

    def add_text(self, text: str, *, doc: str = "text") -> None:
        """Add one article given as text (its first line is the title), replacing one with the same ``doc``."""
        from .ingest.pipeline import ensure_reference
        from .store.open import write_batch

        self._writable()
        ensure_reference(self.dataset)
        write_batch(self.dataset, [_article_quads(text, doc)])

    def _writable(self) -> None:
        if self.read_only:
            raise StoreError("this store was opened read-only; open_store(..., read_only=False) to write")


def open_store(location: Location = None, *, read_only: bool = True) -> Store:
    """Open a store folder (default ./vnfa-data or $VNFA_STORE) or a server (sparql+http://..., FILE.toml)."""
    return Store(location, read_only=read_only)


def extract_text(text: str, *, doc: str = "text") -> dict:
    """The facts of one article given as text, without a store (SPEC.md's format)."""
    from .ingest.pipeline import ensure_reference
    from .model.build import article_iri
    from .query.facts import article_facts
    from .store.open import close, memory_dataset, write_batch

    dataset = memory_dataset()
    try:
        ensure_reference(dataset)
        write_batch(dataset, [_article_quads(text, doc)])
        return article_facts(dataset, article_iri(doc))
    finally:
        close(dataset)


def extract_file(*paths: str | os.PathLike) -> list[dict]:
    """The facts of every article in the files or folders (.txt, .html, .jsonl), without a store."""
    from .ingest.pipeline import ingest
    from .query.facts import all_facts
    from .store.open import close, memory_dataset

    dataset = memory_dataset()
    try:
        report = ingest(paths, dataset, progress=False)
        if report.failed:
            raise GraphError("; ".join(report.failed))
        return all_facts(dataset)
    finally:
        close(dataset)


def _article_quads(text: str, doc: str) -> tuple[str, str]:
    from .extract.article import extract
    from .model.build import to_nquads
    from .read.files import parse_page

    name, nquads, _ = to_nquads(extract(parse_page(text, doc)))
    return name, nquads


def _query_text(sparql: str | None, name: str | None, queries: dict[str, str]) -> str:
    if (sparql is None) == (name is None):
        raise QueryError("give a SPARQL text or name=, not both or neither")
    if name is not None and name not in queries:
        raise QueryError(f"no named query '{name}'; choose one of: {', '.join(queries)}")
    return queries[name] if name is not None else sparql


def _filters(request) -> dict:
    return {k: getattr(request, k) for k in ("since", "until", "relations", "countries", "focus", "hops", "query")}


__all__ = ["Rows", "Store", "extract_file", "extract_text", "open_store"]
