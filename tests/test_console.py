"""Tables: rich on a terminal (a real pseudo-terminal here), plain text in pipes and files."""
from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

import vnfa
from vnfa.console import rich_table

TEXT = "Ngày 14/6/2024, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản Ito Naoki tại Hà Nội.\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("console") / "store"
    with vnfa.open_store(path, read_only=False) as store:
        store.add_text(TEXT, doc="demo")
    return str(path)


def on_terminal(*args: str) -> str:
    """What the command prints when its standard output is a terminal."""
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "dumb"}
    done = subprocess.run([sys.executable, "-m", "vnfa", *args], stdout=follower, stderr=subprocess.PIPE,
                          env=env, timeout=120)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert done.returncode == 0, done.stderr
    return b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def in_pipe(*args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "vnfa", *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_rich_table_has_a_header_row_and_the_cells():
    lines = rich_table(["kind", "n"], [["persons", "12"], ["events", "3"]], width=40).splitlines()
    assert lines[1] == "┃ kind    ┃  n ┃"
    assert lines[3:5] == ["│ persons │ 12 │", "│ events  │  3 │"]  # numbers to the right


def test_stats_draws_a_table_on_a_terminal_and_plain_lines_in_a_pipe(folder):
    table = on_terminal("stats", "--store", folder)
    assert "┃" in table and "│ persons       │     2 │" in table
    assert in_pipe("stats", "--store", folder).splitlines()[1] == "persons              2"


def test_query_table_on_a_terminal_and_plain_in_a_pipe(folder):
    query = ("query", "--name", "meetings-of", "--param", "person=pham minh chinh", "--store", folder)
    table = on_terminal(*query)
    assert "│ Phạm Minh Chính │ Ito Naoki │ reception │ 2024-06-14 │ demo    │" in table
    assert table.rstrip().endswith("(1 rows)")
    plain = in_pipe(*query).splitlines()
    assert plain[0].split() == ["person", "met", "type", "date", "article"] and "┃" not in "".join(plain)
