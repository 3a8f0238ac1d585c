"""A VoID/DCAT description of an export: what it holds (triple, entity,
class and property counts, vocabularies), where it comes from (the source
articles), under which licence, made by which vnfa version and when.

The creation date is today (UTC) unless $SOURCE_DATE_EPOCH fixes it, as
reproducible builds do, so that two exports can be byte-identical.
"""
from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version

import pyoxigraph as ox

from ..errors import GraphError
from ..model.vocab import BASE, PREFIXES

ID = BASE + "id/"
DATASET = ID + "dataset"
DCTERMS = "http://purl.org/dc/terms/"
DCAT = "http://www.w3.org/ns/dcat#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
NEWS_ARTICLE = "https://schema.org/NewsArticle"
ONTOLOGY = BASE + "ontology"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
TITLE = {"en": "vnfa: actors of Vietnam's foreign affairs",
         "vi": "vnfa: các chủ thể trong hoạt động đối ngoại của Việt Nam"}
DESCRIPTION = {
    "en": "Who holds which post, who met whom, who visited where and which partners Vietnam has, "
          "extracted from Vietnamese news; every fact cites its article and character span.",
    "vi": "Ai giữ chức vụ gì, ai gặp ai, ai thăm nước nào và các đối tác của Việt Nam, "
          "trích xuất từ báo chí tiếng Việt; mỗi dữ kiện dẫn bài báo và đoạn văn làm căn cứ.",
}
DESCRIPTION_PREFIXES = {**PREFIXES, "void": VOID, "dcat": DCAT, "rdf": RDF_TYPE[:-4]}
# prefixes for writing: 'id:' would need escaped slashes (id:article\/seed), full IRIs read better
WRITE_PREFIXES = {p: ns for p, ns in DESCRIPTION_PREFIXES.items() if ns != ID}


@dataclass
class Census:
    """Counts gathered while the triples stream past (grouped by subject)."""

    triples: int = 0
    entities: int = 0
    classes: Counter = field(default_factory=Counter)
    properties: Counter = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)

    def count(self, triples: Iterable[ox.Triple]) -> Iterator[ox.Triple]:
        """Pass the triples through, counting; a subject's triples must come together."""
        subject, types = None, set()
        for triple in triples:
            if triple.subject != subject:
                self._close(subject, types)
                subject, types = triple.subject, set()
            self.triples += 1
            self.properties[triple.predicate.value] += 1
            if triple.predicate.value == RDF_TYPE and isinstance(triple.object, ox.NamedNode):
                types.add(triple.object.value)
            yield triple
        self._close(subject, types)

    def _close(self, subject, types: set[str]) -> None:
        if isinstance(subject, ox.NamedNode) and subject.value.startswith(ID):
            self.entities += 1
        self.classes.update(types)
        if NEWS_ARTICLE in types:
            self.sources.add(subject.value)


def census_of_store(select: Callable[[str], Iterable]) -> Census:
    """The counts of a whole store, quads counted as triples (for named-graph exports).

    ``select`` runs a SPARQL SELECT on the store (Oxigraph's or rdflib's ``query``).
    """
    census = Census()
    for row in select("SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?p"):
        census.properties[_text(row[0])] = int(_text(row[1]))
    census.triples = sum(census.properties.values())
    typed = f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s <{RDF_TYPE}> ?c }} }} GROUP BY ?c"
    for row in select(typed):
        census.classes[_text(row[0])] = int(_text(row[1]))
    census.entities = int(_text(_first(select(
        f'SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?s), "{ID}")) }}'))))
    census.sources = {_text(row[0]) for row in select(
        f"SELECT DISTINCT ?a WHERE {{ GRAPH ?g {{ ?a <{RDF_TYPE}> <{NEWS_ARTICLE}> }} }}")}
    return census


def _first(rows: Iterable):
    return next(iter(rows))[0]


def _text(term) -> str:
    """The IRI or lexical form of an Oxigraph or rdflib term."""
    return str(term.value) if hasattr(term, "value") else str(term)


def created_date() -> str:
    """Today (UTC), or the day of $SOURCE_DATE_EPOCH when it is set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch and not epoch.isdigit():
        raise GraphError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not '{epoch}'; fix or unset it")
    return time.strftime("%Y-%m-%d", time.gmtime(int(epoch) if epoch else time.time()))


def vnfa_version() -> str:
    try:
        return version("vnfa")
    except PackageNotFoundError:
        return "unknown"


def vocabulary(iri: str) -> str:
    """The namespace of a term: a known prefix's, else up to the last '#' or '/'."""
    for namespace in sorted(DESCRIPTION_PREFIXES.values(), key=len, reverse=True):
        if iri.startswith(namespace) and namespace != ID:
            return namespace
    return iri[:max(iri.rfind("#"), iri.rfind("/")) + 1]


def partition_iri(dataset: str, kind: str, term: str) -> ox.NamedNode:
    """A stable IRI for a class or property partition: .../dataset/class/schema-Person."""
    namespace = vocabulary(term)
    prefix = next((p for p, ns in DESCRIPTION_PREFIXES.items() if ns == namespace), None)
    name = f"{prefix}-{term[len(namespace):]}" if prefix else term.rsplit("/", 1)[-1].replace("#", "-")
    return ox.NamedNode(f"{dataset}/{kind}/{name}")


RIGHTS = {  # whose text is what: the licence covers vnfa's graph, not the newspapers' articles
    False: {"en": "CC BY 4.0 covers the graph vnfa extracted. The articles' full texts are left out: they belong "
                  "to their publishers; each fact cites its article and quotes the words it rests on.",
            "vi": "Giấy phép CC BY 4.0 áp dụng cho đồ thị do vnfa trích xuất. Toàn văn các bài báo không được đưa "
                  "vào: bản quyền thuộc về các cơ quan báo chí; mỗi dữ kiện dẫn bài báo và trích đoạn làm căn cứ."},
    True: {"en": "CC BY 4.0 covers the graph vnfa extracted, not the articles' full texts (schema:text) included "
                 "here: those belong to their publishers, and their terms apply.",
           "vi": "Giấy phép CC BY 4.0 áp dụng cho đồ thị do vnfa trích xuất, không áp dụng cho toàn văn các bài báo "
                 "(schema:text) kèm theo đây: bản quyền thuộc về các cơ quan báo chí."},
}


def describe(census: Census, dataset: str = DATASET, part_of: str | None = None, *,
             with_text: bool = False) -> Iterator[ox.Triple]:
    """The VoID/DCAT triples describing an export with these counts."""
    node = ox.NamedNode(dataset)

    def add(predicate: str, obj) -> ox.Triple:
        return ox.Triple(node, ox.NamedNode(predicate), obj)

    yield add(RDF_TYPE, ox.NamedNode(VOID + "Dataset"))
    yield add(RDF_TYPE, ox.NamedNode(DCAT + "Dataset"))
    for lang in sorted(TITLE):
        yield add(DCTERMS + "title", ox.Literal(TITLE[lang], language=lang))
        yield add(DCTERMS + "description", ox.Literal(DESCRIPTION[lang], language=lang))
    yield add(DCTERMS + "license", ox.NamedNode(LICENSE))
    for lang, text in sorted(RIGHTS[with_text].items()):
        yield add(DCTERMS + "rights", ox.Literal(text, language=lang))
    yield add(DCTERMS + "created", ox.Literal(created_date(), datatype=ox.NamedNode(XSD + "date")))
    yield add(DCAT + "version", ox.Literal(vnfa_version()))
    yield add(DCTERMS + "conformsTo", ox.NamedNode(ONTOLOGY))
    yield add(VOID + "uriSpace", ox.Literal(ID))
    if part_of:
        yield add(DCTERMS + "isPartOf", ox.NamedNode(part_of))
    for source in sorted(census.sources):
        yield add(DCTERMS + "source", ox.NamedNode(source))
    yield from _counts(node, census)


def _counts(node: ox.NamedNode, census: Census) -> Iterator[ox.Triple]:
    integer = ox.NamedNode(XSD + "integer")

    def number(value: int) -> ox.Literal:
        return ox.Literal(str(value), datatype=integer)

    yield ox.Triple(node, ox.NamedNode(VOID + "triples"), number(census.triples))
    yield ox.Triple(node, ox.NamedNode(VOID + "entities"), number(census.entities))
    yield ox.Triple(node, ox.NamedNode(VOID + "classes"), number(len(census.classes)))
    yield ox.Triple(node, ox.NamedNode(VOID + "properties"), number(len(census.properties)))
    terms = sorted(set(census.classes) | set(census.properties))
    for namespace in sorted({vocabulary(term) for term in terms}):
        yield ox.Triple(node, ox.NamedNode(VOID + "vocabulary"), ox.NamedNode(namespace))
    partitions = [(kind, term, value) for kind, counts in (("class", census.classes), ("property", census.properties))
                  for term, value in sorted(counts.items())]
    for kind, term, _ in partitions:
        yield ox.Triple(node, ox.NamedNode(f"{VOID}{kind}Partition"), partition_iri(node.value, kind, term))
    for kind, term, value in partitions:
        part = partition_iri(node.value, kind, term)
        yield ox.Triple(part, ox.NamedNode(VOID + kind), ox.NamedNode(term))
        yield ox.Triple(part, ox.NamedNode(VOID + ("entities" if kind == "class" else "triples")), number(value))
