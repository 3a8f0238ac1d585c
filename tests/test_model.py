from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from vnfa.extract.article import extract
from vnfa.model.build import article_iri, date_literal, person_iri, to_graph
from vnfa.model.vocab import ORG, PROV, VNFA
from vnfa.read.files import parse_page

TEXT = "Tổng Bí thư tiếp Đại sứ\nChiều 24/1, Tổng Bí thư Tô Lâm tiếp Đại sứ Lào Khamphao Ernthavanh."


def test_iris_are_stable_and_readable():
    assert str(person_iri("Nguyễn Phương Nga")) == "https://w3id.org/vnfa/id/person/nguyen-phuong-nga"
    assert article_iri("seed") == URIRef("https://w3id.org/vnfa/id/article/seed")
    assert article_iri("Bài 1") != article_iri("bai-1")


def test_dates_are_typed():
    assert date_literal("2024-09-17") == Literal("2024-09-17", datatype=XSD.date)
    assert date_literal("--06-14").datatype == XSD.gMonthDay
    assert date_literal("2017-01").datatype == XSD.gYearMonth
    assert date_literal("2006").datatype == XSD.gYear


def test_every_fact_has_provenance_and_span():
    graph = to_graph(extract(parse_page(TEXT, "t")))
    article = article_iri("t")
    memberships = list(graph.subjects(predicate=ORG.member))
    assert memberships
    for node in memberships + list(graph.subjects(predicate=VNFA.eventType)):
        assert (node, PROV.wasDerivedFrom, article) in graph
        span = graph.value(node, VNFA.evidence)
        start, end = int(graph.value(span, VNFA.start)), int(graph.value(span, VNFA.end))
        assert TEXT[start:end] == str(graph.value(span, VNFA.quote))


def test_same_input_same_triples():
    first = to_graph(extract(parse_page(TEXT, "t")))
    second = to_graph(extract(parse_page(TEXT, "t")))
    assert set(first) == set(second)
