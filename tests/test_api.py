from __future__ import annotations

import doctest
import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal

import vnfa
import vnfa.api
from vnfa.errors import GraphError, QueryError, StoreError
from vnfa.query.named import matching_name
from vnfa.resources import data_path

ROOT = Path(__file__).parent.parent
TEXT = ("14/06/2024\nThủ tướng tiếp Đại sứ Nhật Bản\n"
        "Ngày 14/6/2024, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản Ito Naoki tại Hà Nội.\n")


@pytest.fixture
def folder(tmp_path) -> Path:
    path = tmp_path / "store"
    with vnfa.open_store(path, read_only=False) as store:
        store.add_text(TEXT, doc="demo")
    return path


def vnfa_command(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vnfa", *args], capture_output=True, text=True, timeout=120)


def doctested_modules() -> list[str]:
    """Every module of the package whose docstrings hold examples (found, not listed by hand)."""
    package = ROOT / "graph"
    found = []
    for path in sorted(package.rglob("*.py")):
        if path.name != "cli.py" and ">>> " in path.read_text(encoding="utf-8"):
            parts = path.relative_to(package).with_suffix("").parts
            found.append(".".join(("vnfa", *(parts[:-1] if parts[-1] == "__init__" else parts))))
    return found


def test_the_doctested_modules_are_found():
    assert {"vnfa.api", "vnfa.console", "vnfa.export.jsonld", "vnfa.network.filters"} <= set(doctested_modules())


@pytest.mark.parametrize("module", doctested_modules())
def test_the_module_examples_run(module):
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_the_api_page_examples_run():
    result = doctest.testfile(str(ROOT / "docs" / "api.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 5 and result.failed == 0


def test_a_read_only_store_leaves_vnfa_query_working_in_another_process(folder):
    with vnfa.open_store(folder) as store:
        assert len(store.query(name="visits")) == 0
        done = vnfa_command("query", "--name", "meetings-of", "--param", "person=pham minh chinh",
                            "--format", "csv", "--store", str(folder))
        assert store.stats()["meetings"] == 1
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("Phạm Minh Chính,Ito Naoki,reception,2024-06-14,demo")


def test_a_writable_store_is_held_by_its_process(folder):
    with vnfa.open_store(folder, read_only=False):
        done = vnfa_command("stats", "--store", str(folder))
    assert done.returncode == 1
    assert "in use by another vnfa process" in done.stderr


@pytest.mark.parametrize("person", ["Phạm Minh Chính", "pham minh chinh", "PHẠM MINH CHÍNH", "Phạm Minh Chinh"])
def test_query_params_match_names_without_accents_or_case(folder, person):
    with vnfa.open_store(folder) as store:
        rows = store.query(name="meetings-of", person=person)
    assert [(r["person"], r["met"], r["date"]) for r in rows] == [("Phạm Minh Chính", "Ito Naoki", "2024-06-14")]


@pytest.mark.parametrize("names, wanted, found", [
    (["Nguyễn Văn Hòa", "Lê Văn A"], "nguyen van hoa", "Nguyễn Văn Hòa"),
    (["Nguyễn Văn Hòa"], "Nguyễn Văn Hoà", "Nguyễn Văn Hòa"),  # tone mark placed the old way
    (["Nguyễn Văn Hòa"], "Trần Văn Hòa", None),
    (["Nguyễn Văn A", "Nguyên Văn A"], "Nguyễn Văn A", "Nguyễn Văn A"),  # exact beats accent-free
])
def test_a_name_stands_for_the_one_name_it_matches(names, wanted, found):
    match = matching_name([Literal(n, lang="vi") for n in names], wanted)
    assert (str(match) if match is not None else None) == found


def test_a_name_matching_several_names_is_refused():
    with pytest.raises(QueryError, match="'nguyen van a' matches 2 names"):
        matching_name([Literal("Nguyễn Văn A"), Literal("Nguyên Văn A")], "nguyen van a")


def test_rows_become_a_dataframe(folder):
    pytest.importorskip("pandas")
    with vnfa.open_store(folder) as store:
        frame = store.query("SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name").to_df()
    assert list(frame.columns) == ["name"]
    assert frame["name"].tolist() == ["Ito Naoki", "Phạm Minh Chính"]


def test_construct_gives_a_graph_and_ask_a_bool(folder):
    with vnfa.open_store(folder) as store:
        graph = store.query("CONSTRUCT { ?p vnfa:met ?o } WHERE { ?p vnfa:met ?o }")
        asked = store.query("ASK { ?p vnfa:met ?o }")
    assert len(graph) == 2 and asked is True


def test_a_view_is_drawn_to_a_figure(folder):
    with vnfa.open_store(folder) as store:
        figure = store.draw("meetings", lang="en", layout="circular")
    texts = [t.get_text() for t in figure.texts]
    assert any("2 nodes, 1 edges" in t for t in texts)


def test_facts_of_files_need_no_store():
    facts = vnfa.extract_file(data_path("articles", "seed.txt"))
    assert [f["doc"] for f in facts] == ["seed"]
    assert "Nguyễn Phương Nga" in facts[0]["persons"]


@pytest.mark.parametrize("call, error, message", [
    (lambda s: s.add_text(TEXT, doc="x"), StoreError, "opened read-only"),
    (lambda s: s.query("SELECT * {}", name="visits"), QueryError, "not both"),
    (lambda s: s.query(name="nothing"), QueryError, "no named query 'nothing'"),
])
def test_misuse_says_what_to_do(folder, call, error, message):
    with vnfa.open_store(folder) as store, pytest.raises(error, match=message):
        call(store)


def test_a_missing_store_is_not_created_when_read(tmp_path):
    with pytest.raises(GraphError, match="no store at"):
        vnfa.open_store(tmp_path / "none")
    assert not (tmp_path / "none").exists()


def test_one_import_name():
    code = ("import sys, vnfa, vnfa.cli, vnfa.serve.app, vnfa.export.formats, vnfa.draw.netfiles; "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'graph', 'cli'}))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd="/", timeout=60)
    assert done.stdout.strip() == "[]", done.stderr
    assert vnfa_command("--version").stdout.startswith("vnfa, version")
