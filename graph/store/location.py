"""Where the store is: a folder, or a SPARQL server named by a URL or an endpoint file.
Light (no RDF library), so that the command line resolves --store before importing any."""
from __future__ import annotations

import os
from pathlib import Path

DEFAULT_STORE = "vnfa-data"
REMOTE_SCHEMES = ("sparql+http://", "sparql+https://")
REMOTE_SUFFIXES = (".toml",)


def store_path(path: str | os.PathLike | None = None) -> Path:
    """The store folder: the argument, else $VNFA_STORE, else ./vnfa-data."""
    return Path(path or os.environ.get("VNFA_STORE") or DEFAULT_STORE)


def is_remote(target: str | os.PathLike | None) -> bool:
    """A ``sparql+http(s)://`` URL or a ``.toml`` endpoint file names a server, not a folder."""
    text = str(target or os.environ.get("VNFA_STORE") or "")
    return text.startswith(REMOTE_SCHEMES) or (text.endswith(REMOTE_SUFFIXES) and Path(text).is_file())


def store_target(path: str | os.PathLike | None = None) -> str:
    """The store to use, as text: the argument, else $VNFA_STORE, else ./vnfa-data.

    >>> store_target("sparql+http://localhost:7878/query")
    'sparql+http://localhost:7878/query'
    """
    return str(path or os.environ.get("VNFA_STORE") or DEFAULT_STORE)
