"""The dateline that opens wire copy ("DUBAI/ATHENS, March 10 (Reuters) -", "Doha (AFP) -",
"CHISINAU -"): where the story was filed. It names no actor and is no part of the first
sentence, whose subject comes after it."""
from __future__ import annotations

import re

from generator.extract.lexicon import gazetteer

_DATELINE = re.compile(r"(?P<places>[A-Z][\w.'\u2019-]*(?:[ /][A-Z][\w.'\u2019-]*){0,3})"
                       r"(?:, [A-Z][\w.]*(?: [A-Z\d][\w.]*){0,2}){0,2}"
                       r"(?P<agency> \([A-Z][\w .&'-]{1,30}\))? ?(?:--|[-\u2013\u2014]) ")
_MIN_PLACE_LETTERS = 4
"""An unlisted word in capitals shorter than this is more likely an acronym than a city."""
_DATELINE_PARAGRAPHS = 3
"""A dateline opens one of the first paragraphs (the title comes before it)."""


def dateline_chars(text: str) -> tuple[int, int] | None:
    """(start, end) character offsets of the dateline in `text`, if it has one."""
    start = 0
    for _ in range(_DATELINE_PARAGRAPHS):
        match = _DATELINE.match(text, start)
        if match is not None and (match.group("agency") or _places_in_capitals(match.group("places"))):
            return match.start(), match.end()
        start = text.find("\n\n", start)
        if start < 0:
            return None
        start += 2
    return None


def _places_in_capitals(text: str) -> bool:
    """"CHISINAU", "DUBAI/ATHENS": places in capitals, not an acronym that opens a sentence
    ("NATO -", "M23 -", "FDLR -"): a listed capital or state, or an unlisted word that reads as one."""
    for word in re.split(r"[ /]", text):
        form = gazetteer().lookup(word)
        if not word.isupper() or not word.replace(".", "").isalpha():
            return False
        if form is not None and (form.type == "short" or form.entry.kind != "state"):
            return False
        if form is None and (len(word) < _MIN_PLACE_LETTERS or not set(word) & set("AEIOUY")):
            return False
    return True
