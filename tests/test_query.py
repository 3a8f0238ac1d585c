"""Query limits: parse-level refusals, the time limit and the row limit, in the library and in `vnfa query`."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from vnfa.cli import main
from vnfa.errors import QueryError
from vnfa.query.limits import (
    QueryRefusedError,
    QuerySyntaxError,
    UpdateRefusedError,
    check_query,
    check_update,
    has_dataset_clause,
)
from vnfa.query.named import run_query
from vnfa.resources import data_path

SEED = str(data_path("articles", "seed.txt"))
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.mark.parametrize("text, error", [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", QueryRefusedError),
    ("select * where { service silent ?x { ?s ?p ?o } }", QueryRefusedError),
    ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", QueryRefusedError),
    ("SELECT * WHERE { ?s ?p ?o OPTIONAL { SeRvIcE <http://127.0.0.1:1/> { ?s ?q ?r } } }", QueryRefusedError),
    ("INSERT DATA { <a:b> <a:c> <a:d> } ; SELECT # service", QuerySyntaxError),
    ("SELECT * FROM <a:g> WHERE { SERVICE <x:y> { ?s ?p ?o } ", QuerySyntaxError),
    ("DELETE WHERE { ?s ?p ?o } # service", UpdateRefusedError),
    ("LOAD <http://127.0.0.1:1/data.ttl> # service", UpdateRefusedError),
])
def test_check_query_refuses(text, error):
    with pytest.raises(error):
        check_query(text)


@pytest.mark.parametrize("text", [
    "SELECT * WHERE { ?s <http://example.org/service> ?o }",          # the word in an IRI
    'SELECT * WHERE { ?s ?p "SERVICE <http://x/> { }" }',             # in a literal
    "# SERVICE <http://x/> is not called\nSELECT * WHERE { ?s ?p ?o }",  # in a comment
    'SELECT * WHERE { ?s ?p "insert data delete" }',                  # update words in a literal
])
def test_check_query_accepts_mentions_that_are_not_clauses(text):
    assert check_query(text) is None


@pytest.mark.parametrize("text, dataset", [
    ("SELECT * FROM <a:g> WHERE { ?s ?p ?o }", True),
    ("SELECT * FROM NAMED <a:g> WHERE { GRAPH ?g { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?s prov:wasDerivedFrom ?o }", False),
    ("SELECT * WHERE { ?s ?p ?o }", False),
])
def test_dataset_clauses_are_found_in_the_parse_tree(text, dataset):
    assert has_dataset_clause(text) is dataset


def test_syntax_error_gives_the_position():
    with pytest.raises(QuerySyntaxError, match=r"line 2, col"):
        check_query("SELECT * # no service\nWHERE { ?s ?p }")
    assert has_dataset_clause("SELECT * FROM <a:g>\nWHERE { ?s ?p }") is False  # left to Oxigraph's parser


@pytest.mark.parametrize("text, error", [
    ("LOAD <http://127.0.0.1:1/x.ttl>", QueryRefusedError),
    ("INSERT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", QueryRefusedError),
    ("INSERT DATA { <a:b> <a:c> }", QuerySyntaxError),
])
def test_check_update_refuses(text, error):
    with pytest.raises(error):
        check_update(text)


def test_run_query_refuses_service_and_updates(store):
    with pytest.raises(QueryRefusedError):
        run_query(store, "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }")
    with pytest.raises(UpdateRefusedError):
        run_query(store, "CLEAR ALL")
    with pytest.raises(QuerySyntaxError, match="line 1, column"):
        run_query(store, "SELECT * WHERE { ?s ?p }")
    assert issubclass(QuerySyntaxError, QueryError)


def test_a_query_over_its_memory_is_stopped_and_the_next_one_runs(tmp_path):
    from vnfa.ingest.pipeline import ingest
    from vnfa.query.limits import QueryMemoryError
    from vnfa.query.pool import QueryPool
    from vnfa.query.results import QueryRequest, execute
    from vnfa.store.open import opened

    with opened(tmp_path / "store") as dataset:
        ingest([SEED], dataset, progress=False)
        pool = QueryPool(str(tmp_path / "store"), workers=1, timeout=60, memory=300_000_000)
        try:
            with pytest.raises(QueryMemoryError, match="the limit is 300 MB"):
                pool.call(execute, QueryRequest("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1"))
            assert pool.call(execute, QueryRequest("ASK { ?s ?p ?o }")).body == b'{"head":{},"boolean":true}'
        finally:
            pool.close()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> str:
    store = str(tmp_path_factory.mktemp("query") / "store")
    result = CliRunner().invoke(main, ["ingest", "-q", SEED, "--store", store])
    assert result.exit_code == 0, result.output
    return store


def test_query_timeout_stops_a_query_that_would_run_forever(built):
    result = CliRunner().invoke(main, ["query", SLOW, "--timeout", "0.5", "--store", built])
    assert result.exit_code == 1
    assert "query stopped after the 0.5 s time limit" in result.stderr


def test_query_limit_cuts_rows_with_a_notice(built):
    result = CliRunner().invoke(main, ["query", "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", "--limit", "3",
                                       "--format", "csv", "--store", built])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 4  # header + 3 rows
    assert "stopped at the 3-row limit" in result.stderr


def test_query_under_the_limit_has_no_notice(built):
    result = CliRunner().invoke(main, ["query", "SELECT ?s WHERE { ?s a schema:Person } LIMIT 2", "--limit", "3",
                                       "--format", "csv", "--store", built])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 3
    assert "row limit" not in result.stderr


@pytest.mark.parametrize("text, message", [
    ("SELECT * WHERE {\n  ?s ?p\n}", "SPARQL syntax error at line 3, column"),
    ("DELETE WHERE { ?s ?p ?o }", "SPARQL Update is not allowed"),
    ("SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }", "SERVICE (federated query) is refused"),
])
def test_query_errors_are_one_line(built, text, message):
    result = CliRunner().invoke(main, ["query", text, "--store", built])
    assert result.exit_code == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_query_ask_and_construct_through_the_worker(built):
    ask = CliRunner().invoke(main, ["query", "ASK { ?p a schema:Person }", "--store", built])
    assert ask.stdout.strip() == "true"
    graph = CliRunner().invoke(main, ["query", "CONSTRUCT { ?a vnfa:met ?b } WHERE { ?a vnfa:met ?b }",
                                      "--store", built])
    assert graph.exit_code == 0 and "to-lam" in graph.stdout and "vnfa:met" in graph.stdout


def test_the_stats_queries_are_files_in_their_order():
    from vnfa.query.named import STATS_QUERIES, named_queries

    assert list(STATS_QUERIES) == ["articles", "persons", "posts held", "organisations", "events", "meetings",
                                   "visits", "speakers", "partners", "quads"]
    assert "org:Membership" in STATS_QUERIES["posts held"]
    assert not set(STATS_QUERIES.values()) & set(named_queries().values())  # not offered by --name
