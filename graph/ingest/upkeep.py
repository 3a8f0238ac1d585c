"""Keeping a store in shape: migrate the old layout, collect unused entities, link short names,
check against the SHACL shapes. Each opens the store at ``location`` and says what it did."""
from __future__ import annotations

from typing import Any


def migrate_store(location: str | None, *, progress: bool = True) -> int:
    """Convert a store in the old layout; returns how many articles moved."""
    from ..store.open import opened
    from .entities import gc, migrate
    from .linking import link

    with opened(location, create=False, old_layout=True) as dataset:
        moved = migrate(dataset, progress=progress)
        gc(dataset)
        link(dataset)
    return moved


def collect_garbage(location: str | None) -> tuple[int, int]:
    """Remove entities no article mentions, then link names again: (triples removed, names linked)."""
    from ..store.open import opened
    from .entities import gc
    from .linking import link

    with opened(location, create=False) as dataset:
        removed = gc(dataset)
        return removed, link(dataset)


def link_store(location: str | None) -> int:
    """Link short names to full ones; returns how many."""
    from ..store.open import opened
    from .linking import link

    with opened(location, create=False) as dataset:
        return link(dataset)


def validate_store(location: str | None) -> Any:
    """The SHACL report of the store (its ``text()`` and ``conforms``)."""
    from ..query.validate import validate_dataset
    from ..store.open import opened

    with opened(location, create=False) as dataset:
        return validate_dataset(dataset)
