import codecs
import json

import pytest

from vnfa.errors import InputError
from vnfa.read.files import decode, parse_page, read_paths

PAGE = """13/03/2026
x
+

Bộ trưởng tiếp Đại sứ

(TTXVN) - Chiều 12/3, tại Hà Nội, Bộ trưởng đã tiếp Đại sứ.

Hai bên nhất trí tăng cường hợp tác.

Tin, ảnh: Minh Anh

Other news

Thủ tướng điện đàm với Thủ tướng Australia
Hai bên nhất trí nâng cấp quan hệ.
Top
"""


def test_page_is_split_into_sections():
    article = parse_page(PAGE, "p")
    kinds = [s.kind for s in article.sections]
    assert kinds == ["header_date", "title", "lead", "body", "byline", "teaser_title", "teaser_lead"]
    assert article.published == "2026-03-13"
    assert article.title == "Bộ trưởng tiếp Đại sứ"
    assert article.authors == ("Minh Anh",)
    teaser = article.sections[-2]
    assert article.text[teaser.start:teaser.end] == "Thủ tướng điện đàm với Thủ tướng Australia"


def test_trailing_byline_after_end_mark():
    article = parse_page("Tiêu đề bài báo dài\nNội dung bài./. Thùy Vân/VOV-Paris", "b")
    assert article.authors == ("Thùy Vân",)
    body = next(s for s in article.sections if s.kind == "lead")
    assert article.text[body.start:body.end].endswith("./.")


@pytest.mark.parametrize("data", [
    codecs.BOM_UTF16_LE + "Hà Nội".encode("utf-16-le"),
    codecs.BOM_UTF8 + "Hà Nội".encode(),
    "Ha\u0300 Nô\u0323i".encode(),
])
def test_decode_utf8_utf16_nfd(data):
    assert decode(data, "x.txt") == "Hà Nội"


@pytest.mark.parametrize("data, message", [
    (b"\x00\x01\x02binary", "binary file"),
    (b"H\xe0 N\xf4i", "not valid UTF-8"),  # Windows-1258 bytes
])
def test_decode_refuses_with_a_reason(data, message):
    with pytest.raises(InputError, match=message):
        decode(data, "x.txt")


def test_folder_html_jsonl_and_errors(tmp_path):
    (tmp_path / "a.txt").write_text("Tiêu đề một hai ba\nThân bài.", encoding="utf-8")
    (tmp_path / "b.html").write_text(
        "<html><head><title>T</title><script>var x=1;</script></head><body><nav><p>Menu</p></nav>"
        "<article><h1>Thủ tướng tiếp Đại sứ</h1><time datetime='2025-06-02'>2/6</time>"
        "<p>Chiều 2/6, Thủ tướng tiếp Đại sứ.</p></article></body></html>", encoding="utf-8")
    lines = [json.dumps({"id": "j1", "title": "T", "date": "2024-09-18", "text": "Nội dung."}), "{bad", ""]
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    results = list(read_paths([tmp_path, tmp_path / "missing.txt"]))
    articles = {r.doc_id: r for r in results if not isinstance(r, InputError)}
    errors = [str(r) for r in results if isinstance(r, InputError)]
    assert sorted(articles) == ["a", "b", "j1"]
    assert "Menu" not in articles["b"].text and "var x" not in articles["b"].text
    assert articles["b"].title == "Thủ tướng tiếp Đại sứ" and articles["b"].published == "2025-06-02"
    assert articles["j1"].published == "2024-09-18"
    assert any("c.jsonl:2" in e and "JSON" in e for e in errors)
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("missing.txt" in e and "no such file" in e for e in errors)
