"""Files, folders, HTML pages and JSONL corpora -> Articles.

Each source yields Articles or, for what cannot be read, an InputError
value, so that one bad file never stops a batch.
"""
from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import InputError
from .normalise import clean_text
from .records import Article, Section

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
MAX_BYTES = 20_000_000
_DATE_LINE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*(?:\d{1,2}:\d{2})?\s*$")
_OTHER_NEWS = re.compile(r"^\s*(other news|tin khác|tin liên quan|tin cùng chuyên mục|xem thêm|bài liên quan)\s*:?\s*$", re.I)
_BYLINE = re.compile(r"^\s*((tin|bài|ảnh|tin và ảnh|bài và ảnh|tin, ảnh|bài, ảnh|video)\s*:\s*|theo\s+)(?P<names>.+?)\s*$", re.I)
_TRAILING_BYLINE = re.compile(r"\./\.\s*(?P<byline>[^\n]{2,80})\s*$")
_END_MARKS = {"top", "lên đầu trang", "về đầu trang"}


def read_paths(paths: Iterable[str | Path]) -> Iterator[Article | InputError]:
    """Every article under the given files and folders, in a stable order."""
    for path in map(Path, paths):
        if not path.exists():
            yield InputError(f"{path}: no such file or folder; check the path")
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
            if not files:
                yield InputError(f"{path}: no .txt, .html or .jsonl files in this folder")
            for file in files:
                yield from read_file(file)
        else:
            yield from read_file(path)


def read_file(path: Path) -> Iterator[Article | InputError]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield InputError(f"{path}: unsupported file type '{suffix}'; give .txt, .html or .jsonl files")
        return
    try:
        text = decode(path.read_bytes(), path)
    except InputError as error:
        yield error
        return
    except OSError as error:
        yield InputError(f"{path}: cannot read ({error.strerror}); check its permissions")
        return
    if suffix == ".jsonl":
        yield from parse_jsonl(text, path)
        return
    parse = parse_html if suffix in (".html", ".htm") else parse_page
    try:
        yield parse(text, path.stem, str(path))
    except InputError as error:
        yield error


def decode(data: bytes, path: Path | str) -> str:
    """UTF-8 or UTF-16 (with BOM) bytes -> NFC text; anything else is an InputError."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: larger than {MAX_BYTES // 1_000_000} MB; split it into smaller files")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_as(data, "utf-16", path)
    else:
        if b"\x00" in data:
            raise InputError(f"{path}: binary file (NUL bytes); give UTF-8 text, HTML or JSONL")
        text = _decode_as(data, "utf-8-sig", path)
    return clean_text(text)


def _decode_as(data: bytes, encoding: str, path: Path | str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not valid {encoding.upper().replace('-SIG', '')} at byte {error.start}; "
            "convert it to UTF-8 (e.g. iconv -f WINDOWS-1258 -t UTF-8)"
        ) from None


def parse_jsonl(text: str, path: Path) -> Iterator[Article | InputError]:
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not an object")
            yield article_from_record(record, f"{path}:{number}")
        except (ValueError, InputError) as error:
            reason = str(error) if isinstance(error, InputError) else f"not a JSON object ({error})"
            yield InputError(f"{path}:{number}: {reason}; each line must be a JSON object with 'id' and 'text'")


def article_from_record(record: dict, where: str) -> Article:
    doc_id, body = record.get("id"), record.get("text")
    if doc_id in (None, "") or not isinstance(body, str):
        raise InputError(f"{where}: record needs an 'id' and a 'text' string")
    title = clean_text(str(record.get("title") or "")).strip()
    body = clean_text(body).strip()
    if not body and not title:
        raise InputError(f"{where}: empty article")
    text = f"{title}\n\n{body}" if title else body
    sections = [Section("body", len(text) - len(body), len(text))]
    if title:
        sections.insert(0, Section("title", 0, len(title)))
    return Article(str(doc_id), text, title or None, _iso_date(record.get("date")),
                   record.get("url"), where, sections=tuple(sections))


def _iso_date(value: object) -> str | None:
    if not value:
        return None
    found = re.match(r"(\d{4}-\d{2}-\d{2})", str(value))
    if found:
        return found.group(1)
    found = _DATE_LINE.match(str(value))
    return f"{found[3]}-{int(found[2]):02d}-{int(found[1]):02d}" if found else None


def parse_page(text: str, doc_id: str, source: str | None = None) -> Article:
    """Split free-form page text into header date, title, lead, body, byline, teasers."""
    text = clean_text(text)
    lines = _lines(text)
    if not any(line.strip() for _, line in lines):
        raise InputError(f"{source or doc_id}: empty article; nothing to extract")
    sections: list[Section] = []
    published = None
    index = 0
    while index < len(lines) and _is_preamble(lines[index][1]):
        found = _DATE_LINE.match(lines[index][1])
        if found and published is None:
            published = f"{found[3]}-{int(found[2]):02d}-{int(found[1]):02d}"
            sections.append(Section("header_date", lines[index][0], lines[index][0] + len(lines[index][1])))
        index += 1
    content = [(start, line) for start, line in lines[index:] if line.strip()]
    body, teasers = _split_teasers(content)
    authors: list[str] = []
    for position, (start, line) in enumerate(body):
        kind = "title" if position == 0 else "lead" if position == 1 else "body"
        byline = _BYLINE.match(line) if position > 0 else None
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
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(text, "lxml")
    for tag in soup(["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe"]):
        tag.decompose()
    heading = soup.find("h1") or soup.find("title")
    title = clean_text(heading.get_text(" ", strip=True)) if heading else ""
    root = soup.find("article") or soup.find("main") or soup.body or soup
    paragraphs = [clean_text(p.get_text(" ", strip=True)) for p in root.find_all("p")]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        raise InputError(f"{source or doc_id}: no article body found (no <p> text); save the page's text as .txt instead")
    meta = soup.find("meta", attrs={"property": "article:published_time"}) or soup.find("meta", attrs={"name": "date"})
    record = {"id": doc_id, "title": title, "text": "\n\n".join(paragraphs),
              "date": meta.get("content") if meta else None}
    time = soup.find("time")
    if not record["date"] and time is not None:
        record["date"] = time.get("datetime") or time.get_text(strip=True)
    return article_from_record(record, source or doc_id)
