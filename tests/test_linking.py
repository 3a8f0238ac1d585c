"""Short and initialled names linked to the one full name they stand for, whatever the ingest order."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF

from vnfa.ingest.linking import link, stands_for
from vnfa.model.build import person_iri
from vnfa.model.vocab import ENTITIES_GRAPH, ID, ORG, SCHEMA, VNFA
from vnfa.store.open import add_graph, opened


@pytest.mark.parametrize("short, full, expected", [
    ("Bush", "George Bush", True),
    ("G.Bush", "George Bush", True),
    ("G. Bush", "George Bush", True),
    ("G.W. Bush", "George W. Bush", True),
    ("H.Bush", "George Bush", False),  # the initial must fit
    ("George Bush", "George W. Bush", False),  # a name of its own, not a short form
    ("Bush", "Bush", False),
    ("Phúc", "Nguyễn Xuân Phúc", True),
    ("Abe", "Shinzo Abe Jr", False),  # the last word must be the same
])
def test_what_a_short_form_stands_for(short, full, expected):
    assert stands_for(short, full) is expected


def write_people(dataset, people: list[tuple[str, str | None]]) -> None:
    """Persons (name, post country) as ingest leaves them: names in the entities graph, posts in an article."""
    entities, article = Graph(identifier=ENTITIES_GRAPH), Graph(identifier=URIRef(ID + "article/t"))
    for number, (name, country) in enumerate(people):
        node = person_iri(name)
        entities.add((node, RDF.type, SCHEMA.Person))
        entities.add((node, SCHEMA.name, Literal(name, lang="vi")))
        if country:
            membership = URIRef(f"{ID}membership/{number}")
            article.add((membership, ORG.member, node))
            article.add((membership, VNFA.country, URIRef(f"{ID}country/{country}")))
            entities.add((URIRef(f"{ID}country/{country}"), VNFA.code, Literal(country)))
    add_graph(dataset, entities)
    add_graph(dataset, article)


def links_of(dataset) -> set[tuple[str, str]]:
    rows = dataset.query(f"SELECT ?a ?b WHERE {{ ?x <{OWL.sameAs}> ?y . ?x <{SCHEMA.name}> ?a . "
                         f"?y <{SCHEMA.name}> ?b }}")
    return {(str(a), str(b)) for a, b in rows}


@pytest.mark.parametrize("people, expected", [
    ([("J.Kerrigan", "US"), ("John Kerrigan", "US")], {("J.Kerrigan", "John Kerrigan")}),
    ([("Kerrigan", None), ("John Kerrigan", "US"), ("Mary Kerrigan", "US")], set()),  # two candidates: no link
    ([("G.Bush", "US"), ("George Bush", "US")], set()),  # the gazetteer's George W. Bush is a second candidate
    ([("G.Bush", "US"), ("George W. Bush", "US")], {("G.Bush", "George W. Bush")}),
    ([("Kim", "KR"), ("Kim Jong-un", "KP")], set()),  # homonyms serving different countries stay apart
    ([("S.Abe", "JP")], set()),  # the gazetteer's Shinzo Abe is not in the store: nothing to link to
    ([("S.Abe", "JP"), ("Shinzo Abe", "JP"), ("Sa Abe", "JP")], {("S.Abe", "Shinzo Abe")}),  # gazetteer alias
])
def test_links_only_when_unambiguous(tmp_path, people, expected):
    with opened(tmp_path / "store") as dataset:
        write_people(dataset, people)
        count = link(dataset)
        assert links_of(dataset) == expected and count == len(expected)


def test_links_do_not_depend_on_order_and_are_recomputed(tmp_path):
    people = [("J.Kerrigan", "US"), ("John Kerrigan", "US"), ("Putin", "RU"), ("Vladimir Putin", "RU")]
    found = []
    for order in (people, people[::-1]):
        with opened(tmp_path / f"store{len(found)}") as dataset:
            write_people(dataset, order)
            link(dataset)
            link(dataset)
            found.append(links_of(dataset))
    assert found[0] == found[1] == {("J.Kerrigan", "John Kerrigan"), ("Putin", "Vladimir Putin")}
