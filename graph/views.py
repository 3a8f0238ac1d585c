"""What can be drawn: each view is a SPARQL query (data/queries/draw/) whose
rows become a NetworkX MultiGraph, one edge per pair and relation.

Nodes carry ``label`` (Vietnamese), ``label_en``, ``type`` (a key of
styles.NODE_TYPES) and ``country`` (ISO or organisation codes); edges carry
``relation`` (a key of styles.RELATIONS), ``weight`` (how many facts),
``dates`` (ISO dates, year-first prefixes) and ``articles`` (article ids).
"""
from __future__ import annotations

import calendar
from collections import defaultdict
from functools import lru_cache

import networkx as nx
from rdflib import Dataset

from .lexicon import load_lexicon
from .normalise import fold, tokenize
from .resources import data_path
from .styles import RELATIONS, VIEW_NAMES

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
EVENT_LABELS = {
    "visit": ("Chuyến thăm", "Visit"), "reception": ("Cuộc tiếp", "Reception"),
    "talks": ("Hội đàm", "Talks"), "meeting": ("Cuộc gặp", "Meeting"),
    "phone_call": ("Điện đàm", "Phone call"), "seminar": ("Hội thảo", "Seminar"),
    "conference": ("Hội nghị", "Conference"), "ceremony": ("Buổi lễ", "Ceremony"),
    "signing": ("Lễ ký kết", "Signing"), "other": ("Sự kiện", "Event"),
}
MAX_LABEL = 42


@lru_cache(maxsize=None)
def view_query(name: str) -> str:
    return data_path("queries", "draw", f"{name}.rq").read_text(encoding="utf-8")


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
    vi, en = EVENT_LABELS.get((etype or "other").rsplit("#", 1)[-1], EVENT_LABELS["other"])
    when_vi, when_en = (f" {display_date(date, lang)}" if date else "" for lang in ("vi", "en"))
    return short(name) if name else vi + when_vi, en + when_en


def node_info(dataset: Dataset) -> dict[str, dict]:
    """IRI -> node attributes for every typed node in the store."""
    nodes: dict[str, dict] = {}
    for row in dataset.query(view_query("nodes")):
        iri, kind = str(row.node), CLASS_TYPES[str(row["class"])]
        data = nodes.setdefault(iri, {"type": kind, "label": _text(row.name) or _local(iri), "country": []})
        if TYPE_PRIORITY.index(kind) < TYPE_PRIORITY.index(data["type"]):
            data["type"] = kind  # an international organisation is also an organisation: draw the former
        if kind == "event":  # an event is also typed by its subclass; keep the one with a name
            data["type"] = "event"
            data["label"], data["label_en"] = _event_labels(_text(row.name), _text(row.etype), _text(row.edate))
            data["event_type"] = (_text(row.etype) or "").rsplit("#", 1)[-1]
            data["date"] = _text(row.edate) or ""
        if row.code is not None and str(row.code) not in data["country"]:
            data["country"].append(str(row.code))
    for iri, data in nodes.items():
        data.setdefault("label_en", _label_en(iri, data))
    return nodes


def _label_en(iri: str, data: dict) -> str:
    if data["type"] in ("country", "intl"):
        entry = load_lexicon().countries.get(iri.rsplit("/", 1)[-1])
        return (entry.get("name_en") if entry else "") or data["label"]
    if data["type"] == "organisation":
        return _org_name_en(data["label"]) or data["label"]
    return data["label"]


def title_labels(title: str) -> tuple[str, str]:
    """A post's title (or a meeting's event type) in Vietnamese and English."""
    if title in EVENT_LABELS:
        return EVENT_LABELS[title]
    entry = load_lexicon().titles.get(fold(title))
    return title, (entry.get("title_en") if entry else "") or title


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def build_network(rows, nodes: dict[str, dict], name: str) -> nx.MultiGraph:
    """Rows of (s, o, rel, fact, title, date, article, published) -> one edge per pair and relation."""
    facts: dict[tuple, dict] = defaultdict(lambda: {"facts": set(), "dates": set(), "articles": set(),
                                                    "titles": set()})
    for row in rows:
        s, o = str(row.s), str(row.o)
        key = (s, o, str(row.rel)) if s <= o else (o, s, str(row.rel))
        edge = facts[key]
        edge.setdefault("origin", s)  # who acts: the visitor, the member, the speaker (network files keep it)
        edge["facts"].add(str(row.fact))
        edge["articles"].add(_local(str(row.article)))
        date = fact_date(_text(row.date), _text(row.published))
        edge["dates"].update([date] if date else [])
        edge["titles"].update([str(row.title)] if row.title else [])
    graph = nx.MultiGraph(view=name)
    for (s, o, relation), edge in sorted(facts.items()):
        for iri in (s, o):
            graph.add_node(iri, **_node(iri, nodes))
        titles = [title_labels(t) for t in sorted(edge["titles"])]
        graph.add_edge(s, o, key=relation, relation=relation, weight=len(edge["facts"]), origin=edge["origin"],
                       dates=sorted(edge["dates"]), articles=sorted(edge["articles"]),
                       title="; ".join(dict.fromkeys(vi for vi, _ in titles)),
                       title_en="; ".join(dict.fromkeys(en for _, en in titles)))
    graph.graph["articles"] = count_articles(graph)
    return graph


def _node(iri: str, nodes: dict[str, dict]) -> dict:
    data = nodes.get(iri)
    if data is None:
        return {"type": "other", "label": _local(iri), "label_en": _local(iri), "country": []}
    return {key: (list(value) if isinstance(value, list) else value) for key, value in data.items()}


def count_articles(graph: nx.MultiGraph) -> int:
    """How many articles the edges of ``graph`` come from."""
    return len({a for _, _, articles in graph.edges(data="articles") for a in articles or ()})


def strongest_level(graph: nx.MultiGraph) -> nx.MultiGraph:
    """One edge per partner: the strongest level any article states, with the facts of all."""
    rank = {relation: i for i, relation in enumerate(RELATIONS)}
    for u, v in {tuple(sorted((u, v))) for u, v in graph.edges()}:
        edges = graph.get_edge_data(u, v)
        if len(edges) > 1:
            keep = min(edges, key=lambda key: rank.get(key, len(rank)))
            merged = dict(edges[keep])
            merged["weight"] = sum(d["weight"] for d in edges.values())
            for field in ("dates", "articles"):
                merged[field] = sorted({x for d in edges.values() for x in d[field]})
            merged["levels"] = sorted(edges, key=lambda key: rank.get(key, len(rank)))
            graph.remove_edges_from([(u, v, key) for key in list(edges)])
            graph.add_edge(u, v, key=keep, **merged)
    return graph


def _view(name: str, tidy=None):
    def build(dataset: Dataset) -> nx.MultiGraph:
        graph = build_network(dataset.query(view_query(name)), node_info(dataset), name)
        return tidy(graph) if tidy else graph
    build.__doc__ = f"The '{name}' view of the store as a MultiGraph."
    return build


VIEWS = {name: _view(name, strongest_level if name == "partners" else None) for name in VIEW_NAMES}
