"""Who "tôi" is: in an interview, the person whose answer it is ("- Đại sứ X: Tôi cho rằng ..."); in
quoted words, the person quoted ('Ông X cho biết: "... tôi sẽ thăm ..."'). Each "tôi" so resolved
stands for that person in the sentence, so that the words, visits and meetings it tells are theirs.
"""
from __future__ import annotations

from ..records import Mention
from ..text.lexicon import words
from .sides import person_before

FIRST_PERSON, PLURAL = words("first_person"), words("plural_pronouns")  # "chúng tôi" is no one person
OPEN_QUOTES, CLOSE_QUOTES = frozenset({"“", '"'}), frozenset({"”", '"'})
LABEL_REACH = 6  # "- Phó Giáo sư, Tiến sĩ X :": the label closes within the first items


def resolve_first_person(sentences: list) -> None:
    """Give each "tôi" of an answer or a quotation the person speaking (``sentence.persons``)."""
    answering, quoting, story = None, None, None
    for sentence in sentences:
        if sentence.story != story:
            answering, quoting, story = None, None, sentence.story
        label = _label(sentence)
        if label is not None:
            answering = label or None  # "- Phóng viên:" (no person) ends the answer before it
        quoted = _quoted_speaker(sentence)
        speaker = quoted or quoting or answering
        for index, item in enumerate(sentence.items):
            if item.key in FIRST_PERSON and index not in sentence.persons and speaker and not (
                    index > 0 and sentence.items[index - 1].key in PLURAL):
                sentence.persons[index] = speaker
        quoting = _still_quoting(sentence, quoting is not None, quoted or quoting)
        if sentence.items and sentence.items[-1].text == "?":
            answering = None  # a question: the next answer names its speaker


def _label(sentence) -> str | None:
    """'- Đại sứ X:' opening a sentence: X (or '' for a label with no person, the interviewer's)."""
    items = sentence.items
    colon = next((i for i, m in enumerate(items[:LABEL_REACH]) if m.text == ":"), None)
    if colon is None or colon == 0:
        return None
    named = [sentence.persons[i] for i in range(colon) if i in sentence.persons]
    if named and colon - 1 in sentence.persons:
        return named[-1]
    return "" if items[0].text in ("-", "–") else None


def _quoted_speaker(sentence) -> str | None:
    """'X cho biết: "...' or '"...", X nói': the person whose words are quoted in the sentence."""
    items = sentence.items
    for index, item in enumerate(items):
        if item.kind != "speech":
            continue
        after = [m.text for m in items[index + 1:index + 3]]
        before = [m.text for m in items[max(0, index - 4):index]]
        if ":" in after or any(t in OPEN_QUOTES for t in after) or any(t in CLOSE_QUOTES for t in before) or _closes(
                items[:index]):
            found = person_before(sentence, index, limit=6)[0] or _person_after(sentence, index)
            if found:
                return found
    return None


def _closes(items: list[Mention]) -> bool:
    """'"...", Thủ tướng khẳng định': a quotation closed earlier in the sentence, then its speaker."""
    marks = [i for i, m in enumerate(items) if m.text in CLOSE_QUOTES]
    return bool(marks) and len(items) - marks[-1] <= 5


def _person_after(sentence, index: int) -> str | None:
    return next((sentence.persons[i] for i in range(index + 1, min(len(sentence.items), index + 4))
                 if i in sentence.persons), None)


def _still_quoting(sentence, inside: bool, speaker: str | None) -> str | None:
    """The speaker of a quotation still open at the sentence's end (``inside``: open at its start)."""
    for item in sentence.items:
        if item.text in ("“", "”"):
            inside = item.text == "“"
        elif item.text == '"':
            inside = not inside
    return speaker if inside else None
