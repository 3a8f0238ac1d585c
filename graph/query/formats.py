"""A query's result as plain rows, and the text formats they are printed in (table, CSV, TSV,
JSON; a rich table on a terminal). Pure: rows in, text out; nothing here runs a query or prints."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass

Cell = str | int | float | bool | None
GRAPH_HEADER = ("subject", "predicate", "object")


@dataclass(frozen=True)
class ResultRows:
    """A query's answer: a SELECT's columns and rows (None: unbound), an ASK's one boolean
    (header ``("boolean",)``), or a CONSTRUCT's triples (GRAPH_HEADER, terms in N-Triples)."""

    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    kind: str = "solutions"  # "solutions", "boolean" or "graph"
    truncated: bool = False  # the row limit cut the result


def boolean_rows(answer: bool) -> ResultRows:
    return ResultRows(("boolean",), ((answer,),), kind="boolean")


def _text(cell: Cell) -> str:
    return "" if cell is None else str(cell)


def _table(header: tuple[str, ...], rows: list[list[str]]) -> str:
    widths = [max([len(n)] + [len(r[i]) for r in rows]) for i, n in enumerate(header)]
    lines = ["  ".join(n.ljust(w) for n, w in zip(header, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines)


def _delimited(delimiter: str) -> Callable[[tuple[str, ...], list[list[str]]], str]:
    def write(header: tuple[str, ...], rows: list[list[str]]) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return buffer.getvalue().rstrip("\n")
    return write


def _json(header: tuple[str, ...], rows: list[list[str]]) -> str:
    return json.dumps([dict(zip(header, r)) for r in rows], ensure_ascii=False, indent=1)


# --format name -> how a SELECT's rows are written (cells as text, unbound as "")
FORMATTERS: dict[str, Callable[[tuple[str, ...], list[list[str]]], str]] = {
    "table": _table, "csv": _delimited(","), "tsv": _delimited("\t"), "json": _json,
}


def turtle(rows: ResultRows) -> str:
    """A CONSTRUCT's triples as Turtle, with vnfa's prefixes."""
    from rdflib import Graph

    from ..model.vocab import PREFIXES

    graph = Graph().parse(data="".join(f"{s} {p} {o} .\n" for s, p, o in rows.rows), format="nt")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph.serialize(format="turtle")


def format_rows(rows: ResultRows, fmt: str) -> str:
    """The result as ``fmt`` (a FORMATTERS key); an ASK's answer as true/false (JSON: {"boolean": ...});
    a CONSTRUCT's triples as Turtle whatever the format.

    >>> print(format_rows(ResultRows(("name", "n"), (("Hà Nội", "2"), (None, "1"))), "csv"))
    name,n
    Hà Nội,2
    ,1
    """
    if rows.kind == "boolean":
        answer = bool(rows.rows[0][0])
        return json.dumps({"boolean": answer}) if fmt == "json" else str(answer).lower()
    if rows.kind == "graph":
        return turtle(rows)
    return FORMATTERS[fmt](rows.header, [[_text(c) for c in row] for row in rows.rows])


def terminal_table(rows: ResultRows, width: int) -> str:
    """The result for a terminal: a SELECT as a rich table and its row count; others as format_rows."""
    if rows.kind != "solutions":
        return format_rows(rows, "table")
    from ..console import rich_table

    if not rows.rows:
        return "(0 rows)"
    table = rich_table(list(rows.header), [[_text(c) for c in row] for row in rows.rows], width=width)
    return f"{table}\n({len(rows.rows)} rows)"


def counts_text(counts: dict[str, int]) -> str:
    """Counts by name, aligned (what ``vnfa stats`` and ``vnfa build`` print).

    >>> print(counts_text({"persons": 12, "events": 3}))
    persons             12
    events               3
    """
    return "\n".join(f"{name:<14}{value:>8}" for name, value in counts.items())


def query_list(queries: dict[str, str], describe: Callable[[str], str]) -> str:
    """The named queries, one a line: name and what it answers."""
    return "\n".join(f"{key:<22} {describe(text)}" for key, text in queries.items())
