"""SPARQL over the store: named queries shipped in data/queries/, and the
output formats a researcher pipes elsewhere."""
from __future__ import annotations

import csv
import io
import json

from rdflib import Dataset

from .errors import QueryError
from .resources import data_path
from .vocab import PREFIXES


def named_queries() -> dict[str, str]:
    """Name -> SPARQL text of every data/queries/*.rq."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(data_path("queries").glob("*.rq"))}


def query_description(text: str) -> str:
    """The first comment line of a query: what it answers."""
    for line in text.splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


def run_query(dataset: Dataset, text: str, bindings: dict | None = None):
    """Run a query string on the store's own engine (never a prepared rdflib query)."""
    from .guard import check_query, syntax_error

    from .remote import with_bindings

    check_query(text)  # parse-level: refuses SERVICE (updates never parse as queries)
    try:  # bound as VALUES in the query, not Oxigraph's substitutions, which FILTERs do not see
        return dataset.query(with_bindings(text, bindings or {}), initNs=PREFIXES)
    except SyntaxError as error:
        raise syntax_error(text, error) from None
    except (ValueError, OSError) as error:
        raise QueryError(f"query failed: {error}") from None


NAMES = "SELECT DISTINCT ?name WHERE { ?x schema:name|rdfs:label ?name }"


def resolve_bindings(dataset: Dataset, params: dict) -> dict:
    """Values to bind: rdflib terms and IRIs as they are; other text names a node, matched the way
    ``vnfa draw --focus`` matches (case, accents and tone placement optional) against the store's names."""
    from rdflib import Literal, URIRef

    out, names = {}, None
    for key, value in params.items():
        if not isinstance(value, str):
            out[key.lstrip("?")] = value
        elif value.startswith(("http://", "https://")):
            out[key.lstrip("?")] = URIRef(value)
        else:
            names = names if names is not None else [row[0] for row in run_query(dataset, NAMES)]
            out[key.lstrip("?")] = matching_name(names, value) or Literal(value, lang="vi")
    return out


def matching_name(names: list, wanted: str):
    """The one name (an rdflib Literal) that ``wanted`` stands for, None if none; several: an error.
    Tried in turn: the exact text, then tone placement and case folded, then diacritics dropped."""
    from .filters import name_keys

    key = name_keys(wanted)
    keyed = [(name, name_keys(str(name))) for name in names]
    tiers = (lambda name, keys: str(name) == wanted, lambda name, keys: keys[0] == key[0],
             lambda name, keys: keys[1] == key[1])
    for fits in tiers:
        found = sorted({str(name): name for name, keys in keyed if fits(name, keys)}.items())
        if len(found) > 1:
            raise QueryError(f"'{wanted}' matches {len(found)} names: {'; '.join(t for t, _ in found[:12])}; "
                             "give the full name")
        if found:
            return found[0][1]
    return None


def _cell(value) -> str:
    return "" if value is None else str(value)


def format_result(result, fmt: str) -> str:
    """A query result as table, csv, tsv or json (SELECT/ASK) or Turtle (CONSTRUCT/DESCRIBE)."""
    if result.type == "ASK":
        return json.dumps({"boolean": bool(result.askAnswer)}) if fmt == "json" else str(bool(result.askAnswer)).lower()
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format="turtle")
    names = [str(v) for v in result.vars]
    rows = [[_cell(row[v]) for v in result.vars] for row in result]
    return FORMATTERS[fmt](names, rows)


def _table(names: list[str], rows: list[list[str]]) -> str:
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(names)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(names, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines)


def _delimited(delimiter: str):
    def write(names: list[str], rows: list[list[str]]) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    return write


def _json(names: list[str], rows: list[list[str]]) -> str:
    return json.dumps([dict(zip(names, r)) for r in rows], ensure_ascii=False, indent=1)


FORMATTERS = {"table": _table, "csv": _delimited(","), "tsv": _delimited("\t"), "json": _json}


STATS_QUERIES = {
    "articles": "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:NewsArticle }",
    "persons": "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a schema:Person }",
    "posts held": "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a org:Membership }",
    "organisations": "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a org:Organization }",
    "events": "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a vnfa:Event }",
    "meetings": "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a vnfa:Encounter }",
    "visits": "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?p ?c WHERE { ?p vnfa:visited ?c } }",
    "speakers": "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?p ?e WHERE { ?p vnfa:spokeAt ?e } }",
    "partners": "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c vnfa:partnerOf ?vn }",
    "quads": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
}


def stats(dataset: Dataset) -> dict[str, int]:
    """Counts by class and relation."""
    return {name: int(list(run_query(dataset, text))[0][0]) for name, text in STATS_QUERIES.items()}
