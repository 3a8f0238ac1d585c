"""Nothing lost, nothing crashes: bad input, repeated runs, killed runs, a busy store."""
from __future__ import annotations

import codecs
import io
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import unicodedata

import pytest
from click.testing import CliRunner

from vnfa.cli import main
from vnfa.errors import InputError, SkippedInput
from vnfa.ingest.pipeline import ingest
from vnfa.read.files import MAX_LINE_CHARS, decode, read_paths
from vnfa.store.open import backend, count_quads, graph_names, opened
from vnfa.synthetic import write_pages

TEXT = "Bộ trưởng Bộ Ngoại giao tiếp Đại sứ Nhật Bản tại Hà Nội.\nHai bên nhất trí tăng cường hợp tác."
# The same two lines in the legacy encodings, as the old fonts' files hold them.
TCVN3 = (b"B\xe9 tr\xad\xebng B\xe9 Ngo\xb9i giao ti\xd5p \xa7\xb9i s\xf8 Nh\xcbt B\xb6n t\xb9i H\xb5 N\xe9i.\n"
         b"Hai b\xaan nh\xcat tr\xdd t\xa8ng c\xad\xeang h\xeep t\xb8c.")
VNI = (b"Bo\xe4 tr\xf6\xf4\xfbng Bo\xe4 Ngoa\xefi giao tie\xe1p \xd1a\xefi s\xf6\xf9 Nha\xe4t Ba\xfbn ta\xefi Ha\xf8 No\xe4i.\n"
       b"Hai be\xe2n nha\xe1t tri\xf9 ta\xeang c\xf6\xf4\xf8ng h\xf4\xefp ta\xf9c.")
TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """Windows-1258 bytes: letters with ă â ê ô ơ ư đ precomposed, tone marks combining."""
    out = []
    for found in re.finditer(r".[\u0300-\u036f]*", unicodedata.normalize("NFD", text), re.S):
        base, marks = found[0][0], found[0][1:]
        out.append(unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in TONES))
                   + "".join(m for m in marks if m in TONES))
    return "".join(out).encode("cp1258")


# --- inputs: decoded, with a note naming the file (and line) -------------------------------

REPAIRED = [
    ("utf16-le-no-bom", TEXT.encode("utf-16-le"), "x.txt: UTF-16-LE without a byte-order mark"),
    ("utf16-be-no-bom", TEXT.encode("utf-16-be"), "x.txt: UTF-16-BE without a byte-order mark"),
    ("windows-1258", windows_1258(TEXT), "x.txt: Windows-1258 text; converted to Unicode (NFC)"),
    ("nfd", unicodedata.normalize("NFD", TEXT).encode(), "x.txt: decomposed Unicode (NFD); composed to NFC"),
    ("crlf", TEXT.replace("\n", "\r\n").encode(), None),
    ("truncated-utf8", TEXT.encode() + "ệ".encode()[:2], "x.txt:2: truncated UTF-8 (the last character is incomplete at byte"),
]


@pytest.mark.parametrize("name, data, note", REPAIRED, ids=[case[0] for case in REPAIRED])
def test_repaired_inputs_decode_to_the_text_with_a_note(name, data, note):
    notes: list[str] = []
    assert decode(data, "x.txt", notes) == TEXT
    assert len(notes) == (note is not None) and all(line.startswith(note) for line in notes)


@pytest.mark.parametrize("name, data", [("tcvn3", TCVN3), ("vni", VNI)])
def test_legacy_font_encodings_are_detected_and_converted(name, data):
    pytest.importorskip("viparse")
    notes: list[str] = []
    assert decode(data, "old.txt", notes) == TEXT
    label = {"tcvn3": "TCVN3 (ABC, .Vn fonts)", "vni": "VNI (VNI-Times fonts)"}[name]
    assert notes == [f"old.txt: {label} text; converted to Unicode"]
    notes.clear()  # the same text mis-saved as UTF-8 (a crawler read the bytes as Latin-1)
    assert decode(data.decode("latin-1").encode(), "old.txt", notes) == TEXT
    assert notes == [f"old.txt: {label} text (saved as UTF-8); converted to Unicode"]


def test_mixed_line_endings_and_control_characters_are_noted_with_the_line():
    notes: list[str] = []
    data = b"Ti\xc3\xaau \xc4\x91\xe1\xbb\x81\r\nline two\x07\x1b here\nline three\rfour"
    assert decode(data, "m.txt", notes) == "Tiêu đề\nline two here\nline three\nfour"
    assert notes == ["m.txt: mixed line endings (1 CRLF, 1 CR, 1 LF); all read as LF",
                     "m.txt:2: 2 control character(s) removed (first U+0007)"]


# --- inputs: refused, with a reason naming the file ----------------------------------------

REFUSED = [
    ("empty", b"", SkippedInput, "x.txt: empty file; nothing to ingest"),
    ("blank", b" \n\r\n\t ", SkippedInput, "x.txt: empty file; nothing to ingest"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", InputError, "x.txt: binary file (a PNG image); save its text"),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", InputError, "x.txt: binary file (a PDF document)"),
    ("nul-bytes", b"\x00\x01\x02\x03binary\x00\xff", InputError, "x.txt: binary file (NUL bytes)"),
    ("latin-1-french", "Réunion à Paris\nLe ministre a été reçu.".encode("latin-1"), InputError,
     "x.txt:1: not valid UTF-8 at byte 1, nor Windows-1258, TCVN3 or VNI text; convert it to UTF-8"),
    ("invalid-utf8-line-3", b"one\ntwo\nth\xffree\nfour", InputError, "x.txt:3: not valid UTF-8 at byte 10"),
    ("bad-utf16-bom", codecs.BOM_UTF16_LE + b"\x00garbage\x00", InputError, "x.txt: not valid UTF-16 at byte"),
]


@pytest.mark.parametrize("name, data, error, message", REFUSED, ids=[case[0] for case in REFUSED])
def test_refused_inputs_raise_one_line_with_the_reason(name, data, error, message):
    with pytest.raises(error) as raised:
        decode(data, "x.txt")
    assert str(raised.value).startswith(message) and "\n" not in str(raised.value)
    assert (raised.type is SkippedInput) == (error is SkippedInput)


def test_size_limit_is_configurable(tmp_path):
    page = tmp_path / "big.txt"
    page.write_text("Tiêu đề bài\n" + "Nội dung. " * 50, encoding="utf-8")
    size = page.stat().st_size
    [refused] = list(read_paths([page], max_bytes=100))
    assert str(refused) == (f"{page}: {size:,} bytes, over the limit of 100; "
                            "split it into smaller files or raise --max-bytes")
    [article] = list(read_paths([page], max_bytes=size))
    assert article.doc_id == "big"


def test_page_level_problems_name_the_file_and_line(tmp_path):
    (tmp_path / "menu.html").write_text("<html><body><nav><a href='/'>Trang chủ</a></nav><div>© 2026</div></body></html>",
                                        encoding="utf-8")
    records = [{"id": "a1", "text": "Thủ tướng tiếp Đại sứ."}, "not json", [1, 2], {"id": "a2"},
               {"id": "a3", "text": "   "}, {"id": "a1", "text": "Bản sửa: Thủ tướng tiếp Đại sứ."},
               {"id": "a4", "text": "dòng\u0085hai\u0007"}]
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "dump.txt").write_text("Tiêu đề\n\n" + "x" * (MAX_LINE_CHARS + 1), encoding="utf-8")
    items = [str(item) if not hasattr(item, "doc_id") else item.doc_id for item in read_paths([tmp_path])]
    jsonl = tmp_path / "corpus.jsonl"
    assert items == [
        "a1",
        f"{jsonl}:2: not JSON (Expecting value: line 1 column 1 (char 0)); "
        "each line must be a JSON object with 'id' and 'text'",
        f"{jsonl}:3: a JSON list, not an object; each line must be a JSON object with 'id' and 'text'",
        f"{jsonl}:4: record needs an 'id' and a 'text' string",
        f"{jsonl}:5: empty article; nothing to ingest",
        "a1",
        f"{jsonl}:7: 2 control character(s) removed (first U+0085)",
        "a4",
        f"{tmp_path / 'dump.txt'}: line 3 of the text has {MAX_LINE_CHARS + 1:,} characters (limit "
        f"{MAX_LINE_CHARS:,}); this is not article text, break it into paragraphs",
        f"{tmp_path / 'menu.html'}: HTML page with no article body (no <p> text); if it is an article, "
        "save its text as .txt",
    ]


@pytest.mark.parametrize("line, reason", [
    ("[" * 100_000, "not JSON (nested too deeply)"),
    ('{"id": "x", "text": 5}', "record needs an 'id' and a 'text' string"),
    ('{"id": {"a": 1}, "text": "t"}', "record needs an 'id' and a 'text' string"),
    ('"just a string"', "a JSON str, not an object"),
])
def test_hostile_jsonl_lines_fail_alone(tmp_path, line, reason):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(line + "\n" + json.dumps({"id": "ok", "text": "Nội dung."}), encoding="utf-8")
    first, second = read_paths([corpus])
    assert isinstance(first, InputError) and str(first).startswith(f"{corpus}:1: {reason}")
    assert second.doc_id == "ok" and second.source == f"{corpus}:2"


def test_ingest_goes_on_and_sums_up(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Thủ tướng tiếp Đại sứ\nThủ tướng Phạm Minh Chính tiếp Đại sứ Ito Naoki.",
                                     encoding="utf-8")
    (corpus / "legacy.txt").write_bytes(windows_1258("Tiêu đề\n" + TEXT))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    records = [{"id": "good", "text": "Trùng id với good.txt."}, "{bad"]
    (corpus / "more.jsonl").write_text("\n".join(json.dumps(r) if isinstance(r, dict) else r for r in records),
                                       encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "-q", str(corpus), "--store", str(tmp_path / "store")])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines == [
        f"vnfa: note: {corpus / 'legacy.txt'}: Windows-1258 text; converted to Unicode (NFC)",
        f"vnfa: skipped: {corpus / 'empty.txt'}: empty file; nothing to ingest",
        f"vnfa: skipped: {corpus / 'good.txt'}: id 'good' again in {corpus / 'more.jsonl'}:1; the later one is kept",
        f"vnfa: failed: {corpus / 'image.txt'}: binary file (a PNG image); save its text as .txt (UTF-8) first",
        f"vnfa: failed: {corpus / 'more.jsonl'}:2: not JSON (Expecting property name enclosed in double quotes: "
        "line 1 column 2 (char 1)); each line must be a JSON object with 'id' and 'text'",
        "ingested 1 articles, 1 not foreign affairs (left out; --all-topics keeps them), skipped 2, failed 2",
    ]  # the later 'good' is no foreign affairs: it replaces the first, and is left out


# --- idempotence ------------------------------------------------------------------------------

CORPUS = 400


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Foreign-affairs news pages (vnfa.synthetic), all of which ingest keeps."""
    folder = tmp_path_factory.mktemp("corpus")
    write_pages(CORPUS, folder, seed=8, foreign_share=1.0)
    return folder


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    """The corpus ingested without interruption: N-Quads lines by graph."""
    with opened(tmp_path_factory.mktemp("clean") / "store") as dataset:
        report = ingest([corpus], dataset, progress=False)
        assert len(report.ingested) == CORPUS and not report.failed
        return by_graph(nquads(dataset))


def nquads(dataset) -> list[str]:
    """Everything in the store, as sorted N-Quads lines."""
    buffer = io.BytesIO()
    backend(dataset).dump(buffer, "nquads", {})
    return sorted(buffer.getvalue().decode("utf-8").splitlines())


def by_graph(lines: list[str]) -> dict[str, list[str]]:
    graphs: dict[str, list[str]] = {}
    for line in lines:
        graphs.setdefault(line.rsplit(" ", 2)[1], []).append(line)
    return graphs


def test_ingesting_twice_gives_identical_counts_and_nquads(tmp_path, corpus):
    sources = [corpus / "00" / "a00000.txt", corpus / "00" / "a00001.txt", "data/articles"]
    with opened(tmp_path / "store") as dataset:
        first = ingest(sources, dataset, progress=False)
        counts, lines = (count_quads(dataset), len(graph_names(dataset))), nquads(dataset)
        second = ingest(sources, dataset, progress=False)
        assert (count_quads(dataset), len(graph_names(dataset))) == counts
        assert nquads(dataset) == lines
    assert first.ingested == second.ingested and len(first.ingested) >= 9
    assert counts[1] == len(first.ingested) + 1  # and the reference graph


# --- interruptions and a busy store ----------------------------------------------------------------

def vnfa(*args: str) -> list[str]:
    return [sys.executable, "-c", "from vnfa.cli import main; main()", *args]


def start_and_kill(command: list[str], after: int, timeout: float = 60) -> int:
    """Start ``vnfa ingest``, SIGKILL it once its progress bar passes ``after`` items; the count seen."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = [0]

    def watch() -> None:
        for chunk in iter(lambda: process.stderr.read1(4096), b""):
            for count in re.findall(rb"(\d+)(?:/\d+| articles) \[", chunk):  # tqdm: "733/1100 [" or "733 articles ["
                seen[0] = max(seen[0], int(count))

    threading.Thread(target=watch, daemon=True).start()
    deadline = time.monotonic() + timeout
    while seen[0] < after and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert process.poll() is None, "vnfa ingest ended before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return seen[0]


def test_killed_ingest_leaves_complete_articles_and_a_rerun_finishes(tmp_path, corpus, clean):
    store = tmp_path / "store"
    shown = start_and_kill(vnfa("ingest", str(corpus), "--store", str(store)), after=CORPUS // 3)
    with opened(store) as dataset:  # the store opens after SIGKILL
        present = by_graph(nquads(dataset))
    articles = [name for name in present if "/article/a" in name]
    assert shown <= len(articles) < CORPUS  # what the progress bar showed as written is there
    for name, lines in present.items():  # every article there is whole: as a clean run wrote it
        if name in articles:
            assert lines == clean[name], name
        else:  # the shared entities graph: what the articles written so far describe
            assert set(lines) <= set(clean[name]), name
    rerun = subprocess.run(vnfa("ingest", "-q", str(corpus), "--store", str(store)), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    with opened(store) as dataset:
        assert by_graph(nquads(dataset)) == clean


def test_second_writer_gets_store_in_use(tmp_path, corpus):
    store = tmp_path / "store"
    with opened(store):
        result = subprocess.run(vnfa("ingest", "-q", str(corpus / "00" / "a00000.txt"), "--store", str(store)),
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"Error: store {store} is in use by another vnfa process; "
                                     "wait for it to finish or use another --store")
    with opened(store) as dataset:  # and nothing was written meanwhile
        assert graph_names(dataset) == []
