"""Property tests for people resolution: names glued to the next sentence after
a lost full stop, hyphenated names, lost spaces and repeated short forms never
raise, and every person found is a name that appears in the text."""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnfa.extract.article import extract
from vnfa.read.files import parse_page

settings.register_profile("vnfa-people", max_examples=int(os.environ.get("VNFA_FUZZ_EXAMPLES", 150)), deadline=None,
                          database=None, derandomize=bool(os.environ.get("CI")),
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

FIRST = ["Peter", "Anna", "Jean-Marc", "Ahmad", "Kim", "Nguyễn", "Lê", "Park", "Mwangi", "Juan M."]
LAST = ["Miller", "Miller-Smith", "Kamau", "Zulkifli Rahman", "Văn An", "Thị Bình", "Won-soon", "Flavier",
        "Mwangui Kamau", "de la Cruz"]
TITLES = ["Giám đốc", "Đại sứ", "Thủ tướng", "Bộ trưởng Ngoại giao", "Chủ tịch", "ông", "bà", "Nhà của", "Ngài"]
OPENERS = ["Hôm qua", "Khu này", "Sáng nay", "Theo", "Tại đây", "Ông", "Bà", "Chiều 5/6", "Trong", "Nhà", "Hà Nội",
           "Reuters", "Washington", "Smith", "London nói"]  # capitalised words no list knows
TAILS = ["đến Hà Nội", "phát biểu", "hội đàm với Thủ tướng", "rất đẹp", "cho biết", "thăm Việt Nam"]
# what a lost full stop or space leaves between a name and the next sentence
JOINS = [". ", " ", "", ".", "-", " - ", ", ", "\n"]

name = st.builds("{} {}".format, st.sampled_from(FIRST), st.sampled_from(LAST))
clause = st.builds("{} {}{}{} {}".format, st.sampled_from(TITLES), name, st.sampled_from(JOINS),
                   st.sampled_from(OPENERS), st.sampled_from(TAILS))
texts = st.lists(clause, min_size=1, max_size=8).map(lambda parts: "Tin thế giới\n" + ". ".join(parts) + ".")


@settings(settings.get_profile("vnfa-people"))
@given(texts)
def test_people_resolution_never_raises_and_names_come_from_the_text(text):
    facts = extract(parse_page(text, "fuzz"))
    for person in facts.persons:
        assert person and person in facts.article.text
    for role in facts.roles:
        assert role.person in facts.persons


@pytest.mark.parametrize("text, persons", [
    # the invented crash triggers of issue 11: a name glued to the next sentence's first word
    ("Tin\nGiám đốc Peter Miller Hôm qua đến Hà Nội. Giám đốc Peter Miller phát biểu. "
     "Nhà của Peter Miller Khu này rất đẹp.", {"Peter Miller"}),
    ("Tin\nGiám đốc Peter Miller-Smith Hôm qua đến Hà Nội. Giám đốc Peter Miller-Smith phát biểu. "
     "Nhà của Peter Miller-Smith Khu này rất đẹp.", {"Peter Miller-Smith"}),
    # a Vietnamese name glued to an opener keeps its own syllables only
    ("Tin\nĐại sứ Nguyễn Văn An Sáng nay đến Tokyo.", {"Nguyễn Văn An"}),
])
def test_a_name_glued_to_the_next_sentence_stops_before_it(text, persons):
    assert set(extract(parse_page(text, "t")).persons) == persons
