"""A synthetic corpus in the genre: short Vietnamese foreign-affairs news items
made from the gazetteers and title lexicon, with people repeated across
articles the way the press repeats them (a few leaders in most items, a long
tail of officials and ambassadors seen once or twice).

    python bench/synthetic.py 10000 corpus/
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from vnfa.resources import read_list, read_table  # noqa: E402

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thanh", "Quốc", "Hữu", "Xuân", "Hồng", "Ngọc"]
GIVEN = ["Hùng", "Lan", "Nam", "Hà", "Sơn", "Tâm", "Trung", "Phương", "Dũng", "Hằng", "Khánh", "Long",
         "Thảo", "Bình", "Quân", "Mai", "Tuấn", "Linh", "Hải", "Vinh"]
VN_TITLES = ["Thủ tướng", "Phó Thủ tướng", "Chủ tịch nước", "Chủ tịch Quốc hội", "Bộ trưởng Bộ Ngoại giao",
             "Thứ trưởng Bộ Ngoại giao", "Phó Chủ tịch Quốc hội", "Bộ trưởng Bộ Công Thương"]
LEVELS = ["Đối tác chiến lược toàn diện", "Đối tác chiến lược", "Đối tác toàn diện"]
DAYPARTS = ["Sáng", "Chiều", "Tối", "Ngày"]


class Genre:
    """The vocabulary of the genre, loaded once from data/."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        countries = [r for r in read_table("gazetteers", "countries.tsv") if r["code"] != "VN"]
        self.countries = [r["name_vi"] for r in countries]
        leaders = read_table("gazetteers", "persons.tsv")
        self.foreign = [r["name_vi"] for r in leaders if r["country"] not in ("VN", "")]
        places = read_table("gazetteers", "places.tsv")
        self.places = [r["name_vi"] for r in places if r["country"] == "VN"] or ["Hà Nội"]
        self.diplomatic = [r["title_vi"] for r in read_table("gazetteers", "titles.tsv") if r["kind"] == "diplomatic"]
        surnames = read_list("gazetteers", "surnames.txt")
        family = [s for s in surnames if " " not in s][:40] or FAMILY
        self.officials = [f"{rng.choice(family)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}" for _ in range(3000)]
        self.weights = [1 / (rank + 1) ** 1.1 for rank in range(len(self.officials))]

    def official(self) -> str:
        return self.rng.choices(self.officials, self.weights)[0]

    def article(self, number: int) -> dict:
        rng = self.rng
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1995, 2025)
        host, title = self.official(), rng.choice(VN_TITLES)
        country, guest = rng.choice(self.countries), rng.choice(self.foreign)
        place, envoy = rng.choice(self.places), self.official()
        sentences = [
            f"{rng.choice(DAYPARTS)} {day}/{month}, tại {place}, {title} {host} đã tiếp Đại sứ {country} "
            f"tại Việt Nam {guest}.",
            f"Hai bên nhất trí tăng cường quan hệ {rng.choice(LEVELS)} giữa Việt Nam và {country}.",
            f"Phát biểu tại buổi tiếp, {title} {host} khẳng định Việt Nam coi trọng hợp tác với {country}.",
            f"Cùng ngày, {rng.choice(self.diplomatic)} {envoy} đã hội đàm với Bộ trưởng Ngoại giao {country}.",
            f"Trước đó, {rng.choice(VN_TITLES)} {self.official()} đã có chuyến thăm chính thức {rng.choice(self.countries)}.",
        ]
        body = " ".join(sentences[: rng.randint(3, 5)])
        headline = f"{title} {host} tiếp Đại sứ {country}"
        return {"id": f"syn-{number:07d}", "title": headline, "date": f"{year}-{month:02d}-{day:02d}",
                "text": f"{headline}\n\n(TTXVN) - {body}\n"}


def write_corpus(count: int, folder: Path, seed: int = 7, per_file: int = 5000) -> Path:
    """Write ``count`` articles as JSON Lines files of ``per_file`` articles (vnfa reads files up to
    20 MB) in ``folder``; the same seed gives the same corpus."""
    genre = Genre(random.Random(seed))
    folder.mkdir(parents=True, exist_ok=True)
    for first in range(0, count, per_file):
        with open(folder / f"part-{first // per_file:04d}.jsonl", "w", encoding="utf-8") as out:
            for number in range(first, min(count, first + per_file)):
                out.write(json.dumps(genre.article(number), ensure_ascii=False) + "\n")
    return folder


if __name__ == "__main__":
    write_corpus(int(sys.argv[1]), Path(sys.argv[2]))
