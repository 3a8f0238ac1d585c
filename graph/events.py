"""Events and the relations they carry: meetings (who met whom), visits
(who went where) and speakers (whose words are reported at which event).

Each trigger word ("tiếp", "hội đàm", "chuyến thăm", "tọa đàm"...) gives a
draft event with its date, place, sides or visitors; drafts of one story
that describe the same happening are merged.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .normalise import match_key
from .records import Article, Event, Meeting, Mention, Visit

MEETING_TYPES = {"reception", "talks", "meeting", "phone_call"}
GROUP_EVENTS = {"seminar", "conference", "ceremony", "signing", "other"}


def _keys(*words: str) -> set[str]:
    return {match_key(w) for w in words}


DOCUMENTS = _keys("văn", "hiệp", "thỏa", "thoả", "bản", "biên", "tuyên", "kế", "hợp", "nghị", "công", "chương",
                  "các", "nhiều", "thư")
PLURAL = _keys("các", "những", "nhiều", "mọi")
GROUP_START = {("đoàn", None), ("cộng", "đồng"), ("lãnh", "đạo"), ("đại", "diện"), ("các", "vị"), ("giới", None)}
AND = _keys("và", "cùng")
GROUP_HEADS = _keys("lãnh", "đoàn", "đại", "phía", "chính", "giới")  # "được lãnh đạo TP.HCM tiếp"
PASSIVE, OF, AT, BY, LEAD, INVITE = (match_key(w) for w in ("được", "của", "tại", "do", "dẫn", "mời"))
DIRECTIONS = _keys("tới", "đến", "sang", "thăm", "tại")
NOT_EVENT_DATE = _keys("đến", "tới", "trước", "đoạn", "nhìn", "hạn")  # "đến năm 2030", "giai đoạn", "tầm nhìn"
LATER = re.compile(r"(?i)thời (gian|điểm) (thuận lợi|thích hợp|phù hợp)|dịp sớm nhất")
CLAUSE_END = {";", ".", "?", "!", ":"}
NATION = match_key("nước")
THIS = _keys("này", "bạn", "đó")
STATE_FORMS = _keys("cộng", "hòa", "hoà", "vương", "quốc", "liên", "bang", "nhà", "nước", "các")
OBJECT_SKIP = _keys("với", "thân", "mật", "đã", "ông", "bà", "ngài", "xã", "giao")


@dataclass
class Draft:
    """An event while it is being built; merged with others of the same story."""

    type: str
    story: int
    start: int
    end: int
    date: str | None = None
    place: str | None = None
    organizer: str | None = None
    name: str | None = None
    hosts: list[str] = field(default_factory=list)  # the subject side; visitors for visits
    guests: list[str] = field(default_factory=list)
    destinations: list[str] = field(default_factory=list)  # ISO codes, visits
    speakers: list[str] = field(default_factory=list)
    told: bool = False  # may refer back to an event told before ("kết thúc chuyến thăm"): its date yields


def find_events(sentences: list, article: Article, nationality: dict[str, str] | None = None):
    """Events, meetings and visits of an article: (list[Event], list[Meeting], list[Visit])."""
    nationality = nationality or {}
    drafts: list[Draft] = []
    speeches: list[tuple[str, int, int, Draft | None]] = []
    for sentence in sentences:
        found = []
        taken: set[int] = set()  # persons already the object of an earlier trigger in the sentence
        for index, item in enumerate(sentence.items):
            if item.kind == "trigger" and item.key != "-":
                draft = _draft(sentence, index, taken, nationality)
                if draft is not None:
                    found.append(draft)
        _assign_dates(sentence, found)
        _share_sides(sentence, found)
        merged = [_merge(drafts, d) for d in found]
        for index, item in enumerate(sentence.items):
            if item.kind == "speech":
                who = _speaker(sentence, index)
                if who:
                    speeches.append((who, item.start, sentence.story, merged[0] if merged else None))
    _attach_speakers(drafts, speeches)
    _date_the_day(drafts)
    _fix_years(drafts)
    return _finish(drafts)


SAME_DAY = MEETING_TYPES | {"signing", "ceremony"}


def _share_sides(sentence, drafts: list[Draft]) -> None:
    """'có cuộc gặp hẹp và hội đàm với Tổng thống Putin': both meetings have Putin as the other side."""
    for first, second in zip(drafts, drafts[1:]):
        between = sentence_text([m for m in sentence.items if first.end <= m.start < second.start])
        if first.type in MEETING_TYPES and second.type in MEETING_TYPES and not first.guests \
                and between.strip() in ("và", ",", "và có", ""):
            first.guests = list(second.guests)
            first.hosts = first.hosts or list(second.hosts)


def _date_the_day(drafts: list[Draft]) -> None:
    """A report covers one day: its undated meetings and signings take the day its lead gives."""
    days = {d.date for d in drafts if d.story == 0 and d.type in SAME_DAY and d.date and len(d.date) in (7, 10)
            and d.date.count("-") >= 2}
    if len(days) != 1:
        return
    day = days.pop()
    for draft in drafts:
        if draft.story == 0 and draft.type in SAME_DAY and draft.date is None:
            draft.date = day


def _speaker(sentence, index: int) -> str | None:
    """Who says it: the person before the verb, or, for a verb opening a clause with no
    subject ("...; nhấn mạnh ..."), the sentence's subject."""
    items = sentence.items
    opens_clause = index > 0 and items[index - 1].text in (";", ",") or (
        index > 1 and items[index - 1].key in AND and items[index - 2].text in (";", ","))
    if opens_clause and sentence.persons:
        return sentence.persons[min(sentence.persons)]
    return _person_before(sentence, index, limit=30)[0]


def _draft(sentence, index: int, taken: set[int], nationality: dict[str, str]) -> Draft | None:
    items = sentence.items
    trigger = items[index]
    kind, role = trigger.key, trigger.get("role")
    draft = Draft(kind, sentence.story, trigger.start, trigger.end)
    if kind == "visit":
        if _invited(sentence, index):
            return None
        draft.told = any(m.key in CLOSING for m in items[max(0, index - 3):index])  # "kết thúc tốt đẹp chuyến thăm"
        _fill_visit(sentence, index, draft, nationality, taken)
        keep = bool(draft.destinations or draft.hosts)
    elif kind in MEETING_TYPES:
        told = role != "noun" and _refers_back(items, index)
        if not told:
            _fill_meeting(sentence, index, draft, taken)
        keep = bool(draft.guests) or role == "noun" or told
    else:
        keep = _person_before(sentence, index, limit=12)[0] is not None if kind == "other" \
            else _is_specific(items, index)
        draft.name = _quoted_name(items, index)
        draft.organizer = _organizer(items, index)
    draft.place = draft.place or _place(items, index)
    return draft if keep else None


REFERENCE = _keys("dự", "sau", "trước", "trong", "tại", "kết", "thúc")
CLOSING = _keys("thúc", "sau")


def _refers_back(items: list[Mention], index: int) -> bool:
    """'Tham dự hội đàm có ...', 'Sau hội đàm, ...': the event told already, no new sides."""
    return index > 0 and items[index - 1].key in REFERENCE


def _person_before(sentence, index: int, limit: int = 40, skip: set[int] = frozenset()) -> tuple[str | None, int]:
    for back in range(index - 1, max(-1, index - limit), -1):
        if back in sentence.persons and back not in skip:
            return sentence.persons[back], back
        if sentence.items[back].text in CLAUSE_END:
            break
    return None, -1


def _persons_before(sentence, index: int, skip: set[int]) -> list[str]:
    """'Vua Juan Carlos và Hoàng hậu Sofia ... trong chuyến thăm': every coordinated subject."""
    first, at = _person_before(sentence, index, skip=skip)
    if first is None:
        return []
    found = [first]
    while True:
        joiner = at - 1
        while joiner >= 0 and sentence.items[joiner].kind == "title":
            joiner -= 1
        if joiner <= 0 or sentence.items[joiner].key not in AND:
            return found
        other, at = _person_before(sentence, joiner, limit=8, skip=skip)
        if other is None or other in found:
            return found
        found.insert(0, other)


def _sides_after(sentence, index: int, limit: int = 30, titles: bool = True) -> list[tuple[str, int]]:
    """Persons (or bare titles) right after a verb ('tiếp A và B'), up to the end of the object."""
    out = []
    items = sentence.items
    for ahead in range(index + 1, min(len(items), index + limit)):
        side = sentence.persons.get(ahead) or (sentence.sides.get(ahead) if titles else None)
        if side:
            if side not in [s for s, _ in out]:
                out.append((side, ahead))
            continue
        item = items[ahead]
        if item.text in CLAUSE_END or item.kind in ("trigger", "speech"):
            break
        if out and item.kind == "word" and item.key not in AND and item.text != "," and not item.text[:1].isupper():
            break
    return out


def _fill_meeting(sentence, index: int, draft: Draft, taken: set[int]) -> None:
    items = sentence.items
    passive = next((back for back in range(index - 1, max(-1, index - 8), -1) if items[back].key == PASSIVE), None)
    if passive is not None and not any(m.text in CLAUSE_END or m.text == "," for m in items[passive:index]):
        draft.guests = _persons_before(sentence, passive, taken)  # "B được A tiếp": A between
        between = [sentence.persons[i] for i in range(passive + 1, index) if i in sentence.persons]
        group = " ".join(m.text for m in items[passive + 1:index]) if passive + 1 < index else None
        draft.hosts = between[:1] or ([group] if group and items[passive + 1].key in GROUP_HEADS else [])
        return
    after = _sides_after(sentence, index, titles=False)
    group = None if after else _group_after(items, index)
    if not after and group is None:
        after = _sides_after(sentence, index)  # "tiếp Phó Chủ tịch Quốc hội Mông Cổ"
    guests = [name for name, _ in after] or ([group] if group else [])
    taken.update(at for _, at in after)
    hosts = _persons_before(sentence, index, taken)  # "Nhà Vua và Hoàng hậu ... gặp lại Thủ tướng"
    if not hosts and guests and items[index].get("role") == "noun":  # "Tại buổi tiếp B, A nói"
        last = after[-1][1] if after else index
        hosts = [next((sentence.persons[i] for i in range(last + 1, len(items)) if i in sentence.persons), None)]
    draft.hosts = [h for h in hosts if h]
    draft.guests = [g for g in guests if g not in draft.hosts]


def _group_after(items: list[Mention], index: int) -> str | None:
    """'tiếp Đoàn đại biểu Đảng Nhân dân Cách mạng Lào': a side with no named person."""
    cursor = index + 1
    while cursor < len(items) and items[cursor].kind == "word" and items[cursor].key in OBJECT_SKIP:
        cursor += 1
    if cursor + 1 >= len(items) or not any(
            items[cursor].key == match_key(a) and (b is None or items[cursor + 1].key == match_key(b))
            for a, b in GROUP_START):
        return None
    end = cursor + 1
    while end < len(items) and items[end].text not in CLAUSE_END and items[end].text != "," \
            and items[end].kind not in ("trigger", "speech", "date") and items[end].key not in (AT, BY, match_key("nhân")):
        end += 1
    return " ".join(m.text for m in items[cursor:end]) if end - cursor >= 2 else None


def _invited(sentence, index: int) -> bool:
    """'mời Nhà vua sang thăm Việt Nam', 'sẽ thăm vào thời gian thuận lợi': no visit (yet)."""
    items = sentence.items
    for back in range(index - 1, max(-1, index - 8), -1):
        if items[back].key == INVITE and not (back > 0 and items[back - 1].key == match_key("lời")):
            return True
        if items[back].text in CLAUSE_END:
            break
    clause = sentence_text(items[index:index + 20])
    return bool(LATER.search(clause))


def sentence_text(items: list[Mention]) -> str:
    return " ".join(m.text for m in items)


def _fill_visit(sentence, index: int, draft: Draft, nationality: dict[str, str], taken: set[int]) -> None:
    items = sentence.items
    visitors: list[str] = []
    directed = False  # a destination after 'tới', 'đến', 'sang' beats one inside 'của ...'
    for ahead in range(index + 1, min(len(items), index + 25)):
        item = items[ahead]
        if item.text in CLAUSE_END or item.kind == "trigger":
            break
        if item.kind in ("country", "place") and items[ahead - 1].kind != "title":  # "Thủ tướng Việt Nam"
            code = item.key if item.kind == "country" else item.get("country")
            before = ahead - 1
            while before > index and items[before].key in STATE_FORMS:  # "Cộng hòa Hungary", "Vương quốc Anh"
                before -= 1
            after_direction = items[before].key in DIRECTIONS
            listed = draft.destinations and (items[before].text in (",", ";") or items[before].key in AND)
            if code and (not draft.destinations or (after_direction and not directed)):
                draft.destinations, draft.place, directed = [code], item.text, after_direction
            elif code and listed and code not in draft.destinations:
                draft.destinations.append(code)  # "thăm Maroc, Algeria và Nam Phi"
        if item.key == NATION and ahead + 1 < len(items) and items[ahead + 1].key in THIS and not draft.destinations:
            code = _country_before(sentence, index) or sentence.foreign  # "thăm chính thức nước này"
            if code:
                draft.destinations = [code]
        if item.key == OF and not visitors and ahead - index <= 8:
            visitors = _coordinated_after(sentence, ahead)  # "chuyến thăm Nga của Chủ tịch nước X"
    if not visitors:
        led = _led_by(sentence)
        bare = items[index].get("role") == "noun" and not draft.destinations  # "chuyến thăm sẽ tạo động lực"
        visitors = [led] if led else [] if bare else _persons_before(sentence, index, taken)
    # nobody visits their own country: a Vietnamese at home, the host met during the visit
    draft.hosts = [v for v in visitors if not draft.destinations or nationality.get(v) not in draft.destinations]


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


def _is_specific(items: list[Mention], index: int) -> bool:
    """A seminar, conference, ceremony or signing that happened, not the generic word."""
    trigger = items[index]
    if index > 0 and (items[index - 1].key in PLURAL or items[index - 1].kind == "title"):
        return False  # "các diễn đàn", "Phó Chủ tịch Diễn đàn ...": no event
    if trigger.key == "signing":  # "ký kết các văn kiện", "lễ ký kết": a signing that happened
        return trigger.get("role") == "noun" or any(
            m.key in DOCUMENTS or m.kind in ("country", "intl") for m in items[index + 1:index + 4])
    if trigger.key == "ceremony" and match_key(trigger.text) == match_key("lễ"):
        return index + 1 < len(items) and items[index + 1].kind == "word" and items[index + 1].text[:1].isalpha()
    if trigger.text[:1].isupper():
        return True
    nearby = items[index + 1:index + 4]
    return any(m.kind in ("intl", "org", "date") or m.text in ("“", '"') for m in nearby) or \
        _organizer(items, index) is not None or any(m.key == match_key("tổ") for m in items[max(0, index - 3):index])


def _quoted_name(items: list[Mention], index: int) -> str | None:
    if index + 1 < len(items) and items[index + 1].text in ("“", '"'):
        for end in range(index + 2, len(items)):
            if items[end].text in ("”", '"'):
                return " ".join(m.text for m in items[index + 2:end])
    return None


def _organizer(items: list[Mention], index: int) -> str | None:
    """'X (đã) tổ chức tọa đàm' or 'tọa đàm do X tổ chức'."""
    for back in range(index - 1, max(-1, index - 5), -1):
        if items[back].key == match_key("tổ") and back + 1 < len(items) and items[back + 1].key == match_key("chức"):
            for org in range(back - 1, max(-1, back - 4), -1):
                if items[org].kind in ("org", "intl"):
                    return items[org].get("name") or items[org].text
    for ahead in range(index + 1, min(len(items) - 1, index + 8)):
        if items[ahead].key == BY and items[ahead + 1].kind in ("org", "intl"):
            return items[ahead + 1].get("name") or items[ahead + 1].text
    return None


def _place(items: list[Mention], index: int) -> str | None:
    best, distance = None, 99
    for i, item in enumerate(items[:-1]):
        if item.key == AT and items[i + 1].kind in ("place", "country") and abs(i - index) < distance:
            best, distance = items[i + 1].text, abs(i - index)
    return best


def _fix_years(drafts: list[Draft]) -> None:
    """An event dated "20-21/6/2017" fixes the year of another dated "21/6" in the same story."""
    found: dict[tuple[int, str], set[str]] = {}
    for draft in drafts:
        if draft.date and len(draft.date) == 10:
            found.setdefault((draft.story, draft.date[5:7]), set()).add(draft.date[:4])
    for draft in drafts:
        years = found.get((draft.story, (draft.date or "")[2:4]), set())
        if draft.date and draft.date.startswith("--") and len(draft.date) == 7 and len(years) == 1:
            draft.date = f"{next(iter(years))}-{draft.date[2:]}"


def _assign_dates(sentence, drafts: list[Draft]) -> None:
    """Each date in the sentence dates the nearest event, preferring the one after it."""
    if not drafts:
        return
    items = sentence.items
    dates = [i for i, item in enumerate(items) if item.kind == "date"]
    for position in dates:
        item = items[position]
        if position > 0 and items[position - 1].key in NOT_EVENT_DATE:
            continue
        value = item.key
        following = [i for i in dates if i > position]
        stop = items[following[0]].start if following else sentence.end
        after = [d for d in drafts if item.end <= d.start < stop]  # "chiều 29/6 có cuộc gặp hẹp và hội đàm"
        targets = after or [min(drafts, key=lambda d: abs(d.start - item.start))]
        tight = [d for d in drafts if 0 <= item.start - d.end <= 20]  # "chuyến thăm ... từ ngày 25-27/12"
        for target in tight:
            target.date = value if len(value) >= len(target.date or "") else target.date
        if tight:
            continue  # a date bound to the event right before it dates no other
        for target in targets:
            if len(value) == 4 and abs(target.start - item.start) > 120:
                continue  # a bare year far from the trigger is context, not the event's date
            target.date = target.date or value


def _dates_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    pa, pb = _parts(a), _parts(b)
    return all(x is None or y is None or x == y for x, y in zip(pa, pb))


def _parts(value: str) -> tuple[str | None, str | None, str | None]:
    if value.startswith("--"):
        pieces = value[2:].split("-")
        return None, pieces[0], pieces[1] if len(pieces) > 1 else None
    pieces = value.split("-")
    return tuple(pieces + [None] * (3 - len(pieces)))[:3]


def _more_specific(a: str | None, b: str | None) -> str | None:
    if not a or not b:
        return a or b
    return max((a, b), key=lambda v: sum(p is not None for p in _parts(v)))


def _compatible(a: Draft, b: Draft) -> bool:
    if a.story != b.story or not (b.told or _dates_agree(a.date, b.date)):
        return False
    if a.type in MEETING_TYPES and b.type in MEETING_TYPES:
        people_a, people_b = set(a.hosts + a.guests), set(b.hosts + b.guests)
        if a.type != b.type:  # "hội kiến" then "gặp lại" the same people: one happening
            return len(people_a) >= 2 and people_a == people_b
        if len(people_a) >= 2 and len(people_b) >= 2:  # A met B, then A met C: two meetings
            return people_a <= people_b or people_b <= people_a
        return not (people_a and people_b and not people_a & people_b)
    if a.type != b.type:
        return False
    if a.type == "visit":
        if a.destinations and b.destinations and not set(a.destinations) & set(b.destinations):
            return False
        return not (a.hosts and b.hosts and not set(a.hosts) & set(b.hosts))
    return not (a.name and b.name and a.name != b.name)


def _merge(drafts: list[Draft], new: Draft) -> Draft:
    for old in drafts:
        if _compatible(old, new):
            old.date = old.date if new.told and old.date else _more_specific(old.date, new.date)
            old.place = old.place or new.place
            old.organizer = old.organizer or new.organizer
            old.name = old.name or new.name
            old.destinations += [d for d in new.destinations if d not in old.destinations]
            old.hosts += [h for h in new.hosts if h not in old.hosts and h not in old.guests]
            old.guests += [g for g in new.guests if g not in old.guests and g not in old.hosts]
            return old
    drafts.append(new)
    return new


def _attach_speakers(drafts: list[Draft], speeches: list) -> None:
    """Words reported in a story belong to its event; at a bilateral event only its sides speak."""
    for name, offset, story, draft in speeches:
        story_drafts = [d for d in drafts if d.story == story]
        if draft is None:
            ranked = [d for d in story_drafts if d.type != "other"] or story_drafts
            earlier = [d for d in ranked if d.start <= offset]
            draft = earlier[-1] if earlier else (ranked[0] if ranked else None)
        if draft is None:
            continue  # words reported outside any event (SPEC: speakers speak at events)
        public = any(d.type in GROUP_EVENTS for d in story_drafts)
        sides = {p for d in story_drafts for p in d.hosts + d.guests}
        if not public and name not in sides:
            continue
        if name not in draft.speakers:
            draft.speakers.append(name)


def _finish(drafts: list[Draft]) -> tuple[list[Event], list[Meeting], list[Visit]]:
    events, meetings, visits = [], [], []
    seen_speakers: set[str] = set()
    for number, draft in enumerate(drafts, 1):
        key = f"e{number}"
        speakers = tuple(s for s in draft.speakers if s not in seen_speakers)
        seen_speakers.update(speakers)
        participants = tuple(dict.fromkeys(draft.hosts + draft.guests))
        events.append(Event(key, draft.type, (draft.start, draft.end), draft.date, draft.place,
                            draft.organizer, draft.name, participants, speakers))
        span = (draft.start, draft.end)
        if draft.type in MEETING_TYPES:
            meetings += [Meeting((host, guest), draft.type, key, span)
                         for host in draft.hosts for guest in draft.guests]
        if draft.type == "visit":
            visits += [Visit(visitor, code, span, key) for visitor in draft.hosts for code in draft.destinations]
    return events, meetings, visits
