"""The corpus generator shared by tests and benches: seeded, realistic in its mix and tails."""
from __future__ import annotations

import json
import random
from collections import Counter

import pytest

from vnfa.extract.article import extract
from vnfa.read.files import read_file
from vnfa.synthetic import Generator, Zipf, page_text, write_jsonl, write_pages

SAMPLE = 2000


@pytest.fixture(scope="module")
def articles() -> list[dict]:
    generator = Generator(seed=3)
    return [generator.article(n) for n in range(SAMPLE)]


def test_same_seed_same_article_and_any_article_alone():
    assert Generator(5).article(123) == Generator(5).article(123)
    assert Generator(5).article(123) != Generator(6).article(123)
    whole = [Generator(5).article(n) for n in range(10)]
    assert Generator(5).article(7) == whole[7]


@pytest.mark.parametrize("topic, low, high", [
    ("foreign", 0.15, 0.25), ("crime", 0.12, 0.20), ("football", 0.12, 0.20), ("lottery", 0.12, 0.20),
    ("provincial", 0.12, 0.20), ("business", 0.12, 0.20),
])
def test_most_of_a_crawl_is_not_foreign_affairs(articles, topic, low, high):
    share = Counter(a["topic"] for a in articles)[topic] / SAMPLE
    assert low <= share <= high


def test_vietnam_is_in_nearly_every_article(articles):
    share = sum("Việt Nam" in a["title"] + a["text"] for a in articles) / SAMPLE
    assert share >= 0.85


def test_leaders_are_heavy_tailed(articles):
    leaders = Generator(seed=3).words.vn_leaders.items
    counts = Counter(p.name for p in leaders for a in articles if a["topic"] == "foreign" and p.name in a["text"])
    top, *_ = counts.most_common()
    assert top[0] == leaders[0].name
    assert top[1] > 5 * counts[leaders[20].name]


def test_dates_spread_over_years(articles):
    years = Counter(a["date"][:4] for a in articles)
    assert len(years) >= 20 and max(years.values()) < SAMPLE / 10


def test_zipf_draws_by_rank():
    draws = Counter(Zipf(["a", "b", "c", "d"], s=1.0).draw(random.Random(1)) for _ in range(1))
    zipf, rng = Zipf(list(range(100)), s=1.0), random.Random(2)
    counts = Counter(zipf.draw(rng) for _ in range(20000))
    assert sum(draws.values()) == 1
    assert counts[0] > counts[1] > counts[9] > counts[99]
    assert 1.6 < counts[0] / counts[1] < 2.4


def test_foreign_affairs_articles_give_the_genre_relations(tmp_path):
    [path] = write_jsonl(60, tmp_path, seed=4, foreign_share=1.0)
    found: Counter = Counter()
    for article in read_file(path):
        facts = extract(article)
        found.update({key: len(getattr(facts, key)) for key in ("roles", "meetings", "visits", "events", "partners")})
    assert all(found[key] >= 10 for key in ("roles", "meetings", "events", "partners")), found
    assert found["visits"] >= 3, found


def test_files_round_trip(tmp_path):
    paths = write_jsonl(25, tmp_path / "j", seed=1, per_file=10)
    assert [p.name for p in paths] == ["part-0000.jsonl", "part-0001.jsonl", "part-0002.jsonl"]
    lines = [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines()]
    assert [a["id"] for a in lines] == [f"syn-1-{n:07d}" for n in range(25)]
    [page] = write_pages(1, tmp_path / "p", seed=1)
    assert page.read_text(encoding="utf-8") == page_text(lines[0])
    assert page_text(lines[0]).startswith("/".join(reversed(lines[0]["date"].split("-"))) + "\n\n")
