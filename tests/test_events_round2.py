"""Events, dates, sides, meetings, speakers and visits on sentences written for these tests (issue 11)."""
from __future__ import annotations

import pytest

from vnfa.extract.article import extract
from vnfa.read.files import parse_page

TITLE = "Tiêu đề bài\n"


def run(text: str):
    return extract(parse_page(TITLE + text, "t"))


def events(text: str) -> list[tuple[str, str | None]]:
    return sorted((e.type, e.date) for e in run(text).events if e.type != "other")


def pairs(text: str) -> set[frozenset[str]]:
    return {frozenset(m.participants) for m in run(text).meetings}


def visits(text: str) -> set[tuple[str, str]]:
    return {(v.person, v.country) for v in run(text).visits}


def speakers(text: str) -> set[str]:
    return {name for e in run(text).events for name in e.speakers}


@pytest.mark.parametrize("text, expected", [
    # triggers the lexicon lacked
    ("Sáng 4/3, Chủ tịch Quốc hội Lào Saysomphone Phomvihane đã yết kiến Tổng Bí thư Tô Lâm.",
     [("reception", "--03-04")]),
    ("Chiều 9/10, Thủ tướng Phạm Minh Chính chào đón Thủ tướng Ấn Độ Narendra Modi tại Hà Nội.",
     [("reception", "--10-09")]),
    ("Sáng 2/11, Chủ tịch nước Lương Cường đã dự lễ đón Tổng thống Chile Gabriel Boric tại Phủ Chủ tịch.",
     [("ceremony", "--11-02")]),
    # one phrase naming several receptions gives one event each
    ("Ngày 12/5, Chủ tịch nước Võ Văn Thưởng hội kiến Thủ tướng Lào Sonexay Siphandone và "
     "Chủ tịch Quốc hội Lào Saysomphone Phomvihane.",
     [("reception", "--05-12"), ("reception", "--05-12")]),
    # a guest with their consort is one call
    ("Ngày 20/9, Thủ tướng Phạm Minh Chính hội kiến Nhà vua Harald và Hoàng hậu Sonja.",
     [("reception", "--09-20")]),
    # a back-reference is the event told before, not a new one
    ("Chiều 7/8, Bộ trưởng Bùi Thanh Sơn hội đàm với Ngoại trưởng Australia Penny Wong. "
     "Tại các cuộc gặp và hội đàm, hai bên nhất trí tăng cường hợp tác.",
     [("talks", "--08-07")]),
])
def test_events(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    # places and words with 'lễ' that are no ceremony; a week of summits is a conference
    ("Chiều 12/5, tại Đại lễ đường Nhân dân, Chủ tịch nước Lương Cường hội kiến Thủ tướng Lý Cường.",
     [("reception", "--05-12")]),
    ("Ngoại trưởng Malaysia Mohamad Hasan khẳng định ASEAN sẽ đáp lễ nếu EU đồng ý.", []),
    ("Tổng thống Hàn Quốc Lee Jae-myung sẽ dự Tuần lễ Cấp cao APEC tại Gyeongju vào tháng 10/2025.",
     [("conference", "2025-10")]),
    # a ceremony someone performed
    ("Chiều 14/2, Bộ trưởng Bùi Thanh Sơn đã trao tặng Đại sứ Trung Quốc Hùng Ba Huân chương Hữu nghị.",
     [("ceremony", "--02-14")]),
    # an event listed after another with the same subject
    ("Ngày 6/6, Thủ tướng Phạm Minh Chính đã dự lễ đón, hội đàm và dự chiêu đãi của Thủ tướng Nhật Bản "
     "Ishiba Shigeru.", [("ceremony", "--06-06"), ("talks", "--06-06")]),
])
def test_more_events(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a signing told with the document first, in the passive
    ("Hiệp định về dẫn độ đã được hai Bộ trưởng ký kết ngày 12/3.", [("signing", "--03-12")]),
    # two ceremonies named in one phrase are two events
    ("Chiều 20/11, Chủ tịch nước Lương Cường dự Lễ khai mạc Liên hoan phim và Lễ trao giải thưởng Bông Sen Vàng.",
     [("ceremony", "--11-20"), ("ceremony", "--11-20")]),
    # "sau cuộc gặp" with no sides of its own is the meeting told before
    ("Sáng 2/8, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Mông Cổ Luvsannamsrain Oyun-Erdene. Trao đổi với "
     "báo giới sau cuộc gặp, Thủ tướng Luvsannamsrain Oyun-Erdene cho biết hai bên nhất trí nhiều vấn đề.",
     [("talks", "--08-02")]),
    # a bystander of a reception told before is no new reception
    ("Sáng 9/5, Bộ trưởng Bùi Thanh Sơn tiếp Đại sứ Anh Iain Frew. Dự buổi tiếp còn có Thứ trưởng Đỗ Hùng Việt.",
     [("reception", "--05-09")]),
])
def test_signings_ceremonies_and_bystanders(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a year given only by another date of the same story, or by the event's own name
    ("Từ ngày 6-8/6/2024, Tổng thống Séc Petr Pavel thăm Việt Nam. Sáng 7/6, Chủ tịch nước Tô Lâm "
     "hội đàm với Tổng thống Petr Pavel.", ("talks", "2024-06-07")),
    ("Ngày 21/4, Thủ tướng Phạm Minh Chính dự Hội nghị cấp cao Á - Phi 2025 tại Jakarta.",
     ("conference", "2025-04-21")),
    # month and year forms
    ("Tổng thống Hàn Quốc Yoon Suk Yeol sẽ thăm Việt Nam vào tháng 11-2025.", ("visit", "2025-11")),
    ("Hội nghị Cấp cao ASEAN lần thứ 44 (10/2024) được tổ chức tại Viêng Chăn.", ("conference", "2024-10")),
    # relative days take the day of the event told last
    ("Sáng 14/2, Thủ tướng Phạm Minh Chính dự lễ đón chính thức Thủ tướng Singapore Lawrence Wong. "
     "Ngay sau lễ đón, hai Thủ tướng đã hội đàm.", ("talks", "--02-14")),
    ("Ngày 3/5, Tổng thống Pháp Emmanuel Macron đến Hà Nội. Cùng ngày, Tổng thống Emmanuel Macron hội đàm "
     "với Chủ tịch nước Lương Cường.", ("talks", "--05-03")),
    ("Ngày 30/4, Bộ trưởng Bùi Thanh Sơn dự lễ kỷ niệm tại Hà Nội. Hôm sau, Bộ trưởng Bùi Thanh Sơn tiếp "
     "Đại sứ Nhật Bản Ito Naoki.", ("reception", "--05-01")),
])
def test_dates(text, expected):
    assert expected in events(text)


@pytest.mark.parametrize("text, expected", [
    # a date opening the next clause after a fronted visit dates that clause's event
    ("Trong chuyến thăm chính thức Hoa Kỳ, ngày 21/6/2025, Thủ tướng Phạm Minh Chính đã có cuộc gặp Tổng thống "
     "Donald Trump.", ("meeting", "2025-06-21")),
    # a date right after an event's name and place is that event's
    ("Hai bên đánh giá cao kết quả Hội nghị xúc tiến đầu tư Việt Nam tổ chức tại Tokyo ngày 5/6/2025 và việc "
     "doanh nghiệp hai nước đã ký kết nhiều thỏa thuận.", ("conference", "2025-06-05")),
    # a date inside a clause does not cross ';' ...
    ("Tổng thống Ấn Độ Droupadi Murmu đánh giá cao quan hệ được thiết lập năm 2016; hoan nghênh hai Bộ trưởng "
     "ký Chương trình Hành động.", ("signing", None)),
    # ... but one opening the sentence dates every event of it
    ("Trong ngày 12/7, Phó Thủ tướng Bùi Thanh Sơn hội đàm với Phó Thủ tướng Malaysia Fadillah Yusof; tiếp "
     "Tổng Chưởng lý Malaysia Mohd Dusuki Mokhtar.", ("reception", "--07-12")),
])
def test_date_scopes(text, expected):
    assert expected in events(text)


@pytest.mark.parametrize("text, unexpected", [
    # a date belongs to the event its clause is about, not to one in a relative clause after it
    ("Tối 3/9, hai ngoại trưởng hội đàm tại Vladivostok, nơi sẽ diễn ra Diễn đàn Kinh tế phương Đông.",
     ("conference", "--09-03")),
    # a date in a later clause with its own speaker does not date a back-reference
    ("Chiều 2/7, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Malaysia Anwar Ibrahim. Tại hội đàm, "
     "Thủ tướng Anwar Ibrahim khẳng định việc thiết lập quan hệ đối tác vào tháng 8/2015 là dấu mốc.",
     ("talks", "2015-08")),
])
def test_dates_not_given(text, unexpected):
    assert unexpected not in events(text)


@pytest.mark.parametrize("text, unexpected", [
    # a month of a year in the story's history does not give the year of this year's visit
    ("Kể từ khi hai nước thiết lập quan hệ ngoại giao (tháng 12/1960), quan hệ không ngừng phát triển. "
     "Chủ tịch Quốc hội Cuba Esteban Lazo sẽ thăm chính thức Việt Nam từ ngày 11-18/6.", ("visit", "1960-06-11")),
])
def test_years_not_taken_from_history(text, unexpected):
    assert unexpected not in events(text)


@pytest.mark.parametrize("text, expected", [
    # a visit told as it ends is dated by its first day, not the day it ended
    ("Trưa 10/8, Tổng thống Đông Timor José Ramos-Horta đã rời Hà Nội, kết thúc chuyến thăm Việt Nam. "
     "Trong khuôn khổ chuyến thăm từ ngày 8 đến 10/8, Tổng thống José Ramos-Horta đã hội đàm với Chủ tịch nước "
     "Lương Cường.", ("visit", "--08-08")),
    # a date in a clause about another time dates nothing here
    ("Đây là chuyến thăm Việt Nam đầu tiên của Phó Trợ lý Ngoại trưởng Mỹ Sean O'Neill kể từ khi ông nhậm "
     "chức vào tháng 6.", ("visit", None)),
])
def test_visit_dates(text, expected):
    assert expected in events(text)


@pytest.mark.parametrize("text, expected", [
    # subjects shared across ';' and 'và' clauses
    ("Trong chuyến thăm, Chủ tịch Quốc hội Lào Saysomphone Phomvihane đã yết kiến Tổng Bí thư Tô Lâm; "
     "hội đàm với Chủ tịch Quốc hội Trần Thanh Mẫn và gặp Thủ tướng Phạm Minh Chính.",
     {frozenset({"Saysomphone Phomvihane", "Tô Lâm"}), frozenset({"Saysomphone Phomvihane", "Trần Thanh Mẫn"}),
      frozenset({"Saysomphone Phomvihane", "Phạm Minh Chính"})}),
    # reciprocal subjects
    ("Sáng 5/8, Bộ trưởng Ngoại giao Bùi Thanh Sơn và Bộ trưởng Ngoại giao Thái Lan Maris Sangiampongsa "
     "đã tiến hành hội đàm.",
     {frozenset({"Bùi Thanh Sơn", "Maris Sangiampongsa"})}),
])
def test_sides(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text, expected", [
    # coordinated subjects both speak
    ("Chiều 6/3, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Australia Anthony Albanese. Thủ tướng "
     "Phạm Minh Chính và Thủ tướng Anthony Albanese đều khẳng định quan hệ hai nước đang phát triển tốt đẹp.",
     {"Phạm Minh Chính", "Anthony Albanese"}),
    # words reported with no event in their sentence still count, at the event told before
    ("Sáng 10/9, Thủ tướng Phạm Minh Chính tiếp Đại sứ Hoa Kỳ Marc Knapper. Trả lời phỏng vấn sau đó, "
     "Đại sứ Marc Knapper cho rằng quan hệ hai nước đang ở giai đoạn tốt nhất.",
     {"Marc Knapper"}),
    # a gift and a purpose are not words reported
    ("Ngày 8/3, Chủ tịch nước Lương Cường tiếp Đại sứ Cuba Orlando Hernández Guillén. Đại sứ Orlando "
     "Hernández Guillén tặng hoa chúc mừng Chủ tịch nước.", set()),
    ("Ngày 8/3, Thủ tướng Phạm Minh Chính sẽ hội kiến Tổng thống Ấn Độ Droupadi Murmu để trao đổi về hợp tác.",
     set()),
    # a joint statement is a document, not words
    ("Ngày 12/12, Tổng Bí thư Tô Lâm và Chủ tịch Trung Quốc Tập Cận Bình đã ký Tuyên bố chung.", set()),
])
def test_speakers(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # words to come are not reported
    ("Ngày 6/1, tại Jakarta đã khai mạc hội nghị về sóng thần. Tổng thống Indonesia Prabowo Subianto phát biểu "
     "khai mạc. Ngoại trưởng Mỹ Marco Rubio cũng sẽ có bài phát biểu tại hội nghị.", {"Prabowo Subianto"}),
    # the words of a side that opens its own clause are not the person's before it
    ("Ngày 3/5, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lý Cường. Tại cuộc gặp giữa Thủ tướng Phạm Minh "
     "Chính và Thủ tướng Lý Cường, phía Trung Quốc đã bày tỏ ủng hộ.", set()),
    # verbs the lexicon lacked
    ("Chiều 5/3, Chủ tịch nước Lương Cường hội đàm với Tổng thống Chile Gabriel Boric. Chủ tịch nước Lương Cường "
     "và Tổng thống Gabriel Boric cũng đã đề cập đến hợp tác đa phương.", {"Lương Cường", "Gabriel Boric"}),
])
def test_more_speakers(text, expected):
    assert speakers(text) == expected


def test_a_speaker_belongs_to_the_event_where_they_spoke():
    found = run("Sáng 3/4, Thủ tướng Phạm Minh Chính tiếp Đại sứ Pháp Olivier Brochet. Chiều cùng ngày, "
                "Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Hàn Quốc Han Duck-soo. Tại hội đàm, "
                "Thủ tướng Han Duck-soo khẳng định Hàn Quốc coi trọng quan hệ với Việt Nam.")
    assert {e.type: e.speakers for e in found.events} == {"reception": (), "talks": ("Han Duck-soo",)}


@pytest.mark.parametrize("text, expected", [
    # proposals, wishes and conditions are no events or visits
    ("Bộ trưởng Bùi Thanh Sơn đề nghị hai bên sớm ký kết Hiệp định về hợp tác lao động.", []),
    ("Chủ tịch nước Lương Cường mong muốn được đón Tổng thống Brazil Lula da Silva sang thăm Việt Nam.", []),
    ("Nếu hai bên ký kết Hiệp định thương mại tự do, kim ngạch sẽ tăng mạnh.", []),
    ("Hai bên nhất trí đàm phán và ký kết Bản ghi nhớ về hợp tác pháp luật.", []),
    # an announced visit counts
    ("Tổng thống Chile Gabriel Boric sẽ thăm cấp Nhà nước Việt Nam từ ngày 3/11.", [("visit", "--11-03")]),
])
def test_wishes_are_not_events(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    # looking forward to a planned visit is no wish; wishing to make one is
    ("Tổng thống Mỹ Donald Trump cho biết ông mong đợi chuyến thăm Việt Nam vào tháng 11.", [("visit", "--11")]),
    ("Tổng thống Hàn Quốc Lee Jae-myung mong muốn thực hiện chuyến thăm chính thức Việt Nam.", []),
    # a conference someone opened took place
    ("Ngày 6/1, tại Jakarta đã khai mạc hội nghị về khắc phục hậu quả sóng thần.", [("conference", "--01-06")]),
    # a conference named before the date after it: the date is the conference's
    ("Chủ tịch nước Lương Cường chuyển lời mời Tổng thống Peru Dina Boluarte sang tham dự Hội nghị cấp cao "
     "APEC 2027 tại Thâm Quyến vào tháng 11/2027 và tiến hành thăm chính thức Việt Nam.",
     [("conference", "2027-11")]),
])
def test_wishes_and_plans(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    # numbered summits are conferences; conferences of different organisations are different events
    ("Năm 2027, Việt Nam sẽ đăng cai APEC 34 tại Phú Quốc.", [("conference", "2027")]),
    ("Thủ tướng Phạm Minh Chính dự APEC-32 tại Gyeongju.", [("conference", None)]),
    ("Chủ tịch nước Lương Cường dự Hội nghị Cấp cao APEC. Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao ASEM.",
     [("conference", None), ("conference", None)]),
    # a congress as the author of a text is no event here
    ("Các mục tiêu chiến lược được Đại hội XIII của Đảng đề ra đến năm 2030.", []),
    # an organisation far inside a lowercase conference's name makes it specific
    ("Hai bên bàn về việc chuẩn bị cho hội nghị thượng đỉnh tiến trình hợp tác Á - Âu (ASEM), sẽ diễn ra tại "
     "Hà Nội tháng 10 tới.", [("conference", "--10")]),
    # a summit named inside a conference's name is that conference
    ("Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao APEC 2025 tại Gyeongju.", [("conference", None)]),
])
def test_conferences(text, expected):
    assert events(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Chủ tịch nước Lương Cường mong muốn được đón Tổng thống Brazil Lula da Silva sang thăm Việt Nam.", set()),
    # a foreigner who 'đến thăm' with no destination, told by Vietnamese news, visits Vietnam
    ("Tháng trước, Chủ tịch Hạ viện Mỹ Mike Johnson cũng đến thăm.", {("Mike Johnson", "VN")}),
])
def test_visits(text, expected):
    assert visits(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a fronted visit: the visitor is the subject after it
    ("Trong khuôn khổ chuyến thăm chính thức Bangladesh, chiều qua, Chủ tịch nước Lương Cường đã gặp Thủ tướng "
     "Muhammad Yunus.", {("Lương Cường", "BD")}),
    # destinations listed with ';'
    ("Thủ tướng Phạm Minh Chính kết thúc chuyến thăm 3 nước châu Phi là Maroc; Algeria và Nam Phi.",
     {("Phạm Minh Chính", "MA"), ("Phạm Minh Chính", "DZ"), ("Phạm Minh Chính", "ZA")}),
])
def test_more_visits(text, expected):
    assert visits(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a fronted object: the host is named after it
    ("Tiếp Đại sứ Nhật Bản Ito Naoki, Chủ tịch nước Lương Cường nhấn mạnh quan hệ hai nước.",
     {frozenset({"Ito Naoki", "Lương Cường"})}),
    # a list split by ';' is one list of guests
    ("Ngày 9/1, Bộ trưởng Bùi Thanh Sơn tiếp Đại sứ Pháp Olivier Brochet; Đại sứ Đức Helga Barth và "
     "Đại sứ Italy Marco Della Seta.",
     {frozenset({"Bùi Thanh Sơn", "Olivier Brochet"}), frozenset({"Bùi Thanh Sơn", "Helga Barth"}),
      frozenset({"Bùi Thanh Sơn", "Marco Della Seta"})}),
    # ... but a name opening the next clause is its subject, not a guest
    ("Ngày 9/1, Bộ trưởng Bùi Thanh Sơn tiếp Đại sứ Pháp Olivier Brochet; Thứ trưởng Đỗ Hùng Việt hội đàm "
     "với Thứ trưởng Ngoại giao Nga Andrey Rudenko.",
     {frozenset({"Bùi Thanh Sơn", "Olivier Brochet"}), frozenset({"Đỗ Hùng Việt", "Andrey Rudenko"})}),
    ("Bộ trưởng Bộ Tư pháp Nguyễn Hải Ninh gặp Bộ trưởng Tư pháp Canada Sean Fraser; Thứ trưởng Bộ Quốc phòng "
     "Hoàng Xuân Chiến có cuộc làm việc tại Ottawa.",
     {frozenset({"Nguyễn Hải Ninh", "Sean Fraser"})}),
    # a delegation stands for its named head
    ("Chiều 5/6, Đại tướng Phan Văn Giang tiếp đoàn Bộ Quốc phòng Lào do Bộ trưởng Chansamone "
     "Chanyalath dẫn đầu.",
     {frozenset({"Phan Văn Giang", "Chansamone Chanyalath"})}),
    # an unnamed side ends where the object ends
    ("Sáng 2/4, Đại sứ Hàn Quốc Choi Young Sam làm việc với lãnh đạo tỉnh Quảng Nam và thăm Hội An.",
     {frozenset({"Choi Young Sam", "lãnh đạo tỉnh Quảng Nam"})}),
    # the owner of a guest's post is not received
    ("Chiều 25/5, Chủ tịch nước Lương Cường đã tiếp ngài Kim Jong-in, Đặc phái viên của Tổng thống Hàn Quốc "
     "Lee Jae-myung.", {frozenset({"Lương Cường", "Kim Jong-in"})}),
    # an unnamed side after named ones, written with its quantity
    ("Thủ tướng Phạm Minh Chính có các cuộc gặp với Thủ tướng Ishiba Shigeru và một số đại diện giới kinh tế "
     "Nhật Bản.",
     {frozenset({"Phạm Minh Chính", "Ishiba Shigeru"}),
      frozenset({"Phạm Minh Chính", "một số đại diện giới kinh tế Nhật Bản"})}),
    # an unnamed side keeps where it is
    ("Chủ tịch Hạ viện Mỹ Mike Johnson gặp cộng đồng doanh nghiệp Mỹ tại Việt Nam.",
     {frozenset({"Mike Johnson", "cộng đồng doanh nghiệp Mỹ tại Việt Nam"})}),
    # 'cuộc gặp của A với B'
    ("Tuyên bố được đưa ra sau cuộc gặp của Ngoại trưởng Indonesia Retno Marsudi với Thứ trưởng Ngoại giao "
     "Đặng Hoàng Giang.", {frozenset({"Retno Marsudi", "Đặng Hoàng Giang"})}),
    # a pronoun subject is the story's last one
    ("Ngày 27/9, Phó Trợ lý Ngoại trưởng Mỹ Sean O'Neill bắt đầu chuyến thăm Việt Nam. Trong chương trình, ông "
     "sẽ có các cuộc gặp với Phó Thủ tướng Bùi Thanh Sơn và Thứ trưởng Bộ Công Thương Phan Thị Thắng.",
     {frozenset({"Sean O'Neill", "Bùi Thanh Sơn"}), frozenset({"Sean O'Neill", "Phan Thị Thắng"})}),
    # a person who only mentions a meeting is no side of it
    ("Thủ tướng Phạm Minh Chính hoan nghênh cuộc hội đàm giữa Bộ trưởng Bùi Thanh Sơn và Ngoại trưởng "
     "Singapore Vivian Balakrishnan.",
     {frozenset({"Bùi Thanh Sơn", "Vivian Balakrishnan"})}),
])
def test_more_sides(text, expected):
    assert pairs(text) == expected


@pytest.mark.parametrize("text", [
    # an invitation conveyed by an envoy is nobody's visit
    "Đại sứ Trần Văn Tuấn chuyển lời mời của Chủ tịch nước Lương Cường tới Tổng thống Kenya William Ruto thăm "
    "Việt Nam.",
    "Thủ tướng Phạm Minh Chính gửi lời mời Thủ tướng Canada Mark Carney thăm chính thức Việt Nam.",
])
def test_invitations_are_no_visits(text):
    assert visits(text) == set()


def test_a_dead_leader_quoted_meets_no_one_and_says_nothing():
    found = run("Tại buổi tiếp Đại sứ Lào Khamphao Ernthavanh, theo lời căn dặn của Chủ tịch Hồ Chí Minh, "
                "Chủ tịch nước Lương Cường khẳng định quan hệ đặc biệt Việt Nam - Lào.")
    assert {frozenset(m.participants) for m in found.meetings} == {frozenset({"Lương Cường", "Khamphao Ernthavanh"})}
    assert {name for e in found.events for name in e.speakers} == {"Lương Cường"}


def test_visitors_named_as_owners_still_visit():
    assert visits("Nhà Vua nhắc lại những ấn tượng tốt đẹp của Vua Juan Carlos và Hoàng hậu Sofia trong "
                  "chuyến thăm Việt Nam năm 2006.") == {("Juan Carlos", "VN"), ("Sofia", "VN")}


@pytest.mark.parametrize("text", [
    # sports fixtures are no meetings
    "Đội tuyển Việt Nam sẽ gặp Philippines ở bán kết AFF Cup vào ngày 26/12.",
    "Huấn luyện viên Kim Sang-sik cho biết đội tuyển sẽ gặp Thái Lan trong trận chung kết.",
])
def test_sports_fixtures_are_no_meetings(text):
    assert run(text).meetings == () and events(text) == []
