"""Is an article about Vietnam's foreign affairs? A judgement with its evidence.

A pure function of the extraction (and the article's text): an article is
relevant when some fact puts a foreign state actor (a country or an
international organisation acting as such, a foreign official or diplomat)
together with a Vietnamese state side (Vietnam, a Vietnamese official or
organ) in a diplomatic act. The rules, each giving evidence with its span:

- ``visit``: a visit between Vietnam and another country (extraction's visits);
- ``meeting``: a reception, talks, meeting or call of a Vietnamese and a foreign side;
- ``partnership``: a partnership level named (a membership is not one), or a partner in a
  sentence with a Vietnamese side;
- ``event``: an event whose sentence holds both sides;
- ``diplomacy``: a diplomatic word (data/lexicon/diplomacy.txt) in a sentence with both sides;
- ``post``: a Vietnamese foreign-affairs official (a diplomat, or of an organ in
  data/lexicon/foreign_affairs_orgs.txt) in a sentence with a foreign side or an event,
  or a foreign diplomat in a sentence with a Vietnamese side;
- ``multilateral``: a Vietnamese official in a sentence with an international organisation.

A place counts for its country ("tại Jakarta": a side in Indonesia).

A country after a noun of data/lexicon/non_state_heads.txt ("đội tuyển Thái
Lan", "tập đoàn Samsung (Hàn Quốc)", "người Trung Quốc") is no state actor:
football fixtures, foreign firms and foreign suspects do not make an article
foreign affairs; world news with no Vietnamese side does not either.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..records import MEETING_TYPES, Extraction, Mention, Span
from ..text.lexicon import Lexicon, load_lexicon, words
from ..text.mentions import find_mentions
from ..text.normalise import match_key, phrase_key, split_sentences

VIETNAM = "VN"
OFFICIAL_KINDS = frozenset({"state", "party", "government", "legislature", "diplomatic", "royal",
                            "military_post", "local"})
MAX_NAMES = 3  # proper names between a non-state head and its country
CONJUNCTIONS = frozenset({","}) | words("conjunctions")
STATE_ORG_KINDS = frozenset({"party", "state", "government", "ministry", "department", "legislature",
                             "foreign_government", "foreign_party", "foreign_legislature"})


@dataclass(frozen=True)
class Evidence:
    """One fact that makes the article foreign affairs: which rule, the foreign actor, where."""

    rule: str
    actor: str
    country: str
    span: Span

    def describe(self, text: str) -> str:
        start, end = self.span
        return f"{self.rule}: {self.actor} ({self.country}) at {start}-{end}: {text[start:end][:160]}"


@dataclass(frozen=True)
class Judgement:
    relevant: bool
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Sides:
    """The state actors one sentence names: foreign ones (name, code) and Vietnamese ones."""

    span: Span
    foreign: tuple[tuple[str, str], ...]
    vietnam: tuple[str, ...]
    diplomats: tuple[str, ...]  # diplomatic titles, whoever holds them


@dataclass(frozen=True)
class Words:
    """The gate's word lists, folded for lookup."""

    non_state: frozenset[tuple[str, ...]]
    diplomacy: tuple[str, ...]
    fa_orgs: frozenset[str]


@lru_cache(maxsize=1)
def load_words() -> Words:
    non_state = frozenset(tuple(head.split()) for head in words("non_state_heads"))
    return Words(non_state, tuple(sorted(words("diplomacy"))), words("foreign_affairs_orgs"))


class _Reading:
    """What the rules look at: the extraction, nationalities, and the sides of candidate sentences."""

    def __init__(self, x: Extraction, lexicon: Lexicon, words: Words) -> None:
        self.x, self.lexicon, self.words = x, lexicon, words
        self.text = x.article.text
        self.sentences = split_sentences(self.text)
        self.starts = [s for s, _ in self.sentences]
        self.nationality = _nationalities(x, lexicon)
        self._sides: dict[Span, Sides] = {}

    def sentence(self, offset: int) -> Span:
        index = max(bisect_right(self.starts, offset) - 1, 0)
        return self.sentences[index] if self.sentences else (0, len(self.text))

    def sides(self, offset: int) -> Sides:
        span = self.sentence(offset)
        if span not in self._sides:
            self._sides[span] = _sides(self, span)
        return self._sides[span]


def _nationalities(x: Extraction, lexicon: Lexicon) -> dict[str, str]:
    """Person -> country, from the posts the article gives them, then the gazetteer of leaders."""
    found: dict[str, str] = {}
    for role in x.roles:
        if role.country:
            found.setdefault(role.person, role.country)
    for name in x.persons:
        code = lexicon.person_countries.get(name)
        if code:
            found.setdefault(name, code)
    return found


def _sides(reading: _Reading, span: Span) -> Sides:
    mentions = reading.x.mentions.get(span) or find_mentions(reading.text, span[0], span[1], reading.lexicon)
    foreign: list[tuple[str, str]] = []
    vietnam: list[str] = []
    diplomats: list[str] = []
    for index, mention in enumerate(mentions):
        code = _state_code(mentions, index, reading)
        if code == VIETNAM:
            vietnam.append(mention.text)
        elif code:
            foreign.append((mention.text, code))
        if mention.kind == "title" and mention.get("kind") == "diplomatic":
            diplomats.append(mention.text)
        if mention.kind == "title" and mention.get("scope") == "vn" and mention.get("kind") in OFFICIAL_KINDS:
            vietnam.append(mention.text)  # "Chủ tịch nước", "Thủ tướng Chính phủ"
    for role in reading.x.roles:
        if span[0] <= role.span[0] < span[1] and _official(role.title, reading.lexicon) and role.country:
            (vietnam.append(role.person) if role.country == VIETNAM else foreign.append((role.person, role.country)))
    return Sides(span, tuple(foreign), tuple(vietnam), tuple(diplomats))


def _state_code(mentions: list[Mention], index: int, reading: _Reading) -> str | None:
    """The country a mention stands for as a state actor, or None."""
    mention = mentions[index]
    if mention.kind in ("country", "intl"):
        return None if _after_non_state(mentions, _first_conjunct(mentions, index), reading.words) else mention.key
    if mention.kind == "org" and mention.get("kind") in STATE_ORG_KINDS:
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if following is not None and following.kind == "country":
            return None  # "Bộ Ngoại giao Peru": the country mention speaks for it
        return reading.lexicon.org_countries.get(mention.key or "") or None
    if mention.kind in ("person", "place"):
        return mention.get("country") or None  # a place: the event is held in that country
    return None


def _first_conjunct(mentions: list[Mention], index: int) -> int:
    """The first country of a coordination ("nhà đầu tư Thái Lan và Nhật Bản" -> Thái Lan)."""
    cursor = index - 1
    while cursor >= 1 and match_key(mentions[cursor].text) in CONJUNCTIONS \
            and mentions[cursor - 1].kind in ("country", "intl"):
        index, cursor = cursor - 1, cursor - 2
    return index


def _after_non_state(mentions: list[Mention], index: int, words: Words) -> bool:
    """Whether a non-state head comes before a country: right before it, or before a bracket and
    up to MAX_NAMES capitalised names ("tập đoàn Samsung (Hàn Quốc)", "huyện Hoài Đức")."""
    cursor = index - 1
    if cursor >= 0 and mentions[cursor].text == "(":
        cursor -= 1
    for _ in range(MAX_NAMES + 1):
        if cursor < 0:
            return False
        if _head_ends_at(mentions, cursor, words):
            return True
        if mentions[cursor].kind not in ("word", "name") or not mentions[cursor].text[:1].isupper():
            return False
        cursor -= 1
    return False


def _head_ends_at(mentions: list[Mention], cursor: int, words: Words) -> bool:
    """Whether the words ending at ``mentions[cursor]`` are a non-state head."""
    keys: list[str] = []
    for mention in reversed(mentions[max(cursor - 2, 0): cursor + 1]):
        if mention.kind not in ("word", "name", "title"):
            return False
        keys[:0] = phrase_key(mention.text).split()
        if tuple(keys) in words.non_state:
            return True
    return False


def _official(title: str, lexicon: Lexicon) -> bool:
    entry = lexicon.titles.get(phrase_key(title))
    return entry is not None and entry.get("kind") in OFFICIAL_KINDS


def _visits(reading: _Reading) -> Iterator[Evidence]:
    for visit in reading.x.visits:
        home = reading.nationality.get(visit.person)
        if visit.country == VIETNAM and home != VIETNAM:
            yield Evidence("visit", visit.person, home or "?", visit.span)
        elif visit.country != VIETNAM and home in (VIETNAM, None):
            yield Evidence("visit", visit.country, visit.country, visit.span)


def _meetings(reading: _Reading) -> Iterator[Evidence]:
    for meeting in reading.x.meetings:
        if meeting.type not in MEETING_TYPES:
            continue
        codes = [reading.nationality.get(side) for side in meeting.participants]
        sides = reading.sides(meeting.span[0])
        for side, code, other in zip(meeting.participants, codes, reversed(codes)):
            if code not in (None, VIETNAM) and (other == VIETNAM or (other is None and sides.vietnam)):
                yield Evidence("meeting", side, code, meeting.span)
            elif code is None and other == VIETNAM and sides.foreign:
                yield Evidence("meeting", side, sides.foreign[0][1], meeting.span)


def _partnerships(reading: _Reading) -> Iterator[Evidence]:
    for partner in reading.x.partners:
        sides = reading.sides(partner.span[0])
        named = any(code == partner.code for _, code in sides.foreign)
        if partner.level not in (None, "member") or (sides.vietnam and named):
            yield Evidence("partnership", partner.code, partner.code, partner.span)


def _events(reading: _Reading) -> Iterator[Evidence]:
    for event in reading.x.events:
        sides = reading.sides(event.span[0])
        if event.type != "other" and sides.vietnam and sides.foreign:
            yield Evidence("event", sides.foreign[0][0], sides.foreign[0][1], sides.span)


def _diplomacy(reading: _Reading) -> Iterator[Evidence]:
    folded = _folded(reading.text)
    if not any(f" {word} " in folded for word in reading.words.diplomacy):
        return
    for span in reading.sentences:
        sentence = _folded(reading.text[span[0]:span[1]])
        if any(f" {word} " in sentence for word in reading.words.diplomacy):
            sides = reading.sides(span[0])
            if sides.vietnam and (sides.foreign or sides.diplomats):
                actor, code = sides.foreign[0] if sides.foreign else (sides.diplomats[0], "?")
                yield Evidence("diplomacy", actor, code, span)


def _posts(reading: _Reading) -> Iterator[Evidence]:
    """A Vietnamese foreign-affairs official with a foreign side or at an event; a foreign
    diplomat with a Vietnamese side."""
    event_sentences = {reading.sentence(e.span[0]) for e in reading.x.events if e.type != "other"}
    for role in reading.x.roles:
        if not role.country or not _foreign_affairs_post(role.title, role.org, reading):
            continue
        sides = reading.sides(role.span[0])
        if role.country != VIETNAM and sides.vietnam:
            yield Evidence("post", role.person, role.country, role.span)
        elif role.country == VIETNAM and (sides.foreign or sides.span in event_sentences):
            actor, code = sides.foreign[0] if sides.foreign else (role.person, VIETNAM)
            yield Evidence("post", actor, code, role.span)


def _multilateral(reading: _Reading) -> Iterator[Evidence]:
    """A Vietnamese official in a sentence with an international organisation acting."""
    for role in reading.x.roles:
        if role.country == VIETNAM and _official(role.title, reading.lexicon):
            sides = reading.sides(role.span[0])
            intl = [(actor, code) for actor, code in sides.foreign if _is_intl(code, reading.lexicon)]
            if intl:
                yield Evidence("multilateral", *intl[0], role.span)


def _is_intl(code: str, lexicon: Lexicon) -> bool:
    entry = lexicon.countries.get(code)
    return entry is not None and entry.kind == "intl"


def _foreign_affairs_post(title: str, org: str | None, reading: _Reading) -> bool:
    entry = reading.lexicon.titles.get(phrase_key(title))
    return (entry is not None and entry.get("kind") == "diplomatic") or \
        (org is not None and phrase_key(org) in reading.words.fa_orgs)


RULES: dict[str, Callable[[_Reading], Iterator[Evidence]]] = {  # the strongest and cheapest first
    "visit": _visits, "meeting": _meetings, "partnership": _partnerships, "event": _events,
    "post": _posts, "multilateral": _multilateral, "diplomacy": _diplomacy,
}
MAX_EVIDENCE = 5  # enough to show why; looking further costs time on long articles and store space


def judge(extraction: Extraction, lexicon: Lexicon | None = None) -> Judgement:
    """Whether the article is about Vietnam's foreign affairs, with up to MAX_EVIDENCE pieces of evidence."""
    reading = _Reading(extraction, lexicon or load_lexicon(), load_words())
    found = (e for rule in RULES.values() for e in rule(reading))
    evidence: dict[Evidence, None] = {}
    for item in found:
        evidence[item] = None
        if len(evidence) == MAX_EVIDENCE:
            break
    return Judgement(bool(evidence), tuple(evidence))


def evidence_lines(judgement: Judgement, text: str) -> list[str]:
    """The evidence as one line each, as stored (vnfa:relevanceEvidence)."""
    return [item.describe(text) for item in judgement.evidence]


_WORD = re.compile(r"\w+")


def _folded(text: str) -> str:
    """Text as space-separated lookup keys, with a space at both ends."""
    return " " + " ".join(match_key(word) for word in _WORD.findall(text)) + " "
