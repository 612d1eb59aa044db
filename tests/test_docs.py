"""The README documents every command and every setting (Datasette's habit)."""
from __future__ import annotations

import re

import pytest

from generator.cli import cli
from generator.config import BriefingConfig
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_docs_readme_mentions_every_command(command):
    assert re.search(rf"briefing {command}\b", README), f"README does not show `briefing {command}`"


@pytest.mark.parametrize("option", sorted(name for name, _ in BriefingConfig._schema))
def test_docs_readme_shows_every_setting(option):
    assert re.search(rf"^\s+{option}:", README, re.MULTILINE), f"README's configuration block lacks {option}"


def test_docs_readme_gives_the_two_commands():
    assert "make site" in README and "make test" in README
