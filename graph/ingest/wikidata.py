"""Wikidata ids for the leaders of the gazetteer, found by asking a Wikidata SPARQL endpoint.

An id is recorded only when the endpoint leaves no doubt: exactly one human with that name (English
or Vietnamese label, or alias) whose citizenship is the gazetteer's country, or, where several are,
exactly one of them who held a position. Every other row is reported with what was found, for a
person to decide. The query is plain SPARQL 1.1 (no Wikidata label service), so any copy of
Wikidata's truthy statements answers it as well as https://query.wikidata.org/sparql does.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from ..errors import GraphError
from ..export.output import written_to
from ..resources import data_path, read_tsv

WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
USER_AGENT = f"vnfa/{version('vnfa')} (https://w3id.org/vnfa; gazetteer linking)"
BATCH = 20  # gazetteer rows a query: small enough for the public endpoint's 60 s limit
BODIES = {"UN", "EU", "VA"}  # gazetteer 'countries' that are bodies: no citizenship to check
LINKED, CHECK, AMBIGUOUS, NONE, CONFIRMED, DIFFERS = "linked", "check", "ambiguous", "none", "confirmed", "differs"

QUERY = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?row ?item ?code ?held WHERE {
  VALUES (?row ?name) { %s }
  ?item rdfs:label|skos:altLabel ?name ; wdt:P31 wd:Q5 .
  OPTIONAL { ?item wdt:P27 ?state . ?state wdt:P297 ?code }
  OPTIONAL { ?item wdt:P39 ?held }
}"""


@dataclass(frozen=True)
class Candidate:
    qid: str
    codes: frozenset[str]  # ISO codes of the states of citizenship
    held_post: bool


@dataclass(frozen=True)
class Link:
    name: str
    status: str  # linked, check, ambiguous, none; for rows with an id: confirmed, differs
    qid: str  # the id to record (linked) or the gazetteer's own
    found: tuple[str, ...]  # the candidates' ids

    def row(self) -> list[str]:
        return [self.name, self.status, self.qid, " ".join(self.found)]


def gazetteer_file() -> Path:
    return data_path("gazetteers", "persons.tsv")


def read_rows(path: Path) -> list[dict[str, str]]:
    rows = read_tsv(path)
    if rows and "wikidata" not in rows[0]:
        raise GraphError(f"{path} is not a persons gazetteer (no 'wikidata' column in its header); "
                         "give --gazetteer a file shaped like data/gazetteers/persons.tsv")
    return rows


def _literal(text: str, language: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{language}'


def names(row: dict[str, str]) -> set[str]:
    """The row's names as Wikidata labels: English and Vietnamese forms, in both languages."""
    forms = {row.get("name_en", ""), row.get("name_vi", "")} - {""}
    return {_literal(form, language) for form in forms for language in ("en", "vi")}


def query_text(rows: list[tuple[int, dict[str, str]]]) -> str:
    values = " ".join(f"({index} {name})" for index, row in rows for name in sorted(names(row)))
    return QUERY % values


def ask(endpoint: str, rows: list[dict[str, str]], progress: bool = False) -> dict[int, list[Candidate]]:
    """The candidates of each row (by index), from the endpoint, BATCH rows a query."""
    from tqdm import tqdm

    from ..store.endpoint import Endpoint
    from ..store.remote import RemoteStore

    store = RemoteStore(Endpoint(query=endpoint, update=endpoint))
    store.session.headers["User-Agent"] = USER_AGENT
    codes: dict[tuple[int, str], set[str]] = defaultdict(set)  # (row, item) -> citizenships
    held: dict[tuple[int, str], bool] = defaultdict(bool)  # (row, item) -> held a position
    indexed = list(enumerate(rows))
    batches = [indexed[start:start + BATCH] for start in range(0, len(indexed), BATCH)]
    for batch in tqdm(batches, desc="wikidata", unit=" queries", disable=not progress, leave=False):
        try:
            solutions = store.select(query_text(batch))
        except GraphError as error:
            reason = str(error).split("; ")[0]
            raise GraphError(f"{reason}; nothing was written: run where {endpoint} is reachable, or give "
                             "--endpoint a SPARQL endpoint that holds Wikidata's statements") from None
        for solution in solutions:
            key = (int(solution["row"].value), _qid(solution["item"].value))
            if solution["code"] is not None:
                codes[key].add(solution["code"].value.upper())
            held[key] |= solution["held"] is not None
    found: dict[int, list[Candidate]] = defaultdict(list)
    for index, qid in sorted(held):
        found[index].append(Candidate(qid, frozenset(codes[index, qid]), held[index, qid]))
    return found


def _qid(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def decide(row: dict[str, str], candidates: list[Candidate]) -> Link:
    """What the candidates say about the row: an id to record only when they leave no doubt."""
    name, own = row["name_vi"], row.get("wikidata", "")
    found = tuple(candidate.qid for candidate in candidates)
    if own:
        return Link(name, CONFIRMED if own in found else DIFFERS, own, found)
    country = row.get("country", "").upper()
    agreeing = [c for c in candidates if country in BODIES or country in c.codes]
    serving = [c for c in agreeing if c.held_post]
    for pool in (agreeing, serving):
        if len(pool) == 1 and (country not in BODIES or pool[0].held_post):
            return Link(name, LINKED, pool[0].qid, found)
    if not candidates:
        return Link(name, NONE, "", found)
    if len(candidates) == 1:
        return Link(name, CHECK, "", found)  # one person by that name: another citizenship, or no post
    return Link(name, AMBIGUOUS, "", found)


def link_gazetteer(path: Path, endpoint: str = WIKIDATA_SPARQL, recheck: bool = False,
                   progress: bool = False) -> list[Link]:
    """A Link for each row without an id (and, with ``recheck``, each row with one)."""
    rows = [row for row in read_rows(path) if recheck or not row.get("wikidata")]
    candidates = ask(endpoint, rows, progress=progress)
    return [decide(row, candidates.get(index, [])) for index, row in enumerate(rows)]


def record(path: Path, links: Iterable[Link]) -> int:
    """Write the linked ids into the gazetteer's empty cells (comments and order kept; the file replaced
    whole, never half-written)."""
    ids = {link.name: link.qid for link in links if link.status == LINKED}
    if not ids:
        return 0
    lines = path.read_text(encoding="utf-8").split("\n")
    data = [number for number, line in enumerate(lines) if line and not line.startswith("#")]
    header = lines[data[0]].split("\t")
    name, column = header.index("name_vi"), header.index("wikidata")
    written = 0
    for number in data[1:]:
        cells = lines[number].split("\t")
        cells += [""] * (len(header) - len(cells))
        if cells[name].strip() in ids and not cells[column].strip():
            cells[column] = ids[cells[name].strip()]
            lines[number] = "\t".join(cells)
            written += 1
    with written_to(str(path)) as out:
        out.write("\n".join(lines).encode("utf-8"))
    return written


def summary(links: list[Link]) -> str:
    """How many rows got each status, e.g. 'ambiguous 3, linked 40, none 2'."""
    counts = Counter(link.status for link in links)
    return ", ".join(f"{status} {count}" for status, count in sorted(counts.items())) or "no rows to link"
