"""Sentence text -> a sequence of mentions covering every token.

Gazetteer phrases (countries, organisations, places, titles, known people,
event triggers), dates and capitalised name runs become one mention each;
every other token stays a ``word`` or ``punct`` mention, so that extraction
reads a sentence as a short list of typed items.
"""
from __future__ import annotations

import re

from ..records import Mention
from .lexicon import Entry, Lexicon, last_syllables, load_lexicon, words
from .normalise import Token, tokenize

ROMAN = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|X{1,2}I{0,3})$")
VIETNAMESE_ONLY = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300-\u036f]|[à-ỹ](?<![àáèéìíòóùúýãẽĩõũỹâêôçäëïöüñåøæ])")
NAME_PARTICLES = words("name_particles")
MAX_VN_NAME = 4
TITLE_PREFIXES = words("title_prefixes")
ORG_HEAD_WORDS = words("org_head_words")
STEMS = words("heavenly_stems")
BRANCHES = words("earthly_branches")
INITIAL_NAME = re.compile(r"^(?:[A-ZĐ]\.){1,3}[A-ZĐ][a-zà-ỹđ]+$")  # "S.Abe", "D.Hastert", "G.W.Bush"
INITIALS = re.compile(r"^[A-ZĐ](?:\.[A-ZĐ]){0,2}$")  # "C" of "C. Rice", "A.V" of "A.V. Kutepov"


def find_mentions(text: str, start: int, end: int, lexicon: Lexicon | None = None) -> list[Mention]:
    """Every token of ``text[start:end]``, grouped into typed mentions."""
    lexicon = lexicon or load_lexicon()
    tokens = tokenize(text, start, end)
    dates = {m.start: m for m in find_dates(text, start, end)}
    out: list[Mention] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        date = dates.get(token.start)
        if date is not None:
            out.append(date)
            index = _skip_to(tokens, index, date.end)
            continue
        match = lexicon.phrases.match_at(tokens, index)
        name_end = _name_run(tokens, index, lexicon)
        cut = _name_inside(tokens, index, name_end, lexicon) if name_end and match is None else 0
        if cut:  # "Thứ trưởng Công Thương Phan Thị Thắng": a body's short name glued before the name
            out.extend(Mention("word", t.start, t.end, t.text, t.key) for t in tokens[index:cut])
            index = cut
            continue
        if name_end and _name_wins(match, name_end, tokens, token, lexicon):
            if name_end - index >= 3 and _glued_owner(out, tokens[index:name_end], lexicon):
                # "tập đoàn Microsoft Bill Gates", "bang Queensland Annastacia Palaszczuk"
                out.append(Mention("word", token.start, token.end, token.text, token.key))
                index += 1
                continue
            out.append(_name_mention(text, tokens, index, name_end, lexicon))
            index = name_end
        elif match is not None and match.entry.kind == "compound":
            out.extend(Mention("word", t.start, t.end, t.text, t.key) for t in tokens[match.start:match.end])
            index = match.end
        elif match is not None and match.entry.kind == "title" and out and out[-1].kind == "word" \
                and out[-1].key in TITLE_PREFIXES and out[-1].text[:1].isupper() \
                and match.entry.get("kind") not in ("address", "degree", "rank"):
            prefix = out.pop()  # "Phó Trưởng Khoa", "Quyền Bộ trưởng"
            mention = _entry_mention(text, tokens, match.start, match.end, match.entry)
            out.append(Mention("title", prefix.start, mention.end, text[prefix.start:mention.end], None, mention.data))
            index = _shared_start(tokens, match, lexicon)
        elif match is not None:
            out.append(_entry_mention(text, tokens, match.start, match.end, match.entry))
            index = _shared_start(tokens, match, lexicon) if match.entry.kind == "title" else match.end
        else:
            kind = "word" if token.text[0].isalnum() or token.text[0] == "_" else "punct"
            out.append(Mention(kind, token.start, token.end, token.text, token.key))
            index += 1
    return out


COMPANY_WORDS = last_syllables("company_nouns")  # "tập đoàn", "công ty", "hãng"
TERRITORY_WORDS = last_syllables("territory_nouns")  # "bang", "phe ly khai"


def _glued_owner(out: list[Mention], run: list[Token], lexicon: Lexicon) -> bool:
    """A capitalised run right after a company word opens with the company's name; a foreign one right after
    a word for a territory or a group ("bang", "phe ly khai") opens with the place's or group's name."""
    before = out[-1] if out else None
    if before is None or before.kind != "word" or not before.text.islower():
        return False
    foreign = not any(_is_vietnamese(t.text) for t in run) and not _is_surname(run[0], lexicon)
    return before.key in COMPANY_WORDS or foreign and before.key in TERRITORY_WORDS


def _name_wins(match, name_end: int, tokens: list[Token], token: Token, lexicon: Lexicon) -> bool:
    """A capitalised run is a name unless a gazetteer phrase (title, country...) starts there;
    a one-syllable country or place that is also a surname ("Hà") may open a name."""
    if match is None:
        return True
    if match.entry.kind == "person":
        return name_end > match.end
    single = match.end - match.start == 1 and match.entry.kind in ("country", "place")
    after = tokens[match.end] if match.end < len(tokens) else None
    if single and name_end - match.start == 2 and token.key in lexicon.given_names and after is not None \
            and after.key in lexicon.given_names and _is_vietnamese(after.text):
        return True  # "Anh Thư": a country's one syllable opening a given name
    return single and _is_surname(token, lexicon) and name_end - match.start >= 2


def _shared_start(tokens: list[Token], match, lexicon: Lexicon) -> int:
    """'Trưởng ban Đối ngoại Trung ương': the title and the organisation share 'Ban';
    scanning goes on from the organisation's first syllable."""
    for cut in range(match.start + 1, match.end):
        inner = lexicon.phrases.match_at(tokens, cut, frozenset({"org", "intl", "country"}))
        if inner is not None and inner.end > match.end:
            return cut
    return match.end


def _skip_to(tokens: list[Token], index: int, offset: int) -> int:
    while index < len(tokens) and tokens[index].start < offset:
        index += 1
    return index


def _is_surname(token: Token, lexicon: Lexicon) -> bool:
    return token.cap and token.key in lexicon.surnames


def _is_name_token(token: Token) -> bool:
    text = token.text
    if not text[0].isalpha() or not text[0].isupper():
        return False
    return not (len(text) > 1 and text.isupper() and not ROMAN.match(text) and "." not in text)


def _name_run(tokens: list[Token], index: int, lexicon: Lexicon) -> int:
    """End (token index) of a capitalised run that may be a person's name, or 0."""
    first = tokens[index]
    initial = index + 1 < len(tokens) and tokens[index + 1].text == "." and bool(INITIALS.match(first.text))
    if not _is_name_token(first) or (ROMAN.match(first.text) and not initial) or (
            first.key in ORG_HEAD_WORDS and first.key not in lexicon.surnames) or _opens_with_stopword(
            tokens, index, lexicon):
        return 0
    end = index + 1
    while end < len(tokens):
        token = tokens[end]
        latin = not (_is_vietnamese(tokens[index].text) or _is_vietnamese(token.text) or _is_surname(tokens[index], lexicon)
                     or tokens[index].key in lexicon.given_names)  # "American Airlines", not "Hùng Ba"
        if (end - index >= 2 or latin) and _glued_opener(tokens, end, lexicon):
            break  # "Peter Miller Hôm qua đến": the next sentence's first word, its full stop lost
        if _is_name_token(token) and not _starts_entity(tokens, end, lexicon):
            end += 1
        elif token.text == "." and end + 1 < len(tokens) and INITIALS.match(tokens[end - 1].text) \
                and _is_name_token(tokens[end + 1]):
            end += 2  # an initial: "C. Rice", "Michael W. Marine"
        elif token.key in NAME_PARTICLES and end + 1 < len(tokens) and _is_name_token(tokens[end + 1]) \
                and not _is_vietnamese(tokens[index].text):
            end += 2
        else:
            break
    if _is_surname(tokens[index], lexicon):
        end = min(end, index + MAX_VN_NAME)
    if end - index == 2 and tokens[index].key in STEMS and tokens[index + 1].key in BRANCHES:
        return 0  # "năm mới Đinh Hợi", "Xuân Giáp Thân": a year of the lunar calendar
    return end if end - index >= 2 or INITIAL_NAME.match(tokens[index].text) else 0


def _name_inside(tokens: list[Token], start: int, end: int, lexicon: Lexicon) -> int:
    """A Vietnamese capitalised run not opening with a family name ('Công Thương'), or too long to be one
    name ('Bạch Mai Nguyễn Quốc Anh'): where a plausible Vietnamese name running to its end opens, or 0."""
    if not _is_vietnamese(tokens[start].text):
        return 0
    if _is_surname(tokens[start], lexicon):  # "Bệnh viện Bạch Mai Nguyễn Quốc Anh": too long for one name
        end = _vietnamese_run_end(tokens, start, lexicon)
        if end - start <= MAX_VN_NAME:
            return 0
    cuts = [cut for cut in range(start + 1, end - 1) if _is_surname(tokens[cut], lexicon) and end - cut <= MAX_VN_NAME
            and plausible_vietnamese_name(" ".join(t.text for t in tokens[cut:end]), lexicon)]
    return next((cut for cut in cuts if end - cut == 3), cuts[0] if cuts else 0)  # three syllables are the most usual


def _vietnamese_run_end(tokens: list[Token], start: int, lexicon: Lexicon) -> int:
    end = start + 1
    while end < len(tokens) and _is_name_token(tokens[end]) and not _starts_entity(tokens, end, lexicon) \
            and not _glued_opener(tokens, end, lexicon):
        end += 1
    return end


def _glued_opener(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    """A sentence opener that is no given name ('Hôm', 'Khu') cannot continue a name."""
    return tokens[index].key not in lexicon.given_names and _opens_with_stopword(tokens, index, lexicon)


def _opens_with_stopword(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    """'Theo Phòng ...', 'Phát biểu tại ...': a sentence opener, not a name."""
    return any(tuple(t.key for t in tokens[index:index + n]) in lexicon.stopwords for n in (1, 2, 3))


def plausible_vietnamese_name(text: str, lexicon: Lexicon) -> bool:
    """Every syllable after the family name is a known given-name syllable ('Hoàng Cung' is a palace)."""
    words = tokenize(text)
    return words[-1].key in lexicon.given_names and all(
        w.key in lexicon.given_names or w.key in lexicon.surnames for w in words[1:-1])


def _starts_entity(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    """A capitalised token that opens a gazetteer phrase ends a name run."""
    match = lexicon.phrases.match_at(tokens, index)
    if match is not None and match.entry.kind in ("trigger", "speech") and match.entry.get("role") != "noun":
        return True  # "Donald Trump Tiếp ...": a capitalised verb ends the name
    if match is None or match.entry.kind in ("person", "speech", "trigger", "level"):
        return False
    if match.end - match.start == 1 and match.entry.kind == "place" and not _is_vietnamese(tokens[index - 1].text) \
            and match.end < len(tokens) and _is_name_token(tokens[match.end]):
        return False  # "Eduardo Lisboa Tavares": a city's name inside a foreign name
    # "Nguyễn Văn An": a country alias of one syllable inside a Vietnamese name is a given name.
    return not (match.end - match.start == 1 and _is_vietnamese_name_context(tokens, index, lexicon))


def _is_vietnamese_name_context(tokens: list[Token], index: int, lexicon: Lexicon) -> bool:
    """A surname just before, or a Vietnamese given name ('Tuấn Anh', not 'tiếng Anh')."""
    before = tokens[index - 1] if index > 0 else None
    if before is not None and before.cap and before.key in lexicon.given_names and _is_vietnamese(before.text):
        return True
    back = index - 1
    while back >= 0 and back >= index - 3 and _is_name_token(tokens[back]):
        if tokens[back].key in lexicon.surnames:
            return True
        back -= 1
    return False


def _is_vietnamese(text: str) -> bool:
    return bool(VIETNAMESE_ONLY.search(text))


def _name_mention(text: str, tokens: list[Token], start: int, end: int, lexicon: Lexicon) -> Mention:
    words = tokens[start:end]
    if _is_surname(words[0], lexicon):
        style = "vn"
    elif not any(_is_vietnamese(t.text) for t in words):
        style = "latin"
    else:
        style = "cap"
    known = lexicon.phrases.match_at(tokens, start, frozenset({"person"}))
    data = (("style", style),)
    surface = text[words[0].start:words[-1].end]
    key = known.entry.name if known and known.end == end else None
    return Mention("name", words[0].start, words[-1].end, surface, key, data)


def _entry_mention(text: str, tokens: list[Token], start: int, end: int, entry: Entry) -> Mention:
    first, last = tokens[start], tokens[end - 1]
    data = (("name", entry.name),) + entry.info
    return Mention(entry.kind, first.start, last.end, text[first.start:last.end], entry.key, data)


# Dates as the genre writes them: "ngày 14/6", "sáng 24-1", "17/9/2024",
# "từ 18-20/8", "12 - 15.4", "ngày 5 tháng 3 năm 2024", "tháng 11/2017", "tháng 11-2025", "(3/2017)",
# "năm 2006", "vào 2005," (a bare year after "vào" only where a clause ends: not "vào 2000 người").
_DAY_MONTH = (r"(?:(?P<d1>\d{1,2})\s*(?:-|–|đến|và)\s*)?(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})"
              r"(?:\s*(?P=sep)\s*(?P<y>\d{4}))?(?![\d%/])")
_WORDY = r"(?<!thứ\s)(?<!Thứ\s)(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})(?:\s+năm\s+(?P<wy>\d{4}))?"
_MONTH = r"tháng\s+(?P<mm>\d{1,2})(?:\s*(?:/|-|năm)\s*(?P<my>\d{4}))?"
_MONTH_YEAR = r"(?P<om>\d{1,2})\s*[/-]\s*(?P<oy>(?:19|20)\d{2})(?![\d%/])"  # "(3/2017)": a month of a year
_YEAR = r"năm\s+(?P<yy>\d{4})|(?<=vào\s)(?P<vy>(?:19|20)\d{2})(?=[,;:)]|\.(?!\d))"  # "năm 2006", "vào 2005,"
DATE = re.compile(rf"(?<![\w/.])(?:{_WORDY}|{_MONTH_YEAR}|{_DAY_MONTH}|(?i:{_MONTH})|(?i:{_YEAR}))", re.UNICODE)
_CUE = re.compile(r"(?i)(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|từ|tới|đến|trong|vào|nay)\s*$")


def find_dates(text: str, start: int, end: int) -> list[Mention]:
    """Date mentions with an ISO value ("2024-09-17", "--06-14", "2017-01", "--11", "2006")."""
    out = []
    for found in DATE.finditer(text, start, end):
        value = date_value(found, cued=bool(_CUE.search(text[max(start, found.start() - 12):found.start()])))
        if value:
            out.append(Mention("date", found.start(), found.end(), found.group(), value))
    return out


def date_value(found: re.Match, cued: bool = True) -> str | None:
    groups = found.groupdict()
    if groups["wd"]:
        return _iso(groups["wy"], groups["wm"], groups["wd"])
    if groups["om"]:
        return _iso(groups["oy"], groups["om"], None)
    if groups["d"]:
        if groups["sep"] == "." and not groups["y"] and not cued:
            return None  # "15.4" is a date only after a cue word; else a number
        return _iso(groups["y"], groups["m"], groups["d1"] or groups["d"])  # a range: its first day
    if groups["mm"]:
        return _iso(groups["my"], groups["mm"], None)
    if groups["yy"] or groups["vy"]:
        return groups["yy"] or groups["vy"]
    return None


def _iso(year: str | None, month: str | None, day: str | None) -> str | None:
    m = int(month) if month else None
    d = int(day) if day else None
    if m is not None and not 1 <= m <= 12 or d is not None and not 1 <= d <= 31:
        return None
    if d is None:
        return f"{year}-{m:02d}" if year else f"--{m:02d}"
    return f"{year}-{m:02d}-{d:02d}" if year else f"--{m:02d}-{d:02d}"
