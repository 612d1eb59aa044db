"""Shared fixtures. The spaCy pipeline is loaded once per test process."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.extract.article import Article, text_of
from generator.extract.nlp import load_pipeline
from generator.ingest.text import split_paragraphs
from generator.model import Source

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV_ARTICLES = SHARED / "eval" / "dev" / "articles"
SEED = ROOT / "content" / "sources" / "newsweek-putin-mini-nato-2022.txt"


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline("en_core_web_sm")


def make_source(body: str, *, title: str = "Test article", path: str = "content/sources/test.txt",
                published: str | None = None) -> Source:
    """A Source with `body` split into paragraphs at blank lines, as ingest would give it."""
    paragraphs = tuple(split_paragraphs(body))
    return Source(path=path, slug=Path(path).stem, digest=hashlib.sha256(body.encode()).hexdigest(),
                  title=title, paragraphs=paragraphs, format="text", published=published)


@pytest.fixture(scope="session")
def make_article(nlp):
    """make_article("Text written for the test.") -> Article parsed with the real pipeline."""
    def _make(body: str, **source_fields) -> Article:
        source = make_source(body, **source_fields)
        return Article.of(source, nlp(text_of(source)))
    return _make


# --- whole projects ---------------------------------------------------------------

def make_project(folder: Path, sources: dict[str, str | bytes], *, files: dict[str, str] | None = None,
                 config_changes: dict[str, str] | None = None) -> Path:
    """A project like this repository's, with `sources` (name -> content) in content/sources/.

    The theme overrides are linked, not copied (they hold the 3 MB Mermaid script).
    `files` adds other files (path -> text); `config_changes` replaces lines of mkdocs.yml.
    """
    folder.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in (config_changes or {}).items():
        assert old in config, f"mkdocs.yml has no line {old!r}"
        config = config.replace(old, new)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    (folder / "templates").mkdir(exist_ok=True)
    (folder / "templates" / "overrides").symlink_to(ROOT / "templates" / "overrides")
    (folder / "content" / "sources").mkdir(parents=True)
    (folder / "content" / "assets").symlink_to(ROOT / "content" / "assets")
    for name, content in sources.items():
        path = folder / "content" / "sources" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    for name, content in (files or {}).items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory):
    """The sample project (the seed article) built once with the real model and a real MkDocs build."""
    from generator.build import build

    folder = make_project(tmp_path_factory.mktemp("seed") / "project", {SEED.name: SEED.read_bytes()})
    result = build(folder, workers=1)
    return folder, result
