"""The `briefing` command: exact output shapes, messages and exit codes."""
from __future__ import annotations

import json

from click.testing import CliRunner

from generator.cli import cli
from generator.config import load_project
from generator.plugin import BriefingPlugin
from tests.conftest import SEED, make_project

SCORED_KEYS = {"actors", "alliances", "positions", "open_questions"}


def test_cli_extract_prints_the_scored_json_shape():
    result = CliRunner().invoke(cli, ["extract", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert SCORED_KEYS <= data.keys()
    assert data["source"]["path"].endswith(SEED.name)
    for actor in data["actors"]:
        assert {"id", "name", "kind", "aliases"} <= actor.keys()
        assert actor["kind"] in {"person", "state", "organization", "group", "media"}
    for item in data["positions"] + data["open_questions"] + data["alliances"]:
        assert item["evidence"], "every item rests on a sentence"
        for evidence in item["evidence"]:
            assert evidence["source"] == data["source"]["path"] and evidence["text"]
    assert all(q["question"].endswith("?") for q in data["open_questions"])


def test_cli_extract_reports_a_bad_file_and_exits_1(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(empty)])
    assert result.exit_code == 1
    assert f"error: {empty}: E102 has no text (the file is empty). Hint: remove the file or fill it in" in result.output


def test_cli_build_without_a_project_names_the_folder(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--project", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == (f"Error: {tmp_path.resolve()}/mkdocs.yml: no mkdocs.yml here. Hint: run the command "
                             "in the project folder or pass --project DIR.\n")


def test_cli_serve_plugin_regenerates_markdown_before_each_preview_build(tmp_path):
    project = make_project(tmp_path / "project", {SEED.name: SEED.read_bytes()})
    plugin = BriefingPlugin()
    plugin.on_startup(command="serve", dirty=False)

    class Config:
        config_file_path = str(project / "mkdocs.yml")

    plugin.on_pre_build(config=Config())
    assert list((project / "content" / "briefings").glob("*.md")), "serve mode writes the briefings"
    assert load_project(project).settings.model == "en_core_web_sm"


def test_cli_plugin_does_nothing_in_a_plain_build(tmp_path):
    project = make_project(tmp_path / "project", {SEED.name: SEED.read_bytes()})
    plugin = BriefingPlugin()
    plugin.on_startup(command="build", dirty=False)

    class Config:
        config_file_path = str(project / "mkdocs.yml")

    plugin.on_pre_build(config=Config())
    assert not (project / "content" / "briefings").exists()
