"""Compact JSON-LD, streamed: one ``@context`` of prefixes, then a ``@graph`` of node objects, one per
subject, with compact IRIs ("schema:name", "id:person/to-lam") and plain strings for plain literals.

The triples must come grouped by subject (as export.union_triples and graph_triples give them), so
that only one subject's node object is held at a time.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import IO

import pyoxigraph as ox

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def compact(iri: str, prefixes: dict[str, str]) -> str:
    """``schema:name`` for ``https://schema.org/name``: the longest prefix that fits, else the IRI.

    >>> compact("https://schema.org/name", {"schema": "https://schema.org/"})
    'schema:name'
    >>> compact("urn:x:y", {"schema": "https://schema.org/"})
    'urn:x:y'
    """
    for prefix, namespace in sorted(prefixes.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _term(term, prefixes: dict[str, str]):
    if isinstance(term, ox.NamedNode):
        return {"@id": compact(term.value, prefixes)}
    if isinstance(term, ox.BlankNode):
        return {"@id": f"_:{term.value}"}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == XSD_STRING:
        return term.value
    return {"@value": term.value, "@type": compact(term.datatype.value, prefixes)}


def _subject(term, prefixes: dict[str, str]) -> str:
    return f"_:{term.value}" if isinstance(term, ox.BlankNode) else compact(term.value, prefixes)


def node_objects(triples: Iterable[ox.Triple], prefixes: dict[str, str]) -> Iterator[dict]:
    """One JSON-LD node object per run of triples with the same subject."""
    for subject, group in groupby(triples, key=lambda t: t.subject):
        node: dict = {"@id": _subject(subject, prefixes)}
        for triple in group:
            if triple.predicate.value == RDF_TYPE and isinstance(triple.object, ox.NamedNode):
                node.setdefault("@type", []).append(compact(triple.object.value, prefixes))
            else:
                node.setdefault(compact(triple.predicate.value, prefixes), []).append(_term(triple.object, prefixes))
        yield node


def write_jsonld(triples: Iterable[ox.Triple], out: IO[bytes], prefixes: dict[str, str]) -> None:
    """Write compact JSON-LD with a ``@context`` of the prefixes."""
    out.write(b'{"@context": ' + json.dumps(prefixes, sort_keys=True).encode() + b',\n "@graph": [')
    for index, node in enumerate(node_objects(triples, prefixes)):
        out.write((",\n  " if index else "\n  ").encode() + json.dumps(node, ensure_ascii=False).encode("utf-8"))
    out.write(b"\n]}\n")
