import unicodedata

import pytest

from vnfa.text.normalise import clean_text, fold, slug, split_sentences, strip_accents, tokenize


@pytest.mark.parametrize("a, b", [
    ("hòa bình", "hoà bình"),
    ("Thụy Sĩ", "Thuỵ Sĩ"),
    ("thủy", "thuỷ"),
    ("Tô  Lâm", "tô lâm"),
    (unicodedata.normalize("NFD", "Nguyễn Phương Nga"), "Nguyễn Phương Nga"),
])
def test_fold_erases_spelling_variants(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize("a, b", [("hòa", "hóa"), ("Lào", "Lão"), ("Nga", "Ngà")])
def test_fold_keeps_different_words_apart(a, b):
    assert fold(a) != fold(b)


def test_clean_text_is_nfc_and_drops_controls():
    raw = unicodedata.normalize("NFD", "Hà Nội\r\nngày\u200b 14/6\x07")
    assert clean_text(raw) == "Hà Nội\nngày 14/6"


@pytest.mark.parametrize("text, expected", [
    ("Bộ Ngoại giao", "bo-ngoai-giao"),
    ("Đặng Thị Ngọc Thịnh", "dang-thi-ngoc-thinh"),
    ("TP.HCM", "tp-hcm"),
])
def test_slug(text, expected):
    assert slug(text) == expected


def test_strip_accents():
    assert strip_accents("Phạm Bình Minh") == "Pham Binh Minh"


def test_sentences_keep_abbreviations_and_offsets():
    text = "Chủ tịch D.Hastert đến TP.HCM ngày 15.4. Ông cho biết: VN là bạn. Tin vui!"
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Chủ tịch D.Hastert đến TP.HCM ngày 15.4.", "Ông cho biết: VN là bạn.", "Tin vui!"]


def test_tokens_carry_offsets():
    text = "Ông S.Abe, Thủ tướng"
    tokens = tokenize(text)
    assert [(t.text, text[t.start:t.end]) for t in tokens][:2] == [("Ông", "Ông"), ("S.Abe", "S.Abe")]
    assert tokens[1].cap and not tokenize("ông")[0].cap
