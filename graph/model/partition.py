"""Which triples say what an entity *is* (type, names, labels, codes, owl:sameAs, a post's role and
organisation), kept once in the entities graph, and which say what an article reports (memberships,
events, encounters, partnerships, shortcut triples, evidence), kept in the article's own graph.
One rule, used by the write path (vnfa.model.build) and by ``vnfa migrate`` (vnfa.ingest.entities).
"""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.plugins.serializers.nt import _nt_row

from .vocab import ID, ORG, SCHEMA, VNFA

ENTITY_KINDS = ("person", "group", "org", "post", "place", "title", "country", "intl")  # id/<kind>/...
ENTITY_PREFIXES = tuple(f"{ID}{kind}/" for kind in ENTITY_KINDS)
ENTITY_PREDICATES = frozenset({RDF.type, SCHEMA.name, RDFS.label, OWL.sameAs, VNFA.code, SKOS.prefLabel,
                               SKOS.inScheme, ORG.role, ORG.postIn, VNFA.country})


def is_entity_triple(triple: tuple) -> bool:
    """What an entity is (not what an article says about it): these live in the entities graph."""
    subject, predicate, _ = triple
    return predicate in ENTITY_PREDICATES and str(subject).startswith(ENTITY_PREFIXES)


NAMING = frozenset({SCHEMA.name, SKOS.prefLabel})  # an entity's names, kept as the article writes them too


def split_entities(triples: Iterable[tuple]) -> tuple[list[tuple], list[tuple]]:
    """(the article's own triples, the entity triples) of an article's triples. The article keeps each
    name it gives an entity as ``vnfa:writtenAs``: the entities graph holds every article's spellings."""
    own: list[tuple] = []
    shared: list[tuple] = []
    for triple in triples:
        if not is_entity_triple(triple):
            own.append(triple)
            continue
        shared.append(triple)
        if triple[1] in NAMING:
            own.append((triple[0], VNFA.writtenAs, triple[2]))
    return own, shared


def nquads(triples: Iterable[tuple], graph: URIRef) -> str:
    """Triples as N-Quads text in ``graph``, in rdflib's own N-Triples form of each triple."""
    suffix = f" {graph.n3()} .\n"
    return "".join(row[: row.rfind(" .")] + suffix for row in map(_nt_row, triples))
