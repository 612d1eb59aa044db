"""Repair scraped text before analysis.

Two faults are common in scraped articles and both confuse the parser:
boilerplate paragraphs ("Leave a Comment", share and subscribe lines) and
words glued together where markup used to separate them ("forcesrussian",
"Bloombergbut", "NATOwill", "Armeniaa military ally"). The repair drops the
first and inserts the missing space in the second; it changes nothing else,
so evidence quoted from the repaired text still reads as the source does.

A glued word is split only on evidence: the word itself is unknown (not in the
lexicon, not used elsewhere in the text) and both parts are known words, the
text's own vocabulary counting as known. That keeps rare names intact.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_MAX_BOILERPLATE_CHARS = 120
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_GLUE = re.compile(r"(?<![./:@\w])([a-z]{2,}[a-z][.!?])([A-Z][a-z]{2,})\b")


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line, re.IGNORECASE) for line in _data_lines("boilerplate.txt"))


@lru_cache(maxsize=1)
def glue_words() -> frozenset[str]:
    return frozenset(_data_lines("glue_words.txt"))


def _data_lines(name: str) -> list[str]:
    text = resources.files("generator.ingest").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def is_boilerplate(paragraph: str) -> bool:
    line = paragraph.strip()
    if len(line) > _MAX_BOILERPLATE_CHARS:
        return False
    line = line.strip(" .:|•·-–—")
    return any(pattern.fullmatch(line) for pattern in boilerplate_patterns())


@dataclass(frozen=True)
class Vocabulary:
    """Words a glued word may be split into: the lexicon plus the text's own words."""

    lexicon: frozenset[str]
    counts: Counter
    """Case-sensitive counts of the words in the text."""
    lower_counts: Counter

    @classmethod
    def of(cls, paragraphs: Iterable[str], lexicon: frozenset[str]) -> Vocabulary:
        counts = Counter(word for paragraph in paragraphs for word in _WORD.findall(paragraph))
        lower_counts: Counter = Counter()
        for word, count in counts.items():
            lower_counts[word.lower()] += count
        return cls(lexicon=lexicon, counts=counts, lower_counts=lower_counts)

    def in_text(self, word: str) -> bool:
        return self.lower_counts[word.lower()] > 0

    def is_word(self, word: str) -> bool:
        return word.lower() in self.lexicon or self.in_text(word)

    def is_unknown(self, word: str) -> bool:
        return word.lower() not in self.lexicon and self.lower_counts[word.lower()] <= 1


def repair(paragraphs: Iterable[str], lexicon: frozenset[str]) -> tuple[list[str], int]:
    """Paragraphs without boilerplate and with glued words split; and how many were dropped."""
    paragraphs = list(paragraphs)
    kept = [paragraph for paragraph in paragraphs if not is_boilerplate(paragraph)]
    vocabulary = Vocabulary.of(kept, lexicon)
    return [split_glued_words(paragraph, vocabulary) for paragraph in kept], len(paragraphs) - len(kept)


def split_glued_words(paragraph: str, vocabulary: Vocabulary) -> str:
    paragraph = _SENTENCE_GLUE.sub(lambda m: _space_after_stop(m, vocabulary), paragraph)

    def replace(match: re.Match[str]) -> str:
        following = paragraph[match.end():match.end() + 40].lstrip()
        return split_word(match.group(0), vocabulary, following) or match.group(0)

    return _WORD.sub(replace, paragraph)


def _space_after_stop(match: re.Match[str], vocabulary: Vocabulary) -> str:
    before, after = match.group(1), match.group(2)
    if vocabulary.is_word(before[:-1]) and vocabulary.is_word(after):
        return f"{before} {after}"
    return match.group(0)


def split_word(word: str, vocabulary: Vocabulary, following: str = "") -> str | None:
    """`word` with a space where two known words were glued, or None to leave it."""
    if len(word) < 4 or not vocabulary.is_unknown(word) or "'" in word or "’" in word:
        return None
    for rule in (_acronym_then_word, _word_then_glue_word, _lower_then_capital, _two_lower_words,
                 _two_capitalised_words):
        parts = rule(word, vocabulary, following)
        if parts:
            return " ".join(parts)
    return None


def _acronym_then_word(word: str, vocabulary: Vocabulary, _following: str) -> tuple[str, str] | None:
    """NATOwill -> NATO will."""
    match = re.fullmatch(r"([A-Z]{2,})([a-z]{2,})", word)
    if match and (match.group(2) in glue_words() or
                  (len(match.group(2)) >= 3 and vocabulary.is_word(match.group(2)))):
        return match.group(1), match.group(2)
    return None


def _word_then_glue_word(word: str, vocabulary: Vocabulary, following: str) -> tuple[str, str] | None:
    """Bloombergbut -> Bloomberg but; Armeniaa -> Armenia a; Poutinethe attention -> Poutine the."""
    for glue in sorted(glue_words(), key=len, reverse=True):
        head = word[: -len(glue)]
        if not word.endswith(glue) or len(head) < 3 or not head[1:].islower():
            continue
        if vocabulary.counts[head] > 0:
            return head, glue
        # A name the text never uses alone, before an article: only when a
        # lower-case word follows, as after "the" in running text.
        if glue in ("the", "but") and head[0].isupper() and len(head) >= 4 and following[:1].islower():
            return head, glue
    return None


def _lower_then_capital(word: str, vocabulary: Vocabulary, _following: str) -> tuple[str, str] | None:
    """forcesRussian -> forces Russian."""
    match = re.fullmatch(r"([a-z]{3,})([A-Z][a-z]{2,})", word)
    if match and vocabulary.is_word(match.group(1)) and vocabulary.is_word(match.group(2)):
        return match.group(1), match.group(2)
    return None


def _two_lower_words(word: str, vocabulary: Vocabulary, _following: str) -> tuple[str, str] | None:
    """forcesrussian -> forces russian: both halves used elsewhere in the text, or long lexicon words."""
    if not word.islower():
        return None
    best: tuple[str, str] | None = None
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if vocabulary.in_text(head) and vocabulary.in_text(tail):
            candidate = (head, tail)
        elif len(head) >= 4 and len(tail) >= 4 and head in vocabulary.lexicon and tail in vocabulary.lexicon:
            candidate = (head, tail)
        else:
            continue
        if best is None or min(map(len, candidate)) > min(map(len, best)):
            best = candidate
    return best


def _two_capitalised_words(word: str, vocabulary: Vocabulary, _following: str) -> tuple[str, str] | None:
    """ArmeniaAzerbaijan -> Armenia Azerbaijan, when the text uses both names alone."""
    match = re.fullmatch(r"([A-Z][a-z]{2,})([A-Z][a-z]{2,})", word)
    if match and vocabulary.counts[match.group(1)] > 0 and vocabulary.counts[match.group(2)] > 0:
        return match.group(1), match.group(2)
    return None
