"""The entities graph: each entity described once, kept tidy by gc, and old
stores migrated without loss. Articles are written here, in the genre."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from vnfa.cli import main
from vnfa.errors import StoreError
from vnfa.extract.article import extract
from vnfa.ingest.entities import gc, migrate
from vnfa.ingest.pipeline import ingest
from vnfa.model.build import reference_graph, to_graph
from vnfa.model.partition import is_entity_triple
from vnfa.model.vocab import ENTITIES_GRAPH, ID, LEGACY_REFERENCE_GRAPH, VNFA
from vnfa.query.facts import all_facts
from vnfa.read.files import parse_page
from vnfa.store.open import backend, drop_graph, graph_names, open_dataset, opened, replace_graph

ARTICLES = {
    "tiep-dai-su": "10/04/2017\nThủ tướng tiếp Đại sứ Nhật Bản\nChiều 10/4, tại Hà Nội, Thủ tướng Nguyễn Xuân Phúc "
                   "tiếp Đại sứ Nhật Bản Kunio Umeda. Thủ tướng Nguyễn Xuân Phúc đề nghị hai bên thúc đẩy quan hệ.",
    "hoi-dam-lao": "03/05/2017\nThủ tướng hội đàm với Thủ tướng Lào\nSáng 3/5, tại Hà Nội, Thủ tướng Nguyễn Xuân Phúc "
                   "hội đàm với Thủ tướng Lào Thongloun Sisoulith. Hai Thủ tướng nhất trí tăng cường quan hệ.",
    "dien-dan": "05/05/2017\nDiễn đàn doanh nghiệp\nNgày 5/5, tại TP Hồ Chí Minh, Thủ tướng Nguyễn Xuân Phúc "
                "phát biểu tại Diễn đàn doanh nghiệp Việt Nam - Nhật Bản cùng Đại sứ Nhật Bản Kunio Umeda.",
}
PERSONS = "SELECT ?p ?n WHERE { ?p a schema:Person ; schema:name ?n }"
PHUC = URIRef(ID + "person/nguyen-xuan-phuc")


def write_articles(folder, names=ARTICLES) -> list:
    paths = []
    for name in names:
        path = folder / f"{name}.txt"
        path.write_text(ARTICLES[name], encoding="utf-8")
        paths.append(path)
    return paths


def plain(triples) -> set[tuple]:
    """Triples with xsd:string literals written plain, as rdflib builds them (the store adds the type)."""
    return {tuple(Literal(str(t)) if isinstance(t, Literal) and t.datatype == XSD.string else t for t in triple)
            for triple in triples}


def rows(dataset, text: str) -> list[tuple]:
    from vnfa.query.named import run_query

    return [tuple(str(v) for v in row) for row in run_query(dataset, text)]


def test_each_person_once_per_name_after_several_articles(tmp_path):
    with opened(tmp_path / "store") as dataset:
        ingest(write_articles(tmp_path), dataset, progress=False)
        found = rows(dataset, PERSONS)
    assert len(found) == len(set(found))
    assert found.count((str(PHUC), "Nguyễn Xuân Phúc")) == 1


@pytest.mark.parametrize("triple, shared", [
    ((PHUC, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef("https://schema.org/Person")), True),
    ((PHUC, VNFA.mentionedIn, URIRef(ID + "article/a")), False),
    ((PHUC, VNFA.met, URIRef(ID + "person/x")), False),
    ((URIRef(ID + "membership/1"), URIRef("http://www.w3.org/ns/org#role"), URIRef(ID + "title/x")), False),
    ((URIRef(ID + "post/x"), URIRef("http://www.w3.org/ns/org#role"), URIRef(ID + "title/x")), True),
])
def test_what_an_entity_is_goes_to_the_entities_graph(triple, shared):
    assert is_entity_triple(triple) == shared


def test_the_article_graph_keeps_its_facts_and_names_the_entities_graph_the_rest(tmp_path):
    with opened(tmp_path / "store") as dataset:
        ingest(write_articles(tmp_path, ["tiep-dai-su"]), dataset, progress=False)
        article = set(backend(dataset).graph_triples(URIRef(ID + "article/tiep-dai-su")))
        entities = set(backend(dataset).graph_triples(ENTITIES_GRAPH))
    assert not any(is_entity_triple(t) for t in article)
    assert (PHUC, VNFA.writtenAs, next(o for s, p, o in entities if s == PHUC and str(p).endswith("name"))) in article
    assert all(is_entity_triple(t) for t in entities)


def test_removing_an_article_and_gc_remove_only_its_entities(tmp_path):
    with opened(tmp_path / "store") as dataset:
        ingest(write_articles(tmp_path, ["tiep-dai-su", "hoi-dam-lao"]), dataset, progress=False)
        drop_graph(dataset, URIRef(ID + "article/hoi-dam-lao"))
        removed = gc(dataset)
        names = {n for _, n in rows(dataset, PERSONS)}
        again = gc(dataset)
        gazetteer = plain(reference_graph()) <= plain(backend(dataset).graph_triples(ENTITIES_GRAPH))
    assert names == {"Nguyễn Xuân Phúc", "Kunio Umeda"}
    assert removed > 0 and again == 0 and gazetteer


def test_reingesting_a_changed_article_drops_the_entities_only_it_named(tmp_path):
    with opened(tmp_path / "store") as dataset:
        ingest(write_articles(tmp_path, ["tiep-dai-su", "hoi-dam-lao"]), dataset, progress=False)
        changed = tmp_path / "hoi-dam-lao.txt"
        changed.write_text(ARTICLES["hoi-dam-lao"].replace("Thongloun Sisoulith", "Sonexay Siphandone"), "utf-8")
        report = ingest([changed], dataset, progress=False)
        names = {n for _, n in rows(dataset, PERSONS)}
    assert report.entities_removed > 0
    assert names == {"Nguyễn Xuân Phúc", "Kunio Umeda", "Sonexay Siphandone"}


@pytest.mark.parametrize("options", [{"workers": 2}, {"bulk": True}])
def test_parallel_and_bulk_ingest_write_the_same_quads_as_serial(tmp_path, options):
    paths = write_articles(tmp_path)
    stores = {}
    for name, extra in (("serial", {}), ("other", options)):
        with opened(tmp_path / name) as dataset:
            ingest(paths, dataset, progress=False, **extra)
            stores[name] = {(s, p, o, g) for g in graph_names(dataset)
                            for s, p, o in backend(dataset).graph_triples(g)}
    assert stores["serial"] == stores["other"]


def write_old_layout(folder, paths) -> set[tuple]:
    """A store as vnfa wrote it before the entities graph: each article graph holding everything."""
    union: set[tuple] = set()
    with opened(folder) as dataset:
        for path in paths:
            graph = to_graph(extract(parse_page(path.read_text(encoding="utf-8"), path.stem)))
            replace_graph(dataset, graph)
            union |= set(graph)
        old = Graph(identifier=LEGACY_REFERENCE_GRAPH)
        for triple in reference_graph():
            old.add(triple)
        replace_graph(dataset, old)
        union |= set(old)
    return union


def test_an_old_store_says_what_to_do_and_migrates_without_loss(tmp_path):
    paths = write_articles(tmp_path)
    union = write_old_layout(tmp_path / "old", paths)
    with pytest.raises(StoreError, match="vnfa migrate --store"):
        open_dataset(tmp_path / "old", create=False)
    result = CliRunner().invoke(main, ["migrate", "-q", "--store", str(tmp_path / "old")])
    assert result.exit_code == 0, result.output
    with opened(tmp_path / "old", create=False) as dataset:
        after = {t for g in graph_names(dataset) for t in backend(dataset).graph_triples(g)}
        migrated = all_facts(dataset)
        persons = rows(dataset, PERSONS)
    with opened(tmp_path / "new") as dataset:
        ingest(paths, dataset, progress=False)
        fresh = all_facts(dataset)
    assert plain(t for t in after if t[1] != VNFA.writtenAs) == plain(union)
    assert json.dumps(migrated, sort_keys=True) == json.dumps(fresh, sort_keys=True)
    assert len(persons) == len(set(persons))


def test_migrating_twice_or_a_new_store_is_refused_with_a_reason(tmp_path):
    with opened(tmp_path / "store") as dataset:
        ingest(write_articles(tmp_path, ["dien-dan"]), dataset, progress=False)
        with pytest.raises(StoreError, match="already in the current layout"):
            migrate(dataset)
