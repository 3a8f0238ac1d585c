"""The store-level behaviour on every backend: the embedded store, an Oxigraph
server and a Virtuoso, the servers started here on 127.0.0.1 (tests/servers.py).

A server whose program is missing is skipped with the reason, except in CI
(CI=true), where .ci/run installs both and a missing one fails.
"""
from __future__ import annotations

import io
import json
import os

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from servers import PROGRAMS, binary, running

from vnfa.cli import main
from vnfa.export.formats import export
from vnfa.ingest.pipeline import ingest
from vnfa.model.build import ID
from vnfa.resources import data_path
from vnfa.store.open import count_quads, drop_graph, graph_names, opened, replace_graph

ARTICLES = data_path("articles")
SEED = data_path("articles", "seed.txt")
G = URIRef(ID + "article/test-graph")


@pytest.fixture(scope="module", params=["embedded", "oxigraph", "virtuoso"])
def server(request, tmp_path_factory):
    """None for the embedded store, else a running server's --store URL."""
    name = request.param
    if name == "embedded":
        yield None
        return
    if binary(PROGRAMS[name]) is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PROGRAMS[name]} is not installed; .ci/run must install it")
        pytest.skip(f"{PROGRAMS[name]} is not installed (Debian: virtuoso-opensource; PyPI: oxigraph)")
    with running(name, tmp_path_factory.mktemp(name)) as started:
        yield started.url


@pytest.fixture
def target(server, tmp_path) -> str:
    """A fresh store: a new folder, or the server with vnfa's graphs dropped."""
    if server is None:
        return str(tmp_path / "store")
    with opened(server) as dataset:
        for name in graph_names(dataset):
            drop_graph(dataset, name)
    return server


def nquads(target: str) -> list[str]:
    with opened(target, create=False) as dataset:
        buffer = io.BytesIO()
        export(dataset, "nquads", buffer)
    return sorted(line for line in buffer.getvalue().decode("utf-8").splitlines() if line)


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> list[str]:
    """The bundled articles' N-Quads as the embedded store holds them: what every backend must hold."""
    store = str(tmp_path_factory.mktemp("reference") / "store")
    with opened(store) as dataset:
        ingest([ARTICLES], dataset, progress=False)
    return nquads(store)


def test_replace_graph_replaces(target):
    graph = Graph(identifier=G)
    subject, predicate = URIRef(ID + "s"), URIRef(ID + "p")
    with opened(target) as dataset:
        for value in ("một", "hai \"ngoặc\"\nxuống dòng"):
            graph.remove((None, None, None))
            graph.add((subject, predicate, Literal(value, lang="vi")))
            replace_graph(dataset, graph)
        assert count_quads(dataset) == 1
        assert graph_names(dataset) == [G]
        values = [str(row[0]) for row in dataset.query("SELECT ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                                       initBindings={"g": G})]
    assert values == ["hai \"ngoặc\"\nxuống dòng"]


def test_ingest_holds_what_the_embedded_store_holds_and_twice_changes_nothing(target, reference):
    with opened(target) as dataset:
        first = ingest([ARTICLES], dataset, progress=False)
        second = ingest([SEED], dataset, progress=False)
    assert len(first.ingested) == 7 and not first.failed and second.ingested == ["seed"]
    assert nquads(target) == reference


def test_parallel_ingest_writes_the_same_graphs(target, reference):
    with opened(target) as dataset:
        report = ingest([ARTICLES], dataset, progress=False, workers=2)
    assert sorted(report.ingested) == sorted(p.stem for p in ARTICLES.iterdir() if p.suffix in (".txt", ".html"))
    assert nquads(target) == reference


def test_natural_sparql_meets_each_person_once_per_name(target):
    """Articles share people; their names live once in the entities graph, so no GRAPH is needed."""
    with opened(target) as dataset:
        ingest([ARTICLES], dataset, progress=False)
        ingest([SEED], dataset, progress=False)  # again: set semantics, nothing doubles
        rows = [(str(p), str(n)) for p, n in dataset.query(
            "PREFIX schema: <https://schema.org/> SELECT ?p ?n WHERE { ?p a schema:Person ; schema:name ?n }")]
        shared = dataset.query("PREFIX vnfa: <https://w3id.org/vnfa/ontology#> SELECT (COUNT(DISTINCT ?a) AS ?n) "
                               "WHERE { ?p vnfa:mentionedIn ?a } GROUP BY ?p ORDER BY DESC(?n) LIMIT 1")
        most = int(next(iter(shared))[0])
    assert len(rows) == len(set(rows)) > 20
    assert most > 1  # some person is in several articles: the test can see a duplicate


def test_gc_removes_what_no_article_mentions(target):
    from vnfa.ingest.entities import gc
    from vnfa.model.build import article_iri

    with opened(target) as dataset:
        ingest([ARTICLES], dataset, progress=False)
        before = len(list(dataset.query("SELECT DISTINCT ?p WHERE { ?p a <https://schema.org/Person> }")))
        drop_graph(dataset, article_iri("seed"))
        removed = gc(dataset)
        after = len(list(dataset.query("SELECT DISTINCT ?p WHERE { ?p a <https://schema.org/Person> }")))
    assert removed > 0 and 0 < after < before


def test_commands_work_on_the_store(target):
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "-q", str(ARTICLES), "--store", target]).exit_code == 0
    facts = [json.loads(line) for line in runner.invoke(main, ["facts", "--store", target]).stdout.splitlines()]
    seed = next(f for f in facts if f["doc"] == "seed")
    assert {"person": "Tô Lâm", "country": "KP"} in seed["visits"] and len(facts) == 7
    result = runner.invoke(main, ["query", "--name", "who-holds-what", "--format", "csv", "--store", target])
    assert "Tô Lâm,Tổng Bí thư,Đảng Cộng sản Việt Nam,VN,current,2026-03-13,seed," in result.stdout
    result = runner.invoke(main, ["query", "--name", "meetings-of", "--param", "person=Tô Lâm", "--format", "json",
                                  "--store", target])
    assert "Đoàn đại biểu Đảng Nhân dân Cách mạng Lào" in [r["met"] for r in json.loads(result.stdout)]


def test_export_and_draw(target, tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "-q", str(SEED), "--store", target]).exit_code == 0
    turtle, png = tmp_path / "g.ttl", tmp_path / "n.png"
    assert runner.invoke(main, ["export", "-f", "turtle", "-o", str(turtle), "--store", target]).exit_code == 0
    parsed = Graph().parse(turtle, format="turtle")
    assert (URIRef(ID + "article/seed"), None, None) in parsed and len(parsed) > 100
    one = runner.invoke(main, ["export", "-f", "nt", "--graph", "seed", "--store", target])
    assert one.exit_code == 0 and len(Graph().parse(data=one.stdout_bytes, format="nt")) > 100
    result = runner.invoke(main, ["draw", "-o", str(png), "--store", target])
    assert result.exit_code == 0, result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_python_api_works_on_every_backend(target):
    import vnfa

    text = "Ngày 14/6/2024, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản Ito Naoki tại Hà Nội.\n"
    with vnfa.open_store(target, read_only=False) as store:
        store.add_text(text, doc="api-demo")
    with vnfa.open_store(target) as store:
        rows = store.query(name="meetings-of", person="pham minh chinh")
        network = store.network("meetings")
    assert [(r["person"], r["met"], r["article"]) for r in rows] == [("Phạm Minh Chính", "Ito Naoki", "api-demo")]
    assert sorted(network.nodes[n]["label"] for n in network) == ["Ito Naoki", "Phạm Minh Chính"]
