import pytest
from rdflib import Graph, Literal, URIRef

from vnfa.errors import StoreError, StoreInUseError
from vnfa.ingest.pipeline import ingest
from vnfa.store.open import count_quads, graph_names, open_dataset, opened, replace_graph

G = URIRef("https://example.org/g")


def one_triple_graph(value: str) -> Graph:
    graph = Graph(identifier=G)
    graph.add((URIRef("https://example.org/s"), URIRef("https://example.org/p"), Literal(value, lang="vi")))
    return graph


def test_replace_graph_replaces_and_persists(tmp_path):
    with opened(tmp_path / "s") as store:
        replace_graph(store, one_triple_graph("một"))
        replace_graph(store, one_triple_graph("hai \"ngoặc\"\nxuống dòng"))
        assert count_quads(store) == 1
    with opened(tmp_path / "s", create=False) as store:
        assert graph_names(store) == [G]
        values = [str(row[0]) for row in store.query("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }")]
        assert values == ["hai \"ngoặc\"\nxuống dòng"]


def test_second_handle_is_refused(tmp_path):
    with opened(tmp_path / "s"), pytest.raises(StoreInUseError, match="in use"):
        open_dataset(tmp_path / "s")


def test_missing_store_is_an_error(tmp_path):
    with pytest.raises(StoreError, match="no store at"):
        open_dataset(tmp_path / "none", create=False)


def test_reingest_does_not_grow(tmp_path, store):
    article = tmp_path / "a.txt"
    article.write_text("Thủ tướng tiếp Đại sứ\nChiều 2/6, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản "
                       "Ito Naoki tại Hà Nội.", encoding="utf-8")
    first = ingest([article], store, progress=False)
    size = count_quads(store)
    second = ingest([article], store, progress=False)
    assert first.ingested == second.ingested == ["a"]
    assert count_quads(store) == size > 0


def test_bad_file_leaves_store_unchanged(tmp_path, store):
    good = tmp_path / "good.txt"
    good.write_text("Thủ tướng tiếp Đại sứ\nThủ tướng Phạm Minh Chính tiếp Đại sứ Ito Naoki.", encoding="utf-8")
    ingest([good], store, progress=False)
    size = count_quads(store)
    good.write_bytes(b"\xff\xfe\x00garbage\x00")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01")
    report = ingest([tmp_path], store, progress=False)
    assert report.ingested == [] and len(report.failed) == 2
    assert count_quads(store) == size
