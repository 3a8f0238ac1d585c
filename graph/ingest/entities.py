"""Upkeep of the entities graph: removing entities no article mentions any
more (``gc``), and converting a store written in the old layout, where every
article graph restated its entities, into the current one (``migrate``).

Both run as SPARQL (Update) through vnfa.store.open's small interface, so they
work on the embedded store and on a SPARQL server alike.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable

from rdflib import Dataset, Graph, URIRef

from ..errors import StoreError
from ..model.vocab import ENTITIES_GRAPH, LEGACY_REFERENCE_GRAPH
from ..store.open import add_graph, backend, drop_graph, write_batch

MIGRATE_BATCH = 200  # articles per transaction
_E = ENTITIES_GRAPH.n3()
COUNT_ENTITIES = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {_E} {{ ?s ?p ?o }} }}"
HAS_ARTICLES = "ASK { GRAPH ?g { ?a a <https://schema.org/NewsArticle> } }"
UNMENTIONED = f"""DELETE {{ GRAPH {_E} {{ ?s ?p ?o }} }} WHERE {{
  GRAPH {_E} {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?q ?x }} FILTER(?g != {_E}) }}
  FILTER NOT EXISTS {{ GRAPH ?h {{ ?y ?r ?s }} FILTER(?h != {_E}) }}
}}"""


def entity_count(dataset: Dataset) -> int:
    return int(next(iter(dataset.query(COUNT_ENTITIES)))[0])


def has_articles(dataset: Dataset) -> bool:
    return bool(dataset.query(HAS_ARTICLES).askAnswer)


def gc(dataset: Dataset) -> int:
    """Remove from the entities graph every entity no article graph mentions (as subject or object),
    then restore the gazetteers' entities; returns how many triples went."""
    from ..model.build import reference_graph

    before = entity_count(dataset)
    backend(dataset).run_update(UNMENTIONED)
    add_graph(dataset, reference_graph())
    return before - entity_count(dataset)


def is_old_layout(dataset: Dataset) -> bool:
    return backend(dataset).has_graph(LEGACY_REFERENCE_GRAPH)


def migrate(dataset: Dataset, *, progress: bool = False) -> int:
    """Move the entity triples of every article graph into the entities graph (the article keeping
    the names it gives as vnfa:writtenAs), then the old reference graph; returns the articles moved.
    Idempotent: an interrupted migration is finished by running it again."""
    from tqdm import tqdm

    store = backend(dataset)
    if not is_old_layout(dataset):
        raise StoreError("the store is already in the current layout; nothing to migrate")
    names = [g for g in store.graph_names() if g not in (LEGACY_REFERENCE_GRAPH, ENTITIES_GRAPH)]
    batch: list[tuple[str, str]] = []
    for name in tqdm(names, desc="migrate", unit=" articles", disable=not progress, file=sys.stderr):
        batch.append(_relaid(name, store.graph_triples(name)))
        if len(batch) >= MIGRATE_BATCH:
            write_batch(dataset, batch)
            batch = []
    write_batch(dataset, batch)
    _move_reference(dataset)
    return len(names)


def _relaid(name: URIRef, triples: Iterable[tuple]) -> tuple[str, str]:
    """One old article graph as a batch item of the current layout."""
    from ..model.partition import nquads, split_entities

    own, shared = split_entities(triples)
    return str(name), nquads(own, name) + nquads(shared, ENTITIES_GRAPH)


def _move_reference(dataset: Dataset) -> None:
    """The old reference graph's triples (and today's gazetteers) into the entities graph, last: until
    then the store still reads as old, so an interrupted migration is run again."""
    from ..model.build import reference_graph

    old = Graph(identifier=ENTITIES_GRAPH)
    for triple in backend(dataset).graph_triples(LEGACY_REFERENCE_GRAPH):
        old.add(triple)
    add_graph(dataset, old)
    add_graph(dataset, reference_graph())
    drop_graph(dataset, LEGACY_REFERENCE_GRAPH)
