"""One person, one identity across articles: a short or initialled form
("Bush", "G.Bush", "S. Abe") is linked by ``owl:sameAs`` to the full name it
stands for when the store and the persons gazetteer together offer exactly
one candidate, and no post country contradicts it (homonyms serving
different countries stay apart). A gazetteer alias links to the gazetteer's
name. The links are recomputed from the whole store each time, so they do
not depend on the order articles came in; they live in the entities graph.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from rdflib import Dataset

from ..model.vocab import ENTITIES_GRAPH, ID
from ..store.open import backend

PAGE = 5_000  # rows per request: under Virtuoso's default 10,000-row cut
PERSON = ID + "person/"
SAME_AS = "<http://www.w3.org/2002/07/owl#sameAs>"
NAMES = ("SELECT ?k ?v WHERE {{ GRAPH <{g}> {{ ?k a <https://schema.org/Person> ; <https://schema.org/name> ?v }} "
         "{after} }} ORDER BY ?k ?v LIMIT {page}")
COUNTRIES = ("SELECT DISTINCT ?k ?v WHERE {{ ?m <http://www.w3.org/ns/org#member> ?k ; "
             "<https://w3id.org/vnfa/ontology#country>/<https://w3id.org/vnfa/ontology#code> ?v {after} }} "
             "ORDER BY ?k ?v LIMIT {page}")
UNLINK = (f"DELETE {{ GRAPH <{ENTITIES_GRAPH}> {{ ?a {SAME_AS} ?b }} }} WHERE {{ GRAPH <{ENTITIES_GRAPH}> "
          f"{{ ?a {SAME_AS} ?b }} FILTER(STRSTARTS(STR(?a), \"{PERSON}\") && STRSTARTS(STR(?b), \"{PERSON}\")) }}")
_SPLIT = re.compile(r"[\s.]+")


def _pairs(dataset: Dataset, template: str) -> Iterator[tuple[str, str]]:
    """(key, value) rows of a query, paged by key and value (no OFFSET: Virtuoso limits it)."""
    last: tuple[str, str] | None = None
    while True:
        after = "" if last is None else (f'FILTER(STR(?k) > "{last[0]}" || (STR(?k) = "{last[0]}" && '
                                         f'STR(?v) > {_quoted(last[1])}))')
        rows = [(str(k), str(v)) for k, v in dataset.query(template.format(g=ENTITIES_GRAPH, after=after, page=PAGE))]
        yield from rows
        if len(rows) < PAGE:
            return
        last = rows[-1]


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def tokens(name: str) -> list[str]:
    return [t.casefold() for t in _SPLIT.split(name.strip()) if t]


def stands_for(short: str, full: str) -> bool:
    """'Bush', 'G.Bush', 'G. W. Bush' stand for 'George W. Bush': the same last word, the words
    before it in order, each written whole or as its initial; one word, or an initial ('George Bush'
    is a name of its own, not a short form of 'George W. Bush')."""
    s, f = tokens(short), tokens(full)
    if len(f) < 2 or not s or s == f or s[-1] != f[-1] or not (len(s) == 1 or any(len(t) == 1 for t in s[:-1])):
        return False
    rest = iter(f[:-1])
    return all(any(t == word or (len(t) == 1 and word.startswith(t)) for word in rest) for t in s[:-1])


def _compatible(a: set[str], b: set[str]) -> bool:
    """No post country says they are different people."""
    return not (a and b and not a & b)


class _Linker:
    """The store's persons (names, post countries) and the gazetteer's, indexed by last word."""

    def __init__(self, dataset: Dataset) -> None:
        from ..text.lexicon import load_lexicon

        self.lexicon = load_lexicon()
        self.names: dict[str, set[str]] = defaultdict(set)
        self.countries: dict[str, set[str]] = defaultdict(set)
        for key, value in _pairs(dataset, NAMES):
            self.names[key].add(value)
        for key, value in _pairs(dataset, COUNTRIES):
            self.countries[key].add(value)
        self.full: dict[str, set[tuple[str, str]]] = defaultdict(set)
        for iri, names in self.names.items():
            for name in names:
                self.full[tokens(name)[-1] if tokens(name) else ""].add((iri, name))
        self._add_gazetteer()

    def _add_gazetteer(self) -> None:
        from ..model.build import person_iri

        for name, country in self.lexicon.person_countries.items():
            iri = str(person_iri(name))
            self.full[tokens(name)[-1]].add((iri, name))
            if country and iri not in self.names:
                self.countries[iri].add(country)

    def target(self, iri: str) -> str | None:
        """The one full-name person ``iri`` stands for, if the store and gazetteer make it unambiguous."""
        from ..model.build import _known_person, person_iri

        found: set[str] = set()
        for name in self.names[iri]:
            entry = _known_person(name, self.lexicon)
            if entry is not None and entry.name != name:
                found.add(str(person_iri(entry.name)))
                continue
            found |= {other for other, full in self.full.get(tokens(name)[-1] if tokens(name) else "", ())
                      if other != iri and stands_for(name, full)
                      and _compatible(self.countries[iri], self.countries[other])}
        found.discard(iri)
        return next(iter(found)) if len(found) == 1 else None

    def links(self) -> set[tuple[str, str]]:
        pairs = {(iri, self.target(iri)) for iri in self.names}
        return {(a, b) for a, b in pairs if b is not None and b in self.names}


def link(dataset: Dataset) -> int:
    """Recompute the person -> person owl:sameAs links of the store; returns how many there are."""
    found = sorted(_Linker(dataset).links())
    lines = "".join(f"<{a}> {SAME_AS} <{b}> .\n" for a, b in found)
    update = UNLINK + (f" ;\nINSERT DATA {{ GRAPH <{ENTITIES_GRAPH}> {{\n{lines}}} }}" if found else "")
    backend(dataset).run_update(update)
    return len(found)
