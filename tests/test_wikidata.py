"""`vnfa wikidata`: Wikidata ids for the gazetteer's leaders, asked of a real SPARQL server (an Oxigraph
server started here, holding a small Wikidata-shaped graph), recorded only when nothing is in doubt."""
from __future__ import annotations

import os

import pytest
import requests
from click.testing import CliRunner
from servers import binary, running

from vnfa.cli import main
from vnfa.ingest.wikidata import (
    AMBIGUOUS,
    CHECK,
    CONFIRMED,
    DIFFERS,
    LINKED,
    NONE,
    Candidate,
    Link,
    decide,
    gazetteer_file,
    link_gazetteer,
    read_rows,
    record,
)

# People and states as Wikidata has them: labels in languages, P31 instance of, P27 citizenship,
# P297 a state's ISO code, P39 position held. Invented people, invented ids.
WIKIDATA = """
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix wdt: <http://www.wikidata.org/prop/direct/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

wd:Q881 wdt:P297 "VN" .  wd:Q884 wdt:P297 "KR" .  wd:Q30 wdt:P297 "US" .  wd:Q145 wdt:P297 "GB" .

wd:Q9001 rdfs:label "Trần Văn An"@vi, "Tran Van An"@en ; wdt:P31 wd:Q5 ; wdt:P27 wd:Q881 ; wdt:P39 wd:Q8001 .
wd:Q9002 rdfs:label "Trần Văn An"@vi ; wdt:P31 wd:Q79007 .
wd:Q9003 rdfs:label "Kim Bo-ra"@en ; wdt:P31 wd:Q5 ; wdt:P27 wd:Q884 ; wdt:P39 wd:Q8002 .
wd:Q9004 rdfs:label "Kim Bo-ra"@en ; wdt:P31 wd:Q5 ; wdt:P27 wd:Q884 .
wd:Q9005 rdfs:label "Nguyễn Văn Cường"@vi ; wdt:P31 wd:Q5 ; wdt:P27 wd:Q881 ; wdt:P39 wd:Q8003 .
wd:Q9006 skos:altLabel "Nguyễn Văn Cường"@vi ; wdt:P31 wd:Q5 ; wdt:P27 wd:Q881 ; wdt:P39 wd:Q8004 .
wd:Q9007 rdfs:label "John Doyle"@en ; wdt:P31 wd:Q5 ; wdt:P27 wd:Q145 .
wd:Q9008 rdfs:label "Francis Eden"@en ; wdt:P31 wd:Q5 ; wdt:P39 wd:Q8005 .
wd:Q9009 rdfs:label "Lê Thị Giang"@vi, "Le Thi Giang"@en ; wdt:P31 wd:Q5 ; wdt:P27 wd:Q881 .
wd:Q9010 rdfs:label "Mary \\"May\\" O'Neil"@en ; wdt:P31 wd:Q5 ; wdt:P27 wd:Q30 .
"""

GAZETTEER = """# Leaders for the test; wikidata only where certain.
name_vi\tname_en\twikidata\tcountry\taliases
Trần Văn An\tTran Van An\t\tVN\t
Kim Bo-ra\tKim Bo-ra\t\tKR\tKim Bora
Nguyễn Văn Cường\tNguyen Van Cuong\t\tVN\t
John Doyle\tJohn Doyle\t\tUS\t
Ai Đó\tNobody Known\t\tUS\t
Phanxicô Eden\tFrancis Eden\t\tVA\t
Lê Thị Giang\tLe Thi Giang\tQ9009\tVN\t
Mary O'Neil\tMary "May" O'Neil\t\tUS\t
"""
EXPECTED = {"Trần Văn An": (LINKED, "Q9001"), "Kim Bo-ra": (LINKED, "Q9003"),
            "Nguyễn Văn Cường": (AMBIGUOUS, ""), "John Doyle": (CHECK, ""), "Ai Đó": (NONE, ""),
            "Phanxicô Eden": (LINKED, "Q9008"), "Mary O'Neil": (LINKED, "Q9010")}


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    """The query URL of an Oxigraph server holding WIKIDATA."""
    if binary("oxigraph") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("oxigraph is not installed; the test extras bring it")
        pytest.skip("oxigraph is not installed (PyPI: oxigraph)")
    with running("oxigraph", tmp_path_factory.mktemp("wikidata")) as server:
        base = server.url.removeprefix("sparql+").removesuffix("/query")
        response = requests.post(f"{base}/store?default", data=WIKIDATA.encode(),
                                 headers={"Content-Type": "text/turtle"}, timeout=30)
        assert response.status_code in (200, 201, 204), response.text
        yield f"{base}/query"


@pytest.fixture
def gazetteer(tmp_path):
    path = tmp_path / "persons.tsv"
    path.write_text(GAZETTEER, encoding="utf-8")
    return path


def test_each_row_without_an_id_gets_what_the_endpoint_says(endpoint, gazetteer):
    links = {link.name: link for link in link_gazetteer(gazetteer, endpoint)}
    assert {name: (link.status, link.qid) for name, link in links.items()} == EXPECTED
    assert links["Nguyễn Văn Cường"].found == ("Q9005", "Q9006")
    assert links["John Doyle"].found == ("Q9007",)
    assert links["Trần Văn An"].found == ("Q9001",)  # the street of that name is not a human


def test_recheck_confirms_the_ids_the_gazetteer_has(endpoint, gazetteer):
    links = {link.name: link for link in link_gazetteer(gazetteer, endpoint, recheck=True)}
    assert (links["Lê Thị Giang"].status, links["Lê Thị Giang"].qid) == (CONFIRMED, "Q9009")
    gazetteer.write_text(GAZETTEER.replace("Q9009", "Q1"), encoding="utf-8")
    links = {link.name: link for link in link_gazetteer(gazetteer, endpoint, recheck=True)}
    assert (links["Lê Thị Giang"].status, links["Lê Thị Giang"].found) == (DIFFERS, ("Q9009",))


def test_the_command_writes_only_the_ids_that_leave_no_doubt(endpoint, gazetteer):
    result = CliRunner().invoke(main, ["wikidata", "--endpoint", endpoint, "--gazetteer", str(gazetteer),
                                       "--write", "-q"])
    assert result.exit_code == 0, result.output
    report = [line.split("\t") for line in result.stdout.splitlines()]
    assert report[0] == ["name_vi", "status", "wikidata", "candidates"]
    assert ["Nguyễn Văn Cường", "ambiguous", "", "Q9005 Q9006"] in report
    ids = {row["name_vi"]: row["wikidata"] for row in read_rows(gazetteer)}
    assert ids == {"Trần Văn An": "Q9001", "Kim Bo-ra": "Q9003", "Nguyễn Văn Cường": "", "John Doyle": "",
                   "Ai Đó": "", "Phanxicô Eden": "Q9008", "Lê Thị Giang": "Q9009", "Mary O'Neil": "Q9010"}
    assert gazetteer.read_text(encoding="utf-8").startswith("# Leaders for the test")
    assert "4 ids written" in result.stderr


def test_without_write_the_gazetteer_is_untouched(endpoint, gazetteer):
    result = CliRunner().invoke(main, ["wikidata", "--endpoint", endpoint, "--gazetteer", str(gazetteer), "-q"])
    assert result.exit_code == 0, result.output
    assert gazetteer.read_text(encoding="utf-8") == GAZETTEER
    assert "--write" in result.stderr


def test_an_unreachable_endpoint_is_one_clear_line_and_nothing_is_written(gazetteer):
    result = CliRunner().invoke(main, ["wikidata", "--endpoint", "http://127.0.0.1:9/sparql",
                                       "--gazetteer", str(gazetteer), "--write", "-q"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "--endpoint" in result.stderr
    assert gazetteer.read_text(encoding="utf-8") == GAZETTEER


def test_a_file_that_is_not_a_persons_gazetteer_is_refused(tmp_path):
    other = tmp_path / "countries.tsv"
    other.write_text("code\tname_vi\nVN\tViệt Nam\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["wikidata", "--gazetteer", str(other), "-q"])
    assert result.exit_code == 1 and "no 'wikidata' column" in result.stderr


def test_record_fills_only_empty_cells_and_keeps_the_rest_of_the_file(gazetteer):
    links = [Link("Trần Văn An", LINKED, "Q9001", ("Q9001",)), Link("Lê Thị Giang", LINKED, "Q5", ("Q5",)),
             Link("John Doyle", CHECK, "", ("Q9007",))]
    assert record(gazetteer, links) == 1
    lines = gazetteer.read_text(encoding="utf-8").splitlines()
    assert lines[2] == "Trần Văn An\tTran Van An\tQ9001\tVN\t"
    assert lines[:2] + lines[3:] == GAZETTEER.splitlines()[:2] + GAZETTEER.splitlines()[3:]


@pytest.mark.parametrize(("country", "candidates", "status"), [
    ("VN", [Candidate("Q1", frozenset({"VN"}), False)], LINKED),
    ("VN", [Candidate("Q1", frozenset({"VN"}), True), Candidate("Q2", frozenset({"VN"}), False)], LINKED),
    ("VN", [Candidate("Q1", frozenset({"VN"}), True), Candidate("Q2", frozenset({"VN"}), True)], AMBIGUOUS),
    ("VN", [Candidate("Q1", frozenset({"FR"}), True)], CHECK),
    ("VN", [Candidate("Q1", frozenset({"FR"}), True), Candidate("Q2", frozenset(), True)], AMBIGUOUS),
    ("UN", [Candidate("Q1", frozenset({"KR"}), True)], LINKED),
    ("UN", [Candidate("Q1", frozenset({"KR"}), False)], CHECK),
    ("UN", [Candidate("Q1", frozenset(), True), Candidate("Q2", frozenset(), True)], AMBIGUOUS),
    ("VN", [], NONE),
])
def test_decide(country, candidates, status):
    assert decide({"name_vi": "X", "country": country, "wikidata": ""}, candidates).status == status


def test_the_bundled_gazetteer_reads_with_its_ids():
    rows = read_rows(gazetteer_file())
    assert len(rows) > 200
    assert {"Tập Cận Bình": "Q15031", "Hồ Chí Minh": "Q36014"}.items() <= {
        row["name_vi"]: row["wikidata"] for row in rows}.items()
