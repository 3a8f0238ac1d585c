import pytest
from click.testing import CliRunner
from rdflib import Literal
from rdflib.namespace import RDF

from vnfa.cli import main
from vnfa.extract.article import extract
from vnfa.ingest.pipeline import ingest
from vnfa.model.build import to_graph
from vnfa.model.vocab import ORG, PROV, SCHEMA, VNFA
from vnfa.query.validate import load_shapes, validate_graph
from vnfa.read.files import parse_page
from vnfa.resources import data_path
from vnfa.store.open import opened, replace_graph

SEED = data_path("articles", "seed.txt")


@pytest.fixture(scope="module")
def shapes():
    return load_shapes()


@pytest.fixture(scope="module")
def seed_graph():
    return to_graph(extract(parse_page(SEED.read_text(encoding="utf-8"), "seed")))


def first(graph, kind):
    return sorted(graph.subjects(RDF.type, kind))[0]


def drop(kind, prop):
    def mutate(graph):
        node = first(graph, kind)
        graph.remove((node, prop, None))
        return node
    return mutate


def swap_span(graph):
    span = first(graph, VNFA.Span)
    end = int(graph.value(span, VNFA.end))
    graph.set((span, VNFA.start, Literal(end + 5)))
    return span


def wrong_status(graph):
    node = first(graph, ORG.Membership)
    graph.set((node, VNFA.status, VNFA.visit))
    return node


@pytest.mark.parametrize("mutate, rule", [
    (drop(SCHEMA.Person, SCHEMA.name), "a person has a name"),
    (drop(ORG.Membership, ORG.member), "a membership has exactly one member"),
    (drop(ORG.Membership, ORG.role), "a membership has exactly one role"),
    (drop(ORG.Membership, PROV.wasDerivedFrom), "names the article it comes from"),
    (drop(VNFA.Event, VNFA.eventType), "an event has exactly one type"),
    (drop(VNFA.Event, VNFA.evidence), "points to the text span that supports it"),
    (drop(VNFA.Partnership, VNFA.partner), "a partnership has exactly one partner"),
    (swap_span, "a span has one start, an integer from 0 up to its end"),
    (wrong_status, "status is vnfa:current or vnfa:former"),
])
def test_broken_graphs_fail_naming_node_and_rule(seed_graph, shapes, mutate, rule):
    graph = seed_graph.__class__(identifier=seed_graph.identifier)
    graph += seed_graph
    node = mutate(graph)
    report = validate_graph(graph, shapes)
    assert not report.conforms
    name = str(node).replace("https://w3id.org/vnfa/id/", "id:")
    assert any(v.node == name and rule in v.rule for v in report.violations), report.text()
    assert len(report.violations) <= 3, report.text()  # the broken rule, not a cascade


def test_seed_graph_conforms(seed_graph, shapes):
    report = validate_graph(seed_graph, shapes)
    assert report.conforms, report.text()
    assert report.text() == f"valid: {len(seed_graph)} triples conform to the shapes in data/shapes/"


def test_quote_must_match_the_span(seed_graph, shapes):
    graph = seed_graph.__class__(identifier=seed_graph.identifier)
    graph += seed_graph
    span = first(graph, VNFA.Span)
    graph.set((span, VNFA.quote, Literal("không phải đoạn này")))
    lines = validate_graph(graph, shapes).text().splitlines()
    assert lines[0].startswith(str(span).replace("https://w3id.org/vnfa/id/", "id:") + ": a span's quote is end - start")


def test_vnfa_validate_passes_on_the_bundled_articles_and_fails_on_a_broken_store(tmp_path):
    store = str(tmp_path / "store")
    with opened(store) as dataset:
        assert not ingest([data_path("articles")], dataset, progress=False).failed
    runner = CliRunner()
    result = runner.invoke(main, ["validate", "--store", store])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("valid: ") and "triples conform" in result.stdout
    with opened(store) as dataset:
        graph = to_graph(extract(parse_page(SEED.read_text(encoding="utf-8"), "seed")))
        event = first(graph, VNFA.Event)
        graph.remove((event, VNFA.eventType, None))
        replace_graph(dataset, graph)
    result = runner.invoke(main, ["validate", "--store", store])
    assert result.exit_code == 1
    name = str(event).replace("https://w3id.org/vnfa/id/", "id:")
    assert f"{name} (from id:article/seed): an event has exactly one type" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("1 violation in ")


def test_validate_needs_a_store(tmp_path):
    result = CliRunner().invoke(main, ["validate", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no store at" in result.stderr
