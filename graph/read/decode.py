"""Bytes -> clean NFC text, or an InputError saying why not and what to do.

Reads UTF-8 (with or without BOM), UTF-16/32 with a BOM, UTF-16 without one
(told by its NUL bytes), Windows-1258 (tone marks as combining characters),
and the legacy Vietnamese font encodings TCVN3 (ABC), VNI and VISCII, which
the viparse library detects and converts. What was repaired on the way
(truncation, NFD, mixed line ends, control characters) becomes a one-line
note naming the file and line, appended to ``notes``.
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from ..errors import InputError, SkippedInput
from ..text.normalise import clean_text

MAX_BYTES = 20_000_000
BINARY_MAGIC = {
    b"%PDF": "a PDF document", b"PK\x03\x04": "a zip archive (docx, xlsx, odt...)",
    b"\x1f\x8b": "a gzip archive", b"\x89PNG": "a PNG image", b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image", b"\xd0\xcf\x11\xe0": "an old MS Office document (doc, xls)",
}
BOMS = {  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    codecs.BOM_UTF32_LE: "utf-32", codecs.BOM_UTF32_BE: "utf-32",
    codecs.BOM_UTF8: "utf-8-sig", codecs.BOM_UTF16_LE: "utf-16", codecs.BOM_UTF16_BE: "utf-16",
}
LEGACY_NAMES = {"tcvn3": "TCVN3 (ABC, .Vn fonts)", "vni": "VNI (VNI-Times fonts)",
                "viscii": "VISCII", "vps": "VPS"}
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
_VIETNAMESE_ONLY = re.compile("[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")
_BEYOND_LATIN1 = re.compile("[ăđơưĂĐƠƯ\u1ea0-\u1ef9\u0300-\u0323]")  # no legacy font surface has these
_LATIN1_LETTERS = re.compile("[\u00c0-\u00ff]")
_LETTERS = re.compile(r"[^\W\d_]")
_ORPHAN_MARK = re.compile(rf"(?<![^\W\d_])[{_TONE_MARKS}]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f\x80-\x9f]")
_LINE_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})  # page breaks; raw in JSON they are invalid anyway


def decode(data: bytes, path: Path | str, notes: list[str] | None = None, *, max_bytes: int = MAX_BYTES) -> str:
    """The text of a file's bytes, NFC with Unix line ends; repairs are noted in ``notes``.

    >>> decode("Ha\\u0300 Nô\\u0323i".encode(), "x.txt")
    'Hà Nội'
    """
    notes = [] if notes is None else notes
    check_size(len(data), path, max_bytes)
    if not data.strip():
        raise SkippedInput(f"{path}: empty file; nothing to ingest")
    return tidy(_to_text(data, path, notes), path, notes)


def check_size(size: int, path: Path | str, max_bytes: int = MAX_BYTES) -> None:
    if size > max_bytes:
        raise InputError(f"{path}: {size:,} bytes, over the limit of {max_bytes:,}; "
                         "split it into smaller files or raise --max-bytes")


def _to_text(data: bytes, path: Path | str, notes: list[str]) -> str:
    for bom, encoding in BOMS.items():
        if data.startswith(bom):
            return _strict(data, encoding, path)
    utf16 = utf16_without_bom(data)
    if utf16:
        notes.append(f"{path}: {utf16.upper()} without a byte-order mark; read as such")
        return data.decode(utf16)
    refuse_binary(data, path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.end == len(data):
            notes.append(f"{path}:{_line_at(data, error.start)}: truncated UTF-8 (the last character is "
                         f"incomplete at byte {error.start}); the rest was read")
            return data[:error.start].decode("utf-8")
        return _legacy(data, error, path, notes)
    return _font_encoded(text, path, notes, " (saved as UTF-8)") or text


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NUL bytes fill one byte position of text, else None."""
    sample = data[:8192]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    guess = "utf-16-le" if odd_nul >= 0.3 and even_nul <= 0.02 else \
        "utf-16-be" if even_nul >= 0.3 and odd_nul <= 0.02 else None
    try:
        text = data.decode(guess) if guess else ""
    except UnicodeDecodeError:
        return None
    return guess if text and len(_CONTROL.findall(text)) <= len(text) // 100 else None


def refuse_binary(data: bytes, path: Path | str) -> None:
    for magic, kind in BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{path}: binary file ({kind}); save its text as .txt (UTF-8) first")
    if b"\x00" in data[:65536]:
        raise InputError(f"{path}: binary file (NUL bytes); give UTF-8 text, HTML or JSONL")


def _strict(data: bytes, encoding: str, path: Path | str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not valid {encoding.upper().replace('-SIG', '')} at byte {error.start} "
                         f"({error.reason}); convert it to UTF-8 (e.g. iconv -f ENCODING -t UTF-8)") from None


def _legacy(data: bytes, error: UnicodeDecodeError, path: Path | str, notes: list[str]) -> str:
    """Bytes that are not UTF-8: a legacy Vietnamese encoding, or an InputError."""
    text = _font_encoded(data.decode("latin-1"), path, notes, "")
    if text is not None:
        return text
    text = windows_1258(data)
    if text is not None:
        notes.append(f"{path}: Windows-1258 text; converted to Unicode (NFC)")
        return text
    raise InputError(
        f"{path}:{_line_at(data, error.start)}: not valid UTF-8 at byte {error.start}, nor Windows-1258, "
        "TCVN3 or VNI text; convert it to UTF-8 (e.g. iconv -f ENCODING -t UTF-8)")


def windows_1258(data: bytes) -> str | None:
    """The NFC text of Windows-1258 bytes, when they read as Vietnamese; else None.

    Windows-1258 writes tone marks as combining characters after the vowel:
    in Vietnamese text each one composes with the letter before it.
    """
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    marks = sum(text.count(mark) for mark in _TONE_MARKS)
    letters = len(_LETTERS.findall(text)) or 1
    text = unicodedata.normalize("NFC", text)
    vietnamese = len(_VIETNAMESE_ONLY.findall(text))
    if marks and vietnamese / letters >= 0.03 and len(_ORPHAN_MARK.findall(text)) <= marks // 100:
        return text
    return None


def _font_encoded(text: str, path: Path | str, notes: list[str], how: str) -> str | None:
    """Text in a legacy Vietnamese font encoding converted by viparse, else None."""
    if _BEYOND_LATIN1.search(text) or len(_LATIN1_LETTERS.findall(text)) < 3:
        return None  # already Unicode Vietnamese, or too little to tell
    try:
        import viparse
    except ImportError:  # Python 3.10: viparse needs 3.11
        notes.append(f"{path}: may be TCVN3/VNI text; install viparse (Python >= 3.11) to convert it")
        return None
    encoding = viparse.detect_text_encoding(text)
    if encoding is None:
        return None
    notes.append(f"{path}: {LEGACY_NAMES.get(encoding, encoding)} text{how}; converted to Unicode")
    return viparse.fix(text, encoding=encoding)


def tidy(text: str, path: Path | str, notes: list[str], *, lines: bool = True) -> str:
    """Unix line ends, no control characters, NFC; each repair noted once (with its line if ``lines``)."""
    endings = {"CRLF": text.count("\r\n")}
    endings["CR"] = text.count("\r") - endings["CRLF"]
    endings["LF"] = text.count("\n") - endings["CRLF"]
    if sum(1 for count in endings.values() if count) > 1:
        kinds = ", ".join(f"{count} {kind}" for kind, count in endings.items() if count)
        notes.append(f"{path}: mixed line endings ({kinds}); all read as LF")
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    found = _CONTROL.search(text)
    if found:
        where = f"{path}:{text.count(chr(10), 0, found.start()) + 1}" if lines else str(path)
        count = len(_CONTROL.findall(text))
        notes.append(f"{where}: {count} control character(s) removed (first U+{ord(found[0]):04X})")
        text = _CONTROL.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        notes.append(f"{path}: decomposed Unicode (NFD); composed to NFC")
    return clean_text(text)


def _line_at(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
