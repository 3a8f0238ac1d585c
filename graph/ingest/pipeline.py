"""The pipeline as function composition: sources -> articles -> facts ->
graphs -> store, with a report of what went in and what did not.

Extraction is a pure function of the article, so ``workers`` > 1 runs it in
worker processes; one process writes, in batches, each one transaction on the
embedded store (vnfa.store.open.write_batch): a killed ingest leaves whole
articles only. ``bulk=True`` takes Oxigraph's bulk loader instead, about three
times faster, into a store without articles only: it is not transactional, so
a marker file in the folder stays if the load is interrupted, and the store
then refuses to open rather than serve half-written articles.
"""
from __future__ import annotations

import os
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from ..errors import GraphError, InputError, SkippedInput, StoreError
from ..extract.article import extract
from ..extract.relevance import evidence_lines, judge
from ..model.build import article_iri, reference_graph, relevance_triples, to_graph, to_nquads
from ..model.vocab import ENTITIES_GRAPH
from ..read.files import Notice, files_in, read_paths
from ..records import Article
from ..store.open import add_graph, backend, has_graph, write_batch
from .entities import gc, has_articles
from .linking import link

BATCH_ARTICLES = 500  # at most, per transaction
BATCH_SECONDS = 0.5  # at least this often, so that a killed run has written what it showed
BULK_QUADS = 300_000  # per bulk_load call
CHUNK = 16  # articles sent to a worker at once


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one line per failure, naming the file
    warnings: list[str] = field(default_factory=list)
    quads: int = 0
    entities_removed: int = 0  # triples of entities no article mentions any more (vnfa.ingest.entities.gc)
    links: int = 0  # short names linked to the full name they stand for (vnfa.ingest.linking)
    skipped: list[str] = field(default_factory=list)  # inputs with no article: empty, no body, duplicates
    left_out: dict[str, Header] = field(default_factory=dict)  # not foreign affairs, not stored
    off_topic_kept: int = 0  # not foreign affairs, stored (--all-topics) with the false judgement

    def summary(self) -> str:
        off_topic = f"{len(self.left_out)} not foreign affairs (left out; --all-topics keeps them), " \
            if self.left_out else f"{self.off_topic_kept} not foreign affairs (kept), " if self.off_topic_kept else ""
        return f"ingested {len(self.ingested)} articles, {off_topic}skipped {len(self.skipped)}, " \
               f"failed {len(self.failed)}"


@dataclass(frozen=True)
class Header:
    """What the facts view shows of an article left out: its date and byline."""

    published: str | None = None
    authors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Extracted:
    """One article after extraction: its graph as N-Quads, or why it failed."""

    doc_id: str
    source: str
    graph: str = ""
    nquads: str = ""
    quads: int = 0
    error: str = ""
    relevant: bool = True
    header: Header | None = None  # for an article left out as not foreign affairs


def report_list(item) -> str:
    """The IngestReport list an item that is not a stored article goes to."""
    if isinstance(item, SkippedInput):
        return "skipped"
    return "failed" if isinstance(item, (InputError, Extracted)) else "warnings"


def article_graph(article: Article):
    """The named graph ingest stores for one article with --all-topics: extraction, judgement, modelling."""
    extraction = extract(article)
    verdict = judge(extraction)
    return to_graph(extraction, extra=relevance_triples(article.doc_id, verdict.relevant,
                                                         evidence_lines(verdict, article.text)))


def extract_article(article: Article, all_topics: bool = False) -> Extracted:
    """Extraction, relevance gate and modelling of one article, as plain picklable data.

    An article not about foreign affairs gets an empty graph (writing it removes an older
    version) unless ``all_topics``, which keeps it with the false judgement."""
    source = article.source or article.doc_id
    try:
        extraction = extract(article)
        verdict = judge(extraction)
        if not verdict.relevant and not all_topics:
            return Extracted(article.doc_id, source, str(article_iri(article.doc_id)), relevant=False,
                             header=Header(article.published, article.authors))
        extra = relevance_triples(article.doc_id, verdict.relevant, evidence_lines(verdict, article.text))
        name, nquads, count = to_nquads(extraction, extra=extra)  # no rdflib Graph: half the cost of an article
    except GraphError as error:
        return Extracted(article.doc_id, source, error=f"{source}: {error}")
    except Exception as error:  # a bug in extraction must not stop the batch
        return Extracted(article.doc_id, source, error=f"{source}: internal error ({type(error).__name__}: "
                                                       f"{error}); please report it")
    return Extracted(article.doc_id, source, name, nquads, count, relevant=verdict.relevant)


def ensure_reference(dataset: Dataset) -> None:
    """Start the entities graph with the gazetteers' countries, organisations and titles."""
    if not has_graph(dataset, ENTITIES_GRAPH):
        add_graph(dataset, reference_graph())


def count_articles(sources: Iterable[str | Path]) -> int | None:
    """How many articles the sources hold (a JSONL line counts one), for the progress bar's ETA."""
    total = 0
    for path in map(Path, sources):
        files = files_in(path) if path.is_dir() else [path]
        for file in files:
            if file.suffix.lower() != ".jsonl":
                total += 1
                continue
            try:
                with open(file, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
    return total or None


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extracted(items: Iterable, workers: int = 1, all_topics: bool = False) -> Iterator:
    """Articles replaced by their Extracted, in input order (other items pass through);
    with workers > 1 in that many processes, a bounded window ahead."""
    if workers <= 1:
        for item in items:
            yield extract_article(item, all_topics) if isinstance(item, Article) else item
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_watch_parent, initargs=(os.getpid(),)) as pool:
        window: deque[Future | list] = deque()
        for chunk in _chunks(items, CHUNK):
            window.append(pool.submit(_extract_chunk, chunk, all_topics))
            if len(window) >= workers * 8:
                yield from window.popleft().result()
        while window:
            yield from window.popleft().result()


def _watch_parent(parent: int) -> None:
    """In a worker: exit once the ingesting process is gone (killed), rather than linger."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _extract_chunk(items: list, all_topics: bool = False) -> list:
    return [extract_article(i, all_topics) if isinstance(i, Article) else i for i in items]


def record(report: IngestReport, done: Iterable) -> None:
    """Written articles (Extracted, or vnfa.ingest.shards.Piece) into the report: stored, kept off topic, or left out."""
    done = list(done)
    report.ingested.extend(e.doc_id for e in done if e.relevant or e.quads)
    report.off_topic_kept += sum(1 for e in done if not e.relevant and e.quads)
    report.left_out.update((e.doc_id, e.header) for e in done if e.header is not None)
    report.quads += sum(e.quads for e in done)


def finish(dataset: Dataset, report: IngestReport, replacing: bool) -> None:
    """After every article is written: entities no article mentions any more removed (only when the
    store held articles before), and short names linked to their full names."""
    if replacing:
        report.entities_removed = gc(dataset)
    report.links = link(dataset)


class Writer:
    """Collects extracted articles and writes them in batches; keeps the report."""

    def __init__(self, dataset: Dataset, report: IngestReport, bar, bulk: bool) -> None:
        self.dataset, self.report, self.bar, self.bulk = dataset, report, bar, bulk
        self.pending: dict[str, Extracted] = {}
        self.seen: dict[str, str] = {}
        self.last = time.monotonic()
        self.pending_quads = 0

    def add(self, item) -> None:
        if isinstance(item, Extracted) and not item.error:
            self._keep(item)
        else:
            self._list_for(item).append(str(item.error if isinstance(item, Extracted) else item))
            self.bar.update(0 if isinstance(item, Notice) else 1)  # a note comes before its article
        if self._full():
            self.flush()

    def _full(self) -> bool:
        if self.bulk:
            return self.pending_quads >= BULK_QUADS
        return len(self.pending) >= BATCH_ARTICLES or time.monotonic() - self.last >= BATCH_SECONDS

    def _list_for(self, item) -> list[str]:
        return getattr(self.report, report_list(item))

    def _keep(self, item: Extracted) -> None:
        if item.doc_id in self.seen:
            self.report.skipped.append(f"{self.seen[item.doc_id]}: id '{item.doc_id}' again in {item.source}; "
                                       "the later one is kept")
            if self.pending.pop(item.doc_id, None) is None:
                self._forget(item.doc_id)
            self.bar.update(1)
        self.seen[item.doc_id] = item.source
        self.pending[item.doc_id] = item
        self.pending_quads += item.quads

    def _forget(self, doc_id: str) -> None:
        """An article written earlier in this run, replaced by a later one with the same id."""
        if doc_id in self.report.left_out:
            del self.report.left_out[doc_id]
        else:
            self.report.ingested.remove(doc_id)

    def flush(self) -> None:
        """Write the pending articles as one batch; on a failure, one by one to name the culprit."""
        items, self.pending, self.last = list(self.pending.values()), {}, time.monotonic()
        self.pending_quads = 0
        if not items:
            return
        try:
            write_batch(self.dataset, [(e.graph, e.nquads) for e in items], bulk=self.bulk)
            done = items
        except GraphError:
            done = [e for e in items if self._write_one(e)]
        record(self.report, done)
        self.bar.update(len(items))

    def _write_one(self, item: Extracted) -> bool:
        try:
            write_batch(self.dataset, [(item.graph, item.nquads)], bulk=self.bulk)
            return True
        except GraphError as error:
            self.report.failed.append(f"{item.source}: {error}")
            return False


def ingest(sources: Iterable[str | Path], dataset: Dataset, *, progress: bool = True, workers: int = 1,
           bulk: bool = False, max_bytes: int | None = None, all_topics: bool = False) -> IngestReport:
    """Read, extract and store every article under ``sources``; each article is written whole or not at all.

    Articles the relevance gate judges not about foreign affairs are left out (and any older
    version removed) unless ``all_topics``."""
    from tqdm import tqdm

    sources = list(sources)
    report = IngestReport()
    replacing = has_articles(dataset)  # only then can an article's new version orphan an entity
    ensure_reference(dataset)
    store = backend(dataset)
    if bulk and not store.can_bulk_load():
        raise StoreError("--bulk loads only into a new, empty store; give a new --store folder, "
                         "or ingest without --bulk")
    bar = tqdm(total=count_articles(sources) if progress else None, desc="ingest", unit=" articles",
               disable=not progress, file=sys.stderr, smoothing=0.05)
    writer = Writer(dataset, report, bar, bulk)
    if bulk:
        store.begin_bulk()
    for item in extracted(read_paths(sources, max_bytes=max_bytes), workers, all_topics):
        writer.add(item)
    writer.flush()
    if bulk:
        store.end_bulk()
    bar.close()
    finish(dataset, report, replacing)
    return report
