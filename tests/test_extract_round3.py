"""Extraction leftovers of round 3, on sentences written for these tests: "tôi" in interviews and
quotations, countries listed to explain a group, unknown places before foreign names, several signings in
one place, conferences named by a body or dated by a year alone, companions of a visitor, questions, and
the owner of a visit."""
from __future__ import annotations

import pytest

from vnfa.extract.article import extract
from vnfa.read.files import parse_page
from vnfa.records import Extraction

TITLE = "Tiêu đề bài\n"


def run(text: str) -> Extraction:
    return extract(parse_page(TITLE + text, "t"))


def speakers(text: str) -> set[str]:
    return {name for e in run(text).events for name in e.speakers}


def visits(text: str) -> set[tuple[str, str]]:
    return {(v.person, v.country) for v in run(text).visits}


def partners(text: str) -> set[str]:
    return {p.code for p in run(text).partners}


INTERVIEW = ("Phóng viên đã phỏng vấn Đại sứ Nhật Bản tại Việt Nam Ito Naoki về chuyến thăm Nhật Bản của "
             "Thủ tướng Phạm Minh Chính.\n"
             "- Phóng viên: Ông đánh giá thế nào về chuyến thăm?\n"
             "- Đại sứ Ito Naoki: Tôi cho rằng chuyến thăm đã thành công tốt đẹp.\n")


@pytest.mark.parametrize("text, expected", [
    # the answer after the interviewee's label is theirs
    (INTERVIEW, {"Ito Naoki"}),
    # the interviewer's question is no one's words; a "tôi" outside any answer or quotation is no one
    ("- Phóng viên: Ông đánh giá thế nào về chuyến thăm Nhật Bản của Thủ tướng Phạm Minh Chính?\n"
     "Tôi cho rằng chuyến thăm rất quan trọng.\n", set()),
])
def test_first_person_speaks_for_the_interviewee(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a visit told in the first person, inside a quotation that runs over two sentences
    ('Ngày 3/5, Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Úc Anthony Albanese. Ông Albanese nói: '
     '"Chiều nay tôi đã nhận lời. Tôi sẽ sang thăm Việt Nam vào tháng 9 tới".',
     {("Anthony Albanese", "VN")}),
    # the speaker named after the quotation
    ('"Tôi sẽ thăm Việt Nam vào tháng 9 tới", Thủ tướng Úc Anthony Albanese cho biết.', {("Anthony Albanese", "VN")}),
    # "chúng tôi" is a side, not the speaker alone
    ("- Đại sứ Ito Naoki: Năm tới, chúng tôi sẽ sang thăm Việt Nam.\n", set()),
    ("- Đại sứ Ito Naoki: Năm tới, tôi sẽ sang thăm Việt Nam.\n", {("Ito Naoki", "VN")}),
    # a quotation closed before: the "tôi" after it is nobody's
    ('Thủ tướng Úc Anthony Albanese nói: "Quan hệ hai nước rất tốt". Tôi sẽ thăm Việt Nam vào tháng 9 tới.', set()),
])
def test_first_person_in_a_quotation_is_the_quoted_person(text, expected):
    assert visits(text) == expected


@pytest.mark.parametrize("text, expected", [
    # countries in brackets say who a group is
    ("Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Canada Justin Trudeau. Hai bên nhất trí hợp tác tại "
     "hội nghị của nhóm G7 (Mỹ, Anh, Pháp, ...) sắp tới.", {"CA", "G7"}),
    ("Việt Nam hợp tác với các đối tác ở Đông Á (Trung Quốc, Hàn Quốc) trong lĩnh vực năng lượng.", set()),
    # countries after a region and a dash say who the region is
    ("Việt Nam tăng thương mại với các nền kinh tế hàng đầu Đông Á - Trung Quốc, Nhật Bản, Hàn Quốc.", set()),
    ("Quan hệ Việt Nam - Trung Quốc phát triển tốt. Việt Nam hợp tác với Trung Quốc, Nhật Bản.", {"CN", "JP"}),
    # one country in brackets, or brackets that are no list, keep their partners
    ("Việt Nam đã ký hiệp định hợp tác với Nhật Bản (JICA) và Hàn Quốc.", {"JP", "KR"}),
])
def test_bracketed_countries_explaining_a_group_are_no_partners(text, expected):
    assert partners(text) == expected


def persons(text: str) -> set[str]:
    return set(run(text).persons)


@pytest.mark.parametrize("text, expected", [
    # an unknown place or group after a word for one opens the capitalised run; the person follows
    ("Thống đốc bang Queensland Annastacia Palaszczuk tiếp Đại sứ Việt Nam Nguyễn Tất Thành.",
     {"Annastacia Palaszczuk", "Nguyễn Tất Thành"}),
    ("Lãnh đạo phe ly khai Chechnya Aslan Maskhadov cho biết sẽ đàm phán.", {"Aslan Maskhadov"}),
    ("Thủ hiến bang Bavaria Markus Söder hội kiến Thủ tướng Phạm Minh Chính.", {"Markus Söder", "Phạm Minh Chính"}),
    # a two-word name after such a word is the person's alone; a long name after a title stays whole
    ("Thị trưởng thành phố Eric Adams gặp Thủ tướng Phạm Minh Chính.", {"Eric Adams", "Phạm Minh Chính"}),
    ("Tổng thống Mỹ George Walker Bush hội đàm với Chủ tịch nước Trần Đức Lương.",
     {"George Walker Bush", "Trần Đức Lương"}),
])
def test_unknown_place_before_a_foreign_name_is_not_part_of_it(text, expected):
    assert persons(text) == expected


def signings(text: str) -> list[tuple[str | None, str | None]]:
    return [(e.date, e.place) for e in run(text).events if e.type == "signing"]


@pytest.mark.parametrize("text, expected", [
    # other signers in the same place: two signings
    ("Tại Hà Nội, Chính phủ hai nước đã ký 3 văn kiện hợp tác. Hiệp hội Doanh nghiệp hai nước cũng ký "
     "một thỏa thuận về đầu tư.", [(None, "Hà Nội"), (None, None)]),
    # one to come besides one done
    ("Hai Bộ trưởng đã ký Bản ghi nhớ về hợp tác giáo dục. Hiệp định về lao động sẽ được ký tại Seoul "
     "trong chuyến thăm sắp tới.", [(None, None), (None, "Seoul")]),
    # documents said to be others than those told
    ("Ngày 4/6, hai Thủ tướng chứng kiến lễ ký 5 văn kiện hợp tác. Hai Bộ trưởng Ngoại giao còn ký "
     "một văn kiện khác về lãnh sự.", [("--06-04", None), ("--06-04", None)]),
    # the same signing told by the headline, its witnesses and its signers stays one
    ("Việt Nam và Ba Lan ký hai văn kiện hợp tác. Ngày 4/6, hai Thủ tướng đã chứng kiến lễ ký kết 2 văn kiện. "
     "Thủ tướng Phạm Minh Chính và Thủ tướng Ba Lan Donald Tusk đã ký Tuyên bố chung.", [("--06-04", None)]),
])
def test_signings_of_other_documents_or_signers_are_apart(text, expected):
    assert signings(text) == expected


def events(text: str) -> list[tuple[str, str | None]]:
    return sorted((e.type, e.date or "") for e in run(text).events if e.type != "other")


@pytest.mark.parametrize("text, expected", [
    # a forum named as a body, told as held, is a conference; a meeting at it is dated by it
    ("Trước đó, tại Diễn đàn Kinh tế Thế giới tổ chức ở Davos (Thụy Sĩ) tháng 1/2019 vừa qua, Thủ tướng "
     "Nguyễn Xuân Phúc đã gặp Chủ tịch tập đoàn Samsung Lee Jae-yong.",
     [("conference", "2019-01"), ("meeting", "2019-01")]),
    ("Năm nay Việt Nam đã tổ chức thành công Hội nghị Cấp cao Á - Âu (ASEM) lần thứ 5 tháng 10-2004.",
     [("conference", "2004-10")]),
    # sessions of one forum with other ordinals are other conferences
    ("Việt Nam đã tổ chức Hội nghị Cấp cao Á - Âu (ASEM) lần thứ 5 tháng 10/2004. Năm 2006, Phần Lan tổ chức "
     "Hội nghị Cấp cao Á - Âu (ASEM) lần thứ 6.", [("conference", "2004-10"), ("conference", "2006")]),
    # membership of a body named like a forum is no event
    ("Việt Nam là thành viên tích cực của Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương.", []),
    # a conference named twice in one name is one
    ("Năm 2006, Việt Nam sẽ đăng cai Hội nghị các nhà lãnh đạo Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình "
     "Dương tại Hà Nội.", [("conference", "2006")]),
    # events listed after a bare year share it, though the last is far from it
    ("Theo Bộ trưởng Ngoại giao Nguyễn Dy Niên, năm 2006 có ý nghĩa đặc biệt quan trọng đối với đất nước và "
     "nhân dân ta, là năm tổ chức Đại hội Đảng toàn quốc lần thứ 10 và Hội nghị Cấp cao APEC lần thứ 14 tại "
     "Hà Nội.", [("conference", "2006"), ("conference", "2006")]),
    # a conference of another year told inside the report of one named with its year is another
    ("Sáng 22/4, Hội nghị Thượng đỉnh Á - Phi 2015 đã khai mạc tại Jakarta. Tại hội nghị này, các nước "
     "kỷ niệm 60 năm Hội nghị Bandung năm 1955.", [("conference", "1955"), ("conference", "2015-04-22")]),
    # a bare year after "vào" where the clause ends dates the event; "vào 2000 người" is a number
    ("Thủ tướng Maroc cho biết sẽ sang thăm Việt Nam vào 2005, nhân dịp kỷ niệm quan hệ ngoại giao.",
     [("visit", "2005")]),
    ("Hội nghị Bộ trưởng Ngoại giao ASEAN thu hút vào 2000 người tham dự.", [("conference", "")]),
    # an ordinal before a month is no day: "lần thứ 5 tháng 10" is October
    ("Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 5 tháng 10/2019 diễn ra tại Hà Nội.", [("conference", "2019-10")]),
])
def test_conferences_named_by_a_body_or_dated_by_a_year(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    # those listed as going with a visitor visit too
    ("Ngày 10/5, Quốc vương Campuchia Norodom Sihamoni bắt đầu chuyến thăm cấp Nhà nước Việt Nam. Tháp tùng "
     "Quốc vương có Phó Thủ tướng Sok Chenda Sophea và Bộ trưởng Thương mại Cham Nimul.",
     {("Norodom Sihamoni", "VN"), ("Sok Chenda Sophea", "VN"), ("Cham Nimul", "VN")}),
    # with no visit told, no one visits
    ("Tháp tùng Quốc vương Campuchia Norodom Sihamoni có Phó Thủ tướng Sok Chenda Sophea.", set()),
])
def test_companions_of_a_visitor_visit_too(text, expected):
    assert visits(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a question asks; the words it names are no one's
    ("Ngày 5/6, Thủ tướng Phạm Minh Chính hội đàm với Tổng thống Joe Biden. CNN: Thủ tướng Phạm Minh Chính "
     "đã cho biết điều gì về quan hệ hai nước?", set()),
    ("Ngày 5/6, Thủ tướng Phạm Minh Chính hội đàm với Tổng thống Joe Biden. Thủ tướng Phạm Minh Chính "
     "cho biết Việt Nam coi trọng quan hệ với Mỹ.", {"Phạm Minh Chính"}),
])
def test_a_question_reports_no_words(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 'của' after the predicate has begun names no visitor
    ("Ngày 6/5, Thứ trưởng Ngoại giao Mỹ Kurt Campbell trong chuyến thăm Việt Nam đã chuyển lời mời của "
     "Tổng thống Joe Biden tới Thủ tướng Phạm Minh Chính.", {("Kurt Campbell", "VN")}),
    ("Chuyến thăm Việt Nam của Tổng thống Joe Biden đã thành công tốt đẹp.", {("Joe Biden", "VN")}),
])
def test_the_owner_of_a_visit_is_named_before_its_predicate(text, expected):
    assert visits(text) == expected
