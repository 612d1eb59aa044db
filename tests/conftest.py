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
