"""Positions: who wants what, in their words.

Statements come from the dependency parse (attribution.py); a holder's
statements in adjacent sentences become one position with several evidence
sentences, and its stance is phrased as one present-tense line (stance.py).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from generator.extract.article import Article
from generator.extract.attribution import Holder, Statement, find_statements
from generator.extract.cast import Cast
from generator.extract.quotes import QuoteIndex, find_quotes
from generator.extract.stance import stance_of
from generator.model import Position
from generator.slugs import slugify, unique_slug

MAX_STANCE_PARTS = 3
"""A merged position keeps the stances of its first few statements."""
MAX_QUOTE_CHARS = 600
_ID_WORDS = 6
_MERGE_GAP = 1
"""Statements at most this many sentences apart merge (the next sentence is adjacent)."""


@dataclass
class _Group:
    holder: Holder
    statements: list[Statement] = field(default_factory=list)
    sentence_numbers: list[int] = field(default_factory=list)
    quoted: list[Span] = field(default_factory=list)


def find_positions(article: Article, cast: Cast) -> tuple[Position, ...]:
    quotes = find_quotes(article.doc.text, article.paragraph_starts)
    statements = _consistent_holders(find_statements(article, cast, quotes))
    sentences = article.sentences
    taken: set[str] = set()
    positions = []
    for group in _merge(statements):
        position = _position(group, article, sentences, cast, quotes, taken)
        if position is not None:
            positions.append(position)
    return tuple(positions)


def _consistent_holders(statements: list[Statement]) -> list[Statement]:
    """A speaker's statements all belong to the body the fullest mention of them names."""
    body_of = {}
    for statement in statements:
        holder = statement.holder
        if holder.speaker and holder.actor != holder.speaker:
            body_of.setdefault(holder.speaker, holder.actor)
    for statement in statements:
        speaker = statement.holder.speaker
        if speaker in body_of:
            statement.holder = Holder(actor=body_of[speaker], speaker=speaker)
    return statements


def _merge(statements: list[Statement]) -> list[_Group]:
    """One group per holder and run of adjacent sentences, in document order."""
    groups: list[_Group] = []
    latest: dict[Holder, _Group] = {}
    for statement in sorted(statements, key=lambda s: (s.sentence_numbers[0], s.cue.i)):
        group = latest.get(statement.holder)
        if group is None or statement.sentence_numbers[0] > max(group.sentence_numbers) + _MERGE_GAP:
            group = _Group(holder=statement.holder)
            groups.append(group)
            latest[statement.holder] = group
        group.statements.append(statement)
        group.sentence_numbers = sorted(set(group.sentence_numbers) | set(statement.sentence_numbers))
        group.quoted.extend(span for span in statement.quoted if span not in group.quoted)
    return groups


def _position(group: _Group, article: Article, sentences: list[Span], cast: Cast, quotes: QuoteIndex,
              taken: set[str]) -> Position | None:
    stances = []
    for statement in group.statements:
        stance = stance_of(statement.cue, statement.quoted or group.quoted, quotes)
        if stance and stance not in stances:
            stances.append(stance)
    if not stances:
        return None
    stance = "; ".join(stances[:MAX_STANCE_PARTS])
    holder = group.holder
    base = slugify(f"{holder.actor} {' '.join(stance.split()[:_ID_WORDS])}")
    position_id = unique_slug(base, taken)
    taken.add(position_id)
    evidence = tuple(dict.fromkeys(article.evidence(sentences[number]) for number in group.sentence_numbers))
    quote = " ".join(text for text in (quotes.quoted_text(span) for span in group.quoted) if text)
    return Position(id=position_id, actor=holder.actor, speaker=holder.speaker, stance=stance,
                    target=_target(group, cast), quote=quote[:MAX_QUOTE_CHARS] or None, evidence=evidence,
                    date=article.source.published)


def _target(group: _Group, cast: Cast) -> str | None:
    """The first other party the first statement's verb acts on or speaks of."""
    cue = group.statements[0].cue
    own = {group.holder.actor, group.holder.speaker}
    for child in cue.rights:
        if child.dep_ in ("nsubj", "punct", "advcl", "conj", "cc"):
            continue
        for token in child.subtree:
            mention = cast.mention_at(token.i)
            if mention is not None and mention.actor not in own and cast.is_party(mention.actor):
                return mention.actor
    return None
