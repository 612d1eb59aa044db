"""Markdown sources: optional YAML front matter, then the article in Markdown.

Front matter keys: title, publisher, url, published (or date), author, briefing.
The body is read with markdown-it-py and turned back into plain paragraphs;
markup (links, emphasis, raw HTML) is reduced to its text, so nothing a source
writes in Markdown reaches the site as markup.
"""
from __future__ import annotations

import datetime as dt
import re

import yaml
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.exceptions import FrontMatterError
from generator.ingest.parsed import Parsed

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
META_KEYS = ("title", "publisher", "url", "published", "author", "briefing")
_KEY_ALIASES = {"date": "published", "source": "publisher", "site": "publisher"}

_markdown = MarkdownIt("commonmark")


def read_markdown(text: str, path: str) -> Parsed:
    meta, body = split_front_matter(text, path)
    paragraphs, first_heading = markdown_paragraphs(body)
    title = meta.pop("title", None) or first_heading
    if title is None and paragraphs:
        title = paragraphs.pop(0)
    return Parsed(title=title, paragraphs=paragraphs, meta=meta)


def split_front_matter(text: str, path: str) -> tuple[dict[str, str], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError as error:
        raise FrontMatterError(path, _yaml_problem(error)) from error
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise FrontMatterError(path, f"expected key: value pairs, found {type(data).__name__}")
    return _meta_strings(data), text[match.end():]


def _yaml_problem(error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    return f"line {mark.line + 2}: {problem}" if mark is not None else problem


def _meta_strings(data: dict) -> dict[str, str]:
    meta: dict[str, str] = {}
    for key, value in data.items():
        key = _KEY_ALIASES.get(str(key).lower(), str(key).lower())
        if key not in META_KEYS or value is None:
            continue
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()[:10]
        meta[key] = str(value).strip()
    return meta


def markdown_paragraphs(body: str) -> tuple[list[str], str | None]:
    """Plain-text paragraphs of a Markdown body, and its first level-1 heading."""
    tokens = _markdown.parse(body)
    paragraphs: list[str] = []
    first_heading: str | None = None
    for index, token in enumerate(tokens):
        if token.type == "inline":
            text = inline_text(token.children or [])
            opener = tokens[index - 1] if index else None
            if opener is not None and opener.type == "heading_open" and opener.tag == "h1" and first_heading is None:
                first_heading = text
            elif text:
                paragraphs.append(text)
        elif token.type == "html_block":
            text = BeautifulSoup(token.content, "html.parser").get_text(" ", strip=True)
            if text:
                paragraphs.append(text)
    return paragraphs, first_heading


def inline_text(children: list[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "html_inline":
            parts.append(BeautifulSoup(child.content, "html.parser").get_text())
        elif child.type == "image":
            continue
    return re.sub(r"\s+", " ", "".join(parts)).strip()
