"""Issue 11, extraction round 2b: general errors seen on unseen news, each guarded by a sentence
written for these tests."""
from __future__ import annotations

import pytest

from graph.extract import extract
from graph.read import parse_page


def run(text: str):
    return extract(parse_page("Tin đối ngoại\n" + text, "t"))


def persons(text: str) -> set[str]:
    return set(run(text).persons)


def roles(text: str) -> set[tuple[str, str, str | None, str | None]]:
    return {(r.person, r.title, r.org, r.country) for r in run(text).roles}


@pytest.mark.parametrize("text, expected", [
    # streets, schools and markets named after people, alone or listed after the place word
    ("Nhiều tuyến đường như Giải Phóng, Trường Chinh, Nguyễn Trãi, Ngô Gia Tự bị ùn tắc.", set()),
    ("Ông Trần Văn Nam sống ở phố Trần Phú, Lê Lợi và Hàng Bài.", {"Trần Văn Nam"}),
    ("Đoàn đi qua các phố Hàng Đào - Hàng Ngang - Lê Thái Tổ rồi về khách sạn.", set()),
    # a comma after a street may open the next clause, whose subject is a person
    ("Tại phố Trần Phú, Nguyễn Văn An phát biểu chào mừng đoàn.", {"Nguyễn Văn An"}),
    # a list of people after a plural title stays a list of people
    ("Thủ tướng tiếp các đại sứ Nguyễn Văn An, Trần Văn Bình.", {"Nguyễn Văn An", "Trần Văn Bình"}),
])
def test_places_named_after_people(text, expected):
    assert persons(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a ministry's short name glued between the title and the name
    ("Thứ trưởng Công Thương Phan Thị Thắng tiếp Đại sứ Nhật Bản.",
     {("Phan Thị Thắng", "Thứ trưởng", "Bộ Công Thương", "VN")}),
    ("Bộ trưởng Tài chính Đinh Văn Hùng hội đàm với Bộ trưởng Tài chính Lào.",
     {("Đinh Văn Hùng", "Bộ trưởng", "Bộ Tài chính", "VN")}),
    ("Thứ trưởng Kế hoạch và Đầu tư Trần Quốc Phương dự hội nghị.",
     {("Trần Quốc Phương", "Thứ trưởng", "Bộ Kế hoạch và Đầu tư", "VN")}),
    # a country before the name is no part of it
    ("Thứ trưởng ngoại giao Việt Nam Lê Công Phụng gặp Ngoại trưởng Indonesia.",
     {("Lê Công Phụng", "Thứ trưởng", "Bộ Ngoại giao", "VN")}),
])
def test_ministry_short_names(text, expected):
    assert roles(text) == expected
