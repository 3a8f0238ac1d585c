"""The store as standard RDF files: Turtle, N-Triples, N-Quads, TriG,
JSON-LD, RDF/XML, with a VoID/DCAT description of what was written.

On the embedded store everything streams through Oxigraph's own
serialisers: named graphs with ``Store.dump``; the union triple by triple,
subject after subject, each triple once even when several articles state
it (only one subject's triples are held at a time, never a second copy of
the store). Other backends go through rdflib.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from typing import IO

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef

from ..errors import GraphError
from ..store.open import backend
from .jsonld import write_jsonld
from .output import written_to
from .registry import FORMATS, Format, format_spec
from .void import DATASET, DESCRIPTION_PREFIXES, ONTOLOGY, WRITE_PREFIXES, Census, census_of_store, describe

ALL_SUBJECTS = "SELECT DISTINCT ?s WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
TEXT = ox.NamedNode("https://schema.org/text")  # an article's full text: its publisher's, left out by default


def export(dataset: Dataset, fmt: str, out: IO[bytes], graph: URIRef | None = None, *,
           named_graphs: bool | None = None, description: bool = False, with_text: bool = False) -> Census | None:
    """Write the store (or one article's graph) to a binary stream; returns its counts.

    ``named_graphs`` None: N-Quads and TriG keep the graphs, the other formats
    write the union; True or False forces one or the other. ``description``
    adds the VoID/DCAT description (in the default graph when graphs are kept).
    ``with_text`` keeps each article's full text (schema:text), which belongs to
    its publisher; without it, the evidence quotes stay.
    """
    spec = format_spec(fmt)
    keep = spec.quads if named_graphs is None else named_graphs
    if keep and not spec.quads:
        raise GraphError(f"{fmt} cannot keep named graphs; use -f nquads or -f trig")
    keep = keep and graph is None
    if graph is not None and not backend(dataset).has_graph(graph):
        raise GraphError(f"no graph {graph} in the store; check the article id or ingest the article first")
    store = native_store(dataset)
    if store is None:
        return _export_with_rdflib(dataset, fmt, out, graph, keep, description, with_text)
    if keep:
        return _dump_named(store, spec, out, description, with_text)
    triples = union_triples(store) if graph is None else graph_triples(store, graph)
    return _serialize(triples if with_text else without_text(triples), spec, out, graph, description, with_text)


def without_text(items: Iterable) -> Iterator:
    """Triples or quads, less the articles' full texts."""
    return (item for item in items if item.predicate != TEXT)


def native_store(dataset: Dataset) -> ox.Store | None:
    """The Oxigraph store under an embedded dataset; None for other backends."""
    inner = getattr(dataset.store, "_inner", None)
    return inner if isinstance(inner, ox.Store) else None


def union_triples(store: ox.Store) -> Iterator[ox.Triple]:
    """Every triple of every graph once, grouped by subject; holds one subject's triples at a time."""
    for (subject,) in store.query(ALL_SUBJECTS):
        seen: set[ox.Triple] = set()
        for quad in store.quads_for_pattern(subject, None, None, None):
            triple = quad.triple
            if triple not in seen:
                seen.add(triple)
                yield triple


def graph_triples(store: ox.Store, graph: URIRef) -> Iterator[ox.Triple]:
    """The triples of one named graph, grouped by subject (the store's graph-subject order)."""
    return (quad.triple for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(str(graph))))


def dataset_iri(graph: URIRef | None) -> tuple[str, str | None]:
    """The described dataset's IRI, and the whole dataset's when it is one article's graph."""
    if graph is None:
        return DATASET, None
    return f"{DATASET}/{str(graph).rsplit('/id/', 1)[-1]}", DATASET


def _serialize(triples, spec: Format, out: IO[bytes], graph: URIRef | None, description: bool,
               with_text: bool) -> Census:
    """Stream the triples, then their description (computed as they went by)."""
    census = Census()
    iri, part_of = dataset_iri(graph)
    about = _lazy(lambda: describe(census, iri, part_of, with_text=with_text)) if description else ()
    if spec.native == ox.RdfFormat.JSON_LD:
        write_jsonld(chain(census.count(triples), about), out, DESCRIPTION_PREFIXES)
    else:
        ox.serialize(chain(census.count(triples), about), out, spec.native, prefixes=WRITE_PREFIXES)
    return census


def _lazy(make) -> Iterator:
    """An iterator that calls ``make`` only when first read (after the data went by)."""
    yield from make()


def _dump_named(store: ox.Store, spec: Format, out: IO[bytes], description: bool,
                with_text: bool) -> Census | None:
    """Every named graph as it is (less the texts unless ``with_text``), then the description in the
    default graph."""
    prefixes = WRITE_PREFIXES if spec.native != ox.RdfFormat.N_QUADS else None
    if with_text:
        store.dump(out, spec.native, prefixes=prefixes)
    else:
        ox.serialize(without_text(store.quads_for_pattern(None, None, None, None)), out, spec.native,
                     prefixes=prefixes)
    return _describe_store(store.query, spec, out, with_text) if description else None


def _describe_store(select, spec: Format, out: IO[bytes], with_text: bool) -> Census:
    census = census_of_store(select)
    if not with_text:
        census.triples -= census.properties.pop(TEXT.value, 0)
    ox.serialize(describe(census, with_text=with_text), out, spec.native, prefixes=WRITE_PREFIXES)
    return census


def _export_with_rdflib(dataset: Dataset, fmt: str, out: IO[bytes], graph: URIRef | None, keep: bool,
                        description: bool, with_text: bool) -> Census | None:
    """Backends without Oxigraph: named graphs through their own dump, the union through rdflib."""
    from oxrdflib._converter import to_ox

    spec = FORMATS[fmt]
    if keep and with_text:
        backend(dataset).dump(out, fmt, WRITE_PREFIXES)
    elif keep:
        store = backend(dataset)
        quads = (ox.Quad(to_ox(s), to_ox(p), to_ox(o), ox.NamedNode(str(name)))
                 for name in store.graph_names() for s, p, o in store.graph_triples(name))
        ox.serialize(without_text(quads), out, spec.native,
                     prefixes=WRITE_PREFIXES if spec.native != ox.RdfFormat.N_QUADS else None)
    if keep:
        return _describe_store(dataset.query, spec, out, with_text) if description else None
    union = Graph()
    union += backend(dataset).graph_triples(graph)
    triples = (ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in sorted(union))
    return _serialize(triples if with_text else without_text(triples), spec, out, graph, description, with_text)


def ontology_graph() -> Graph:
    """vnfa's ontology (data/ontology/vnfa.ttl) with the title scheme made from the titles gazetteer."""
    from rdflib.namespace import SKOS

    from ..model.build import reference_graph
    from ..model.vocab import PREFIXES, VNFA
    from ..resources import data_path

    ontology = Graph()
    for prefix, namespace in PREFIXES.items():
        ontology.bind(prefix, namespace)
    ontology.parse(data_path("ontology", "vnfa.ttl"), format="turtle")
    reference = reference_graph()
    for title in set(reference.subjects(SKOS.inScheme, VNFA.Titles)):
        ontology += reference.triples((title, None, None))
    return ontology


def export_ontology(fmt: str, out: IO[bytes]) -> int:
    """Write the ontology (in quad formats, as the graph named by the ontology's IRI); returns its size."""
    spec = format_spec(fmt)
    ontology = ontology_graph()
    if spec.quads:
        quads = Dataset()
        quads.graph(URIRef(ONTOLOGY)).__iadd__(ontology)
        out.write(quads.serialize(format=spec.rdflib, encoding="utf-8"))
    else:
        out.write(ontology.serialize(format=spec.rdflib, encoding="utf-8"))
    return len(ontology)


def export_store(location: str | None, fmt: str, output: str, article: str | None = None, *,
                 named_graphs: bool | None = None, ontology: bool = False, description: bool = True,
                 with_text: bool = False) -> None:
    """``vnfa export``: the store at ``location`` (or one article's graph, or the ontology) to ``output``."""
    from ..model.build import article_iri
    from ..store.open import opened

    if ontology:
        with written_to(output) as out:
            export_ontology(fmt, out)
        return
    with opened(location, create=False) as dataset, written_to(output) as out:
        export(dataset, fmt, out, article_iri(article) if article else None, named_graphs=named_graphs,
               description=description, with_text=with_text)
