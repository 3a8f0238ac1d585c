"""N-Quads shards (vnfa.ingest.cluster) into the store, by the fastest path it has.

The embedded store takes them through vnfa.ingest.pipeline.Writer, in transactions
(``--bulk``: Oxigraph's bulk loader), exactly as a serial ingest writes. An
Oxigraph server takes each shard in one POST to its ``/store`` endpoint (one
transaction a shard); a Virtuoso runs its bulk loader (``ld_dir`` +
``rdf_loader_run``) on the shard folder when it may read it (DirsAllowed, on
a disk it sees), checked first with a one-quad probe; otherwise a note says so
and the shards go by SPARQL Update. On a server, an article's old graph is
dropped before its shard loads (also for an article the relevance gate left
out, which has no quads). A shard's lines in the shared entities graph are
added with set semantics on every path, as a serial ingest adds them. A shard
that fails on a fast path is written article by article, so that a failure
names the article.
"""
from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urljoin

from rdflib import Dataset, URIRef

from ..errors import GraphError, StoreError
from ..store.endpoint import GRAPH_PREFIX
from ..store.open import backend
from ..store.remote import RemoteStore
from .pipeline import Extracted, Header, IngestReport, Writer, record


@dataclass(frozen=True)
class Piece:
    """One extracted article in a shard: its N-Quads are bytes start:end of the shard file."""

    doc_id: str
    source: str
    graph: str
    quads: int
    shard: str
    start: int
    end: int
    relevant: bool = True
    header: Header | None = None  # an article left out by the relevance gate: no quads, its old graph dropped


Groups = dict[str, list[Piece]]  # shard file -> the articles kept in it, in order
STORE_TIMEOUT = 3600  # seconds for one shard's POST


def load_shards(dataset: Dataset, shards: list[str], pieces: list[Piece], report: IngestReport, *,
                bulk: bool = False, progress: bool = True) -> None:
    """Load the kept articles from the shards (compacted first when a later duplicate dropped some)."""
    from tqdm import tqdm

    kept: Groups = {shard: [] for shard in shards}
    for piece in pieces:
        kept[piece.shard].append(piece)
    groups = {shard: compact(Path(shard), kept[shard]) for shard in shards}
    groups = {shard: pieces for shard, pieces in groups.items() if pieces}
    store = backend(dataset)
    with tqdm(total=len(pieces), desc="load", unit=" articles", disable=not progress, file=sys.stderr) as bar:
        if bulk:
            store.begin_bulk()
        LOADERS.get(server_product(store), load_batches)(dataset, groups, report, bar, bulk)
        if bulk:
            store.end_bulk()


def compact(shard: Path, kept: list[Piece]) -> list[Piece]:
    """The shard rewritten (atomically) with only the kept articles, if it holds others; their new spans."""
    if not kept:
        shard.unlink(missing_ok=True)
        return []
    if sum(p.end - p.start for p in kept) == shard.stat().st_size:
        return kept
    data, out, at = shard.read_bytes(), [], 0
    temporary = shard.with_name(shard.name + ".compact.tmp")
    with open(temporary, "wb") as handle:
        for piece in kept:
            handle.write(data[piece.start:piece.end])
            out.append(replace(piece, start=at, end=at + piece.end - piece.start))
            at = out[-1].end
    os.replace(temporary, shard)
    return out


def server_product(store) -> str:
    """'embedded', or the server's name from its HTTP Server header ('Oxigraph', 'Virtuoso', ...)."""
    if not isinstance(store, RemoteStore):
        return "embedded"
    try:
        response = store.session.get(store.endpoint.query, params={"query": "ASK {}"}, timeout=60)
    except Exception:
        return ""
    return response.headers.get("Server", "").split("/")[0]


def load_batches(dataset: Dataset, groups: Groups, report: IngestReport, bar, bulk: bool) -> None:
    """Every shard through the serial ingest's writer (transactions, or SPARQL Update on a server)."""
    writer = Writer(dataset, report, bar, bulk)
    for shard, kept in groups.items():
        data = Path(shard).read_bytes()
        for p in kept:
            writer.add(Extracted(p.doc_id, p.source, p.graph, data[p.start:p.end].decode("utf-8"), p.quads,
                                 relevant=p.relevant, header=p.header))
    writer.flush()


def _loaded(report: IngestReport, kept: list[Piece], bar) -> None:
    record(report, kept)
    bar.update(len(kept))


def drop_graphs(store: RemoteStore, kept: list[Piece]) -> None:
    """The old versions of these articles, gone (a no-op for new ones)."""
    store.run_update(" ;\n".join(f"DROP SILENT GRAPH <{p.graph}>" for p in kept))


def post_shard(store: RemoteStore, shard: str) -> None:
    """One shard into an Oxigraph server, in one transaction, by its Graph Store endpoint."""
    import requests

    url = urljoin(store.endpoint.query, "store")
    try:
        with open(shard, "rb") as handle:
            response = store.session.post(url, data=handle, headers={"Content-Type": "application/n-quads"},
                                          timeout=STORE_TIMEOUT)
    except requests.RequestException as error:
        raise StoreError(f"cannot reach {url} ({type(error).__name__}); start the server, or check --store") from None
    if response.status_code >= 400:
        raise StoreError(f"the Oxigraph server at {url} refused shard {shard}: {response.text.strip()[:300]}")


def load_oxigraph(dataset: Dataset, groups: Groups, report: IngestReport, bar, bulk: bool) -> None:
    store = backend(dataset)
    for shard, kept in groups.items():
        try:
            drop_graphs(store, kept)
            post_shard(store, shard)
        except GraphError:
            load_batches(dataset, {shard: kept}, report, bar, bulk)
            continue
        _loaded(report, kept, bar)


def _sql(store: RemoteStore, call: str) -> None:
    """A Virtuoso SQL procedure called through SPARQL (the sql: functions; needs dba)."""
    store.select(f"SELECT (sql:{call} AS ?r) {{}}")


def _text(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def unreadable(store: RemoteStore, folder: Path) -> str:
    """Why Virtuoso's bulk loader cannot read the folder, or '' when a one-quad probe loads from it."""
    name = f"probe-{uuid.uuid4().hex[:12]}"
    graph = f"{GRAPH_PREFIX}probe/{name}"
    probe = folder / f"{name}.nq"
    probe.write_text(f'<{graph}> <{graph}> "probe" <{graph}> .\n', encoding="utf-8")
    try:
        _sql(store, f"ld_dir({_text(str(folder))}, {_text(probe.name)}, {_text(graph)})")
        _sql(store, "rdf_loader_run()")
    except GraphError as error:
        return str(error)
    finally:
        probe.unlink(missing_ok=True)
    if not store.has_graph(URIRef(graph)):
        return "the probe file did not load: the server does not see this folder"
    store.run_update(f"DROP SILENT GRAPH <{graph}>")
    return ""


def load_virtuoso(dataset: Dataset, groups: Groups, report: IngestReport, bar, bulk: bool) -> None:
    store = backend(dataset)
    folder = Path(next(iter(groups), ".")).parent
    reason = unreadable(store, folder) if groups else ""
    if reason:
        report.warnings.append(f"Virtuoso's bulk loader cannot read {folder} ({reason}); the shards went by "
                               "SPARQL Update instead, more slowly. Give --shards a folder on a disk the server "
                               "sees and list it in DirsAllowed in virtuoso.ini")
        load_batches(dataset, groups, report, bar, bulk)
        return
    for kept in groups.values():
        drop_graphs(store, kept)
    _sql(store, f"ld_dir({_text(str(folder))}, 'part-*.nq', {_text(GRAPH_PREFIX + 'default')})")
    _sql(store, "rdf_loader_run()")
    for shard, kept in groups.items():  # a shard the loader rejected: article by article, naming the culprit
        stored = [p for p in kept if p.quads]  # an article left out has no graph to find
        if all(store.has_graph(URIRef(p.graph)) for p in stored[:1] + stored[-1:]):
            _loaded(report, kept, bar)
        else:
            load_batches(dataset, {shard: kept}, report, bar, bulk)


LOADERS: dict[str, Callable[..., None]] = {"embedded": load_batches, "Oxigraph": load_oxigraph,
                                           "Virtuoso": load_virtuoso}
