"""Which foreign countries and international organisations the article
shows Vietnam working with, and at what partnership level.
"""
from __future__ import annotations

from functools import lru_cache

from .normalise import fold, fold_word
from .records import MEETING_TYPES, Event, Meeting, Partner, Role, Visit
from .resources import read_list, read_table

VIETNAM = "VN"
MEETINGS = MEETING_TYPES | {"signing"}  # events that show two sides working together
BILATERAL = {fold(w) for w in ("hai nước", "song phương", "hai bên", "hai Đảng", "Việt", "hai nhà lãnh đạo",
                               "hai Chính phủ", "hai Quốc hội", "hai dân tộc")}
LOCATION = {fold_word(w) for w in ("tại", "ở", "thủ đô")}


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    cooperation = frozenset(fold(w) for w in read_list("lexicon", "cooperation.txt"))
    members = frozenset(read_list("lexicon", "vn_memberships.txt"))
    parents = {row["code"]: row["parent"] for row in read_table("lexicon", "org_parents.tsv")}
    return cooperation, members, parents


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
    for sentence in sentences:
        _from_sentence(sentence, cooperation, members, add, bilateral)
    return list(found.values())


def _from_sentence(sentence, cooperation, members, add, bilateral: bool = False) -> None:
    items = sentence.items
    text = fold(" ".join(m.text for m in items))
    vietnam = any(m.kind == "country" and m.key == VIETNAM for m in items) or any(b in text for b in BILATERAL)
    cooperating = any(m.kind == "speech" or m.kind == "trigger" and m.key in MEETINGS for m in items) or any(
        w in text for w in cooperation)
    levels = [m for m in items if m.kind == "level"]
    partners = [m for i, m in enumerate(items) if m.kind in ("country", "intl") and m.key != VIETNAM
                and not _is_location(items, i)]
    for m in partners:
        level = None
        if m.kind == "intl" and m.key in members and vietnam:
            level = "member" if _membership(text) else None
        if levels and m.kind == "country":
            level = min(levels, key=lambda l: abs(l.start - m.start)).key
        member = m.kind == "intl" and m.key in members
        if member and bilateral and cooperating and not vietnam:
            add(m.key, (m.start, m.end), "member" if _membership(text) else None)  # "hợp tác tại LHQ, APEC"
        elif vietnam and (cooperating or member):
            add(m.key, (m.start, m.end), level)


def _is_location(items: list, index: int) -> bool:
    """'tại Davos (Thụy Sĩ)', 'ở Pháp': where something happens, not who works with Vietnam."""
    before = items[index - 1] if index > 0 else None
    if before is not None and before.kind == "word" and before.key in LOCATION:
        return True
    return before is not None and before.text == "(" and index > 1 and items[index - 2].kind == "place"


def _membership(text: str) -> bool:
    return any(fold(w) in text for w in ("thành viên", "gia nhập", "Cộng đồng", "khối", "Chủ tịch", "trong"))
