"""Files, folders, HTML pages and JSONL corpora -> Articles.

Each source yields Articles or, for what cannot be read, an InputError
value (a SkippedInput when there is simply no article), so that one bad
file never stops a batch; repairs made while decoding come as Notices
just before their article.
"""
from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..errors import InputError, SkippedInput
from ..records import Article, Section
from ..text.normalise import clean_text
from .decode import MAX_BYTES, check_size, decode, tidy

__all__ = ["MAX_BYTES", "MAX_LINE_CHARS", "SUFFIXES", "Notice", "decode", "files_in", "parse_html", "parse_jsonl",
           "parse_page", "read_file", "read_paths"]

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
MAX_LINE_CHARS = 100_000
_DATE_LINE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*(?:\d{1,2}:\d{2})?\s*$")
_OTHER_NEWS = re.compile(r"^\s*(other news|tin khác|tin liên quan|tin cùng chuyên mục|xem thêm|bài liên quan)\s*:?\s*$", re.I)
_BYLINE = re.compile(r"^\s*((tin|bài|ảnh|tin và ảnh|bài và ảnh|tin, ảnh|bài, ảnh|video)\s*:\s*|theo\s+)(?P<names>.+?)\s*$", re.I)
_TRAILING_BYLINE = re.compile(r"\./\.\s*(?P<byline>[^\n]{2,80})\s*$")
MAX_BYLINE_WORDS = 12
_END_MARKS = {"top", "lên đầu trang", "về đầu trang"}
_LINE_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n"})


@dataclass(frozen=True)
class Notice:
    """Something repaired while reading (an encoding, NFD, line ends): one line naming the file."""

    message: str

    def __str__(self) -> str:
        return self.message


Item = Article | InputError | Notice


def read_paths(paths: Iterable[str | Path], *, max_bytes: int | None = None) -> Iterator[Item]:
    """Every article under the given files and folders, in a stable order."""
    for path in map(Path, paths):
        if not path.exists():
            yield InputError(f"{path}: no such file or folder; check the path")
        elif path.is_dir():
            files = files_in(path)
            if not files:
                yield InputError(f"{path}: no .txt, .html or .jsonl files in this folder")
            for file in files:
                yield from read_file(file, max_bytes=max_bytes)
        else:
            yield from read_file(path, max_bytes=max_bytes)


def files_in(folder: Path) -> list[Path]:
    """The article files under a folder, in the stable order every reader uses."""
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())


def read_file(path: Path, *, max_bytes: int | None = None, lines: range | None = None) -> Iterator[Item]:
    """The articles of one file, preceded by Notices of what was repaired in it.

    ``lines``: only the JSONL records on those lines (from 1), a part of a shard read
    apart; what concerns the whole file is then said only by the part with line 1.
    """
    whole = lines is None or 1 in lines
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        if whole:
            yield InputError(f"{path}: unsupported file type '{suffix}'; give .txt, .html or .jsonl files")
        return
    notes: list[str] = []
    try:
        check_size(path.stat().st_size, path, max_bytes or MAX_BYTES)
        text = decode(path.read_bytes(), path, notes, max_bytes=max_bytes or MAX_BYTES)
    except InputError as error:
        if whole:
            yield error
        return
    except OSError as error:
        if whole:
            yield InputError(f"{path}: cannot read ({error.strerror}); check its permissions")
        return
    yield from map(Notice, notes if whole else [])
    if suffix == ".jsonl":
        yield from map(check_lines, parse_jsonl(text, path, lines))
        return
    parse = parse_html if suffix in (".html", ".htm") else parse_page
    try:
        yield check_lines(parse(text, path.stem, str(path)))
    except InputError as error:
        yield error


def check_lines(item: Item) -> Item:
    """An InputError in place of an article with an absurdly long line (a data dump, not prose)."""
    if not isinstance(item, Article) or len(item.text) <= MAX_LINE_CHARS:
        return item
    for number, line in enumerate(item.text.split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            return InputError(f"{item.source or item.doc_id}: line {number} of the text has {len(line):,} "
                              f"characters (limit {MAX_LINE_CHARS:,}); this is not article text, "
                              "break it into paragraphs")
    return item


def parse_jsonl(text: str, path: Path, lines: range | None = None) -> Iterator[Item]:
    """One article per JSON line (of ``lines`` only, if given); a bad line is an InputError naming it,
    and the rest go on."""
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() or (lines is not None and number not in lines):
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as error:
            reason = error if isinstance(error, ValueError) else "nested too deeply"
            yield InputError(f"{where}: not JSON ({reason}); each line must be a JSON object with 'id' and 'text'")
            continue
        if not isinstance(record, dict):
            yield InputError(f"{where}: a JSON {type(record).__name__}, not an object; "
                             "each line must be a JSON object with 'id' and 'text'")
            continue
        notes: list[str] = []
        try:
            article = article_from_record(record, where, notes)
        except InputError as error:
            yield error
            continue
        yield from map(Notice, notes)
        yield article


def article_from_record(record: dict, where: str, notes: list[str] | None = None) -> Article:
    """An Article from a {"id", "title", "date", "url", "text"} record."""
    doc_id, body = record.get("id"), record.get("text")
    if doc_id in (None, "") or isinstance(doc_id, (dict, list)) or not isinstance(body, str):
        raise InputError(f"{where}: record needs an 'id' and a 'text' string")
    title = clean_text(str(record.get("title") or "")).strip()
    body = tidy(body.translate(_LINE_SEPARATORS), where, [] if notes is None else notes, lines=False).strip()
    if not body and not title:
        raise SkippedInput(f"{where}: empty article; nothing to ingest")
    url = record.get("url")
    text = f"{title}\n\n{body}" if title else body
    sections = [Section("body", len(text) - len(body), len(text))]
    if title:
        sections.insert(0, Section("title", 0, len(title)))
    return Article(str(doc_id), text, title or None, _iso_date(record.get("date")),
                   str(url) if url else None, where, sections=tuple(sections))


def _iso_date(value: object) -> str | None:
    if not value:
        return None
    found = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value))
    if found:
        return _valid_date(found[1], found[2], found[3])
    found = _DATE_LINE.match(str(value))
    return _valid_date(found[3], found[2], found[1]) if found else None


def _valid_date(year: str, month: str, day: str) -> str | None:
    """'YYYY-MM-DD' when it is a real calendar date (no 31 February), else None."""
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def parse_page(text: str, doc_id: str, source: str | None = None) -> Article:
    """Split free-form page text into header date, title, lead, body, byline, teasers."""
    text = clean_text(text.translate(_LINE_SEPARATORS))
    lines = _lines(text)
    if not any(line.strip() for _, line in lines):
        raise SkippedInput(f"{source or doc_id}: empty article; nothing to ingest")
    sections: list[Section] = []
    published = None
    index = 0
    while index < len(lines) and _is_preamble(lines[index][1]):
        found = _DATE_LINE.match(lines[index][1])
        if found and published is None:
            published = _valid_date(found[3], found[2], found[1])
            sections.append(Section("header_date", lines[index][0], lines[index][0] + len(lines[index][1])))
        index += 1
    content = [(start, line) for start, line in lines[index:] if line.strip()]
    body, teasers = _split_teasers(content)
    authors: list[str] = []
    for position, (start, line) in enumerate(body):
        kind = "title" if position == 0 else "lead" if position == 1 else "body"
        byline = _BYLINE.match(line) if position > 0 else None
        if byline and len(byline["names"].split()) > MAX_BYLINE_WORDS:
            byline = None  # "Theo TTXVN, Tổng thống … phát biểu": a paragraph that opens with its source
        if byline:
            sections.append(Section("byline", start, start + len(line)))
            authors.extend(_byline_names(byline["names"]))
            continue
        end = start + len(line)
        trailing = _TRAILING_BYLINE.search(line)
        if trailing and position == len(body) - 1:
            end = start + trailing.start() + 3
            sections.append(Section("byline", start + trailing.start("byline"), start + len(line)))
            authors.extend(_byline_names(trailing["byline"]))
        sections.append(Section(kind, start, end))
    sections.extend(Section("teaser_title" if n % 2 == 0 else "teaser_lead", start, start + len(line))
                    for n, (start, line) in enumerate(teasers))
    title = body[0][1].strip() if body else None
    return Article(doc_id, text, title, published, None, source, tuple(authors), tuple(sections))


def _lines(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, line.rstrip()))
        start += len(line) + 1
    return out


def _is_preamble(line: str) -> bool:
    """Header lines before the title: the date, menu crumbs like 'x', '+', 'aa'."""
    stripped = line.strip()
    return not stripped or bool(_DATE_LINE.match(stripped)) or (len(stripped) <= 3 and " " not in stripped)


def _split_teasers(content: list[tuple[int, str]]) -> tuple[list, list]:
    for position, (_, line) in enumerate(content):
        if _OTHER_NEWS.match(line):
            teasers = [item for item in content[position + 1:] if item[1].strip().lower() not in _END_MARKS]
            return content[:position], teasers
    return content, []


def _byline_names(names: str) -> list[str]:
    """'Khánh Linh' / 'Thùy Vân/VOV-Paris' / 'Xuân Dần - Trí Dũng' -> names."""
    names = re.sub(r"\(.*?\)", "", names).split("/")[0]
    parts = re.split(r"\s*(?:,|;| - | – | và )\s*", names)
    return [p.strip() for p in parts if p.strip() and len(p.split()) <= 4]


def parse_html(text: str, doc_id: str, source: str | None = None) -> Article:
    """The article in an HTML page: title, date and body paragraphs; scripts and navigation dropped."""
    from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning

    with warnings.catch_warnings():  # a page holding only a URL or a file name is just a short page
        warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
        soup = BeautifulSoup(text, "lxml")
    for tag in soup(["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe"]):
        tag.decompose()
    heading = soup.find("h1") or soup.find("title")
    title = clean_text(heading.get_text(" ", strip=True)) if heading else ""
    root = soup.find("article") or soup.find("main") or soup.body or soup
    paragraphs = [clean_text(p.get_text(" ", strip=True)) for p in root.find_all("p")]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise SkippedInput(f"{source or doc_id}: HTML page with no article body (no <p> text); "
                          "if it is an article, save its text as .txt")
    meta = soup.find("meta", attrs={"property": "article:published_time"}) or soup.find("meta", attrs={"name": "date"})
    record = {"id": doc_id, "title": title, "text": "\n\n".join(paragraphs),
              "date": meta.get("content") if meta else None}
    time = soup.find("time")
    if not record["date"] and time is not None:
        record["date"] = time.get("datetime") or time.get_text(strip=True)
    return article_from_record(record, source or doc_id)
