import json

import pytest
from click.testing import CliRunner

from vnfa.cli import main
from vnfa.resources import data_path

SEED = str(data_path("articles", "seed.txt"))


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def built(tmp_path, runner):
    store = str(tmp_path / "store")
    result = runner.invoke(main, ["ingest", "-q", SEED, "--store", store])
    assert result.exit_code == 0, result.output
    return store


def test_ingest_reports_bad_files_and_goes_on(tmp_path, runner):
    (tmp_path / "empty.txt").write_text("")
    result = runner.invoke(main, ["ingest", "-q", SEED, str(tmp_path / "empty.txt"), str(tmp_path / "nope.txt"),
                                  "--store", str(tmp_path / "s")])
    assert result.exit_code == 1
    assert "empty.txt: empty" in result.stderr
    assert "nope.txt: no such file or folder" in result.stderr
    assert "ingested 1 articles, skipped 1, failed 1" in result.stderr


def test_facts_from_store_and_from_paths(built, runner):
    from_store = runner.invoke(main, ["facts", "--store", built])
    from_paths = runner.invoke(main, ["facts", "-q", SEED])
    assert from_store.exit_code == from_paths.exit_code == 0
    facts = json.loads(from_store.stdout)
    assert facts == json.loads(from_paths.stdout)
    assert facts["doc"] == "seed"
    assert {"person": "Tô Lâm", "country": "KP"} in facts["visits"]


def test_query_named_and_formats(built, runner):
    result = runner.invoke(main, ["query", "--name", "who-holds-what", "--format", "csv", "--store", built])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "person,title,org,country,status,asOf,article,date"
    assert "Tô Lâm,Tổng Bí thư,Đảng Cộng sản Việt Nam,VN,current,2026-03-13,seed," in result.stdout
    result = runner.invoke(main, ["query", "--name", "meetings-of", "--param", "person=Tô Lâm", "--format", "json",
                                  "--store", built])
    rows = json.loads(result.stdout)
    assert [r["met"] for r in rows] == ["Đoàn đại biểu Đảng Nhân dân Cách mạng Lào"]


@pytest.mark.parametrize("args, message", [
    (["SELECT * WHERE { ?s ?p }"], "SPARQL syntax error"),
    (["INSERT DATA { <a:b> <a:c> <a:d> }"], "Update is not allowed"),
    (["SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"], "SERVICE"),
])
def test_query_errors(built, runner, args, message):
    result = runner.invoke(main, ["query", *args, "--store", built])
    assert result.exit_code == 1
    assert message in result.stderr


def test_query_usage_errors(built, runner):
    assert runner.invoke(main, ["query", "--store", built]).exit_code == 2
    result = runner.invoke(main, ["query", "--name", "nope", "--store", built])
    assert result.exit_code == 2 and "'nope' is not one of" in result.stderr


def test_stats_export_draw(built, runner, tmp_path):
    stats = runner.invoke(main, ["stats", "--store", built])
    counts = dict(line.split() for line in stats.stdout.splitlines() if line.split()[0] != "posts")
    assert counts["articles"] == "1" and int(counts["persons"]) == 6
    out = tmp_path / "g.ttl"
    assert runner.invoke(main, ["export", "-f", "turtle", "-o", str(out), "--store", built]).exit_code == 0
    from rdflib import Graph

    assert len(Graph().parse(out, format="turtle")) > 100
    png = tmp_path / "n.png"
    result = runner.invoke(main, ["draw", "-o", str(png), "--store", built])
    assert result.exit_code == 0 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_evaluate_scores_against_gold(tmp_path, runner):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "seed", "persons": ["Tô Lâm", "Người Không Có"], "roles": [], "events": [],
                                "speakers": [], "meetings": [], "visits": [], "partners": []}, ensure_ascii=False))
    result = runner.invoke(main, ["evaluate", "-q", "--gold", str(gold), SEED])
    assert result.exit_code == 0
    persons = next(line for line in result.stdout.splitlines() if line.startswith("persons"))
    assert persons.split()[1:4] == ["0.167", "0.500", "0.250"]


def test_missing_store(tmp_path, runner):
    result = runner.invoke(main, ["stats", "--store", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no store at" in result.stderr


def test_importing_the_command_line_loads_no_rdflib_networkx_or_matplotlib():
    import subprocess
    import sys

    code = "import sys, vnfa.cli; print(sorted(m for m in ('rdflib', 'networkx', 'matplotlib') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_choices_come_from_the_registries():
    from vnfa.draw.styles import LANGUAGES, VIEW_NAMES
    from vnfa.export.registry import FORMATS
    from vnfa.query.named import named_queries

    choices = {(c, p.name): list(p.type.choices) for c, command in main.commands.items()
               for p in command.params if hasattr(p.type, "choices")}
    assert choices[("query", "name")] == list(named_queries())
    assert choices[("export", "fmt")] == list(FORMATS)
    assert choices[("draw", "view")] == list(VIEW_NAMES)
    assert choices[("draw", "lang")] == list(LANGUAGES)
