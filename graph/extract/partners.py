"""Which foreign countries and international organisations the article
shows Vietnam working with, and at what partnership level.
"""
from __future__ import annotations

from functools import lru_cache

from ..records import MEETING_TYPES, Event, Meeting, Partner, Role, Visit
from ..resources import read_list, read_table
from ..text.lexicon import words
from ..text.normalise import match_key, phrase_key

VIETNAM = "VN"
MEETINGS = MEETING_TYPES | {"signing"}  # events that show two sides working together
BILATERAL = words("bilateral_words")
LOCATION = words("location_words")
CHARTERS = words("charters")  # "Hiến chương LHQ": a document named after a body, no partner
AGREEMENTS = tuple(sorted(words("agreements")))  # "Hiệp định Đối tác kinh tế toàn diện khu vực (RCEP)"
MEDIA = words("media_words")
TOPICS = words("topic_words")  # "vấn đề Myanmar": a topic, not a partner
INSTITUTIONS = tuple(sorted(words("institutions")))
# "nước thứ 4 sau Nhật Bản, Hàn Quốc" orders Vietnam's partners; "cao hơn Thái Lan" measures against others
COMPARISONS = tuple(sorted(words("comparisons")))
LIST_LINKS = {",", "-", "–"} | words("list_joins")
OF = match_key("của")
MIN_LIST = 4  # "Việt Nam, Trung Quốc, Nhật Bản, Hàn Quốc...": members listed, not partners one by one


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    cooperation = words("cooperation")
    members = frozenset(read_list("lexicon", "vn_memberships.txt"))
    parents = {row["code"]: row["parent"] for row in read_table("lexicon", "org_parents.tsv")}
    return cooperation, members, parents


@lru_cache(maxsize=1)
def _sports() -> tuple[str, ...]:
    return tuple(f" {word} " for word in sorted(words("sports")))


def find_partners(sentences: list, events: list[Event], visits: list[Visit], roles: tuple[Role, ...],
                  meetings: list[Meeting]) -> list[Partner]:
    cooperation, members, parents = _words()
    nationality = {r.person: r.country for r in roles if r.country}
    found: dict[str, Partner] = {}

    def add(code: str | None, span: tuple[int, int], level: str | None = None) -> None:
        code = parents.get(code, code)  # "Hội đồng Bảo an LHQ": the UN
        if not code or code == VIETNAM:
            return
        old = found.get(code)
        if old is None or (level and not old.level):
            found[code] = Partner(code, span, level or (old.level if old else None))

    for visit in visits:  # a Vietnamese visiting abroad, or a foreigner visiting Vietnam
        home = nationality.get(visit.person)
        if visit.country != VIETNAM and home in (VIETNAM, None):
            add(visit.country, visit.span)
        elif visit.country == VIETNAM and home and home != VIETNAM:
            add(home, visit.span)
    for meeting in meetings:
        sides = [nationality.get(p) for p in meeting.participants]
        if VIETNAM in sides:
            for side in sides:
                add(side, meeting.span)
    # an article about Vietnam's own meetings and visits speaks for Vietnam throughout
    bilateral = any(VIETNAM in {nationality.get(p) for p in m.participants} for m in meetings) or any(
        nationality.get(v.person) == VIETNAM for v in visits)
    # "hai bên", "song phương" stand for Vietnam and its partner only in an article about Vietnam
    about_vietnam = bilateral or any(m.kind == "country" and m.key == VIETNAM for s in sentences for m in s.items)
    for sentence in sentences:
        _from_sentence(sentence, cooperation, members, parents, add, bilateral, about_vietnam)
    return list(found.values())


def _from_sentence(sentence, cooperation, members, parents, add, bilateral: bool = False,
                   about_vietnam: bool = True) -> None:
    items = sentence.items
    text = phrase_key(" ".join(m.text for m in items))
    padded = f" {text} "
    if any(word in padded for word in _sports()):
        return  # "Đội tuyển sẽ gặp Philippines ở bán kết": a fixture, not a partner
    vietnam = any(m.kind == "country" and m.key == VIETNAM for m in items) or about_vietnam and any(
        b in text for b in BILATERAL)
    cooperating = any(m.kind == "speech" or m.kind == "trigger" and m.key in MEETINGS for m in items) or any(
        w in text for w in cooperation)
    levels = [m for m in items if m.kind == "level"]
    listed = _long_lists(items)
    partners = [m for i, m in enumerate(items) if m.kind in ("country", "intl") and m.key != VIETNAM
                and i not in listed and not _mentioned_only(items, i)]
    for m in partners:
        level = None
        member = m.kind == "intl" and parents.get(m.key, m.key) in members  # "Hội đồng Bảo an LHQ": the UN's
        if member and vietnam:
            level = "member" if _membership(text) else None
        near = [word for word in levels if not _clause_break(items, word, m) and _pair_allows(items, word, m)]
        if near and not member:  # a country, or a union such as the EU
            level = min(near, key=lambda word: abs(word.start - m.start)).key
        if member and bilateral and cooperating and not vietnam:
            add(m.key, (m.start, m.end), "member" if _membership(text) else None)  # "hợp tác tại LHQ, APEC"
        elif vietnam and (cooperating or member):
            add(m.key, (m.start, m.end), level)


def _pair_allows(items: list, level, partner) -> bool:
    """'Đối tác … toàn diện Việt Nam - EU', 'quan hệ Việt Nam - Nhật Bản lên Đối tác…': a level next to a
    named pair belongs to that pair only."""
    at = items.index(level)
    pairs = [i for i in range(max(1, at - 8), min(len(items) - 1, at + 5))
             if items[i].text in ("-", "–") and VIETNAM in (items[i - 1].key, items[i + 1].key)]
    return not pairs or any(partner in (items[i - 1], items[i + 1]) for i in pairs)


def _clause_break(items: list, a, b) -> bool:
    """'đối tác chiến lược với Nhật Bản; Mỹ ...': a level stays in its own clause."""
    low, high = sorted((a.start, b.start))
    return any(m.text == ";" and low < m.start < high for m in items)


def _mentioned_only(items: list, index: int) -> bool:
    """A venue, a document or agreement named after the body, a news outlet's country, a topic, a namesake."""
    return _is_location(items, index) or _names_a_document(items, index) or _credits_media(items, index) \
        or _has_phrase(items[max(0, index - 2):index], TOPICS) or _names_an_institution(items, index) \
        or _compared(items, index) or _explains_group(items, index)


def _compared(items: list, index: int) -> bool:
    """'cao hơn Thái Lan, Indonesia', 'vượt qua Trung Quốc': a country Vietnam is measured against."""
    start = _run(items, index, -1, ("country", "intl"))
    before = f" {phrase_key(' '.join(m.text for m in items[max(0, start - 2):start]))}"
    return before.endswith(tuple(f" {phrase}" for phrase in COMPARISONS))


def _explains_group(items: list, index: int) -> bool:
    """'các nước G7 (Mỹ, Anh, Pháp...)', 'đối tác ở Đông Á (Trung Quốc, Hàn Quốc)', 'Đông Á - Trung Quốc, Nhật
    Bản, Hàn Quốc': countries listed to say who a group or region is, not partners one by one."""
    start, end = _run(items, index, -1), _run(items, index, 1)
    countries = sum(m.kind == "country" for m in items[start:end + 1])
    if countries < 2 or start == 0:
        return False
    if items[start - 1].text in ("-", "–"):  # "các nước hàng đầu Đông Á - Trung Quốc, Nhật Bản, Hàn Quốc"
        return start > 1 and items[start - 2].kind == "place"
    closing = next((m for m in items[end + 1:end + 6] if m.kind != "punct" or m.text == ")"), None)
    return items[start - 1].text == "(" and closing is not None and closing.text == ")"


def _run(items: list, index: int, step: int, kinds: tuple[str, ...] = ("country",)) -> int:
    """The last index of the run of countries (or ``kinds``) through ``index``, joined by commas and 'và',
    going ``step``."""
    at = index
    while 0 <= at + 2 * step < len(items) and phrase_key(items[at + step].text) in LIST_LINKS \
            and items[at + 2 * step].kind in kinds:
        at += 2 * step
    return at


def _names_an_institution(items: list, index: int) -> bool:
    """'Bệnh viện Việt - Đức', 'Trường Đại học Việt - Nhật': a Vietnamese institution's name."""
    if index < 3 or items[index - 1].text not in ("-", "–") or items[index - 2].text != "Việt":
        return False
    return phrase_key(" ".join(m.text for m in items[max(0, index - 4):index - 2])).endswith(INSTITUTIONS)


def _names_a_document(items: list, index: int) -> bool:
    if phrase_key(items[index].get("name") or "").startswith(AGREEMENTS):
        return True  # "Hiệp định Đối tác Kinh tế Toàn diện Khu vực": a treaty, not a body
    if _has_phrase(items[max(0, index - 5):index], CHARTERS):
        return True  # "Nghị quyết liên quan của Hội đồng Bảo an"
    if index == 0 or items[index - 1].text != "(" or index + 1 >= len(items) or items[index + 1].text != ")":
        return False
    return _has_phrase(items[max(0, index - 16):index - 1], AGREEMENTS)


def _credits_media(items: list, index: int) -> bool:
    """'hãng AFP (Pháp)', 'Tờ Người bảo vệ của Anh': where a quoted outlet comes from."""
    if index == 0 or phrase_key(items[index - 1].text) not in ("(", OF):
        return False
    return _has_phrase(items[max(0, index - 7):index - 1], MEDIA)


def _has_phrase(items: list, phrases: frozenset[str]) -> bool:
    text = f" {phrase_key(' '.join(m.text for m in items))} "
    return any(f" {phrase} " in text for phrase in phrases)


def _long_lists(items: list) -> set[int]:
    """Indexes of countries in a run of MIN_LIST or more joined only by commas and 'và'."""
    out: set[int] = set()
    if sum(m.kind == "country" for m in items) < MIN_LIST:
        return out
    run: list[int] = []
    for index, item in enumerate(items + [None]):
        if item is not None and item.kind == "country":
            run.append(index)
        elif item is not None and run and phrase_key(item.text) in LIST_LINKS:
            continue
        else:
            if len(run) >= MIN_LIST:
                out.update(run)
            run = []
    return out


def _is_location(items: list, index: int) -> bool:
    """'tại Davos (Thụy Sĩ)', 'ở Pháp': where something happens, not who works with Vietnam
    ('tại Liên hợp quốc', a body Vietnam belongs to, is a forum it works in)."""
    if items[index].kind != "country" and items[index].key in _words()[1]:
        return False
    before = items[index - 1] if index > 0 else None
    if before is not None and before.kind == "word" and before.key in LOCATION:
        return True
    return before is not None and before.text == "(" and index > 1 and items[index - 2].kind == "place"


MEMBERSHIP = words("membership_words")
# "đàm phán gia nhập WTO", "ủng hộ Việt Nam gia nhập": accession under way is no membership yet
ACCESSION = words("accession_words")


def _membership(text: str) -> bool:
    return any(w in text for w in MEMBERSHIP) and not any(w in text for w in ACCESSION)
