import re
from pathlib import Path

from vnfa.cli import main

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_setup_commands():
    block = re.search(r"```sh\n(.*?)```", README, re.S).group(1)
    assert "pip install -e . && vnfa build" in block
    assert "pip install -e '.[test]' && pytest" in block


def test_every_command_is_in_the_readme():
    for name in main.commands:
        assert f"`vnfa {name}" in README, f"vnfa {name} is not documented in README.md"


def test_every_command_help_ends_with_an_example():
    for name, command in main.commands.items():
        assert "Example: vnfa" in (command.help or ""), name
