"""vnfa: a knowledge graph of the actors in Vietnam's foreign affairs.

The pipeline runs one way, one subpackage a stage:
read -> text -> extract -> model -> store (through ingest) -> query, network -> draw, export, serve.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["Rows", "Store", "extract_file", "extract_text", "open_store"]  # the Python API (vnfa.api)


def __getattr__(name: str):
    """The Python API, imported when first used: ``import vnfa.cli`` stays light (no rdflib)."""
    if name in __all__:
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'vnfa' has no attribute {name!r}")
