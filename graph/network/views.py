"""What can be drawn: each view is a SPARQL query (data/queries/draw/) that
the store aggregates to one row per pair and relation (GROUP BY, COUNT
DISTINCT ?article, MIN/MAX of the facts' dates), so a 50,000-article view is
drawn from thousands of rows; the rows become a NetworkX MultiGraph.

Nodes carry ``label`` (Vietnamese), ``label_en``, ``type`` (a key of
styles.NODE_TYPES) and ``country`` (ISO or organisation codes); edges carry
``relation`` (a key of styles.RELATIONS), ``articles`` (how many articles say
it; also the ``weight``), ``facts``, ``first`` and ``last`` (ISO dates,
year-first prefixes) and ``dates`` (the two of them). The graph's
``articles`` is the number of distinct articles behind its edges.
"""
from __future__ import annotations

import calendar
from functools import cache

import networkx as nx
from rdflib import Dataset

from ..draw.styles import RELATIONS, VIEW_NAMES
from ..model.vocab import event_labels
from ..resources import data_path
from ..text.lexicon import load_lexicon
from ..text.normalise import fold, tokenize
from .filters import date_bound, with_undated

ID = "https://w3id.org/vnfa/id/"
CLASS_TYPES = {
    "https://schema.org/Person": "person",
    "https://w3id.org/vnfa/ontology#Group": "group",
    "http://www.w3.org/ns/org#Organization": "organisation",
    "https://schema.org/Country": "country",
    "https://w3id.org/vnfa/ontology#InternationalOrganization": "intl",
    "https://w3id.org/vnfa/ontology#Event": "event",
}
# a node of several classes is drawn as the first of its types here
TYPE_PRIORITY = ("event", "person", "intl", "country", "group", "organisation")
MAX_LABEL = 42


@cache
def view_query(name: str) -> str:
    return data_path("queries", "draw", f"{name}.rq").read_text(encoding="utf-8")


def when_filter(since: str | None, until: str | None) -> str:
    """A FILTER keeping facts dated within [since, until], compared at the fact date's own precision
    (a fact of '2017-01' is kept from 2017-01-15 on).

    >>> when_filter("2017", None)
    'FILTER(BOUND(?when) && STR(?when) >= SUBSTR("2017-01-01", 1, STRLEN(STR(?when))))'
    """
    tests = [f'STR(?when) {op} SUBSTR("{bound.isoformat()}", 1, STRLEN(STR(?when)))'
             for op, bound in ((">=", since and date_bound(since, "--since", end=False)),
                               ("<=", until and date_bound(until, "--until", end=True))) if bound]
    return f"FILTER(BOUND(?when) && {' && '.join(tests)})" if tests else ""


def values(variable: str, iris) -> str:
    return f"VALUES ?{variable} {{ {' '.join(f'<{iri}>' for iri in sorted(iris))} }}"


def view_text(name: str, since: str | None = None, until: str | None = None,
              restrict: tuple[str, set[str]] | None = None) -> str:
    """The view's aggregated query, narrowed to a period and to edges whose ?s or ?o is one of a set."""
    text = view_query(name).replace("#@when", when_filter(since, until))
    return text.replace("#@restrict", values(*restrict) if restrict else "")


def _text(value) -> str | None:
    return None if value is None else str(value)


def fact_date(date: str | None, published: str | None) -> str | None:
    """The date of a fact: the event's own, given the article's year when the
    text names none ('--06-14' in a 2024 article is 2024-06-14), else the article's.

    >>> fact_date("--06-14", "2024-09-17"), fact_date(None, "2024-09-17"), fact_date("2017-01", None)
    ('2024-06-14', '2024-09-17', '2017-01')
    """
    if date and not date.startswith("--"):
        return date
    if date and published:
        return f"{published[:4]}-{date[2:]}"
    return published or None


def short(text: str, limit: int = MAX_LABEL) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _org_name_en(name: str) -> str:
    lexicon = load_lexicon()
    tokens = tokenize(name)
    match = lexicon.phrases.match_at(tokens, 0, frozenset({"org", "intl"})) if tokens else None
    return match.entry.get("name_en") if match is not None and match.end == len(tokens) else ""


def display_date(date: str | None, lang: str) -> str:
    """'2024-06-14' as 14/6/2024 in Vietnamese, as itself in English; '--06-14' without a year.

    >>> display_date("2024-06-14", "vi"), display_date("--06-14", "vi"), display_date("--06-14", "en")
    ('14/6/2024', '14/6', '06-14')
    """
    if not date:
        return ""
    parts = [p for p in date.split("-") if p]
    if date.startswith("--") and len(parts) == 1:  # a month: 'tháng 6', 'June'
        return f"tháng {int(parts[0])}" if lang == "vi" else calendar.month_name[int(parts[0])]
    if lang != "vi":
        return date.lstrip("-")
    year = [] if date.startswith("--") else parts[:1]
    rest = parts[len(year):]
    return "/".join([str(int(p)) for p in reversed(rest)] + year)


def _event_labels(name: str | None, etype: str | None, date: str | None) -> tuple[str, str]:
    labels = event_labels()  # the event classes' labels in the ontology
    vi, en = labels.get((etype or "other").rsplit("#", 1)[-1], labels["other"])
    when_vi, when_en = (f" {display_date(date, lang)}" if date else "" for lang in ("vi", "en"))
    return short(name) if name else vi + when_vi, en + when_en


NODES_PER_QUERY = 2000


def node_info(dataset: Dataset, iris) -> dict[str, dict]:
    """IRI -> node attributes for the typed nodes among ``iris`` (asked in chunks: the work grows with
    the nodes drawn, not with the store)."""
    nodes: dict[str, dict] = {}
    iris = sorted(iris)
    for first in range(0, len(iris), NODES_PER_QUERY):
        _describe_nodes(dataset, iris[first:first + NODES_PER_QUERY], nodes)
    for iri, data in nodes.items():
        data.setdefault("label_en", _label_en(iri, data))
    return nodes


def _describe_nodes(dataset: Dataset, iris: list[str], nodes: dict[str, dict]) -> None:
    """Classes, names, events and codes of ``iris``: four small queries (data/queries/draw/nodes/)."""
    def rows(part: str):
        return dataset.query(view_query(f"nodes/{part}").replace("#@nodes", values("node", iris)))
    names: dict[str, str] = {}
    for row in rows("names"):
        names.setdefault(str(row.node), str(row.name))
    for row in rows("types"):
        iri, kind = str(row.node), CLASS_TYPES[str(row["class"])]
        data = nodes.setdefault(iri, {"type": kind, "label": names.get(iri) or _local(iri), "country": []})
        if TYPE_PRIORITY.index(kind) < TYPE_PRIORITY.index(data["type"]):
            data["type"] = kind  # an international organisation is also an organisation: draw the former
    for row in rows("events"):
        if (data := nodes.get(str(row.node))) is not None:
            data["type"], data["event_type"], data["date"] = "event", str(row.etype).rsplit("#", 1)[-1], \
                _text(row.edate) or ""
            data["label"], data["label_en"] = _event_labels(names.get(str(row.node)), str(row.etype), data["date"])
    for row in rows("codes"):
        if (data := nodes.get(str(row.node))) is not None and str(row.code) not in data["country"]:
            data["country"].append(str(row.code))


def _label_en(iri: str, data: dict) -> str:
    if data["type"] in ("country", "intl"):
        entry = load_lexicon().countries.get(iri.rsplit("/", 1)[-1])
        return (entry.get("name_en") if entry else "") or data["label"]
    if data["type"] == "organisation":
        return _org_name_en(data["label"]) or data["label"]
    return data["label"]


def title_labels(title: str) -> tuple[str, str]:
    """A post's title (or a meeting's event type) in Vietnamese and English."""
    if title in event_labels():
        return event_labels()[title]
    entry = load_lexicon().titles.get(fold(title))
    return title, (entry.get("title_en") if entry else "") or title


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def edge_rows(dataset: Dataset, name: str, since: str | None = None, until: str | None = None,
              restrict: tuple[str, set[str]] | None = None) -> list[dict]:
    """The view's edges as the store aggregates them: s, o, rel, the article IRIs, facts, first, last, titles."""
    result = dataset.query(view_text(name, since, until, restrict))
    return [{"s": str(row.s), "o": str(row.o), "rel": str(row.rel), "ids": set(str(row.ids or "").split()),
             "facts": int(row.facts), "first": _text(row.first), "last": _text(row.last),
             "titles": {t for t in str(row.titles or "").split("|") if t}} for row in result]


LEVEL_RANK = {relation: i for i, relation in enumerate(RELATIONS)}


def _merge(edges: dict[tuple, dict], row: dict, by_level: bool) -> None:
    """Add a row to its pair's edge: the same pair may come as (s, o) and (o, s), and a partner at
    several levels is one edge of the strongest (``by_level``)."""
    s, o = sorted((row["s"], row["o"]))
    edge = edges.setdefault((s, o, "" if by_level else row["rel"]), {
        "rel": row["rel"], "origin": row["s"], "ids": set(), "facts": 0, "first": None, "last": None,
        "titles": set(), "levels": set()})
    edge["ids"] |= row["ids"]
    edge["facts"] += row["facts"]
    edge["first"] = min(filter(None, (edge["first"], row["first"])), default=None)
    edge["last"] = max(filter(None, (edge["last"], row["last"])), default=None)
    edge["titles"] |= row["titles"]
    edge["levels"].add(row["rel"])
    edge["rel"] = min(edge["levels"], key=lambda level: LEVEL_RANK.get(level, len(LEVEL_RANK)))


def build_network(rows, nodes: dict[str, dict], name: str) -> nx.MultiGraph:
    """Aggregated rows -> one edge per pair and relation (for partners: per pair, at the strongest level
    stated), its width the number of articles; the graph's ``articles``: how many distinct ones."""
    edges: dict[tuple, dict] = {}
    for row in rows:
        _merge(edges, row, by_level=name == "partners")
    graph = nx.MultiGraph(view=name, articles=len(set().union(*(e["ids"] for e in edges.values()))))
    for (s, o, _), edge in sorted(edges.items()):
        for iri in (s, o):
            graph.add_node(iri, **node_attributes(iri, nodes))
        titles = [title_labels(t) for t in sorted(edge["titles"])]
        extra = {"levels": sorted(edge["levels"], key=lambda level: LEVEL_RANK.get(level, len(LEVEL_RANK)))} \
            if len(edge["levels"]) > 1 else {}
        graph.add_edge(s, o, key=edge["rel"], relation=edge["rel"], weight=len(edge["ids"]),
                       origin=edge["origin"], articles=len(edge["ids"]), facts=edge["facts"], first=edge["first"] or "",
                       last=edge["last"] or "", dates=sorted({d for d in (edge["first"], edge["last"]) if d}),
                       title="; ".join(dict.fromkeys(vi for vi, _ in titles)),
                       title_en="; ".join(dict.fromkeys(en for _, en in titles)), **extra)
    return graph


def node_attributes(iri: str, nodes: dict[str, dict]) -> dict:
    data = nodes.get(iri)
    if data is None:
        return {"type": "other", "label": _local(iri), "label_en": _local(iri), "country": []}
    return {key: (list(value) if isinstance(value, list) else value) for key, value in data.items()}


def view_network(dataset: Dataset, name: str, since: str | None = None, until: str | None = None) -> nx.MultiGraph:
    """The whole view over a period, from the store's aggregated rows."""
    rows = edge_rows(dataset, name, since, until)
    graph = build_network(rows, node_info(dataset, {r[k] for r in rows for k in ("s", "o")}), name)
    if not since and not until:
        return graph
    undated = sum(r["facts"] for r in edge_rows(dataset, name) if not r["first"] and not r["last"])
    return with_undated(graph, undated)


def _view(name: str):
    def build(dataset: Dataset, since: str | None = None, until: str | None = None) -> nx.MultiGraph:
        return view_network(dataset, name, since, until)
    build.__doc__ = f"The '{name}' view of the store as a MultiGraph."
    return build


VIEWS = {name: _view(name) for name in VIEW_NAMES}
