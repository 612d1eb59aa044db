"""Repair scraped text before analysis.

Two faults are common in scraped articles and both confuse the parser:
boilerplate paragraphs ("Leave a Comment", share and subscribe lines) and
words glued together where markup used to separate them ("forcesrussian",
"Bloombergbut", "NATOwill", "Armeniaa military ally"). The repair drops the
first and inserts the missing space in the second; it changes nothing else,
so evidence quoted from the repaired text still reads as the source does.

A glued word is split only on evidence, because a wrong split corrupts a name
or a word the evidence quotes. The word itself must be unknown: not in the
lexicon and used only once in the text. Each part must be a word the text
uses on its own (the lexicon counts for some parts). Rules that could read a
name's own ending as a glued word ("Justin", "Paula", "Kazakhstanis") demand
more: after a capitalised word only glue words of three letters or more are
split off, unless the letters double at the join ("Armeniaa"). URLs, e-mail
addresses, domain names, @handles and #hashtags are never touched.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_MAX_BOILERPLATE_CHARS = 120
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_GLUE = re.compile(r"(?<![./:@\w])([a-z]{2,}[a-z][.!?])([A-Z][a-z]{2,})\b")
# Text that is an address, not prose: split nothing inside it.
# Case matters: a domain ends in a lower-case name ("GlobalSecurity.org"),
# while "said.The" is two sentences glued.
_PROTECTED = re.compile(
    r"(?i:https?://|www\.)\S+"                     # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"               # e-mail addresses
    r"|(?<!\w)[@#]\w+"                             # @handles, #hashtags
    r"|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}\b(?:/\S*)?"  # domain names
)
# Short glue words are also common endings of names, so after a capitalised
# word they are split off only when the letters double at the join.
_MIN_GLUE_AFTER_NAME = 3
_MIN_PART = 3
_MIN_ACRONYM_TAIL = 4


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(line, re.IGNORECASE) for line in _data_lines("boilerplate.txt"))


@lru_cache(maxsize=1)
def glue_words() -> tuple[str, ...]:
    """The glue words, longest first: "forcesthat" is tried with "that" before "at"."""
    return tuple(sorted(set(_data_lines("glue_words.txt")), key=lambda word: (-len(word), word)))


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
        """Used in the text in any case."""
        return self.lower_counts[word.lower()] > 0

    def used_as(self, word: str) -> bool:
        """Used in the text exactly so, capitals included."""
        return self.counts[word] > 0

    def is_word(self, word: str) -> bool:
        return word.lower() in self.lexicon or self.in_text(word)

    def is_unknown(self, word: str) -> bool:
        return word.lower() not in self.lexicon and self.lower_counts[word.lower()] <= 1

    def is_name(self, word: str) -> bool:
        """Used in the text, and always capitalised there: "Russian", "Bloomberg"."""
        lower = word.lower()
        return self.lower_counts[lower] > 0 and self.counts[lower] == 0


def repair(paragraphs: Iterable[str], lexicon: frozenset[str]) -> tuple[list[str], int]:
    """Paragraphs without boilerplate and with glued words split; and how many were dropped."""
    paragraphs = list(paragraphs)
    kept = [paragraph for paragraph in paragraphs if not is_boilerplate(paragraph)]
    vocabulary = Vocabulary.of(kept, lexicon)
    return [split_glued_words(paragraph, vocabulary) for paragraph in kept], len(paragraphs) - len(kept)


def split_glued_words(paragraph: str, vocabulary: Vocabulary) -> str:
    """`paragraph` with glued words split; addresses (URLs, e-mail, domains) left as they are."""
    pieces: list[str] = []
    position = 0
    for match in _PROTECTED.finditer(paragraph):
        pieces.append(_split_in_prose(paragraph[position:match.start()], vocabulary))
        pieces.append(match.group(0))
        position = match.end()
    pieces.append(_split_in_prose(paragraph[position:], vocabulary))
    return "".join(pieces)


def _split_in_prose(text: str, vocabulary: Vocabulary) -> str:
    text = _SENTENCE_GLUE.sub(lambda m: _space_after_stop(m, vocabulary), text)

    def replace(match: re.Match[str]) -> str:
        following = text[match.end():match.end() + 40].lstrip()
        return split_word(match.group(0), vocabulary, following) or match.group(0)

    return _WORD.sub(replace, text)


def _space_after_stop(match: re.Match[str], vocabulary: Vocabulary) -> str:
    """said.The -> said. The, when both are words."""
    before, after = match.group(1), match.group(2)
    if vocabulary.is_word(before[:-1]) and vocabulary.is_word(after):
        return f"{before} {after}"
    return match.group(0)


def split_word(word: str, vocabulary: Vocabulary, following: str = "") -> str | None:
    """`word` with a space where two words were glued, or None to leave it as it is."""
    if len(word) < 4 or not vocabulary.is_unknown(word) or "'" in word or "’" in word:
        return None
    for rule in _RULES:
        parts = rule(word, vocabulary, following)
        if parts:
            return " ".join(parts)
    return None


def _acronym_then_word(word: str, vocabulary: Vocabulary, _following: str) -> tuple[str, str] | None:
    """NATOwill -> NATO will: a glue word after capitals, or a longer word after an acronym the text uses.

    "JPMorgan" stays: "JPM" is not used alone and "organ" is no glue word.
    """
    match = re.fullmatch(r"([A-Z]{2,})([a-z]{2,})", word)
    if not match:
        return None
    acronym, tail = match.groups()
    if tail in glue_words():
        return acronym, tail
    if vocabulary.used_as(acronym) and len(tail) >= _MIN_ACRONYM_TAIL and vocabulary.is_word(tail):
        return acronym, tail
    return None


def _word_then_glue_word(word: str, vocabulary: Vocabulary, following: str) -> tuple[str, str] | None:
    """Bloombergbut -> Bloomberg but; Armeniaa -> Armenia a; forcesthe -> forces the."""
    for glue in glue_words():
        head = word[: -len(glue)]
        if not word.endswith(glue) or len(head) < _MIN_PART or not head[1:].islower():
            continue
        if head[0].isupper() and len(glue) < _MIN_GLUE_AFTER_NAME and head[-1] != glue[0]:
            continue  # Paula, Justin, Tibetan, Kazakhstanis: a name's ending, not a glued word
        if vocabulary.used_as(head):
            return head, glue
        # A name the text never uses alone, before an article: only when a
        # lower-case word follows, as after "the" in running text.
        if glue in ("the", "but") and head[0].isupper() and len(head) >= 4 and following[:1].islower():
            return head, glue
    return None


def _lower_then_capital(word: str, vocabulary: Vocabulary, _following: str) -> tuple[str, str] | None:
    """forcesRussian -> forces Russian, when the text writes "Russian" so elsewhere."""
    match = re.fullmatch(r"([a-z]{3,})([A-Z][a-z]{2,})", word)
    if match and vocabulary.is_word(match.group(1)) and vocabulary.used_as(match.group(2)):
        return match.group(1), match.group(2)
    return None


def _lower_then_name(word: str, vocabulary: Vocabulary, _following: str) -> tuple[str, str] | None:
    """forcesrussian -> forces russian: the text uses the head alone and writes the tail only as a name.

    A lower-case compound ("newsroom", "airstrikes") ends in a common word,
    which the text writes in lower case too, so it stays whole.
    """
    if not word.islower():
        return None
    for cut in range(_MIN_PART, len(word) - _MIN_PART + 1):
        head, tail = word[:cut], word[cut:]
        if vocabulary.in_text(head) and vocabulary.is_name(tail):
            return head, tail
    return None


def _two_names(word: str, vocabulary: Vocabulary, _following: str) -> tuple[str, str] | None:
    """ArmeniaAzerbaijan -> Armenia Azerbaijan, when the text uses both names alone.

    Both must be names in the text (never written in lower case): "YouTube" stays
    although sentences begin with "You".
    """
    match = re.fullmatch(r"([A-Z][a-z]{2,})([A-Z][a-z]{2,})", word)
    if match and all(vocabulary.used_as(part) and vocabulary.is_name(part) for part in match.groups()):
        return match.group(1), match.group(2)
    return None


_RULES: tuple[Callable[[str, Vocabulary, str], tuple[str, str] | None], ...] = (
    _acronym_then_word, _word_then_glue_word, _lower_then_capital, _lower_then_name, _two_names,
)
