"""The store: an embedded Oxigraph folder, or a SPARQL 1.1 server (vnfa.store.remote).

One named graph per article, plus the entities graph (vocab.ENTITIES_GRAPH)
that every article adds to with set semantics: a batch item is an article's
N-Quads, whose lines in its own graph replace that graph and whose lines in
another graph are inserted there (``replace_update``). Both backends are rdflib stores (``dataset.query``
works on either) that also implement the small interface below, which is all
the rest of vnfa uses to write, list and dump graphs. On the embedded store,
writing an article drops its old graph and inserts the new one in one SPARQL
Update, which Oxigraph applies as one transaction, so a crash leaves either the
old or the new article; batches go in one transaction each (``write_batch``).
"""
from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from oxrdflib._converter import from_ox
from rdflib import Dataset, Graph, URIRef

from ..errors import StoreError, StoreInUseError
from ..model.vocab import ENTITIES_GRAPH, LEGACY_REFERENCE_GRAPH
from .backends import Batch, VnfaStore, replace_update
from .location import is_remote, store_path, store_target

_BATCH_CHARS = 4_000_000
BULK_MARKER = "vnfa-bulk-load-incomplete"


def open_dataset(path: str | os.PathLike | None = None, *, create: bool = True, read_only: bool = False,
                 old_layout: bool = False) -> Dataset:
    """Open the store (a folder, created when missing, or a SPARQL server) as an rdflib Dataset;
    a store in the old layout is refused unless ``old_layout`` (to migrate it).

    ``read_only``: a view of the folder as it is now, which takes no lock (other processes may
    open, query and write it meanwhile; the view does not see their writes).
    """
    dataset = _open(path, create, read_only)
    if not old_layout and backend(dataset).has_graph(LEGACY_REFERENCE_GRAPH):
        close(dataset)
        where = store_target(path)
        raise StoreError(f"store {where} is in the old layout (every article restating its entities); "
                         f"run 'vnfa migrate --store {where}' once to convert it, nothing is lost")
    return dataset


def _open(path: str | os.PathLike | None, create: bool, read_only: bool) -> Dataset:
    if is_remote(path):
        from .remote import open_remote

        return open_remote(store_target(path))
    folder = store_path(path)
    if not create and not folder.is_dir():
        raise StoreError(f"no store at {folder}; run 'vnfa ingest' or 'vnfa build' first, or give --store")
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder} is a file, not a store folder; give another --store")
    if create and not read_only:
        folder.parent.mkdir(parents=True, exist_ok=True)
    if (folder / BULK_MARKER).exists():
        raise StoreError(f"store {folder} was left half-loaded by an interrupted bulk ingest; "
                         "delete the folder and run the ingest again")
    if read_only and not folder.is_dir():
        raise StoreError(f"no store at {folder}; run 'vnfa ingest' or 'vnfa build' first, or give --store")
    return Dataset(store=EmbeddedStore(folder, read_only=read_only), default_union=True)


def memory_dataset() -> Dataset:
    """A store in memory, gone when closed (facts of a text without a store folder)."""
    return Dataset(store=EmbeddedStore(None), default_union=True)


@contextmanager
def opened(path: str | os.PathLike | None = None, *, create: bool = True, read_only: bool = False,
           old_layout: bool = False):
    dataset = open_dataset(path, create=create, read_only=read_only, old_layout=old_layout)
    try:
        yield dataset
    finally:
        close(dataset)


def close(dataset: Dataset) -> None:
    """Release the store's lock now: query results still referenced would keep it open."""
    dataset.close()
    gc.collect()


def backend(dataset: Dataset) -> VnfaStore:
    return dataset.store


def replace_graph(dataset: Dataset, graph: Graph) -> None:
    """Replace the named graph ``graph.identifier`` by ``graph``, atomically."""
    name = graph.identifier.n3()
    lines = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)
    update = f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{lines}\n}} }}"
    if len(update) > _BATCH_CHARS * 4:
        raise StoreError(f"graph {name} is too large to write in one transaction")
    backend(dataset).run_update(update)


def add_graph(dataset: Dataset, graph: Graph) -> None:
    """Add ``graph``'s triples to the graph of that name (set semantics: what is there stays)."""
    lines = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)
    backend(dataset).run_update(f"INSERT DATA {{ GRAPH {graph.identifier.n3()} {{\n{lines}\n}} }}")


def write_batch(dataset: Dataset, batch: Batch, *, bulk: bool = False) -> None:
    """Write many articles' graphs (N-Quads text each), replacing old versions, in one transaction."""
    if batch:
        backend(dataset).write_batch(batch, bulk=bulk)


def drop_graph(dataset: Dataset, name: URIRef) -> None:
    backend(dataset).run_update(f"DROP SILENT GRAPH {name.n3()}")


def has_graph(dataset: Dataset, name: URIRef) -> bool:
    return backend(dataset).has_graph(name)


def graph_names(dataset: Dataset) -> list[URIRef]:
    return backend(dataset).graph_names()


def count_quads(dataset: Dataset) -> int:
    return backend(dataset).count()


def flush(dataset: Dataset) -> None:
    backend(dataset).flush()


class EmbeddedStore(OxigraphStore):
    """An Oxigraph folder; one open handle per folder (the lock), or read-only views without one.
    ``folder=None``: a store in memory."""

    def __init__(self, folder: Path | None, *, read_only: bool = False) -> None:
        try:
            inner = ox.Store.read_only(str(folder)) if read_only else ox.Store(None if folder is None else str(folder))
        except OSError as error:
            if "lock" in str(error).lower():
                raise StoreInUseError(f"store {folder} is in use by another vnfa process; "
                                      "wait for it to finish or use another --store") from None
            raise StoreError(f"cannot open store {folder}: {error}") from None
        super().__init__(store=inner)
        self.folder = folder

    def run_update(self, text: str) -> None:
        try:
            self._inner.update(text)
        except (OSError, SyntaxError, ValueError) as error:
            raise StoreError(f"could not write to store {self.folder}: {error}") from None

    def write_batch(self, batch: Batch, *, bulk: bool = False) -> None:
        """Replace the batch's graphs that exist in one transaction, load the new ones in another."""
        graphs = dict(batch)  # a graph named twice: the later one wins
        old = [(name, graphs.pop(name)) for name in list(graphs) if self.has_graph(URIRef(name))]
        data = "".join(graphs.values()).encode("utf-8")
        try:
            if old:
                self._inner.update(replace_update(old))
            if data and bulk:
                self._inner.bulk_load(data, format=ox.RdfFormat.N_QUADS)
            elif data:
                self._inner.load(data, format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as error:
            raise StoreError(f"could not write to store {self.folder}: {error}") from None

    def has_graph(self, name: URIRef) -> bool:
        return self._inner.contains_named_graph(ox.NamedNode(str(name)))

    def graph_names(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self._inner.named_graphs())

    def count(self) -> int:
        return len(self._inner)

    def graph_triples(self, name: URIRef | None = None) -> Iterator[tuple]:
        graph = ox.NamedNode(str(name)) if name is not None else None
        for quad in self._inner.quads_for_pattern(None, None, None, graph):
            yield from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)

    def dump(self, out: IO[bytes], fmt: str, prefixes: dict) -> None:
        native = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}[fmt]
        self._inner.dump(out, native, prefixes=prefixes if fmt == "trig" else None)

    def flush(self) -> None:
        self._inner.flush()

    def can_bulk_load(self) -> bool:
        """Only into a store without articles; a marker file makes an interrupted load visible."""
        return all(g == ENTITIES_GRAPH for g in self.graph_names())

    def begin_bulk(self) -> None:
        (self.folder / BULK_MARKER).write_text("a bulk ingest is running or was interrupted\n")

    def end_bulk(self) -> None:
        self._inner.flush()
        (self.folder / BULK_MARKER).unlink(missing_ok=True)
