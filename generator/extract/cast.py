"""The cast of one article: its actors and where each is mentioned.

The actors stage produces a Cast; the alliance, position and question stages
read it to turn a span of text into an actor id.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from generator.extract.lexicon import word_sets
from generator.model import Actor


_QUALIFIER_DEPS = ("compound", "amod", "poss", "nmod")


@dataclass(frozen=True, order=True)
class Mention:
    """Tokens [start, end) of the Doc that name `actor`."""

    start: int
    end: int
    actor: str


@dataclass(frozen=True)
class Cast:
    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]
    """Sorted by position, not overlapping."""
    _by_id: dict[str, Actor] = field(init=False, repr=False, compare=False)
    _starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {actor.id: actor for actor in self.actors})
        object.__setattr__(self, "_starts", [mention.start for mention in self.mentions])

    def actor(self, actor_id: str | None) -> Actor | None:
        return self._by_id.get(actor_id) if actor_id else None

    def mention_at(self, token_index: int) -> Mention | None:
        """The mention covering token `token_index`, if any."""
        position = bisect.bisect_right(self._starts, token_index) - 1
        if position >= 0 and self.mentions[position].end > token_index:
            return self.mentions[position]
        return None

    def mentions_in(self, span: Span) -> list[Mention]:
        low = bisect.bisect_left(self._starts, span.start)
        high = bisect.bisect_left(self._starts, span.end)
        return [mention for mention in self.mentions[low:high] if mention.end <= span.end]

    def actors_in(self, span: Span) -> list[str]:
        """Ids of the actors mentioned in `span`, first mention first, each once."""
        return list(dict.fromkeys(mention.actor for mention in self.mentions_in(span)))

    def actor_for(self, token: Token) -> str | None:
        """The actor the noun phrase headed by `token` stands for: a mention covering it
        ("Nikol Pashinyan"), one qualifying it ("Russian troops", "Russia's ministry",
        "the Assad regime"), or the body its people speak for ("representatives for the
        US", "officials of the UN")."""
        mention = self.mention_at(token.i)
        if mention is not None:
            return mention.actor
        for child in token.children:
            if child.dep_ in _QUALIFIER_DEPS and child.i < token.i:
                mention = self.mention_at(child.i)
                if mention is not None:
                    return mention.actor
        if token.lemma_.lower() in word_sets("cues")["spokespeople"]:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "from"):
                    objects = [child for child in prep.children if child.dep_ == "pobj"]
                    if objects:
                        return self.actor_for(objects[0])
        return None

    def side(self, actor_id: str | None) -> str | None:
        """The state or group a person acts for (their affiliation: "French President
        Emmanuel Macron" -> france); anyone else, and a person employed by a body, themselves."""
        actor = self.actor(actor_id)
        if actor is not None and actor.kind == "person":
            affiliation = self.actor(actor.affiliation)
            if affiliation is not None and affiliation.kind in ("state", "group"):
                return affiliation.id
        return actor_id if actor is not None else None

    def is_party(self, actor_id: str | None) -> bool:
        """True for an actor that can hold a position (not a media outlet)."""
        actor = self.actor(actor_id)
        return actor is not None and actor.kind != "media"
