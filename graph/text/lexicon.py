"""Gazetteers and word lists from data/, indexed for longest-match lookup.

Every phrase is stored as a tuple of folded syllables, so matching ignores
case, composed/decomposed Unicode and old/new tone-mark placement; where a
gazetteer spells a syllable with a capital, the text must too, which keeps
"Anh" (Britain) apart from "anh" (brother).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from ..errors import GraphError
from ..resources import data_path, read_list, read_table
from .normalise import Token, match_key, phrase_key, tokenize


@dataclass(frozen=True)
class Entry:
    kind: str  # country, intl, place, org, title, person, trigger, level, speech
    key: str  # ISO or organisation code, canonical name, event type, level
    name: str  # the canonical Vietnamese form
    info: tuple[tuple[str, str], ...] = ()

    def get(self, name: str, default: str = "") -> str:
        return dict(self.info).get(name, default) or default


@dataclass(frozen=True)
class Match:
    entry: Entry
    start: int  # token indices, end exclusive
    end: int


# Kinds whose capitalised syllables must be capitalised in the text too.
CASED_KINDS = {"country", "intl", "place", "org", "person"}


class PhraseIndex:
    """Longest-match lookup of multi-syllable phrases over a token list: a trie
    of syllable keys whose nodes hold the entries ending there, with the case
    each syllable must have (False: any; True: a capital; a string: exactly)."""

    def __init__(self) -> None:
        self.root: dict[str, tuple[dict, list]] = {}

    def add(self, phrase: str, entry: Entry) -> None:
        tokens = tokenize(phrase)
        if not tokens:
            return
        caps = tuple(_case_rule(t.text) if entry.kind in CASED_KINDS else False for t in tokens)
        node = self.root
        for token in tokens[:-1]:
            node = node.setdefault(token.key, ({}, []))[0]
        entries = node.setdefault(tokens[-1].key, ({}, []))[1]
        for position, (old_caps, old) in enumerate(entries):
            if old.kind == entry.kind:  # same words, other capitals: accept both
                entries[position] = (tuple(_looser(a, b) for a, b in zip(old_caps, caps)), old)
                return
        entries.append((caps, entry))

    def match_at(self, tokens: list[Token], index: int, kinds: frozenset[str] | None = None) -> Match | None:
        """The longest phrase starting at ``tokens[index]`` (of the given kinds), or None."""
        best = None
        node = self.root
        end = index
        while end < len(tokens):
            slot = node.get(tokens[end].key)
            if slot is None:
                break
            end += 1
            for caps, entry in slot[1]:
                if (kinds is None or entry.kind in kinds) and _cased(tokens, index, caps):
                    best = Match(entry, index, end)
                    break
            node = slot[0]
        return best


def _cased(tokens: list[Token], index: int, caps: tuple) -> bool:
    for offset, rule in enumerate(caps):
        if rule is False:
            continue
        token = tokens[index + offset]
        if not (token.text == rule if isinstance(rule, str) else token.cap):
            return False
    return True


def _looser(a: str | bool, b: str | bool) -> str | bool:
    if a is False or b is False:
        return False
    return a if a == b else True


def _case_rule(word: str) -> str | bool:
    """Acronyms ("NAM", "WHO") must match to the letter; capitalised words need a capital."""
    if len(word) > 1 and word.isupper():
        return word
    return word[:1].isupper()


@dataclass
class Lexicon:
    phrases: PhraseIndex
    surnames: frozenset[str]
    given_names: frozenset[str]  # syllables of Vietnamese middle and given names
    stopwords: frozenset[tuple[str, ...]]  # sentence openers never part of a name, as syllable keys
    countries: dict[str, Entry]
    titles: dict[str, Entry]  # folded title -> entry
    org_countries: dict[str, str]  # organisation key -> ISO code
    person_countries: dict[str, str]  # known person's canonical name -> ISO or organisation code
    ruling_parties: dict[str, str]  # ISO code -> the party a bare "Tổng Bí thư" leads


def _entry(kind: str, key: str, name: str, row: dict[str, str], *fields: str) -> Entry:
    return Entry(kind, key, name, tuple((f, row.get(f, "")) for f in fields))


def _aliases(row: dict[str, str], *columns: str) -> list[str]:
    names = [row.get(c, "") for c in columns]
    names += row.get("aliases", "").split("|")
    return [n.strip() for n in names if n.strip()]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read every gazetteer and word list once per process."""
    index = PhraseIndex()
    countries: dict[str, Entry] = {}
    titles: dict[str, Entry] = {}
    org_countries: dict[str, str] = {}
    person_countries: dict[str, str] = {}
    for row in read_table("gazetteers", "countries.tsv"):
        entry = _entry("country", row["code"].upper(), row["name_vi"], row, "name_en", "wikidata")
        countries[entry.key] = entry
        for alias in _aliases(row, "name_vi", "name_en"):
            index.add(alias, entry)
    for row in read_table("gazetteers", "intl_orgs.tsv"):
        entry = _entry("intl", row["code"].upper(), row["name_vi"], row, "name_en", "wikidata")
        countries.setdefault(entry.key, entry)  # "AU": Australia before the African Union
        for alias in _aliases(row, "name_vi", "name_en", "code"):
            index.add(alias, entry)
    for row in read_table("gazetteers", "places.tsv"):
        entry = _entry("place", row["name_vi"], row["name_vi"], row, "name_en", "country", "kind")
        for alias in _aliases(row, "name_vi", "name_en"):
            index.add(alias, entry)
    for row in read_table("gazetteers", "organisations.tsv"):
        entry = _entry("org", row["name_vi"], row["name_vi"], row, "name_en", "country", "kind")
        org_countries[entry.key] = row.get("country", "").upper()
        for alias in _aliases(row, "name_vi"):
            index.add(alias, entry)
    for row in read_table("gazetteers", "titles.tsv"):
        entry = _entry("title", row["title_vi"], row["title_vi"], row, "title_en", "kind", "default_org", "scope")
        titles.setdefault(phrase_key(entry.name), entry)
        index.add(row["title_vi"], entry)
    for row in read_table("gazetteers", "persons.tsv"):
        entry = _entry("person", row["name_vi"], row["name_vi"], row, "name_en", "wikidata", "country")
        person_countries[entry.name] = row.get("country", "").upper()
        for alias in _aliases(row, "name_vi"):
            index.add(alias, entry)
    for row in read_table("lexicon", "events.tsv"):
        index.add(row["phrase"], Entry("trigger", row["type"], row["phrase"], (("role", row["role"]),)))
    for row in read_table("lexicon", "levels.tsv"):
        index.add(row["phrase"], Entry("level", row["level"], row["phrase"]))
    for phrase in read_list("lexicon", "compounds.txt"):
        index.add(phrase, Entry("compound", phrase, phrase))
    for phrase in read_list("lexicon", "speech.txt"):
        index.add(phrase, Entry("speech", phrase, phrase))
    surnames = frozenset(match_key(s) for s in read_list("gazetteers", "surnames.txt"))
    parties = {row["country"]: row["party"] for row in read_table("lexicon", "ruling_parties.tsv")}
    given = frozenset(match_key(s) for s in read_list("gazetteers", "given_names.txt"))
    stopwords = frozenset(tuple(t.key for t in tokenize(s)) for s in read_list("lexicon", "stopwords.txt"))
    return Lexicon(index, surnames, given, stopwords, countries, titles, org_countries, person_countries, parties)


@cache
def words(name: str) -> frozenset[str]:
    """The keywords of data/lexicon/<name>.txt as :func:`phrase_key` strings (the syllable keys of
    a phrase, space-joined), so that tone-mark, case and final y/i variants match: compare them with
    ``phrase_key(text)``, or a single token's ``key``.

    >>> phrase_key("Uỷ ban") in words("org_heads")  # the list writes "Ủy ban"
    True
    """
    if not data_path("lexicon", f"{name}.txt").is_file():
        raise GraphError(f"no keyword list data/lexicon/{name}.txt: use one of {', '.join(lexicon_lists())}")
    return frozenset(phrase_key(word) for word in read_list("lexicon", f"{name}.txt"))


def syllables(name: str) -> frozenset[str]:
    """Every syllable key of the phrases of data/lexicon/<name>.txt ("nhà lãnh đạo": nhà, lãnh, đạo)."""
    return frozenset(syllable for phrase in words(name) for syllable in phrase.split())


def last_syllables(name: str) -> frozenset[str]:
    """The last syllable key of each phrase of data/lexicon/<name>.txt ("chủ trì": trì), for a test of
    the one token before a word."""
    return frozenset(phrase.split()[-1] for phrase in words(name))


def lexicon_lists() -> list[str]:
    """The names of the keyword lists (data/lexicon/*.txt) that :func:`words` reads."""
    return sorted(path.stem for path in data_path("lexicon").glob("*.txt"))
