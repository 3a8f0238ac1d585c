"""Narrowing a network: by date, relation and country, and to the ego
network of one named node. Each filter takes and returns a MultiGraph."""
from __future__ import annotations

import calendar
import datetime as dt
import re

import networkx as nx

from ..errors import GraphError
from ..text.normalise import fold, strip_accents

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def date_range(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day a year-first ISO date stands for.

    >>> date_range("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    """
    match = _DATE.match(value.strip())
    if not match:
        raise ValueError(value)
    year, month, day = (int(g) if g else None for g in match.groups())
    if day:
        return dt.date(year, month, day), dt.date(year, month, day)
    if month:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def date_bound(value: str, option: str, end: bool) -> dt.date:
    try:
        return date_range(value)[1 if end else 0]
    except ValueError:
        raise GraphError(f"{option} takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not '{value}'") from None


def _keep_edges(graph: nx.MultiGraph, keep) -> nx.MultiGraph:
    """The edges for which ``keep(u, v, data)`` holds, with their end nodes only."""
    edges = [(u, v, k) for u, v, k, d in graph.edges(keys=True, data=True) if keep(u, v, d)]
    sub = graph.edge_subgraph(edges).copy()
    sub.graph.update(graph.graph)
    return sub


def filter_dates(graph: nx.MultiGraph, since: str | None, until: str | None) -> nx.MultiGraph:
    """Edges with a date (the event's, else the article's) between since and until; undated edges go."""
    if not since and not until:
        return graph
    first = date_bound(since, "--since", end=False) if since else dt.date.min
    last = date_bound(until, "--until", end=True) if until else dt.date.max

    def keep(u, v, data) -> bool:
        spans = [date_range(d) for d in data.get("dates", ()) if _DATE.match(d)]
        return any(start <= last and end >= first for start, end in spans)
    return with_undated(_keep_edges(graph, keep), undated_facts(graph))


def with_undated(kept: nx.MultiGraph, undated: int) -> nx.MultiGraph:
    """Note on a date-filtered graph how many undated facts the filter left out; none kept at all is an error."""
    kept.graph["undated"] = undated
    if kept.number_of_edges() == 0 and undated:
        raise GraphError(f"no dated fact in the period, and {undated} facts have no date at all "
                         "(neither the event's nor the article's); drop --since/--until, or ingest articles "
                         "with their dates")
    return kept


def undated_facts(graph: nx.MultiGraph) -> int:
    """How many facts (edge weights) carry no date, so that no date filter can keep them."""
    return sum(d.get("weight", 1) for _, _, d in graph.edges(data=True)
               if not any(_DATE.match(x) for x in d.get("dates", ())))


def filter_relations(graph: nx.MultiGraph, relations: tuple[str, ...] | list[str]) -> nx.MultiGraph:
    """Edges of the given relations only."""
    if not relations:
        return graph
    wanted = set(relations)
    return _keep_edges(graph, lambda u, v, data: data.get("relation") in wanted)


def filter_countries(graph: nx.MultiGraph, codes: tuple[str, ...] | list[str]) -> nx.MultiGraph:
    """Edges touching a node of one of the countries (or organisations) by code."""
    if not codes:
        return graph
    wanted = {c.upper() for c in codes}
    known = {c for _, cs in graph.nodes(data="country") for c in cs or ()}
    if not wanted & known:
        listed = ", ".join(sorted(known)[:30]) or "none"
        raise GraphError(f"no node of {', '.join(sorted(wanted))} left to draw; codes present: {listed}")
    ours = {n for n, cs in graph.nodes(data="country") if wanted & set(cs or ())}
    return _keep_edges(graph, lambda u, v, data: u in ours or v in ours)


def name_keys(name: str) -> tuple[str, str]:
    """Keys to match a name by: tone placement folded, and all diacritics dropped.

    >>> name_keys("Phạm Minh Chính") == name_keys("phạm minh chính")
    True
    >>> name_keys("Pham Minh Chinh")[1] == name_keys("Phạm Minh Chính")[1]
    True
    """
    folded = fold(name)
    return folded, re.sub(r"\d", "", strip_accents(folded))


def find_nodes(graph: nx.MultiGraph, name: str) -> list:
    """Nodes whose label matches ``name``: exactly, then ignoring diacritics, then as a part of it."""
    wanted = name_keys(name)
    labels = {n: {name_keys(str(d.get(k) or "")) for k in ("label", "label_en")} for n, d in graph.nodes(data=True)}
    tiers = (
        lambda keys: any(k[0] == wanted[0] for k in keys),
        lambda keys: any(k[1] == wanted[1] for k in keys),
        lambda keys: any(_contains(k[1], wanted[1]) for k in keys),
    )
    for matches in tiers:
        found = [n for n, keys in labels.items() if matches(keys)]
        if found:
            return sorted(found, key=lambda n: graph.nodes[n].get("label", ""))
    return []


def _contains(label: str, part: str) -> bool:
    return bool(part) and f" {part} " in f" {label} "


def focus(graph: nx.MultiGraph, name: str, hops: int = 1) -> nx.MultiGraph:
    """The ego network of the node named ``name``: everything within ``hops`` edges."""
    if hops < 0:
        raise GraphError(f"--hops takes a number of edges, 0 or more, not {hops}")
    found = find_nodes(graph, name)
    if not found:
        raise GraphError(f"no node named '{name}' in this view; check the spelling or try another --view")
    if len(found) > 1:
        names = "; ".join(f"{graph.nodes[n].get('label')} ({graph.nodes[n].get('type', 'other')})" for n in found[:12])
        raise GraphError(f"'{name}' matches {len(found)} nodes: {names}; give the full name")
    ego = nx.ego_graph(graph, found[0], radius=hops)
    ego.graph.update(graph.graph)
    ego.graph["focus"] = found[0]
    return ego
