"""Where a command's output goes: a file (created with its folder) or standard output ('-')."""
from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def open_output(path: str, binary: bool = False) -> IO:
    """PATH opened for writing ('-': stdout), its folder created."""
    if path == "-":
        return sys.stdout.buffer if binary else sys.stdout
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return open(path, "wb" if binary else "w", encoding=None if binary else "utf-8")


def write_text(path: str, text: str) -> None:
    """Write ``text`` to PATH ('-': stdout)."""
    out = open_output(path)
    out.write(text)
    if out is not sys.stdout:
        out.close()


@contextmanager
def written_to(path: str) -> Iterator[IO[bytes]]:
    """A binary stream to PATH ('-': stdout) that replaces the file only once everything is written."""
    if path == "-":
        yield sys.stdout.buffer
        return
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.part")
    try:
        with open(partial, "wb") as out:
            yield out
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
