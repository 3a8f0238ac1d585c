import io

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD
from rdflib.plugins.stores.memory import Memory

from vnfa.cli import main
from vnfa.errors import GraphError
from vnfa.export.formats import FORMATS, export, ontology_graph
from vnfa.export.void import DATASET, created_date
from vnfa.ingest.pipeline import ingest
from vnfa.model.build import article_iri
from vnfa.model.vocab import ENTITIES_GRAPH as REFERENCE_GRAPH
from vnfa.model.vocab import VNFA
from vnfa.resources import data_path
from vnfa.store.open import backend, graph_names, opened, replace_graph

ARTICLES = data_path("articles")
VOID = Namespace("http://rdfs.org/ns/void#")
SEED = article_iri("seed")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A store holding the bundled articles, with the graphs read back through rdflib."""
    folder = tmp_path_factory.mktemp("export") / "store"
    with opened(folder) as dataset:
        assert not ingest([ARTICLES], dataset, progress=False).failed
        graphs = {name: Graph() for name in graph_names(dataset)}
        for name, graph in graphs.items():
            graph += (plain(triple) for triple in backend(dataset).graph_triples(name))
    union = Graph()
    for graph in graphs.values():
        union += graph
    return folder, graphs, union


def plain(triple):
    """oxrdflib reads simple literals back as xsd:string, which rdflib tells apart: RDF 1.1 does not."""
    s, p, o = triple
    return s, p, Literal(str(o), lang=o.language) if isinstance(o, Literal) and o.datatype == XSD.string else o


def exported(folder, fmt: str, **options) -> bytes:
    """The export, with the articles' texts unless with_text=False (so that it round-trips to the store)."""
    options.setdefault("with_text", True)
    buffer = io.BytesIO()
    with opened(folder, create=False) as dataset:
        export(dataset, fmt, buffer, **options)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_union_round_trips_in_every_format(built, fmt):
    folder, _, union = built
    back = Graph().parse(data=exported(folder, fmt, named_graphs=False), format=FORMATS[fmt].rdflib)
    assert len(back) == len(union) > 5000
    assert isomorphic(back, union)


@pytest.mark.parametrize("fmt", [name for name, spec in FORMATS.items() if spec.quads])
def test_named_graphs_round_trip(built, fmt):
    folder, graphs, _ = built
    back = Dataset()
    back.parse(data=exported(folder, fmt, named_graphs=True), format=FORMATS[fmt].rdflib)
    names = {g.identifier for g in back.graphs() if len(g)}
    assert names == set(graphs) and len(graphs) == 8  # seven articles and the reference graph
    for name, graph in graphs.items():
        assert isomorphic(back.graph(name), graph), name


@pytest.mark.parametrize("fmt", ["turtle", "xml", "jsonld"])
def test_one_article_round_trips(built, fmt):
    folder, graphs, _ = built
    back = Graph().parse(data=exported(folder, fmt, graph=SEED), format=FORMATS[fmt].rdflib)
    assert isomorphic(back, graphs[SEED])


def test_union_writes_each_triple_once(built):
    folder, graphs, union = built
    lines = exported(folder, "nt").decode("utf-8").splitlines()
    assert len(lines) == len(set(lines)) == len(union)
    assert sum(len(g) for g in graphs.values()) > len(union)  # articles and reference share triples


def test_same_triple_in_two_graphs_is_written_once(store):
    s, p = URIRef("https://example.org/s"), URIRef("https://example.org/p")
    for name in ("https://example.org/a", "https://example.org/b"):
        graph = Graph(identifier=URIRef(name))
        graph.add((s, p, Literal("x")))
        graph.add((s, p, Literal(name)))
        replace_graph(store, graph)
    buffer = io.BytesIO()
    export(store, "nt", buffer)
    assert sorted(buffer.getvalue().decode().splitlines()) == [
        '<https://example.org/s> <https://example.org/p> "https://example.org/a" .',
        '<https://example.org/s> <https://example.org/p> "https://example.org/b" .',
        '<https://example.org/s> <https://example.org/p> "x" .',
    ]


def test_description_counts_what_was_written(built, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    folder, _, union = built
    back = Graph().parse(data=exported(folder, "turtle", description=True), format="turtle")
    node = URIRef(DATASET)
    described = Graph()
    for triple in back:
        if str(triple[0]).startswith(DATASET):
            described.add(triple)
    assert isomorphic(back - described, union)
    assert back.value(node, VOID.triples) == Literal(len(union))
    assert back.value(node, DCTERMS.created) == Literal("2026-01-01", datatype=XSD.date)
    assert back.value(node, DCTERMS.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    sources = set(back.objects(node, DCTERMS.source))
    assert len(sources) == 7 and SEED in sources
    persons = len(set(union.subjects(RDF.type, URIRef("https://schema.org/Person"))))
    partition = URIRef(DATASET + "/class/schema-Person")
    assert back.value(partition, VOID.entities) == Literal(persons) and persons > 25
    vocabularies = {str(v) for v in back.objects(node, VOID.vocabulary)}
    assert {"http://www.w3.org/ns/org#", "https://schema.org/", "http://www.w3.org/ns/prov#"} <= vocabularies
    entities = {s for s in union.subjects() if str(s).startswith("https://w3id.org/vnfa/id/")}
    assert back.value(node, VOID.entities) == Literal(len(entities))


def test_named_graph_description_sits_in_the_default_graph(built):
    folder, graphs, _ = built
    back = Dataset()
    back.parse(data=exported(folder, "nquads", description=True), format="nquads")
    default = back.default_graph if hasattr(back, "default_graph") else back.graph(back.default_context.identifier)
    quads = sum(len(g) for g in graphs.values())
    assert default.value(URIRef(DATASET), VOID.triples) == Literal(quads)


def test_two_runs_give_identical_sorted_nquads(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    runs = []
    for run in ("one", "two"):
        with opened(tmp_path / run) as dataset:
            ingest([ARTICLES], dataset, progress=False)
            buffer = io.BytesIO()
            export(dataset, "nquads", buffer, named_graphs=True, description=True, with_text=True)
        runs.append(sorted(buffer.getvalue().splitlines()))
    assert runs[0] == runs[1] and len(runs[0]) > 5000
    assert not any(b"_:" in line for line in runs[0])  # no blank nodes: every node has a stable IRI
    assert not any(b"/work/" in line or b"/tmp/" in line for line in runs[0])  # nothing machine-specific


def test_bad_creation_date_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(GraphError, match="SOURCE_DATE_EPOCH must be whole seconds"):
        created_date()


def test_cli_formats_are_the_export_table():
    option = next(p for p in main.commands["export"].params if p.name == "fmt")
    assert list(option.type.choices) == list(FORMATS)


def test_cli_export_options(built, tmp_path):
    folder, graphs, _ = built
    runner = CliRunner()
    result = runner.invoke(main, ["export", "-f", "nt", "--named-graphs", "--store", str(folder)])
    assert result.exit_code == 2 and "--named-graphs needs -f nquads or -f trig, not -f nt" in result.stderr
    out = tmp_path / "seed.ttl"
    result = runner.invoke(main, ["export", "--graph", "seed", "-o", str(out), "--store", str(folder)])
    assert result.exit_code == 0, result.output
    back = Graph().parse(out, format="turtle")
    assert (URIRef(DATASET + "/article/seed"), DCTERMS.isPartOf, URIRef(DATASET)) in back
    assert set(back.subjects()) >= set(graphs[SEED].subjects())
    missing = tmp_path / "missing.ttl"
    result = runner.invoke(main, ["export", "--graph", "nope", "-o", str(missing), "--store", str(folder)])
    assert result.exit_code == 1 and "no graph https://w3id.org/vnfa/id/article/nope in the store" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.ttl"]  # no partial file left behind


def test_every_vnfa_term_is_in_the_ontology_in_both_languages():
    ontology = ontology_graph()
    for name in VNFA.__annotations__:
        term = VNFA[name]
        kinds = set(ontology.objects(term, RDF.type))
        assert kinds, f"vnfa:{name} is not declared in data/ontology/vnfa.ttl"
        label = SKOS.prefLabel if kinds & {SKOS.Concept, SKOS.ConceptScheme} else RDFS.label
        languages = {o.language for o in ontology.objects(term, label)}
        assert {"vi", "en"} <= languages, name
        if kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}:
            assert {o.language for o in ontology.objects(term, RDFS.comment)} >= {"vi", "en"}, name


def test_every_term_the_graph_uses_has_labels(built):
    _, _, union = built
    ontology = ontology_graph()
    used = set(union.predicates()) | set(union.objects(None, RDF.type))
    for term in used:
        assert {o.language for o in ontology.objects(term, RDFS.label)} >= {"vi", "en"} or \
            {o.language for o in ontology.objects(term, SKOS.prefLabel)} >= {"vi", "en"}, term


def test_ontology_aligns_and_carries_the_title_scheme(tmp_path):
    out = tmp_path / "vnfa.ttl"
    assert CliRunner().invoke(main, ["export", "--ontology", "-o", str(out)]).exit_code == 0
    ontology = Graph().parse(out, format="turtle")
    schema, org = Namespace("https://schema.org/"), Namespace("http://www.w3.org/ns/org#")
    assert (VNFA.Event, RDFS.subClassOf, schema.Event) in ontology
    assert (VNFA.Title, RDFS.subClassOf, org.Role) in ontology
    assert (VNFA.evidence, RDFS.subPropertyOf, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) in ontology
    titles = set(ontology.subjects(SKOS.inScheme, VNFA.Titles))
    assert len(titles) > 100
    minister = URIRef("https://w3id.org/vnfa/id/title/bo-truong")
    assert minister in titles and Literal("Minister", lang="en") in set(ontology.objects(minister, SKOS.prefLabel))
    assert len(set(ontology.subjects(SKOS.inScheme, VNFA.EventTypes))) == 10
    assert REFERENCE_GRAPH not in set(ontology.subjects())


class MemoryBackend(Memory):
    """A backend without Oxigraph underneath (as a SPARQL server is): export goes through rdflib."""

    def graph_triples(self, name=None):
        contexts = [c for c in self.contexts() if name is None or c.identifier == name]
        return (t for c in contexts for t in self.triples((None, None, None), c) for t in [t[0]])

    def graph_names(self):
        return sorted(c.identifier for c in self.contexts() if isinstance(c.identifier, URIRef))

    def dump(self, out, fmt, prefixes):
        dataset = Dataset(store=self)
        out.write(dataset.serialize(format=FORMATS[fmt].rdflib, encoding="utf-8"))


def test_other_backends_export_through_rdflib(built):
    _, graphs, _union = built
    dataset = Dataset(store=MemoryBackend())
    for name in (SEED, REFERENCE_GRAPH):
        dataset.graph(name).__iadd__(graphs[name])
    buffer = io.BytesIO()
    census = export(dataset, "turtle", buffer, description=True, with_text=True)
    back = Graph().parse(data=buffer.getvalue(), format="turtle")
    assert census.triples == len(graphs[SEED] + graphs[REFERENCE_GRAPH])
    assert back.value(URIRef(DATASET), VOID.triples) == Literal(census.triples)
    buffer = io.BytesIO()
    census = export(dataset, "nquads", buffer, description=True, with_text=True)
    assert census.triples == len(graphs[SEED]) + len(graphs[REFERENCE_GRAPH])
    assert set(census.sources) == {str(SEED)}
    buffer = io.BytesIO()
    census = export(dataset, "nquads", buffer, description=True)
    assert census.triples == len(graphs[SEED]) + len(graphs[REFERENCE_GRAPH]) - 1
    assert TEXT not in buffer.getvalue().decode()


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_ontology_round_trips_in_every_format(fmt):
    from vnfa.export.formats import export_ontology

    buffer = io.BytesIO()
    size = export_ontology(fmt, buffer)
    back = Dataset()
    back.parse(data=buffer.getvalue(), format=FORMATS[fmt].rdflib)
    triples = Graph()
    for graph in back.graphs():
        triples += graph
    assert len(triples) == size and isomorphic(triples, ontology_graph())


TEXT = "<https://schema.org/text>"
QUOTE = "<https://w3id.org/vnfa/ontology#quote>"


@pytest.mark.parametrize("fmt, named", [("nt", False), ("nquads", True), ("nquads", False), ("turtle", False)])
def test_exports_leave_the_articles_texts_out_unless_asked(built, fmt, named):
    folder, _graphs, union = built
    texts = set(union.objects(None, URIRef("https://schema.org/text")))
    assert len(texts) == 7
    without = Dataset()
    without.parse(data=exported(folder, fmt, named_graphs=named, with_text=False), format=FORMATS[fmt].rdflib)
    within = Dataset()
    within.parse(data=exported(folder, fmt, named_graphs=named), format=FORMATS[fmt].rdflib)
    kept = {o for _, p, o, _ in without.quads() if str(p) == "https://schema.org/text"}
    quotes = {o for _, p, o, _ in without.quads() if str(p).endswith("#quote")}
    assert kept == set() and len(quotes) > 100  # the evidence quotes stay
    assert {o for _, p, o, _ in within.quads() if str(p) == "https://schema.org/text"} == texts


@pytest.mark.parametrize("with_text, words", [(False, "are left out"), (True, "not the articles' full texts")])
def test_the_description_says_whose_text_it_is(built, with_text, words):
    folder, _, _union = built
    back = Graph().parse(data=exported(folder, "turtle", description=True, with_text=with_text), format="turtle")
    rights = {str(o) for o in back.objects(URIRef(DATASET), DCTERMS.rights) if o.language == "en"}
    assert len(rights) == 1 and words in rights.pop()
    described = Graph()
    for triple in back:
        if str(triple[0]).startswith(DATASET):
            described.add(triple)
    assert back.value(URIRef(DATASET), VOID.triples) == Literal(len(back - described))


def test_cli_export_with_text(built, tmp_path):
    folder, _, _ = built
    for options, count in (([], 0), (["--with-text"], 7)):
        out = tmp_path / "all.nq"
        result = CliRunner().invoke(main, ["export", "-f", "nquads", "-o", str(out), "--store", str(folder), *options])
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8").count(f"> {TEXT} \"") == count  # as a predicate


def test_jsonld_has_a_compact_context(built):
    import json

    folder, graphs, _ = built
    data = json.loads(exported(folder, "jsonld", description=True))
    assert data["@context"]["schema"] == "https://schema.org/" and data["@context"]["id"] == "https://w3id.org/vnfa/id/"
    people = [n for n in data["@graph"] if "schema:Person" in n.get("@type", [])]
    to_lam = next(n for n in people if n["@id"] == "id:person/to-lam")
    assert {"@value": "Tô Lâm", "@language": "vi"} in to_lam["schema:name"]
    back = Graph().parse(data=json.dumps(data), format="json-ld")
    assert set(graphs[SEED]) <= set(back)
