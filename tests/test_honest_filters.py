"""Date filters on facts without dates say so; --param names match like --focus."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import vnfa
from vnfa.cli import main

DATED = ("14/06/2024\nThủ tướng tiếp Đại sứ Nhật Bản\n"
         "Ngày 14/6/2024, Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản Ito Naoki tại Hà Nội.\n")
UNDATED = ("Bộ trưởng tiếp Đại sứ Lào\n"
           "Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn tiếp Đại sứ Lào Khamphao Ernthavanh tại Hà Nội.\n")


def store_of(folder, **texts) -> str:
    with vnfa.open_store(folder, read_only=False) as store:
        for doc, text in texts.items():
            store.add_text(text, doc=doc)
    return str(folder)


def caption(path) -> str:
    page = path.read_text(encoding="utf-8")
    return json.loads(page.split('id="data">', 1)[1].split("</script>", 1)[0])["caption"]


@pytest.mark.parametrize("lang, words", [("en", "filters: since 2024, 1 undated facts left out"),
                                         ("vi", "lọc: từ 2024, bỏ qua 1 dữ kiện không có ngày")])
def test_undated_facts_left_out_are_told_and_counted_in_the_caption(tmp_path, lang, words):
    folder = store_of(tmp_path / "store", dated=DATED, undated=UNDATED)
    out = tmp_path / "meetings.html"
    result = CliRunner().invoke(main, ["draw", "--view", "meetings", "--since", "2024", "--lang", lang,
                                       "-o", str(out), "--store", folder, "-q"])
    assert result.exit_code == 0, result.output
    assert "vnfa: warning: 1 facts without a date were left out by --since/--until" in result.stderr
    assert "wrote" in result.stderr and "(2 nodes, 1 edges)" in result.stderr
    assert words in caption(out)


def test_a_filter_that_leaves_only_undated_facts_out_is_an_error(tmp_path):
    folder = store_of(tmp_path / "store", undated=UNDATED)
    out = tmp_path / "meetings.png"
    result = CliRunner().invoke(main, ["draw", "--view", "meetings", "--until", "2025-12", "-o", str(out),
                                       "--store", folder, "-q"])
    assert result.exit_code == 1
    assert "no dated fact in the period, and 1 facts have no date at all" in result.stderr
    assert not out.exists()


def test_without_undated_facts_nothing_is_said(tmp_path):
    folder = store_of(tmp_path / "store", dated=DATED)
    result = CliRunner().invoke(main, ["draw", "--view", "meetings", "--since", "2024-06", "-o",
                                       str(tmp_path / "m.json"), "--store", folder, "-q"])
    assert result.exit_code == 0 and "warning" not in result.stderr


@pytest.mark.parametrize("value", ["Bùi Thanh Sơn", "bui thanh son", "BÙI THANH SƠN", "Bùi Thanh Son"])
def test_query_param_matches_names_like_focus(tmp_path, value):
    folder = store_of(tmp_path / "store", undated=UNDATED)
    result = CliRunner().invoke(main, ["query", "--name", "meetings-of", "--param", f"person={value}",
                                       "--format", "csv", "--store", folder])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1:] == ["Bùi Thanh Sơn,Khamphao Ernthavanh,reception,,undated"]
