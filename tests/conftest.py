from __future__ import annotations

import pytest

from vnfa.resources import data_path
from vnfa.store.open import opened

SEED = data_path("articles", "seed.txt")


@pytest.fixture
def store(tmp_path):
    """A fresh embedded store in a temporary folder."""
    with opened(tmp_path / "store") as dataset:
        yield dataset


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
