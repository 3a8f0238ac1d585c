"""vnfa serve: the real server (uvicorn on a loopback port) over a store built from the seed article."""
from __future__ import annotations

import http.server
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from vnfa.ingest.pipeline import ingest
from vnfa.query.limits import Limits
from vnfa.query.named import named_queries
from vnfa.resources import data_path
from vnfa.serve.app import ServeSettings, serving
from vnfa.store.open import opened

PERSONS = "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name"
MET = "CONSTRUCT { ?a vnfa:met ?b } WHERE { ?a vnfa:met ?b }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ARTICLE = "https://w3id.org/vnfa/id/article/seed"
ENTITIES = "https://w3id.org/vnfa/id/graph/entities"  # every entity described once
TO_LAM = "https://w3id.org/vnfa/id/person/to-lam"


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("serve") / "store"
    with opened(folder) as dataset:
        assert ingest([data_path("articles", "seed.txt")], dataset, progress=False).ingested == ["seed"]
    return folder


@contextmanager
def server_on_copy(seed_store: Path, tmp_path_factory, **options):
    """A server over its own copy of the seed store (one process may hold a store)."""
    copy = tmp_path_factory.mktemp("copy") / "store"
    shutil.copytree(seed_store, copy)
    with serving(ServeSettings(store=str(copy), **options)) as url:
        yield url


@pytest.fixture(scope="module")
def url(seed_store, tmp_path_factory):
    with server_on_copy(seed_store, tmp_path_factory) as base:
        yield base


@pytest.fixture(scope="module")
def tight(seed_store, tmp_path_factory):
    """Tiny limits: 1 s per query, 5 rows, 2000-byte bodies."""
    with server_on_copy(seed_store, tmp_path_factory, limits=Limits(timeout=1, rows=5, body=2000)) as base:
        yield base


def get(url: str, query: str, accept: str | None = None, **params) -> httpx.Response:
    headers = {"Accept": accept} if accept else {}
    return httpx.get(f"{url}/sparql", params={"query": query, **params}, headers=headers, timeout=30)


def names(body: bytes, fmt) -> list[str]:
    return [s["name"].value for s in ox.parse_query_results(body, format=fmt)]


EXPECTED_PERSONS = ["António Guterres", "Hồ Chí Minh", "Lê Thị Thu Hằng", "Nguyễn Phương Nga", "Nguyễn Văn Hay",
                    "Tô Lâm"]


@pytest.mark.parametrize("accept, fmt", [
    ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
])
def test_select_in_every_results_type(url, accept, fmt):
    response = get(url, PERSONS, accept)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == accept
    assert names(response.content, fmt) == EXPECTED_PERSONS
    assert response.headers["vnfa-rows"] == "6"


def test_select_as_csv(url):
    response = get(url, PERSONS, "text/csv")
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.text.splitlines() == ["name", *EXPECTED_PERSONS]


def test_default_is_json_and_q_values_count(url):
    assert get(url, PERSONS).headers["content-type"] == "application/sparql-results+json"
    preferred = get(url, PERSONS, "application/sparql-results+xml;q=0.5, text/csv;q=0.9")
    assert preferred.headers["content-type"].startswith("text/csv")


@pytest.mark.parametrize("accept, expected", [
    ("application/sparql-results+json", '{"head":{},"boolean":true}'),
    ("application/sparql-results+xml", "<boolean>true</boolean>"),
    ("text/csv", "true"),
    ("text/tab-separated-values", "true"),
])
def test_ask_in_every_results_type(url, accept, expected):
    response = get(url, f"ASK {{ <{TO_LAM}> a schema:Person }}", accept)
    assert response.status_code == 200 and expected in response.text


@pytest.mark.parametrize("accept, rdflib_format", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml"), ("application/n-quads", "nquads"), ("application/trig", "trig"),
])
def test_construct_in_every_rdf_type(url, accept, rdflib_format):
    response = get(url, MET, accept)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == accept
    graph = Graph().parse(data=response.content, format=rdflib_format)
    met = {(str(s), str(o)) for s, o in graph.subject_objects(URIRef("https://w3id.org/vnfa/ontology#met"))}
    assert (TO_LAM, "https://w3id.org/vnfa/id/group/doan-dai-bieu-dang-nhan-dan-cach-mang-lao") in met
    assert len(graph) == int(response.headers["vnfa-rows"]) == 2


def test_describe_gives_turtle(url):
    response = get(url, f"DESCRIBE <{TO_LAM}>")
    graph = Graph().parse(data=response.content, format="turtle")
    assert response.headers["content-type"] == "text/turtle; charset=utf-8"
    assert Literal("Tô Lâm", lang="vi") in set(graph.objects(URIRef(TO_LAM)))


def test_get_and_both_post_forms_agree(url):
    by_get = get(url, PERSONS).json()
    by_form = httpx.post(f"{url}/sparql", data={"query": PERSONS}).json()
    by_body = httpx.post(f"{url}/sparql", content=PERSONS.encode(),
                         headers={"Content-Type": "application/sparql-query; charset=utf-8"}).json()
    assert by_get == by_form == by_body
    assert [b["name"]["value"] for b in by_get["results"]["bindings"]] == EXPECTED_PERSONS


def test_format_parameter_overrides_accept(url):
    response = get(url, PERSONS, "application/sparql-results+json", format="csv")
    assert response.text.splitlines()[1] == "António Guterres"


def test_default_and_named_graph_uri(url):
    count = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:Person }"
    assert get(url, count).json()["results"]["bindings"][0]["n"]["value"] == "6"
    only_entities = get(url, count, **{"default-graph-uri": ENTITIES}).json()
    assert only_entities["results"]["bindings"][0]["n"]["value"] == "6"
    only_article = get(url, count, **{"default-graph-uri": ARTICLE}).json()  # the article says who, not what
    assert only_article["results"]["bindings"][0]["n"]["value"] == "0"
    graphs = get(url, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", **{"named-graph-uri": ARTICLE}).json()
    assert [b["g"]["value"] for b in graphs["results"]["bindings"]] == [ARTICLE]


def test_from_in_the_query_is_honoured(url):
    query = f"SELECT (COUNT(DISTINCT ?p) AS ?n) FROM <{ARTICLE}> WHERE {{ ?p a schema:Person }}"
    assert get(url, query).json()["results"]["bindings"][0]["n"]["value"] == "0"


def test_malformed_query_gets_400_with_position(url):
    response = get(url, "SELECT * WHERE { ?s ?p }")
    assert response.status_code == 400
    assert response.text.startswith("SPARQL syntax error at line 1, column")


@pytest.mark.parametrize("send", [
    lambda url: httpx.post(f"{url}/sparql", data={"update": "INSERT DATA { <a:b> <a:c> <a:d> }"}),
    lambda url: httpx.post(f"{url}/sparql", content=b"DROP ALL", headers={"Content-Type": "application/sparql-update"}),
    lambda url: get(url, "INSERT DATA { <a:b> <a:c> <a:d> }"),
    lambda url: get(url, "LOAD <http://127.0.0.1:9/data.ttl>"),
])
def test_update_is_refused_with_403(url, send):
    response = send(url)
    assert response.status_code == 403
    assert "read-only" in response.text
    assert get(url, "ASK { <a:b> ?p ?o }").json()["boolean"] is False


@pytest.fixture
def listener():
    """A loopback HTTP server that records every request it gets (it must get none)."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b'{"head":{"vars":["x"]},"results":{"bindings":[]}}')

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/", hits
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
    "select * where {{ service silent <{target}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ \\u0053ERVICE <{target}> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ BIND(<{target}> AS ?x) SERVICE ?x {{ ?s ?p ?o }} }}",
])
def test_service_is_refused_and_nothing_is_fetched(url, listener, template):
    target, hits = listener
    response = get(url, template.format(target=target))
    assert response.status_code == 403
    assert "SERVICE (federated query) is refused" in response.text
    assert hits == []


def test_timeout_stops_a_slow_query_and_others_still_run(tight):
    slow: dict = {}
    thread = threading.Thread(target=lambda: slow.update(response=get(tight, SLOW)))
    thread.start()
    time.sleep(0.3)
    fast = get(tight, f"ASK {{ <{TO_LAM}> ?p ?o }}")
    thread.join(timeout=20)
    assert fast.status_code == 200 and fast.json()["boolean"] is True
    assert slow["response"].status_code == 503
    assert "query stopped after the 1 s time limit" in slow["response"].text
    assert get(tight, f"ASK {{ <{TO_LAM}> ?p ?o }}").status_code == 200  # the worker was replaced


def test_row_limit_cuts_with_a_notice(tight):
    cut = get(tight, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert len(cut.json()["results"]["bindings"]) == 5
    assert (cut.headers["vnfa-truncated"], cut.headers["vnfa-row-limit"]) == ("true", "5")
    whole = get(tight, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
    assert len(whole.json()["results"]["bindings"]) == 3 and "vnfa-truncated" not in whole.headers
    graph = get(tight, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert len(graph.text.splitlines()) == 5 and graph.headers["vnfa-truncated"] == "true"


def test_body_over_the_limit_is_refused(tight):
    padding = "#" + "x" * 3000 + "\n"
    declared = httpx.post(f"{tight}/sparql", data={"query": padding + PERSONS})
    assert declared.status_code == 413 and "2000-byte limit" in declared.text
    chunked = httpx.post(f"{tight}/sparql", content=iter([padding.encode(), PERSONS.encode()]),
                         headers={"Content-Type": "application/sparql-query"})
    assert chunked.status_code == 413
    assert httpx.post(f"{tight}/sparql", data={"query": PERSONS}).status_code == 200
    long_url = get(tight, padding + PERSONS)
    assert long_url.status_code == 414 and "2000-byte limit" in long_url.text


@pytest.mark.parametrize("send, status", [
    (lambda url: httpx.put(f"{url}/sparql", content=PERSONS), 405),
    (lambda url: httpx.delete(f"{url}/sparql"), 405),
    (lambda url: httpx.options(f"{url}/sparql"), 405),
    (lambda url: get(url, PERSONS, "image/png"), 406),
    (lambda url: get(url, MET, "text/csv"), 406),
    (lambda url: get(url, PERSONS, "text/turtle"), 406),
    (lambda url: httpx.post(f"{url}/sparql", content=PERSONS, headers={"Content-Type": "text/plain"}), 415),
    (lambda url: httpx.post(f"{url}/sparql", json={"query": PERSONS}), 415),
    (lambda url: httpx.get(f"{url}/sparql"), 400),
    (lambda url: httpx.get(f"{url}/sparql", params=[("query", PERSONS), ("query", MET)]), 400),
    (lambda url: httpx.get(f"{url}/sparql", params=[("query", PERSONS), ("query", PERSONS)]), 200),
    (lambda url: get(url, PERSONS, format=["json", "xml"]), 400),
    (lambda url: get(url, MET, format=["json-ld", "application/ld+json,application/x-json+ld"]), 200),
    (lambda url: get(url, PERSONS, format="png"), 400),
    (lambda url: get(url, PERSONS, format="turtle"), 406),
    (lambda url: get(url, PERSONS, **{"default-graph-uri": "not an iri"}), 400),
])
def test_protocol_statuses(url, send, status):
    response = send(url)
    assert response.status_code == status, response.text
    assert response.text.strip()


def test_cors_is_off_by_default(url):
    response = httpx.get(f"{url}/sparql", params={"query": PERSONS}, headers={"Origin": "https://example.org"})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers


def test_cors_on_for_one_origin(seed_store, tmp_path_factory):
    with server_on_copy(seed_store, tmp_path_factory, cors="https://example.org") as base:
        allowed = httpx.get(f"{base}/sparql", params={"query": PERSONS}, headers={"Origin": "https://example.org"})
        other = httpx.get(f"{base}/sparql", params={"query": PERSONS}, headers={"Origin": "https://evil.example"})
        preflight = httpx.options(f"{base}/sparql", headers={
            "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type"})
    assert allowed.headers["access-control-allow-origin"] == "https://example.org"
    assert "vnfa-truncated" in allowed.headers["access-control-expose-headers"].lower()
    assert "access-control-allow-origin" not in other.headers
    assert preflight.status_code == 200 and "POST" in preflight.headers["access-control-allow-methods"]


def test_rdflib_sparqlstore_can_query_it(url):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(query_endpoint=f"{url}/sparql"))
    rows = graph.query("PREFIX schema: <https://schema.org/> "
                       "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name")
    assert [str(r.name) for r in rows] == EXPECTED_PERSONS
    assert graph.query(f"ASK {{ <{TO_LAM}> ?p ?o }}").askAnswer is True
    met = graph.query("PREFIX vnfa: <https://w3id.org/vnfa/ontology#> " + MET).graph
    assert len(met) == 2


def test_sparqlwrapper_can_query_it(url):
    from SPARQLWrapper import GET, JSON, JSONLD, POST, RDFXML, TURTLE, XML, SPARQLWrapper

    client = SPARQLWrapper(f"{url}/sparql")  # sends format=, output=, results= besides Accept
    client.setQuery(PERSONS)
    client.setReturnFormat(JSON)
    assert [r["name"]["value"] for r in client.queryAndConvert()["results"]["bindings"]] == EXPECTED_PERSONS
    client.setMethod(POST)
    client.setReturnFormat(XML)
    assert len(client.queryAndConvert().getElementsByTagName("result")) == 6
    client.setQuery(MET)
    assert len(client.queryAndConvert()) == 2  # RDF/XML for a CONSTRUCT, as an rdflib Graph
    client.setReturnFormat(TURTLE)
    assert len(Graph().parse(data=client.queryAndConvert(), format="turtle")) == 2
    client.setReturnFormat(JSONLD)  # sends format=json-ld and format=application/ld+json,application/x-json+ld
    assert len(client.queryAndConvert()) == 2
    client.setMethod(GET)
    client.setReturnFormat(RDFXML)  # sends format=rdf+xml and format=application/rdf+xml
    assert len(client.queryAndConvert()) == 2


@pytest.mark.parametrize("query, accept, listed", [
    (PERSONS, "image/png", ["application/sparql-results+json", "text/csv", "text/turtle", "application/n-quads"]),
    (MET, "text/csv", ["text/turtle", "application/n-triples", "application/ld+json", "application/n-quads",
                       "application/trig"]),
    (PERSONS, "text/turtle", ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]),
])
def test_not_acceptable_lists_the_types_that_would_do(url, query, accept, listed):
    response = get(url, query, accept)
    assert response.status_code == 406
    assert all(media in response.text for media in listed), response.text


@pytest.mark.parametrize("fmt, media", [("nquads", "application/n-quads"), ("trig", "application/trig"),
                                        ("application/n-quads", "application/n-quads")])
def test_construct_as_quads_by_format(url, fmt, media):
    response = get(url, MET, format=fmt)
    assert response.headers["content-type"].split(";")[0] == media
    assert len(Graph().parse(data=response.content, format="trig" if fmt == "trig" else "nquads")) == 2


def test_updates_with_allow_update_need_the_token(seed_store, tmp_path_factory):
    update = f'INSERT DATA {{ GRAPH <urn:x:g> {{ <{TO_LAM}> <urn:x:p> "mới" }} }}'
    with server_on_copy(seed_store, tmp_path_factory, allow_update=True, token="s3cret") as base:
        no_token = httpx.post(f"{base}/sparql", data={"update": update})
        wrong = httpx.post(f"{base}/sparql", data={"update": update}, headers={"Authorization": "Bearer nope"})
        load = httpx.post(f"{base}/sparql", data={"update": "LOAD <http://127.0.0.1:9/x.ttl>"},
                          headers={"Authorization": "Bearer s3cret"})
        before = get(base, f"ASK {{ <{TO_LAM}> <urn:x:p> ?o }}").json()["boolean"]
        done = httpx.post(f"{base}/sparql", content=update.encode(), timeout=30, headers={
            "Authorization": "Bearer s3cret", "Content-Type": "application/sparql-update"})
        after = get(base, f"ASK {{ <{TO_LAM}> <urn:x:p> \"mới\" }}").json()["boolean"]
    assert (no_token.status_code, wrong.status_code, load.status_code) == (401, 401, 403)
    assert no_token.headers["www-authenticate"] == "Bearer"
    assert (before, done.status_code, after) == (False, 204, True)


def test_page_assets_and_examples(url):
    page = httpx.get(f"{url}/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Truy vấn" in page.text and "/static/app.js" in page.text
    assert "http://" not in page.text.replace("http://www.w3.org", "")  # no CDN: every asset is local
    script = httpx.get(f"{url}/static/app.js")
    assert script.status_code == 200 and "fetch(" in script.text
    examples = httpx.get(f"{url}/api/queries").json()
    assert [e["name"] for e in examples] == list(named_queries())
    assert examples[0]["query"] == named_queries()[examples[0]["name"]]


def test_network_view_is_svg_with_labels(url):
    response = httpx.post(f"{url}/api/draw", data={"query": named_queries()["meetings-of"]}, timeout=60)
    assert response.status_code == 200 and response.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in response.text and "Tô Lâm" in response.text and "2 nút, 1 cạnh" in response.text
    english = httpx.post(f"{url}/api/draw", data={"query": named_queries()["meetings-of"], "lang": "en"}, timeout=60)
    assert "2 nodes, 1 edges" in english.text and "Relations" in english.text
    one_column = httpx.get(f"{url}/api/draw", params={"query": PERSONS})
    assert one_column.status_code == 400 and "first two columns" in one_column.text
    french = httpx.get(f"{url}/api/draw", params={"query": PERSONS, "lang": "fr"})
    assert french.status_code == 400 and french.text == "unknown lang 'fr'; use one of vi, en\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_command_serves_and_releases_the_store(seed_store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(seed_store, copy)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "vnfa", "serve", "-q", "--port", str(port), "--store", str(copy),
                                "--workers", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               cwd=Path(__file__).parent.parent)
    try:
        response = None
        for _ in range(200):
            try:
                response = get(f"http://127.0.0.1:{port}", PERSONS)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert response is not None and names(response.content, ox.QueryResultsFormat.JSON) == EXPECTED_PERSONS
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            errors = process.communicate(timeout=30)[1]
        except subprocess.TimeoutExpired:
            process.kill()
            errors = process.communicate()[1]
    assert process.returncode == 0 and errors == ""
    with opened(copy, create=False):  # the lock was released
        pass


def test_serve_command_errors(tmp_path):
    from click.testing import CliRunner

    from vnfa.cli import main

    runner = CliRunner()
    missing = runner.invoke(main, ["serve", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "no store at" in missing.stderr
    no_token = runner.invoke(main, ["serve", "--allow-update", "--store", str(tmp_path)])
    assert no_token.exit_code == 2 and "--allow-update needs --token" in no_token.stderr


def test_serve_help_says_what_store_takes_and_a_server_is_refused(tmp_path):
    from click.testing import CliRunner

    from vnfa.cli import main

    runner = CliRunner()
    assert "a folder, not a SPARQL server" in " ".join(runner.invoke(main, ["serve", "--help"]).output.split())
    remote = runner.invoke(main, ["serve", "--store", "sparql+http://127.0.0.1:9/query"])
    assert remote.exit_code == 1 and "needs a store folder" in remote.stderr
