"""Mentions: dates in the forms the genre writes, gazetteer lookups that ignore
spelling variants, and names."""
import pytest

from vnfa.text.mentions import find_dates, find_mentions


def kinds(text: str) -> list[tuple[str, str]]:
    return [(m.kind, m.text) for m in find_mentions(text, 0, len(text)) if m.kind not in ("word", "punct")]


@pytest.mark.parametrize("text, value", [
    ("Ngày 14/6, tại Hà Nội", "--06-14"),
    ("sáng 24-1 đoàn tới", "--01-24"),
    ("hôm 17/9/2024 hai bên", "2024-09-17"),
    ("từ 18-20/8 Chủ tịch nước", "--08-18"),
    ("từ ngày 12 - 15.4", "--04-12"),
    ("ngày 5 tháng 3 năm 2024", "2024-03-05"),
    ("vào tháng 11/2017", "2017-11"),
    ("tháng 11 tới", "--11"),
    ("trong năm 2006", "2006"),
])
def test_dates(text, value):
    assert [m.key for m in find_dates(text, 0, len(text))] == [value]


@pytest.mark.parametrize("text", ["tăng 15% - 20%", "giai đoạn 2017-2021", "điểm 9.5", "ngày 32/13"])
def test_not_dates(text):
    assert find_dates(text, 0, len(text)) == []


@pytest.mark.parametrize("text, expected", [
    ("Đoàn đến TP.HCM", [("place", "TP.HCM")]),
    ("Đoàn đến TP Hồ Chí Minh", [("place", "TP Hồ Chí Minh")]),
    ("Tổng Thư ký LHQ", [("title", "Tổng Thư ký"), ("intl", "LHQ")]),
    ("CHDCND Triều Tiên và VN", [("country", "CHDCND Triều Tiên"), ("country", "VN")]),
    ("Thuỵ Sĩ và Hoà Lan", [("country", "Thuỵ Sĩ"), ("country", "Hoà Lan")]),
    ("Uỷ viên Bộ Chính trị", [("title", "Uỷ viên"), ("org", "Bộ Chính trị")]),
    ("Thượng Nghị sỹ Hoa Kỳ", [("title", "Thượng Nghị sỹ"), ("country", "Hoa Kỳ")]),
    # a capitalised common word is no country; an acronym must match to the letter
    ("Ý nghĩa của chuyến đi", []),
    ("ở miền Nam", []),
])
def test_gazetteer_lookup(text, expected):
    assert kinds(text) == expected


@pytest.mark.parametrize("text, name", [
    ("Ông Nguyễn Văn Hay phát biểu", "Nguyễn Văn Hay"),
    ("Thủ tướng S.Abe cho biết", "S.Abe"),
    ("Ngoại trưởng Condoleezza Rice", "Condoleezza Rice"),
    ("Chủ tịch Kim Jong-un", "Kim Jong-un"),
    ("Đại sứ Michael W. Marine", "Michael W. Marine"),
    ("Bộ trưởng Oscar Maurtua de Romana", "Oscar Maurtua de Romana"),
    ("Đại sứ Eduardo Lisboa Tavares", "Eduardo Lisboa Tavares"),
])
def test_name_runs(text, name):
    assert name in [m.text for m in find_mentions(text, 0, len(text)) if m.kind in ("name", "person")]


def test_a_country_before_a_name_stays_a_country():
    assert kinds("Đại sứ Trung Quốc Hà Vĩ") == [("title", "Đại sứ"), ("country", "Trung Quốc"), ("name", "Hà Vĩ")]
