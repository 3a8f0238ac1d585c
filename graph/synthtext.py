"""The sentence templates of vnfa.synthetic, written for it in the genre of
Vietnamese news (no sentence is taken from a real article). Each topic is a
list of groups: an article takes one sentence of the first group (the lead)
and one of each of two to four other groups. Slots are filled by
Generator.slots; SLOT_WORDS are slots drawn from a plain list."""
from __future__ import annotations

SLOT_WORDS: dict[str, list[str]] = {
    "daypart": ["Sáng", "Chiều", "Tối", "Trưa", "Ngày"],
    "field": ["thương mại", "đầu tư", "quốc phòng", "giáo dục", "y tế", "năng lượng", "nông nghiệp",
              "du lịch", "khoa học công nghệ", "chuyển đổi số", "lao động", "văn hóa"],
    "goods": ["gạo", "cà phê", "thủy sản", "dệt may", "điện thoại", "gỗ", "hạt điều", "rau quả"],
    "crime": ["lừa đảo chiếm đoạt tài sản", "mua bán trái phép chất ma túy", "cố ý gây thương tích",
              "trộm cắp tài sản", "đánh bạc", "vận chuyển hàng cấm"],
    "club": ["Hà Nội FC", "Hoàng Anh Gia Lai", "Sông Lam Nghệ An", "Thép xanh Nam Định", "Công an Hà Nội",
             "Becamex Bình Dương", "Hải Phòng", "Thể Công Viettel"],
    "company": ["Tập đoàn Hòa Phát", "Vinamilk", "Tập đoàn Masan", "Tổng công ty Viglacera", "FPT",
                "Công ty cổ phần Thế giới Di động", "Tập đoàn Điện lực Việt Nam"],
    "event_word": ["hội nghị", "hội thảo", "diễn đàn", "kỳ họp"],
}

FOREIGN_AFFAIRS: list[list[str]] = [
    [  # lead: who met, received, called or visited whom
        "{daypart} {d}/{m}, tại {city}, {host_post} {host} đã hội đàm với {guest_post} {country} {guest}.",
        "{daypart} {d}/{m}, tại Hà Nội, {host_post} {host} đã tiếp {guest_post} {country} {guest} đang thăm chính thức Việt Nam.",
        "{daypart} {d}/{m}, tại Phủ Chủ tịch, {host_post} {host} đã chủ trì lễ đón {guest_post} {country} {guest} thăm cấp Nhà nước Việt Nam.",
        "{daypart} {d}/{m}, {host_post} {host} đã điện đàm với {guest_post} {country} {guest}.",
        "Nhận lời mời của {guest_post} {country} {guest}, {host_post} {host} thăm chính thức {country} từ ngày {d} đến {d2}/{m}/{y}.",
        "{daypart} {d}/{m}, tại trụ sở Bộ Ngoại giao, {official_post} {official} đã tiếp Đại sứ {country} tại Việt Nam {guest} đến chào xã giao.",
        "Trong khuôn khổ chuyến thăm {country}, ngày {d}/{m}, {host_post} {host} đã hội kiến {guest_post} {country} {guest}.",
        "{daypart} {d}/{m}, {official_post} {official} đã gặp {guest_post} {country} {guest} bên lề {event_word} {org} lần thứ {n}.",
    ],
    [  # partnership levels
        "Hai bên nhất trí tăng cường quan hệ {level} giữa Việt Nam và {country}.",
        "Nhân dịp này, hai nước đã nâng cấp quan hệ lên {level}.",
        "{host_post} {host} khẳng định Việt Nam coi trọng quan hệ {level} với {country}.",
        "Việt Nam và {country} thiết lập quan hệ ngoại giao năm {born} và trở thành {level} của nhau.",
    ],
    [  # speakers at events
        "Phát biểu tại buổi tiếp, {host_post} {host} đánh giá cao những đóng góp của {guest} đối với quan hệ hai nước.",
        "Phát biểu khai mạc {event_word} {org} lần thứ {n}, {official_post} {official} nhấn mạnh vai trò của hợp tác khu vực.",
        "Tại {event_word}, {guest_post} {country} {guest} cho biết {country} mong muốn mở rộng hợp tác {field} với Việt Nam.",
    ],
    [  # cooperation and documents
        "Hai bên đã ký Bản ghi nhớ hợp tác trong lĩnh vực {field}.",
        "Hai bên nhất trí thúc đẩy hợp tác {field}, đưa kim ngạch thương mại song phương lên {n} tỷ USD.",
        "{guest_post} {country} {guest} chúc mừng những thành tựu phát triển của Việt Nam.",
        "Hai bên cũng trao đổi về các vấn đề quốc tế và khu vực cùng quan tâm, trong đó có hợp tác trong khuôn khổ {org}.",
    ],
    [  # posts and appointments
        "Trước đó, {official} đã được bổ nhiệm làm Đại sứ Việt Nam tại {country2}.",
        "Cùng ngày, {official_post} {official} đã tiếp Đại sứ {country2} tại Việt Nam.",
        "Cùng ngày, {host_post} {host} đã có chuyến thăm làm việc tại {country2}.",
    ],
]

OTHER_TOPICS: dict[str, list[list[str]]] = {
    "crime": [
        [
            "Ngày {d}/{m}, Công an tỉnh {province} (Việt Nam) cho biết đã khởi tố bị can {person} (SN {born}) về hành vi {crime}.",
            "Cơ quan Cảnh sát điều tra Công an tỉnh {province} đã bắt tạm giam {person} (SN {born}, trú tại {province}) để điều tra hành vi {crime} theo pháp luật Việt Nam.",
            "Cảnh sát {country} đã bắt giữ một nhóm đối tượng {crime}, trong đó có công dân Việt Nam {person}.",
        ],
        ["Theo cơ quan điều tra, từ đầu năm {y}, {person} cùng {person2} đã nhiều lần thực hiện hành vi {crime}.",
         "Tang vật thu giữ gồm {n} điện thoại di động và nhiều giấy tờ liên quan."],
        ["Đại tá {official}, Giám đốc Công an tỉnh {province}, cho biết vụ án đang được mở rộng điều tra.",
         "Vụ việc đang được Công an tỉnh {province} phối hợp với các đơn vị chức năng xử lý theo pháp luật Việt Nam."],
        ["Người dân khi phát hiện các dấu hiệu nghi vấn cần báo ngay cho cơ quan công an gần nhất."],
    ],
    "football": [
        [
            "Tối {d}/{m}, trên sân Mỹ Đình, đội tuyển Việt Nam đã thắng đội tuyển {country} với tỷ số {a}-{b}.",
            "Ở vòng {n} giải Vô địch quốc gia Việt Nam (V-League) {y}, {club} đã hòa đối thủ với tỷ số {a}-{a}.",
            "Đội tuyển U23 Việt Nam sẽ gặp U23 {country} vào ngày {d}/{m} tại {city}.",
        ],
        ["Tiền đạo {person} đã mở tỷ số ở phút thứ {n}.", "Thủ môn {person2} đã có nhiều pha cứu thua xuất sắc."],
        ["Huấn luyện viên {guest} của đội tuyển {country} thừa nhận đội khách chơi không tốt.",
         "Sau trận đấu, huấn luyện viên {person} cho biết cả đội đã chuẩn bị kỹ cho trận gặp {country2}."],
        ["Với kết quả này, {club} tạm xếp thứ {a} trên bảng xếp hạng."],
    ],
    "provincial": [
        [
            "{daypart} {d}/{m}, UBND tỉnh {province} tổ chức {event_word} tổng kết công tác năm {y}, một trong những địa phương dẫn đầu Việt Nam về thu hút đầu tư.",
            "{daypart} {d}/{m}, Tỉnh ủy {province} đã tổ chức {event_word} triển khai nhiệm vụ phát triển kinh tế - xã hội theo Nghị quyết của Quốc hội Việt Nam.",
        ],
        ["Phát biểu tại {event_word}, {official_post} {official} yêu cầu các sở, ngành tập trung tháo gỡ khó khăn.",
         "{official_post} {official} đã trao Bằng khen cho {n} tập thể và cá nhân có thành tích xuất sắc."],
        ["Năm {y}, tốc độ tăng trưởng kinh tế của tỉnh {province} đạt {a},{b}%, cao hơn bình quân cả nước.",
         "Toàn tỉnh {province} đã xây dựng được {n} xã đạt chuẩn nông thôn mới."],
        ["Ông {person}, Giám đốc Sở Kế hoạch và Đầu tư, cho biết tỉnh đã thu hút {n} dự án đầu tư."],
    ],
    "lottery": [
        ["Kết quả xổ số kiến thiết {province} mở thưởng ngày {d}/{m}/{y}: giải đặc biệt {number}, theo Hội đồng Xổ số kiến thiết khu vực của Việt Nam.",
         "Công ty Xổ số kiến thiết {province} cho biết giải đặc biệt kỳ quay ngày {d}/{m} là {number}."],
        ["Giải nhất thuộc về vé số {number}; giải nhì gồm {n} vé."],
        ["Người trúng thưởng cần mang vé đến Công ty Xổ số kiến thiết {province} để lĩnh thưởng."],
    ],
    "business": [
        ["{company} công bố lợi nhuận quý {a} năm {y} đạt {n} nghìn tỷ đồng, thuộc nhóm doanh nghiệp lớn nhất Việt Nam.",
         "Xuất khẩu {goods} của Việt Nam sang {country} trong {n} tháng đầu năm {y} tăng mạnh.",
         "{daypart} {d}/{m}, {company} khai trương nhà máy mới tại tỉnh {province}, Việt Nam."],
        ["Tổng Giám đốc {person} cho biết doanh nghiệp đặt mục tiêu tăng trưởng {n}% trong năm tới.",
         "Theo ông {person}, thị trường {country} vẫn là thị trường tiêu thụ {goods} lớn thứ {a} của Việt Nam."],
        ["Giá {goods} trên thị trường thế giới đang có xu hướng tăng.",
         "Cổ phiếu của {company} tăng {a},{b}% trong phiên giao dịch ngày {d}/{m}."],
    ],
}

HEADLINES: dict[str, list[str]] = {
    "foreign": ["{host_post} {host} hội đàm với {guest_post} {country}",
                "Thúc đẩy quan hệ {level} Việt Nam - {country}",
                "{host_post} {host} tiếp {guest_post} {country} {guest}",
                "Việt Nam - {country}: tăng cường hợp tác {field}"],
    "crime": ["Khởi tố đối tượng {crime} tại {province}", "Bắt nhóm đối tượng {crime}"],
    "football": ["Đội tuyển Việt Nam thắng {country} {a}-{b}", "V-League {y}: {club} chia điểm"],
    "provincial": ["{province} tổng kết công tác năm {y}", "{province}: triển khai nhiệm vụ năm {y}"],
    "lottery": ["Kết quả xổ số {province} ngày {d}/{m}/{y}"],
    "business": ["{company} báo lãi quý {a}", "Xuất khẩu {goods} sang {country} tăng mạnh"],
}
