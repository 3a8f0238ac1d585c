"""The vocabularies vnfa writes: its own terms (declared once, typos raise)
and the standard ones it reuses."""
from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDFS, DefinedNamespace

from ..errors import GraphError
from ..resources import data_path

BASE = "https://w3id.org/vnfa/"
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
WD = Namespace("http://www.wikidata.org/entity/")
ID = BASE + "id/"
ENTITIES_GRAPH = URIRef(ID + "graph/entities")  # every entity described once: gazetteers and articles
LEGACY_REFERENCE_GRAPH = URIRef(ID + "graph/reference")  # the old layout's gazetteer graph (vnfa migrate)


class VNFA(DefinedNamespace):
    """vnfa's own classes, properties and controlled terms."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Event: URIRef
    Visit: URIRef
    Reception: URIRef
    Talks: URIRef
    Meeting: URIRef
    PhoneCall: URIRef
    Seminar: URIRef
    Conference: URIRef
    Ceremony: URIRef
    Signing: URIRef
    OtherEvent: URIRef
    Encounter: URIRef
    Partnership: URIRef
    Span: URIRef
    Group: URIRef
    InternationalOrganization: URIRef
    EventType: URIRef
    PartnershipLevel: URIRef
    Title: URIRef
    # properties
    met: URIRef
    spokeAt: URIRef
    visited: URIRef
    partnerOf: URIRef
    participant: URIRef
    visitor: URIRef
    destination: URIRef
    speaker: URIRef
    side: URIRef
    atEvent: URIRef
    partner: URIRef
    level: URIRef
    status: URIRef
    asOf: URIRef
    evidence: URIRef
    start: URIRef
    end: URIRef
    quote: URIRef
    country: URIRef
    code: URIRef
    post: URIRef
    eventType: URIRef
    mentionedIn: URIRef
    byline: URIRef
    inferredDate: URIRef
    foreignAffairs: URIRef
    writtenAs: URIRef
    relevanceEvidence: URIRef
    # controlled terms
    current: URIRef
    former: URIRef
    visit: URIRef
    reception: URIRef
    talks: URIRef
    meeting: URIRef
    phone_call: URIRef
    seminar: URIRef
    conference: URIRef
    ceremony: URIRef
    signing: URIRef
    other: URIRef
    comprehensive_strategic: URIRef
    strategic: URIRef
    comprehensive: URIRef
    special: URIRef
    member: URIRef
    EventTypes: URIRef
    PartnershipLevels: URIRef
    Titles: URIRef


EVENT_CLASSES = {
    "visit": VNFA.Visit, "reception": VNFA.Reception, "talks": VNFA.Talks, "meeting": VNFA.Meeting,
    "phone_call": VNFA.PhoneCall, "seminar": VNFA.Seminar, "conference": VNFA.Conference,
    "ceremony": VNFA.Ceremony, "signing": VNFA.Signing, "other": VNFA.OtherEvent,
}
EVENT_TYPES = {name: VNFA[name] for name in EVENT_CLASSES}


@lru_cache(maxsize=1)
def event_labels() -> dict[str, tuple[str, str]]:
    """Event type -> the Vietnamese and English rdfs:label of its class in data/ontology/vnfa.ttl.

    >>> event_labels()["talks"]
    ('Hội đàm', 'Talks')
    """
    ontology = Graph().parse(data_path("ontology", "vnfa.ttl"), format="turtle")
    return {name: (_label(ontology, iri, "vi"), _label(ontology, iri, "en")) for name, iri in EVENT_CLASSES.items()}


def _label(ontology: Graph, iri: URIRef, language: str) -> str:
    found = [str(o) for o in ontology.objects(iri, RDFS.label) if isinstance(o, Literal) and o.language == language]
    if not found:
        raise GraphError(f"data/ontology/vnfa.ttl gives {iri} no rdfs:label @{language}: add one")
    return found[0]
LEVELS = {name: VNFA[name] for name in ("comprehensive_strategic", "strategic", "comprehensive", "special", "member")}
PREFIXES = {"vnfa": str(VNFA._NS), "org": str(ORG), "schema": str(SCHEMA), "prov": str(PROV), "wd": str(WD),
            "id": BASE + "id/", "skos": "http://www.w3.org/2004/02/skos/core#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "http://www.w3.org/2002/07/owl#",
            "xsd": "http://www.w3.org/2001/XMLSchema#", "dcterms": "http://purl.org/dc/terms/"}
