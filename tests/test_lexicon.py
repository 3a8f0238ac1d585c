"""The keyword lists of data/lexicon/: well-formed files, read through one helper that matches spelling variants."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

import vnfa
from vnfa.errors import GraphError
from vnfa.resources import data_path, read_list
from vnfa.text.lexicon import last_syllables, lexicon_lists, syllables, words
from vnfa.text.normalise import phrase_key, tokenize

LISTS = lexicon_lists()


def test_the_keyword_lists_are_found():
    assert {"org_heads", "credit_words", "speech"} <= set(LISTS)


@pytest.mark.parametrize("name", LISTS)
def test_a_keyword_list_loads_nfc_without_empty_or_duplicate_entries(name):
    path = data_path("lexicon", f"{name}.txt")
    text = path.read_text(encoding="utf-8")
    entries = read_list("lexicon", f"{name}.txt")
    assert unicodedata.is_normalized("NFC", text)
    assert text.startswith("#"), "a list opens with a comment saying what it is for"
    assert entries and all(entry == " ".join(entry.split()) for entry in entries)
    keys = [phrase_key(entry) for entry in entries]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []
    assert words(name) == frozenset(keys)


@pytest.mark.parametrize("name, written, variant", [
    ("state_forms", "cộng hòa", "cộng hoà"),  # tone mark on the other vowel
    ("org_heads", "Tòa án", "Toà án"),
    ("org_heads", "Ủy ban", "Uỷ ban"),
    ("org_heads", "Quỹ", "quĩ"),  # final y as i, lower case
    ("former", "cựu", "CỰU"),
])
def test_a_spelling_variant_of_an_entry_matches(name, written, variant):
    assert written in read_list("lexicon", f"{name}.txt")
    assert variant not in read_list("lexicon", f"{name}.txt")
    assert phrase_key(variant) in words(name)


def test_a_word_not_in_a_list_does_not_match():
    assert phrase_key("Tòa nhà") not in words("org_heads")


def test_a_word_of_the_text_in_the_other_tone_spelling_matches_the_entry():
    tokens = tokenize("Chuyến thăm Cộng hoà Hungary")  # the list writes "cộng hòa"
    assert [t.key in syllables("state_forms") for t in tokens] == [False, False, True, True, False]


@pytest.mark.parametrize("read, name, expected", [
    (syllables, "subject_words", {"nhà", "lãnh", "đạo", "tiến", "hành"}),
    (last_syllables, "attend_verbs", {"dự", "trì", "kiến", "mạc", "cai"}),
])
def test_syllables_of_the_phrases(read, name, expected):
    keys = {phrase_key(word) for word in expected}
    assert keys <= read(name)
    assert read is syllables or read(name) == keys


def test_every_keyword_list_is_read_by_the_code():
    package = Path(vnfa.__file__).resolve().parent
    code = "\n".join(path.read_text(encoding="utf-8") for path in package.rglob("*.py") if not path.is_symlink())
    unread = [name for name in LISTS if f'"{name}"' not in code and f'"{name}.txt"' not in code]
    assert unread == []


def test_an_unknown_list_name_says_which_exist():
    with pytest.raises(GraphError, match=r"no keyword list data/lexicon/org_head\.txt: use one of .*org_heads"):
        words("org_head")
