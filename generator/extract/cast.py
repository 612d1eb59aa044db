"""The cast of one article: its actors and where each is mentioned.

The actors stage produces a Cast; the alliance, position and question stages
read it to turn a span of text into an actor id.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Span

from generator.model import Actor


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

    def is_party(self, actor_id: str | None) -> bool:
        """True for an actor that can hold a position (not a media outlet)."""
        actor = self.actor(actor_id)
        return actor is not None and actor.kind != "media"
