"""Positions: who says or wants what (first pass: reporting verbs and their subjects)."""
from __future__ import annotations

from generator.extract.article import Article, sentence_text
from generator.extract.cast import Cast
from generator.model import Position
from generator.slugs import slugify

_REPORTING_LEMMAS = {"say", "tell", "urge", "warn", "call", "blame", "accuse", "deny", "demand"}


def find_positions(article: Article, cast: Cast) -> tuple[Position, ...]:
    positions = []
    for sentence in article.sentences:
        verbs = [token for token in sentence if token.lemma_ in _REPORTING_LEMMAS and token.pos_ == "VERB"]
        if not verbs:
            continue
        subjects = [child for child in verbs[0].children if child.dep_ in ("nsubj", "nsubjpass")]
        for subject in subjects:
            mention = cast.mention_at(subject.i)
            if mention and cast.is_party(mention.actor):
                text = sentence_text(sentence)
                positions.append(Position(
                    id=slugify(f"{mention.actor}-{text[:40]}"), actor=mention.actor, speaker=None,
                    stance=text, evidence=(article.evidence(sentence),), date=article.source.published,
                ))
    return tuple(positions)
