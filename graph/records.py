"""The plain data passed between pipeline stages (frozen dataclasses).

Offsets are character offsets into ``Article.text`` (NFC), end exclusive.
"""
from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]
MEETING_TYPES = frozenset({"reception", "talks", "meeting", "phone_call"})  # events with two sides


@dataclass(frozen=True)
class Section:
    """A part of a page: header_date, title, lead, body, byline, teaser."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    doc_id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    authors: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()

    def parts(self) -> tuple[Section, ...]:
        """The sections to extract from; the whole text when none were found."""
        readable = tuple(s for s in self.sections if s.kind not in ("header_date", "byline"))
        return readable or (Section("body", 0, len(self.text)),)


@dataclass(frozen=True)
class Mention:
    """A stretch of text recognised as something: a person, title, org..."""

    kind: str  # person, title, org, country, intl, place, date, address, rank, degree, adhoc
    start: int
    end: int
    text: str
    key: str | None = None  # gazetteer key: ISO/org code, canonical name
    data: tuple[tuple[str, str], ...] = ()

    def get(self, name: str, default: str | None = None) -> str | None:
        return dict(self.data).get(name, default)


@dataclass(frozen=True)
class Role:
    person: str
    title: str
    org: str | None
    country: str | None
    span: Span
    status: str | None = None  # "former" or None
    title_en: str | None = None
    org_key: str | None = None


@dataclass(frozen=True)
class Event:
    key: str  # unique within the article: e1, e2...
    type: str
    span: Span
    date: str | None = None
    place: str | None = None
    organizer: str | None = None
    name: str | None = None
    participants: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Meeting:
    participants: tuple[str, str]
    type: str
    event: str
    span: Span


@dataclass(frozen=True)
class Visit:
    person: str
    country: str
    span: Span
    event: str | None = None


@dataclass(frozen=True)
class Partner:
    code: str
    span: Span
    level: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    persons: dict[str, Span] = field(default_factory=dict)
    roles: tuple[Role, ...] = ()
    events: tuple[Event, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    visits: tuple[Visit, ...] = ()
    partners: tuple[Partner, ...] = ()
    mentions: dict[Span, list[Mention]] = field(default_factory=dict, compare=False, repr=False)  # by sentence
