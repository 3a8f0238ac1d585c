"""Filling a store: PATHs ingested here or on a cluster, a temporary store holding just some
PATHs, and the main job (the bundled articles -> store -> stats, network.png, graph.ttl)."""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def ingest_into(location: str | None, paths: tuple[str, ...], *, cluster: str | None = None,
                shards: str | None = None, workers: int = 1, progress: bool = True, **options: Any):
    """``vnfa ingest``: PATHs into the store at ``location``, in ``workers`` processes or on a Dask
    cluster; options as pipeline.ingest's (max_bytes, bulk, all_topics). Returns the report."""
    from .ingest.pipeline import ingest
    from .store.open import opened

    with opened(location) as dataset:
        if cluster is None:
            return ingest(paths, dataset, progress=progress, workers=workers, **options)
        from .ingest.cluster import ingest_on_cluster

        return ingest_on_cluster(paths, dataset, cluster, shards=shards, progress=progress, **options)


@contextmanager
def store_for(paths: tuple[str, ...], location: str | None, *, progress: bool = True,
              all_topics: bool = False) -> Iterator[tuple]:
    """The store at ``location`` (and no report), or for PATHs a temporary store holding just them
    (and the ingest's report)."""
    from .ingest.pipeline import ingest
    from .store.open import opened

    if not paths:
        with opened(location, create=False) as dataset:
            yield dataset, None
        return
    with tempfile.TemporaryDirectory(prefix="vnfa-") as folder, opened(Path(folder) / "store") as dataset:
        yield dataset, ingest(paths, dataset, progress=progress, all_topics=all_topics)


def build(location: str | None, out_dir: str, *, progress: bool = True, all_topics: bool = False):
    """The main job: bundled articles -> store -> stats, network.png, graph.ttl.
    Returns the ingest's report, the counts and the files written."""
    from .draw.job import draw_network
    from .export.formats import export
    from .ingest.pipeline import ingest
    from .query.named import stats
    from .resources import data_path
    from .store.open import opened

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with opened(location) as dataset:
        report = ingest([data_path("articles")], dataset, progress=progress, all_topics=all_topics)
        counts = stats(dataset)
        draw_network(dataset, str(out / "network.png"))
        with open(out / "graph.ttl", "wb") as handle:
            export(dataset, "turtle", handle, description=True)
    return report, counts, [str(out / "network.png"), str(out / "graph.ttl")]
