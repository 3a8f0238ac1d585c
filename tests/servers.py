"""Local SPARQL servers for tests and benchmarks: an Oxigraph server or a
Virtuoso, each in its own folder, listening on 127.0.0.1 on a free port,
stopped by the process id it was started with.

    with running("oxigraph", tmp_path) as server:
        vnfa ingest ... --store server.url
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from vnfa.errors import StoreError

VIRTUOSO_INI = """[Database]
DatabaseFile = {folder}/virtuoso.db
ErrorLogFile = {folder}/virtuoso.log
LockFile = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = .
NumberOfBuffers = {buffers}
MaxDirtyBuffers = {dirty}
[HTTPServer]
ServerPort = 127.0.0.1:{port}
ServerRoot = {folder}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 10000000
MaxSortedTopRows = 10000000
MaxQueryExecutionTime = 600
"""


@dataclass
class Server:
    name: str
    url: str  # what --store takes
    folder: Path
    process: subprocess.Popen

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def binary(name: str) -> str | None:
    """The server's program: on PATH, or beside this Python (a virtual environment's bin/)."""
    beside = Path(sys.executable).parent / name
    return shutil.which(name) or (str(beside) if beside.exists() else None)


def start_oxigraph(folder: Path) -> Server:
    port = free_port()
    command = [binary("oxigraph") or "oxigraph", "serve", "--location", str(folder / "db"),
               "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    with open(folder / "oxigraph.log", "wb") as log:  # the server writes to its own copy of the file
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
    return Server("oxigraph", f"sparql+http://127.0.0.1:{port}/query", folder, process)


def start_virtuoso(folder: Path, buffers: int = 50_000) -> Server:
    """Virtuoso with its own database; ``buffers`` 8 kB pages of cache (85,000 a GB of data is its advice)."""
    port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(VIRTUOSO_INI.format(folder=folder, port=port, sql_port=sql_port, buffers=buffers,
                                       dirty=buffers * 3 // 4), encoding="utf-8")
    command = [binary("virtuoso-t") or "virtuoso-t", "+foreground", "+configfile", str(ini)]
    with open(folder / "virtuoso.out", "wb") as log:
        process = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=log)
    url = f"sparql+http://dba:dba@127.0.0.1:{port}/sparql-auth?auth=digest"
    return Server("virtuoso", url, folder, process)


STARTERS: dict[str, Callable[[Path], Server]] = {"oxigraph": start_oxigraph, "virtuoso": start_virtuoso}
PROGRAMS = {"oxigraph": "oxigraph", "virtuoso": "virtuoso-t"}


def wait_until_ready(server: Server, timeout: float = 90) -> None:
    """Poll the server until a query answers."""
    from vnfa.store.endpoint import parse_endpoint
    from vnfa.store.remote import RemoteStore

    store = RemoteStore(parse_endpoint(server.url))
    deadline = time.monotonic() + timeout
    while True:
        if server.process.poll() is not None:
            raise StoreError(f"{server.name} exited at start (code {server.process.returncode}); see {server.folder}")
        try:
            store.ask("ASK { ?s ?p ?o }")
            store.close()
            return
        except StoreError:
            if time.monotonic() > deadline:
                server.stop()
                raise StoreError(f"{server.name} did not answer within {timeout:.0f} s; see {server.folder}") from None
            time.sleep(0.3)


@contextmanager
def running(name: str, folder: Path) -> Iterator[Server]:
    """A started, answering server of that name, stopped afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    server = STARTERS[name](folder.resolve())
    try:
        wait_until_ready(server)
        yield server
    finally:
        server.stop()
