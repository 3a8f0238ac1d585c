"""Realistic synthetic corpora for tests and benches: Vietnamese news of all
topics, seeded and deterministic, written as JSON Lines or text pages.

What makes it realistic (issue 12): Vietnam is in nearly every article; people,
countries and organisations follow a Zipf law over a fixed ranking (the same
leaders and the same big partners everywhere, a long tail of officials seen
once or twice), each person keeps one post; most of a crawl is NOT foreign
affairs (crime, football fixtures, provincial news, lottery, business) but
still names people and places, some of them foreign (hard negatives); the
foreign-affairs items use the genre's sentences (receptions, talks, phone
calls, visits, speeches, partnership levels, appointments) with dates spread
over twenty years. Article ``n`` depends only on (seed, n): any slice of a
corpus can be made alone.

    python -m vnfa.synthetic 50000 corpus/          # 10 files of 5,000 JSON lines
"""
from __future__ import annotations

import json
import random
import sys
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from .resources import read_list, read_table
from .synthtext import FOREIGN_AFFAIRS, HEADLINES, OTHER_TOPICS, SLOT_WORDS

# the partners the Vietnamese press names most, most first; the rest follow in a seeded order
PRESS_ORDER = ["CN", "US", "JP", "KR", "LA", "KH", "RU", "FR", "IN", "AU", "DE", "SG", "TH", "ID", "GB",
               "MY", "PH", "CU", "IT", "CA", "NZ", "MM", "BR", "IL", "TR", "KP", "NL", "BE", "CH", "ES"]
VN_POSTS = ["Tổng Bí thư", "Chủ tịch nước", "Thủ tướng", "Chủ tịch Quốc hội", "Phó Thủ tướng",
            "Bộ trưởng Bộ Ngoại giao", "Phó Chủ tịch nước", "Phó Chủ tịch Quốc hội", "Bộ trưởng Bộ Công Thương",
            "Bộ trưởng Bộ Quốc phòng", "Trưởng Ban Đối ngoại Trung ương", "Bộ trưởng Bộ Công an"]
OFFICIAL_POSTS = ["Thứ trưởng Bộ Ngoại giao", "Thứ trưởng Bộ Công Thương", "Chủ tịch UBND tỉnh {province}",
                  "Bí thư Tỉnh ủy {province}", "Phó Chủ tịch Ủy ban Đối ngoại của Quốc hội",
                  "Thứ trưởng Bộ Kế hoạch và Đầu tư", "Chủ nhiệm Ủy ban Đối ngoại của Quốc hội"]
FOREIGN_POSTS = ["Tổng thống", "Thủ tướng", "Bộ trưởng Ngoại giao", "Chủ tịch Quốc hội", "Phó Tổng thống",
                 "Bộ trưởng Thương mại", "Bộ trưởng Quốc phòng", "Chủ tịch Thượng viện"]
LEVELS = ["Đối tác chiến lược toàn diện", "Đối tác chiến lược", "Đối tác toàn diện", "đoàn kết đặc biệt"]
FOREIGN_GIVEN = ["Anthony", "Marie", "Kenji", "Min-jun", "Olaf", "Priya", "Sergey", "Ahmad", "Lucas", "Sofia",
                 "Hiroshi", "Ji-woo", "Daniel", "Elena", "Thomas", "Anna", "Rajesh", "Somsak", "Budi", "Carlos"]
FOREIGN_FAMILY = ["Albanese", "Dubois", "Yamada", "Kim", "Schmidt", "Sharma", "Ivanov", "Rahman", "Martin",
                  "Rossi", "Tanaka", "Park", "Miller", "Petrova", "Müller", "Wong", "Chai", "Santoso", "Silva"]
MIDDLE = ["Văn", "Thị", "Minh", "Đức", "Thanh", "Quốc", "Hữu", "Xuân", "Hồng", "Ngọc", "Công", "Đình"]
FIRST_YEAR, LAST_YEAR = 2005, 2025


class Zipf:
    """Items drawn with probability ∝ 1 / rank^s (rank 1 first)."""

    def __init__(self, items: list, s: float = 1.1) -> None:
        self.items = items
        self.cumulative = list(accumulate(1 / (rank + 1) ** s for rank in range(len(items))))

    def draw(self, rng: random.Random):
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


@dataclass(frozen=True)
class Person:
    name: str
    post: str  # the one post the press gives them
    country: str = "Việt Nam"


class Vocabulary:
    """Everything a corpus draws from, built once per seed from the gazetteers."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(seed)
        countries = {r["code"]: r["name_vi"] for r in read_table("gazetteers", "countries.tsv") if r["code"] != "VN"}
        rest = sorted(set(countries) - set(PRESS_ORDER))
        rng.shuffle(rest)
        self.countries = Zipf([countries[c] for c in PRESS_ORDER + rest if c in countries], 1.0)
        self.country_names = {name: code for code, name in countries.items()}
        persons = read_table("gazetteers", "persons.tsv")
        self.vn_leaders = Zipf(self._leaders([r["name_vi"] for r in persons if r["country"] == "VN"], VN_POSTS, rng))
        self.foreign = self._foreign(persons, countries, rng)
        places = read_table("gazetteers", "places.tsv")
        self.provinces = Zipf([r["name_vi"] for r in places if r["country"] == "VN" and r["kind"] == "province"], 0.6)
        self.cities = {code: [r["name_vi"] for r in places if r["country"] == code and r["kind"] == "city"]
                       for code in countries}
        self.orgs = Zipf([r["name_vi"] for r in read_table("gazetteers", "intl_orgs.tsv")], 1.2)
        family = [s for s in read_list("gazetteers", "surnames.txt") if " " not in s][:40]
        given = read_list("gazetteers", "given_names.txt")[:300] or ["Hùng", "Lan", "Nam"]
        names = sorted({f"{rng.choice(family)} {rng.choice(MIDDLE)} {rng.choice(given)}" for _ in range(6000)})
        rng.shuffle(names)
        self.officials = Zipf([Person(n, rng.choice(OFFICIAL_POSTS).format(province=self.provinces.draw(rng)))
                               for n in names[:3000]], 1.05)
        self.citizens = Zipf(names[3000:], 0.8)  # people of the general news

    @staticmethod
    def _leaders(names: list[str], posts: list[str], rng: random.Random) -> list[Person]:
        names = list(names)
        rng.shuffle(names)
        return [Person(name, posts[min(i, len(posts) - 1)] if i < len(posts) else rng.choice(posts))
                for i, name in enumerate(names)]

    def _foreign(self, persons: list[dict], countries: dict[str, str], rng: random.Random) -> dict[str, Zipf]:
        """Per country: its gazetteer leaders first, then generated officials."""
        out: dict[str, Zipf] = {}
        for code, country in countries.items():
            known = [Person(r["name_vi"], rng.choice(FOREIGN_POSTS[:3]), country)
                     for r in persons if r["country"] == code]
            made = [Person(f"{rng.choice(FOREIGN_GIVEN)} {rng.choice(FOREIGN_FAMILY)}", rng.choice(FOREIGN_POSTS),
                           country) for _ in range(12)]
            out[country] = Zipf(known + made, 1.2)
        return out


class Generator:
    """Article ``n`` of the corpus of ``seed``: a dict with id, title, date, topic, text."""

    def __init__(self, seed: int = 7, foreign_share: float = 0.2) -> None:
        self.seed, self.foreign_share = seed, foreign_share
        self.words = Vocabulary(seed)

    def article(self, number: int) -> dict:
        rng = random.Random(self.seed * 1_000_003 + number)
        year, month, day = rng.randint(FIRST_YEAR, LAST_YEAR), rng.randint(1, 12), rng.randint(1, 28)
        topic = "foreign" if rng.random() < self.foreign_share else rng.choice(sorted(OTHER_TOPICS))
        slots = self.slots(rng, day, month, year)
        templates = FOREIGN_AFFAIRS if topic == "foreign" else OTHER_TOPICS[topic]
        first, rest = templates[0], templates[1:]
        body = [rng.choice(first)] + [rng.choice(group) for group in rng.sample(rest, min(len(rest), rng.randint(2, 4)))]
        return {"id": f"syn-{self.seed}-{number:07d}", "title": rng.choice(HEADLINES[topic]).format(**slots),
                "date": f"{year}-{month:02d}-{day:02d}", "topic": topic,
                "text": "(TTXVN) - " + " ".join(sentence.format(**slots) for sentence in body)}

    def slots(self, rng: random.Random, day: int, month: int, year: int) -> dict[str, str]:
        """One value per slot of the templates, drawn for this article."""
        words = self.words
        country = words.countries.draw(rng)
        host, guest, official = words.vn_leaders.draw(rng), words.foreign[country].draw(rng), words.officials.draw(rng)
        other = words.countries.draw(rng)
        cities = words.cities.get(words.country_names.get(country, ""), []) or ["thủ đô"]
        slots = {"d": str(day), "m": str(month), "y": str(year), "d2": str(min(28, day + rng.randint(1, 4))),
                 "country": country, "country2": other if other != country else "Lào",
                 "host": host.name, "host_post": host.post, "guest": guest.name, "guest_post": guest.post,
                 "official": official.name, "official_post": official.post, "city": rng.choice(cities),
                 "person": words.citizens.draw(rng), "person2": words.citizens.draw(rng),
                 "province": words.provinces.draw(rng), "org": words.orgs.draw(rng), "level": rng.choice(LEVELS),
                 "n": str(rng.randint(2, 40)), "a": str(rng.randint(0, 4)), "b": str(rng.randint(0, 3)),
                 "born": str(rng.randint(1960, 2005)), "number": f"{rng.randint(0, 999999):06d}"}
        slots.update({key: rng.choice(values) for key, values in SLOT_WORDS.items()})
        return slots


def page_text(article: dict) -> str:
    """An article as a text page: date line, headline, body (what `vnfa ingest` reads from .txt)."""
    year, month, day = article["date"].split("-")
    return f"{day}/{month}/{year}\n\n{article['title']}\n\n{article['text']}\n"


def write_jsonl(count: int, folder: Path, seed: int = 7, *, per_file: int = 5000, foreign_share: float = 0.2,
                first: int = 0) -> list[Path]:
    """Articles first..first+count as JSON Lines files of ``per_file`` lines (vnfa reads files up to 20 MB)."""
    generator, paths = Generator(seed, foreign_share), []
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(first, first + count, per_file):
        paths.append(folder / f"part-{start // per_file:04d}.jsonl")
        with open(paths[-1], "w", encoding="utf-8") as out:
            for number in range(start, min(first + count, start + per_file)):
                out.write(json.dumps(generator.article(number), ensure_ascii=False) + "\n")
    return paths


def write_pages(count: int, folder: Path, seed: int = 7, *, foreign_share: float = 0.2,
                per_folder: int = 1000) -> list[Path]:
    """Articles 0..count-1 as text pages ``NN/aNNNNN.txt`` (a folder every ``per_folder``)."""
    generator, paths = Generator(seed, foreign_share), []
    for number in range(count):
        path = folder / f"{number // per_folder:02d}" / f"a{number:05d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_text(generator.article(number)), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    write_jsonl(int(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 7)
