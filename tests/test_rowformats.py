"""Rows in, text out: every --format of `vnfa query` from given rows, no store needed."""
from __future__ import annotations

import json

import pytest

from vnfa.query.formats import FORMATTERS, ResultRows, boolean_rows, counts_text, format_rows, terminal_table

ROWS = ResultRows(("name", "n"), (("Hà Nội", "12"), (None, "3"), ('say "hi", then', "1")))

CASES = [
    ("table", ROWS, "name            n \n--------------  --\nHà Nội          12\n                3 \n"
                    'say "hi", then  1 \n(3 rows)'),
    ("csv", ROWS, 'name,n\nHà Nội,12\n,3\n"say ""hi"", then",1'),
    ("tsv", ROWS, 'name\tn\nHà Nội\t12\n\t3\n"say ""hi"", then"\t1'),
    ("json", ROWS, json.dumps([{"name": "Hà Nội", "n": "12"}, {"name": "", "n": "3"},
                               {"name": 'say "hi", then', "n": "1"}], ensure_ascii=False, indent=1)),
    ("table", ResultRows(("x",), ()), "x\n-\n(0 rows)"),
    ("csv", ResultRows(("x", "y"), ()), "x,y"),
    ("json", ResultRows(("x",), ()), "[]"),
    ("table", boolean_rows(True), "true"),
    ("csv", boolean_rows(False), "false"),
    ("json", boolean_rows(True), '{"boolean": true}'),
    ("json", boolean_rows(False), '{"boolean": false}'),
]


@pytest.mark.parametrize(("fmt", "rows", "expected"), CASES)
def test_each_format_writes_the_rows(fmt, rows, expected):
    assert format_rows(rows, fmt) == expected


def test_the_formats_are_the_table_the_command_line_offers():
    from vnfa.cli import main

    option = next(p for p in main.commands["query"].params if p.name == "fmt")
    assert list(option.type.choices) == list(FORMATTERS) == ["table", "csv", "tsv", "json"]


def test_a_graph_is_turtle_with_vnfa_prefixes_whatever_the_format():
    rows = ResultRows(("subject", "predicate", "object"),
                      (("<http://vnfa.example/id/a>", "<https://schema.org/name>", '"Hà Nội"@vi'),), kind="graph")
    for fmt in FORMATTERS:
        text = format_rows(rows, fmt)
        assert "schema:name" in text and '"Hà Nội"@vi' in text and "@prefix schema: <https://schema.org/>" in text


def test_a_terminal_gets_a_boxed_table_and_the_row_count():
    lines = terminal_table(ROWS, width=60).splitlines()
    assert "Hà Nội" in lines[3] and "12" in lines[3]
    assert lines[-1] == "(3 rows)"
    assert terminal_table(ResultRows(("x",), ()), width=60) == "(0 rows)"
    assert terminal_table(boolean_rows(False), width=60) == "false"


def test_counts_are_aligned_in_columns():
    assert counts_text({"posts held": 1234, "quads": 5}) == "posts held        1234\nquads                5"
