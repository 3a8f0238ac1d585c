"""Table-driven extraction tests on sentences written for these tests."""
import pytest

from graph.extract import extract
from graph.read import parse_page


def run(text: str):
    return extract(parse_page(text, "t"))


def roles(text: str) -> set[tuple]:
    return {(r.person, r.title, r.org, r.country, r.status) for r in run(text).roles}


@pytest.mark.parametrize("text, expected", [
    # a chain of titles before one name; the closing organisation goes to titles that need one
    ("Tiêu đề bài\nỦy viên Bộ Chính trị, Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao Phạm Bình Minh phát biểu.",
     {("Phạm Bình Minh", "Ủy viên", "Bộ Chính trị", "VN", None),
      ("Phạm Bình Minh", "Phó Thủ tướng", "Chính phủ", "VN", None),
      ("Phạm Bình Minh", "Bộ trưởng", "Bộ Ngoại giao", "VN", None)}),
    # an apposition after the name
    ("Tiêu đề bài\nBà Lê Thị Thu Hằng, Trợ lý Bộ trưởng, Người Phát ngôn Bộ Ngoại giao, cho biết như vậy.",
     {("Lê Thị Thu Hằng", "Trợ lý Bộ trưởng", "Bộ Ngoại giao", "VN", None),
      ("Lê Thị Thu Hằng", "Người Phát ngôn", "Bộ Ngoại giao", "VN", None)}),
    # a foreign post with its country; the host country after 'tại' is not the post's
    ("Tiêu đề bài\nĐại sứ Trung Quốc tại Việt Nam Hùng Ba đã tới dự.",
     {("Hùng Ba", "Đại sứ", None, "CN", None)}),
    ("Tiêu đề bài\nTổng thống Chile Gabriel Boric đón đoàn.",
     {("Gabriel Boric", "Tổng thống", None, "CL", None)}),
    # former posts
    ("Tiêu đề bài\nCựu Ngoại trưởng Hoa Kỳ John Kerry đến Hà Nội.",
     {("John Kerry", "Ngoại trưởng", None, "US", "former")}),
    # fused title + organisation
    ("Tiêu đề bài\nThủ tướng Chính phủ Phạm Minh Chính chủ trì.",
     {("Phạm Minh Chính", "Thủ tướng", "Chính phủ", "VN", None)}),
    ("Tiêu đề bài\nBộ trưởng Ngoại giao Nhật Bản Hayashi Yoshimasa nói.",
     {("Hayashi Yoshimasa", "Bộ trưởng", "Bộ Ngoại giao", "JP", None)}),
])
def test_roles(text, expected):
    assert roles(text) == expected


@pytest.mark.parametrize("text, persons", [
    # honorifics dropped; later short mentions resolve to the full name
    ("Tiêu đề bài\nÔng Nguyễn Dy Niên cho biết. Bộ trưởng Niên nhấn mạnh hợp tác.", ["Nguyễn Dy Niên"]),
    ("Tiêu đề bài\nTổng thống Nga Vladimir Putin phát biểu. Ông Putin khẳng định.", ["Vladimir Putin"]),
    # Sino-Vietnamese names and initials
    ("Tiêu đề bài\nChủ tịch Trung Quốc Tập Cận Bình tiếp Thủ tướng S.Abe.", ["Tập Cận Bình", "S.Abe"]),
    ("Tiêu đề bài\nNgoại trưởng C. Rice gặp ông Condoleezza Rice.", ["Condoleezza Rice"]),
    # decomposed Unicode and old tone-mark placement
    ("Tiêu đề bài\nPhó Thủ tướng Nguye\u0302\u0303n Hoa\u0300 Bình phát biểu.", ["Nguyễn Hoà Bình"]),
])
def test_persons(text, persons):
    assert sorted(run(text).persons) == sorted(persons)


def test_meeting_visit_event_and_speaker():
    text = ("Tổng Bí thư tiếp Đại sứ Lào\n"
            "Chiều 24/1, tại Hà Nội, Tổng Bí thư Tô Lâm đã tiếp Đại sứ Lào Khamphao Ernthavanh. "
            "Tổng Bí thư khẳng định Việt Nam luôn coi trọng quan hệ hữu nghị vĩ đại, đoàn kết đặc biệt với Lào.")
    x = run(text)
    assert [(e.type, e.date, e.place) for e in x.events] == [("reception", "--01-24", "Hà Nội")]
    assert [m.participants for m in x.meetings] == [("Tô Lâm", "Khamphao Ernthavanh")]
    assert x.events[0].speakers == ("Tô Lâm",)
    assert [(p.code, p.level) for p in x.partners] == [("LA", "special")]


@pytest.mark.parametrize("text, visits, date", [
    ("Tiêu đề bài\nChủ tịch nước Lương Cường thăm chính thức Chile từ 18-20/8.", [("Lương Cường", "CL")], "--08-18"),
    ("Tiêu đề bài\nChuyến thăm cấp Nhà nước của Tổng Bí thư Tô Lâm và Đoàn đại biểu cấp cao Việt Nam tới Triều Tiên "
     "năm 2025 thành công.", [("Tô Lâm", "KP")], "2025"),
])
def test_visits(text, visits, date):
    x = run(text)
    assert [(v.person, v.country) for v in x.visits] == visits
    assert [e.date for e in x.events if e.type == "visit"] == [date]


@pytest.mark.parametrize("text, level", [
    ("Tiêu đề bài\nHai nước nâng cấp quan hệ lên Đối tác chiến lược toàn diện giữa Việt Nam và Australia.",
     "comprehensive_strategic"),
    ("Tiêu đề bài\nViệt Nam và Brazil là đối tác toàn diện, hợp tác ngày càng sâu rộng.", "comprehensive"),
    ("Tiêu đề bài\nViệt Nam và Brazil đẩy mạnh hợp tác toàn diện.", None),
])
def test_partnership_levels(text, level):
    partners = run(text).partners
    assert len(partners) == 1 and partners[0].level == level


def test_abbreviations_and_city_forms():
    x = run("Tiêu đề bài\nTổng Thư ký LHQ António Guterres làm việc tại TP.HCM với lãnh đạo CHDCND Triều Tiên.")
    assert {(r.person, r.title, r.country) for r in x.roles} == {("António Guterres", "Tổng Thư ký", "UN")}


def test_seed_article(seed_text):
    x = extract(parse_page(seed_text, "seed"))
    assert set(x.persons) == {"Nguyễn Phương Nga", "Lê Thị Thu Hằng", "Nguyễn Văn Hay", "Hồ Chí Minh", "Tô Lâm",
                              "António Guterres"}
    assert ("Tô Lâm", "KP") in {(v.person, v.country) for v in x.visits}
    seminar = next(e for e in x.events if e.type == "seminar")
    assert (seminar.date, seminar.place, seminar.organizer) == (
        "--06-14", "Hà Nội", "Liên hiệp các tổ chức hữu nghị Việt Nam")
    assert set(seminar.speakers) == {"Nguyễn Phương Nga", "Lê Thị Thu Hằng", "Nguyễn Văn Hay"}
