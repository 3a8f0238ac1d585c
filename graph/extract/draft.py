"""The draft of an event while an article is read: a plain record that the extraction modules fill
(events.py finds it, sides.py and dates.py complete it, drafts.py merges and finishes it). It imports
nothing of the extraction stage, so that none of them imports another through it."""
from __future__ import annotations

from dataclasses import dataclass, field


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
    label: frozenset[str] = frozenset()  # organisations in the event's name ("Hội nghị Cấp cao APEC"), to tell apart
    joint: bool = False  # guests received together (a head of state and their consort)
    signers: frozenset[str] = frozenset()  # the capitalised words of a signing's subject ("Phòng Thương mại")
    another: bool = False  # "ký hai văn kiện khác": not one told before
    future: bool = False  # "sẽ ký": still to come, not the one told as done
    told: bool = False  # may refer back to an event told before ("kết thúc chuyến thăm"): its date yields
