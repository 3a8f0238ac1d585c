"""Titles before and after names: "Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao
Phạm Bình Minh", "bà Lê Thị Thu Hằng, Trợ lý Bộ trưởng, Vụ trưởng Vụ
Thông tin Báo chí". A chain is a list of links (title + its organisation
or country), optionally closed by a name.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Mention
from ..text.lexicon import load_lexicon, words
from ..text.mentions import ORG_HEAD_WORDS
from ..text.normalise import match_key, phrase_key

NOT_POSTS = {"address", "rank", "degree", "adhoc"}
FORMER = words("former")
LINK_SEPARATORS = {",", "-", "–"} | words("title_joins")
ORG_HEADS = words("org_heads")
_HEAD_FIRST = {h.split()[0] for h in ORG_HEADS}
ORG_STOP = words("org_stops")
ORG_NAME_JOINS = words("org_name_joins")
MAX_ORG_TOKENS = 14
MINISTER_TITLES = words("minister_titles")
NOT_NAMES = words("credit_words") | words("dynasties")


@dataclass(frozen=True)
class Link:
    title: Mention
    former: bool = False
    org: str | None = None
    org_key: str | None = None
    country: str | None = None

    @property
    def is_post(self) -> bool:
        return self.title.get("kind") not in NOT_POSTS


@dataclass
class Chain:
    links: list[Link] = field(default_factory=list)
    start: int = 0  # item indices
    end: int = 0
    name: int | None = None  # index of the closing name item, if any


def is_title(item: Mention) -> bool:
    return item.kind == "title"


def is_name(item: Mention) -> bool:
    return item.kind in ("name", "person")


def _is_one_word_place(item: Mention) -> bool:
    return item.kind == "place" and " " not in item.text


def is_short_name(item: Mention) -> bool:
    """A lone capitalised word after a title: "Putin", "Niên", "Maxima"."""
    text = item.text
    return item.kind == "word" and text[:1].isupper() and text[:1].isalpha() and text[1:].islower() \
        and item.key not in NOT_NAMES and item.key not in ORG_HEAD_WORDS and (item.key,) not in load_lexicon().stopwords


def _short_name_at(items: list[Mention], index: int) -> bool:
    """'Putin' but not the 'Nhân' of 'Hội Hữu nghị Nhân dân': a word that opens a common phrase or a body."""
    pair = items[index:index + 2]
    return is_short_name(items[index]) and tuple(m.key for m in pair) not in load_lexicon().stopwords \
        and phrase_key(" ".join(m.text for m in pair)) not in ORG_HEADS  # "Phó Giám đốc Bệnh viện": no person "Bệnh"


def parse_chain(items: list[Mention], index: int) -> Chain | None:
    """The chain of titles starting at ``items[index]`` (a title or 'nguyên'/'cựu')."""
    chain = Chain(start=index)
    cursor = index
    while cursor < len(items):
        former = items[cursor].kind == "word" and items[cursor].key in FORMER
        at = cursor + 1 if former else cursor
        if at >= len(items) or not is_title(items[at]):
            break
        link, cursor = _parse_link(items, at, former)
        chain.links.append(link)
        if cursor < len(items) and _is_separator(items[cursor]) and _title_follows(items, cursor + 1):
            cursor += 1
            continue
        break
    if not chain.links:
        return None
    cursor = _skip_abbreviation(items, _skip_host(items, cursor))
    qualified = chain.links[-1].org or chain.links[-1].country
    if qualified and cursor + 1 < len(items) and items[cursor].text == "," and is_title(items[cursor + 1]) \
            and items[cursor + 1].get("kind") == "address":
        cursor += 1  # "Điều phối viên thường trú LHQ tại Việt Nam, ông Kamal Malhotra"
    while cursor < len(items) and is_title(items[cursor]) and items[cursor].get("kind") in ("address", "degree"):
        cursor += 1
    if cursor < len(items) and (is_name(items[cursor]) or _short_name_at(items, cursor) or (
            not qualified and _is_one_word_place(items[cursor]))):
        chain.name = cursor  # "Hoàng hậu Sofia": a capital's name can be a person's
        cursor += 1
    chain.end = cursor
    return chain


def _is_separator(item: Mention) -> bool:
    return item.kind in ("punct", "word") and item.key in LINK_SEPARATORS


def _title_follows(items: list[Mention], index: int) -> bool:
    if index < len(items) and items[index].kind == "word" and items[index].key in FORMER:
        index += 1
    return index < len(items) and is_title(items[index]) and items[index].get("kind") not in ("address", "degree")


def _skip_abbreviation(items: list[Mention], cursor: int) -> int:
    """'Tổng Thư ký Liên hợp quốc (LHQ) Kofi Annan': the body's short name in brackets."""
    if cursor + 3 < len(items) and items[cursor].text == "(" and items[cursor + 2].text == ")" \
            and items[cursor + 1].kind in ("intl", "org", "country", "word") and items[cursor + 1].text.isupper():
        return cursor + 3
    return cursor


def _skip_host(items: list[Mention], cursor: int) -> int:
    """'Đại sứ Mỹ tại Việt Nam X': the host country after 'tại' is not the post's."""
    if cursor + 1 < len(items) and items[cursor].key == match_key("tại") and items[cursor + 1].kind in ("country", "place"):
        return cursor + 2
    return cursor


def _parse_link(items: list[Mention], index: int, former: bool) -> tuple[Link, int]:
    title = items[index]
    cursor = index + 1
    org = org_key = country = None
    if cursor + 1 < len(items) and items[cursor].key == match_key("của") and is_title(items[cursor + 1]):
        inner, cursor = _parse_link(items, cursor + 1, False)  # "Đặc phái viên của Tổng Thư ký LHQ"
        if cursor < len(items) and is_name(items[cursor]):
            return inner, cursor  # "Đặc phái viên của Tổng thống Moon Jae-in": the name is the president's
        return Link(title, former, inner.org, inner.org_key, inner.country), cursor
    if cursor < len(items):
        org, org_key, country, cursor = read_qualifier(items, cursor)
        parts = title.text.split()
        head = parts[0] if phrase_key(title.text) in MINISTER_TITLES else parts[-1]
        if org is None and len(parts) > 1 and match_key(head) in _HEAD_FIRST and cursor < len(items) \
                and items[cursor].kind == "word" and items[cursor].text[:1].isupper():
            rest, org_key, country, cursor = _read_org(items, cursor)  # "Phó Trưởng Khoa Luật quốc tế"
            org = f"{head[0].upper()}{head[1:]} {rest}"
    return Link(title, former, org, org_key, country), cursor


def read_qualifier(items: list[Mention], cursor: int) -> tuple[str | None, str | None, str | None, int]:
    """The organisation and/or country right after a title: (org, org key, country, next index)."""
    item = items[cursor]
    if item.kind == "country":
        return None, None, item.key, cursor + 1
    if item.kind == "intl":
        return item.text, item.key, item.key, cursor + 1
    if item.kind == "org" or (item.kind in ("word", "trigger", "name") and _starts_org(items, cursor)):
        return _read_org(items, cursor)
    return None, None, None, cursor


def _starts_org(items: list[Mention], index: int) -> bool:
    item = items[index]
    if not item.text[:1].isupper():
        return False
    first = match_key(item.text.split()[0])
    if first not in _HEAD_FIRST:
        return False
    first_words = phrase_key(item.text) if item.kind != "word" else item.key
    following = [first_words] + [phrase_key(m.text) for m in items[index + 1:index + 3]]
    return any(" ".join(following[:n]) in ORG_HEADS for n in (1, 2, 3))


def _read_org(items: list[Mention], start: int) -> tuple[str | None, str | None, str | None, int]:
    cursor = start + 1
    key = items[start].key if items[start].kind == "org" else None
    # a country the text names; bare Vietnamese names ("Quốc hội") may be any state's, "Hạ viện Mỹ" is not
    country = items[start].get("country") or None if items[start].kind == "org" else None
    country = None if country == "VN" else country
    tokens = 1
    known = items[start].kind == "org"  # a gazetteer name grows only by names: "Bộ Ngoại giao Peru"
    while cursor < len(items) and tokens < MAX_ORG_TOKENS:
        item = items[cursor]
        if item.kind in ("country", "intl", "place"):
            country = country if item.kind == "place" else item.key
        elif item.kind == "org":
            key = item.key  # "Bộ Chính trị Đảng Cộng sản Cuba": the innermost body names the state
            country = item.get("country") or country
        elif item.kind == "word":
            if known and not item.text[:1].isupper() and not _communist(items, cursor) or item.key in ORG_STOP and not (
                    item.key in ORG_NAME_JOINS and _capital_next(items, cursor)):
                break  # "Bộ Kế hoạch và Đầu tư", "Hội Hữu nghị đối ngoại Nhân dân Trung Quốc" go on
        elif item.kind == "trigger" and item.get("role") == "noun" or item.kind == "name" and item.get("style") == "cap":
            pass
        else:
            break
        tokens += 1
        cursor += 1
    while cursor - 1 > start and items[cursor - 1].kind == "word" and not items[cursor - 1].text[:1].isalnum():
        cursor -= 1
    return span_text(items, start, cursor), key, country, cursor


def _communist(items: list[Mention], index: int) -> bool:
    """'Ban Bí thư Trung ương Đảng Cộng sản Trung Quốc': a known body goes on through 'Cộng sản'."""
    return items[index].key == match_key("sản") and items[index - 1].key == match_key("Cộng")


def _capital_next(items: list[Mention], index: int) -> bool:
    return index + 1 < len(items) and items[index + 1].text[:1].isupper()


def span_text(items: list[Mention], start: int, end: int) -> str:
    """The text from items[start] to items[end-1], as written (single spaces)."""
    parts = []
    for item in items[start:end]:
        parts.append(item.text)
    return " ".join(parts).replace(" ,", ",")
