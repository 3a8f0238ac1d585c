"""vnfa: a knowledge graph of the actors in Vietnam's foreign affairs.

The pipeline runs one way, one module a stage:
read -> normalise -> mentions -> extract -> model -> store -> query -> draw/export.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .api import Rows, Store, extract_file, extract_text, open_store  # noqa: E402  (the Python API)

__all__ = ["Rows", "Store", "extract_file", "extract_text", "open_store"]
