"""Conferences named by the body that holds them: a numbered summit of an organisation ('APEC 14',
'ASEM 5', 'APEC-13', 'APEC 2017') and a forum whose name is the body's own ('Diễn đàn Kinh tế Thế giới',
'Hội nghị Cấp cao Á - Âu') told as meeting ('tổ chức tại Davos', 'dự ...')."""
from __future__ import annotations

import itertools
import re
from functools import lru_cache

from ..records import Mention
from ..resources import read_list, read_table
from ..text.lexicon import words
from ..text.normalise import match_key, phrase_key
from .draft import Draft
from .sides import AND

NUMBERED = re.compile(r"^([A-Z][A-Z0-9]+)-(\d{1,2})$")  # "APEC-13"
GROUP_TYPES = {"conference", "seminar", "ceremony"}
HELD = words("held_words")
ORDINAL, ORDINAL_OF = words("ordinal_nouns"), match_key("thứ")


def summit(items: list[Mention], index: int, story: int) -> Draft | None:
    """'APEC 14', 'ASEM 5', 'APEC-13', 'APEC 2017': a numbered summit of an organisation is a conference."""
    item = items[index]
    numbered = NUMBERED.match(item.text)
    code, number = (numbered.group(1), numbered.group(2)) if numbered else (item.key, None)
    if number is None and item.kind == "intl" and index + 1 < len(items) and items[index + 1].text.isdigit():
        number = items[index + 1].text
    if code not in _summits() or number is None or len(number) not in (1, 2, 4):
        return None
    if named_by_trigger(items, index):
        return None  # "Hội nghị Cấp cao APEC 2017": the name of the conference its trigger gives
    year = number if len(number) == 4 and number[:2] in ("19", "20") else None
    label = frozenset({code} if year else {code, "#" + number})
    return Draft("conference", story, item.start, item.end, date=year, label=label)


def named_forum(items: list[Mention], index: int, story: int) -> Draft | None:
    """'tại Diễn đàn Kinh tế Thế giới tổ chức ở Davos', 'đã tổ chức Hội nghị Cấp cao Á - Âu (ASEM) lần thứ 5':
    a body whose name is a conference's, told as meeting, is a conference; a member of it is none."""
    item = items[index]
    if item.kind != "intl" or not _forum_name(item.text) or named_by_trigger(items, index):
        return None
    before = _phrases(items[max(0, index - 5):index])
    after = items[index + 1:index + 9]
    if not (before & HELD or _phrases(after) & HELD or any(m.kind == "date" for m in after)):
        return None
    rest = [m for m in items[index + 1:index + 8] if m.text not in ("(", ")") and m.kind != "intl"]
    ordinal = len(rest) > 2 and rest[0].key in ORDINAL and rest[1].key == ORDINAL_OF  # "(ASEM) lần thứ 5"
    label = frozenset({item.key} | ({"#" + rest[2].text} if ordinal else set()))
    return Draft("conference", story, item.start, item.end, label=label)


def _forum_name(name: str) -> bool:
    """A name that opens with a conference's word: 'Diễn đàn ...', 'Hội nghị Cấp cao ...'."""
    key = phrase_key(name)
    return any(key.startswith(f"{word} ") for word in _conference_words())


def _phrases(items: list[Mention]) -> set[str]:
    """The words and two-word phrases of ``items``, as keys."""
    keys = [phrase_key(m.text) for m in items]
    return set(keys) | {f"{a} {b}" for a, b in itertools.pairwise(keys)}


def named_by_trigger(items: list[Mention], index: int) -> bool:
    """'Hội nghị Cấp cao APEC 2017', 'Hội nghị các nhà lãnh đạo Diễn đàn ...': the name of the conference
    a trigger before gives, no event of its own."""
    for back in range(index - 1, max(-1, index - 7), -1):
        item = items[back]
        if item.kind == "trigger" and item.key in GROUP_TYPES:
            return True
        if item.text in (",", ";", ".", ":") or item.key in AND or item.kind in ("trigger", "speech"):
            return False
    return False


@lru_cache(maxsize=1)
def _conference_words() -> tuple[str, ...]:
    return tuple(phrase_key(row["phrase"]) for row in read_table("lexicon", "events.tsv") if row["type"] == "conference")


@lru_cache(maxsize=1)
def _summits() -> frozenset[str]:
    return frozenset(read_list("lexicon", "summits.txt"))
