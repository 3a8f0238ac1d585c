"""Facts -> RDF: stable IRIs, labels in Vietnamese and English, and for
every fact the article and character span it comes from.

What an article says (memberships, events, encounters, partnerships, the
shortcut triples, evidence) goes into one graph named by the article's IRI,
so that ingesting the article again replaces exactly its facts. What an
entity *is* (type, names, labels, codes, owl:sameAs: ``is_entity_triple``)
goes once into the shared entities graph, written with set semantics, so
that a query without ``GRAPH`` meets each name once however many articles
mention the person.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import PurePath

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from ..records import Extraction, Role
from ..text.lexicon import Lexicon, load_lexicon
from ..text.normalise import slug
from .partition import nquads, split_entities
from .vocab import ENTITIES_GRAPH, EVENT_CLASSES, EVENT_TYPES, ID, LEVELS, ORG, PROV, SCHEMA, VNFA, WD

VIETNAM = URIRef(ID + "country/VN")
_DATE_TYPES = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}
def article_iri(doc_id: str) -> URIRef:
    """The article's IRI (also the name of its graph): the id when it is already a slug."""
    name = slug(doc_id)
    if name != doc_id.lower():
        name += "-" + hashlib.sha1(doc_id.encode()).hexdigest()[:8]
    return URIRef(f"{ID}article/{name}")


def person_iri(name: str) -> URIRef:
    return URIRef(f"{ID}person/{slug(name)}")


def country_iri(code: str, lexicon: Lexicon) -> URIRef:
    entry = lexicon.countries.get(code)
    kind = "intl" if entry is not None and entry.kind == "intl" else "country"
    return URIRef(f"{ID}{kind}/{code}")


def date_literal(value: str | None) -> Literal | None:
    """'2024-09-17', '2017-01', '2006', '--06-14', '--11' as typed XSD literals."""
    if not value:
        return None
    if value.startswith("--"):
        return Literal(value, datatype=XSD.gMonthDay if len(value) == 7 else XSD.gMonth)
    return Literal(value, datatype=_DATE_TYPES.get(len(value), XSD.string))


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:12]


class _Builder:
    def __init__(self, extraction: Extraction, lexicon: Lexicon) -> None:
        self.x = extraction
        self.lexicon = lexicon
        self.article = article_iri(extraction.article.doc_id)
        self.triples: set[tuple] = set()  # a plain set: an rdflib Graph costs as much as extraction
        self.add = self.triples.add

    def named(self, node: URIRef, predicate: URIRef, base: str, kind: URIRef, name: str, span) -> None:
        """An entity known only by its Vietnamese name (an event's place, its organiser), linked from ``node``."""
        entity = URIRef(f"{base}{slug(name)}")
        self.add((entity, RDF.type, kind))
        self.add((entity, SCHEMA.name, Literal(name, lang="vi")))
        self.add((node, predicate, entity))
        self.evidence(entity, span)

    def evidence(self, node: URIRef, span: tuple[int, int]) -> None:
        start, end = span
        quote = self.x.article.text[start:end]
        span_node = URIRef(f"{self.article}#char={start},{end}")
        self.add((node, PROV.wasDerivedFrom, self.article))
        self.add((node, VNFA.evidence, span_node))
        self.add((span_node, RDF.type, VNFA.Span))
        self.add((span_node, VNFA.start, Literal(start)))
        self.add((span_node, VNFA.end, Literal(end)))
        self.add((span_node, VNFA.quote, Literal(quote)))

    def agent(self, name: str, span: tuple[int, int] | None = None) -> URIRef:
        """A person, or a side with no named person (a delegation, a community)."""
        if name in self.x.persons:
            return person_iri(name)
        node = URIRef(f"{ID}group/{slug(name)}")
        self.add((node, RDF.type, VNFA.Group))
        self.add((node, SCHEMA.name, Literal(name, lang="vi")))
        if span is not None:
            self.evidence(node, span)
        return node

    def country(self, code: str) -> URIRef:
        node = country_iri(code, self.lexicon)
        entry = self.lexicon.countries.get(code)
        self.add((node, RDF.type, VNFA.InternationalOrganization if entry and entry.kind == "intl"
                  else SCHEMA.Country))
        self.add((node, VNFA.code, Literal(code)))
        if entry is not None:
            self.add((node, SCHEMA.name, Literal(entry.name, lang="vi")))
            if entry.get("wikidata"):
                self.add((node, OWL.sameAs, WD[entry.get("wikidata")]))
        return node

    def build(self) -> set[tuple]:
        self.article_node()
        for name, span in self.x.persons.items():
            self.person(name, span)
        for role in self.x.roles:
            self.role(role)
        events = {event.key: self.event(event) for event in self.x.events}
        for meeting in self.x.meetings:
            self.meeting(meeting, events)
        for visit in self.x.visits:
            self.add((person_iri(visit.person), VNFA.visited, self.country(visit.country)))
        for partner in self.x.partners:
            self.partner(partner)
        return self.triples

    def article_node(self) -> None:
        a = self.x.article
        self.add((self.article, RDF.type, SCHEMA.NewsArticle))
        self.add((self.article, SCHEMA.identifier, Literal(a.doc_id)))
        if a.title:
            self.add((self.article, SCHEMA.headline, Literal(a.title, lang="vi")))
        if a.published:
            self.add((self.article, SCHEMA.datePublished, date_literal(a.published)))
        if a.url:
            self.add((self.article, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))
        if a.source:
            self.add((self.article, PROV.hadPrimarySource, Literal(PurePath(a.source).name)))  # same on every machine
        self.add((self.article, SCHEMA.text, Literal(a.text)))
        for author in a.authors:
            self.add((self.article, VNFA.byline, Literal(author)))

    def person(self, name: str, span: tuple[int, int]) -> None:
        node = person_iri(name)
        self.add((node, RDF.type, SCHEMA.Person))
        self.add((node, SCHEMA.name, Literal(name, lang="vi")))
        self.add((node, RDFS.label, Literal(name, lang="vi")))
        self.add((node, VNFA.mentionedIn, self.article))
        entry = _known_person(name, self.lexicon)
        if entry is not None and entry.get("wikidata"):
            self.add((node, OWL.sameAs, WD[entry.get("wikidata")]))
        self.evidence(node, span)

    def organisation(self, role: Role) -> URIRef:
        """The post's organisation: one node per gazetteer body however it is written ("LHQ" is the UN)."""
        entry = self.lexicon.countries.get(role.org_key or "")
        if entry is not None and entry.kind == "intl":
            return self.country(role.org_key)
        suffix = f"--{role.country}" if role.country else ""  # Vietnam's Bộ Ngoại giao is not China's
        return URIRef(f"{ID}org/{slug(role.org)}{suffix}")

    def role(self, role: Role) -> None:
        person = person_iri(role.person)
        title = URIRef(f"{ID}title/{slug(role.title)}")
        self.add((title, RDF.type, SKOS.Concept))
        self.add((title, RDF.type, VNFA.Title))
        self.add((title, SKOS.inScheme, VNFA.Titles))
        self.add((title, SKOS.prefLabel, Literal(role.title, lang="vi")))
        if role.title_en:
            self.add((title, SKOS.prefLabel, Literal(role.title_en, lang="en")))
        org = self.organisation(role) if role.org else None
        country = self.country(role.country) if role.country else None
        post = URIRef(f"{ID}post/{slug(role.title)}--{slug(role.org or '')}--{role.country or ''}")
        self.add((post, RDF.type, ORG.Post))
        self.add((post, ORG.role, title))
        label = " ".join(p for p in (role.title, role.org) if p)
        self.add((post, RDFS.label, Literal(label, lang="vi")))
        if org is not None:
            self.add((org, RDF.type, ORG.Organization))
            if not any(t[0] == org and t[1] == VNFA.code for t in self.triples):  # an int. organisation is named
                self.add((org, SCHEMA.name, Literal(role.org, lang="vi")))
            self.add((post, ORG.postIn, org))
            self.evidence(org, role.span)
        self.evidence(post, role.span)
        if country is not None:
            self.add((post, VNFA.country, country))
        self.add((person, ORG.holds, post))
        membership = URIRef(f"{ID}membership/{_hash(self.article, role.person, role.title, role.org)}")
        self.add((membership, RDF.type, ORG.Membership))
        self.add((membership, ORG.member, person))
        self.add((membership, ORG.role, title))
        self.add((membership, VNFA.post, post))
        if org is not None:
            self.add((membership, ORG.organization, org))
        if country is not None:
            self.add((membership, VNFA.country, country))
        self.add((membership, VNFA.status, VNFA.former if role.status == "former" else VNFA.current))
        as_of = self.as_of(role)
        if as_of is not None:
            self.add((membership, VNFA.asOf, as_of))
        self.evidence(membership, role.span)

    def as_of(self, role: Role) -> Literal | None:
        """When the text shows the post held: the full date of the event it is told in, else the article's."""
        start, end = role.span
        for event in self.x.events:
            if event.date and len(event.date) == 10 and event.span[0] <= start and end <= event.span[1]:
                return date_literal(event.date)
        return date_literal(self.x.article.published)

    def event(self, event) -> URIRef:
        node = URIRef(f"{ID}event/{slug(self.x.article.doc_id)}/{event.key}-{event.type}")
        self.add((node, RDF.type, EVENT_CLASSES[event.type]))
        self.add((node, RDF.type, VNFA.Event))
        self.add((node, VNFA.eventType, EVENT_TYPES[event.type]))
        if event.name:
            self.add((node, SCHEMA.name, Literal(event.name, lang="vi")))
        if event.date:
            self.add((node, SCHEMA.startDate, date_literal(event.date)))
        if event.place:
            self.named(node, SCHEMA.location, f"{ID}place/", SCHEMA.Place, event.place, event.span)
        if event.organizer:
            self.named(node, SCHEMA.organizer, f"{ID}org/", ORG.Organization, event.organizer, event.span)
        for name in event.participants:
            self.add((node, VNFA.participant, self.agent(name, event.span)))
        for name in event.speakers:
            self.add((node, VNFA.speaker, person_iri(name)))
            self.add((person_iri(name), VNFA.spokeAt, node))
        for visit in self.x.visits:
            if visit.event == event.key:
                self.add((node, VNFA.visitor, person_iri(visit.person)))
                self.add((node, VNFA.destination, self.country(visit.country)))
        self.evidence(node, event.span)
        return node

    def meeting(self, meeting, events: dict[str, URIRef]) -> None:
        a, b = (self.agent(name, meeting.span) for name in meeting.participants)
        node = URIRef(f"{ID}encounter/{slug(self.x.article.doc_id)}/{_hash(*sorted(map(str, (a, b))), meeting.event)}")
        self.add((node, RDF.type, VNFA.Encounter))
        self.add((node, VNFA.side, a))
        self.add((node, VNFA.side, b))
        self.add((node, VNFA.atEvent, events[meeting.event]))
        self.add((a, VNFA.met, b))
        self.add((b, VNFA.met, a))
        self.evidence(node, meeting.span)

    def partner(self, partner) -> None:
        node = URIRef(f"{ID}partnership/{slug(self.x.article.doc_id)}/{partner.code}")
        country = self.country(partner.code)
        self.add((node, RDF.type, VNFA.Partnership))
        self.add((node, VNFA.partner, country))
        if partner.level:
            self.add((node, VNFA.level, LEVELS[partner.level]))
        self.add((country, VNFA.partnerOf, VIETNAM))
        self.evidence(node, partner.span)


def _known_person(name: str, lexicon: Lexicon):
    from ..text.normalise import tokenize

    tokens = tokenize(name)
    match = lexicon.phrases.match_at(tokens, 0, frozenset({"person"})) if tokens else None
    return match.entry if match is not None and match.end == len(tokens) else None


def relevance_triples(doc_id: str, relevant: bool, evidence: Iterable[str] = ()) -> set[tuple]:
    """The relevance gate's judgement on an article (graph/extract/relevance.py), for its named graph."""
    article = article_iri(doc_id)
    triples = {(article, VNFA.foreignAffairs, Literal(relevant))}
    return triples | {(article, VNFA.relevanceEvidence, Literal(line)) for line in evidence}


def to_graph(extraction: Extraction, lexicon: Lexicon | None = None, extra: Iterable[tuple] = ()) -> Graph:
    """Everything one article yields, its facts and the entities it describes, in one graph (to check
    and inspect; the store keeps the entity triples apart: ``to_nquads``); ``extra`` adds triples
    about the article (the relevance judgement)."""
    graph = Graph(identifier=article_iri(extraction.article.doc_id))
    for triple in _Builder(extraction, lexicon or load_lexicon()).build() | set(extra):
        graph.add(triple)
    return graph


def to_nquads(extraction: Extraction, lexicon: Lexicon | None = None,
              extra: Iterable[tuple] = ()) -> tuple[str, str, int]:
    """(article graph IRI, N-Quads text, quad count) of one article, without building an rdflib Graph:
    its own facts (and ``extra``) in its graph, then the entities it describes in the entities graph."""
    name = article_iri(extraction.article.doc_id)
    own, shared = split_entities(_Builder(extraction, lexicon or load_lexicon()).build() | set(extra))
    return str(name), nquads(own, name) + nquads(shared, ENTITIES_GRAPH), len(own) + len(shared)


def reference_graph(lexicon: Lexicon | None = None) -> Graph:
    """Countries, international organisations and titles from the gazetteers, with Wikidata links:
    the part of the entities graph that no article needs to mention."""
    lexicon = lexicon or load_lexicon()
    graph = Graph(identifier=ENTITIES_GRAPH)
    for code, entry in lexicon.countries.items():
        node = country_iri(code, lexicon)
        graph.add((node, RDF.type, VNFA.InternationalOrganization if entry.kind == "intl" else SCHEMA.Country))
        graph.add((node, VNFA.code, Literal(code)))
        graph.add((node, SCHEMA.name, Literal(entry.name, lang="vi")))
        graph.add((node, RDFS.label, Literal(entry.name, lang="vi")))
        if entry.get("name_en"):
            graph.add((node, SCHEMA.name, Literal(entry.get("name_en"), lang="en")))
            graph.add((node, RDFS.label, Literal(entry.get("name_en"), lang="en")))
        if entry.get("wikidata"):
            graph.add((node, OWL.sameAs, WD[entry.get("wikidata")]))
    for entry in lexicon.titles.values():
        node = URIRef(f"{ID}title/{slug(entry.name)}")
        graph.add((node, RDF.type, SKOS.Concept))
        graph.add((node, RDF.type, VNFA.Title))
        graph.add((node, SKOS.inScheme, VNFA.Titles))
        graph.add((node, SKOS.prefLabel, Literal(entry.name, lang="vi")))
        if entry.get("title_en"):
            graph.add((node, SKOS.prefLabel, Literal(entry.get("title_en"), lang="en")))
    return graph
