"""Extraction on a Dask cluster: ``vnfa ingest --cluster ADDRESS|local:N``.

The inputs are cut into partitions of about PARTITION_BYTES: small files
grouped, a JSONL shard larger than that split into ranges of lines. Each
partition is a Dask task that reads its files, extracts every article
(vnfa.ingest.pipeline.extract_article, the article -> N-Quads function of
``--workers``) and writes one N-Quads shard, ``part-NNNNNN.nq``, under a
temporary name renamed once complete; it returns what the shard holds (byte
spans per article) and the notes and failures met, in input order. A worker
that dies mid-shard leaves only its temporary file: Dask runs the task again
elsewhere, and the redone shard replaces nothing but itself. Once every
partition is back, the reports are replayed in input order (the later of two
articles with one id is kept, as in a serial ingest) and the shards are loaded
into the store (vnfa.ingest.shards).
"""
from __future__ import annotations

import os
import shutil
import socket
import sys
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from rdflib import Dataset

from ..errors import StoreError
from ..read.files import Item, files_in, read_file, read_paths
from ..records import Article
from ..store.open import backend
from .entities import has_articles
from .pipeline import IngestReport, count_articles, ensure_reference, extract_article, finish, report_list
from .shards import Piece, load_shards

PARTITION_BYTES = 2_000_000  # of input per partition: about 400 articles of the genre
LOCAL = "local:"
CONNECT_TIMEOUT = "10s"


@dataclass(frozen=True)
class Partition:
    """Consecutive inputs (files, or a path that read_paths will report on) of one task;
    or a range of lines of one JSONL shard."""

    index: int
    paths: tuple[str, ...]
    lines: range | None = None

    def items(self, max_bytes: int | None) -> Iterator[Item]:
        if self.lines is None:
            return read_paths(self.paths, max_bytes=max_bytes)
        return read_file(Path(self.paths[0]), max_bytes=max_bytes, lines=self.lines)

    def names(self) -> list[str]:
        if self.lines is None:
            return list(self.paths)
        last = "end" if self.lines.stop == sys.maxsize else self.lines.stop - 1
        return [f"{self.paths[0]} (lines {self.lines.start} to {last})"]


@dataclass
class ShardResult:
    """What one partition gave: its shard, and pieces or (report list, message) in input order."""

    index: int
    shard: str
    events: list = field(default_factory=list)

    def shown(self) -> int:
        """The progress bar's count: every event but the notes, which come before their article."""
        return sum(1 for e in self.events if not (isinstance(e, tuple) and e[0] == "warnings"))


def input_files(sources: Iterable[str | Path]) -> Iterator[Path]:
    """Files in read_paths' order; a missing path or a folder without articles stays as itself."""
    for path in map(Path, sources):
        yield from (files_in(path) if path.is_dir() else []) or [path]


def partitions(sources: Iterable[str | Path], size: int = PARTITION_BYTES) -> list[Partition]:
    """The inputs cut into partitions of about ``size`` bytes: small files grouped, large JSONL split by lines."""
    return [Partition(index, paths, lines) for index, (paths, lines) in enumerate(_groups(sources, size))]


def _groups(sources: Iterable[str | Path], size: int) -> Iterator[tuple[tuple[str, ...], range | None]]:
    group: list[str] = []
    total = 0
    for path in input_files(sources):
        length = path.stat().st_size if path.is_file() else 0
        if path.suffix.lower() == ".jsonl" and length > size:
            if group:
                yield tuple(group), None
                group, total = [], 0
            yield from (((str(path.resolve()),), lines) for lines in line_ranges(path, length, size))
            continue
        group.append(str(path.resolve()))
        total += length
        if total >= size:
            yield tuple(group), None
            group, total = [], 0
    if group:
        yield tuple(group), None


def line_ranges(path: Path, length: int, size: int) -> list[range]:
    """Consecutive ranges of line numbers (from 1) of about ``size`` bytes each; the last one open."""
    with open(path, "rb") as handle:
        count = sum(1 for _ in handle)
    step = -(-count // min(count, -(-length // size)))  # ceilings: lines a part, of as many parts as fit
    starts = range(1, count + 1, step)
    return [range(start, start + step) for start in starts[:-1]] + [range(starts[-1], sys.maxsize)]


def extract_partition(part: Partition, folder: str, max_bytes: int | None = None,
                      all_topics: bool = False) -> ShardResult:
    """In a worker: the partition's articles extracted into one shard, written atomically."""
    shard = Path(folder) / f"part-{part.index:06d}.nq"
    temporary = shard.with_name(f"{shard.name}.{socket.gethostname()}-{os.getpid()}.tmp")
    result = ShardResult(part.index, str(shard))
    with open(temporary, "wb") as out:
        for item in part.items(max_bytes):
            result.events.append(_event(item, out, str(shard), all_topics))
        out.flush()
        os.fsync(out.fileno())
    os.replace(temporary, shard)
    return result


def _event(item: Item, out: BinaryIO, shard: str, all_topics: bool) -> Piece | tuple[str, str]:
    """An article's N-Quads appended to the shard, as a Piece (none for one left out by the relevance
    gate, whose old graph goes all the same); anything else as (report list, message)."""
    if not isinstance(item, Article):
        return report_list(item), str(item)
    done = extract_article(item, all_topics)
    if done.error:
        return "failed", done.error
    start = out.tell()
    out.write(done.nquads.encode("utf-8"))
    return Piece(done.doc_id, done.source, done.graph, done.quads, shard, start, out.tell(), done.relevant,
                 done.header)


def replay(results: Iterable[ShardResult], report: IngestReport) -> list[Piece]:
    """The notes and failures into the report, in input order; the kept pieces (the later of one id)."""
    kept: dict[str, Piece] = {}
    for result in results:
        for event in result.events:
            if isinstance(event, tuple):
                getattr(report, event[0]).append(event[1])
                continue
            if event.doc_id in kept:
                report.skipped.append(f"{kept.pop(event.doc_id).source}: id '{event.doc_id}' again in "
                                      f"{event.source}; the later one is kept")
            kept[event.doc_id] = event
    return list(kept.values())


@contextmanager
def connected(address: str):
    """A Dask client: of a new local cluster (``local:N``, on 127.0.0.1) or of a running scheduler."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise StoreError("--cluster needs Dask: pip install 'vnfa[cluster]'") from None
    if not address.startswith(LOCAL):
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as error:
            raise StoreError(f"cannot reach the Dask scheduler at {address} ({type(error).__name__}); start it "
                             "('dask scheduler'), or check --cluster") from None
        with client:
            yield client
        return
    count = address[len(LOCAL):]
    if not count.isdigit() or int(count) < 1:
        raise StoreError(f"--cluster {address}: write local:N with N workers, e.g. local:4")
    with LocalCluster(n_workers=int(count), threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster, Client(cluster) as client:
        yield client


@contextmanager
def shard_folder(shards: str | os.PathLike | None, address: str):
    """A new run folder for the shards (under ``shards``, else a temporary one for a local cluster)."""
    if shards is None and not address.startswith(LOCAL):
        raise StoreError(f"--cluster {address}: give --shards DIR, a folder that the workers and this "
                         "machine share (and the server reads, for its bulk loader)")
    parent = Path(shards) if shards is not None else Path(tempfile.mkdtemp(prefix="vnfa-shards-"))
    run = parent.resolve() / f"run-{uuid.uuid4().hex[:12]}"
    run.mkdir(parents=True)
    try:
        yield run
    finally:
        for leftover in run.glob("*.tmp"):  # a dead worker's unfinished shard
            leftover.unlink(missing_ok=True)
        if shards is None:
            shutil.rmtree(parent, ignore_errors=True)


def run_partitions(client, parts: list[Partition], folder: Path, max_bytes: int | None,
                   report: IngestReport, bar, all_topics: bool = False) -> list[ShardResult]:
    """Every partition as a task; results in partition order; a lost partition's files are failures."""
    from distributed import as_completed

    futures = {client.submit(extract_partition, part, str(folder), max_bytes, all_topics,
                             pure=False): part for part in parts}
    results: list[ShardResult] = []
    for future in as_completed(futures):
        part = futures[future]
        try:
            results.append(future.result())
            bar.update(results[-1].shown())
        except Exception as error:  # the task's error, or the cluster lost it (KilledWorker)
            report.failed.extend(f"{name}: the cluster could not extract this ({type(error).__name__}: "
                                 f"{error}); ingest it again" for name in part.names())
            bar.update(len(part.names()))
    return sorted(results, key=lambda r: r.index)


def ingest_on_cluster(sources: Iterable[str | Path], dataset: Dataset, address: str, *,
                      shards: str | os.PathLike | None = None, progress: bool = True, bulk: bool = False,
                      max_bytes: int | None = None, size: int = PARTITION_BYTES,
                      all_topics: bool = False) -> IngestReport:
    """vnfa.ingest.pipeline.ingest with extraction on Dask; the same report and the same quads."""
    from tqdm import tqdm

    sources = list(sources)
    report = IngestReport()
    replacing = has_articles(dataset)
    ensure_reference(dataset)
    if bulk and not backend(dataset).can_bulk_load():
        raise StoreError("--bulk loads only into a new, empty store; give a new --store folder, "
                         "or ingest without --bulk")
    bar = tqdm(total=count_articles(sources) if progress else None, desc="ingest", unit=" articles",
               disable=not progress, file=sys.stderr, smoothing=0.05)
    with shard_folder(shards, address) as folder, connected(address) as client:
        results = run_partitions(client, partitions(sources, size), folder, max_bytes, report, bar, all_topics)
        bar.close()
        load_shards(dataset, [r.shard for r in results], replay(results, report), report, bulk=bulk,
                    progress=progress)
    finish(dataset, report, replacing)
    return report
