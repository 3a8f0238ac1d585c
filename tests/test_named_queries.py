"""Named queries over the entities-graph model: no GRAPH, no duplicate rows, articles the relevance
gate marks as not foreign affairs left out, and who held a post on a given date."""
from __future__ import annotations

import re

import pytest

from vnfa.ingest.pipeline import ingest
from vnfa.model.build import article_iri
from vnfa.query.named import named_queries, run_query
from vnfa.store.open import backend, opened

ARTICLES = {
    "dung-2015": "12/06/2015\nThủ tướng tiếp Đại sứ Hàn Quốc\nChiều 12/6, tại Hà Nội, Thủ tướng Nguyễn Tấn Dũng "
                 "tiếp Đại sứ Hàn Quốc Jeon Dae-joo.",
    "dung-nguyen-2017": "20/03/2017\nGặp mặt\nSáng 20/3, tại TP Hồ Chí Minh, nguyên Thủ tướng Nguyễn Tấn Dũng "
                        "tiếp Đại sứ Hàn Quốc Lee Hyuk.",
    "phuc-2017": "10/04/2017\nThủ tướng tiếp Đại sứ Nhật Bản\nChiều 10/4, tại Hà Nội, Thủ tướng Nguyễn Xuân Phúc "
                 "tiếp Đại sứ Nhật Bản Kunio Umeda.",
    "quang-2017": "30/05/2017\nChủ tịch nước thăm Nhật Bản\nNgày 30/5, Chủ tịch nước Trần Đại Quang lên đường thăm "
                  "cấp Nhà nước Nhật Bản. Tại lễ đón, Chủ tịch nước Trần Đại Quang phát biểu khẳng định quan hệ.",
    "phuc-lao-2017": "03/05/2017\nThủ tướng hội đàm với Thủ tướng Lào\nSáng 3/5, tại Hà Nội, Thủ tướng Nguyễn Xuân "
                     "Phúc hội đàm với Thủ tướng Lào Thongloun Sisoulith.",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("named")
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    with opened(folder / "store") as dataset:
        ingest([folder / f"{name}.txt" for name in ARTICLES], dataset, progress=False)
        marked = article_iri("phuc-lao-2017")  # as the relevance gate writes it, in the article's graph
        backend(dataset).run_update(f"INSERT DATA {{ GRAPH <{marked}> {{ <{marked}> "
                                    "<https://w3id.org/vnfa/ontology#foreignAffairs> false } }")
        yield dataset


def run(dataset, name: str, **params) -> list[dict[str, str]]:
    from rdflib import Literal

    result = run_query(dataset, named_queries()[name], {k: Literal(v, lang="vi") for k, v in params.items()})
    return [{str(v): (None if row[v] is None else str(row[v])) for v in result.vars} for row in result]


def test_no_named_query_uses_graph():
    assert not [name for name, text in named_queries().items() if re.search(r"\bGRAPH\s*[?<$]", text, re.I)]


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_no_named_query_repeats_a_row_or_shows_an_irrelevant_article(store, name):
    rows = run(store, name)
    assert rows and len(rows) == len({tuple(sorted(r.items())) for r in rows})
    assert "phuc-lao-2017" not in {r.get("article") for r in rows}


def test_articles_without_a_judgement_count_as_relevant(store):
    met = {r["met"] for r in run(store, "meetings-of", person="Nguyễn Xuân Phúc")}
    assert met == {"Kunio Umeda"}  # Thongloun Sisoulith's talks are in the article marked false


@pytest.mark.parametrize("date, holders", [
    ("2014-01-01", set()),
    ("2016-01-01", {("Nguyễn Tấn Dũng", "2015-06-12")}),
    ("2017-03-01", {("Nguyễn Tấn Dũng", "2015-06-12")}),
    ("2017-06-01", {("Nguyễn Xuân Phúc", "2017-04-10")}),  # Dũng shown as former on 2017-03-20
])
def test_who_held_a_post_on_a_date(store, date, holders):
    rows = run(store, "who-holds-what", date=date, title="Thủ tướng", org="Chính phủ")
    assert {(r["person"], r["asOf"]) for r in rows} == holders
    assert all(r["status"] == "current" and r["date"] == date for r in rows)


def test_without_a_date_history_and_present_are_both_listed(store):
    rows = run(store, "who-holds-what", title="Thủ tướng", org="Chính phủ")
    assert {(r["person"], r["status"]) for r in rows} == {
        ("Nguyễn Tấn Dũng", "current"), ("Nguyễn Tấn Dũng", "former"), ("Nguyễn Xuân Phúc", "current")}
