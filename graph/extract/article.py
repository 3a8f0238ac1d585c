"""Article -> Extraction: persons and their posts, events, speakers,
meetings, visits and partners.

Three passes over the article's sentences: (1) mentions, title chains and
name candidates; (2) who is who: full names registered, short forms and
bare titles resolved; (3) events and relations, which need (2).
"""
from __future__ import annotations

from ..records import Article, Extraction, Mention
from ..text.lexicon import Lexicon, load_lexicon
from ..text.mentions import find_mentions
from ..text.normalise import split_sentences
from .events import find_events
from .names import Sentence, find_people, find_surnames, resolve_people, resolve_titles
from .partners import find_partners
from .pronouns import resolve_first_person
from .roles import make_roles, nationalities


def extract(article: Article, lexicon: Lexicon | None = None) -> Extraction:
    """Every fact vnfa finds in one article."""
    lexicon = lexicon or load_lexicon()
    sentences = read_sentences(article, lexicon)
    refs, title_refs = [], []
    for sentence in sentences:
        found_refs, found_titles = find_people(sentence)
        refs += found_refs
        title_refs += found_titles
    people = resolve_people(refs)
    resolve_titles(title_refs, refs)
    find_surnames(sentences, people)
    resolve_first_person(sentences)
    foreign = main_foreign_country(sentences)
    for sentence in sentences:
        sentence.foreign = foreign
    roles = tuple(make_roles(refs, lexicon, foreign))
    events, meetings, visits = find_events(sentences, article, nationalities(refs, list(roles)))
    partners = find_partners(sentences, events, visits, roles, meetings)
    persons = {p.name: (p.start, p.end) for p in people.persons}
    mentions = {(s.start, s.end): s.items for s in sentences}  # for the relevance gate, not found again
    return Extraction(article, persons, roles, tuple(events), tuple(meetings), tuple(visits), tuple(partners),
                      mentions)


def read_sentences(article: Article, lexicon: Lexicon) -> list[Sentence]:
    """The article's sentences with their mentions; each teaser is a story of its own."""
    out = []
    story = 0
    for section in article.parts():
        if section.kind == "teaser_title":
            story += 1
        for start, end in split_sentences(article.text, section.start, section.end):
            items = find_mentions(article.text, start, end, lexicon)
            out.append(Sentence(start, end, items, story, section.kind))
    main = [s for s in out if s.story == 0]
    if len(main) > 1 and _is_byline(main[-1].items):
        out.remove(main[-1])
    return out


def _is_byline(items: list[Mention]) -> bool:
    """A last 'sentence' that is only a name and an agency: "Nguyễn Hoàng", "PV (TTXVN)"."""
    words = [m for m in items if m.kind != "punct"]
    return 0 < len(words) <= 3 and all(m.kind in ("name", "word", "org") and m.text[:1].isupper() for m in words)


def main_foreign_country(sentences: list[Sentence]) -> str | None:
    """The foreign country the article is most about: a foreigner's post with no country is taken to serve it."""
    counts: dict[str, int] = {}
    for sentence in sentences:
        for item in sentence.items:
            if item.kind == "country" and item.key != "VN":
                counts[item.key] = counts.get(item.key, 0) + 1
    return max(counts, key=lambda code: (counts[code], -len(code))) if counts else None

