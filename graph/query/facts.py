"""The SPEC facts view (one JSON object per article), read back from the
store by SPARQL: a fact not in the graph is not in the facts.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from rdflib import Dataset, URIRef

from ..model.vocab import ENTITIES_GRAPH, VNFA
from ..resources import data_path
from ..store.open import graph_names

KINDS = ("article", "persons", "roles", "events", "speakers", "meetings", "visits", "partners")


@cache
def _query(kind: str) -> str:
    return data_path("queries", "facts", f"{kind}.rq").read_text(encoding="utf-8")


def _rows(dataset: Dataset, kind: str, graph: URIRef) -> list[dict[str, str | None]]:
    result = dataset.query(_query(kind), initBindings={"g": graph})
    return [{str(var): (None if row[var] is None else str(row[var])) for var in result.vars} for row in result]


def _local(iri: str | None) -> str | None:
    return iri.rsplit("#", 1)[-1] if iri else None


def empty_facts(doc: str, published: str | None, authors: Iterable[str] = ()) -> dict:
    """The facts line of an article not about foreign affairs: its header, every list empty."""
    lists = {kind: [] for kind in KINDS[1:]}
    return {"doc": doc, "published": published, **lists, "authors": sorted(set(authors))}


def article_facts(dataset: Dataset, graph: URIRef) -> dict:
    """The facts of one article's graph (none when it is judged not foreign affairs)."""
    header = _rows(dataset, "article", graph)
    doc = header[0]["id"] if header else str(graph)
    if header and header[0]["relevant"] == "false":
        return empty_facts(doc, header[0]["published"], (r["author"] for r in header if r["author"]))
    events = _rows(dataset, "events", graph)
    keys = {event: f"e{n}" for n, event in enumerate(dict.fromkeys(r["event"] for r in events), 1)}
    seen_events: set[str] = set()
    event_items = []
    for row in events:
        if row["event"] in seen_events:
            continue
        seen_events.add(row["event"])
        event_items.append({"id": keys[row["event"]], "type": _local(row["type"]), "date": row["date"],
                            "place": row["place"], "organizer": row["organizer"], "name": row["name"]})
    roles = []
    for row in _rows(dataset, "roles", graph):
        role = {"person": row["person"], "title": row["title"], "org": row["org"], "country": row["country"]}
        if row["status"] == str(VNFA.former):
            role["status"] = "former"
        if role not in roles:
            roles.append(role)
    return {
        "doc": doc,
        "published": header[0]["published"] if header else None,
        "persons": list(dict.fromkeys(r["name"] for r in _rows(dataset, "persons", graph))),
        "roles": roles,
        "events": event_items,
        "speakers": [{"person": r["person"], "event": keys.get(r["event"])} for r in _rows(dataset, "speakers", graph)],
        "meetings": [{"participants": [r["a"], r["b"]], "type": _local(r["type"]), "event": keys.get(r["event"])}
                     for r in _rows(dataset, "meetings", graph)],
        "visits": [{"person": r["person"], "country": r["country"]} for r in _rows(dataset, "visits", graph)],
        "partners": [{"partner": r["partner"], "level": _local(r["level"])} for r in _rows(dataset, "partners", graph)],
        "authors": sorted({r["author"] for r in header if r["author"]}),
    }


def all_facts(dataset: Dataset, graphs: list[URIRef] | None = None) -> list[dict]:
    """Facts of the given article graphs (all articles by default), in graph order."""
    names = graphs if graphs is not None else [g for g in graph_names(dataset) if g != ENTITIES_GRAPH]
    return [article_facts(dataset, name) for name in names]


def facts_lines(dataset: Dataset, doc_ids: list[str] | None = None, left_out: dict | None = None) -> list[str]:
    """JSON lines of the facts of ``doc_ids`` (all articles by default), then of the articles
    ``left_out`` as not foreign affairs (doc id -> pipeline.Header), with empty lists."""
    import json

    from ..model.build import article_iri

    graphs = [article_iri(d) for d in doc_ids] if doc_ids is not None else None
    facts = all_facts(dataset, graphs)
    facts += [empty_facts(doc, h.published, h.authors) for doc, h in (left_out or {}).items()]
    return [json.dumps(f, ensure_ascii=False) for f in facts]


def facts_of(paths: tuple[str, ...], location: str | None, *, progress: bool = True, all_topics: bool = False):
    """``vnfa facts``: the JSON lines of PATHs (ingested into a temporary store) or of the store at
    ``location``, and the ingest's report (None for the store)."""
    from ..build import store_for

    with store_for(paths, location, progress=progress, all_topics=all_topics) as (dataset, report):
        lines = facts_lines(dataset, report.ingested if report else None, report.left_out if report else None)
    return lines, report
