"""The documentation runs: every `$ ` command of README.md and docs/*.md, in a fresh folder holding
what a clone has, prints what the page shows (see docs/development.md for the convention)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from vnfa.cli import main

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```", re.S | re.M)
FAILS = ("Error:", "vnfa: failed:")


@dataclass(frozen=True)
class Example:
    command: str
    shown: tuple[str, ...]  # the lines the page shows after the command

    @property
    def must_fail(self) -> bool:
        return any(line.startswith(FAILS) for line in self.shown)


def examples(text: str) -> list[Example]:
    """The `$ ` commands of the page's fenced blocks (not ```text ones), in order, with what they show."""
    out: list[Example] = []
    for indent, kind, body in FENCE.findall(text):
        if kind not in ("", "console", "shell"):
            continue
        block: list[Example] = []
        for line in (line[len(indent):] for line in body.splitlines()):
            if line.startswith("$ "):
                block.append(Example(line[2:], ()))
            elif block and line.strip():
                block[-1] = Example(block[-1].command, block[-1].shown + (line,))
        out += block
    return out


def matches(shown: tuple[str, ...], printed: list[str]) -> bool:
    """The shown lines appear in order among the printed ones; '...' in a line stands for any text, a
    line '...' for any lines."""
    position = 0
    for line in shown:
        if line.strip() in ("...", "…"):
            continue
        pattern = re.compile(".*".join(re.escape(part) for part in line.split("...")))
        found = next((i for i in range(position, len(printed)) if pattern.fullmatch(printed[i])), None)
        if found is None:
            return False
        position = found + 1
    return True


def fresh_clone(folder: Path) -> Path:
    """A folder with what a clone has that the pages use: data/ and tests/data/."""
    shutil.copytree(ROOT / "data", folder / "data")
    shutil.copytree(ROOT / "tests" / "data", folder / "tests" / "data")
    (folder / "docs").mkdir()
    return folder


def run(example: Example, folder: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VNFA_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["VNFA_CACHE"] = str(folder / ".cache")
    return subprocess.run(["bash", "-c", example.command], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=600)


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_every_command_of_the_page_runs_and_prints_what_it_shows(page, tmp_path):
    folder = fresh_clone(tmp_path)
    for example in examples(page.read_text(encoding="utf-8")):
        done = run(example, folder)
        printed = (done.stdout + done.stderr).splitlines()
        assert (done.returncode != 0) == example.must_fail, f"{page.name}: $ {example.command}\n{done.stderr}"
        assert matches(example.shown, printed), f"{page.name}: $ {example.command} printed:\n" + "\n".join(printed)


@pytest.mark.parametrize("shown, printed, expected", [
    (("a", "b"), ["a", "x", "b"], True),
    (("b", "a"), ["a", "b"], False),
    (("wrote x ...",), ["wrote x (3 nodes)"], True),
    (("...", "c"), ["a", "b", "c"], True),
    (("a",), ["ab"], False),
    (("valid: ... triples conform",), ["valid: 5765 triples conform"], True),
    (("valid: ... triples conform",), ["1 violation in 5765 triples"], False),
])
def test_shown_output_matching(shown, printed, expected):
    assert matches(shown, printed) is expected


def test_commands_are_found_in_plain_fences_only():
    page = ("```\n$ vnfa stats\narticles 7\n```\n```text\n$ vnfa serve\n```\n  ```\n  $ vnfa validate\n  ```\n"
            "```\nan output block without a command\n```\n")
    assert examples(page) == [Example("vnfa stats", ("articles 7",)), Example("vnfa validate", ())]


def test_the_pages_show_commands():
    counts = {page.name: len(examples(page.read_text(encoding="utf-8"))) for page in PAGES}
    assert counts["README.md"] >= 10 and counts["drawing.md"] >= 5 and counts["rdf.md"] >= 3


def test_readme_opens_with_the_two_setup_commands():
    block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    assert "pip install -e . && vnfa build" in block
    assert "pip install -e '.[test]' && pytest" in block


def test_readme_links_every_docs_page():
    for page in PAGES[1:]:
        assert f"(docs/{page.name})" in README, f"README.md does not link docs/{page.name}"


def test_every_command_is_in_the_readme():
    for name in main.commands:
        assert f"`vnfa {name}" in README, f"vnfa {name} is not documented in README.md"


def test_every_command_help_ends_with_an_example():
    for name, command in main.commands.items():
        assert "Example: vnfa" in (command.help or ""), name
