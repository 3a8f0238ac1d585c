"""Article -> Extraction: persons and their posts, events, speakers,
meetings, visits and partners.

Three passes over the article's sentences: (1) mentions, title chains and
name candidates; (2) who is who: full names registered, short forms and
bare titles resolved; (3) events and relations, which need (2).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .chains import FORMER, LINK_SEPARATORS, ORG_HEADS, Link, is_name, is_short_name, is_title, parse_chain
from .lexicon import Lexicon, load_lexicon
from .mentions import ORG_HEAD_WORDS, find_mentions, plausible_vietnamese_name
from .normalise import fold, match_key, phrase_key, split_sentences
from .people import People
from .records import Article, Extraction, Mention, Role

NAME_VERB_BOUNDARY = {",", ".", ";", ":", ")", "”", '"'}


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


def extract(article: Article, lexicon: Lexicon | None = None) -> Extraction:
    """Every fact vnfa finds in one article."""
    from .events import find_events  # the relation stage builds on the people found here

    lexicon = lexicon or load_lexicon()
    sentences = read_sentences(article, lexicon)
    refs, title_refs = [], []
    for sentence in sentences:
        found_refs, found_titles = find_people(sentence)
        refs += found_refs
        title_refs += found_titles
    people = resolve_people(refs)
    resolve_titles(title_refs, refs)
    foreign = main_foreign_country(sentences)
    for sentence in sentences:
        sentence.foreign = foreign
    roles = tuple(make_roles(refs, lexicon, foreign))
    events, meetings, visits = find_events(sentences, article, nationalities(refs, list(roles)))
    from .partners import find_partners

    partners = find_partners(sentences, events, visits, roles, meetings)
    persons = {p.name: (p.start, p.end) for p in people.persons}
    return Extraction(article, persons, roles, tuple(events), tuple(meetings), tuple(visits), tuple(partners))


def read_sentences(article: Article, lexicon: Lexicon) -> list[Sentence]:
    out = []
    story = 0
    for section in article.parts():
        if section.kind == "teaser_title":
            story += 1
        for start, end in split_sentences(article.text, section.start, section.end):
            items = find_mentions(article.text, start, end, lexicon)
            out.append(Sentence(start, end, items, story, section.kind))
    main = [s for s in out if s.story == 0]
    if len(main) > 1 and _is_byline(main[-1].items):
        out.remove(main[-1])
    return out


def _is_byline(items: list[Mention]) -> bool:
    """A last 'sentence' that is only a name and an agency: "Nguyễn Hoàng", "PV (TTXVN)"."""
    words = [m for m in items if m.kind != "punct"]
    return 0 < len(words) <= 3 and all(m.kind in ("name", "word", "org") and m.text[:1].isupper() for m in words)


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
                ref = _name_ref(sentence, chain.name, chain.links)
                refs.append(ref)
                index = _apposition(sentence, chain.name, ref)
                continue
            if chain is not None and any(link.is_post for link in chain.links):
                titles.append(TitleRef(sentence, index, chain.links))
            index = chain.end if chain else index + 1
            continue
        if is_title(item) and item.get("kind") in ("address", "degree") and index + 1 < len(items) and (
                is_name(items[index + 1]) or is_short_name(items[index + 1])):
            ref = _name_ref(sentence, index + 1, [])
            refs.append(ref)
            index = _apposition(sentence, index + 1, ref)
            continue
        if is_name(item) and (_in_credit(items, index) or _names_an_org(items, index)):
            index += 1
            continue
        if is_name(item) and item.kind == "name" and item.get("style") == "vn" and not (
                plausible_vietnamese_name(item.text, load_lexicon()) or _acts(items, index)):
            index += 1  # "Hoàng Cung", "Đoàn Cấp cao": a capitalised phrase, not a person
            continue
        if is_name(item) and (item.kind == "person" or item.get("style") in ("vn", "latin") or item.key):
            ref = _name_ref(sentence, index, [])
            ref.weak = item.get("style") == "latin" and not _acts(items, index)
            refs.append(ref)
            index = _apposition(sentence, index, ref)
            continue
        index += 1
    return refs, titles


CREDIT_WORDS = {match_key(w) for w in ("ảnh", "nguồn", "tin", "bài", "video", "clip")}


def _in_credit(items: list[Mention], index: int) -> bool:
    """'(Ảnh: Trí Dũng – TTXVN)': a photo credit names no actor."""
    for back in range(index - 1, max(-1, index - 4), -1):
        if items[back].text == ":" and back > 0 and items[back - 1].key in CREDIT_WORDS:
            return True
    return False


def _acts(items: list[Mention], index: int) -> bool:
    """A name next to a verb of speaking, meeting or visiting is someone's."""
    after = items[index + 1:index + 3]
    before = items[max(0, index - 2):index]
    return any(m.kind in ("speech", "trigger") for m in after) or any(
        m.kind == "trigger" and m.get("role") != "noun" for m in before)


def _names_an_org(items: list[Mention], index: int) -> bool:
    """'Học viện Ngoại giao Andrés Bello', 'Phủ Tổng thống La Moneda', 'Đại học New South Wales'."""
    if index == 0 or items[index].kind == "person":
        return False
    before = items[index - 1]
    if before.kind == "org":
        return True
    words = " ".join(m.text for m in items[max(0, index - 2):index])
    return any(fold(words).endswith(head) for head in ORG_HEADS)


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
        if chain is not None and chain.name is None and any(l.is_post for l in chain.links):
            ref.links.extend(chain.links)
            return chain.end
    return after


def resolve_people(refs: list[Ref]) -> People:
    """Register full names first, then resolve short forms against them."""
    people = People()
    full = [r for r in refs if len(r.name.split()) >= 2 and "." not in r.name]
    for ref in sorted(full, key=lambda r: (r.weak, -len(r.name.split()))):  # fuller forms first
        ref.resolved = people.add(ref.name, *_offsets(ref), ref.style).name
    for ref in full:
        ref.resolved = people.find(ref.name).name
    for ref in refs:
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


def main_foreign_country(sentences: list[Sentence]) -> str | None:
    """The foreign country the article is most about: a foreigner's post with no country is taken to serve it."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        for item in sentence.items:
            if item.kind == "country" and item.key != "VN":
                counts[item.key] = counts.get(item.key, 0) + 1
    return max(counts, key=lambda code: (counts[code], -len(code))) if counts else None


def _chain_end(items: list[Mention], index: int) -> int:
    chain = parse_chain(items, index)
    return chain.end if chain else index + 1


def nationalities(refs: list[Ref], roles: list[Role]) -> dict[str, str]:
    """Person -> the country their posts serve (VN for Vietnamese names with no post)."""
    found = {r.person: r.country for r in roles if r.country}
    for ref in refs:
        if ref.style == "vn" and ref.resolved not in found:
            found[ref.resolved] = "VN"
    return found


def make_roles(refs: list[Ref], lexicon: Lexicon, foreign: str | None = None) -> list[Role]:
    """Posts stated with each person, one role per (person, title); "Chủ tịch" gives way to "Chủ tịch nước"."""
    found: dict[tuple[str, str], Role] = {}
    for ref in refs:
        posts = [l for l in ref.links if l.is_post]
        closing = next((l for l in reversed(posts) if l.org), None)
        named = next((l.country for l in posts if l.country and l.country != "VN"), None)
        for link in posts:
            if link.country is None and named and (link.org_key is None or
                                                    _org_country(link.org_key, lexicon) in ("VN", None)):
                link = replace(link, country=named)  # "Ủy viên Bộ Chính trị, Ngoại trưởng Trung Quốc X"
            role = _role(ref, link, closing, lexicon)
            if role.country is None and foreign and ref.style not in ("vn",) and not _vietnamese_title(role, lexicon):
                role = replace(role, country=foreign)
            found.setdefault((fold(role.person), fold(role.title)), role)
    return [role for role in found.values() if not _shadowed(role, found.values())]


def _vietnamese_title(role: Role, lexicon: Lexicon) -> bool:
    entry = lexicon.titles.get(phrase_key(role.title))
    return entry is not None and entry.get("scope") == "vn"


def _shadowed(role: Role, roles) -> bool:
    """A shorter title of the same post: "Chủ tịch" beside "Chủ tịch nước" for the same person."""
    return any(other.person == role.person and fold(other.title).startswith(fold(role.title) + " ")
               and role.org in (None, other.org) for other in roles)


def _role(ref: Ref, link: Link, closing: Link | None, lexicon: Lexicon) -> Role:
    entry = lexicon.titles.get(phrase_key(link.title.text))
    title = link.title.text
    title = title[0].upper() + title[1:]
    org, org_key, country = link.org, link.org_key, link.country
    default_org = entry.get("default_org") if entry else ""
    scope = entry.get("scope") if entry else ""
    kind = entry.get("kind") if entry else ""
    short = _shorter_title(title, lexicon)
    if short and default_org and fold(title[len(short):]) in fold(default_org):  # "Bộ trưởng Ngoại giao": title "Bộ trưởng", org "Bộ Ngoại giao"
        title, org = short, org or default_org
    item = ref.sentence.items[ref.index]
    known = lexicon.person_countries.get(item.get("name") or "", "") if ref.style == "known" else ""
    vietnamese = ref.style == "vn" or known == "VN" or scope == "vn" or (
        org_key and _org_country(org_key, lexicon) == "VN")
    if country is None and known and known != "VN":
        country = known
        if org is None and known in lexicon.countries and lexicon.countries[known].kind == "intl":
            org, org_key = lexicon.countries[known].name, known
    if org is None and closing is not None and closing is not link and not default_org \
            and kind not in ("state", "royal") and scope != "foreign":
        org, org_key, country = closing.org, closing.org_key, country or closing.country
    if country is None and org_key:
        country = _org_country(org_key, lexicon)
    if country is None and vietnamese:
        country = "VN"
    if org is None and default_org and country in (None, "VN"):
        org = default_org
    if org is None and kind == "party" and country in lexicon.ruling_parties:
        org = lexicon.ruling_parties[country]  # "Tổng Bí thư, Chủ tịch Trung Quốc Tập Cận Bình"
    sentence = ref.sentence
    item = sentence.items[ref.index]
    start = min(item.start, link.title.start)
    end = max(item.end, link.title.end)
    return Role(ref.resolved or ref.name, title, org, country, (start, end),
                "former" if link.former else None, entry.get("title_en") if entry else None, org_key)


def _shorter_title(title: str, lexicon: Lexicon) -> str | None:
    words = title.split()
    for n in range(len(words) - 1, 0, -1):
        candidate = " ".join(words[:n])
        if phrase_key(candidate) in lexicon.titles:
            return candidate
    return None


def _org_country(org_key: str, lexicon: Lexicon) -> str | None:
    if org_key in lexicon.countries:
        return org_key
    return lexicon.org_countries.get(org_key) or None
