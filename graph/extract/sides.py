"""Who is on each side of an event: the subject before a verb, the objects
after it ("tiếp A và B"), passive hosts ("được A tiếp"), sides with no named
person ("Đoàn đại biểu ..."), visitors and destinations.
"""
from __future__ import annotations

from ..records import Mention
from ..text.lexicon import syllables, words
from ..text.normalise import match_key, phrase_key
from .draft import Draft

GROUP_START = frozenset(tuple(opener.split()) for opener in words("group_openers"))
AND = words("and_words")
GROUP_HEADS = words("group_heads")  # "được lãnh đạo TP.HCM tiếp"
DIRECTIONS = words("direction_words")
CLAUSE_END = {";", ".", "?", "!", ":"}
NATION = match_key("nước")
THIS = words("nation_pointers")
STATE_FORMS = syllables("state_forms")
OBJECT_SKIP = syllables("object_skip")
AMONG, WITH = match_key("giữa"), match_key("với")
QUANTITY = syllables("group_quantity")
GROUP_TAIL = words("group_tail")
GROUP_STOPS = words("group_stops")
PREDICATE = words("predicate_markers")
CONSORTS = words("consorts")  # a guest with their consort: one call, not two
PASSIVE, OF, AT, BY, LEAD, SUCH_AS = (match_key(w) for w in ("được", "của", "tại", "do", "dẫn", "như"))


def possessed(sentence, at: int, of_post: bool = False) -> bool:
    """'lời căn dặn của Chủ tịch Hồ Chí Minh': a person named as an owner of words or deeds takes no part;
    with ``of_post``, only the owner of a post ('Park Won-soon, Đặc phái viên của Tổng thống Moon Jae-in')."""
    back = at - 1
    while back >= 0 and sentence.items[back].kind in ("title", "org", "country", "intl"):
        if sentence.items[back].get("kind") == "address":
            return False  # "..., Đặc phái viên của Tổng Thư ký Liên Hợp Quốc bà Maxima": 'bà' opens the name
        back -= 1
    owner = back >= 0 and sentence.items[back].key == OF
    return owner and (not of_post or back > 0 and sentence.items[back - 1].kind == "title")


def person_before(sentence, index: int, limit: int = 40, skip: set[int] = frozenset(),
                  owners: bool = False) -> tuple[str | None, int]:
    """The nearest person before ``index`` in its clause; an owner ('của X') only if ``owners``."""
    for back in range(index - 1, max(-1, index - limit), -1):
        if back in sentence.persons and back not in skip and not possessed(sentence, back, of_post=owners):
            return sentence.persons[back], back
        if sentence.items[back].text in CLAUSE_END:
            break
    return None, -1


def persons_before(sentence, index: int, skip: set[int], owners: bool = False) -> list[str]:
    """'Vua Juan Carlos và Hoàng hậu Sofia ... trong chuyến thăm': every coordinated subject."""
    first, at = person_before(sentence, index, skip=skip, owners=owners)
    if first is None:
        return []
    found = [first]
    while True:
        joiner = at - 1
        while joiner >= 0 and sentence.items[joiner].kind in ("title", "org", "country", "intl"):
            joiner -= 1
        if joiner <= 0 or sentence.items[joiner].key not in AND:
            return found
        other, at = person_before(sentence, joiner, limit=8, skip=skip, owners=owners)
        if other is None or other in found:
            return found
        found.insert(0, other)


def sides_after(sentence, index: int, limit: int = 30, titles: bool = True,
                joiners: set[str] = AND) -> list[tuple[str, int]]:
    """Persons (or bare titles) right after a verb ('tiếp A và B'), up to the end of the object."""
    out = []
    items = sentence.items
    for ahead in range(index + 1, min(len(items), index + limit)):
        side = sentence.persons.get(ahead) or (sentence.sides.get(ahead) if titles else None)
        if side and possessed(sentence, ahead, of_post=True):
            continue  # "tiếp ngài A, Đặc phái viên của Tổng thống B": B is not received
        if side and out and _opens_clause(items, ahead):
            break  # "gặp A; Thứ trưởng B có cuộc làm việc ...": B is the subject of a clause of their own
        if side:
            if side not in [s for s, _ in out]:
                out.append((side, ahead))
            continue
        item = items[ahead]
        if item.text == ";" and out and ahead + 1 < len(items) and items[ahead + 1].kind == "title":
            continue  # "tiếp Đại sứ Pháp A; Đại sứ Đức B và Đại sứ Italy C"
        if item.text in CLAUSE_END or item.kind in ("trigger", "speech"):
            if item.kind in ("trigger", "speech") and out and ahead - out[-1][1] <= 3 and any(
                    m.text in (",", ";") for m in items[(out[-2][1] if len(out) > 1 else index):out[-1][1]]):
                out.pop()  # "tiếp A; Thủ tướng B hội đàm ...", "Tiếp A, Chủ tịch nước B nói": B is a subject
            break
        if out and item.kind == "word" and item.key not in joiners and item.text != "," and not item.text[:1].isupper():
            break
    return out


def _opens_clause(items: list[Mention], at: int) -> bool:
    """A name after ';' followed by a predicate, not by the rest of a list."""
    back = at - 1
    while back >= 0 and items[back].kind in ("title", "org", "country", "intl"):
        back -= 1
    after = items[at + 1] if at + 1 < len(items) else None
    return back >= 0 and items[back].text == ";" and after is not None and after.text not in (",", ";", ".") \
        and after.key not in AND


def fill_meeting(sentence, index: int, draft: Draft, taken: set[int]) -> None:
    items = sentence.items
    passive = next((back for back in range(index - 1, max(-1, index - 8), -1) if items[back].key == PASSIVE), None)
    agent = passive is not None and (passive + 1 == index or items[passive + 1].key in GROUP_HEADS or
                                     items[passive + 1].kind in ("title", "person", "name", "org", "country", "intl"))
    if agent and not any(m.text in CLAUSE_END or m.text == "," for m in items[passive:index]):
        draft.guests = persons_before(sentence, passive, taken)  # "B được A tiếp": A between
        between = [sentence.persons[i] for i in range(passive + 1, index) if i in sentence.persons]
        group = " ".join(m.text for m in items[passive + 1:index]) if passive + 1 < index else None
        draft.hosts = between[:1] or ([group] if group and items[passive + 1].key in GROUP_HEADS else [])
        return
    owner = items[index].get("role") == "noun" and index + 1 < len(items) and items[index + 1].key == OF
    if owner:  # "cuộc gặp của Ngoại trưởng với Thứ trưởng Y": the owner meets whoever follows 'với'
        sides = [name for name, _ in sides_after(sentence, index + 1, joiners=AND | {WITH})]
        if len(sides) >= 2:
            draft.hosts, draft.guests = sides[:1], sides[1:]
            return
    between = index + 1 < len(items) and items[index + 1].key == AMONG
    if between:  # "hoan nghênh cuộc hội đàm giữa B và C": B and C are the sides, not the one who speaks of it
        sides = [name for name, _ in sides_after(sentence, index + 1, joiners=AND | {WITH})]
        draft.hosts, draft.guests = sides[:1], sides[1:]
        return
    after = sides_after(sentence, index, titles=False)
    group = None if after else _group_after(items, index)
    led = _led_by(sentence) if group and match_key(group.split()[0]) == match_key("đoàn") else None
    if led:  # "tiếp Đoàn Bộ Quốc phòng Lào do Bộ trưởng X dẫn đầu": the delegation stands for its head
        group, after = None, [(led, -1)]
    if not after and group is None:
        after = sides_after(sentence, index)  # "tiếp Phó Chủ tịch Quốc hội Mông Cổ"
    if after and not group:  # "gặp Thủ tướng Koizumi và một số đại diện giới kinh tế Nhật Bản"
        last = after[-1][1] + 1
        group = _group_after(items, last) if last < len(items) and items[last].key in AND else None
    guests = [name for name, _ in after] + ([group] if group else [])
    taken.update(at for _, at in after)
    with_consort = any(at > 0 and phrase_key(items[at - 1].key or items[at - 1].text) in CONSORTS for _, at in after)
    draft.joint = bool(after) and (with_consort or any(
        m.key == SUCH_AS for m in items[index:max(index, after[0][1])]))  # "gặp một số lãnh đạo như A, B": one meeting
    hosts = persons_before(sentence, index, taken)  # "Nhà Vua và Hoàng hậu ... gặp lại Thủ tướng"
    fronted = index <= 2 and not any(i in sentence.persons for i in range(index))  # "Tiếp X, ..., Chủ tịch nước Y nói"
    if not hosts and guests and (items[index].get("role") == "noun" or fronted):  # "Tại buổi tiếp B, A nói"
        last = after[-1][1] if after else index
        hosts = [next((sentence.persons[i] for i in range(last + 1, len(items))
                       if i in sentence.persons and not possessed(sentence, i)), None)]
    hosts = [h for h in hosts if h]
    if not guests and len(hosts) >= 2:  # "A và B đã tiến hành hội đàm": each is the other's side
        hosts, guests = hosts[:1], hosts[1:]
    draft.hosts = hosts
    draft.guests = [g for g in guests if g not in hosts]


def _group_after(items: list[Mention], index: int) -> str | None:
    """'tiếp Đoàn đại biểu Đảng Nhân dân Cách mạng Lào': a side with no named person."""
    cursor = index + 1
    while cursor < len(items) and items[cursor].kind == "word" and items[cursor].key in OBJECT_SKIP:
        cursor += 1
    start = cursor  # "một số đại diện ...": the quantity belongs to the side as written
    while cursor < len(items) and items[cursor].key in QUANTITY and not _opens_group(items, cursor):
        cursor += 1
    if not _opens_group(items, cursor):
        return None
    end = cursor + 1
    while end < len(items) and items[end].text not in CLAUSE_END and items[end].text != "," \
            and items[end].kind not in ("trigger", "speech", "date") and items[end].key not in GROUP_STOPS:
        end += 1
    if end + 1 < len(items) and items[end].key == AT and items[end + 1].kind in ("place", "country") and (
            end + 2 == len(items) or items[end + 2].text in CLAUSE_END or items[end + 2].text == ","):
        end += 2  # "cộng đồng doanh nghiệp Mỹ tại Việt Nam"
    cursor = start
    while end > cursor and (items[end - 1].key in AND or items[end - 1].key in GROUP_TAIL):
        end -= 1  # "làm việc với lãnh đạo tỉnh Quảng Nam và ...": the side ends before the joiner
    return " ".join(m.text for m in items[cursor:end]) if end - cursor >= 2 else None


def _opens_group(items: list[Mention], at: int) -> bool:
    return at + 1 < len(items) and (
        (items[at].key,) in GROUP_START or (items[at].key, items[at + 1].key) in GROUP_START)


def fill_visit(sentence, index: int, draft: Draft, nationality: dict[str, str], taken: set[int]) -> None:
    items = sentence.items
    visitors: list[str] = []
    directed = False  # a destination after 'tới', 'đến', 'sang' beats one inside 'của ...'
    predicate = False  # "chuyến thăm Việt Nam đã chuyển lời của Tổng thống Y": Y is no visitor
    for ahead in range(index + 1, min(len(items), index + 25)):
        item = items[ahead]
        if item.text == ";" and draft.destinations and ahead + 1 < len(items) and items[ahead + 1].kind == "country":
            continue  # "3 nước châu Phi là Maroc; Algeria và Nam Phi"
        if item.text in CLAUSE_END or item.kind == "trigger":
            break
        if item.kind in ("country", "place") and items[ahead - 1].kind != "title" \
                and not _paired(items, ahead):  # "Thủ tướng Việt Nam", "quan hệ VN - Canada"
            code = item.key if item.kind == "country" else item.get("country")
            before = ahead - 1
            while before > index and items[before].key in STATE_FORMS:  # "Cộng hòa Hungary", "Vương quốc Anh"
                before -= 1
            after_direction = items[before].key in DIRECTIONS
            if items[before].key == AT and any(m.kind == "title" for m in items[max(0, before - 3):before]):
                continue  # "Đại sứ Canada tại Việt Nam": where an envoy serves, not where the visit goes
            listed = draft.destinations and (items[before].text in (",", ";") or items[before].key in AND)
            if code and (not draft.destinations or (after_direction and not directed)):
                draft.destinations, draft.place, directed = [code], item.text, after_direction
                draft.end = max(draft.end, item.end)  # the evidence quotes where the visit went
            elif code and listed and code not in draft.destinations:
                draft.destinations.append(code)  # "thăm Maroc, Algeria và Nam Phi"
                draft.end = max(draft.end, item.end)
        if item.key == NATION and ahead + 1 < len(items) and items[ahead + 1].key in THIS and not draft.destinations:
            code = _country_before(sentence, index) or sentence.foreign  # "thăm chính thức nước này"
            if code:
                draft.destinations = [code]
        predicate = predicate or item.key in PREDICATE
        if item.key == OF and not visitors and ahead - index <= 8 and not predicate:
            visitors = _coordinated_after(sentence, ahead)  # "chuyến thăm Nga của Chủ tịch nước X"
    if not visitors:
        led = _led_by(sentence)
        bare = items[index].get("role") == "noun" and not draft.destinations  # "chuyến thăm sẽ tạo động lực"
        visitors = [led] if led else [] if bare else persons_before(sentence, index, taken, owners=True)
    if not visitors and draft.destinations and not any(i in sentence.persons for i in range(index)):
        visitors = _fronted_subject(sentence, index)  # "Trong khuôn khổ chuyến thăm Bangladesh, chiều qua, A ..."
    ends = index + 1 >= len(items) or items[index + 1].text in CLAUSE_END
    if not draft.destinations and ends and visitors and nationality.get(visitors[0]) not in (None, "VN"):
        draft.destinations = ["VN"]  # "..., Chủ tịch Hạ viện Mỹ ... đến thăm.": a foreigner's visit told in Vietnam
    # nobody visits their own country: a Vietnamese at home, the host met during the visit
    draft.hosts = [v for v in visitors if not draft.destinations or nationality.get(v) not in draft.destinations]


def _paired(items: list[Mention], index: int) -> bool:
    """'quan hệ VN - Canada': a country of a named pair is no destination."""
    return any(0 <= at < len(items) and items[at].text in ("-", "–") for at in (index - 1, index + 1))


def _fronted_subject(sentence, index: int) -> list[str]:
    """The subject of the clause after a fronted phrase: the first person after the phrase's comma."""
    items = sentence.items
    comma = next((i for i in range(index + 1, len(items)) if items[i].text == ","), None)
    if comma is None:
        return []
    for at in range(comma + 1, min(len(items), comma + 15)):
        if at in sentence.persons and not possessed(sentence, at):
            return [sentence.persons[at]]
        if items[at].text in CLAUSE_END:
            break
    return []


def _country_before(sentence, index: int) -> str | None:
    for back in range(index - 1, -1, -1):
        item = sentence.items[back]
        if item.kind == "country" and item.key != "VN":
            return item.key
    return None


def _coordinated_after(sentence, index: int) -> list[str]:
    """The person right after ``index`` and those joined to it by 'và'/'cùng'."""
    items = sentence.items
    found: list[str] = []
    cursor = index + 1
    while cursor < min(len(items), index + 30):
        if cursor in sentence.persons:
            found.append(sentence.persons[cursor])
            nxt = cursor + 1
            if nxt < len(items) and items[nxt].key in AND:
                cursor = nxt + 1
                continue
            break
        if items[cursor].kind not in ("title", "country", "org", "intl") and items[cursor].key not in AND \
                and items[cursor].text not in ("-", "–") and not found and cursor - index > 6:
            break
        cursor += 1
    return found


def _led_by(sentence) -> str | None:
    """'Đoàn ... do Chủ tịch Hạ viện Dennis Hastert dẫn đầu': the delegation's leader."""
    items = sentence.items
    for i, item in enumerate(items):
        if item.key == BY:
            for j in range(i + 1, min(len(items), i + 12)):
                if items[j].key == LEAD:
                    return next((sentence.persons[k] for k in range(i + 1, j) if k in sentence.persons), None)
    return None


