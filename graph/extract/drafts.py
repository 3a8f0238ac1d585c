"""Drafts of events while an article is read: merged when they tell the same happening, given the
words reported at them, and finished into events, meetings and visits."""
from __future__ import annotations

from dataclasses import replace

from ..records import MEETING_TYPES, Event, Meeting, Visit
from .dates import dates_agree, more_specific
from .draft import Draft

SPLIT_TYPES = {"reception", "meeting"}
PRECISE_TYPES = {"talks", "reception"}  # what a back-reference may call a meeting told as a mere "gặp"


def compatible(a: Draft, b: Draft) -> bool:
    if a.story != b.story or not (b.told or dates_agree(a.date, b.date)):
        return False
    if a.type in MEETING_TYPES and b.type in MEETING_TYPES:
        people_a, people_b = set(a.hosts + a.guests), set(b.hosts + b.guests)
        if a.type != b.type:  # "hội kiến" then "gặp lại" the same people: one happening
            return len(people_a) >= 2 and people_a == people_b and "meeting" in (a.type, b.type) \
                and "phone_call" not in (a.type, b.type)
        if len(people_a) >= 2 and len(people_b) >= 2:  # A met B, then A met C: two meetings
            return people_a <= people_b or people_b <= people_a
        return not (people_a and people_b and not people_a & people_b)
    if a.type != b.type:
        return False
    if a.type == "visit":
        if a.destinations and b.destinations and not set(a.destinations) & set(b.destinations):
            return False
        return not (a.hosts and b.hosts and not set(a.hosts) & set(b.hosts))
    if a.type == "signing" and not _same_signing(a, b):
        return False
    if any(_apart(a.label, b.label, mark) for mark in LABEL_MARKS):  # "Hội nghị Cấp cao APEC" is not "Hội nghị ASEM"
        return False
    return not (a.name and b.name and a.name != b.name)


def _same_signing(a: Draft, b: Draft) -> bool:
    """'Tại Algeria, hai nước cũng đã ký ...' is another signing than the one in Nam Phi; so is one by other
    signers ('Phòng Thương mại hai nước cũng ký'), of other documents ('văn kiện khác'), or one yet to come."""
    if a.place and b.place and a.place != b.place or b.another or a.future != b.future:
        return False
    return not (a.signers and b.signers and not a.signers & b.signers)


def _apart(a: frozenset[str], b: frozenset[str], mark: str) -> bool:
    """Labels that name different organisations, ordinals, or (for the same organisation or none) head words."""
    part_a, part_b = _part(a, mark), _part(b, mark)
    if mark == "@" and _part(a, "") & _part(b, ""):
        return False  # "Hội nghị cấp cao APEC 2017" and "Tuần lễ cấp cao APEC 2017" are one
    return bool(part_a and part_b and not part_a & part_b)


LABEL_MARKS = ("", "#", "@")  # organisations named, ordinal ("lần thứ 16" -> "#16"), head word ("@hội nghị")


def _part(label: frozenset[str], mark: str) -> frozenset[str]:
    return frozenset(word for word in label if (word[:1] if word[:1] in "#@" else "") == mark)


def merge(drafts: list[Draft], new: Draft) -> Draft:
    for old in drafts:
        if compatible(old, new):
            old.date = old.date if new.told and old.date else more_specific(old.date, new.date)
            old.place = old.place or new.place
            old.organizer = old.organizer or new.organizer
            old.name = old.name or new.name
            old.joint = old.joint or new.joint
            old.label = old.label | new.label
            old.destinations += [d for d in new.destinations if d not in old.destinations]
            old.hosts += [h for h in new.hosts if h not in old.hosts and h not in old.guests]
            old.guests += [g for g in new.guests if g not in old.guests and g not in old.hosts]
            return old
    if new.told and new.type in MEETING_TYPES:  # "Tại các cuộc gặp và hội đàm": whichever was told last
        told = [d for d in drafts if d.story == new.story and d.type in MEETING_TYPES]
        if told:
            if told[-1].type == "meeting" and new.type in PRECISE_TYPES:
                told[-1].type = new.type  # "có cuộc gặp gỡ Thủ tướng X ... Trong buổi hội đàm, ...": talks
            return told[-1]
    if not (new.hosts or new.guests or new.destinations) and new.type in ("visit", "reception"):
        return new  # a visit or reception with no one and nothing of its own, and none to join: left out
    drafts.append(new)
    return new


def attach_speakers(drafts: list[Draft], speeches: list) -> None:
    """Words reported in a sentence with an event belong to it (to the one the speaker is a side of, if
    any); other words to the last event told before them where the speaker was a side, else the last one."""
    for name, offset, story, found in speeches:
        told = [d for d in drafts if d.story == story and d.start <= offset] or \
            [d for d in drafts if d.story == story]
        pool = found or [d for d in told if d.type != "other"] or told
        own = [d for d in pool if name in d.hosts + d.guests]
        draft = (own or pool)[0 if found else -1] if pool else None
        if draft is not None and name not in draft.speakers:
            draft.speakers.append(name)


def _one_per_guest(drafts: list[Draft]) -> list[Draft]:
    """'hội kiến Tổng thống A và Thủ tướng B': one host meeting named guests one after another is one event each."""
    out = []
    for draft in drafts:
        if draft.type in SPLIT_TYPES and len(draft.hosts) == 1 and len(draft.guests) > 1 and not draft.joint:
            out += [replace(draft, guests=[guest], speakers=draft.speakers if n == 0 else [])
                    for n, guest in enumerate(draft.guests)]
        else:
            out.append(draft)
    return out


def finish(drafts: list[Draft]) -> tuple[list[Event], list[Meeting], list[Visit]]:
    events, meetings, visits = [], [], []
    seen_speakers: set[str] = set()
    for number, draft in enumerate(_one_per_guest(drafts), 1):
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
