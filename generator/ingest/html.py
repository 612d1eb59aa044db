"""Saved HTML pages: the article's main text through trafilatura, metadata from the page.

trafilatura finds the main text; what it lets through from around the article
(teasers of related articles, link lists) is removed here by general rules on
the shape of a paragraph, never by rules for one site.
"""
from __future__ import annotations

import re

import trafilatura
from lxml import etree

from generator.exceptions import NoArticleText
from generator.ingest.parsed import Parsed

_TITLE_SUFFIX = re.compile(r"\s+[-|–—:]\s+[^-|–—:]{2,40}$")
_MIN_TEXT_CHARS = 200
# A paragraph whose text is mostly link text is navigation, not article.
_MAX_LINK_SHARE = 0.5


def read_html(text: str, path: str) -> Parsed:
    document = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False,
        include_links=True, output_format="python",
    )
    if document is None or document.body is None:
        raise NoArticleText(path, "no main text found in the page")
    paragraphs = [paragraph for paragraph, link_share in _body_paragraphs(document.body)
                  if link_share <= _MAX_LINK_SHARE]
    if sum(len(p) for p in paragraphs) < _MIN_TEXT_CHARS:
        raise NoArticleText(path, f"only {sum(len(p) for p in paragraphs)} characters of text")
    meta = {
        "publisher": document.sitename or document.hostname,
        "url": document.url,
        "published": document.date,
        "author": document.author,
    }
    return Parsed(
        title=clean_title(document.title or ""),
        paragraphs=paragraphs,
        meta={key: value for key, value in meta.items() if value},
    )


def _body_paragraphs(body: etree._Element) -> list[tuple[str, float]]:
    """(text, share of the text inside links) for each block of trafilatura's body."""
    blocks: list[tuple[str, float]] = []
    for element in body.iter("p", "head", "item", "quote"):
        if element.getparent() is not None and element.getparent().tag in ("p", "item", "quote") \
                and element.tag != "item":
            continue
        text = " ".join("".join(element.itertext()).split())
        if not text:
            continue
        link_text = sum(len(" ".join("".join(ref.itertext()).split())) for ref in element.iter("ref"))
        blocks.append((text, link_text / len(text)))
    return blocks


def clean_title(title: str) -> str:
    """The headline without a trailing " - Site Name" when the rest is a headline of its own."""
    title = " ".join(title.split())
    match = _TITLE_SUFFIX.search(title)
    if match and len(title[: match.start()].split()) >= 4:
        return title[: match.start()]
    return title
