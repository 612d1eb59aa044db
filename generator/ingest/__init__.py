"""Ingest: a file in content/sources/ becomes a Source.

Steps, each in its own module: decode the bytes (decode.py), read the format
(text.py, markdown.py, html.py), repair scraped text (repair.py), then check
that what is left is an English article.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass
from pathlib import Path


from generator.exceptions import (
    EmptySource, NotEnglish, SourceTooLarge, UnreadableSource, UnsupportedSource,
)
from generator.ingest.decode import decode
from generator.ingest.parsed import Parsed
from generator.ingest.repair import repair
from generator.ingest.text import read_text
from generator.model import Source
from generator.slugs import slugify

log = logging.getLogger("briefing.ingest")

def read_html(text: str, path: str) -> Parsed:
    from generator.ingest.html import read_html as read  # trafilatura is slow to import: only for HTML

    return read(text, path)


def read_markdown(text: str, path: str) -> Parsed:
    from generator.ingest.markdown import read_markdown as read

    return read(text, path)


READERS = {
    ".txt": ("text", read_text),
    ".text": ("text", read_text),
    ".md": ("markdown", read_markdown),
    ".markdown": ("markdown", read_markdown),
    ".html": ("html", read_html),
    ".htm": ("html", read_html),
}
SOURCE_SUFFIXES = tuple(READERS)
_LANGUAGE_SAMPLE_CHARS = 4000
_MIN_CHARS_FOR_LANGUAGE = 200
_ENGLISH_SHARE = 0.25
_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for on it with as was at by be this from are or an have has had not but "
    "were which they their his her he she its been will would who said than into after over about".split()
)


@dataclass(frozen=True, kw_only=True)
class IngestOptions:
    root: Path
    """Project root; Source.path is relative to it."""
    max_bytes: int = 20 * 1024 * 1024
    lexicon: frozenset[str] = frozenset()
    """Known English words, for the glued-word repair (see repair.py)."""


def is_source_file(path: Path) -> bool:
    return path.suffix.lower() in READERS and not path.name.startswith(".")


def read_bytes(path: Path, options: IngestOptions) -> bytes:
    """The file's bytes, refused above the size limit before anything is read."""
    shown = display_path(path, options.root)
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            # max_source_mb counts MiB (mkdocs.yml's value x 1024 x 1024): state both sizes in that unit.
            raise SourceTooLarge(shown, f"{size / 2**20:.1f} MB; the limit is {options.max_bytes / 2**20:g} MB, "
                                        "set by max_source_mb")
        return path.read_bytes()
    except OSError as error:
        raise UnreadableSource(shown, error.strerror or str(error)) from error


def read_source(path: Path, data: bytes, options: IngestOptions) -> Source:
    """The Source in `data`, the bytes of `path`; raises a SourceError naming the file."""
    shown = display_path(path, options.root)
    if path.suffix.lower() not in READERS:
        raise UnsupportedSource(shown, f"'{path.suffix or path.name}'")
    format_name, reader = READERS[path.suffix.lower()]
    decoded = decode(data, shown)
    parsed = reader(decoded.text, shown)
    paragraphs, dropped = repair(parsed.paragraphs, options.lexicon)
    if not paragraphs:
        raise EmptySource(shown, "no paragraphs of text after the title")
    warnings = [w for w in (decoded.warning, _analysis_limit(paragraphs)) if w]
    if dropped:
        log.debug("%s: dropped %d boilerplate paragraph(s)", shown, dropped)
    language = detect_language(paragraphs)
    if language != "en":
        raise NotEnglish(shown, f"it reads as language '{language}'")
    meta = parsed.meta
    return Source(
        path=shown,
        slug=slugify(path.stem, fallback="source"),
        digest=hashlib.sha256(data).hexdigest(),
        title=(parsed.title or path.stem).strip(),
        paragraphs=tuple(paragraphs),
        format=format_name,
        publisher=meta.get("publisher"),
        url=meta.get("url"),
        published=normalise_date(meta.get("published")),
        author=meta.get("author"),
        briefing=slugify(meta["briefing"]) if meta.get("briefing") else None,
        warnings=tuple(warnings),
    )


def _analysis_limit(paragraphs: list[str]) -> str | None:
    """A warning when spaCy will read only part of the text (extract/__init__.py::analysed_text)."""
    from generator.extract.nlp import MAX_DOC_CHARS  # here, so that ingesting alone does not load extract/

    chars = sum(len(paragraph) for paragraph in paragraphs) + 2 * (len(paragraphs) - 1)
    if chars <= MAX_DOC_CHARS:
        return None
    return f"{chars:,} characters of text; only the first {MAX_DOC_CHARS:,} are analysed"


def display_path(path: Path, root: Path) -> str:
    # The folder is resolved, not the file: a linked source is shown by its own name.
    try:
        return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def detect_language(paragraphs: list[str]) -> str:
    """ISO code of the text's language; "en" when there is too little text to tell.

    Running English is a quarter or more function words ("the", "of", "and"...):
    such a text is taken as English at once; only the others pay for loading
    py3langid's model to name their language.
    """
    sample = " ".join(paragraphs)[:_LANGUAGE_SAMPLE_CHARS]
    if len(sample) < _MIN_CHARS_FOR_LANGUAGE:
        return "en"
    words = _WORD.findall(sample.lower())
    if words and sum(word in _ENGLISH_FUNCTION_WORDS for word in words) / len(words) >= _ENGLISH_SHARE:
        return "en"
    import py3langid  # loading its model costs half a second: only for texts that need it

    language, _ = py3langid.classify(sample)
    return language


def normalise_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from the forms sources use, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    from dateutil import parser as date_parser

    try:
        return date_parser.parse(value, fuzzy=True, default=dt.datetime(1900, 1, 1)).date().isoformat()
    except (ValueError, OverflowError):
        log.debug("unreadable date %r", value)
        return None


__all__ = ["IngestOptions", "Parsed", "SOURCE_SUFFIXES", "is_source_file", "read_bytes", "read_source"]
