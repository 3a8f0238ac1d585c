"""One library function per command, so that cli.py only parses and prints."""
from __future__ import annotations

import json
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from .errors import GraphError
from .store import opened


@contextmanager
def store_for(paths: tuple[str, ...], store: str | None, *, quiet: bool, all_topics: bool = False):
    """The given store, or for PATHs a temporary store holding just them."""
    if not paths:
        with opened(store, create=False) as dataset:
            yield dataset, None
        return
    from .pipeline import ingest

    with tempfile.TemporaryDirectory(prefix="vnfa-") as folder, opened(Path(folder) / "store") as dataset:
        report = ingest(paths, dataset, progress=not quiet, all_topics=all_topics)
        yield dataset, report


def facts_lines(dataset, doc_ids: list[str] | None = None, left_out: dict | None = None) -> list[str]:
    """JSON lines of the facts of ``doc_ids`` (all articles by default), then of the articles
    ``left_out`` as not foreign affairs (doc id -> pipeline.Header), with empty lists."""
    from .facts import all_facts, empty_facts
    from .model import article_iri

    graphs = [article_iri(d) for d in doc_ids] if doc_ids is not None else None
    facts = all_facts(dataset, graphs)
    facts += [empty_facts(doc, h.published, h.authors) for doc, h in (left_out or {}).items()]
    return [json.dumps(f, ensure_ascii=False) for f in facts]


def read_gold(path: str) -> dict[str, dict]:
    docs = {}
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise GraphError(f"{path}: cannot read gold file ({error.strerror})") from None
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise GraphError(f"{path}:{number}: not JSON ({error.msg}); fix the line") from None
            docs[str(record.get("doc"))] = record
    return docs


def open_output(path: str, binary: bool = False) -> IO:
    if path == "-":
        return sys.stdout.buffer if binary else sys.stdout
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return open(path, "wb" if binary else "w", encoding=None if binary else "utf-8")


def draw_network(dataset, output: str, request=None, *, progress: bool = False) -> tuple[int, int, int]:
    """Draw (or write as a network file) what ``request`` asks for; returns the node and edge counts,
    and how many undated facts a date filter left out."""
    from .network import DrawRequest, make_network, render

    request = request or DrawRequest()
    network = make_network(dataset, request)
    render(network, request, output, progress=progress)
    return network.number_of_nodes(), network.number_of_edges(), network.graph.get("undated", 0)


def build(store: str | None, out_dir: str, *, progress: bool = True, all_topics: bool = False):
    """The main job: bundled articles -> store -> stats, network.png, graph.ttl."""
    from .export import export
    from .pipeline import ingest
    from .query import stats
    from .resources import data_path

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with opened(store) as dataset:
        report = ingest([data_path("articles")], dataset, progress=progress, all_topics=all_topics)
        counts = stats(dataset)
        draw_network(dataset, str(out / "network.png"))
        with open(out / "graph.ttl", "wb") as handle:
            export(dataset, "turtle", handle, description=True)
    return report, counts, [str(out / "network.png"), str(out / "graph.ttl")]
