"""What surrounds a capitalised name says whether it names a person and which
post they hold: a photo credit, a place or body named after someone, a long
post before the name, a delegation the person leads, a plural title over a list.
"""
from __future__ import annotations

import re
from dataclasses import replace

from ..records import Mention
from ..text.lexicon import syllables, words
from ..text.mentions import COMPANY_WORDS, ORG_HEAD_WORDS
from ..text.normalise import match_key, phrase_key
from .chains import ORG_HEADS, ORG_STOP, Link, is_name, is_title, span_text

INITIAL_FIRST = re.compile(r"^(?:[A-ZĐ]\.)+")  # "C. Rice", "A.V. Kutepov": a short form, never registered first

ORG_HEAD_TUPLE = tuple(ORG_HEADS)
MEMORIALS = tuple(sorted(words("memorials")))
CREDIT_WORDS = words("credit_words")


def in_credit(items: list[Mention], index: int) -> bool:
    """'(Ảnh: Trí Dũng – TTXVN)': a photo credit names no actor."""
    for back in range(index - 1, max(-1, index - 4), -1):
        if items[back].text == ":" and back > 0 and items[back - 1].key in CREDIT_WORDS:
            return True
    return False


CLAUSE_WORDS = words("clause_words")
MAX_TITLE_GAP = 14


def distant_title(items: list[Mention], index: int) -> int | None:
    """The post title that opens the long noun phrase ending in the name at ``index``, if the phrase
    holds an organisation and no verb or clause word: 'Bộ trưởng phụ trách Hội đồng An ninh Quốc gia X'."""
    org_seen = False
    for back in range(index - 1, max(-1, index - MAX_TITLE_GAP), -1):
        item = items[back]
        if is_title(item):
            post = item.get("kind") not in ("address", "degree", "rank", "adhoc")
            return back if post and org_seen and back < index - 2 else None
        if item.kind in ("org", "intl") or item.kind == "word" and (
                item.key in ORG_HEAD_WORDS or item.key in COMPANY_WORDS or _opens_body(items, back)):
            org_seen = True  # a body's name: "Cơ quan Hàng không Dân dụng", "tập đoàn"
        elif item.kind == "trigger" and item.get("role") == "noun" or item.kind in ("country", "place"):
            continue
        elif item.kind != "word" or item.key in CLAUSE_WORDS or not item.text[:1].isalpha():
            return None
    return None


LED_BY = match_key("do")
DELEGATION = match_key("đoàn")


def led_delegation(items: list[Mention], start: int, links: list[Link]) -> list[Link]:
    """'Đoàn đại biểu Quốc hội Singapore do Chủ tịch Quốc hội X dẫn đầu': X's posts serve the delegation's state."""
    if start == 0 or items[start - 1].key != LED_BY or any(link.country for link in links):
        return links
    for back in range(start - 2, max(-1, start - 14), -1):
        if items[back].key == DELEGATION:
            countries = [m.key if m.kind == "country" else m.get("country") for m in items[back:start]
                         if m.kind == "country" or m.kind == "org" and m.get("country")]
            return [replace(link, country=countries[-1]) for link in links] if countries else links
    return links


def _opens_body(items: list[Mention], index: int) -> bool:
    return items[index].text[:1].isupper() and phrase_key(" ".join(m.text for m in items[index:index + 2])) in ORG_HEADS


def far_links(items: list[Mention], far: int, index: int, links: list[Link]) -> list[Link]:
    """The post's organisation is the named body between title and name, without a closing country."""
    if len(links) != 1 or links[0].org:
        return links
    inside = list(range(far + 1, index))
    start = next((i for i in inside if items[i].kind in ("org", "intl") or items[i].kind == "word"
                  and items[i].text[:1].isupper()), None)
    if start is None:
        return links
    while start - 1 > far and items[start - 1].kind == "word" and items[start - 1].key in COMPANY_HEAD:
        start -= 1  # "tập đoàn Microsoft"
    end = index
    while end > start and items[end - 1].kind in ("country", "place"):
        end -= 1
    countries = [items[i].key for i in inside if items[i].kind == "country"]
    org_key = next((items[i].key for i in range(start, end) if items[i].kind in ("org", "intl")), None)
    country = countries[-1] if countries else links[0].country
    return [replace(links[0], org=span_text(items, start, end), org_key=org_key, country=country)]


PLACE_WORDS = words("place_words")
# "lời căn dặn của Chủ tịch Hồ Chí Minh": a leader remembered or quoted from the past holds no current post
REMEMBRANCE = words("remembrance")


PLACE_LIST_JOINS = {",", "-", "–"} | words("list_joins")
PLACE_LIST_OPENERS = words("place_list_openers")


def names_a_place(items: list[Mention], index: int) -> bool:
    """'quận Hà Đông', 'phố Trần Khát Chân', 'xã Yên Lạc': a place named like a person; so is every
    name of a list of them ('các tuyến đường như Giải Phóng, Trường Chinh, Nguyễn Trãi')."""
    at, joins = index, []
    while at > 0:
        before = items[at - 1]
        if before.kind == "word" and before.key in PLACE_WORDS or before.key in PLACE_LIST_OPENERS and any(
                m.kind == "word" and m.key in PLACE_WORDS for m in items[max(0, at - 4):at - 1]):
            return not joins or _a_list(items, index, joins)
        if before.text not in PLACE_LIST_JOINS and before.key not in PLACE_LIST_JOINS:
            return False
        joins.append(before.text)
        at = _capitalised_start(items, at - 1)
        if at is None:
            return False
    return False


def _capitalised_start(items: list[Mention], end: int) -> int | None:
    """Start of the run of capitalised items ('Giải Phóng', 'Trường Chinh') ending right before ``end``."""
    start = end
    while start > 0 and end - start < 4 and items[start - 1].text[:1].isupper() and items[start - 1].kind != "title":
        start -= 1
    return start if start < end else None


def _a_list(items: list[Mention], index: int, joins: list[str]) -> bool:
    """'phố Trần Phú, Lê Lợi và Hàng Bài' is a list; 'Tại phố Trần Phú, Nguyễn Văn An phát biểu' is not."""
    after = items[index + 1] if index + 1 < len(items) else None
    return len(joins) >= 2 or joins[0] != "," or after is None or after.text in PLACE_LIST_JOINS \
        or after.key in PLACE_LIST_JOINS or after.text in (".", "...", ";", ")")


def remembered(items: list[Mention], index: int) -> bool:
    """The name (or the title chain before it) follows a phrase of remembrance."""
    start = index
    while start > 0 and (is_title(items[start - 1]) or items[start - 1].kind in ("country", "org")):
        start -= 1
    before = phrase_key(" ".join(m.text for m in items[max(0, start - 5):start]))
    return any(phrase in before for phrase in REMEMBRANCE)


def acts(items: list[Mention], index: int) -> bool:
    """A name next to a verb of speaking, meeting or visiting is someone's."""
    after = items[index + 1:index + 3]
    before = items[max(0, index - 2):index]
    return any(m.kind in ("speech", "trigger") for m in after) or any(
        m.kind == "trigger" and m.get("role") != "noun" for m in before)


def names_an_org(items: list[Mention], index: int) -> bool:
    """'Học viện Ngoại giao Andrés Bello', 'Phủ Tổng thống La Moneda', 'Đại học New South Wales'."""
    if index == 0 or INITIAL_FIRST.match(items[index].text):
        return False  # "Hội đồng Liên bang Nga A.V. Kutepov": initials only ever open a person's name
    if items[index].kind == "person":  # "Đại học Lý Quang Diệu", "tượng đài Hồ Chí Minh": named after them
        return phrase_key(" ".join(m.text for m in items[max(0, index - 2):index])).endswith(MEMORIALS)
    before = items[index - 1]
    if before.kind == "org":
        return True
    if phrase_key(" ".join(m.text for m in items[max(0, index - 2):index])).endswith(ORG_HEAD_TUPLE):
        return True
    for start in range(max(0, index - 4), index - 1):  # "Tập đoàn Viễn thông Hoa Mỹ", "Xí nghiệp gà Lương Mỹ"
        run = items[start:index]
        if run[0].text[:1].isupper() and all(m.kind == "word" and m.key not in ORG_STOP for m in run) \
                and phrase_key(" ".join(m.text for m in run)).startswith(ORG_HEAD_TUPLE):
            return True
    return False


COMPANY_HEAD = syllables("company_nouns")
PLURAL = words("plural_markers")
LIST_JOINS = {","} | words("list_joins")


def plural_list(items: list[Mention], start: int, first: int) -> list[int]:
    """The other names a plural title ('các phó thủ tướng') heads, listed after the first."""
    if start == 0 or items[start - 1].key not in PLURAL:
        return []
    out, at = [], first + 1
    while at + 1 < len(items) and items[at].key in LIST_JOINS and is_name(items[at + 1]):
        out.append(at + 1)
        at += 2
    return out
