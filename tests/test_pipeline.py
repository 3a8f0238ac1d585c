"""Ingest paths: batches, worker processes, the bulk loader and its guard."""
from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

from vnfa.cli import main
from vnfa.errors import StoreError
from vnfa.export.formats import export
from vnfa.ingest.pipeline import count_articles, ingest
from vnfa.resources import data_path
from vnfa.store.open import BULK_MARKER, opened

ARTICLES = data_path("articles")


def nquads(dataset) -> list[str]:
    buffer = io.BytesIO()
    export(dataset, "nquads", buffer)
    return sorted(buffer.getvalue().decode("utf-8").splitlines())


def test_bulk_load_writes_what_transactions_write_and_clears_its_marker(tmp_path):
    with opened(tmp_path / "bulk") as dataset:
        report = ingest([ARTICLES], dataset, progress=False, bulk=True, workers=2)
        bulk = nquads(dataset)
    with opened(tmp_path / "plain") as dataset:
        ingest([ARTICLES], dataset, progress=False)
        assert nquads(dataset) == bulk
    assert len(report.ingested) == 7 and report.quads > 1000
    assert not (tmp_path / "bulk" / BULK_MARKER).exists()


def test_bulk_only_into_a_new_store(tmp_path):
    with opened(tmp_path / "s") as dataset:
        ingest([data_path("articles", "seed.txt")], dataset, progress=False)
        with pytest.raises(StoreError, match="--bulk loads only into a new, empty store"):
            ingest([ARTICLES], dataset, progress=False, bulk=True)


def test_an_interrupted_bulk_load_leaves_a_store_that_refuses_to_open(tmp_path):
    with opened(tmp_path / "s"):
        pass
    (tmp_path / "s" / BULK_MARKER).write_text("interrupted\n")
    with pytest.raises(StoreError, match="left half-loaded by an interrupted bulk ingest; delete the folder"):
        opened(tmp_path / "s").__enter__()


def test_count_articles_counts_jsonl_lines(tmp_path):
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps({"id": str(n), "text": "x"}) for n in range(5)) + "\n\n")
    (tmp_path / "b.txt").write_text("x")
    (tmp_path / "notes.md").write_text("x")
    assert count_articles([tmp_path]) == 6


def test_progress_bar_shows_rate_and_total(tmp_path):
    result = CliRunner().invoke(main, ["ingest", str(ARTICLES), "--workers", "2", "--store", str(tmp_path / "s")])
    assert result.exit_code == 0
    assert "7/7" in result.stderr and "articles/s" in result.stderr
    assert "ingested 7 articles" in result.stderr
