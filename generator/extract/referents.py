"""Who a pronoun stands for: the last matching actor the text put forward.

News text names a speaker once and then says "he said". The referent of a
personal pronoun is the most recent person who spoke or was the subject of a
main clause, else the most recent person named; "it" and "they" go to the most
recent state, organization or group in that role. Words inside quotes are the
speaker's, not the narrator's, so they never introduce a referent.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from generator.extract.cast import Cast, Mention
from generator.extract.lexicon import word_sets
from generator.extract.quotes import QuoteIndex

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
THING_PRONOUNS = frozenset({"it", "they", "them"})
_LOOKBACK_SENTENCES = 3
"""A referent named further back than this many sentences is too far to trust."""



@dataclass
class Referents:
    """Running memory of the actors put forward so far, filled in document order."""

    cast: Cast
    quotes: QuoteIndex
    _people: list[tuple[int, int, str, bool]] = field(default_factory=list)
    """(sentence number, token index, actor id, prominent) for each person put forward."""
    _things: list[tuple[int, int, str, bool]] = field(default_factory=list)
    _described: list[tuple[int, int, str, str]] = field(default_factory=list)
    """(sentence number, token index, actor id, noun) for each description in apposition to a name:
    "Operation Kleitos, the EU's naval mission" -> "mission"."""

    def read(self, sentence_number: int, sentence: Span) -> None:
        """Remember the actors named in `sentence` (outside quotes); main-clause subjects are prominent."""
        for mention in self.cast.mentions_in(sentence):
            token = sentence.doc[mention.start]
            if self.quotes.inside(token) or not self.cast.is_party(mention.actor):
                continue
            span = sentence.doc[mention.start:mention.end]
            self._remember(sentence_number, mention, _is_main_subject(span))
            for noun in (c for c in span.root.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
                self._described.append((sentence_number, noun.i, mention.actor, noun.lemma_.lower()))

    def promote(self, sentence_number: int, mention: Mention) -> None:
        """Mark `mention` as prominent: it holds a position."""
        self._remember(sentence_number, mention, True)

    def resolve(self, pronoun: Token, sentence_number: int) -> str | None:
        """Actor id that `pronoun` (he, she, it, they...) stands for, or None."""
        word = pronoun.lower_
        if word in PERSON_PRONOUNS:
            pool = self._people
        elif word in THING_PRONOUNS:
            pool = self._things
        else:
            return None
        earlier = [entry for entry in pool
                   if entry[1] < pronoun.i and sentence_number - entry[0] <= _LOOKBACK_SENTENCES]
        prominent = [entry for entry in earlier if entry[3]]
        if prominent:
            return max(prominent, key=lambda entry: entry[1])[2]
        if word in PERSON_PRONOUNS and earlier:
            return max(earlier, key=lambda entry: entry[1])[2]
        return None

    def resolve_description(self, noun: Token, sentence_number: int) -> str | None:
        """The actor a definite description stands for: "the agency" after the UN Relief and Works
        Agency, "the court" after the International Court of Justice; the latest actor named in the
        last few sentences whose name holds the noun, else one the text described so ("the mission"
        after "Operation Kleitos, the EU's naval mission")."""
        if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
                or any(c.dep_ in ("compound", "amod", "poss") for c in noun.children):
            return None
        word = noun.lemma_.lower()
        earlier = [entry for entry in self._things + self._people
                   if entry[1] < noun.i and sentence_number - entry[0] <= _LOOKBACK_SENTENCES]
        for entry in sorted(earlier, key=lambda e: -e[1]):
            actor = self.cast.actor(entry[2])
            if actor is not None and word in {w.lower() for w in actor.name.replace("-", " ").split()}:
                return actor.id
        described = [entry for entry in self._described
                     if entry[1] < noun.i and entry[3] == word and sentence_number - entry[0] <= _LOOKBACK_SENTENCES]
        return max(described, key=lambda e: e[1])[2] if described else None

    def _remember(self, sentence_number: int, mention: Mention, prominent: bool) -> None:
        actor = self.cast.actor(mention.actor)
        if actor is None:
            return
        pool = self._people if actor.kind == "person" else self._things
        pool.append((sentence_number, mention.start, mention.actor, prominent))
        if len(pool) > 64:  # only the recent past matters; keep the scan short
            del pool[:32]


@lru_cache(maxsize=1)
def _organ_heads() -> frozenset[str]:
    """Nouns of a state's organs (organs.yml): "Somalia's government" acts for Somalia."""
    organs = word_sets("organs")
    return frozenset(organs["civil"]) | frozenset(organs["military"])


def _is_main_subject(mention: Span) -> bool:
    """The mention is (or heads) the subject of the main clause, a clause joined to it, or a side
    clause ("When Ghani announced ..., he said": Ghani), not of a reported or relative clause
    ("told ... that Sinwar's appointment was ...": not Sinwar; "the effect Sinwar may have": not Sinwar)."""
    token = mention.root
    while token.dep_ in ("appos", "conj") and token.head != token:
        token = token.head
    if token.dep_ == "poss" and token.head.lemma_.lower() in _organ_heads():
        token = token.head  # "Somalia's federal government reacted": the state is what "it" stands for next
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ in ("ROOT", "conj", "advcl")
