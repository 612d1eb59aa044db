"""Acronyms defined by the text itself: "Collective Security Treaty Organization (CSTO)".

The long form is found with the Schwartz & Hearst (2003) algorithm: walk the short
form's characters from the last to the first, finding each in the words before the
parenthesis from right to left; the first character must begin a word.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

_MAX_SHORT_CHARS = 10
_FUNCTION_WORDS = frozenset({"of", "the", "for", "and", "in", "on", "de", "du", "des", "la", "le", "of the", "&"})
_STOP_TOKENS = frozenset({"(", ")", "[", "]", ";", ":", "\u201c", "\u201d", '"', "\u2014", "\u2013"})


@dataclass(frozen=True)
class Definition:
    long: Span
    short: Span


def find_definitions(doc: Doc, named: list[Span] = ()) -> list[Definition]:
    """Every "Long Form (SF)" in `doc`. `named` are spans already known to name something:
    one that ends right before the parenthesis is taken as the long form even when the
    letters do not match (acronyms from another language: "...Research (TNO)")."""
    named_by_end = {span.end: span for span in named}
    found = []
    for token in tokens_at(doc, "("):
        if token.i + 2 >= len(doc) or doc[token.i + 2].text != ")":
            continue
        short = doc[token.i + 1: token.i + 2]
        if not looks_like_acronym(short.text):
            continue
        long = _long_form(doc, token.i, short.text)
        if long is None:
            candidate = named_by_end.get(token.i)
            # "...Research (TNO)", "Liberty and Refoundation party (Libre)": not a person's name,
            # whose parenthesis says something else ("Rebeca Murillo (Libre)" is her party)
            if candidate is not None and len(candidate) > 1 and candidate.label_ != "PERSON" and (
                    short.text.isupper() or len(candidate) >= 3):
                long = candidate
        if long is not None:
            found.append(Definition(long=long, short=short))
    return found


def tokens_at(doc: Doc, *texts: str) -> list:
    """The tokens whose lower-case text is one of `texts`, found through the Doc's array
    (faster than visiting every token of a long article)."""
    hashes = [doc.vocab.strings.add(text) for text in texts]
    rows = numpy.flatnonzero(numpy.isin(doc.to_array(LOWER), hashes))
    return [doc[int(i)] for i in rows]


def looks_like_acronym(text: str) -> bool:
    """"CSTO", "U.N.", "MaT" (capitals past the first) or a short capitalised word ("Dirco")."""
    if not (1 < len(text) <= _MAX_SHORT_CHARS) or not text[0].isupper():
        return False
    capitals = sum(c.isupper() for c in text if c.isalpha())
    return capitals >= 2 or (text.isalpha() and len(text) <= 6)


def _long_form(doc: Doc, paren: int, short: str) -> Span | None:
    """The words before token `paren` that `short` abbreviates, or None."""
    letters = [c.lower() for c in short if c.isalnum()]
    window = min(len(letters) + 5, len(letters) * 2)
    start = paren
    words = 0
    while start > 0 and words < window:
        previous = doc[start - 1]
        if previous.text in _STOP_TOKENS or previous.is_sent_end:
            break
        start -= 1
        words += not previous.is_punct
    # Drop a trailing possessive ("United Nations' (UN)").
    end = paren
    while end > start and doc[end - 1].text in ("'", "\u2019", "'s", "\u2019s"):
        end -= 1
    begin = _match_start(doc[start:end], letters)
    if begin is None:
        return None
    span = doc[begin:end]
    while len(span) and span[0].lower_ in _FUNCTION_WORDS:
        span = span[1:]
    return span if len(span) > 1 or (len(span) == 1 and len(span.text) > len(short)) else None


def _match_start(words: Span, letters: list[str]) -> int | None:
    """Schwartz-Hearst: the token index where the long form starts, or None."""
    text = words.text.lower()
    offsets = [t.idx - words.start_char for t in words]
    s_index, l_index = len(letters) - 1, len(text) - 1
    while s_index >= 0:
        char = letters[s_index]
        while l_index >= 0 and (text[l_index] != char or
                                (s_index == 0 and l_index > 0 and text[l_index - 1].isalnum())):
            l_index -= 1
        if l_index < 0:
            return None
        l_index -= 1
        s_index -= 1
    first_char = l_index + 1
    for i in range(len(offsets) - 1, -1, -1):
        if offsets[i] <= first_char:
            return words[i].i
    return None


def initials(name: str) -> set[str]:
    """The acronyms `name` could go by: "Liberal Democratic Party" -> {"LDP"};
    "Democratic Party for the People" -> {"DPFTP", "DPP"}."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in _FUNCTION_WORDS).upper()
    return {every, content} - {""}


_RENAMING_CUES = (("formerly",), ("known", "as"), ("also", "known", "as"), ("also", "called"),
                  ("formerly", "known", "as"), ("now", "called"), ("renamed",))


_CUE_STARTS = frozenset(cue[0] for cue in _RENAMING_CUES) | {"or"}
_NAME_NOUNS = frozenset({"acronym", "initials", "abbreviation", "name"})


def name_start(participle: Token) -> int:
    """Where the name after "called" or "known as" starts: past "as" and an article."""
    doc = participle.doc
    start = participle.i + 1
    if start < len(doc) and doc[start].lower_ == "as":
        start += 1
    while start < len(doc) and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return start


def renamings(doc: Doc) -> list[tuple[int, int]]:
    """(last token of X, first token of Y) for "X, formerly Y", "X known as Y", "X (also
    called Y)": Y is another name of X, written in the same sentence."""
    pairs = []
    for token in tokens_at(doc, *_CUE_STARTS):
        for cue in _RENAMING_CUES:
            words = doc[token.i: token.i + len(cue)]
            if len(words) != len(cue) or tuple(t.lower_ for t in words) != cue:
                continue
            before, after = token.i - 1, words.end
            while before >= 0 and (doc[before].is_punct or doc[before].lower_ == "also"):
                before -= 1
            participle = next((t for t in words if t.lower_ in ("known", "called", "renamed")), None)
            if participle is not None and participle.dep_ in ("acl", "relcl") and participle.head.i < participle.i:
                if participle.head.conjuncts:
                    continue  # "France, Britain and Germany, known as the E3": the name of them all
                before = participle.head.i  # "The U.N. force in southern Lebanon, known as UNIFIL": the force
            while after < len(doc) and (doc[after].is_punct or doc[after].lower_ in ("the", "a", "an")):
                after += 1
            if 0 <= before and after < len(doc) and doc[before].sent == doc[after].sent:
                pairs.append((before, after))
        if token.lower_ == "known" and doc[token.i + 1: token.i + 3].text.lower() == "by its":
            # "The Congolese army, known by its French acronym FAV"
            words = doc[token.i + 3: min(token.i + 6, len(doc))]
            named = next((t for t in words if t.lower_ in _NAME_NOUNS), None)
            before = token.head.i if token.dep_ == "acl" and token.head.i < token.i else token.i - 1
            after = named.i + 1 if named is not None else len(doc)
            while after < len(doc) and (doc[after].is_punct or doc[after].lower_ in ("the", "a", "an")):
                after += 1  # "known by its acronym, FAV"
            if after < len(doc) and doc[after].sent == token.sent:
                pairs.append((before, after))
        # "Maghawir al Thawra, or MaT": an acronym offered as another name.
        if token.lower_ == "or" and token.i >= 2 and doc[token.i - 1].text == "," and token.i + 1 < len(doc) \
                and looks_like_acronym(doc[token.i + 1].text) and sum(c.isupper() for c in doc[token.i + 1].text) > 1:
            pairs.append((token.i - 2, token.i + 1))
    return pairs
