"""Plain text sources: blank lines separate paragraphs; the first line is the title when it reads as one.

A headline is short and does not end like a sentence ("Putin's 'mini-NATO' is his new
puzzle"). Many saved articles have no headline line and start with the lead paragraph
instead; that paragraph is kept as text to analyse, and the title is made from its first
sentence.
"""
from __future__ import annotations

import re

from generator.ingest.parsed import Parsed

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_MAX_TITLE_WORDS = 16
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_SENTENCE_BREAK = re.compile(r"(\S+)[.!?][\"'”’)]*\s+(?=[A-Z“\"‘'])")
_MAX_DERIVED_TITLE_WORDS = 14


def read_text(text: str, path: str) -> Parsed:
    first, _, body = text.strip().partition("\n")
    first = first.strip()
    if looks_like_title(first):
        return Parsed(title=first, paragraphs=split_paragraphs(body))
    paragraphs = split_paragraphs(text)
    return Parsed(title=title_from_lead(paragraphs[0]) if paragraphs else None, paragraphs=paragraphs)


def looks_like_title(line: str) -> bool:
    return 0 < len(line.split()) <= _MAX_TITLE_WORDS and not _SENTENCE_END.search(line)


def title_from_lead(paragraph: str) -> str:
    """The lead's first sentence, cut to a headline's length."""
    sentence = first_sentence(paragraph).rstrip(".")
    words = sentence.split()
    return sentence if len(words) <= _MAX_DERIVED_TITLE_WORDS else " ".join(words[:_MAX_DERIVED_TITLE_WORDS]) + " …"


def first_sentence(paragraph: str) -> str:
    """Up to the first full stop that ends a sentence, not an abbreviation ("Oct.", "U.S.", "Mr.")."""
    for match in _SENTENCE_BREAK.finditer(paragraph):
        word = match.group(1).split(".")[-1]
        if not (word[:1].isupper() and len(word) <= 3):
            return paragraph[: match.end()].strip()
    return paragraph


def split_paragraphs(body: str) -> list[str]:
    """Paragraphs separated by blank lines; single line breaks inside one are joined.

    A text with no blank lines at all uses one paragraph per line, as scrapers write it.
    """
    body = body.strip()
    if not body:
        return []
    blocks = _BLANK_LINE.split(body) if _BLANK_LINE.search(body) else body.split("\n")
    return [" ".join(line.strip() for line in block.splitlines()).strip() for block in blocks if block.strip()]
