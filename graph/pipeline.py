"""The pipeline as function composition: sources -> articles -> facts ->
graphs -> store, with a report of what went in and what did not."""
from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from .errors import GraphError, InputError
from .extract import extract
from .model import REFERENCE_GRAPH, article_iri, reference_graph, to_graph
from .read import read_paths
from .records import Article
from .store import graph_names, replace_graph


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one line per failure, naming the file
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"ingested {len(self.ingested)} articles, {len(self.failed)} failed"


def article_graph(article: Article):
    """The named graph of one article: extraction then modelling."""
    return to_graph(extract(article))


def ensure_reference(dataset: Dataset) -> None:
    """Write the gazetteers' reference graph when the store does not have it yet."""
    if REFERENCE_GRAPH not in graph_names(dataset):
        replace_graph(dataset, reference_graph())


def ingest(sources: Iterable[str | Path], dataset: Dataset, *, progress: bool = True) -> IngestReport:
    """Read, extract and store every article under ``sources``; one transaction per article."""
    from tqdm import tqdm

    report = IngestReport()
    ensure_reference(dataset)
    seen: dict[str, str] = {}
    items = tqdm(read_paths(sources), desc="ingest", unit=" articles", disable=not progress, file=sys.stderr)
    for item in items:
        if isinstance(item, InputError):
            report.failed.append(str(item))
            continue
        if item.doc_id in seen:
            report.warnings.append(f"{item.source}: id '{item.doc_id}' also in {seen[item.doc_id]}; the later one is kept")
        seen[item.doc_id] = item.source or item.doc_id
        try:
            replace_graph(dataset, article_graph(item))
        except GraphError as error:
            report.failed.append(f"{item.source}: {error}")
            continue
        report.ingested.append(item.doc_id)
    return report


def article_graphs_for(doc_ids: Iterable[str]):
    return [article_iri(d) for d in doc_ids]
