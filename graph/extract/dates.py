"""When events happened: dates bound to the events they open, one day per
report, years fixed by the text itself."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..records import MEETING_TYPES
from ..text.lexicon import last_syllables, words
from .draft import Draft

NAMED_YEAR = re.compile(r"[^.;:\n]{0,60}?(?<![\d/.-])((?:19|20)\d{2})(?![\d/.-])")  # "Hội nghị ... 2005 (AAS)"
NOT_EVENT_DATE = last_syllables("not_event_date_words")  # "đến năm 2030", "giai đoạn", "tầm nhìn"
SAME_DAY_CUES = {tuple(cue.split()) for cue in words("same_day_cues")}
NEXT_DAY_CUES = {tuple(cue.split()) for cue in words("next_day_cues")}
RELATIVE = words("relative_words")
WHEN = words("when_words")  # a relative clause: its event is not the one the date opens
SAME_DAY = MEETING_TYPES | {"signing", "ceremony"}
LISTED = 60  # how near the next of events listed after a bare year must be to share it


def fix_years(drafts: list[Draft], sentences: list, text: str) -> None:
    """A day with no year takes the year its event's name gives ("Hội nghị cấp cao Á - Phi 2005"), else
    the year of the story's dates of the same month ("20-21/6/2017" fixes "21/6"), else of its full dates,
    if they agree: a month of a year may be history ("thiết lập quan hệ ngoại giao tháng 12/1960")."""
    stated = [(item.start, s.story, item.key[:4], item.key[5:7], len(item.key) == 10) for s in sentences
              for index, item in enumerate(s.items) if item.kind == "date" and len(item.key) >= 7
              and item.key[:4].isdigit() and not _history(s.items, index)]
    for draft in drafts:
        if not (draft.date and draft.date.startswith("--")):
            continue
        named = NAMED_YEAR.match(text, draft.end)
        mine = [(year, month, full) for _, story, year, month, full in stated if story == draft.story]
        years = {y for y, month, _ in mine if month == draft.date[2:4]} or {y for y, _, full in mine if full}
        year = named.group(1) if named else years.pop() if len(years) == 1 else None
        if year:
            draft.date = f"{year}-{draft.date[2:]}"


HISTORY = tuple(tuple(cue.split()) for cue in sorted(words("history_cues")))


def _history(items: list, index: int) -> bool:
    """'kể từ khi hai nước thiết lập quan hệ ngoại giao (25/11/1971)': a date of the past, no year for today."""
    before = tuple(m.key for m in items[max(0, index - 8):index])
    return any(before[at:at + len(cue)] == cue for cue in HISTORY for at in range(len(before)))


def assign_dates(sentence, drafts: list[Draft]) -> None:
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
        opening = not any(m.kind in ("trigger", "speech") for m in items[:position])  # "Trong ngày 12/7, A ..."
        stop = min([stop] + [m.start for m in items[position:]  # "..., nơi sẽ diễn ra", "năm 2016; hoan nghênh"
                             if m.key in RELATIVE or m.text == ";" and not opening])
        after = [d for d in drafts if item.end <= d.start < stop]  # "chiều 29/6 có cuộc gặp hẹp và hội đàm"
        before = [d for d in drafts if d.end <= item.start and _same_clause(items, d.end, item.start)]
        named = [d for d in before if item.start - d.end <= 60 and not any(
            m.text == "," for m in items if d.end <= m.start < item.start)]  # "Hội nghị X tổ chức tại Tokyo ngày 5/6"
        targets = named[-1:] or after or ([max(before, key=lambda d: d.end)] if before else [])
        tight = [d for d in drafts if 0 <= item.start - d.end <= 20 and not any(  # "chuyến thăm ... từ ngày 25-27/12"
            m.text == "," for m in items if d.end <= m.start < item.start)]  # not "Trong chuyến thăm X, ngày 21/6, ..."
        for target in tight:
            target.date = value if len(value) >= len(target.date or "") else target.date
        if tight:
            continue  # a date bound to the event right before it dates no other
        reach = item.start
        for target in targets:
            if target.told and target.start > item.start:
                continue  # "Trưa 10/8, ... kết thúc chuyến thăm": the day it ended, not the one it began
            if len(value) == 4 and abs(target.start - reach) > (120 if reach == item.start else LISTED):
                continue  # a bare year far from the trigger is context, not the event's date
            if len(value) == 4 and target.start > item.start:
                reach = target.end  # "năm 2006 ... là năm tổ chức Đại hội X và Hội nghị Y": the events listed share it
            target.date = target.date or value


def relative_dates(sentence, found: list[Draft], told: list[str]) -> None:
    """'Cùng ngày, ...', 'Ngay sau lễ đón, hai Thủ tướng hội đàm' take the last day the story told;
    'Hôm sau, ...' the day after it. ``told`` collects the story's days, in order."""
    opening = [m.key for m in sentence.items[:4]]
    same = any(tuple(opening[i:i + len(cue)]) == cue for cue in SAME_DAY_CUES for i in range(2))
    following = any(tuple(opening[i:i + len(cue)]) == cue for cue in NEXT_DAY_CUES for i in range(2))
    if told and (same or following):
        day = _next_day(told[-1]) if following else told[-1]
        for draft in found:
            draft.date = draft.date or day
        told.append(day)
    told += [m.key for m in sentence.items if m.kind == "date" and m.key.count("-") >= 2 and len(m.key) in (7, 10)]


def _next_day(value: str) -> str:
    year, month, day = (int(p) for p in (value[:4] if value[0] != "-" else "2000", value[-5:-3], value[-2:]))
    following = date(year, month, day) + timedelta(days=1)
    return following.isoformat() if value[0] != "-" else following.strftime("--%m-%d")


def _same_clause(items: list, start: int, end: int) -> bool:
    """No clause break, words reported by someone or a clause of another time ('kể từ khi ông nhậm chức vào
    tháng 6') between an event and a date after it."""
    between = [m for m in items if start <= m.start < end]
    named = [i for i, m in enumerate(between) if m.kind in ("person", "name")]
    said = bool(named) and any(m.kind == "speech" for m in between[named[0]:])
    return end - start <= 150 and not said and not any(m.text in (";", ":") or m.key in WHEN for m in between)


def dates_agree(a: str | None, b: str | None) -> bool:
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


def more_specific(a: str | None, b: str | None) -> str | None:
    if not a or not b:
        return a or b
    return max((a, b), key=lambda v: sum(p is not None for p in _parts(v)))


def date_the_day(drafts: list[Draft]) -> None:
    """A report covers one day: its undated meetings and signings take the day its lead gives."""
    days = {d.date for d in drafts if d.story == 0 and d.type in SAME_DAY and d.date and len(d.date) in (7, 10)
            and d.date.count("-") >= 2}
    if len(days) != 1:
        return
    day = days.pop()
    for draft in drafts:
        if draft.story == 0 and draft.type in SAME_DAY and draft.date is None:
            draft.date = day
