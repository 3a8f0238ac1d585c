"""Tables on a terminal: drawn with rich (lines, bold header, wrapped cells) when the output is a
terminal, as plain aligned text otherwise, so that pipes and files get what they always got."""
from __future__ import annotations

import io
import sys
from typing import IO


def is_terminal(stream: IO | None = None) -> bool:
    stream = stream if stream is not None else sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def rich_table(columns: list[str], rows: list[list[str]], *, title: str | None = None, width: int = 120) -> str:
    """The rows as a rich table, rendered to text (with the terminal's colours and box lines).

    >>> print(rich_table(["kind", "n"], [["persons", "12"]], width=40).splitlines()[3])
    │ persons │ 12 │
    """
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    for index, column in enumerate(columns):
        numbers = rows and all(row[index].replace(",", "").replace(".", "").isdigit() for row in rows)
        table.add_column(column, justify="right" if numbers else "left")
    for row in rows:
        table.add_row(*row)
    buffer = io.StringIO()
    Console(file=buffer, width=width, force_terminal=False, color_system=None).print(table)
    return buffer.getvalue().rstrip("\n")


def show_table(columns: list[str], rows: list[list[str]], plain: str, *, stream: IO | None = None) -> str:
    """What to print: the rich table on a terminal, else ``plain`` (the text output as it always was)."""
    if not is_terminal(stream):
        return plain
    import shutil

    return rich_table(columns, rows, width=shutil.get_terminal_size().columns)
