"""Events and the relations they carry: meetings (who met whom), visits
(who went where) and speakers (whose words are reported at which event).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .normalise import fold_word
from .records import Article, Event, Meeting, Mention, Visit

MEETING_TYPES = {"reception", "talks", "meeting", "phone_call"}
NAMED_TYPES = {"seminar", "conference", "ceremony", "signing"}
DOCUMENTS = {fold_word(w) for w in ("văn", "hiệp", "thỏa", "thoả", "bản", "biên", "tuyên", "kế", "hợp",
                                     "nghị", "công", "chương", "các", "nhiều", "thư")}
PLURAL = {fold_word(w) for w in ("các", "những", "nhiều", "mọi")}
GROUP_HEADS = {fold_word(w) for w in ("đoàn", "cộng", "lãnh", "đại")}
GROUP_NEXT = {("đoàn", None), ("cộng", "đồng"), ("lãnh", "đạo"), ("đại", "diện")}
PASSIVE = fold_word("được")
OF = fold_word("của")
AT = fold_word("tại")
BY = fold_word("do")
LEAD = fold_word("dẫn")
ORGANISE = fold_word("tổ")
DIRECTIONS = {fold_word(w) for w in ("tới", "đến", "sang", "thăm", "tại")}
CLAUSE_END = {";", ".", "?", "!", ":"}
SKIP_BEFORE_OBJECT = {fold_word(w) for w in ("với", "thân", "mật", "chính", "thức", "cấp", "nhà", "nước", "hữu",
                                              "nghị", "và", "làm", "việc", "đã", "ông", "bà", "ngài", "đoàn")}


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
    hosts: list[str] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)
    destination: str | None = None  # ISO code, visits
    speakers: list[str] = field(default_factory=list)


def find_events(sentences: list, article: Article) -> tuple[list[Event], list[Meeting], list[Visit]]:
    drafts: list[Draft] = []
    speakers: list[tuple[str, int, int, Draft | None]] = []
    for sentence in sentences:
        found = [d for d in (_draft(sentence, i) for i, item in enumerate(sentence.items)
                             if item.kind == "trigger" and item.key not in ("-", "other")) if d]
        _assign_dates(sentence, found)
        merged = [_merge(drafts, d) for d in found]
        for index, item in enumerate(sentence.items):
            if item.kind == "speech":
                who = _speaker(sentence, index)
                if who:
                    speakers.append((who, item.start, sentence.story, merged[0] if merged else None))
    _attach_speakers(drafts, speakers)
    return _finish(drafts, article)


def _draft(sentence, index: int) -> Draft | None:
    items = sentence.items
    trigger = items[index]
    kind, role = trigger.key, trigger.get("role")
    draft = Draft(kind, sentence.story, trigger.start, trigger.end)
    if kind == "visit":
        _fill_visit(sentence, index, draft)
        keep = bool(draft.destination or draft.hosts)
    elif kind in MEETING_TYPES:
        _fill_meeting(sentence, index, draft)
        keep = bool(draft.guests) or role == "noun"
    else:
        keep = _is_specific(items, index)
        draft.name = _quoted_name(items, index)
        draft.organizer = _organizer(items, index)
    draft.place = draft.place or _place(items, index)
    return draft if keep else None


def _person_before(sentence, index: int, limit: int = 40) -> tuple[str | None, int]:
    for back in range(index - 1, max(-1, index - limit), -1):
        if back in sentence.persons:
            return sentence.persons[back], back
        if sentence.items[back].text in CLAUSE_END:
            break
    return None, -1


def _persons_after(sentence, index: int, limit: int = 30) -> list[tuple[str, int]]:
    """Persons right after a verb ('tiếp A và B'), up to the end of the object."""
    out = []
    items = sentence.items
    for ahead in range(index + 1, min(len(items), index + limit)):
        if ahead in sentence.persons:
            out.append((sentence.persons[ahead], ahead))
            continue
        item = items[ahead]
        if item.text in CLAUSE_END or item.kind in ("trigger", "speech"):
            break
        if out and item.kind == "word" and item.key not in (fold_word("và"), fold_word("cùng")) and item.text != ",":
            if not item.text[:1].isupper():
                break
    return out


def _fill_meeting(sentence, index: int, draft: Draft) -> None:
    items = sentence.items
    passive = index > 0 and items[index - 1].key == PASSIVE
    if passive:  # "B được A tiếp"
        guest, _ = _person_before(sentence, index - 1)
        host = sentence.persons.get(index - 2) or _person_before(sentence, index)[0]
        draft.hosts, draft.guests = ([host] if host else []), ([guest] if guest else [])
        return
    host, _ = _person_before(sentence, index)
    guests = [name for name, _ in _persons_after(sentence, index)]
    if not guests:
        group = _group_after(items, index)
        guests = [group] if group else []
    if host is None and guests and draft.type and items[index].get("role") == "noun":
        after = _persons_after(sentence, index)
        last = after[-1][1] if after else index
        host = next((sentence.persons[i] for i in range(last + 1, len(items)) if i in sentence.persons), None)
    draft.hosts = [host] if host else []
    draft.guests = [g for g in guests if g != host]


def _group_after(items: list[Mention], index: int) -> str | None:
    """'tiếp Đoàn đại biểu Đảng Nhân dân Cách mạng Lào': a side with no named person."""
    cursor = index + 1
    while cursor < len(items) and items[cursor].kind == "word" and items[cursor].key in (
            fold_word("với"), fold_word("thân"), fold_word("mật")):
        cursor += 1
    if cursor + 1 >= len(items) or items[cursor].key not in GROUP_HEADS:
        return None
    pair = (items[cursor].key, items[cursor + 1].key)
    if not any(a == pair[0] and (b is None or fold_word(b) == pair[1]) for a, b in
               ((fold_word(a), b) for a, b in GROUP_NEXT)):
        return None
    end = cursor + 1
    while end < len(items) and items[end].text not in CLAUSE_END and items[end].text != "," \
            and items[end].kind not in ("trigger", "speech", "date") and items[end].key not in (AT, BY, fold_word("nhân")):
        end += 1
    return " ".join(m.text for m in items[cursor:end]) if end - cursor >= 2 else None


def _fill_visit(sentence, index: int, draft: Draft) -> None:
    items = sentence.items
    visitor = None
    directed = False  # a destination after 'tới', 'đến', 'sang' beats one inside 'của ...'
    for ahead in range(index + 1, min(len(items), index + 25)):
        item = items[ahead]
        if item.text in CLAUSE_END or (item.kind == "trigger" and item.key != "visit"):
            break
        if item.kind in ("country", "place") and not directed:
            code = item.key if item.kind == "country" else item.get("country")
            after_direction = items[ahead - 1].key in DIRECTIONS
            if code and (draft.destination is None or after_direction):
                draft.destination, draft.place, directed = code, item.text, after_direction
        if item.key == OF and ahead + 1 < len(items):
            visitor = next((sentence.persons[i] for i in range(ahead + 1, min(len(items), ahead + 12))
                            if i in sentence.persons), visitor)
    if visitor is None:
        visitor = _led_by(sentence) or _person_before(sentence, index)[0]
    draft.hosts = [visitor] if visitor else []


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
    if index > 0 and items[index - 1].key in PLURAL:
        return False
    if trigger.key == "signing" and trigger.get("role") == "verb":
        return any(m.key in DOCUMENTS or m.kind in ("country", "intl") for m in items[index + 1:index + 4])
    if trigger.key == "ceremony" and fold_word(trigger.text) == fold_word("lễ"):
        return index + 1 < len(items) and items[index + 1].kind == "word" and items[index + 1].text[:1].isalpha()
    if trigger.text[:1].isupper():
        return True
    nearby = items[index + 1:index + 4]
    return any(m.kind in ("intl", "org", "date") or m.text in ("“", '"') for m in nearby) or \
        _organizer(items, index) is not None or any(m.key == ORGANISE for m in items[max(0, index - 3):index])


def _quoted_name(items: list[Mention], index: int) -> str | None:
    if index + 1 < len(items) and items[index + 1].text in ("“", '"'):
        for end in range(index + 2, len(items)):
            if items[end].text in ("”", '"'):
                return " ".join(m.text for m in items[index + 2:end])
    return None


def _organizer(items: list[Mention], index: int) -> str | None:
    """'X (đã) tổ chức tọa đàm' or 'tọa đàm do X tổ chức'."""
    for back in range(index - 1, max(-1, index - 5), -1):
        if items[back].key == ORGANISE and back + 1 < len(items) and items[back + 1].key == fold_word("chức"):
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


def _assign_dates(sentence, drafts: list[Draft]) -> None:
    """Each date in the sentence dates the nearest event, preferring the one after it."""
    if not drafts:
        return
    for item in sentence.items:
        if item.kind != "date":
            continue
        after = [d for d in drafts if d.start >= item.end]
        target = after[0] if after else min(drafts, key=lambda d: abs(d.start - item.start))
        target.date = target.date or item.key


def _speaker(sentence, index: int) -> str | None:
    name, at = _person_before(sentence, index, limit=30)
    return name


def _compatible(a: Draft, b: Draft) -> bool:
    if a.type != b.type or a.story != b.story:
        return False
    if a.date and b.date and a.date != b.date:
        return False
    if a.type == "visit":
        if a.destination and b.destination and a.destination != b.destination:
            return False
        return not (a.hosts and b.hosts and not set(a.hosts) & set(b.hosts))
    if a.type in MEETING_TYPES:
        people_a, people_b = set(a.hosts + a.guests), set(b.hosts + b.guests)
        return not (people_a and people_b and not people_a & people_b)
    return not (a.name and b.name and a.name != b.name)


def _merge(drafts: list[Draft], new: Draft) -> Draft:
    for old in drafts:
        if _compatible(old, new):
            old.date = old.date or new.date
            old.place = old.place or new.place
            old.organizer = old.organizer or new.organizer
            old.name = old.name or new.name
            old.destination = old.destination or new.destination
            old.hosts += [h for h in new.hosts if h not in old.hosts]
            old.guests += [g for g in new.guests if g not in old.guests and g not in old.hosts]
            return old
    drafts.append(new)
    return new


def _attach_speakers(drafts: list[Draft], speakers: list) -> None:
    for name, offset, story, draft in speakers:
        if draft is None:
            earlier = [d for d in drafts if d.story == story and d.start <= offset]
            later = [d for d in drafts if d.story == story]
            draft = earlier[-1] if earlier else (later[0] if later else None)
        if draft is None:
            continue  # words reported outside any event (SPEC: speakers speak at events)
        if name not in draft.speakers:
            draft.speakers.append(name)


def _finish(drafts: list[Draft], article: Article) -> tuple[list[Event], list[Meeting], list[Visit]]:
    events, meetings, visits = [], [], []
    seen_speakers: set[str] = set()
    for number, draft in enumerate(drafts, 1):
        key = f"e{number}"
        speakers = tuple(s for s in draft.speakers if s not in seen_speakers)
        seen_speakers.update(speakers)
        participants = tuple(dict.fromkeys(draft.hosts + draft.guests))
        events.append(Event(key, draft.type, (draft.start, draft.end), draft.date, draft.place,
                            draft.organizer, draft.name, participants, speakers))
        if draft.type in MEETING_TYPES:
            for host in draft.hosts[:1]:
                for guest in draft.guests:
                    meetings.append(Meeting((host, guest), draft.type, key, (draft.start, draft.end)))
        if draft.type == "visit" and draft.destination:
            for visitor in draft.hosts:
                visits.append(Visit(visitor, draft.destination, (draft.start, draft.end), key))
    return events, meetings, visits
