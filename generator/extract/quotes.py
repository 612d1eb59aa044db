"""Direct quotes: which characters of the text are someone's own words.

Scraped text is untidy: straight and curly marks are mixed, an opening mark may
be missing, and by newspaper convention a quote that runs over several
paragraphs opens each of them but closes only the last. So marks are read by
their context (a mark after a space opens, one before a space or punctuation
closes), and a quote left open at the end of a paragraph runs to its end.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

_DOUBLE_MARKS = frozenset('"“”„«»')
_SINGLE_MARKS = frozenset("'‘’")
_OPENING_CONTEXT = frozenset("([{—–-/")
_QUOTED_SHARE = 0.6
"""A sentence whose words are at least this much inside quotes is a quote."""


@dataclass(frozen=True)
class QuoteIndex:
    """Character ranges [start, end) of the document that are inside quote marks."""

    ranges: tuple[tuple[int, int], ...]
    _starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [start for start, _ in self.ranges])

    def range_at(self, char: int) -> tuple[int, int] | None:
        position = bisect.bisect_right(self._starts, char) - 1
        if position >= 0 and self.ranges[position][1] > char:
            return self.ranges[position]
        return None

    def inside(self, token: Token) -> bool:
        return self.range_at(token.idx) is not None

    def quoted_share(self, span: Span) -> float:
        words = [token for token in span if token.is_alpha or token.like_num]
        if not words:
            return 0.0
        return sum(self.inside(token) for token in words) / len(words)

    def is_quote(self, span: Span) -> bool:
        return self.quoted_share(span) >= _QUOTED_SHARE

    def quoted_text(self, span: Span) -> str:
        """The quoted words in `span`, quote marks dropped, pieces joined by " … "."""
        pieces, current = [], []
        for token in span:
            if self.inside(token) and not _is_mark(token.text):
                current.append(token.text_with_ws)
            elif current and not _is_mark(token.text):
                pieces.append("".join(current).strip())
                current = []
        if current:
            pieces.append("".join(current).strip())
        return " … ".join(piece.strip(" ,") for piece in pieces if piece.strip(" ,"))


def find_quotes(text: str, paragraph_starts: tuple[int, ...]) -> QuoteIndex:
    """The quoted ranges of `text`, whose paragraphs begin at `paragraph_starts`."""
    ranges: list[tuple[int, int]] = []
    bounds = list(paragraph_starts) + [len(text)]
    for start, end in zip(bounds, bounds[1:]):
        paragraph_end = start + len(text[start:end].rstrip())
        ranges.extend(_double_quotes(text, start, paragraph_end))
        ranges.extend(_single_quotes(text, start, paragraph_end, ranges))
    return QuoteIndex(tuple(sorted(set(ranges))))


def _double_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    found, opened = [], None
    for char_index in range(start, end):
        if text[char_index] not in _DOUBLE_MARKS:
            continue
        if _opens(text, char_index, start, end):
            if opened is not None:  # unbalanced: the earlier quote ends here
                found.append((opened, char_index))
            opened = char_index + 1
        elif opened is not None:
            found.append((opened, char_index))
            opened = None
        elif not found:  # a closing mark with no opening one: quoted from the paragraph start
            found.append((start, char_index))
    if opened is not None and end - opened > 1:
        found.append((opened, end))
    return found


def _single_quotes(text: str, start: int, end: int, doubles: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Single' quotes, only when they pair up inside the paragraph (an apostrophe looks the same)."""
    found, opened = [], None
    for char_index in range(start, end):
        if text[char_index] not in _SINGLE_MARKS:
            continue
        before = text[char_index - 1] if char_index > start else " "
        after = text[char_index + 1] if char_index + 1 < end else " "
        if opened is None and (before.isspace() or before in _OPENING_CONTEXT or before in _DOUBLE_MARKS) \
                and after.isalnum():
            opened = char_index + 1
        elif opened is not None and not before.isspace() and not after.isalnum():
            found.append((opened, char_index))
            opened = None
    return [(a, b) for a, b in found if not any(x <= a and b <= y for x, y in doubles)]


def _opens(text: str, char_index: int, start: int, end: int) -> bool:
    before = text[char_index - 1] if char_index > start else " "
    after = text[char_index + 1] if char_index + 1 < end else " "
    if before.isspace() or before in _OPENING_CONTEXT:
        return not after.isspace()
    if after.isspace() or after in ",.;:!?)":
        return False
    return text[char_index] in "“„«"


def _is_mark(text: str) -> bool:
    return all(char in _DOUBLE_MARKS or char in _SINGLE_MARKS for char in text)
