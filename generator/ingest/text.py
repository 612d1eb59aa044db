"""Plain text sources: the first line is the title, blank lines separate paragraphs."""
from __future__ import annotations

import re

from generator.ingest.parsed import Parsed

_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def read_text(text: str, path: str) -> Parsed:
    title, _, body = text.strip().partition("\n")
    return Parsed(title=title.strip(), paragraphs=split_paragraphs(body))


def split_paragraphs(body: str) -> list[str]:
    """Paragraphs separated by blank lines; single line breaks inside one are joined.

    A text with no blank lines at all uses one paragraph per line, as scrapers write it.
    """
    body = body.strip()
    if not body:
        return []
    blocks = _BLANK_LINE.split(body) if _BLANK_LINE.search(body) else body.split("\n")
    return [" ".join(line.strip() for line in block.splitlines()).strip() for block in blocks if block.strip()]
