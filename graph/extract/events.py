"""Events and the relations they carry: meetings (who met whom), visits
(who went where) and speakers (whose words are reported at which event).

Each trigger word ("tiếp", "hội đàm", "chuyến thăm", "tọa đàm"...) or
numbered summit ("APEC 14") gives a draft event with its date, place, sides or
visitors (sides.py, dates.py); what its clause says decides whether it happened
(clauses.py); drafts of one story that tell the same happening are merged
(drafts.py).
"""
from __future__ import annotations

import itertools
import re

from ..records import MEETING_TYPES, Article, Event, Meeting, Mention, Visit
from ..text.lexicon import last_syllables, syllables, words
from ..text.normalise import match_key, phrase_key
from .clauses import CLOSING, REFERENCE, invited, refers_back, sentence_text, speakers_of, wished
from .dates import assign_dates, date_the_day, fix_years, relative_dates
from .draft import Draft
from .drafts import attach_speakers, finish, merge
from .sides import AND, AT, BY, fill_meeting, fill_visit, person_before
from .summits import NUMBERED, ORDINAL, ORDINAL_OF, named_by_trigger, named_forum, summit

NAMED_TYPES = {"conference", "seminar"}  # told apart by the word that names them: "Đại hội", "Hội nghị", "Diễn đàn"


DOCUMENTS = words("document_words")
ATTEND = last_syllables("attend_verbs")  # "(tham) dự", "chủ trì", "chứng kiến"
TWO, HAS, PASSIVE = match_key("hai"), match_key("có"), match_key("được")
HABIT = words("habit_words")  # "việc hai bên thường xuyên gặp gỡ": no event
SUBJECT_WORDS = syllables("subject_words")
PLURAL = words("plural_markers") | words("quantifiers")
ANCHORS = words("event_anchors")
SHARED_SIDE_LINKS = frozenset({"", ","}) | words("shared_side_links")
FUTURE, ANOTHER = words("future_words"), words("another_words")
ACCOMPANY = words("accompany_words")
SIGNER_KINDS = {"org", "intl", "word"}  # bodies; persons and states sign for them


def find_events(sentences: list, article: Article, nationality: dict[str, str] | None = None
                ) -> tuple[list[Event], list[Meeting], list[Visit]]:
    """Events, meetings and visits of an article."""
    nationality = nationality or {}
    drafts: list[Draft] = []
    speeches: list[tuple[str, int, int, Draft | None]] = []
    days: dict[int, list[str]] = {}  # the days each story has told so far: "Cùng ngày", "Hôm sau"
    for sentence in sentences:
        found = []
        taken: set[int] = set()  # persons already the object of an earlier trigger in the sentence
        for index, item in enumerate(sentence.items):
            if item.kind == "trigger" and item.key != "-":
                draft = _draft(sentence, index, taken, nationality)
            else:
                draft = summit(sentence.items, index, sentence.story) or named_forum(sentence.items, index, sentence.story)
            if draft is not None:
                found.append(draft)
        assign_dates(sentence, found)
        fix_years(found, [sentence], article.text)  # "Hội nghị cấp cao Á - Phi 2005 ... 22/4": not the one of 1955
        _at_conference(sentence, found)
        relative_dates(sentence, found, days.setdefault(sentence.story, []))
        _share_sides(sentence, found)
        _share_subjects(sentence, found)
        _pronoun_subjects(sentence, found, drafts)
        merged = [merge(drafts, d) for d in found]
        _companions(sentence, drafts)
        for index, item in enumerate(sentence.items):
            if item.kind == "speech":
                speeches += [(who, item.start, sentence.story, merged) for who in speakers_of(sentence, index)]
    attach_speakers(drafts, speeches)
    date_the_day(drafts)
    fix_years(drafts, sentences, article.text)
    return finish(drafts)


def _companions(sentence, drafts: list[Draft]) -> None:
    """'Tháp tùng Quốc vương có Hoàng thân A, Phó Thủ tướng; ngài B, ...': A and B visit where the visitor goes."""
    items = sentence.items
    opening = phrase_key(" ".join(m.text for m in items[:2]))
    has = next((i for i, m in enumerate(items[:6]) if m.key == HAS), None)
    if opening not in ACCOMPANY or has is None:
        return
    led = next((sentence.persons[i] for i in range(2, has) if i in sentence.persons), None)
    visits = [d for d in drafts if d.story == sentence.story and d.type == "visit" and d.destinations]
    visit = next((d for d in reversed(visits) if led in d.hosts), visits[-1] if visits else None)
    if visit is not None:
        visit.hosts += [p for i, p in sorted(sentence.persons.items()) if i > has and p not in visit.hosts]


def _at_conference(sentence, drafts: list[Draft]) -> None:
    """'cuộc gặp ... tại Diễn đàn Kinh tế Thế giới tổ chức ở Davos tháng 1/2017', 'Tại Hội nghị X tháng 6/2019,
    A đã gặp B': an undated meeting at a conference of a month or a year took place then."""
    starts = {item.start: index for index, item in enumerate(sentence.items)}
    for meeting in (d for d in drafts if d.type in MEETING_TYPES and not d.date):
        for conference in (d for d in drafts if d.type == "conference" and d.date):
            index = starts.get(conference.start, 0)
            if index > 0 and sentence.items[index - 1].key == AT and not re.search(r"-\d\d-\d\d$", conference.date):
                meeting.date = conference.date


def _share_sides(sentence, drafts: list[Draft]) -> None:
    """'có cuộc gặp hẹp và hội đàm với Tổng thống Putin': both meetings have Putin as the other side."""
    for first, second in itertools.pairwise(drafts):
        between = sentence_text([m for m in sentence.items if first.end <= m.start < second.start])
        if first.type in MEETING_TYPES and second.type in MEETING_TYPES and not first.guests \
                and phrase_key(between) in SHARED_SIDE_LINKS:
            first.guests = list(second.guests)
            first.hosts = first.hosts or list(second.hosts)
            first.joint = second.joint = True  # "có cuộc hội đàm, hội kiến với A, B và C": one list for both


def _share_subjects(sentence, drafts: list[Draft]) -> None:
    """'A đã yết kiến B; hội đàm với C và gặp D': a verb with no subject of its own shares the one before."""
    subject: list[str] = []
    starts = {item.start: index for index, item in enumerate(sentence.items)}
    for draft in drafts:
        if draft.type not in MEETING_TYPES and draft.type != "visit":
            continue
        index = starts.get(draft.start, 0)
        opens = index > 0 and (sentence.items[index - 1].text in (",", ";") or sentence.items[index - 1].key in AND)
        if subject and draft.guests and draft.type in MEETING_TYPES and (opens or not draft.hosts):
            draft.hosts = [h for h in subject if h not in draft.guests]
        elif draft.hosts:
            subject = draft.hosts


def _pronoun_subjects(sentence, found: list[Draft], drafts: list[Draft]) -> None:
    """'Trong chương trình ở thăm, ông sẽ có các cuộc gặp với A, B': 'ông' is the story's last subject."""
    starts = {item.start: index for index, item in enumerate(sentence.items)}
    told = [d.hosts[0] for d in drafts if d.story == sentence.story and d.hosts]
    for draft in found:
        index = starts.get(draft.start, 0)
        near = sentence.items[max(0, index - 4):index]
        if draft.type in MEETING_TYPES and draft.guests and not draft.hosts and told and any(
                m.kind == "title" and m.get("kind") == "address" and sentence.items.index(m) not in sentence.persons
                for m in near):
            draft.hosts = [told[-1]] if told[-1] not in draft.guests else []


def _draft(sentence, index: int, taken: set[int], nationality: dict[str, str]) -> Draft | None:
    items = sentence.items
    trigger = items[index]
    kind, role = trigger.key, trigger.get("role")
    draft = Draft(kind, sentence.story, trigger.start, trigger.end)
    if wished(sentence, index):
        return None
    if kind == "visit":
        if invited(sentence, index):
            return None
        draft.told = any(m.key in CLOSING for m in items[max(0, index - 3):index])  # "kết thúc tốt đẹp chuyến thăm"
        fill_visit(sentence, index, draft, nationality, taken)
        keep = bool(draft.destinations or draft.hosts) or role == "noun" and not (
            index > 0 and items[index - 1].key in PLURAL)  # "Trong khuôn khổ chuyến thăm từ 8/8", not "các chuyến thăm"
    elif kind in MEETING_TYPES:
        told = draft.told = refers_back(items, index) and (role != "noun" or items[index - 1].key not in REFERENCE) \
            or _bystanders(items, index)
        if not told:
            fill_meeting(sentence, index, draft, taken)
            told = draft.told = not (draft.hosts or draft.guests) and refers_back(items, index)  # "sau cuộc gặp, ..."
        listed = index > 1 and (items[index - 1].text == "," or items[index - 1].key in AND) \
            and items[index - 2].kind == "trigger" and bool(draft.hosts)  # "đã dự lễ đón, hội đàm và dự chiêu đãi của ..."
        # "Các cuộc tiếp xúc cấp cao được duy trì" is a habit; "các cuộc gặp trong chuyến công du" happened
        anchored = index + 1 < len(items) and items[index + 1].key in ANCHORS
        generic = role == "noun" and index > 0 and items[index - 1].key in PLURAL and not anchored
        keep = bool(draft.guests) or role == "noun" and not generic or told or listed or _two_sides(items, index)
    else:
        if kind in NAMED_TYPES and named_by_trigger(items, index):
            return None  # "Hội nghị các nhà lãnh đạo Diễn đàn Hợp tác ...": one conference, named twice
        acted = kind == "other" or kind == "ceremony" and role == "verb"  # "tặng hoa", "trao tặng Huân chương": someone did it
        keep = person_before(sentence, index, limit=12)[0] is not None if acted else _is_specific(items, index)
        draft.name = _quoted_name(items, index)
        draft.label = _label(items, index)
        draft.organizer = _organizer(items, index)
        if kind == "signing":
            _signing(items, index, draft)
    draft.place = draft.place or _place(items, index)
    return draft if keep else None


def _signing(items: list[Mention], index: int, draft: Draft) -> None:
    """Who signs ('Phòng Thương mại hai nước cũng ký'), whether it is yet to come ('sẽ ký') and whether
    its documents are others than those told ('ký hai văn kiện khác')."""
    start = index
    while start > 0 and items[start - 1].text not in (",", ";", ":", ".") and items[start - 1].key != PASSIVE:
        start -= 1
    passive = start > 0 and items[start - 1].key == PASSIVE
    draft.signers = frozenset() if passive else frozenset(
        m.key or m.text for at, m in enumerate(items[start:index], start)
        if m.text[:1].isupper() and m.kind in SIGNER_KINDS and not (at == start and m.kind == "word"))
    draft.future = any(m.key in FUTURE for m in items[max(0, index - 3):index])
    after = items[index + 1:index + 10]
    draft.another = any(m.key in ANOTHER for m in after[:next(
        (i for i, m in enumerate(after) if m.text in (",", ";", ".") or m.kind == "trigger"), len(after))])


def _bystanders(items: list[Mention], index: int) -> bool:
    """'Dự buổi tiếp còn có Thứ trưởng X': the event told before, with someone who attended it, not a side."""
    return index > 0 and items[index - 1].key in ATTEND and any(m.key == HAS for m in items[index + 1:index + 3])


def _two_sides(items: list[Mention], index: int) -> bool:
    """'hai Thủ tướng đã hội đàm', 'hai bên tiến hành hội đàm': a meeting whose sides the story named before."""
    if items[index].key == "reception":
        return False
    for at in range(max(0, index - 6), index):
        if items[at].key == TWO and (at == 0 or items[at - 1].key not in HABIT):
            return all(m.kind == "title" or m.key in SUBJECT_WORDS for m in items[at + 1:index])
    return False


def _is_specific(items: list[Mention], index: int) -> bool:
    """A seminar, conference, ceremony or signing that happened, not the generic word."""
    trigger = items[index]
    if index > 0 and (items[index - 1].key in PLURAL or items[index - 1].kind == "title" and trigger.get("role") != "verb"):
        return False  # "các diễn đàn", "Phó Chủ tịch Diễn đàn ...": no event
    if trigger.key == "signing":  # "ký kết các văn kiện", "lễ ký kết": a signing that happened
        before = items[max(0, index - 10):index]  # "Hiệp định ... đã được hai Bộ trưởng ký kết": the document first
        passive = any(m.key == PASSIVE for m in before) and any(m.key in DOCUMENTS - PLURAL for m in before)
        return trigger.get("role") == "noun" or passive or any(
            m.key in DOCUMENTS or m.kind in ("country", "intl") for m in items[index + 1:index + 4])
    if index > 0 and items[index - 1].key in (PASSIVE, match_key("do")) and trigger.key == "conference":
        return False  # "các mục tiêu được Đại hội XIII đề ra": the congress as the author of a text
    if index > 0 and items[index - 1].key in ATTEND:
        return True  # "dự lễ đón", "chủ trì Lễ đón trọng thể", "đã khai mạc hội nghị": one that took place
    if trigger.key == "ceremony" and match_key(trigger.text) == match_key("lễ"):
        return index + 1 < len(items) and items[index + 1].kind == "word" and items[index + 1].text[:1].isalpha()
    if trigger.text[:1].isupper():
        return True
    nearby = []
    for item in items[index + 1:index + 11]:  # "hội nghị thượng đỉnh tiến trình hợp tác Á - Âu (ASEM)"
        if item.text in (",", ";", ".") or item.kind in ("trigger", "speech"):
            break
        nearby.append(item)
    located = any(m.kind in ("place", "country") and i > 0 and nearby[i - 1].key == AT for i, m in enumerate(nearby))
    return located or any(m.kind in ("intl", "org", "date") or m.text in ("“", '"') for m in nearby) or \
        _organizer(items, index) is not None or any(m.key == match_key("tổ") for m in items[max(0, index - 3):index])


def _label(items: list[Mention], index: int) -> frozenset[str]:
    """The organisations named in a capitalised event's name: 'Hội nghị Cấp cao APEC 14' -> {'APEC'}; the kind
    of a ceremony: 'Lễ khai mạc' -> {'khai', 'mạc'}, unlike 'Lễ trao giải'."""
    if match_key(items[index].text) == match_key("lễ"):
        return frozenset(m.key for m in items[index + 1:index + 3] if m.kind == "word")
    head = " ".join(items[index].text.split()[:2])  # "Đại hội" is no "Hội nghị (Cấp cao)"
    found = {"@" + match_key(head)} if head[:1].isupper() and items[index].key in NAMED_TYPES else set()
    for at in range(index + 1, min(len(items), index + 12)):
        item = items[at]
        numbered = NUMBERED.match(item.text)
        if item.kind in ("intl", "org") or numbered:
            found |= {numbered.group(1), "#" + numbered.group(2)} if numbered else {item.key or item.text}
        elif item.key in ORDINAL and at + 2 < len(items) and items[at + 1].key == ORDINAL_OF:
            found.add("#" + items[at + 2].text)  # "lần thứ 10" is not "lần thứ 14"
            break
        elif item.text.isdigit() and len(item.text) <= 2:
            found.add("#" + item.text)  # "Hội nghị Đối tác Nghị viện Á - Âu 3"
            break
        elif not (item.text[:1].isupper() or item.text[:1].isdigit() or item.text in ("-", "–", "(", ")")):
            break
    return frozenset(found)


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


