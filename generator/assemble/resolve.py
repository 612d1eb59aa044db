"""Open questions that a later source answers move to "Resolved".

A question is answered when a source published after the question's own
sources states, without hedging, most of what the question asks about: the
sentence holds at least ANSWER_COVERAGE of the question's content words
(compared by a crude stem, so "send troops" meets "sent troops" only through
"troops") and none of the markers of an unsettled statement (may, might,
expected to, unclear, a question mark...). A denial is an answer too: "Russia
did not send troops" settles "Will Russia send troops to Armenia?".
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from generator.model import Evidence, Extraction, OpenQuestion, Source

ANSWER_COVERAGE = 0.75
_MIN_CONTENT_WORDS = 3
_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[A-Z“\"])")
_QUESTION_WORDS = frozenset(
    "a an the of to in on at for and or but is are was were be been being will would could should can "
    "may might must shall does do did has have had what which who whom whose how why when where whether "
    "its it their them they there this that these those with by from as into than any other still yet "
    "s not no".split()
)
_UNSETTLED = frozenset(
    "may might could would unclear unknown uncertain whether expected expects plans plan planned "
    "if unless reportedly allegedly possible possibly probably likely unlikely perhaps".split()
)


def find_resolved(questions: tuple[OpenQuestion, ...],
                  extractions: list[Extraction]) -> tuple[tuple[OpenQuestion, ...], tuple[OpenQuestion, ...]]:
    """(still open, resolved): each resolved question carries the sentence that answers it."""
    sources = [extraction.source for extraction in extractions]
    still_open, resolved = [], []
    for question in questions:
        answer = _answer(question, _later_sources(question, sources))
        if answer is None:
            still_open.append(question)
        else:
            resolved.append(dataclasses.replace(question, resolved_by=(answer,)))
    return tuple(still_open), tuple(resolved)


def _later_sources(question: OpenQuestion, sources: list[Source]) -> list[Source]:
    """Sources dated after every source the question rests on."""
    own = {evidence.source for evidence in question.evidence}
    asked = [s.published for s in sources if s.path in own]
    if not own or not asked or any(date is None for date in asked):
        return []
    latest = max(asked)
    return [s for s in sources if s.path not in own and s.published and s.published > latest]


def _answer(question: OpenQuestion, sources: Iterable[Source]) -> Evidence | None:
    wanted = content_stems(question.question)
    if len(wanted) < _MIN_CONTENT_WORDS:
        return None
    for source in sources:
        for number, paragraph in enumerate(source.paragraphs, start=1):
            for sentence in _SENTENCE_END.split(paragraph):
                if answers(wanted, sentence):
                    return Evidence(source=source.path, paragraph=number, text=sentence.strip())
    return None


def answers(wanted: set[str], sentence: str) -> bool:
    words = _WORD.findall(sentence.lower())
    if sentence.rstrip().endswith("?") or _UNSETTLED & set(words):
        return False
    found = {stem(word) for word in words}
    return len(wanted & found) / len(wanted) >= ANSWER_COVERAGE


def content_stems(text: str) -> set[str]:
    return {stem(word) for word in _WORD.findall(text.lower()) if word not in _QUESTION_WORDS}


def stem(word: str) -> str:
    """A crude English stem: enough to meet "troops"/"troop", "agreed"/"agree", "talks"/"talk"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word
