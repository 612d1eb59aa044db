"""The benchmark's corpus: N distinct Markdown sources made from the real articles.

Each base article (content/sources/*.txt and ../shared/eval/dev/articles/*.txt)
is copied with its paragraphs shuffled, its own title and published date, and
`briefing: SLUG` in its front matter, so the corpus has many briefings of about
SOURCES_PER_BRIEFING sources each, deterministically. Every copy's text differs
from every other's, so none is dropped as a duplicate.

The corpus lives in a project folder laid out like this repository (mkdocs.yml,
templates/overrides and content/assets linked, not copied); the repository's
own content/ is never touched.
"""
from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_FOLDERS = (ROOT / "content" / "sources", ROOT.parent / "shared" / "eval" / "dev" / "articles")
SOURCES_PER_BRIEFING = 10
FIRST_DATE = dt.date(2020, 1, 1)


@dataclass(frozen=True)
class Article:
    name: str
    title: str
    paragraphs: tuple[str, ...]


def base_articles() -> list[Article]:
    """The real articles (plain-text ones), title and paragraphs, each once, sorted by name."""
    seen: dict[str, Path] = {}
    for folder in ARTICLE_FOLDERS:
        for path in sorted(folder.glob("*.txt")):
            seen.setdefault(path.stem, path)
    articles = []
    for name, path in sorted(seen.items()):
        title, _, body = path.read_text(encoding="utf-8").strip().partition("\n")
        paragraphs = tuple(" ".join(block.split()) for block in body.split("\n\n") if block.strip())
        articles.append(Article(name=name, title=title.strip(), paragraphs=paragraphs))
    return articles


def corpus_sources(count: int, *, seed: int = 0) -> dict[str, str]:
    """`count` distinct sources: file name -> Markdown text. A smaller corpus is the start of a larger one."""
    return _sources(range(count), count, seed)


def extra_source(count: int, *, seed: int = 0) -> dict[str, str]:
    """One more source for a corpus of `count`: a new report on the story of the last briefing."""
    return _sources(range(count, count + 1), count, seed)


def _sources(indexes: range, count: int, seed: int) -> dict[str, str]:
    articles = base_articles()
    taken: set[tuple[str, ...]] = set()
    sources: dict[str, str] = {}
    for index in range(indexes.stop):
        briefing = min(index, count - 1) // SOURCES_PER_BRIEFING
        article = articles[briefing % len(articles)]
        paragraphs = _distinct_order(article.paragraphs, random.Random(f"{seed}-{index}"), taken)
        if index not in indexes:
            continue
        sources[f"b{briefing:04d}/s{index:05d}-{article.name}.md"] = _markdown(
            title=f"{article.title} (report {index + 1})",
            published=(FIRST_DATE + dt.timedelta(days=index)).isoformat(),
            briefing=f"story-{briefing:04d}-{article.name}",
            paragraphs=paragraphs,
        )
    return sources


def _distinct_order(paragraphs: tuple[str, ...], rng: random.Random, taken: set[tuple[str, ...]]) -> tuple[str, ...]:
    """A shuffle of `paragraphs` not used before (a paragraph is dropped if the article is too short)."""
    order = list(paragraphs)
    for _ in range(100):
        rng.shuffle(order)
        if tuple(order) not in taken:
            break
    else:
        order = order[:-1]
    taken.add(tuple(order))
    return tuple(order)


def _markdown(*, title: str, published: str, briefing: str, paragraphs: tuple[str, ...]) -> str:
    front = (f'---\ntitle: "{_quoted(title)}"\npublished: {published}\npublisher: Bench Wire\n'
             f'briefing: {briefing}\n---\n')
    return front + "\n\n".join(_plain(p) for p in paragraphs) + "\n"


def _quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _plain(paragraph: str) -> str:
    """A paragraph Markdown reads back as the same text (no list, heading or quote marker at its start)."""
    if paragraph[:1] in "#>-*+":
        return "\\" + paragraph
    return re.sub(r"\A(\d+)([.)])(?= )", r"\1\\\2", paragraph)


def make_project(folder: Path, sources: dict[str, str]) -> Path:
    """A project like this repository's, with `sources` in content/sources/; replaces `folder`."""
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "templates").mkdir(parents=True)
    shutil.copyfile(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "templates" / "overrides").symlink_to(ROOT / "templates" / "overrides")
    (folder / "content" / "sources").mkdir(parents=True)
    (folder / "content" / "assets").symlink_to(ROOT / "content" / "assets")
    add_sources(folder, sources)
    return folder


def add_sources(folder: Path, sources: dict[str, str]) -> None:
    for name, text in sources.items():
        path = folder / "content" / "sources" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
