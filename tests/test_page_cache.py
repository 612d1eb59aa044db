"""The page cache: MkDocs reuses the HTML of unchanged pages, and the site is the same as without it."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

CONFIG = """\
site_name: Cache test
use_directory_urls: true
theme: {name: mkdocs}
markdown_extensions: [attr_list, {toc: {permalink: true}}]
plugins:
  - briefing:
      page_cache: %s
validation:
  links: {anchors: warn}
"""


def _project(folder: Path, *, page_cache: bool = True) -> Path:
    (folder / "docs").mkdir(parents=True)
    (folder / "mkdocs.yml").write_text(CONFIG % str(page_cache).lower(), encoding="utf-8")
    (folder / "docs" / "index.md").write_text("# Home\n\nSee [the report](report.md#findings).\n", encoding="utf-8")
    (folder / "docs" / "report.md").write_text("# Report\n\n## Findings\n\nTwo *findings*.\n", encoding="utf-8")
    (folder / "docs" / "other.md").write_text("# Other\n\nBack [home](index.md).\n", encoding="utf-8")
    return folder


def _build(folder: Path, site: str = "site"):
    config = load_config(str(folder / "mkdocs.yml"), site_dir=str(folder / site))
    mkdocs_build(config)
    return config.plugins["briefing"].page_cache


def _pages(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_page_cache_second_build_reuses_every_page_and_writes_the_same_site(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the theme prints the build date
    folder = _project(tmp_path / "cached")
    first = _build(folder, "first")
    second = _build(folder, "second")
    assert (first.misses, first.hits) == (3, 0)
    assert (second.misses, second.hits) == (0, 3)
    uncached = _project(tmp_path / "uncached", page_cache=False)
    assert _build(uncached) is None
    assert _pages(folder / "second") == _pages(folder / "first") == _pages(uncached / "site")


def test_page_cache_a_changed_page_alone_is_converted_again(tmp_path):
    folder = _project(tmp_path)
    _build(folder)
    (folder / "docs" / "other.md").write_text("# Other\n\nChanged.\n", encoding="utf-8")
    cache = _build(folder)
    assert (cache.misses, cache.hits) == (1, 2)
    assert "Changed." in (folder / "site" / "other" / "index.html").read_text(encoding="utf-8")
    assert len(list(cache.folder.glob("*.json"))) == 3  # the old version of other.md is pruned


def test_page_cache_a_page_whose_link_target_is_gone_is_converted_again_and_warned_about(tmp_path, caplog):
    folder = _project(tmp_path)
    _build(folder)
    (folder / "docs" / "report.md").unlink()
    with caplog.at_level(logging.WARNING):
        cache = _build(folder)
    assert (cache.misses, cache.hits) == (1, 1)  # index.md again; other.md reused
    assert any("report.md" in record.getMessage() and "index.md" in record.getMessage() for record in caplog.records)


def test_page_cache_anchor_links_are_still_checked_on_every_build(tmp_path, caplog):
    folder = _project(tmp_path)
    _build(folder)
    (folder / "docs" / "report.md").write_text("# Report\n\n## Results\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        cache = _build(folder)
    assert (cache.misses, cache.hits) == (1, 2)  # index.md is reused, and its link is checked
    assert any("#findings" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("content", ["not json", '{"content": 1}'])
def test_page_cache_a_damaged_entry_is_a_miss(tmp_path, content):
    folder = _project(tmp_path)
    cache = _build(folder)
    for entry in cache.folder.glob("*.json"):
        entry.write_text(content, encoding="utf-8")
    again = _build(folder)
    assert (again.misses, again.hits) == (3, 0)
    assert "findings" in (folder / "site" / "report" / "index.html").read_text(encoding="utf-8").lower()
