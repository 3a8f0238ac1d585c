"""The remote store's parts that need no real server: endpoint parsing,
bindings and prefixes put into query text, and the errors a user sees."""
from __future__ import annotations

import http.server
import threading

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from servers import free_port

from vnfa.cli import main
from vnfa.errors import QueryError, StoreError
from vnfa.store.endpoint import Endpoint, parse_endpoint
from vnfa.store.open import is_remote
from vnfa.store.remote import RemoteStore, with_bindings, with_prefixes


@pytest.mark.parametrize("url, query, update, user, auth", [
    ("sparql+http://127.0.0.1:7878/query", "http://127.0.0.1:7878/query", "http://127.0.0.1:7878/update", None, "basic"),
    ("sparql+http://dba:d%40ba@127.0.0.1:8890/sparql-auth?auth=digest", "http://127.0.0.1:8890/sparql-auth",
     "http://127.0.0.1:8890/sparql-auth", "dba", "digest"),
    ("sparql+https://example.org/ds", "https://example.org/ds", "https://example.org/ds", None, "basic"),
])
def test_endpoint_from_url(url, query, update, user, auth):
    endpoint = parse_endpoint(url)
    assert (endpoint.query, endpoint.update, endpoint.user, endpoint.auth) == (query, update, user, auth)
    if user:
        assert endpoint.password == "d@ba"


def test_endpoint_file_reads_the_password_from_the_environment(tmp_path, monkeypatch):
    path = tmp_path / "server.toml"
    path.write_text('[endpoint]\nquery = "http://127.0.0.1:8890/sparql"\nupdate = "http://127.0.0.1:8890/sparql-auth"\n'
                    'user = "dba"\npassword_env = "VNFA_TEST_PASSWORD"\nauth = "digest"\n', encoding="utf-8")
    monkeypatch.setenv("VNFA_TEST_PASSWORD", "secret")
    assert is_remote(path)
    assert parse_endpoint(str(path)) == Endpoint("http://127.0.0.1:8890/sparql", "http://127.0.0.1:8890/sparql-auth",
                                                 "dba", "secret", "digest")
    monkeypatch.delenv("VNFA_TEST_PASSWORD")
    with pytest.raises(StoreError, match=r"password_env names \$VNFA_TEST_PASSWORD, which is not set"):
        parse_endpoint(str(path))


@pytest.mark.parametrize("text, message", [
    ("[server]\nurl = 1\n", r"needs an \[endpoint\] table"),
    ("[endpoint\n", "not TOML"),
    ('[endpoint]\nquery = "http://h/q"\nauth = "ntlm"\n', "auth 'ntlm' unknown; choose one of basic, digest"),
])
def test_bad_endpoint_files(tmp_path, text, message):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(StoreError, match=message):
        parse_endpoint(str(path))


def test_bindings_go_into_the_where_group():
    text = "SELECT ?g ?id WHERE { GRAPH ?g { ?g <urn:id> ?id } } ORDER BY ?id"
    bound = with_bindings(text, {"g": URIRef("urn:a"), "name": Literal("Tô Lâm", lang="vi")})
    assert bound == ('SELECT ?g ?id WHERE { VALUES (?g ?name) { (<urn:a> "Tô Lâm"@vi) } '
                     "GRAPH ?g { ?g <urn:id> ?id } } ORDER BY ?id")
    assert with_bindings("ASK { ?s ?p ?o }", {"s": URIRef("urn:s")}) == "ASK { VALUES (?s) { (<urn:s>) } ?s ?p ?o }"


def test_prefixes_are_added_only_when_used_and_undeclared():
    namespaces = {"schema": "https://schema.org/", "org": "http://www.w3.org/ns/org#", "ex": "urn:ex:"}
    text = 'PREFIX org: <http://www.w3.org/ns/org#>\nSELECT * WHERE { ?s schema:name "a:b" ; org:holds <http://x/y> }'
    assert with_prefixes(text, namespaces) == "PREFIX schema: <https://schema.org/>\n" + text


def test_unreachable_server_is_one_clear_line():
    url = f"sparql+http://127.0.0.1:{free_port()}/query"
    result = CliRunner().invoke(main, ["stats", "--store", url])
    assert result.exit_code == 1
    assert f"cannot reach the SPARQL server at http://127.0.0.1:{url.rsplit(':', 1)[1]}" in result.stderr
    assert "start it, or check --store" in result.stderr


class _Cut(http.server.BaseHTTPRequestHandler):
    """A server that answers like Virtuoso cutting a result at its ResultSetMaxRows."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers["Content-Length"]))
        body = b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("X-SPARQL-MaxRows", "10000")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def test_a_cut_result_is_an_error_not_a_short_answer():
    server = http.server.HTTPServer(("127.0.0.1", 0), _Cut)
    threading.Thread(target=server.handle_request, daemon=True).start()
    store = RemoteStore(parse_endpoint(f"sparql+http://127.0.0.1:{server.server_port}/sparql"))
    with pytest.raises(QueryError, match="cut the result at 10000 rows; add LIMIT and OFFSET, or raise ResultSetMaxRows"):
        store.select("SELECT ?s WHERE { ?s ?p ?o }")
    server.server_close()
