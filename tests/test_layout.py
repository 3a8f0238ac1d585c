"""The package's layout: stages import one way (no import cycles, lazy imports counted too), and the
Layout sections of README.md and docs/development.md name what is in the tree."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "graph"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(("vnfa", *parts[:-1])) if parts[-1] == "__init__" else ".".join(("vnfa", *parts))


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in PACKAGE.rglob("*.py") if path.name != "cli.py"} | {
        "vnfa.cli": ROOT / "cli.py"}


def imported(name: str, path: Path, known: set[str]) -> set[str]:
    """The vnfa modules that module `name` imports, wherever in the file the import is."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *(node.module.split(".") if node.module else [])])
            for alias in node.names:
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in known else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {module for module in found if module in known and module != name}


def import_graph() -> nx.DiGraph:
    table = modules()
    graph = nx.DiGraph()
    for name, path in table.items():
        graph.add_node(name)
        graph.add_edges_from((name, target) for target in imported(name, path, set(table)))
    return graph


def test_the_import_graph_is_read_from_the_sources():
    graph = import_graph()
    assert ("vnfa.ingest.pipeline", "vnfa.extract.article") in graph.edges
    assert ("vnfa.extract.article", "vnfa.ingest.pipeline") not in graph.edges
    assert graph.number_of_nodes() > 40


def test_there_are_no_import_cycles():
    cycles = sorted(" -> ".join(cycle) for cycle in nx.simple_cycles(import_graph()))
    assert cycles == []


def test_the_stages_do_not_import_the_command_line_or_the_server():
    graph = import_graph()
    for stage in ("read", "text", "extract", "model", "store", "ingest"):
        for name in graph.nodes:
            if name.startswith(f"vnfa.{stage}."):
                assert not {"vnfa.cli", "vnfa.api"} & set(nx.descendants(graph, name)), name


def test_readme_layout_names_every_subpackage():
    section = re.search(r"^## Layout\n(.*?)^## ", (ROOT / "README.md").read_text(), re.S | re.M).group(1)
    packages = sorted(path.parent.name for path in PACKAGE.glob("*/__init__.py"))
    assert [name for name in packages if f"{name}/" not in section] == []


@pytest.mark.parametrize("name", sorted(name for name, path in modules().items() if path.name != "__init__.py"))
def test_docs_development_lists_every_module(name):
    text = (ROOT / "docs" / "development.md").read_text()
    leaf = name.split(".")[-1]
    assert re.search(rf"\b{re.escape(leaf)}\.py\b", text), f"docs/development.md does not name {name}"
