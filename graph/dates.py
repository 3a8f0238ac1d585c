"""When events happened: dates bound to the events they open, one day per
report, years fixed by the text itself."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .normalise import match_key
from .records import MEETING_TYPES

if TYPE_CHECKING:
    from .events import Draft



def _keys(*words: str) -> set[str]:
    return {match_key(w) for w in words}


NOT_EVENT_DATE = _keys("đến", "tới", "trước", "đoạn", "nhìn", "hạn")  # "đến năm 2030", "giai đoạn", "tầm nhìn"
SAME_DAY = MEETING_TYPES | {"signing", "ceremony"}


def fix_years(drafts: list[Draft]) -> None:
    """An event dated "20-21/6/2017" fixes the year of another dated "21/6" in the same story."""
    found: dict[tuple[int, str], set[str]] = {}
    for draft in drafts:
        if draft.date and len(draft.date) == 10:
            found.setdefault((draft.story, draft.date[5:7]), set()).add(draft.date[:4])
    for draft in drafts:
        years = found.get((draft.story, (draft.date or "")[2:4]), set())
        if draft.date and draft.date.startswith("--") and len(draft.date) == 7 and len(years) == 1:
            draft.date = f"{next(iter(years))}-{draft.date[2:]}"


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
