"""Regenerating a built site as sources arrive (issue 5): real sources, real spaCy, real MkDocs."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from generator.build import build
from generator.cli import cli
from tests.conftest import SEED, make_project

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("regenerate")]
FOLLOW_UP = Path(__file__).parent / "data" / "csto-follow-up.md"


def _tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def _briefing_files(project: Path) -> list[Path]:
    return sorted((project / "content" / "briefings").glob("*.md"))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seed project, built once; tests copy it before changing it."""
    project = make_project(tmp_path_factory.mktemp("regen") / "project", {SEED.name: SEED.read_bytes()})
    build(project, workers=1)
    return project


@pytest.fixture
def project(built, tmp_path):
    copy = tmp_path / "project"
    shutil.copytree(built, copy, symlinks=True)
    return copy


def _run_build(project: Path, *extra: str):
    report = project / "report.json"
    result = CliRunner().invoke(cli, ["build", "--project", str(project), "--report", str(report), *extra])
    data = json.loads(report.read_text()) if report.exists() else None
    return result, data


def test_regenerate_new_source_joins_the_story_and_only_it_is_extracted(project):
    shutil.copy(FOLLOW_UP, project / "content" / "sources" / FOLLOW_UP.name)
    result, report = _run_build(project)
    assert result.exit_code == 0, result.output
    statuses = {source["path"]: source["status"] for source in report["sources"]}
    assert statuses == {f"content/sources/{SEED.name}": "cached",
                        f"content/sources/{FOLLOW_UP.name}": "extracted"}
    [briefing] = report["briefings"]
    assert sorted(briefing["sources"]) == sorted(statuses)
    page = (project / briefing["markdown"]).read_text(encoding="utf-8")
    assert "Jeyhun Bayramov" in page, "the new source's actors join the briefing"
    assert "What's new (2022-09-16)" in page
    assert "new source: CSTO mission reaches Yerevan" in page


def test_regenerate_two_builds_in_a_row_are_byte_identical(project):
    _run_build(project)
    before = _tree(project / "content"), _tree(project / "site")
    mtimes = {path: path.stat().st_mtime_ns for path in _briefing_files(project)}
    result, report = _run_build(project)
    assert result.exit_code == 0, result.output
    assert [s["status"] for s in report["sources"]] == ["cached"]
    after = _tree(project / "content"), _tree(project / "site")
    assert after[0].keys() - {"report.json"} == before[0].keys() - {"report.json"}
    assert {k: v for k, v in after[0].items()} == {k: v for k, v in before[0].items()}
    assert after[1] == before[1]
    assert {path: path.stat().st_mtime_ns for path in _briefing_files(project)} == mtimes, \
        "unchanged Markdown must keep its mtime"


def test_regenerate_edits_file_survives_three_rebuilds(project):
    [page] = _briefing_files(project)
    slug = page.stem
    edits = project / "content" / "briefings" / f"{slug}.edits.yml"
    edits_text = (
        "title: Armenia asks its allies for help\n"
        "summary: An editor's summary of the story.\n"
        "notes: [\"Casualty figures are not independently verified.\"]\n"
        "questions: [\"Who will mediate between Armenia and Azerbaijan?\"]\n"
    )
    edits.write_text(edits_text, encoding="utf-8")
    for _ in range(3):
        result, _ = _run_build(project)
        assert result.exit_code == 0, result.output
    assert edits.read_text(encoding="utf-8") == edits_text, "the build never writes to the edits file"
    html = (project / "site" / "briefings" / slug / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    for permalink in soup.select(".headerlink"):
        permalink.decompose()
    assert soup.select_one("article h1").get_text(strip=True) == "Armenia asks its allies for help"
    assert soup.select_one("#summary").find_next("p").get_text(strip=True) == "An editor's summary of the story."
    text = soup.get_text(" ", strip=True)
    assert "Casualty figures are not independently verified." in text
    assert "Who will mediate between Armenia and Azerbaijan?" in text
    assert (project / "site" / "briefings" / slug).is_dir(), "a new title keeps the URL"


def test_regenerate_hand_edited_markdown_is_not_overwritten(project):
    [page] = _briefing_files(project)
    page.write_text(page.read_text(encoding="utf-8") + "\nA line an editor typed here.\n", encoding="utf-8")
    edited = page.read_bytes()
    shutil.copy(FOLLOW_UP, project / "content" / "sources" / FOLLOW_UP.name)
    result, _ = _run_build(project)
    assert result.exit_code == 1
    assert (f"Error: content/briefings/{page.name}: edited by hand since the last build; not overwritten. "
            f"Hint: put edits in content/briefings/SLUG.edits.yml") in result.output
    assert page.read_bytes() == edited
    result, _ = _run_build(project, "--force")
    assert result.exit_code == 0, result.output
    assert b"A line an editor typed here." not in page.read_bytes()
