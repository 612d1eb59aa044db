"""A source as spaCy read it, and the way back from a sentence to its paragraph."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from generator.model import Evidence, Source

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Article:
    """One source's parsed text: the spaCy Doc of its paragraphs joined by blank lines."""

    source: Source
    doc: Doc
    paragraph_starts: tuple[int, ...]
    """Character offset in doc.text where each paragraph begins."""

    @classmethod
    def of(cls, source: Source, doc: Doc) -> Article:
        starts, offset = [], 0
        for paragraph in source.paragraphs:
            starts.append(offset)
            offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
        return cls(source=source, doc=doc, paragraph_starts=tuple(starts))

    def paragraph_of(self, char: int) -> int:
        """1-based number of the paragraph holding character `char`."""
        return max(1, bisect.bisect_right(self.paragraph_starts, char))

    def evidence(self, span: Span) -> Evidence:
        """The sentence holding `span`, as evidence pointing at its paragraph."""
        sentence = span.sent if span.end - span.start else span
        return Evidence(source=self.source.path, paragraph=self.paragraph_of(sentence.start_char),
                        text=sentence_text(sentence))

    @property
    def sentences(self) -> list[Span]:
        return [sentence for sentence in self.doc.sents if sentence.text.strip()]


def text_of(source: Source) -> str:
    return PARAGRAPH_SEPARATOR.join(source.paragraphs)


def sentence_text(sentence: Span) -> str:
    return " ".join(sentence.text.split())
