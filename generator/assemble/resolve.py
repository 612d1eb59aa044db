"""Open questions that a later source answers move to "Resolved"."""
from __future__ import annotations

from generator.model import Extraction, OpenQuestion


def find_resolved(questions: tuple[OpenQuestion, ...],
                  extractions: list[Extraction]) -> tuple[tuple[OpenQuestion, ...], tuple[OpenQuestion, ...]]:
    """(still open, resolved). First pass: nothing is resolved."""
    return questions, ()
