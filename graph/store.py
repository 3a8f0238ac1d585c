"""The embedded persistent store: Oxigraph on disk behind rdflib's API.

One named graph per article; writing an article drops its old graph and
inserts the new one in a single SPARQL Update, which Oxigraph applies as
one transaction, so a crash leaves either the old or the new article.
"""
from __future__ import annotations

import gc
import os
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from .errors import StoreError, StoreInUseError

DEFAULT_STORE = "vnfa-data"
_BATCH_CHARS = 4_000_000


def store_path(path: str | os.PathLike | None = None) -> Path:
    """The store folder: the argument, else $VNFA_STORE, else ./vnfa-data."""
    return Path(path or os.environ.get("VNFA_STORE") or DEFAULT_STORE)


def open_dataset(path: str | os.PathLike | None = None, *, create: bool = True) -> Dataset:
    """Open (and create) the store folder as an rdflib Dataset on Oxigraph."""
    import pyoxigraph
    from oxrdflib import OxigraphStore

    folder = store_path(path)
    if not create and not folder.is_dir():
        raise StoreError(f"no store at {folder}; run 'vnfa ingest' or 'vnfa build' first, or give --store")
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder} is a file, not a store folder; give another --store")
    try:
        inner = pyoxigraph.Store(str(folder))
    except OSError as error:
        if "lock" in str(error).lower():
            raise StoreInUseError(
                f"store {folder} is in use by another vnfa process; wait for it to finish or use another --store"
            ) from None
        raise StoreError(f"cannot open store {folder}: {error}") from None
    return Dataset(store=OxigraphStore(store=inner), default_union=True)


@contextmanager
def opened(path: str | os.PathLike | None = None, *, create: bool = True):
    dataset = open_dataset(path, create=create)
    try:
        yield dataset
    finally:
        close(dataset)


def close(dataset: Dataset) -> None:
    """Release the store's lock now: query results still referenced would keep it open."""
    dataset.close()
    gc.collect()


def _inner(dataset: Dataset):
    return dataset.store._inner


def replace_graph(dataset: Dataset, graph: Graph) -> None:
    """Replace the named graph ``graph.identifier`` by ``graph``, atomically."""
    name = graph.identifier.n3()
    lines = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in graph)
    update = f"DROP SILENT GRAPH {name} ;\nINSERT DATA {{ GRAPH {name} {{\n{lines}\n}} }}"
    if len(update) > _BATCH_CHARS * 4:
        raise StoreError(f"graph {name} is too large to write in one transaction")
    try:
        _inner(dataset).update(update)
    except (OSError, SyntaxError, ValueError) as error:
        raise StoreError(f"could not write {name}: {error}") from None


def drop_graph(dataset: Dataset, name: URIRef) -> None:
    _inner(dataset).update(f"DROP SILENT GRAPH {name.n3()}")


def graph_names(dataset: Dataset) -> list[URIRef]:
    return sorted(URIRef(g.value) for g in _inner(dataset).named_graphs())


def count_quads(dataset: Dataset) -> int:
    return len(_inner(dataset))


def flush(dataset: Dataset) -> None:
    _inner(dataset).flush()


def write_graphs(dataset: Dataset, graphs: Iterable[Graph]) -> int:
    count = 0
    for graph in graphs:
        replace_graph(dataset, graph)
        count += 1
    return count
