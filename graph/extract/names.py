"""Who is named in a sentence: title chains closed by a name, names after an
honorific, names standing alone; then, over the whole article, full names
registered and short forms and bare titles ("Bộ trưởng Niên", "Tổng Bí thư")
resolved to them.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..records import Mention
from ..text.lexicon import load_lexicon
from ..text.mentions import ORG_HEAD_WORDS, plausible_vietnamese_name
from ..text.normalise import fold, match_key, phrase_key
from .chains import FORMER, LINK_SEPARATORS, Link, is_name, is_short_name, is_title, parse_chain
from .people import People
from .surroundings import (
    INITIAL_FIRST,
    acts,
    distant_title,
    far_links,
    in_credit,
    led_delegation,
    names_a_place,
    names_an_org,
    plural_list,
    remembered,
)

OF = match_key("của")


@dataclass
class Sentence:
    start: int
    end: int
    items: list[Mention]
    story: int  # the main article is story 0; each teaser is a story of its own
    section: str
    persons: dict[int, str] = field(default_factory=dict)  # item index -> person name
    sides: dict[int, str] = field(default_factory=dict)  # item index -> a bare title as written, unresolved
    foreign: str | None = None  # the foreign country the article is most about ("nước này")


@dataclass
class Ref:
    """A person mentioned at ``sentence.items[index]``, with the posts stated there."""

    sentence: Sentence
    index: int
    name: str
    style: str
    links: list[Link] = field(default_factory=list)
    resolved: str | None = None
    weak: bool = False  # a foreign-looking name with nothing around it that says "person"


@dataclass
class TitleRef:
    """A bare title standing for a person: "Phó Thủ tướng bày tỏ..."."""

    sentence: Sentence
    index: int
    links: list[Link]


def find_people(sentence: Sentence) -> tuple[list[Ref], list[TitleRef]]:
    items = sentence.items
    refs: list[Ref] = []
    titles: list[TitleRef] = []
    index = 0
    while index < len(items):
        item = items[index]
        starts_chain = is_title(item) or (item.kind == "word" and item.key in FORMER
                                          and index + 1 < len(items) and is_title(items[index + 1]))
        if starts_chain and index > 0 and items[index - 1].key in ORG_HEAD_WORDS and items[index - 1].text[:1].isupper():
            index += 1  # "Ban Thư ký Quốc gia ASEAN": a title word inside an organisation's name
            continue
        if starts_chain and item.get("kind") not in ("address", "degree"):
            chain = parse_chain(items, index)
            if chain is not None and chain.name is not None:
                links = led_delegation(items, index, chain.links)
                if remembered(items, chain.name):  # quoted from the past: the post is no current one
                    links = [replace(link, former=True) for link in links]
                ref = _name_ref(sentence, chain.name, links)
                refs.append(ref)
                shared = plural_list(items, index, chain.name)  # "các phó thủ tướng A, B và C"
                refs += [_name_ref(sentence, other, list(links)) for other in shared]
                index = shared[-1] + 1 if shared else _apposition(sentence, chain.name, ref)
                continue
            if chain is not None and any(link.is_post for link in chain.links) and not _name_follows(items, chain.end):
                titles.append(TitleRef(sentence, index, chain.links))
            index = chain.end if chain else index + 1
            continue
        if is_title(item) and item.get("kind") in ("address", "degree") and index + 1 < len(items) and (
                is_name(items[index + 1]) or is_short_name(items[index + 1])):
            ref = _name_ref(sentence, index + 1, [])
            refs.append(ref)
            index = _apposition(sentence, index + 1, ref)
            continue
        if is_name(item) and not in_credit(items, index) and (far := distant_title(items, index)) is not None:
            chain = parse_chain(items, far)  # "Tổng thư ký đảng cầm quyền UMNO Tengku Adnan": a long post
            refs.append(_name_ref(sentence, index, far_links(items, far, index, chain.links if chain else [])))
            index += 1
            continue
        if is_name(item) and (in_credit(items, index) or names_an_org(items, index) or names_a_place(items, index)):
            index += 1
            continue
        if is_name(item) and item.kind == "name" and item.get("style") == "vn" and not (
                plausible_vietnamese_name(item.text, load_lexicon()) or acts(items, index)):
            index += 1  # "Hoàng Cung", "Đoàn Cấp cao": a capitalised phrase, not a person
            continue
        if is_name(item) and (item.kind == "person" or item.get("style") in ("vn", "latin") or item.key):
            ref = _name_ref(sentence, index, [])
            ref.weak = item.get("style") == "latin" and not acts(items, index)
            refs.append(ref)
            index = _apposition(sentence, index, ref)
            continue
        index += 1
    return refs, titles


def _name_follows(items: list[Mention], end: int) -> bool:
    """'Chủ tịch Chính hiệp Giả Khánh Lâm': an organisation the gazetteer does not know, then the holder's name."""
    if end >= len(items) or not items[end].text[:1].isupper():
        return False
    for item in items[end:end + 3]:
        if is_name(item):
            return True
        if item.kind != "word":
            return False
    return False


def _name_ref(sentence: Sentence, index: int, links: list[Link]) -> Ref:
    item = sentence.items[index]
    style = item.get("style") or "short"
    if item.kind == "person":  # a leader the gazetteer knows; Vietnamese ones read as Vietnamese names
        style = "vn" if load_lexicon().person_countries.get(item.get("name") or "") == "VN" else "known"
    return Ref(sentence, index, item.text, style, list(links))


def _apposition(sentence: Sentence, name_index: int, ref: Ref) -> int:
    """After "X, Trợ lý Bộ trưởng, Vụ trưởng Vụ ..., ": add those posts to X; return the next index."""
    items = sentence.items
    after = name_index + 1
    if after + 1 < len(items) and items[after].key in LINK_SEPARATORS and (
            is_title(items[after + 1]) or items[after + 1].key in FORMER):
        chain = parse_chain(items, after + 1)
        if chain is not None and chain.name is None and any(link.is_post for link in chain.links) \
                and not (items[after].text == "," and _opens_clause(items, chain.end, ref)):
            ref.links.extend(chain.links)
            return chain.end
        if chain is not None and chain.name is not None and items[after + 2].key == OF and chain.links:
            inner = chain.links[0]  # "X, Đặc phái viên của Tổng thống Hàn Quốc Y": X is the envoy, Y the president
            ref.links.append(Link(items[after + 1], False, inner.org, inner.org_key, inner.country))
            return after + 3
    return after


APPOSITION_ENDS = {",", ";", ")", ".", "-", "–", ":"}


def _opens_clause(items: list[Mention], end: int, ref: Ref) -> bool:
    """'Qua Đại sứ X, Thủ tướng gửi …': a bare title right before a verb is the next clause's subject,
    when X already has a post of their own."""
    return any(link.is_post for link in ref.links) and end < len(items) and items[end].text not in APPOSITION_ENDS


def resolve_people(refs: list[Ref]) -> People:
    """Register full names first, then resolve short forms against them."""
    people = People()
    full = [r for r in refs if len(r.name.split()) >= 2 and not INITIAL_FIRST.match(r.name)]  # not "C. Rice"
    for ref in sorted(full, key=lambda r: (r.weak, -len(r.name.split()))):  # fuller forms first
        ref.resolved = people.add(ref.name, *_offsets(ref), ref.style).name
    for ref in full:  # a name two fuller forms share ("Peter Miller") stays the one it was registered as
        known = people.find(ref.name)
        ref.resolved = known.name if known else ref.resolved
    for ref in sorted(refs, key=lambda r: -len(r.name.replace(".", " ").split())):  # "G.W.Bush" before "G.Bush"
        if ref.resolved is None:
            known = people.find(ref.name)
            ref.resolved = known.name if known else people.add(ref.name, *_offsets(ref), "short").name
    strong = {ref.resolved for ref in refs if not ref.weak}
    for ref in refs:
        if ref.weak and ref.resolved not in strong:  # "El Nino", "Post Gazette": never an actor
            people.persons = [p for p in people.persons if p.name != ref.resolved]
            continue
        ref.sentence.persons[ref.index] = ref.resolved
    return people


def find_surnames(sentences: list[Sentence], people: People) -> None:
    """'Blinken nói': a lone capitalised word that is the short form of someone named in full."""
    for sentence in sentences:
        for index, item in enumerate(sentence.items):
            if index in sentence.persons or not is_short_name(item):
                continue
            person = people.find(item.text)
            if person is not None and len(person.name.split()) >= 2 and person.style != "vn":
                sentence.persons[index] = person.name


def _offsets(ref: Ref) -> tuple[int, int]:
    item = ref.sentence.items[ref.index]
    return item.start, item.end


def resolve_titles(title_refs: list[TitleRef], refs: list[Ref]) -> None:
    """A bare title stands for the person last named with that title (or first, if none before)."""
    holders: list[tuple[int, str, str, str | None]] = []  # (offset, title key, person, country)
    for ref in refs:
        for link in ref.links:
            country = link.country or ("VN" if ref.style == "vn" else None)
            holders.append((ref.sentence.items[ref.index].start, fold(link.title.text), ref.resolved, country))
    holders.sort(key=lambda h: h[0])
    for tref in title_refs:
        link = tref.links[-1]
        key, country = fold(link.title.text), link.country
        offset = tref.sentence.items[tref.index].start
        matches = [h for h in holders if h[1] == key and (country is None or h[3] in (None, country))]
        entry = load_lexicon().titles.get(phrase_key(link.title.text))
        if country is None and not (entry and entry.get("scope") == "foreign"):  # a bare "Thủ tướng" is Vietnam's
            vietnamese = [h for h in matches if h[3] == "VN"]
            matches = vietnamese or [h for h in matches if h[3] is None]
        before = [h for h in matches if h[0] < offset]
        chosen = before[-1] if before else (matches[0] if matches else None)
        if chosen is not None:
            tref.sentence.persons[tref.index] = chosen[2]
        else:  # "tiếp Phó Chủ tịch Quốc hội Mông Cổ": a side with no named person
            items = tref.sentence.items
            end = _chain_end(items, tref.index)
            tref.sentence.sides[tref.index] = " ".join(m.text for m in items[tref.index:end])


def _chain_end(items: list[Mention], index: int) -> int:
    chain = parse_chain(items, index)
    return chain.end if chain else index + 1
