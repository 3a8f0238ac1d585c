"""Unicode and spelling normalisation, and sentence splitting with offsets.

Vietnamese is written with the tone mark on different vowels ("hòa"/"hoà")
and in composed or decomposed Unicode; everything that compares strings
goes through :func:`fold`, which erases both differences.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

TONE_MARKS = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff]")


def clean_text(text: str) -> str:
    """NFC, Unix line ends, control and zero-width characters dropped, NBSP as space."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return _LOST_SPACE.sub(r"\1 ", _CONTROL.sub("", text))


# "Thủ tướngPhạm Minh Chính": a Vietnamese syllable glued to the capital of the next word (a lost space);
# "VinFast", "McDonald" have no Vietnamese letter before the capital and stay whole.
_ACCENTED = [chr(c) for c in range(0xC0, 0x1EFA) if unicodedata.name(chr(c), "").startswith("LATIN")]
_VN_LOWER = "".join(c for c in _ACCENTED if c.islower())
_UPPER = "A-Z" + "".join(c for c in _ACCENTED if c.isupper())
_LOST_SPACE = re.compile(rf"([a-z{_VN_LOWER}]*[{_VN_LOWER}][a-z{_VN_LOWER}]*)(?=[{_UPPER}][a-z{_VN_LOWER}])")


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """Case-fold one syllable and move its tone mark to the end.

    >>> fold_word("Hoà") == fold_word("hòa")
    True
    """
    tone = ""
    kept = []
    for char in unicodedata.normalize("NFD", word.casefold()):
        if char in TONE_MARKS:
            tone = TONE_MARKS[char]
        else:
            kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept)) + tone


def fold(text: str | None) -> str:
    """The comparison key of a string: NFC, case-folded, spaces collapsed,
    tone marks at syllable ends (the rule of the SPEC scorer).

    >>> fold("Thuỵ  Sĩ") == fold("thụy sĩ")
    True
    """
    if not text:
        return ""
    return " ".join(fold_word(word) for word in _SPACES.split(text.strip()))


def strip_accents(text: str) -> str:
    """Letters without any diacritic, đ as d: the form used in IRIs.

    >>> strip_accents("Đặng Thị Ngọc Thịnh")
    'Dang Thi Ngoc Thinh'
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(text: str) -> str:
    """A stable ASCII identifier for IRIs.

    >>> slug("Bộ Ngoại giao")
    'bo-ngoai-giao'
    """
    ascii_text = strip_accents(text).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "x"


# A sentence ends at . ! ? or a line break, where the next visible character
# opens a new sentence; "TP.HCM", "D.Hastert" and "15.4" keep their dots.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-ZÀ-Ỹ0-9Đ])|\n+")


_ABBREVIATION = re.compile(r"(?:^|[\s(])(?:(?:[A-ZĐ]\.){0,2}[A-ZĐ]|GS|TS|PGS|ThS|Mr|Mrs|Ms|Dr|St|TP|Th)\.$")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences in ``text[start:end]``, stripped of space."""
    end = len(text) if end is None else end
    spans = []
    cursor = start
    for found in _SENTENCE_END.finditer(text, start, end):
        if _ABBREVIATION.search(text, max(start, found.start() - 6), found.start()):
            continue  # "C. Rice", "GS. Thayer": an initial or a title's abbreviation
        spans.append((cursor, found.start()))
        cursor = found.end()
    spans.append((cursor, end))
    return [_strip_span(text, a, b) for a, b in spans if text[a:b].strip()]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


class Token(NamedTuple):
    text: str
    start: int
    end: int
    key: str  # match_key(text)
    cap: bool  # starts with an upper-case letter (proper nouns, titles in running text)


# Syllables join across "." and "'" ("TP.HCM", "S.Abe") and across a hyphen
# into a lower-case or numeric piece ("Ô-xtrây-li-a", "Jong-un"); "VN-Thái Lan" splits.
_TOKEN = re.compile(r"\w+(?:[.’']\w+|-(?=[^\W_A-ZÀ-ÝĐ])\w+)*|[^\w\s]")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Syllables, numbers and punctuation with their offsets in ``text``.

    >>> [t.text for t in tokenize("Tổng Bí thư Tô Lâm, TP.HCM")]
    ['Tổng', 'Bí', 'thư', 'Tô', 'Lâm', ',', 'TP.HCM']
    """
    end = len(text) if end is None else end
    tokens = []
    for found in _TOKEN.finditer(text, start, end):
        word = found.group()
        if "." in word:
            for piece_start, piece_end in _pieces(word, found.start()):
                piece = text[piece_start:piece_end]
                tokens.append(Token(piece, piece_start, piece_end, match_key(piece), piece[:1].isupper()))
        else:
            tokens.append(Token(word, found.start(), found.end(), match_key(word), word[:1].isupper()))
    return _join_hyphenated(tokens)


_LATIN_TITLE = re.compile(r"^[A-Z][a-zà-öø-ÿ]+$")  # "Jean", "Noël": Latin letters, no Vietnamese ones


def _join_hyphenated(tokens: list[Token]) -> list[Token]:
    """'Jean-Noël', 'Jean-Claude': a foreign given name split at its hyphen is one word again."""
    out: list[Token] = []
    for token in tokens:
        if len(out) >= 2 and out[-1].text == "-" and out[-1].start == out[-2].end and token.start == out[-1].end \
                and _LATIN_TITLE.match(out[-2].text) and _LATIN_TITLE.match(token.text):
            first = out[-2]
            word = f"{first.text}-{token.text}"
            out[-2:] = [Token(word, first.start, token.end, match_key(word), True)]
        else:
            out.append(token)
    return out


_MISSING_SPACE = re.compile(r"(?<=\w[a-zà-ỹđ])\.(?=[A-ZÀ-ỸĐ]\w)")


def _pieces(word: str, offset: int) -> list[tuple[int, int]]:
    """'Dũng.Tại' (a sentence end with its space lost) is two words and a dot; 'S.Abe', 'TP.HCM' stay one."""
    cuts = [m.start() for m in _MISSING_SPACE.finditer(word)]
    if not cuts:
        return [(offset, offset + len(word))]
    out, begin = [], 0
    for cut in cuts:
        out += [(offset + begin, offset + cut), (offset + cut, offset + cut + 1)]
        begin = cut + 1
    return out + [(offset + begin, offset + len(word))]


def phrase_key(text: str) -> str:
    """:func:`match_key` of every syllable of a phrase: how lexicon entries are looked up."""
    return " ".join(match_key(word) for word in _SPACES.split(text.strip()))


_FINAL_Y = re.compile(r"(?:(?<=[bcdđghklmnpqrstvx])|(?<=qu))y(?=\d?$)")  # "Quỹ" = the old "Quĩ"


@lru_cache(maxsize=200_000)
def match_key(word: str) -> str:
    """The lookup key of a syllable: :func:`fold_word`, and a final "y" after a
    consonant read as "i" ("sỹ" = "sĩ", "Mỹ" = "Mĩ", "lý" = "lí").

    >>> match_key("sỹ") == match_key("sĩ")
    True
    """
    return _FINAL_Y.sub("i", fold_word(word))
