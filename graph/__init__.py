"""vnfa: a knowledge graph of the actors in Vietnam's foreign affairs.

The pipeline runs one way, one module a stage:
read -> normalise -> mentions -> extract -> model -> store -> query -> draw/export.
"""
from __future__ import annotations

__version__ = "0.1.0"
