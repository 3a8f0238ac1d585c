"""What a clause says about the event it names: whose words it reports, whether the event is only
wished for, proposed or offered by invitation, and whether it refers back to one told before.
"""
from __future__ import annotations

import re

from ..records import Mention
from ..text.lexicon import last_syllables, syllables, words
from ..text.normalise import match_key, phrase_key
from .sides import AND, CLAUSE_END, person_before, persons_before

INVITE, WILL = match_key("mời"), match_key("sẽ")
SIDE_WORDS = syllables("side_words")
LATER = re.compile(r"(?i)thời (gian|điểm) (thuận lợi|thích hợp|phù hợp)|dịp sớm nhất")
REFERENCE = syllables("reference_words")
CLOSING = last_syllables("closing_words")
PURPOSE = words("purpose_words")
CONVEY = words("convey_verbs")
WISHES = words("wish_words")  # "nhất trí ký kết": agreed to sign, later
EXPECT = words("expect_words")  # "mong đợi chuyến thăm": one that is planned
GIFTS = words("gift_words")
PLURAL_WORDS = words("plural_markers") | {","}
TOLD = last_syllables("told_openers")


def invited(sentence, index: int) -> bool:
    """'mời Nhà vua sang thăm Việt Nam', 'sẽ thăm vào thời gian thuận lợi': no visit (yet)."""
    items = sentence.items
    for back in range(index - 1, max(-1, index - 25), -1):
        if items[back].key == INVITE and not (back > 0 and items[back - 1].key == match_key("lời")):
            return True
        if items[back].key == INVITE and back > 1 and items[back - 2].key in CONVEY:
            return True  # "Đại sứ X chuyển lời mời của Tổng thống Y thăm ...": an invitation, no visit
        if items[back].text in CLAUSE_END:
            break
    clause = sentence_text(items[index:index + 20])
    return bool(LATER.search(clause))


def wished(sentence, index: int) -> bool:
    """'đề nghị hai bên sớm ký kết', 'mong muốn thực hiện chuyến thăm', 'nếu được ký': a proposal, a wish
    or a condition, not an event; looking forward to one ('mong đợi chuyến thăm') is no wish."""
    items = sentence.items
    for back in range(index - 1, max(-1, index - 10), -1):
        if items[back].text in CLAUSE_END:
            return False
        word = phrase_key(items[back].text)
        pair = phrase_key(f"{items[back - 1].text} {items[back].text}") if back > 0 else word
        expects = word in EXPECT or back + 1 < index and phrase_key(items[back + 1].text) in EXPECT
        if (word in WISHES or pair in WISHES) and not expects and pair not in EXPECT:
            return True
    return False


def sentence_text(items: list[Mention]) -> str:
    return " ".join(m.text for m in items)


def speakers_of(sentence, index: int) -> list[str]:
    """Who says it: the persons before the verb ('A và Tổng thống B đều khẳng định' gives both), or, for
    a verb opening a clause with no subject ("...; nhấn mạnh ..."), the sentence's subject."""
    items = sentence.items
    if items and items[-1].text == "?" or len(items) > 1 and items[-2].text == "?":
        return []  # "Ông hy vọng gì từ cuộc hội đàm?": a question asks, it reports no one's words
    opens_clause = index > 0 and items[index - 1].text in (";", ",") or (
        index > 1 and items[index - 1].key in AND and items[index - 2].text in (";", ","))
    if opens_clause and sentence.persons:
        return [sentence.persons[min(sentence.persons)]]
    near = items[max(0, index - 3):index]
    if index > 0 and items[index - 1].key in PURPOSE or any(m.key in GIFTS or m.key == WILL for m in near):
        return []  # "để trao đổi": a purpose; "tặng hoa chúc mừng": a gift; "sẽ có bài phát biểu": not yet said
    first, at = person_before(sentence, index, limit=30)
    if first and _new_subject(items[at + 1:index]):
        return []  # "Tại cuộc gặp giữa A và B, phía Trung Quốc đã bày tỏ": the words are another subject's
    found = persons_before(sentence, index, skip=frozenset()) if index - at <= 4 else []
    return found if len(found) > 1 and first == found[-1] else [first] if first else []


def _new_subject(between: list[Mention]) -> bool:
    """A clause of its own between a person and a verb: a comma, then a side or country as the subject."""
    commas = [i for i, m in enumerate(between) if m.text == ","]
    opener = between[commas[-1] + 1] if commas and commas[-1] + 1 < len(between) else None
    return opener is not None and (opener.kind == "country" or opener.key in SIDE_WORDS)


def refers_back(items: list[Mention], index: int) -> bool:
    """'Tham dự hội đàm có ...', 'Sau hội đàm, ...', 'Tại các cuộc gặp và hội đàm, ...': the event told
    already, no new sides."""
    if index > 0 and items[index - 1].key in REFERENCE:
        return True
    back = index - 1
    while back > 0 and (items[back].kind == "trigger" or items[back].key in AND or items[back].key in PLURAL_WORDS):
        back -= 1
    return back >= 0 and back < index - 1 and items[back].key in TOLD  # not "đã dự lễ đón, hội đàm và ..."
