"""The RDF formats vnfa exports: name -> rdflib's serialiser, Oxigraph's, whether it keeps named
graphs, the file suffix. Light to import (no rdflib): the command line's -f choices come from here."""
from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from ..errors import GraphError


@dataclass(frozen=True)
class Format:
    rdflib: str  # rdflib's serializer name
    native: ox.RdfFormat  # Oxigraph's serialiser
    quads: bool  # keeps named graphs (and does so unless asked for the union)
    suffix: str


FORMATS = {
    "turtle": Format("turtle", ox.RdfFormat.TURTLE, False, ".ttl"),
    "nt": Format("nt", ox.RdfFormat.N_TRIPLES, False, ".nt"),
    "nquads": Format("nquads", ox.RdfFormat.N_QUADS, True, ".nq"),
    "trig": Format("trig", ox.RdfFormat.TRIG, True, ".trig"),
    "jsonld": Format("json-ld", ox.RdfFormat.JSON_LD, False, ".jsonld"),
    "xml": Format("xml", ox.RdfFormat.RDF_XML, False, ".rdf"),
}
SUFFIXES = {name: spec.suffix for name, spec in FORMATS.items()}


def format_spec(fmt: str) -> Format:
    if fmt not in FORMATS:
        raise GraphError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    return FORMATS[fmt]
