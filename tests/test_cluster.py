"""Extraction on a Dask cluster (vnfa.ingest.cluster, vnfa.ingest.shards): partitions, atomic
shards, a worker killed mid-shard, and the store quad-for-quad what a serial
ingest gives, on the embedded store and on each server. One local cluster of
two worker processes on 127.0.0.1 serves the module.
"""
from __future__ import annotations

import io
import json
import os
import re
import shlex
import signal
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from servers import PROGRAMS, binary, running

from vnfa.cli import main
from vnfa.ingest.cluster import Partition, extract_partition, ingest_on_cluster, partitions
from vnfa.ingest.pipeline import extract_article, ingest
from vnfa.model.build import article_iri
from vnfa.read.files import read_paths
from vnfa.records import Article
from vnfa.resources import data_path
from vnfa.store.open import backend, drop_graph, graph_names, opened

distributed = pytest.importorskip("distributed")

ARTICLES = data_path("articles")
OFF_TOPIC = Path(__file__).parent / "data" / "relevance" / "gia-vang-the-gioi.txt"  # labelled not foreign affairs
DOCS = Path(__file__).parent.parent / "docs" / "cluster.md"


@pytest.fixture(scope="module")
def scheduler():
    """A scheduler's address: a local cluster of two worker processes, each with a nanny that restarts it."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address="127.0.0.1:0") as cluster:
        yield cluster.scheduler_address


def bundled() -> list[Article]:
    return [a for a in read_paths([ARTICLES]) if isinstance(a, Article)]


def write_jsonl(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in rows),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Pages, JSONL shards, an id given twice across files, an empty file, a bad JSONL line and an
    article not about foreign affairs."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = [a.text for a in bundled()]
    for number, text in enumerate(texts[:3]):
        (folder / f"p{number}.txt").write_text(text, encoding="utf-8")
    for shard in range(3):
        write_jsonl(folder / f"s{shard}.jsonl", [(f"j{shard}-{n}", texts[n % len(texts)]) for n in range(5)])
    write_jsonl(folder / "t-again.jsonl", [("j0-1", texts[4]), ("p1", texts[5])])
    mixed = folder / "s1.jsonl"  # a repair noted once for the file, however it is split
    mixed.write_bytes(mixed.read_bytes().replace(b"\n", b"\r\n", 1))
    (folder / "t-empty.txt").write_text("", encoding="utf-8")
    (folder / "t-gold.txt").write_text(OFF_TOPIC.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "t-bad.jsonl").write_text('{"id": "x", "text": "Hà Nội"}\nnot json\n', encoding="utf-8")
    return folder


def nquads(target: str) -> list[str]:
    with opened(target, create=False) as dataset:
        return dumped(dataset)


def dumped(dataset) -> list[str]:
    """Everything in an open store, as sorted N-Quads lines."""
    buffer = io.BytesIO()
    backend(dataset).dump(buffer, "nquads", {})
    return sorted(buffer.getvalue().decode("utf-8").splitlines())


def serial(sources: list, store: Path, all_topics: bool = False):
    """(report, sorted N-Quads) of a plain one-process ingest."""
    with opened(store) as dataset:
        report = ingest(sources, dataset, progress=False, all_topics=all_topics)
    return report, nquads(str(store))


def report_fields(report) -> tuple:
    """All but the quad count, which a serial ingest overstates when a duplicate id replaces a written article."""
    return (report.ingested, report.failed, report.skipped, report.warnings, report.left_out,
            report.off_topic_kept, report.entities_removed, report.links, report.summary())


def kept_quads(sources: list, all_topics: bool = False) -> int:
    """The quads extraction gives the articles kept (the later of one id), entity lines included."""
    kept = {a.doc_id: a for a in read_paths(sources) if isinstance(a, Article)}
    return sum(extract_article(a, all_topics).quads for a in kept.values())


@pytest.mark.parametrize("size, expected", [
    (1, [(["a.txt"], None), (["b.jsonl"], (1, "end")), (["c.jsonl"], (1, 2)), (["c.jsonl"], (2, 3)),
         (["c.jsonl"], (3, 4)), (["c.jsonl"], (4, "end")), (["missing.txt"], None)]),  # a line a partition
    (50, [(["a.txt"], None), (["b.jsonl"], (1, "end")), (["c.jsonl"], (1, 3)), (["c.jsonl"], (3, "end")),
          (["missing.txt"], None)]),  # c.jsonl, 120 bytes: three parts of 50 would take two lines each
    (110, [(["a.txt", "b.jsonl"], None), (["c.jsonl"], (1, 3)), (["c.jsonl"], (3, "end")),
           (["missing.txt"], None)]),  # a and b together reach 110 bytes
    (10_000, [(["a.txt", "b.jsonl", "c.jsonl", "missing.txt"], None)]),
])
def test_partitions_group_small_files_and_split_large_jsonl(tmp_path, size, expected):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("x" * 60)
    (tmp_path / "in" / "b.jsonl").write_text("x" * 60)  # one line: never split
    (tmp_path / "in" / "c.jsonl").write_text(("y" * 29 + "\n") * 4)
    parts = partitions([tmp_path / "in", tmp_path / "missing.txt"], size)
    lines = [None if p.lines is None else (p.lines.start, "end" if p.lines.stop > 10**9 else p.lines.stop)
             for p in parts]
    assert [([Path(n).name for n in p.paths], span) for p, span in zip(parts, lines)] == expected
    assert [part.index for part in parts] == list(range(len(expected)))


def test_a_partition_becomes_one_shard_of_its_articles_in_order(tmp_path, corpus):
    part = Partition(7, (str(corpus / "s2.jsonl"), str(corpus / "t-bad.jsonl")))
    result = extract_partition(part, str(tmp_path))
    shard = tmp_path / "part-000007.nq"
    assert result.shard == str(shard) and sorted(os.listdir(tmp_path)) == ["part-000007.nq"]
    data = shard.read_bytes()
    expected = [extract_article(a) for a in read_paths(part.paths) if isinstance(a, Article)]
    pieces = [e for e in result.events if not isinstance(e, tuple)]
    assert [p.doc_id for p in pieces] == [e.doc_id for e in expected] == [f"j2-{n}" for n in range(5)] + ["x"]
    assert [data[p.start:p.end].decode("utf-8") for p in pieces] == [e.nquads for e in expected]
    assert pieces[-1].end == len(data)
    assert [e for e in result.events if isinstance(e, tuple)] == [
        ("failed", f"{corpus / 't-bad.jsonl'}:2: not JSON (Expecting value: line 1 column 1 (char 0)); "
                   "each line must be a JSON object with 'id' and 'text'")]


@pytest.mark.parametrize("size, all_topics", [(1, False), (10_000_000, False), (1, True)])  # a file a partition; all in one
def test_cluster_ingest_is_quad_for_quad_a_serial_ingest(tmp_path, scheduler, corpus, size, all_topics):
    expected_report, expected = serial([corpus], tmp_path / "serial", all_topics)
    with opened(tmp_path / "store") as dataset:
        report = ingest_on_cluster([corpus], dataset, scheduler, shards=tmp_path / "shards", progress=False,
                                   size=size, all_topics=all_topics)
    assert nquads(str(tmp_path / "store")) == expected
    assert report_fields(report) == report_fields(expected_report)
    assert report.quads == kept_quads([corpus], all_topics)
    assert "j0-1" in report.ingested and len(report.skipped) == 3 and len(report.failed) == 1
    assert len(report.warnings) == 1 and "s1.jsonl" in report.warnings[0]
    assert ("t-gold" in report.ingested, list(report.left_out), report.off_topic_kept) == (
        (True, [], 2) if all_topics else (False, ["x", "t-gold"], 0))  # x: a bad line's neighbour, "Hà Nội"
    assert not list((tmp_path / "shards").rglob("*.tmp"))


@contextmanager
def store_of(name: str, folder: Path):
    """A store's target: an embedded folder, or a running server, emptied afterwards."""
    if name == "embedded":
        yield str(folder / "store")
        return
    if binary(PROGRAMS[name]) is None:
        pytest.skip(f"{PROGRAMS[name]} is not installed")
    with running(name, folder / name) as server:
        yield server.url
        with opened(server.url) as dataset:
            for graph in graph_names(dataset):
                drop_graph(dataset, graph)


@pytest.mark.parametrize("name", ["embedded", "oxigraph", "virtuoso"])
def test_a_cluster_reingest_drops_an_article_gone_off_topic_and_its_orphaned_entities(tmp_path, scheduler, corpus,
                                                                                       name):
    """p1 again (bundled article 5, the only one of that text), now not about foreign affairs: its graph
    goes, and so do the entities only it mentioned, on each store kind by its own loading path."""
    again = tmp_path / "again"
    again.mkdir()
    (again / "p1.txt").write_text(OFF_TOPIC.read_text(encoding="utf-8"), encoding="utf-8")
    with opened(tmp_path / "serial") as dataset:  # one handle for both: Dask's threads may hold a dropped one
        ingest([corpus], dataset, progress=False)
        first = dumped(dataset)
        expected_report = ingest([again], dataset, progress=False)
        expected = dumped(dataset)
    with store_of(name, tmp_path) as target:
        with opened(target) as dataset:
            ingest([corpus], dataset, progress=False)
        with opened(target) as dataset:
            report = ingest_on_cluster([again], dataset, scheduler, shards=tmp_path / name / "shards",
                                       progress=False)
        got = nquads(target)
    assert (report_fields(report), got) == (report_fields(expected_report), expected)
    assert list(report.left_out) == ["p1"] and report.entities_removed > 0 and len(got) < len(first)
    assert not any(line.endswith(f" <{article_iri('p1')}> .") for line in got)


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """Four JSONL shards of 40 articles each, all of one size (one partition each): seconds of work each."""
    folder = tmp_path_factory.mktemp("big")
    texts = [a.text for a in bundled()]
    for shard in range(4):
        write_jsonl(folder / f"s{shard}.jsonl", [(f"b{shard}-{n}", texts[n % len(texts)]) for n in range(40)])
    return folder


def kill_first_writer(shards: Path, done: threading.Event) -> int | None:
    """SIGKILL the worker process writing the first unfinished shard seen; its process id."""
    while not done.is_set():
        for temporary in shards.rglob("part-*.nq.*-*.tmp"):
            pid = int(re.search(r"-(\d+)\.tmp$", temporary.name).group(1))
            try:
                os.kill(pid, signal.SIGKILL)
                return pid
            except ProcessLookupError:  # that shard was finished meanwhile: wait for another
                continue
        time.sleep(0.01)
    return None


def test_a_worker_killed_mid_shard_loses_no_article(tmp_path, scheduler, big):
    expected_report, expected = serial([big], tmp_path / "serial")
    outcome: dict = {}
    done = threading.Event()

    def run() -> None:
        with opened(tmp_path / "store") as dataset:
            outcome["report"] = ingest_on_cluster([big], dataset, scheduler, shards=tmp_path / "shards",
                                                  progress=False, size=(big / "s0.jsonl").stat().st_size)
        done.set()

    thread = threading.Thread(target=run)
    thread.start()
    killed = kill_first_writer(tmp_path / "shards", done)
    thread.join(timeout=600)
    assert killed is not None, "no worker was seen writing a shard"
    assert report_fields(outcome["report"]) == report_fields(expected_report)
    assert len(outcome["report"].ingested) == 160 and not outcome["report"].failed
    assert outcome["report"].quads == expected_report.quads == kept_quads([big])
    assert nquads(str(tmp_path / "store")) == expected


@pytest.mark.parametrize("name", ["oxigraph", "virtuoso"])
@pytest.mark.parametrize("readable", [True, False])
def test_shards_load_into_a_server_by_its_bulk_path(tmp_path, scheduler, corpus, name, readable):
    if binary(PROGRAMS[name]) is None:
        pytest.skip(f"{PROGRAMS[name]} is not installed")
    if name == "oxigraph" and not readable:
        pytest.skip("the Oxigraph server takes shards over HTTP: it needs no folder")
    if not readable and not Path("/dev/shm").is_dir():
        pytest.skip("no /dev/shm: a folder outside Virtuoso's DirsAllowed (its own folder and /tmp)")
    _, expected = serial([corpus], tmp_path / "serial")
    with running(name, tmp_path / name) as server, tempfile.TemporaryDirectory(dir="/dev/shm") as denied:
        shards = (tmp_path / name / "shards") if readable else Path(denied)
        with opened(server.url) as dataset:
            report = ingest_on_cluster([corpus], dataset, scheduler, shards=shards, progress=False, size=1)
        with opened(server.url) as dataset:
            got = nquads(server.url)
            for graph in graph_names(dataset):
                drop_graph(dataset, graph)
    assert got == expected
    notes = [w for w in report.warnings if "bulk loader cannot read" in w]
    assert len(notes) == (0 if readable else 1)


@pytest.mark.parametrize("args, message", [
    (["--shards", "x"], "--shards goes with --cluster"),
    (["--cluster", "local:2", "--workers", "2"], "give --cluster or --workers, not both"),
    (["--cluster", "local:two"], "--cluster local:two: write local:N with N workers, e.g. local:4"),
    (["--cluster", "tcp://127.0.0.1:1"], "--cluster tcp://127.0.0.1:1: give --shards DIR"),
    (["--cluster", "tcp://127.0.0.1:1", "--shards", "{tmp}"], "cannot reach the Dask scheduler at tcp://127.0.0.1:1"),
])
def test_cluster_options_say_what_to_do(tmp_path, args, message):
    args = [a.format(tmp=tmp_path) for a in args]
    result = CliRunner().invoke(main, ["ingest", str(ARTICLES), "--store", str(tmp_path / "s"), "-q", *args])
    assert result.exit_code != 0 and message in result.output


def test_the_commands_in_docs_cluster_md_run(tmp_path, monkeypatch):
    """Every '$ vnfa ...' line of docs/cluster.md, in a folder where data/ is the project's."""
    lines = [line[2:] for line in DOCS.read_text(encoding="utf-8").splitlines() if line.startswith("$ ")]
    assert lines, "docs/cluster.md has no '$ ' command lines"
    (tmp_path / "data").symlink_to(ARTICLES.parent)
    monkeypatch.chdir(tmp_path)
    for line in lines:
        words = shlex.split(line)
        assert words[0] == "vnfa", line
        result = CliRunner().invoke(main, words[1:])
        assert result.exit_code == 0, f"{line}\n{result.output}"
